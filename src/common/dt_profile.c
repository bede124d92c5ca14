/*
 * dt_profile.c - profile provider probe names.  Shared by the kernel
 * module and user space, so no libc: the string helpers are local.
 */
#include "dt_profile.h"

#define NSEC 1000000000ULL

const char *const dt_profile_defaults[DT_PROFILE_NDEFAULTS] = {
	"profile-97", "profile-199", "profile-499", "profile-997",
	"profile-1999", "profile-4001", "profile-4999", "tick-1",
	"tick-10", "tick-100", "tick-500", "tick-1000", "tick-5000",
	"tick-1sec", "tick-10sec",
};

static const char *skip_prefix(const char *s, const char *pfx)
{
	while (*pfx != '\0')
		if (*s++ != *pfx++)
			return (const char *)0;
	return s;
}

static int str_eq(const char *a, const char *b)
{
	while (*a != '\0' && *a == *b) {
		a++;
		b++;
	}
	return *a == *b;
}

uint64_t dt_profile_period(const char *name, int *is_tick)
{
	static const struct {
		const char *sfx;
		uint64_t ns; /* 0: a rate in Hz */
	} units[] = {
		{ "", 0 }, { "hz", 0 },
		{ "ns", 1 }, { "nsec", 1 }, { "us", 1000 }, { "usec", 1000 },
		{ "ms", 1000000 }, { "msec", 1000000 },
		{ "s", NSEC }, { "sec", NSEC },
		{ "m", 60 * NSEC }, { "min", 60 * NSEC },
		{ "h", 3600 * NSEC }, { "hour", 3600 * NSEC },
		{ "d", 86400 * NSEC }, { "day", 86400 * NSEC },
	};
	const char *p;
	uint64_t n = 0;
	unsigned i;

	if ((p = skip_prefix(name, "tick-")) != (const char *)0)
		*is_tick = 1;
	else if ((p = skip_prefix(name, "profile-")) != (const char *)0)
		*is_tick = 0;
	else
		return 0;
	if (*p < '0' || *p > '9')
		return 0;
	for (; *p >= '0' && *p <= '9'; p++) {
		n = n * 10 + (uint64_t)(*p - '0');
		if (n > NSEC) /* more than a second's worth of anything */
			return 0;
	}
	if (n == 0)
		return 0;
	for (i = 0; i < sizeof(units) / sizeof(units[0]); i++) {
		if (!str_eq(units[i].sfx, p))
			continue;
		return units[i].ns == 0 ? dt_port_udiv64(NSEC, n) :
					  n * units[i].ns;
	}
	return 0;
}
