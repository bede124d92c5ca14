/* assigning 0 frees a thread-local */
/* @@options: -q */
BEGIN
{
	self->x = 5;
	self->x = 0;
	printf("%d\n", self->x);
	exit(0);
}
