/*
 * dt_bpf_x86len.c - the length of an x86 instruction (64-bit or 32-bit
 * mode), so that pid offset probes land only where an instruction starts:
 * a uprobe in the middle of one would corrupt the traced process.  Only
 * lengths are decoded: prefixes, REX/VEX/EVEX, the opcode maps, ModRM,
 * SIB, displacement and immediate sizes.  Anything not understood is
 * reported as such (-1), and the caller then refuses the offset.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "dt_bpf_uprobe.h"

/* one-byte opcodes with a ModRM byte (1 bit each) */
static const uint8_t modrm1[32] = {
	/* 00-3f: ALU ops x0-x3 of each row of 8 */
	0x0f, 0x0f, 0x0f, 0x0f, 0x0f, 0x0f, 0x0f, 0x0f,
	/* 40-5f none, 60-67: 62 63 */
	0x00, 0x00, 0x00, 0x00, 0x0c,
	/* 68-6f: 69 6b */ 0x0a,
	/* 70-7f */ 0x00, 0x00,
	/* 80-8f */ 0xff, 0xff,
	/* 90-bf */ 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	/* c0-c7: c0 c1 c4 c5 c6 c7 */ 0xf3,
	/* c8-cf */ 0x00,
	/* d0-d7: d0-d3 */ 0x0f,
	/* d8-df: x87 */ 0xff,
	/* e0-ef */ 0x00, 0x00,
	/* f0-f7: f6 f7 */ 0xc0,
	/* f8-ff: fe ff */ 0xc0,
};

static int bit(const uint8_t *tab, unsigned op)
{
	return (tab[op >> 3] >> (op & 7)) & 1;
}

/* bytes of ModRM + SIB + displacement at p, or -1 */
static int modrm_len(const uint8_t *p, size_t avail, int addr16)
{
	unsigned mod, rm;
	int n = 1;

	if (avail < 1)
		return -1;
	mod = p[0] >> 6;
	rm = p[0] & 7;
	if (mod == 3)
		return 1;
	if (addr16) {
		if (mod == 0 && rm == 6)
			n += 2;
		else
			n += mod == 1 ? 1 : mod == 2 ? 2 : 0;
		return n;
	}
	if (rm == 4) {
		if (avail < 2)
			return -1;
		n++;
		if (mod == 0 && (p[1] & 7) == 5)
			n += 4;
	}
	if (mod == 0 && rm == 5)
		n += 4;
	else if (mod == 1)
		n += 1;
	else if (mod == 2)
		n += 4;
	return n;
}

/* two-byte map (0f xx): no ModRM for these */
static int nomodrm_0f(unsigned op)
{
	return (op >= 0x05 && op <= 0x09) || op == 0x0b || op == 0x0e ||
	       (op >= 0x30 && op <= 0x37) || op == 0x77 ||
	       (op >= 0x80 && op <= 0x8f) || op == 0xa0 || op == 0xa1 ||
	       op == 0xa2 || op == 0xa8 || op == 0xa9 || op == 0xaa ||
	       (op >= 0xc8 && op <= 0xcf);
}

/* two-byte map: an imm8 after ModRM */
static int imm8_0f(unsigned op)
{
	return (op >= 0x70 && op <= 0x73) || op == 0xa4 || op == 0xac ||
	       op == 0xba || op == 0xc2 || (op >= 0xc4 && op <= 0xc6);
}

/* VEX/EVEX-encoded instruction after its prefix: opcode, ModRM, imm */
static int vex_rest(const uint8_t *p, size_t avail, unsigned map, int addr16)
{
	int m;

	if (avail < 1)
		return -1;
	if (map == 1 && p[0] == 0x77)
		return 1; /* vzeroupper / vzeroall */
	m = modrm_len(p + 1, avail - 1, addr16);
	if (m < 0)
		return -1;
	if (map == 3 || (map == 1 && imm8_0f(p[0])))
		m++;
	if (map < 1 || map > 7)
		return -1;
	return 1 + m;
}

