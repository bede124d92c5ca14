/* module and function that BEGIN does not have */
/* @@options: -q -xerrtags */
/* @@status: 1 */
dtrace:a:b:BEGIN {
	exit(0);
}
