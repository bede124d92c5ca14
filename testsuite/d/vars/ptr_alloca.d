/* store and load through an alloca() pointer */
/* @@options: -q */
BEGIN
{
	this->p = (int *)alloca(sizeof (int));
	*this->p = 41;
	*this->p += 1;
	printf("%d\n", *this->p);
	exit(0);
}
