/* tick-1ms */
/* @@options: -q */
tick-1ms
/++n >= 5/
{
	exit(0);
}

END
{
	printf("%s\n", n >= 5 ? "ok" : "bad");
}
