/* probe description matching nothing */
/* @@options: -q -xerrtags */
/* @@status: 1 */
nosuchprov:::nosuchprobe {
	exit(0);
}
