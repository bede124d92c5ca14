/* a whole program on one line */
/* @@options: -q */
BEGIN { printf("one\n"); exit(0); }
