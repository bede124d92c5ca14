/* printa() in END */
/* @@options: -q */
BEGIN
{
	@c["k"] = sum(3);
	exit(0);
}

END
{
	printa(@c);
}
