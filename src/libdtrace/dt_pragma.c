/*
 * dt_pragma.c - control lines of a D program: "#pragma D ...", the line
 * markers cpp leaves ("# 12 \"file\""), "#line", and a leading "#!".
 * Called by the lexer, so errors only set the error (no longjmp).
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dt_ast.h"
#include "dt_errtags.h"

void dt_lxset_lineno(int line, void *scanner);

/* options dtrace(1) knows; #pragma D option refuses any other */
static const char *const dt_options[] = {
	"aggpercpu", "aggrate", "aggsize", "aggsortkey", "aggsortkeypos",
	"aggsortpos", "aggsortrev", "amin", "argref", "backend", "bufpolicy",
	"bufresize", "bufsize", "cleanrate", "core", "cpp", "cpphdrs",
	"cpppath", "cpu", "ctypes", "defaultargs", "destructive", "disasm",
	"droptags", "dtypes", "dynvarsize", "errtags", "evaltime",
	"flowindent", "grabanon", "incdir", "iregs", "jstackframes",
	"jstackstrsize", "knodefs", "lazyload", "ldpath", "libdir",
	"linkmode", "linktype", "modpath", "nolibs", "noresolve", "nspec",
	"pgmax", "preallocate", "pspec", "quiet", "rawbytes", "specsize",
	"stackframes", "stackindent", "statusrate", "strip", "strsize",
	"switchrate", "syslibdir", "temporal", "tree", "unodefs",
	"ustackframes", "verbose", "version", "zdefs", "zone", NULL
};

static int dt_pragma_isopt(const char *name)
{
	int i;
	for (i = 0; dt_options[i] != NULL; i++)
		if (strcmp(dt_options[i], name) == 0)
			return 1;
	return 0;
}

/* split the rest of a line into words (at most max) */
static int dt_pragma_words(char *s, char **w, int max)
{
	int n = 0;
	while (*s != '\0' && n < max) {
		while (isspace((unsigned char)*s))
			s++;
		if (*s == '\0')
			break;
		w[n++] = s;
		while (*s != '\0' && !isspace((unsigned char)*s))
			s++;
		if (*s != '\0')
			*s++ = '\0';
	}
	return n;
}

static void dt_pragma_option(dt_pcb_t *pcb, char **w, int nw, int line)
{
	dt_optlist_t *o;
	char *eq;
	int i;

	if (nw < 1) {
		dt_cc_seterr(pcb, line, D_PRAGMA_MALFORM,
		    "malformed #pragma D option");
		return;
	}
	for (i = 0; i < nw; i++) {
		char *name = w[i];
		o = dt_arena_alloc(pcb->pcb_arena, sizeof(*o));
		if ((eq = strchr(name, '=')) != NULL) {
			*eq = '\0';
			o->ol_value = dt_arena_strdup(pcb->pcb_arena, eq + 1);
		}
		o->ol_name = dt_arena_strdup(pcb->pcb_arena, name);
		if (!dt_pragma_isopt(o->ol_name)) {
			dt_cc_seterr(pcb, line, D_PRAGMA_OPTSET,
			    "failed to set option '%s': Invalid option name",
			    o->ol_name);
			return;
		}
		if (strcmp(o->ol_name, "strsize") == 0 && o->ol_value) {
			long v = strtol(o->ol_value, NULL, 0);
			if (v > 0 && v < (1 << 20)) {
				pcb->pcb_strsize = (uint32_t)v;
				dt_type_builtin_string(pcb->pcb_types)->dt_size =
				    (uint32_t)v;
			}
		}
		if (pcb->pcb_opttail != NULL)
			pcb->pcb_opttail->ol_next = o;
		else
			pcb->pcb_opthead = o;
		pcb->pcb_opttail = o;
		pcb->pcb_nopts++;
	}
}

void dt_pragma(dt_pcb_t *pcb, const char *text, int line)
{
	char buf[1024], *p, *w[16];
	int nw;

	snprintf(buf, sizeof(buf), "%s", text);
	p = buf;
	while (isspace((unsigned char)*p))
		p++;
	p++; /* the '#' */
	if (*p == '!')
		return; /* #!/usr/sbin/dtrace -s */
	while (*p == ' ' || *p == '\t')
		p++;
	if (isdigit((unsigned char)*p) || strncmp(p, "line", 4) == 0) {
		/* a line marker: the next line is line N */
		if (!isdigit((unsigned char)*p))
			p += 4;
		long n = strtol(p, NULL, 10);
		if (n > 0 && pcb->pcb_scanner != NULL)
			dt_lxset_lineno((int)n - 1, pcb->pcb_scanner);
		return;
	}
	if (*p == '\0' || strncmp(p, "ident", 5) == 0)
		return;
	if (strncmp(p, "pragma", 6) != 0 || !(p[6] == '\0' ||
	    isspace((unsigned char)p[6]))) {
		char *e = p;
		while (*e != '\0' && !isspace((unsigned char)*e))
			e++;
		*e = '\0';
		dt_cc_seterr(pcb, line, D_PRAGCTL_INVAL,
		    "invalid control directive: #%s", p);
		return;
	}
	nw = dt_pragma_words(p + 6, w, 16);
	if (nw == 0 || strcmp(w[0], "D") != 0)
		return; /* not ours: #pragma ident and friends */
	if (nw < 2) {
		dt_cc_seterr(pcb, line, D_PRAGMA_MALFORM,
		    "malformed #pragma D directive");
		return;
	}
	if (strcmp(w[1], "option") == 0) {
		dt_pragma_option(pcb, w + 2, nw - 2, line);
	} else if (strcmp(w[1], "depends_on") == 0) {
		if (nw < 4)
			dt_cc_seterr(pcb, line, D_PRAGMA_MALFORM,
			    "malformed #pragma D depends_on");
	} else if (strcmp(w[1], "attributes") == 0 ||
	    strcmp(w[1], "binding") == 0) {
		/* stability attributes: accepted, not enforced */
	} else if (strcmp(w[1], "error") == 0) {
		/* "#error: " then each word followed by a space */
		char msg[1024];
		size_t o = 0;
		int i;
		o += (size_t)snprintf(msg, sizeof(msg), "#error: ");
		for (i = 2; i < nw && o < sizeof(msg); i++) {
			char *q;
			while ((q = strchr(w[i], '"')) != NULL)
				memmove(q, q + 1, strlen(q));
			o += (size_t)snprintf(msg + o, sizeof(msg) - o, "%s ",
			    w[i]);
		}
		dt_cc_seterr(pcb, line, D_PRAGERR, "%s", msg);
	} else {
		dt_cc_seterr(pcb, line, D_PRAGMA_INVAL, "invalid D pragma: %s",
		    w[1]);
	}
}