int dt_x86_insn_len(const uint8_t *p, size_t avail, int is64)
{
	size_t i = 0;
	int opsz16 = 0, addrpfx = 0, addr16, rexw = 0, m, imm = 0;
	unsigned op;

	/* legacy prefixes */
	while (i < avail && i < 14) {
		op = p[i];
		if (op == 0x66)
			opsz16 = 1;
		else if (op == 0x67)
			addrpfx = 1;
		else if (op != 0xf0 && op != 0xf2 && op != 0xf3 &&
			 op != 0x2e && op != 0x36 && op != 0x3e &&
			 op != 0x26 && op != 0x64 && op != 0x65)
			break;
		i++;
	}
	if (i >= avail)
		return -1;
	/* 0x67 in 64-bit mode makes addresses 32-bit: same ModRM forms */
	addr16 = addrpfx && !is64;
	if (is64 && (p[i] & 0xf0) == 0x40) {
		rexw = (p[i] & 8) != 0;
		if (++i >= avail)
			return -1;
	}
	op = p[i++];
	/* VEX (c4, c5) and EVEX (62); in 32-bit mode only with a register
	 * form next, else they are les/lds/bound */
	if ((op == 0xc4 || op == 0xc5 || op == 0x62) &&
	    (is64 || (i < avail && (p[i] & 0xc0) == 0xc0))) {
		size_t plen = op == 0xc5 ? 1 : op == 0xc4 ? 2 : 3;
		unsigned map = op == 0xc5 ? 1 : p[i] & (op == 0x62 ? 7 : 0x1f);

		if (i + plen >= avail)
			return -1;
		m = vex_rest(p + i + plen, avail - i - plen, map, addr16);
		return m < 0 ? -1 : (int)(i + plen) + m;
	}
	if (op == 0x0f) {
		if (i >= avail)
			return -1;
		op = p[i++];
		if (op == 0x38 || op == 0x3a) {
			int three = op == 0x3a;

			if (i >= avail)
				return -1;
			i++; /* the opcode */
			m = modrm_len(p + i, avail - i, addr16);
			return m < 0 ? -1 : (int)i + m + three;
		}
		if (op == 0x0f) /* 3DNow!: ModRM, then an imm8 opcode */
			imm = 1;
		else if (op >= 0x80 && op <= 0x8f)
			imm = is64 || !opsz16 ? 4 : 2; /* jcc rel32 */
		if (nomodrm_0f(op))
			return (int)i + imm;
		m = modrm_len(p + i, avail - i, addr16);
		if (m < 0)
			return -1;
		return (int)i + m + imm + (imm8_0f(op) ? 1 : 0);
	}
	/* one-byte map: the immediate */
	switch (op) {
	case 0x04: case 0x0c: case 0x14: case 0x1c: case 0x24: case 0x2c:
	case 0x34: case 0x3c: case 0x6a: case 0x6b: case 0x80: case 0x82:
	case 0x83: case 0xa8: case 0xc0: case 0xc1: case 0xc6: case 0xcd:
	case 0xd4: case 0xd5: case 0xe4: case 0xe5: case 0xe6: case 0xe7:
	case 0xeb:
		imm = 1;
		break;
	case 0x05: case 0x0d: case 0x15: case 0x1d: case 0x25: case 0x2d:
	case 0x35: case 0x3d: case 0x68: case 0x69: case 0x81: case 0xa9:
	case 0xc7:
		imm = opsz16 && !rexw ? 2 : 4;
		break;
	case 0xe8: case 0xe9:
		imm = is64 || !opsz16 ? 4 : 2;
		break;
	case 0xc2: case 0xca:
		imm = 2;
		break;
	case 0xc8:
		imm = 3;
		break;
	case 0x9a: case 0xea:
		if (is64)
			return -1;
		imm = opsz16 ? 4 : 6;
		break;
	case 0xa0: case 0xa1: case 0xa2: case 0xa3: /* moffs */
		imm = is64 ? (addrpfx ? 4 : 8) : (addrpfx ? 2 : 4);
		break;
	default:
		if (op >= 0x70 && op <= 0x7f)
			imm = 1;
		else if (op >= 0xe0 && op <= 0xe3)
			imm = 1;
		else if (op >= 0xb0 && op <= 0xb7)
			imm = 1;
		else if (op >= 0xb8 && op <= 0xbf)
			imm = rexw ? 8 : opsz16 ? 2 : 4;
		break;
	}
	if (!bit(modrm1, op))
		return (int)i + imm;
	m = modrm_len(p + i, avail - i, addr16);
	if (m < 0)
		return -1;
	/* test r/m, imm (f6 /0 /1, f7 /0 /1) */
	if ((op == 0xf6 || op == 0xf7) && ((p[i] >> 3) & 7) < 2)
		imm = op == 0xf6 ? 1 : opsz16 && !rexw ? 2 : 4;
	return (int)i + m + imm;
}

/* 1 if an instruction starts at off in code[0..len), decoding from 0 */
int dt_x86_boundary(const uint8_t *code, size_t len, size_t off, int is64)
{
	size_t at = 0;

	while (at < off && at < len) {
		int l = dt_x86_insn_len(code + at, len - at, is64);

		if (l <= 0)
			return 0;
		at += (size_t)l;
	}
	return at == off && off < len;
}
