/* thread-local associative array */
/* @@options: -q */
BEGIN
{
	self->a[3] = 4;
	printf("%d\n", self->a[3]);
	exit(0);
}
