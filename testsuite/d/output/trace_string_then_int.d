/* string record padded before the next record */
BEGIN
{
	trace("ab");
	trace(3);
	exit(0);
}
