#define INCLUDED 99
