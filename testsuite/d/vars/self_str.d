/* string thread-local */
/* @@options: -q */
BEGIN
{
	self->s = "tls";
	printf("%s\n", self->s);
	exit(0);
}
