/* profile-97 stops the run */
/* @@options: -q */
profile-97
{
	exit(0);
}

END
{
	printf("done\n");
}
