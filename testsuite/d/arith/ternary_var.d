/* ?: choosing a string */
/* @@options: -q */
BEGIN
{
	x = 3;
	printf("%s\n", x > 2 ? "big" : "small");
	exit(0);
}
