/* default output: header, CPU/ID/FUNCTION:NAME prefix, int traced as %8d */ /* @@cpu-any */
BEGIN
{
	trace(1);
	exit(0);
}
