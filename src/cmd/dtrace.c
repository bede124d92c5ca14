/*
 * dtrace(1) - the command: parse the options DTrace users know, hand the
 * programs to libdtrace's driver, and run.
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "dt_handle.h"

#define D_VERSION "Sun D 1.13"

static const char *progname = "dtrace";

static void usage(FILE *fp)
{
	fprintf(fp,
		"Usage: %s [-32|-64] [-aACeFGhHlqSvVwZ] [-b bufsz] [-c cmd] [-D name[=def]]\n"
		"\t[-I path] [-L path] [-o output] [-p pid] [-s script] [-U name]\n"
		"\t[-x opt[=val]] [-X a|c|s|t]\n\n"
		"\t[-P provider [[ predicate ] action ]]\n"
		"\t[-m [ provider: ] module [[ predicate ] action ]]\n"
		"\t[-f [[ provider: ] module: ] func [[ predicate ] action ]]\n"
		"\t[-n [[[ provider: ] module: ] func: ] name [[ predicate ] action ]]\n"
		"\t[-i probe-id [[ predicate ] action ]] [ args ... ]\n\n"
		"\tpredicate -> '/' D-expression '/'\n"
		"\t   action -> '{' D-statements '}'\n\n"
		"\t-32 generate 32-bit D programs and ELF files\n"
		"\t-64 generate 64-bit D programs and ELF files\n\n"
		"\t-b  set trace buffer size\n"
		"\t-c  run specified command and exit upon its completion\n"
		"\t-C  run cpp(1) preprocessor on script files\n"
		"\t-D  define symbol when invoking preprocessor\n"
		"\t-e  exit after compiling request but prior to enabling probes\n"
		"\t-f  enable or list probes matching the specified function name\n"
		"\t-F  coalesce trace output by function\n"
		"\t-H  print included files when invoking preprocessor\n"
		"\t-i  enable or list probes matching the specified probe id\n"
		"\t-I  add include directory to preprocessor search path\n"
		"\t-l  list probes matching specified criteria\n"
		"\t-L  add library directory to library search path\n"
		"\t-m  enable or list probes matching the specified module name\n"
		"\t-n  enable or list probes matching the specified probe name\n"
		"\t-o  set output file\n"
		"\t-p  grab specified process-ID and cache its symbol tables\n"
		"\t-P  enable or list probes matching the specified provider name\n"
		"\t-q  set quiet mode (only output explicitly traced data)\n"
		"\t-s  enable or list probes according to the specified D script\n"
		"\t-S  print D compiler intermediate code\n"
		"\t-U  undefine symbol when invoking preprocessor\n"
		"\t-v  set verbose mode (report stability attributes, arguments)\n"
		"\t-V  report DTrace API version\n"
		"\t-w  permit destructive actions\n"
		"\t-x  enable or modify compiler and tracing options\n"
		"\t-Z  permit probe descriptions that match zero probes\n",
		progname);
}

/* a pending -n/-P/-m/-f/-i/-s request, compiled once options are known */
typedef struct request {
	char kind; /* 'n','P','m','f','i','s' */
	char *arg;
} request_t;

static char *read_file(const char *path)
{
	FILE *fp = strcmp(path, "-") == 0 ? stdin : fopen(path, "r");
	char *buf = NULL;
	size_t len = 0, cap = 0, n;

	if (fp == NULL)
		return NULL;
	for (;;) {
		if (cap - len < 4096) {
			char *nb = realloc(buf, cap + 65536);

			if (nb == NULL) {
				free(buf);
				buf = NULL;
				break;
			}
			buf = nb;
			cap += 65536;
		}
		n = fread(buf + len, 1, cap - len - 1, fp);
		len += n;
		if (n == 0)
			break;
	}
	if (buf != NULL)
		buf[len] = '\0';
	if (fp != stdin)
		fclose(fp);
	return buf;
}

/*
 * -P/-m/-f name the provider, module or function: put the given fields at
 * their place in prov:mod:func:name, as DTrace reads them from the right.
 */
static char *desc_from_field(const char *arg, int field)
{
	size_t alen = strcspn(arg, "/{"), n = 0;
	int colons = 0, pre, post, i;
	char *s;

	for (size_t k = 0; k < alen; k++)
		colons += arg[k] == ':';
	pre = field - colons;
	if (pre < 0)
		pre = 0;
	post = 3 - field;
	s = malloc(strlen(arg) + 8);
	if (s == NULL)
		return NULL;
	for (i = 0; i < pre; i++)
		s[n++] = ':';
	memcpy(s + n, arg, alen);
	n += alen;
	/* trailing blanks before a body stay out of the description */
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	for (i = 0; i < post; i++)
		s[n++] = ':';
	strcpy(s + n, arg[alen] ? " " : "");
	strcat(s, arg + alen);
	return s;
}

