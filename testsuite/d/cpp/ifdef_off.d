/* -C without -D skips an #ifdef block */
/* @@options: -q -C */
#ifdef FOO
BEGIN
{
	printf("foo\n");
}
#endif

BEGIN
{
	exit(0);
}
