/* declared string global */
/* @@options: -q */
string s;

BEGIN
{
	s = "x";
	printf("%s\n", s);
	exit(0);
}
