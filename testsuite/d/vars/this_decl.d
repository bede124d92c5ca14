/* declared clause-local */
/* @@options: -q */
this int n;

BEGIN
{
	this->n = 12;
	printf("%d\n", this->n);
	exit(0);
}
