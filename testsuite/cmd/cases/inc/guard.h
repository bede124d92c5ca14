#ifndef CMD_GUARD_H
#define CMD_GUARD_H
#define VAL 42
#endif
