/* @@options: -q -x nspec=1 */
/* With one speculative buffer a second speculation() gets 0 and is
 * reported as a failed speculation. */
BEGIN
{
	s1 = speculation();
	s2 = speculation();
	printf("%d %d\n", s1, s2);
	exit(0);
}
