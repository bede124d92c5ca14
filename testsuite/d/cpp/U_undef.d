/* -U undoes -D */
/* @@options: -q -C -DBAR -UBAR */
#ifndef BAR
BEGIN
{
	printf("nobar\n");
}
#endif

BEGIN
{
	exit(0);
}
