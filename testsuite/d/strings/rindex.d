/* rindex() finds the last match */
/* @@options: -q */
BEGIN
{
	printf("%d\n", rindex("hello", "l"));
	exit(0);
}
