/* aggsortkey sorts by key */
/* @@options: -q */
#pragma D option aggsortkey

BEGIN
{
	@c["b"] = sum(1);
	@c["a"] = sum(5);
	@c["c"] = sum(3);
	exit(0);
}
