/*
 * dif_subr.c - the D subroutines called by DIF_OP_CALL.
 *
 * Arguments are the tuple stack entries in source order; strings arrive
 * as addresses.  String results are written to scratch (NUL-terminated,
 * at most strsize characters); running out of scratch faults
 * DIF_FAULT_NOSCRATCH.  Subroutines that need Solaris kernel objects
 * (mutexes, rwlocks, STREAMS messages, devinfo, file_t) or that would
 * write to user memory fault DIF_FAULT_ILLOP.
 */
#include "dif_impl.h"

#define AF_INET_D 2 /* Linux's AF_INET */
#define AF_INET6_D 10 /* Linux's AF_INET6 */

typedef struct subr_ctx {
	dif_mstate_t *ms;
	uint32_t nargs;
	uint64_t *faddr;
} subr_ctx_t;

static inline uint64_t sarg(const subr_ctx_t *c, uint32_t i)
{
	return c->ms->ms_tuple[i].tu_val;
}

/* a fresh scratch string of room for len characters plus NUL */
static char *sbuf(subr_ctx_t *c, uint32_t len)
{
	return dif_scratch_alloc(c->ms, (uint64_t)len + 1);
}

static int sget(subr_ctx_t *c, uint64_t addr, const char **sp, uint32_t *lp)
{
	return dif_str_get(c->ms, addr, sp, lp, c->faddr);
}

static uint64_t swap16(uint64_t v)
{
	return ((v & 0xff) << 8) | ((v >> 8) & 0xff);
}

static uint64_t swap32(uint64_t v)
{
	return (swap16(v) << 16) | swap16(v >> 16);
}

static uint64_t swap64(uint64_t v)
{
	return (swap32(v) << 32) | swap32(v >> 32);
}

static int host_is_big_endian(void)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	return 1;
#else
	return 0;
#endif
}

static uint64_t subr_rand(dif_mstate_t *ms)
{
	uint64_t x = ms->ms_rand;

	/* xorshift64*: cheap, per CPU, no shared state */
	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	ms->ms_rand = x;
	return (x * 0x2545f4914f6cdd1dULL) >> 33;
}

static int subr_strjoin(subr_ctx_t *c, uint64_t *rv)
{
	const char *a, *b;
	uint32_t la, lb;
	char *d;
	int f;

	if ((f = sget(c, sarg(c, 0), &a, &la)) != 0 ||
	    (f = sget(c, sarg(c, 1), &b, &lb)) != 0)
		return f;
	/* as in DTrace, a result that does not fit strsize is an error */
	if ((uint64_t)la + lb >= c->ms->ms_env->de_strsize ||
	    (d = sbuf(c, la + lb)) == NULL)
		return DIF_FAULT_NOSCRATCH;
	dt_port_memcpy(d, a, la);
	dt_port_memcpy(d + la, b, lb);
	d[la + lb] = '\0';
	*rv = dif_addr(d);
	return 0;
}

static int subr_substr(subr_ctx_t *c, uint64_t *rv)
{
	int64_t size = c->ms->ms_env->de_strsize;
	int64_t index = (int64_t)sarg(c, 1);
	int64_t remaining = c->nargs > 2 ? (int64_t)sarg(c, 2) : size;
	const char *s;
	uint32_t len;
	char *d;
	int f;

	if ((f = sget(c, sarg(c, 0), &s, &len)) != 0)
		return f;
	/* a negative index counts from the end; the part of the requested
	 * span that lies before the start is cut off */
	if (index < 0) {
		index += len;
		if (index < 0 && index + remaining > 0) {
			remaining += index;
			index = 0;
		}
	}
	if (index >= (int64_t)len || index < 0)
		remaining = 0;
	else if (remaining < 0)
		remaining += (int64_t)len - index;
	else if (index + remaining > size)
		remaining = size - index;
	if (remaining < 0)
		remaining = 0;
	if (remaining > (int64_t)len - index)
		remaining = remaining > 0 ? (int64_t)len - index : 0;
	if ((d = sbuf(c, (uint32_t)remaining)) == NULL)
		return DIF_FAULT_NOSCRATCH;
	if (remaining > 0)
		dt_port_memcpy(d, s + index, (size_t)remaining);
	d[remaining] = '\0';
	*rv = dif_addr(d);
	return 0;
}

