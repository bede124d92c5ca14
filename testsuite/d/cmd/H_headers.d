/* @@options: -q -C -H -Iinc */
/* -H: cpp lists the headers it includes on stderr. */
#include "guard.h"

BEGIN
{
	printf("%d\n", VAL);
	exit(0);
}
