/* string variable reassigned */
/* @@options: -q */
BEGIN
{
	s = "one";
	s = "three";
	printf("%s\n", s);
	exit(0);
}
