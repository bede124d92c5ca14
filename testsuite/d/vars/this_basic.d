/* clause-local variables */
/* @@options: -q */
BEGIN
{
	this->x = 3;
	this->y = this->x * 2;
	printf("%d\n", this->y);
	exit(0);
}
