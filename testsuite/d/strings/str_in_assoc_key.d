/* string as an associative array key and value */
/* @@options: -q */
BEGIN
{
	a["k"] = "v";
	printf("%s\n", a["k"]);
	exit(0);
}