static int str_match_at(const char *s, const char *sub, uint32_t n)
{
	uint32_t i;

	for (i = 0; i < n; i++) {
		if (s[i] != sub[i])
			return 0;
	}
	return 1;
}

/* index(), rindex(), strstr(): Perl's position rules, as DTrace has them */
static int subr_index(subr_ctx_t *c, unsigned subr, uint64_t *rv)
{
	uint32_t used = c->ms->ms_scratch_used;
	const char *s, *sub;
	uint32_t len, sublen;
	int64_t pos, last, i;
	int f;

	if ((f = sget(c, sarg(c, 0), &s, &len)) != 0 ||
	    (f = sget(c, sarg(c, 1), &sub, &sublen)) != 0)
		return f;
	last = (int64_t)len - (int64_t)sublen; /* last possible match */
	*rv = subr == DIF_SUBR_STRSTR ? 0 : (uint64_t)-1;
	if (subr == DIF_SUBR_STRSTR) {
		for (i = 0; i <= last; i++) {
			if (str_match_at(s + i, sub, sublen)) {
				/* the address of the match in the original */
				*rv = sarg(c, 0) + (uint64_t)i;
				break;
			}
		}
		c->ms->ms_scratch_used = used;
		return 0;
	}
	c->ms->ms_scratch_used = used;
	if (subr == DIF_SUBR_INDEX) {
		pos = 0;
		if (c->nargs > 2) {
			pos = (int64_t)sarg(c, 2);
			if (pos < 0)
				pos = 0;
			if (pos >= (int64_t)len) {
				if (sublen == 0)
					*rv = len;
				return 0;
			}
		}
		for (i = pos; i <= last; i++) {
			if (str_match_at(s + i, sub, sublen)) {
				*rv = (uint64_t)i;
				break;
			}
		}
		return 0;
	}
	pos = last;
	if (c->nargs > 2) {
		pos = (int64_t)sarg(c, 2);
		if (pos < 0) {
			if (sublen == 0)
				*rv = 0;
			return 0;
		}
		if (pos > (int64_t)len)
			pos = len;
		if (pos > last)
			pos = last;
	}
	for (i = pos; i >= 0; i--) {
		if (str_match_at(s + i, sub, sublen)) {
			*rv = (uint64_t)i;
			break;
		}
	}
	return 0;
}

static int subr_strchr(subr_ctx_t *c, unsigned subr, uint64_t *rv)
{
	const char *s;
	char t = (char)sarg(c, 1);
	uint32_t len, i;
	int f;

	if ((f = sget(c, sarg(c, 0), &s, &len)) != 0)
		return f;
	*rv = 0;
	/* position len is the terminating NUL */
	for (i = 0; i <= len; i++) {
		char ch = i < len ? s[i] : '\0';

		if (ch == t) {
			*rv = sarg(c, 0) + i;
			if (subr == DIF_SUBR_STRCHR)
				break;
		}
	}
	return 0;
}

static int is_delim(const char *d, uint32_t dl, char ch)
{
	uint32_t i;

	for (i = 0; i < dl; i++) {
		if (d[i] == ch)
			return 1;
	}
	return 0;
}

static int subr_strtok(subr_ctx_t *c, uint64_t *rv)
{
	dif_mstate_t *ms = c->ms;
	uint64_t start = sarg(c, 0) ? sarg(c, 0) : ms->ms_strtok;
	const char *s, *d;
	uint32_t len, dl, i, j;
	char *tok;
	int f;

	*rv = 0;
	if (start == 0)
		return 0;
	if ((f = sget(c, start, &s, &len)) != 0 ||
	    (f = sget(c, sarg(c, 1), &d, &dl)) != 0)
		return f;
	for (i = 0; i < len && is_delim(d, dl, s[i]); i++)
		;
	if (i == len) {
		ms->ms_strtok = 0;
		return 0;
	}
	for (j = i; j < len && !is_delim(d, dl, s[j]); j++)
		;
	if ((tok = sbuf(c, j - i)) == NULL)
		return DIF_FAULT_NOSCRATCH;
	dt_port_memcpy(tok, s + i, j - i);
	tok[j - i] = '\0';
	/* continue after the delimiter, in the caller's string */
	ms->ms_strtok = start + (j < len ? j + 1 : j);
	*rv = dif_addr(tok);
	return 0;
}

