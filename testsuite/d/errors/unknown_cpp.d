/* -C with a preprocessor that fails (#error); the first stderr line is gcc cpp's */
/* @@options: -q -C -xerrtags */
/* @@status: 1 */
#error stop here
BEGIN
{
	exit(0);
}
