# kernels before 6.6 have no uprobe_multi links: DTRACE_UPROBE=perf makes
# the backend attach through perf uprobes as it does there, and the
# entry count, USDT arguments and SIGKILL cleanup tests run again that way
here=$(dirname "$0")
export DTRACE_UPROBE=perf
for t in pid-count pid-args-return usdt-args usdt-semaphore pid-sigkill; do
	sh "$here/$t.sh" || { echo "$t failed with perf uprobes"; exit 1; }
done
