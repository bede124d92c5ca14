/* a syntax error on line 4: counted from this file's first line */
BEGIN
{
	x = ;
}
