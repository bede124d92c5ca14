/* -C with an earlier -n program: only this text is preprocessed */
#define TWO 2
BEGIN
{
	printf("%d %d\n", FOO, TWO);
	exit(0);
}
