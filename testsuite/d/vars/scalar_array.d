/* declared scalar array */
/* @@options: -q */
int a[5];

BEGIN
{
	a[2] = 7;
	printf("%d %d\n", a[2], a[0]);
	exit(0);
}
