/* translator to a scalar type */
/* @@options: -q -xerrtags */
/* @@status: 1 */
translator int < int x > {
};
