/* inline string */
/* @@options: -q */
inline string GREETING = "hi";

BEGIN
{
	printf("%s\n", GREETING);
	exit(0);
}
