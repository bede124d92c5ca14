/* a #! first line is ignored */
/* @@options: -q */
#!/usr/sbin/dtrace -s
BEGIN
{
	printf("ok\n");
	exit(0);
}
