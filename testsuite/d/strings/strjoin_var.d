/* strjoin() result stored in a variable */
/* @@options: -q */
BEGIN
{
	s = "ab";
	s = strjoin(s, "cd");
	printf("%s\n", s);
	exit(0);
}
