/* inet_ntop() of AF_INET (2) and AF_INET6 (10) addresses */
/* @@options: -q */
BEGIN
{
	this->a = (uint8_t *)alloca(16);
	this->a[0] = 0xfe; this->a[1] = 0x80; this->a[2] = 0; this->a[3] = 0;
	this->a[4] = 0; this->a[5] = 0; this->a[6] = 0; this->a[7] = 0;
	this->a[8] = 0x02; this->a[9] = 0x1b; this->a[10] = 0x21;
	this->a[11] = 0xff; this->a[12] = 10; this->a[13] = 0;
	this->a[14] = 2; this->a[15] = 255;
	printf("%s\n", inet_ntop(10, (void *)this->a));
	printf("%s\n", inet_ntop(2, (void *)&this->a[12]));
	exit(0);
}
