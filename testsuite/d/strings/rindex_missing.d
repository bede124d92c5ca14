/* rindex() without a match */
/* @@options: -q */
BEGIN
{
	printf("%d\n", rindex("hello", "z"));
	exit(0);
}
