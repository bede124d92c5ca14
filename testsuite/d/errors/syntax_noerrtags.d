/* without -xerrtags no [TAG] is shown */
/* @@options: -q */
/* @@status: 1 */
BEGIN
{
	x = 1 +;
}
