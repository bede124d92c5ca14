/* bcopy() between alloca() buffers */
/* @@options: -q */
BEGIN
{
	this->a = (int *)alloca(sizeof (int));
	this->b = (int *)alloca(sizeof (int));
	*this->a = 5;
	bcopy(this->a, this->b, sizeof (int));
	printf("%d\n", *this->b);
	exit(0);
}
