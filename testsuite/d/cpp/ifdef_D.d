/* -C -DFOO enables an #ifdef block */
/* @@options: -q -C -DFOO */
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
