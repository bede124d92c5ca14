#ifndef D_CMD_GUARD_H
#define D_CMD_GUARD_H
#define VAL 42
#endif
