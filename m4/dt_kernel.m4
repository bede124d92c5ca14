# DT_KERNEL(CONFIG): kernel discovery (placeholder until written)
AC_DEFUN([DT_KERNEL], [dt_kmod_summary="not yet"])
