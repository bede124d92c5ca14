/* empty statements are allowed */
/* @@options: -q */
BEGIN
{
	;
	printf("x\n");;
	exit(0);
}