/* every exit from main goes through its cleanup at "done" */
#define DT_EXIT(v) do { status = (v); goto done; } while (0)
/* the -c commands never ran: they must not be left waiting */
#define KILL_CHILDREN()                                 \
	do {                                            \
		int k_;                                 \
		for (k_ = 0; k_ < nchildren; k_++)      \
			kill(children[k_], SIGKILL);    \
	} while (0)

int main(int argc, char **argv)
{
	static const char optstr[] =
		"+aAb:Bc:CD:ef:FGhHi:I:lL:m:n:o:p:P:qs:SU:vVwx:X:Z";
	request_t *reqs = calloc((size_t)argc + 1, sizeof(*reqs));
	int nreqs = 0, c, i, status;
	int list = 0, exit_early = 0, show_dif = 0, verbose = 0;
	char **cppargs = calloc((size_t)argc + 1, sizeof(char *));
	int ncpp = 0, cpp = 0, cppH = 0;
	const char *outfile = NULL;
	/* -c commands and -p pids, in command-line order: the first is
	 * $target, and tracing ends when all of them have gone */
	request_t *procs = calloc((size_t)argc + 1, sizeof(*procs));
	int nprocs = 0;
	char err[256];
	dt_handle_t *h = NULL;
	dt_cc_opts_t cc;
	char **margv = NULL;
	int margc = 0;
	FILE *out = stdout;
	pid_t *children = calloc((size_t)argc + 1, sizeof(pid_t));
	int nchildren = 0;
	char *argv0 = argv[0];

	/* getopt names us in its messages as DTrace does, by base name;
	 * $0 stays the path we were run as */
	argv[0] = (char *)progname;
	if (argc <= 1) {
		usage(stderr);
		DT_EXIT(2);
	}
	if (reqs == NULL || cppargs == NULL || procs == NULL ||
	    children == NULL)
		DT_EXIT(1);
	h = dt_open();
	if (h == NULL) {
		fprintf(stderr, "dtrace: failed to initialize dtrace\n");
		DT_EXIT(1);
	}
	margv = calloc((size_t)argc + 2, sizeof(char *));
	if (margv == NULL)
		DT_EXIT(1);

	/* non-option words are macro arguments $1 ...; gather them all */
	while (optind < argc) {
		c = getopt(argc, argv, optstr);
		if (c == -1) {
			margv[++margc] = argv[optind++];
			continue;
		}
		switch (c) {
		case 'n': case 'P': case 'm': case 'f': case 'i': case 's':
			reqs[nreqs].kind = (char)c;
			reqs[nreqs].arg = optarg;
			nreqs++;
			break;
		case 'b':
			if (dt_setopt(h, "bufsize", optarg, err, sizeof(err))) {
				fprintf(stderr, "dtrace: failed to set -b %s: %s\n",
					optarg, err);
				DT_EXIT(1);
			}
			break;
		case 'c':
			procs[nprocs].kind = 'c';
			procs[nprocs++].arg = optarg;
			break;
		case 'C':
			cpp = 1;
			break;
		case 'D':
		case 'U':
		case 'I': {
			size_t n = strlen(optarg) + 3;
			char *a = malloc(n);

			if (a == NULL)
				DT_EXIT(1);
			snprintf(a, n, "-%c%s", c, optarg);
			cppargs[ncpp++] = a;
			break;
		}
		case 'H':
			cppH = 1;
			break;
		case 'e':
			exit_early = 1;
			break;
		case 'F':
			dt_options(h)->flowindent = 1;
			break;
		case 'l':
			list = 1;
			break;
		case 'o':
			outfile = optarg;
			break;
		case 'p': {
			char *end;
			long grab;

			errno = 0;
			grab = strtol(optarg, &end, 10);
			if (errno != 0 || end == optarg || *end != '\0' ||
			    grab <= 0 || grab > INT32_MAX) {
				fprintf(stderr, "dtrace: invalid pid: %s\n",
					optarg);
				DT_EXIT(1);
			}
			procs[nprocs].kind = 'p';
			procs[nprocs++].arg = optarg;
			break;
		}
		case 'q':
			dt_options(h)->quiet = 1;
			break;
		case 'v':
			verbose = 1;
			break;
		case 'S':
			show_dif = 1;
			break;
		case 'V':
			printf("dtrace: %s (dtrace4linux %s)\n", D_VERSION,
			       PACKAGE_VERSION);
			DT_EXIT(0);
		case 'w':
			dt_options(h)->destructive = 1;
			break;
		case 'x': {
			char *eq = strchr(optarg, '=');

			if (eq != NULL)
				*eq++ = '\0';
			if (dt_setopt(h, optarg, eq, err, sizeof(err)) != 0) {
				fprintf(stderr, "dtrace: failed to set -x %s: "
					"%s\n", optarg, err);
				DT_EXIT(1);
			}
			break;
		}
		case 'Z':
			dt_options(h)->zdefs = 1;
			break;
		case 'a': case 'A': case 'B': case 'G': case 'h': case 'L':
		case 'X':
			/* anonymous tracing, ELF generation: not offered;
			 * -L and -X are accepted and change nothing yet */
			if (c == 'L' || c == 'X')
				break;
			fprintf(stderr, "dtrace: -%c is not supported\n", c);
			DT_EXIT(2);
		default:
			usage(stderr);
			DT_EXIT(2);
		}
	}

	/* DTrace: no arguments at all is a usage error (2); options without
	 * a probe, script or -l are a fatal error (1) */
	if (nreqs == 0 && !list && !exit_early) {
		fprintf(stderr, "dtrace: no probes specified\n");
		DT_EXIT(1);
	}

	memset(&cc, 0, sizeof(cc));
	cc.cc_argv = margv;
	cc.cc_argc = margc + 1;
	cc.cc_pid = (int64_t)getpid();
	cc.cc_cpp = cpp;
	cc.cc_cppargs = cppargs;
	cc.cc_ncppargs = ncpp;
	cc.cc_cpp_H = cppH;
	for (i = 0; i < nprocs; i++) {
		pid_t pid;

		if (procs[i].kind == 'p') {
			pid = (pid_t)strtol(procs[i].arg, NULL, 10);
		} else if (list || exit_early) {
			continue; /* nothing runs: no command either */
		} else {
			/* it execs now and waits, held at its entry point,
			 * until tracing has started */
			pid = dt_proc_create(h, procs[i].arg, err, sizeof(err));
			if (pid < 0) {
				fprintf(stderr, "dtrace: %s\n", err);
				KILL_CHILDREN();
				DT_EXIT(1);
			}
			children[nchildren++] = pid;
		}
		/* $target is the first process created or grabbed */
		if (cc.cc_target == 0)
			cc.cc_target = pid;
		if (procs[i].kind == 'p' && dt_add_target(h, pid) != 0) {
			KILL_CHILDREN();
			DT_EXIT(1);
		}
	}

	for (i = 0; i < nreqs; i++) {
		request_t *r = &reqs[i];
		char *text = NULL;
		int rc;

		switch (r->kind) {
		case 's':
			text = read_file(r->arg);
			if (text == NULL) {
				fprintf(stderr, "dtrace: failed to open %s: %s\n",
					r->arg, strerror(errno));
				DT_EXIT(1);
			}
			margv[0] = r->arg;
			rc = dt_add_program(h, text, DT_SRC_SCRIPT, r->arg, &cc);
			break;
		case 'n':
			margv[0] = argv0;
			rc = dt_add_program(h, r->arg, DT_SRC_DESC, r->arg, &cc);
			break;
		case 'i': {
			/* the id, then whatever predicate and body follow */
			char *end, desc[512];
			unsigned long id = strtoul(r->arg, &end, 10);
			size_t n;

			if (end == r->arg ||
			    dt_probe_by_id(h, (uint32_t)id, desc,
					   sizeof(desc)) != 0) {
				fprintf(stderr, "dtrace: invalid probe specifier "
					"%s: probe description %lu does not "
					"match any probes\n", r->arg, id);
				DT_EXIT(1);
			}
			n = strlen(desc) + strlen(end) + 2;
			text = malloc(n);
			if (text == NULL)
				DT_EXIT(1);
			snprintf(text, n, "%s%s", desc, end);
			margv[0] = argv0;
			rc = dt_add_program(h, text, DT_SRC_DESC, r->arg, &cc);
			break;
		}
		default:
			margv[0] = argv0;
			text = desc_from_field(r->arg, r->kind == 'P' ? 0 :
					       r->kind == 'm' ? 1 : 2);
			rc = text == NULL ? -1 :
			     dt_add_program(h, text, DT_SRC_DESC, r->arg, &cc);
			break;
		}
		free(text);
		if (rc != 0) {
			KILL_CHILDREN();
			DT_EXIT(1);
		}
	}

	/* -o takes the listing of -l too, as in DTrace */
	if (outfile != NULL) {
		out = fopen(outfile, "a");
		if (out == NULL) {
			fprintf(stderr, "dtrace: failed to open output file "
				"'%s': %s\n", outfile, strerror(errno));
			DT_EXIT(1);
		}
	}
	if (show_dif)
		dt_print_dif(h, stderr);
	/* the stability report goes where the trace output goes */
	if (verbose && !list)
		dt_set_verbose(h, out);
	if (list) {
		status = dt_list(h, out);
		goto done;
	}
	if (exit_early) {
		if (verbose && dt_report_stability(h) != 0)
			DT_EXIT(1);
		DT_EXIT(0);
	}
	if (dt_attach(h) != 0) {
		KILL_CHILDREN();
		DT_EXIT(1);
	}
	status = dt_run(h, out);
done:
	/* free everything, so that leak checkers see a clean exit */
	dt_close(h);
	if (out != NULL && out != stdout)
		fclose(out);
	for (i = 0; i < ncpp; i++)
		free(cppargs[i]);
	free(cppargs);
	free(margv);
	free(reqs);
	free(procs);
	free(children);
	return status;
}
