/* -I adds an include directory */
/* @@options: -q -C -Iinc */
#include <defs.h>

BEGIN
{
	printf("%d\n", INCLUDED);
	exit(0);
}
