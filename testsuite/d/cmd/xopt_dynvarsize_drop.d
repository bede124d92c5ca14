/* @@options: -q -x dynvarsize=64 */
/* 64 bytes of dynamic variable space hold one of these entries here (the
 * count depends on the entry size of our dynamic variable store); the
 * other stores are dynamic variable drops and read back as 0. */
BEGIN
{
	a[1] = 1;
	a[2] = 2;
	a[3] = 3;
	a[4] = 4;
	a[5] = 5;
	printf("%d %d\n", a[1], a[5]);
	exit(0);
}