static int subr_lltostr(subr_ctx_t *c, uint64_t *rv)
{
	int64_t i = (int64_t)sarg(c, 0);
	uint64_t base = 10, val;
	char buf[72];
	int n = sizeof(buf);
	char *d;

	if (c->nargs > 1) {
		base = sarg(c, 1);
		if (base < 2 || base > 36)
			return DIF_FAULT_ILLOP;
	}
	/* base 10 prints a sign; other bases show the two's complement */
	val = (base == 10 && i < 0) ? 0 - (uint64_t)i : (uint64_t)i;
	buf[--n] = '\0';
	while (val) {
		uint64_t digit = dt_port_umod64(val, base);

		buf[--n] = (char)(digit < 10 ? '0' + digit : 'a' + digit - 10);
		val = dt_port_udiv64(val, base);
	}
	if (i == 0 && base == 16)
		buf[--n] = '0';
	if (base == 16)
		buf[--n] = 'x';
	if (i == 0 || base == 8 || base == 16)
		buf[--n] = '0';
	if (i < 0 && base == 10)
		buf[--n] = '-';
	if ((d = sbuf(c, (uint32_t)(sizeof(buf) - 1 - n))) == NULL)
		return DIF_FAULT_NOSCRATCH;
	dt_port_memcpy(d, buf + n, sizeof(buf) - n);
	*rv = dif_addr(d);
	return 0;
}

static int subr_case(subr_ctx_t *c, int upper, uint64_t *rv)
{
	const char *s;
	uint32_t len, i;
	char *d;
	int f;

	if ((f = sget(c, sarg(c, 0), &s, &len)) != 0)
		return f;
	if ((d = sbuf(c, len)) == NULL)
		return DIF_FAULT_NOSCRATCH;
	for (i = 0; i < len; i++) {
		char ch = s[i];

		if (upper && ch >= 'a' && ch <= 'z')
			ch = (char)(ch - 'a' + 'A');
		else if (!upper && ch >= 'A' && ch <= 'Z')
			ch = (char)(ch - 'A' + 'a');
		d[i] = ch;
	}
	d[len] = '\0';
	*rv = dif_addr(d);
	return 0;
}

static int sresult(subr_ctx_t *c, const char *src, uint32_t n, uint64_t *rv)
{
	char *d = sbuf(c, n);

	if (d == NULL)
		return DIF_FAULT_NOSCRATCH;
	dt_port_memcpy(d, src, n);
	d[n] = '\0';
	*rv = dif_addr(d);
	return 0;
}

/* basename() and dirname() as basename(1) and dirname(1) print them */
static int subr_path(subr_ctx_t *c, unsigned subr, uint64_t *rv)
{
	const char *s;
	uint32_t len, end, start;
	int f;

	if ((f = sget(c, sarg(c, 0), &s, &len)) != 0)
		return f;
	if (len == 0)
		return sresult(c, ".", 1, rv);
	for (end = len; end > 1 && s[end - 1] == '/'; end--)
		;
	if (end == 1 && s[0] == '/')
		return sresult(c, "/", 1, rv);
	for (start = end; start > 0 && s[start - 1] != '/'; start--)
		;
	if (subr == DIF_SUBR_BASENAME)
		return sresult(c, s + start, end - start, rv);
	if (start == 0)
		return sresult(c, ".", 1, rv);
	for (end = start; end > 1 && s[end - 1] == '/'; end--)
		;
	return sresult(c, s, end, rv);
}

/*
 * cleanpath(): drop empty and "." components, let ".." remove the
 * component before it; a trailing slash is kept.
 */
