/* the dtrace provider's probes have no args[]: even index 0 is out of range */
/* @@options: -q -xerrtags */
/* @@status: 1 */
dtrace:::END
{
	trace(args[0]);
}
