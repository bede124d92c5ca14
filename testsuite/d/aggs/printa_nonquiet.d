/* printa() in default output mode */ /* @@cpu-any */
BEGIN
{
	@c = count();
	printa(@c);
	exit(0);
}