static int subr_cleanpath(subr_ctx_t *c, uint64_t *rv)
{
	const char *s;
	uint32_t len, i = 0, j = 0;
	char *d;
	int f;

	if ((f = sget(c, sarg(c, 0), &s, &len)) != 0)
		return f;
	if ((d = sbuf(c, len)) == NULL)
		return DIF_FAULT_NOSCRATCH;
	while (i < len) {
		uint32_t b, n;

		if (s[i] == '/') {
			/* one slash, however many there are */
			if (j == 0 || d[j - 1] != '/')
				d[j++] = '/';
			i++;
			continue;
		}
		for (b = i; i < len && s[i] != '/'; i++)
			;
		n = i - b;
		if (n == 1 && s[b] == '.') {
			if (i < len)
				i++; /* skip "./" */
			continue;
		}
		if (n == 2 && s[b] == '.' && s[b + 1] == '.') {
			/* back up over the previous component */
			if (j > 0 && d[j - 1] == '/')
				j--;
			while (j > 0 && d[j - 1] != '/')
				j--;
			if (j == 0 && len > 0 && s[0] == '/')
				d[j++] = '/';
			if (i < len)
				i++;
			continue;
		}
		dt_port_memcpy(d + j, s + b, n);
		j += n;
	}
	if (j == 0 && len > 0)
		d[j++] = s[0] == '/' ? '/' : '.';
	d[j] = '\0';
	*rv = dif_addr(d);
	return 0;
}

