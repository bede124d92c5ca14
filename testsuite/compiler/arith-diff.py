#!/usr/bin/env python3
"""arith-diff.py - differential test of the compiler's integer semantics.

Generates random integer expressions over variables of every C integer
type (casts, promotions, signed/unsigned mixes, shifts, division and
modulo of negative numbers, overflow), evaluates them once as C (gcc
-fwrapv, so overflow wraps as in D) and once as D (dtrace -q), and
requires the same results.  Usage: arith-diff.py DTRACE [N] [SEED]
Exits 77 (skip) if dtrace or cc is missing."""
import os, random, shutil, subprocess, sys, tempfile

TYPES = ["char", "unsigned char", "short", "unsigned short", "int",
         "unsigned int", "long", "unsigned long", "long long",
         "unsigned long long", "int8_t", "uint8_t", "int16_t", "uint16_t",
         "int32_t", "uint32_t", "int64_t", "uint64_t"]
VALUES = [0, 1, -1, 2, 7, -7, 100, -100, 127, 128, 255, 256, -129, 32767,
          32768, 65535, 65536, -32769, 2147483647, -2147483647, 4294967295,
          4294967296, 9223372036854775807, -9223372036854775807]

def var(i):
    return "v%d" % i

def gen(rng, depth, nvars):
    if depth == 0 or rng.random() < 0.25:
        r = rng.random()
        if r < 0.6:
            return var(rng.randrange(nvars))
        if r < 0.8:
            return "(%s)%s" % (rng.choice(TYPES), var(rng.randrange(nvars)))
        return str(rng.choice([0, 1, 2, 3, 5, 7, 15, 31, 100, 255, 1000,
                               65535, 2147483647, 4294967295]))
    a = gen(rng, depth - 1, nvars)
    b = gen(rng, depth - 1, nvars)
    op = rng.choice(["+", "-", "*", "/", "%", "<<", ">>", "&", "|", "^",
                     "<", ">", "<=", ">=", "==", "!=", "&&", "||", "cast",
                     "neg", "not", "lnot", "?:"])
    if op in ("/", "%"):
        # a divisor that is never 0 and never -1 (INT_MIN / -1)
        sign = rng.choice(["", "-"])
        return "(%s %s %s(((long long)(%s) & 7) + 2))" % (a, op, sign, b)
    if op in ("<<", ">>"):
        return "(%s %s ((int)(%s) & 15))" % (a, op, b)
    if op == "cast":
        return "((%s)(%s))" % (rng.choice(TYPES), a)
    if op == "neg":
        return "(-(%s))" % a
    if op == "not":
        return "(~(%s))" % a
    if op == "lnot":
        return "(!(%s))" % a
    if op == "?:":
        c = gen(rng, depth - 1, nvars)
        return "((%s) ? (%s) : (%s))" % (c, a, b)
    return "(%s %s %s)" % (a, op, b)

BITFIELDS = """struct bits { unsigned int a : 3; int b : 5; unsigned int c : 24;
    char d; short e : 4; long f : 40; int g : 30; unsigned char h : 1;
    long long : 0; unsigned short i : 9; int j : 7; };
union u { unsigned long long raw[4]; struct bits f; };"""
BF_FIELDS = "abcdefghij"
BF_RAW = ["0x123456789abcdef1ULL", "0xfedcba9876543210ULL",
          "0x0f1e2d3c4b5a6978ULL", "0x8877665544332211ULL"]

def bitfields(dtrace, tmp):
    """bit-field layout and loads against the C compiler's"""
    c = ["#include <stdio.h>", BITFIELDS, "int main(void) { union u x;"]
    d = [BITFIELDS, "BEGIN {", "this->u = (union u *)alloca(sizeof (union u));"]
    for i, r in enumerate(BF_RAW):
        c.append("x.raw[%d] = %s;" % (i, r))
        d.append("this->u->raw[%d] = %s;" % (i, r))
    for f in BF_FIELDS:
        c.append('printf("%%lld\\n", (long long)x.f.%s);' % f)
        d.append('printf("%%d\\n", (long long)this->u->f.%s);' % f)
    c.append('printf("%d\\n", (int)sizeof (struct bits)); return 0; }')
    d.append('printf("%d\\n", (int)sizeof (struct bits)); exit(0); }')
    open(os.path.join(tmp, "b.c"), "w").write("\n".join(c) + "\n")
    open(os.path.join(tmp, "b.d"), "w").write("\n".join(d) + "\n")
    subprocess.run(["cc", "-w", "-o", os.path.join(tmp, "b"),
                    os.path.join(tmp, "b.c")], check=True)
    want = subprocess.run([os.path.join(tmp, "b")], check=True,
                          capture_output=True, text=True).stdout.split()
    r = subprocess.run([dtrace, "-q", "-s", os.path.join(tmp, "b.d")],
                       capture_output=True, text=True, timeout=60)
    if r.stdout.split() != want:
        print("BITFIELDS: C %s\n           D %s %s" %
              (want, r.stdout.split(), r.stderr.strip()))
        return 1
    return 0

