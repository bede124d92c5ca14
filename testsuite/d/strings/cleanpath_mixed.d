/* cleanpath(): .. past the start, trailing slash, "." only */
/* @@options: -q */
BEGIN
{
	printf("%s|%s|%s|%s\n", cleanpath("a/../../b/"), cleanpath("/../x"),
	    cleanpath("./"), cleanpath("//a//b/./c/.."));
	printf("[%s]|%s|%s\n", cleanpath(""), cleanpath("a/.."),
	    cleanpath("/a/b/../../.."));
	exit(0);
}
