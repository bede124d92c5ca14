/* a backquoted name the kernel does not have */
/* @@options: -q -xerrtags */
/* @@status: 1 */
BEGIN
{
	trace(`no_such_kernel_symbol_here);
}
