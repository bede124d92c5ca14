/* kernel typedef names not in D's own table resolve through BTF */
/* @@options: -q */
umode_t mode;

BEGIN
{
	printf("%d %d %d %d %d\n", sizeof (umode_t), sizeof (loff_t),
	    sizeof (gfp_t), sizeof (u8), sizeof (__u32));
	mode = 0x1ffff;
	this->l = (loff_t)-1;
	this->b = (u8)0x1234;
	printf("%x %d %x\n", mode, this->l, this->b);
	exit(0);
}
