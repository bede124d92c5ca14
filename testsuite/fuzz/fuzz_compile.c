/*
 * fuzz_compile.c - libFuzzer target: any input must either compile or
 * fail with an error, never crash, leak or trip a sanitizer.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "dt_compile.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	dt_cc_opts_t o;
	dt_cc_error_t e;
	dt_program_t *p;
	char *src, *argv[3] = { (char *)"fuzz.d", (char *)"42",
		(char *)"str" };

	if (size > 65536)
		return 0;
	src = malloc(size + 1);
	if (src == NULL)
		return 0;
	memcpy(src, data, size);
	src[size] = '\0';
	memset(&o, 0, sizeof(o));
	/* the first byte picks the mode: script, or a probe-spec field */
	o.cc_probespec = size > 0 ? data[0] % 5 : 0;
	o.cc_argv = argv;
	o.cc_argc = size > 1 && (data[1] & 1) ? 3 : 1;
	p = dt_compile(src, &o, &e);
	dt_program_free(p);
	free(src);
	return 0;
}
