/* thread-local variable */
/* @@options: -q */
BEGIN
{
	self->x = 5;
	printf("%d\n", self->x);
	exit(0);
}
