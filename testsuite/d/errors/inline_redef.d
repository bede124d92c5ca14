/* inline defined twice */
/* @@options: -q -xerrtags */
/* @@status: 1 */
inline int x = 1;
inline int x = 2;
