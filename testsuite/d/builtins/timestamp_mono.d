/* timestamp does not go backwards */
/* @@options: -q */
BEGIN
{
	t = timestamp;
	printf("%d\n", timestamp >= t);
	exit(0);
}
