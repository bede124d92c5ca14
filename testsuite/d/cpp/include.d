/* #include of a local header */
/* @@options: -q -C */
#include "inc/defs.h"

BEGIN
{
	printf("%d\n", INCLUDED);
	exit(0);
}
