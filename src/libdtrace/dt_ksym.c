/*
 * dt_ksym.c - kernel symbol lookup for backquoted names.  The file is
 * scanned on each lookup (a program names few symbols); the module of
 * the match is kept in a static buffer, like the answer of a lookup.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dt_ksym.h"

int dt_ksym_lookup(const char *mod, const char *name, uint64_t *addr,
		   char *kind, const char **modp)
{
	static char found_mod[64];
	const char *path = getenv("DTRACE_KALLSYMS");
	char line[512];
	FILE *f;
	int rc = -1;

	if (path == NULL || *path == '\0')
		path = "/proc/kallsyms";
	if (strcmp(path, "none") == 0 || (f = fopen(path, "r")) == NULL)
		return -1;
	while (fgets(line, sizeof(line), f) != NULL) {
		char k, sym[256], m[64] = "";
		unsigned long long a;
		char *lb;

		if (sscanf(line, "%llx %c %255s", &a, &k, sym) != 3 ||
		    strcmp(sym, name) != 0)
			continue;
		if ((lb = strchr(line, '[')) != NULL)
			sscanf(lb + 1, "%63[^]]", m);
		if (m[0] == '\0')
			strcpy(m, "vmlinux");
		if (mod != NULL && mod[0] != '\0' && strcmp(mod, m) != 0)
			continue;
		*addr = a;
		*kind = k;
		snprintf(found_mod, sizeof(found_mod), "%s", m);
		*modp = found_mod;
		rc = 0;
		break;
	}
	fclose(f);
	return rc;
}
