/* aggsortrev reverses the value order */
/* @@options: -q */
#pragma D option aggsortrev

BEGIN
{
	@c["b"] = sum(1);
	@c["a"] = sum(5);
	@c["c"] = sum(3);
	exit(0);
}
