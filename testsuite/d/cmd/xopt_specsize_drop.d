/* @@options: -q -x specsize=16 */
/* A record larger than the speculative buffer is a speculative drop; the
 * commit then has nothing to copy. */
BEGIN
{
	s = speculation();
}

BEGIN
{
	speculate(s);
	printf("%s\n", "longer than sixteen bytes");
}

BEGIN
{
	commit(s);
	exit(0);
}
