/*
 * dcases.c - run the D compiler alone over testsuite/d: every case must
 * compile, except those whose expected stderr is a compile error, which
 * must fail with exactly that tag, line and message.  Honors the case
 * header (@@options: -C -D -U -I -x strsize=N -x defaultargs, @@args).
 * Usage: dcases [-v] [-x XFAILFILE] FILE.d ...
 * Prints failures and "N passed, M failed".  Cases named in the xfail
 * file (one "dir/name.d  reason" a line) fail for a known reason outside
 * the compiler; they are reported, not counted.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <libgen.h>
#include "dt_compile.h"

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "r");
	char *b;
	long n;

	if (f == NULL)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	b = calloc(1, (size_t)n + 1);
	if (b != NULL && fread(b, 1, (size_t)n, f) != (size_t)n) {
		free(b);
		b = NULL;
	}
	fclose(f);
	return b;
}

/* the value of "@@key:" in the header, or NULL */
static int directive(const char *src, const char *key, char *out, size_t len)
{
	char pat[64];
	const char *p, *e;

	snprintf(pat, sizeof(pat), "@@%s:", key);
	if ((p = strstr(src, pat)) == NULL)
		return 0;
	p += strlen(pat);
	while (*p == ' ')
		p++;
	e = strstr(p, "*/");
	if (e == NULL)
		return 0;
	while (e > p && e[-1] == ' ')
		e--;
	snprintf(out, len, "%.*s", (int)(e - p), p);
	return 1;
}

static int split(char *s, char **w, int max)
{
	int n = 0;
	char *t;
	for (t = strtok(s, " "); t != NULL && n < max; t = strtok(NULL, " "))
		w[n++] = t;
	return n;
}

int main(int argc, char **argv)
{
	int i, pass = 0, fail = 0, xfail = 0, verbose = 0;
	char cwd[4096];
	char *xf = NULL;

	if (getcwd(cwd, sizeof(cwd)) == NULL)
		return 2;
	for (i = 1; i < argc; i++) {
		char *src, *err, errpath[4096], opts[512], args[512];
		char *ow[32], *aw[16], *cppargs[32], *margv[20], *dir, *base;
		char dcopy[4096], bcopy[4096], got[2048];
		int no, na, k, ncpp = 0;
		dt_cc_opts_t o;
		dt_cc_error_t e;
		dt_program_t *p;
		const char *want = NULL;
		size_t len;

		if (strcmp(argv[i], "-v") == 0) {
			verbose = 1;
			continue;
		}
		if (strcmp(argv[i], "-x") == 0 && i + 1 < argc) {
			xf = slurp(argv[++i]);
			continue;
		}
		if ((src = slurp(argv[i])) == NULL) {
			printf("FAIL %s: cannot read\n", argv[i]);
			fail++;
			continue;
		}
		len = strlen(argv[i]);
		snprintf(errpath, sizeof(errpath), "%.*s.err", (int)(len - 2),
		    argv[i]);
		err = slurp(errpath);
		/* the message may follow what cpp itself printed (-C cases) */
		if (err != NULL && strncmp(err, "dtrace: ", 8) != 0) {
			char *m = strstr(err, "\ndtrace: failed to compile script ");

			if (m != NULL)
				memmove(err, m + 1, strlen(m + 1) + 1);
		}
		if (err != NULL && strncmp(err, "dtrace: failed to compile script ",
		    33) == 0) {
			/* "...: [TAG] line N: msg" or without the tag */
			want = strstr(err, ": [");
			if (want == NULL)
				want = strstr(err, ": line ");
			if (want != NULL)
				want += 2;
		}
		/* probe matching errors are the driver's, not the compiler's */
		if (want != NULL && strstr(want, "D_PDESC_ZERO") != NULL)
			want = NULL;
		memset(&o, 0, sizeof(o));
		opts[0] = args[0] = '\0';
		directive(src, "options", opts, sizeof(opts));
		directive(src, "args", args, sizeof(args));
		no = split(opts, ow, 32);
		for (k = 0; k < no; k++) {
			if (strcmp(ow[k], "-C") == 0)
				o.cc_cpp = 1;
			else if (strncmp(ow[k], "-D", 2) == 0 ||
			    strncmp(ow[k], "-U", 2) == 0 ||
			    strncmp(ow[k], "-I", 2) == 0)
				cppargs[ncpp++] = ow[k];
			else if (strcmp(ow[k], "-x") == 0 && k + 1 < no &&
			    strncmp(ow[k + 1], "strsize=", 8) == 0)
				o.cc_strsize = (uint32_t)atoi(ow[k + 1] + 8);
			else if (strcmp(ow[k], "-x") == 0 && k + 1 < no &&
			    strcmp(ow[k + 1], "defaultargs") == 0)
				o.cc_defaultargs = 1;
		}
		o.cc_cppargs = cppargs;
		o.cc_ncppargs = ncpp;
		snprintf(bcopy, sizeof(bcopy), "%s", argv[i]);
		base = basename(bcopy);
		margv[0] = base;
		na = split(args, aw, 16);
		if (na > 0 && strcmp(aw[0], "--") == 0) {
			/* "--" ends dtrace's options; it is not $1 */
			memmove(aw, aw + 1, sizeof(aw[0]) * (size_t)--na);
		}
		for (k = 0; k < na; k++)
			margv[k + 1] = aw[k];
		o.cc_argv = margv;
		o.cc_argc = na + 1;
		o.cc_pid = getpid();
		/* cases run from their own directory (-I paths are relative) */
		snprintf(dcopy, sizeof(dcopy), "%s", argv[i]);
		dir = dirname(dcopy);
		if (chdir(dir) != 0)
			return 2;
		p = dt_compile(src, &o, &e);
		if (chdir(cwd) != 0)
			return 2;
		if (p != NULL) {
			dt_program_free(p);
			got[0] = '\0';
		} else {
			int tags = want == NULL || want[0] == '[';
			snprintf(got, sizeof(got), "%s%s%sline %d: %s\n",
			    tags ? "[" : "", tags ? e.ce_tag : "",
			    tags ? "] " : "", e.ce_line, e.ce_msg);
			if (e.ce_line == 0)
				snprintf(got, sizeof(got), "%s%s%s%s\n",
				    tags ? "[" : "", tags ? e.ce_tag : "",
				    tags ? "] " : "", e.ce_msg);
		}
		if ((want == NULL && p != NULL) ||
		    (want != NULL && strcmp(got, want) == 0)) {
			pass++;
			if (verbose)
				printf("ok   %s\n", argv[i]);
		} else {
			const char *nm = argv[i], *q;
			int k2 = 0;
			/* the last two path components name the case */
			for (q = argv[i] + strlen(argv[i]); q > argv[i]; q--)
				if (q[-1] == '/' && ++k2 == 2)
					break;
			nm = q;
			if (xf != NULL && strstr(xf, nm) != NULL) {
				xfail++;
				printf("XFAIL %s\n", nm);
				free(src);
				free(err);
				continue;
			}
			fail++;
			printf("FAIL %s\n  got:  %s  want: %s", argv[i],
			    got[0] ? got : "(compiled)\n",
			    want ? want : "(compile)\n");
		}
		free(src);
		free(err);
	}
	if (xfail)
		printf("%d expected failures (see the xfail file)\n", xfail);
	printf("%d passed, %d failed\n", pass, fail);
	free(xf);
	return fail != 0;
}
