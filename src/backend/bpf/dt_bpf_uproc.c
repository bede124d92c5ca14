/*
 * dt_bpf_uproc.c - the objects a traced process maps, for the pid
 * provider and USDT: each file-backed mapping with code in
 * /proc/PID/maps, named through /proc/PID/root (the process may be in
 * another mount namespace).  A -c target that has not called exec yet
 * gets the objects it is about to map (see uobj_precmd).
 */
#include <ctype.h>
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include "dt_bpf_uprobe.h"

static const char *base_of(const char *path)
{
	const char *s = strrchr(path, '/');

	return s != NULL ? s + 1 : path;
}

static int uobj_add(dt_uobj_t **v, size_t *n, const char *path, int exe,
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
	nv[*n].uo_exe = exe;
	nv[*n].uo_map0 = map0;
	nv[*n].uo_code = 0;
	(*n)++;
	return 0;
}

/* path of the first regular file named name in a list of directories */
static int find_in(const char *dirs, const char *name, char *out, size_t len)
{
	char d[4096];
	const char *p = dirs;
	struct stat st;

	while (*p != '\0') {
		size_t l = strcspn(p, ":");

		snprintf(d, sizeof(d), "%.*s/%s", (int)l, p, name);
		if (stat(d, &st) == 0 && S_ISREG(st.st_mode)) {
			snprintf(out, len, "%s", d);
			return 0;
		}
		p += l;
		if (*p == ':')
			p++;
	}
	return -1;
}

/*
 * With -c, the driver forks the target and holds it before execvp until
 * tracing has started, so it still runs our own image: the objects it
 * will map come from our own -c argument (the command's first word,
 * looked up in PATH as execvp does) and that file's DT_NEEDED and
 * PT_INTERP.  Uprobes are placed by inode, so they take effect when the
 * exec maps those files.
 */
static int precmd_path(char *out, size_t len)
{
	static const char takes_arg[] = "bcDfiILmnopPsUxX";
	char buf[65536], *a, *end, *cmd = NULL;
	FILE *f = fopen("/proc/self/cmdline", "r");
	size_t n;

	if (f == NULL)
		return -1;
	n = fread(buf, 1, sizeof(buf) - 1, f);
	fclose(f);
	buf[n] = '\0';
	end = buf + n;
	a = buf + strlen(buf) + 1; /* skip argv[0] */
	/*
	 * Scan every word, not stopping at the first operand: the driver
	 * splits "-x opt=val" in place, so our own cmdline holds extra words.
	 */
	while (a < end && cmd == NULL) {
		char *next = a + strlen(a) + 1, *c;

		if (a[0] != '-' || a[1] == '\0') {
			a = next;
			continue;
		}
		for (c = a + 1; *c != '\0'; c++) {
			if (strchr(takes_arg, *c) == NULL)
				continue;
			if (c[1] == '\0') {
				if (*c == 'c' && next < end)
					cmd = next;
				if (next < end)
					next += strlen(next) + 1;
			} else if (*c == 'c') {
				cmd = c + 1;
			}
			break;
		}
		a = next;
	}
	if (cmd == NULL)
		return -1;
	while (isspace((unsigned char)*cmd))
		cmd++;
	n = strcspn(cmd, " \t");
	if (n == 0 || n >= len)
		return -1;
	if (memchr(cmd, '/', n) != NULL) {
		snprintf(out, len, "%.*s", (int)n, cmd);
		return access(out, X_OK);
	} else {
		char name[256];
		const char *path = getenv("PATH");

		snprintf(name, sizeof(name), "%.*s", (int)n, cmd);
		return find_in(path ? path : "/usr/local/bin:/usr/bin:/bin",
			       name, out, len);
	}
}

static int uobj_precmd(int pid, dt_uobj_t **v, size_t *n)
{
	/* where Debian and most others keep each class's libraries (the
	 * target's own ld.so.cache and RPATH are not consulted) */
	static const char libdirs64[] = "/lib/x86_64-linux-gnu:"
		"/usr/lib/x86_64-linux-gnu:/lib64:/usr/lib64:/lib:/usr/lib:"
		"/usr/local/lib";
	static const char libdirs32[] = "/lib/i386-linux-gnu:"
		"/usr/lib/i386-linux-gnu:/lib32:/usr/lib32:/lib:/usr/lib";
	const char *libdirs;
	char exe[4096], lib[4096];
	dt_elf_obj_t o;
	size_t k, q;

	(void)pid;
	if (precmd_path(exe, sizeof(exe)) != 0 || uobj_add(v, n, exe, 1, 0) != 0)
		return -1;
	(*v)[*n - 1].uo_code = 1;
	if (dt_elf_open(exe, &o) != 0)
		return 0;
	libdirs = o.eo_is64 ? libdirs64 : libdirs32;
	if (o.eo_interp != NULL && uobj_add(v, n, o.eo_interp, 0, 0) == 0)
		(*v)[*n - 1].uo_code = 1;
	dt_elf_close(&o);
	/* the executable's libraries, then theirs, each once */
	for (q = 0; q < *n; q++) {
		if (dt_elf_open((*v)[q].uo_path, &o) != 0)
			continue;
		for (k = 0; k < o.eo_nneeded; k++) {
			size_t before = *n;

			if (find_in(libdirs, o.eo_needed[k], lib, sizeof(lib)) == 0 &&
			    uobj_add(v, n, lib, 0, 0) == 0 && *n > before)
				(*v)[*n - 1].uo_code = 1;
		}
		dt_elf_close(&o);
	}
	return 0;
}

/* our own child that has not called exec yet (see uobj_precmd) */
static int is_unexeced_child(int pid)
{
	char p[64], line[256];
	struct stat a, b;
	FILE *f;
	int ppid = -1;

	snprintf(p, sizeof(p), "/proc/%d/exe", pid);
	if (stat(p, &a) != 0 || stat("/proc/self/exe", &b) != 0 ||
	    a.st_dev != b.st_dev || a.st_ino != b.st_ino)
		return 0;
	snprintf(p, sizeof(p), "/proc/%d/status", pid);
	f = fopen(p, "r");
	if (f == NULL)
		return 0;
	while (fgets(line, sizeof(line), f) != NULL)
		if (sscanf(line, "PPid: %d", &ppid) == 1)
			break;
	fclose(f);
	return ppid == (int)getpid();
}

int dt_uobj_list(int pid, dt_uobj_t **objs, size_t *n)
{
	char p[64], exe[4096], line[4096 + 128], full[4096 + 64];
	ssize_t el;
	FILE *f;

	*objs = NULL;
	*n = 0;
	if (is_unexeced_child(pid))
		return uobj_precmd(pid, objs, n);
	snprintf(p, sizeof(p), "/proc/%d/exe", pid);
	el = readlink(p, exe, sizeof(exe) - 1);
	exe[el > 0 ? el : 0] = '\0';
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
		if (uobj_add(objs, n, full, strcmp(path, exe) == 0,
			     off == 0 ? lo : 0) != 0) {
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
	if (fnmatch(pat, u->uo_base, 0) == 0)
		return 1;
	return u->uo_exe && strcmp(pat, "a.out") == 0;
}
