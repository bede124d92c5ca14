/* 64-bit key prints %16d */
/* @@options: -q */
BEGIN
{
	@c[(int64_t)7] = count();
	exit(0);
}
