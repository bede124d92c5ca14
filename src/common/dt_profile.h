/*
 * dt_profile.h - the profile provider's probe names (profile-N, tick-N),
 * the same for every backend: which names exist by default, and the
 * period a name asks for.
 */
#ifndef DT_PROFILE_H
#define DT_PROFILE_H

#include "dt_port.h"

/* the probes every backend lists before any description asks for more */
#define DT_PROFILE_NDEFAULTS 15
extern const char *const dt_profile_defaults[DT_PROFILE_NDEFAULTS];

/*
 * The period in ns of "profile-N[unit]" or "tick-N[unit]" (units ns nsec
 * us usec ms msec s sec m min h hour d day hz; none means hz), setting
 * *is_tick; 0 if name is not such a probe.
 */
uint64_t dt_profile_period(const char *name, int *is_tick);

#endif /* DT_PROFILE_H */
