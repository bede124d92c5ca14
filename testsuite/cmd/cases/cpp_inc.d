#include "guard.h"
BEGIN
{
	printf("%d\n", VAL);
	exit(0);
}