static uint32_t fmt_dec(char *d, uint32_t v)
{
	char t[12];
	uint32_t n = 0, i;

	do {
		t[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	for (i = 0; i < n; i++)
		d[i] = t[n - 1 - i];
	return n;
}

static uint32_t fmt_v4(char *d, const uint8_t *a)
{
	uint32_t n = 0, i;

	for (i = 0; i < 4; i++) {
		if (i)
			d[n++] = '.';
		n += fmt_dec(d + n, a[i]);
	}
	return n;
}

static uint32_t fmt_hex16(char *d, uint32_t v)
{
	static const char hex[] = "0123456789abcdef";
	uint32_t n = 0;
	int sh, started = 0;

	for (sh = 12; sh >= 0; sh -= 4) {
		uint32_t x = (v >> sh) & 0xf;

		if (x || started || sh == 0) {
			d[n++] = hex[x];
			started = 1;
		}
	}
	return n;
}

/* IPv6 text form: lowercase hex, the first longest run (>= 2) of zero
 * groups as "::", IPv4-mapped and IPv4-compatible tails dotted */
static uint32_t fmt_v6(char *d, const uint8_t *a)
{
	uint32_t g[8], i, n = 0, best = 8, bestlen = 0, run, ngroups = 8;
	int v4 = 0;

	for (i = 0; i < 8; i++)
		g[i] = ((uint32_t)a[2 * i] << 8) | a[2 * i + 1];
	if (g[0] == 0 && g[1] == 0 && g[2] == 0 && g[3] == 0 && g[4] == 0 &&
	    (g[5] == 0xffff || (g[5] == 0 && (g[6] != 0 || g[7] > 1)))) {
		v4 = 1;
		ngroups = 6;
	}
	for (i = 0; i < ngroups; i += run ? run : 1) {
		for (run = 0; i + run < ngroups && g[i + run] == 0; run++)
			;
		if (run > bestlen) {
			best = i;
			bestlen = run;
		}
	}
	if (bestlen < 2)
		best = 8;
	for (i = 0; i < ngroups; i++) {
		if (i == best) {
			d[n++] = ':';
			d[n++] = ':';
			i += bestlen - 1;
			continue;
		}
		if (i > 0 && d[n - 1] != ':')
			d[n++] = ':';
		n += fmt_hex16(d + n, g[i]);
	}
	if (v4) {
		if (d[n - 1] != ':')
			d[n++] = ':';
		n += fmt_v4(d + n, a + 12);
	}
	return n;
}

static int subr_inet(subr_ctx_t *c, unsigned subr, uint64_t *rv)
{
	uint64_t addr;
	uint8_t a[16];
	char *d;
	int af;

	if (subr == DIF_SUBR_INET_NTOP) {
		af = (int)sarg(c, 0);
		addr = sarg(c, 1);
	} else {
		af = subr == DIF_SUBR_INET_NTOA ? AF_INET_D : AF_INET6_D;
		addr = sarg(c, 0);
	}
	if (af != AF_INET_D && af != AF_INET6_D)
		return DIF_FAULT_ILLOP;
	if (dif_copyin_checked(c->ms, a, addr, af == AF_INET_D ? 4 : 16)) {
		*c->faddr = addr;
		return DIF_FAULT_BADADDR;
	}
	/* longest forms: 15 and 45 characters */
	if ((d = sbuf(c, 46)) == NULL)
		return DIF_FAULT_NOSCRATCH;
	d[af == AF_INET_D ? fmt_v4(d, a) : fmt_v6(d, a)] = '\0';
	*rv = dif_addr(d);
	return 0;
}

static int digit_of(char ch)
{
	if (ch >= '0' && ch <= '9')
		return ch - '0';
	if (ch >= 'a' && ch <= 'z')
		return ch - 'a' + 10;
	if (ch >= 'A' && ch <= 'Z')
		return ch - 'A' + 10;
	return 99;
}

static int subr_strtoll(subr_ctx_t *c, uint64_t *rv)
{
	uint32_t used = c->ms->ms_scratch_used, len, i = 0;
	uint64_t base = 10, acc = 0;
	const char *s;
	int neg = 0, f, dg;

	if (c->nargs > 1) {
		base = sarg(c, 1);
		if (base < 2 || base > 36)
			return DIF_FAULT_ILLOP;
	}
	if ((f = sget(c, sarg(c, 0), &s, &len)) != 0)
		return f;
	while (i < len && (s[i] == ' ' || (s[i] >= '\t' && s[i] <= '\r')))
		i++;
	if (i < len && (s[i] == '-' || s[i] == '+'))
		neg = s[i++] == '-';
	if (base == 16 && i + 1 < len && s[i] == '0' &&
	    (s[i + 1] == 'x' || s[i + 1] == 'X'))
		i += 2;
	for (; i < len && (dg = digit_of(s[i])) < (int)base; i++)
		acc = acc * base + (uint64_t)dg;
	*rv = neg ? 0 - acc : acc;
	c->ms->ms_scratch_used = used;
	return 0;
}

static int subr_copy(subr_ctx_t *c, unsigned subr, uint64_t *rv)
{
	dif_mstate_t *ms = c->ms;
	uint64_t src, dst, size;
	uint32_t max, len;
	char *s;
	void *p;
	int f;

	switch (subr) {
	case DIF_SUBR_COPYIN:
		src = sarg(c, 0);
		size = sarg(c, 1);
		if ((p = dif_scratch_alloc(ms, size)) == NULL)
			return DIF_FAULT_NOSCRATCH;
		if (size && dt_port_uload(p, src, (size_t)size) != 0) {
			*c->faddr = src;
			return DIF_FAULT_BADADDR;
		}
		*rv = dif_addr(p);
		return 0;
	case DIF_SUBR_COPYINSTR:
		max = ms->ms_env->de_strsize;
		if (c->nargs > 1 && sarg(c, 1) < max)
			max = (uint32_t)sarg(c, 1);
		f = dif_str_copy(ms, sarg(c, 0), max, 1, &s, &len, c->faddr);
		if (f == 0)
			*rv = dif_addr(s);
		return f;
	case DIF_SUBR_COPYINTO:
		src = sarg(c, 0);
		size = sarg(c, 1);
		dst = sarg(c, 2);
		if (!dif_in_scratch(ms, dst, size)) {
			*c->faddr = dst;
			return DIF_FAULT_BADADDR;
		}
		if (size && dt_port_uload(dif_ptr(dst), src, (size_t)size)) {
			*c->faddr = src;
			return DIF_FAULT_BADADDR;
		}
		return 0;
	case DIF_SUBR_BCOPY:
		src = sarg(c, 0);
		dst = sarg(c, 1);
		size = sarg(c, 2);
		if (!dif_in_scratch(ms, dst, size)) {
			*c->faddr = dst;
			return DIF_FAULT_BADADDR;
		}
		if (dif_copyin_checked(ms, dif_ptr(dst), src, size)) {
			*c->faddr = src;
			return DIF_FAULT_BADADDR;
		}
		return 0;
	default: /* ALLOCA */
		size = sarg(c, 0);
		if ((p = dif_scratch_alloc(ms, size)) == NULL)
			return DIF_FAULT_NOSCRATCH;
		dt_port_memset(p, 0, (size_t)size);
		*rv = dif_addr(p);
		return 0;
	}
}

/* fewest arguments each subroutine takes */
static uint8_t subr_minargs(unsigned subr)
{
	switch (subr) {
	case DIF_SUBR_RAND: case DIF_SUBR_SPECULATION:
		return 0;
	case DIF_SUBR_COPYIN: case DIF_SUBR_STRJOIN: case DIF_SUBR_STRCHR:
	case DIF_SUBR_STRRCHR: case DIF_SUBR_STRSTR: case DIF_SUBR_STRTOK:
	case DIF_SUBR_SUBSTR: case DIF_SUBR_INDEX: case DIF_SUBR_RINDEX:
	case DIF_SUBR_INET_NTOP:
		return 2;
	case DIF_SUBR_BCOPY: case DIF_SUBR_COPYINTO:
		return 3;
	}
	return 1;
}

int dif_subr_call(dif_mstate_t *ms, unsigned subr, uint64_t *rvp,
		  uint64_t *faddr)
{
	const dif_hostops_t *ho = ms->ms_env->de_ops;
	subr_ctx_t c = { ms, ms->ms_ntuple, faddr };
	uint32_t used = ms->ms_scratch_used, len;
	const char *s;
	int f;

	*rvp = 0;
	if (c.nargs < subr_minargs(subr))
		return DIF_FAULT_ILLOP;
	switch (subr) {
	case DIF_SUBR_RAND:
		*rvp = subr_rand(ms);
		return 0;
	case DIF_SUBR_COPYIN:
	case DIF_SUBR_COPYINSTR:
	case DIF_SUBR_COPYINTO:
	case DIF_SUBR_BCOPY:
	case DIF_SUBR_ALLOCA:
		return subr_copy(&c, subr, rvp);
	case DIF_SUBR_SPECULATION:
		if (ho == NULL || ho->ho_spec_alloc == NULL)
			return DIF_FAULT_ILLOP;
		*rvp = ho->ho_spec_alloc(ms->ms_ctx);
		return 0;
	case DIF_SUBR_PROGENYOF:
		if (ho == NULL || ho->ho_progenyof == NULL)
			return DIF_FAULT_ILLOP;
		*rvp = (uint64_t)ho->ho_progenyof(ms->ms_ctx, sarg(&c, 0));
		return 0;
	case DIF_SUBR_STRLEN:
		f = sget(&c, sarg(&c, 0), &s, &len);
		ms->ms_scratch_used = used;
		*rvp = len;
		return f;
	case DIF_SUBR_STRJOIN:
		return subr_strjoin(&c, rvp);
	case DIF_SUBR_LLTOSTR:
		return subr_lltostr(&c, rvp);
	case DIF_SUBR_BASENAME:
	case DIF_SUBR_DIRNAME:
		return subr_path(&c, subr, rvp);
	case DIF_SUBR_CLEANPATH:
		return subr_cleanpath(&c, rvp);
	case DIF_SUBR_STRCHR:
	case DIF_SUBR_STRRCHR:
		return subr_strchr(&c, subr, rvp);
	case DIF_SUBR_STRSTR:
	case DIF_SUBR_INDEX:
	case DIF_SUBR_RINDEX:
		return subr_index(&c, subr, rvp);
	case DIF_SUBR_STRTOK:
		return subr_strtok(&c, rvp);
	case DIF_SUBR_SUBSTR:
		return subr_substr(&c, rvp);
	case DIF_SUBR_HTONS:
	case DIF_SUBR_NTOHS:
		*rvp = host_is_big_endian() ? sarg(&c, 0) & 0xffff
					    : swap16(sarg(&c, 0));
		return 0;
	case DIF_SUBR_HTONL:
	case DIF_SUBR_NTOHL:
		*rvp = host_is_big_endian() ? sarg(&c, 0) & 0xffffffffu
					    : swap32(sarg(&c, 0));
		return 0;
	case DIF_SUBR_HTONLL:
	case DIF_SUBR_NTOHLL:
		*rvp = host_is_big_endian() ? sarg(&c, 0) : swap64(sarg(&c, 0));
		return 0;
	case DIF_SUBR_INET_NTOP:
	case DIF_SUBR_INET_NTOA:
	case DIF_SUBR_INET_NTOA6:
		return subr_inet(&c, subr, rvp);
	case DIF_SUBR_TOUPPER:
	case DIF_SUBR_TOLOWER:
		return subr_case(&c, subr == DIF_SUBR_TOUPPER, rvp);
	case DIF_SUBR_STRTOLL:
		return subr_strtoll(&c, rvp);
	}
	/* mutex_*, rw_*, copyout*, msg*, getmajor/minor, ddi_pathname,
	 * getf: no meaning (or not allowed) here */
	return DIF_FAULT_ILLOP;
}
