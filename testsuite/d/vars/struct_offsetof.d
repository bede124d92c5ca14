/* offsetof and padding */
/* @@options: -q */
struct s3 {
	char c;
	int i;
	long l;
};

BEGIN
{
	printf("%d %d %d\n", offsetof(struct s3, i), offsetof(struct s3, l), sizeof (struct s3));
	exit(0);
}
