# DT_USER_PROBES: user-space feature probes (placeholder until written)
AC_DEFUN([DT_USER_PROBES], [])