def main():
    if len(sys.argv) < 2 or not os.access(sys.argv[1], os.X_OK) or \
            shutil.which("cc") is None:
        print("arith-diff: skipped (no dtrace or cc)")
        return 77
    dtrace = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 300
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    rng = random.Random(seed)
    nvars = len(TYPES)
    decls = []
    inits = []
    for i, t in enumerate(TYPES):
        decls.append("%s %s;" % (t, var(i)))
        inits.append("%s = (%s)%dLL;" % (var(i), t,
                     rng.choice(VALUES) if i % 3 else VALUES[i % len(VALUES)]))
    exprs = [gen(rng, 3, nvars) for _ in range(n)]
    tmp = tempfile.mkdtemp(prefix="arith-diff.")
    try:
        c = ["#include <stdio.h>", "#include <stdint.h>"] + decls + \
            ["int main(void) {"] + inits
        d = decls + ["BEGIN {"] + inits
        shown = []
        for e in exprs:
            if rng.random() < 0.3:
                # a compound assignment (or ++/--) into a typed variable
                k = rng.randrange(nvars)
                op = rng.choice(["+=", "-=", "*=", "&=", "|=", "^=", "=",
                                 "<<=", ">>=", "/=", "%=", "++", "--"])
                if op in ("/=", "%="):
                    e = "%s %s %s(%s)(((long long)(%s) & 7) + 2)" % (
                        var(k), op, rng.choice(["", "-"]),
                        rng.choice(TYPES[4:]), e)
                elif op in ("<<=", ">>="):
                    e = "%s %s ((int)(%s) & 15)" % (var(k), op, e)
                elif op in ("++", "--"):
                    e = (var(k) + op) if rng.random() < 0.5 else (op + var(k))
                else:
                    e = "%s %s %s" % (var(k), op, e)
                c.append('printf("%%lld\\n", (long long)(%s));' % e)
                d.append('printf("%%d\\n", (long long)(%s));' % e)
                c.append('printf("%%lld\\n", (long long)%s);' % var(k))
                d.append('printf("%%d\\n", (long long)%s);' % var(k))
                shown.append(e)
                shown.append("%s after: %s" % (var(k), e))
                continue
            shown.append(e)
            c.append('printf("%%lld\\n", (long long)(%s));' % e)
            d.append('printf("%%d\\n", (long long)(%s));' % e)
        c.append("return 0; }")
        d.append("exit(0); }")
        open(os.path.join(tmp, "t.c"), "w").write("\n".join(c) + "\n")
        open(os.path.join(tmp, "t.d"), "w").write("\n".join(d) + "\n")
        subprocess.run(["cc", "-w", "-fwrapv", "-O0", "-o",
                        os.path.join(tmp, "t"), os.path.join(tmp, "t.c")],
                       check=True)
        want = subprocess.run([os.path.join(tmp, "t")], check=True,
                              capture_output=True, text=True).stdout.split()
        r = subprocess.run([dtrace, "-q", "-s", os.path.join(tmp, "t.d")],
                           capture_output=True, text=True, timeout=60)
        got = r.stdout.split()
        bad = 0
        if r.returncode != 0 or len(got) != len(want):
            print("arith-diff: dtrace failed (status %d): %s" %
                  (r.returncode, r.stderr.strip()))
            bad = 1
        for i, (g, w) in enumerate(zip(got, want)):
            if g != w:
                bad += 1
                if bad <= 10:
                    print("MISMATCH %s\n  C: %s  D: %s" % (shown[i], w, g))
        if bitfields(dtrace, tmp):
            bad += 1
        print("%d passed, %d failed" % (len(want) + 1 - bad, bad))
        return 1 if bad else 0
    finally:
        shutil.rmtree(tmp)

sys.exit(main())
