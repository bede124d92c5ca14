BEGIN
{
	printf("%d\n", X);
	exit(0);
}
