/* 0 flag with a negative value */
/* @@options: -q */
BEGIN
{
	printf("[%05d]\n", -42);
	exit(0);
}
