/* this-> variable used as an array */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	this->a[1] = 2;
}
