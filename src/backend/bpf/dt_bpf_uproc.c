/*
 * dt_bpf_uproc.c - the objects a traced process maps, for the pid
 * provider and USDT: each file-backed mapping with code in
 * /proc/PID/maps, named through /proc/PID/root (the process may be in
 * another mount namespace).  A -c target is already past its exec
 * here: the driver holds it at its entry point, with the libraries the
 * dynamic linker found for it mapped (dt_proc_create in dt_handle.c).
 */
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "dt_bpf_uprobe.h"

static const char *base_of(const char *path)
{
	const char *s = strrchr(path, '/');

	return s != NULL ? s + 1 : path;
}

static int uobj_add(dt_uobj_t **v, size_t *n, const char *path,
		    uint64_t map0)
{
	dt_uobj_t *nv;
	size_t k;

	for (k = 0; k < *n; k++) {
		if (strcmp((*v)[k].uo_path, path) == 0) {
			if (map0 != 0 && ((*v)[k].uo_map0 == 0 ||
					  map0 < (*v)[k].uo_map0))
				(*v)[k].uo_map0 = map0;
			return 0;
		}
	}
	nv = realloc(*v, (*n + 1) * sizeof(*nv));
	if (nv == NULL)
		return -1;
	*v = nv;
	nv[*n].uo_path = strdup(path);
	if (nv[*n].uo_path == NULL)
		return -1;
	nv[*n].uo_base = base_of(nv[*n].uo_path);
	nv[*n].uo_map0 = map0;
	nv[*n].uo_code = 0;
	(*n)++;
	return 0;
}

int dt_uobj_list(int pid, dt_uobj_t **objs, size_t *n)
{
	char p[64], line[4096 + 128], full[4096 + 64];
	FILE *f;

	*objs = NULL;
	*n = 0;
	snprintf(p, sizeof(p), "/proc/%d/maps", pid);
	f = fopen(p, "r");
	if (f == NULL)
		return -1;
	while (fgets(line, sizeof(line), f) != NULL) {
		unsigned long long lo, hi, off, ino;
		char perms[8];
		int at = 0;
		char *path;

		if (sscanf(line, "%llx-%llx %7s %llx %*s %llu %n", &lo, &hi,
			   perms, &off, &ino, &at) < 5 || at == 0)
			continue;
		path = line + at;
		path[strcspn(path, "\n")] = '\0';
		if (path[0] != '/' || ino == 0 ||
		    strstr(path, " (deleted)") != NULL)
			continue;
		/* the path as the process sees it (it may live in another
		 * mount namespace, a container) */
		snprintf(full, sizeof(full), "/proc/%d/root%s", pid, path);
		if (uobj_add(objs, n, full, off == 0 ? lo : 0) != 0) {
			fclose(f);
			return -1;
		}
		if (strchr(perms, 'x') != NULL) {
			size_t k;

			for (k = 0; k < *n; k++)
				if (strcmp((*objs)[k].uo_path, full) == 0)
					(*objs)[k].uo_code = 1;
		}
	}
	fclose(f);
	/* drop files mapped without code (data files, locale archives) */
	{
		size_t k, m = 0;

		for (k = 0; k < *n; k++) {
			if (!(*objs)[k].uo_code) {
				free((*objs)[k].uo_path);
				continue;
			}
			(*objs)[m++] = (*objs)[k];
		}
		*n = m;
	}
	return 0;
}

void dt_uobj_free(dt_uobj_t *objs, size_t n)
{
	size_t k;

	for (k = 0; k < n; k++)
		free(objs[k].uo_path);
	free(objs);
}

int dt_uobj_mod_match(const dt_uobj_t *u, const char *pat)
{
	if (pat == NULL || pat[0] == '\0')
		return 1;
	return fnmatch(pat, u->uo_base, 0) == 0;
}
