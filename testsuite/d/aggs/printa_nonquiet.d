/* printa() in default output mode */
BEGIN
{
	@c = count();
	printa(@c);
	exit(0);
}
