/* inet_ntoa() of 127.0.0.1 */
/* @@options: -q */
BEGIN
{
	this->a = (uint32_t *)alloca(sizeof (uint32_t));
	*this->a = htonl(0x7f000001);
	printf("%s\n", inet_ntoa(this->a));
	exit(0);
}
