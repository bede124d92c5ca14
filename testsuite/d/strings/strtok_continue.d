/* strtok(NULL, d) goes on where the last strtok() stopped, also in a
 * later clause; past the last token it gives NULL, and a NULL string
 * compares as "" */
/* @@options: -q */
BEGIN
{
	s = "a,b;;c";
	printf("[%s]", strtok(s, ",;"));
	printf("[%s]", strtok((char *)0, ",;"));
}
BEGIN
{
	printf("[%s]", strtok((char *)0, ";"));
	printf(" %d", strtok((char *)0, ";") == (char *)0);
	printf(" %d", strtok((char *)0, ";") == "");
	printf(" %d %d\n", s == (char *)0, "" == (char *)0);
	exit(0);
}
