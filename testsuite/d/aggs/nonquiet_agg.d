/* aggregation printed at exit in default mode */ /* @@cpu-any */
BEGIN
{
	@a["x"] = count();
	exit(0);
}
