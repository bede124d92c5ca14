/* `func and &`func: a kernel function's address, from kallsyms */
/* @@options: -q */
BEGIN
{
	printf("%d %d %d\n", &`vfs_read != 0, `vfs_read == &`vfs_read,
	    vmlinux`vfs_read == `vfs_read);
	exit(0);
}
