/* key from a variable */
/* @@options: -q */
BEGIN
{
	k = "key";
	a[k] = 3;
	printf("%d\n", a["key"]);
	exit(0);
}
