/* union size */
/* @@options: -q */
union u {
	int i;
	char c[8];
};

BEGIN
{
	printf("%d\n", sizeof (union u));
	exit(0);
}
