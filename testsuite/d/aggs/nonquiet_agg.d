/* aggregation printed at exit in default mode */
BEGIN
{
	@a["x"] = count();
	exit(0);
}
