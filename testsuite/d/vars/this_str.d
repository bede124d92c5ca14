/* string clause-local */
/* @@options: -q */
BEGIN
{
	this->s = strjoin("a", "b");
	printf("%s\n", this->s);
	exit(0);
}
