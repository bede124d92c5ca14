/*
 * cases.h - the compiler test cases (included by test_compile.c).
 * OK(src, props): must compile; props is a space-separated list of
 *   c=clauses  aN=actions of clause N (kind[:nslots][@aggid],...)
 *   sN=statements  aoN=aggonly  rN=recsize  npN=probes  pN[.i]=probe
 *   slN.i=offset:size:fmt  agI=name:func:nkeys:keysize:s|u  aqI=params
 *   kfI=key formats  g=aggregations  v=variables  var=name/scope/size,...
 *   o=options  fN.i=format  gs=global area  ls=this-> area
 * ERR(src, tag, line, message): must fail exactly so.
 * Slot formats: 1 sint 2 uint 3 ptr 4 string 5 bytes 6 stack 7 ustack
 * 8 sym 9 usym 10 mod 11 umod.
 */
static const tcase_t cases[] = {
	/* --- clauses and probe descriptions --- */
	OK("BEGIN { exit(0); }", "c=1 a0=exit:1 s0=1 p0=:::BEGIN r0=4"),
	OK("BEGIN {}", "c=1 a0= s0=0 ao0=0 r0=0"),
	OK("BEGIN { }", "c=1 s0=0"),
	OK("BEGIN\n{\n}\nEND\n{\n}\n", "c=2 p0=:::BEGIN p1=:::END"),
	OK("syscall::read:entry { }", "p0=syscall::read:entry"),
	OK("fbt:kernel:vfs_*:entry { }", "p0=fbt:kernel:vfs_*:entry"),
	OK("read:entry { }", "p0=::read:entry"),
	OK("a:b:c { }", "p0=:a:b:c"),
	OK("profile:::tick-1s { }", "p0=profile:::tick-1s"),
	OK("tick-10ms { }", "p0=:::tick-10ms"),
	OK("syscall::read:entry, syscall::write:entry { }",
	   "c=1 np0=2 p0.0=syscall::read:entry p0.1=syscall::write:entry"),
	OK("syscall::read:entry,\nsyscall::write:entry\n{ }", "np0=2"),
	OK("fbt::[a-c]*:entry, fbt::?oo:return { }",
	   "p0.0=fbt::[a-c]*:entry p0.1=fbt::?oo:return"),
	OK("BEGIN { exit(0) }", "a0=exit:1"),
	OK("BEGIN { trace(1); trace(2) }", "a0=trace:1,trace:1 s0=2"),
	OK("BEGIN { ; ; trace(1);; }", "s0=1"),
	OK("BEGIN /1/ { trace(1); }", "s0=1"),
	OK("BEGIN / 1 > 0 / { }", "s0=0"),
	OK("BEGIN /4 / 2/ /* why */ { trace(1); }", "s0=1"),
	ERR("BEGIN /1/\n/* c\n */ {\n x = ; }", "D_SYNTAX", 4,
	    "syntax error near \";\""),
	OK("BEGIN { x = 0; } BEGIN /x == 0/ { }", "c=2"),
	OKP("syscall::read:entry", 4, "c=1 s0=0 p0=syscall::read:entry"),
	OKP("read", 3, "p0=::read:"),
	OKP("syscall", 1, "p0=syscall:::"),
	OKP("vmlinux", 2, "p0=:vmlinux::"),
	OKP("BEGIN", 4, "p0=:::BEGIN"),
	OKP("BEGIN, END", 4, "np0=2"),
	ERR("syscall::read:entry", "D_SYNTAX", 1,
	    "expected predicate and/or actions following probe description"),
	ERR("a:b:c:d:e { }", "D_PDESC_INVAL", 1,
	    "invalid probe description \"a:b:c:d:e\": Overspecified probe "
	    "description"),

	/* --- syntax errors --- */
	ERR("BEGIN { x = ; }", "D_SYNTAX", 1, "syntax error near \";\""),
	ERR("BEGIN\n{\n\ttrace(1)\n\ttrace(2);\n}", "D_SYNTAX", 4,
	    "syntax error near \"trace\""),
	ERR("BEGIN { trace(1); ", "D_SYNTAX", 1,
	    "syntax error near end of input"),
	ERR("BEGIN {\n\n\n}}", "D_SYNTAX", 4, "syntax error near \"}\""),
	ERR("BEGIN { trace(1 +); }", "D_SYNTAX", 1, "syntax error near \")\""),
	ERR("BEGIN { a b; }", "D_SYNTAX", 1, "syntax error near \"b\""),
	ERR("BEGIN { trace(\"abc); }", "D_STR_NL", 1,
	    "newline encountered in string literal"),
	ERR("BEGIN { /* unterminated ", "D_SYNTAX", 1,
	    "end-of-file encountered before matching */"),
	ERR("BEGIN { trace(1.5); }", "D_SYNTAX", 1,
	    "floating-point constants are not permitted"),
	ERR("BEGIN { trace(09); }", "D_INT_DIGIT", 1,
	    "constant 09 contains invalid digit 9"),
	ERR("BEGIN { trace(''); }", "D_CHR_NULL", 1, "empty character constant"),
	ERR("BEGIN { trace(` + 1); }", "D_SYNTAX", 1, "syntax error near \"`\""),
	ERR("BEGIN { trace(99999999999999999999); }", "D_INT_OFLOW", 1,
	    "constant 99999999999999999999 results in integer overflow"),

	/* --- comments, pragmas, line markers --- */
	OK("/* a comment */ BEGIN /* x */ { /* y */ exit(0); /* z */ }",
	   "a0=exit:1"),
	OK("#!/usr/sbin/dtrace -s\nBEGIN { exit(0); }", "c=1"),
	OK("#pragma D option quiet\nBEGIN { exit(0); }", "o=quiet"),
	OK("#pragma D option bufsize=4m\n#pragma D option quiet\nBEGIN { }",
	   "o=bufsize=4m,quiet"),
	OK("  #pragma D depends_on provider syscall\nBEGIN { }", "c=1"),
	OK("#pragma ident \"whatever\"\nBEGIN { }", "c=1"),
	ERR("#pragma D option nosuchoption\nBEGIN { }", "D_PRAGMA_OPTSET", 1,
	    "failed to set option 'nosuchoption': Invalid option name"),
	ERR("#define X 1\nBEGIN { }", "D_PRAGCTL_INVAL", 1,
	    "invalid control directive: #define"),
	ERR("\n#pragma D frobnicate\n", "D_PRAGMA_INVAL", 2,
	    "invalid D pragma: frobnicate"),
	ERR("# 10 \"foo.d\"\nBEGIN { x = ; }", "D_SYNTAX", 10,
	    "syntax error near \";\""),

	/* --- trace, printf, exit: slots --- */
	OK("BEGIN { trace(1); }", "sl0.0=0:4:1"),
	OK("BEGIN { trace(1u); }", "sl0.0=0:4:2"),
	OK("BEGIN { trace(1L); }", "sl0.0=0:8:1"),
	OK("BEGIN { trace(0x80000000); }", "sl0.0=0:4:2"),
	OK("BEGIN { trace(2147483648); }", "sl0.0=0:8:1"),
	OK("BEGIN { trace((char)1); trace(2); }", "sl0.0=0:1:1 sl0.1=4:4:1"),
	OK("BEGIN { trace((short)1); trace((uint8_t)1); }",
	   "sl0.0=0:2:1 sl0.1=2:1:2"),
	OK("BEGIN { trace(\"hi\"); trace(1); }", "sl0.0=0:256:4 sl0.1=256:4:1"),
	OK("BEGIN { trace(execname); }", "sl0.0=0:256:4"),
	OK("BEGIN { trace(curthread); }", "sl0.0=0:8:3"),
	OK("BEGIN { trace(timestamp); }", "sl0.0=0:8:2"),
	OK("BEGIN { trace(pid); }", "sl0.0=0:4:1"),
	OK("BEGIN { printf(\"%d %s\\n\", 1, \"x\"); }",
	   "a0=printf:2 f0.0={%d %s\n} sl0.0=0:4:1 sl0.1=4:256:4"),
	OK("BEGIN { printf(\"hello\\n\"); }", "a0=printf f0.0=hello\n r0=0"),
	OK("BEGIN { printf(\"%*d|%-*.*s\", 5, 1, 3, 2, \"ab\"); }",
	   "a0=printf:5"),
	OK("BEGIN { printf(\"%c%u%x%o%lld%p%%\", 'a', 1, 2, 3, 4LL, 0); }",
	   "a0=printf:6"),
	OK("BEGIN { printf(\"%a\", 1); }", "a0=printf:1"),
	OK("BEGIN { printf(\"%Y\", walltimestamp); }", "a0=printf:1"),
	OK("BEGIN { exit(3); trace(1); }", "a0=exit:1,trace:1 sl0.0=0:4:1"),
	ERR("BEGIN { printf(\"%d\\n\", \"s\"); }", "D_PRINTF_ARG_TYPE", 1,
	    "printf( ) argument #2 is incompatible with conversion #1 "
	    "prototype:\n\tconversion: %d\n\t prototype: char, short, int, "
	    "long, or long long\n\t  argument: string"),
	ERR("BEGIN { printf(\"%d %d\\n\", 1); }", "D_PRINTF_ARG_PROTO", 1,
	    "printf( ) prototype mismatch: conversion #2 (%d) is missing a "
	    "corresponding value argument"),
	ERR("BEGIN { printf(\"%d\\n\", 1, 2); }", "D_PRINTF_ARG_EXTRA", 1,
	    "printf( ) prototype mismatch: only 1 arguments required by this "
	    "format string"),
	ERR("BEGIN { printf(1); }", "D_PRINTF_ARG_FMT", 1,
	    "printf( ) argument #1 is incompatible with prototype:\n"
	    "\tprototype: string constant\n\t argument: int"),
	ERR("BEGIN { printf(\"%@d\", 1); }", "D_PRINTF_AGG_CONV", 1,
	    "%@ conversion requires an aggregation and is not for use with "
	    "printf( )"),
	ERR("BEGIN { exit(); }", "D_PROTO_LEN", 1,
	    "exit( ) prototype mismatch: 0 args passed, 1 expected"),
	ERR("BEGIN { exit(\"x\"); }", "D_PROTO_ARG", 1,
	    "exit( ) argument #1 is incompatible with prototype:\n"
	    "\tprototype: int\n\t argument: string"),
	ERR("BEGIN { trace(); }", "D_PROTO_LEN", 1,
	    "trace( ) prototype mismatch: 0 args passed, 1 expected"),
	ERR("BEGIN { x = trace(1); }", "D_CG_EXPR", 1,
	    "trace( ) may not be called from a D expression (D program "
	    "context required)"),

	/* --- variables --- */
	OK("BEGIN { x = 1; y = x + 2; trace(y); }",
	   "v=2 var=x/g/4,y/g/4 gs=8"),
	OK("BEGIN { s = \"abc\"; trace(s); }", "var=s/g/256"),
	OK("BEGIN { self->t = timestamp; } END { trace(self->t); }",
	   "var=t/t/8"),
	OK("BEGIN { this->x = 1; trace(this->x); }", "var=x/l/4 ls=4"),
	ERR("BEGIN { trace(self->never); }", "D_VAR_UNDEF", 1,
	    "self->never has not yet been declared or assigned"),
	OK("BEGIN { trace(self->later); } END { self->later = 1; }",
	   "var=later/t/8"),
	OK("tick-1s /!done/ { done = 1; }", "var=done/g/8"),
	OK("BEGIN { x++; a[\"k\"]++; }", "var=x/g/8,a/ga/8"),
	OK("BEGIN { a[1] = 2; a[3] = 4; trace(a[1]); }", "var=a/ga/4"),
	OK("BEGIN { a[\"x\", 1] = \"s\"; trace(a[\"y\", 2]); }", "var=a/ga/256"),
	OK("BEGIN { self->a[pid] = 1; trace(self->a[0]); }", "var=a/ta/4"),
	OK("int x; BEGIN { x = 1; trace(x); }", "var=x/g/4"),
	OK("int x; BEGIN { trace(x); }", "var=x/g/4"),
	OK("self int x; BEGIN { trace(self->x); }", "var=x/t/4"),
	OK("this string s; BEGIN { this->s = \"a\"; }", "var=s/l/256"),
	OK("int a[int, string]; BEGIN { a[1, \"x\"] = 3; }", "var=a/ga/4"),
	OK("BEGIN { x = 1; x += 2; x -= 1; x *= 3; x /= 2; x %= 5; x <<= 1; "
	   "x >>= 1; x &= 7; x |= 8; x ^= 1; x++; ++x; x--; --x; }", "v=1"),
	OK("BEGIN { a[1] = 0; a[1]++; self->b--; this->c = 0; this->c += 2; }",
	   "v=3"),
	ERR("BEGIN { trace(y); }", "D_IDENT_UNDEF", 1,
	    "failed to resolve y: Unknown variable name"),
	ERR("BEGIN { trace(a[1]); }", "D_IDENT_UNDEF", 1,
	    "failed to resolve a: Unknown variable name"),
	ERR("BEGIN { x = 1; x = \"s\"; }", "D_OP_INCOMPAT", 1,
	    "operands have incompatible types: \"int\" = \"string\""),
	ERR("BEGIN { pid = 1; }", "D_OP_WRITE", 1,
	    "operator = can only be applied to a writable variable"),
	ERR("BEGIN { a[1] = 1; a[1, 2] = 3; }", "D_PROTO_LEN", 1,
	    "a[ ] prototype mismatch: 2 args passed, 1 expected"),
	ERR("BEGIN { a[1] = 1; a[\"x\"] = 3; }", "D_PROTO_ARG", 1,
	    "a[ ] argument #1 is incompatible with prototype:\n"
	    "\tprototype: int\n\t argument: string"),
	ERR("BEGIN { a[1] = 1; trace(a); }", "D_ARR_BADREF", 1,
	    "a[ ] must be referenced using [ ] subscripts"),
	ERR("BEGIN { this->a[1] = 1; }", "D_ARR_LOCAL", 1,
	    "local variables may not be used as associative arrays: a"),
	ERR("this int a[int];", "D_DECL_LOCASSC", 1,
	    "associative arrays may not be declared as local variables: a"),
	ERR("int x; string x;", "D_DECL_IDRED", 1, "identifier redeclared: x\n"
	    "\t current: scalar string\n\tprevious: scalar int"),
	ERR("void x;", "D_DECL_VOIDOBJ", 1, "cannot have void object: x"),
	ERR("BEGIN { 1 = 2; }", "D_OP_LVAL", 1,
	    "operator = requires modifiable lvalue as an operand"),

	/* --- built-ins --- */
	OK("profile:::tick-1s { trace(arg0); trace(args[1]); trace(uregs[0]); }",
	   "sl0.0=0:8:1 sl0.1=8:8:1 sl0.2=16:8:2"),
	OK("BEGIN { trace(probeprov); trace(probemod); trace(probefunc); "
	   "trace(probename); }", "r0=1024"),
	OK("BEGIN { trace(walltimestamp); trace(vtimestamp); trace(ppid); "
	   "trace(tid); trace(uid); trace(gid); trace(cpu); trace(id); "
	   "trace(epid); trace(errno); trace(caller); trace(ucaller); "
	   "trace(stackdepth); trace(ustackdepth); trace(ipl); "
	   "trace(zonename); trace(cwd); trace(root); trace(curcpu); }",
	   "s0=19"),
	ERR("BEGIN { trace(args); }", "D_ARR_BADREF", 1,
	    "args[ ] must be referenced using [ ] subscripts"),
	ERR("BEGIN { trace(args[10]); }", "D_ARGS_IDX", 1,
	    "index 10 is out of range for :::BEGIN args[ ]"),

	/* --- aggregations --- */
	OK("BEGIN { @a = count(); }",
	   "g=1 ag1=a:count:0:0:s ao0=1 s0=1 a0= r0=0"),
	OK("BEGIN { @ = count(); }", "ag1=:count:0:0:s"),
	OK("BEGIN { @a[execname] = count(); @b[pid, \"x\"] = sum(arg0); }",
	   "g=2 ag1=a:count:1:256:s ag2=b:sum:2:264:s kf2=1,4"),
	OK("BEGIN { @a = sum(1u); @b = min(1); @c = max((uint64_t)1); "
	   "@d = avg(1); @e = stddev(1); }",
	   "ag1=a:sum:0:0:u ag2=b:min:0:0:s ag3=c:max:0:0:u "
	   "ag4=d:avg:0:0:s ag5=e:stddev:0:0:s"),
	OK("BEGIN { @q = quantize(1); @l = lquantize(1, 0, 100, 10); "
	   "@ll = llquantize(1, 10, 0, 6, 20); }",
	   "ag1=q:quantize:0:0:s ag2=l:lquantize:0:0:s "
	   "aq2=0,100,10,0,0,0,0 aq3=0,0,0,10,0,6,20"),
	OK("BEGIN { @l = lquantize(1, -10, 10); }", "aq1=-10,10,1,0,0,0,0"),
	OK("BEGIN { @q = quantize(1, 5); @l = lquantize(1, 0, 10, 1, 3); }",
	   "g=2"),
	OK("BEGIN { @a = count(); x = 1; }", "ao0=0 s0=2"),
	OK("BEGIN { @a = count(); } END { printa(@a); }",
	   "ao0=1 a1=printa@1 ao1=0"),
	OK("BEGIN { @a = count(); @b = sum(1); } END { printa(\"%@d %@d\\n\", "
	   "@a, @b); }", "a1=printa:1@1 f1.0={%@d %@d\n} sl1.0=0:4:2"),
	OK("BEGIN { @a[1] = count(); @a[2] = count(); @a[3] = count(); }",
	   "g=1 s0=3 ao0=1"),
	OK("BEGIN { @a = count(); clear(@a); trunc(@a); trunc(@a, 5); "
	   "normalize(@a, 10); denormalize(@a); }",
	   "a0=clear@1,trunc:1@1,trunc:1@1,normalize:1@1,denormalize@1"),
	OK("BEGIN { @a[stack()] = count(); @b[ustack(5)] = count(); }",
	   "kf1=6 kf2=7 ag1=a:count:1:160:s ag2=b:count:1:48:s"),
	OK("BEGIN { @a[sym(arg0)] = count(); @b[umod(arg0)] = count(); }",
	   "kf1=8 kf2=11"),
	ERR("BEGIN { @a = count(); @a = sum(1); }", "D_AGG_REDEF", 1,
	    "aggregation redefined: @a\n\t current: @a = sum( )\n"
	    "\tprevious: @a = count( ) : line 1"),
	ERR("BEGIN { @a[1] = count(); @a[1, 2] = count(); }", "D_AGG_MDIM", 1,
	    "@a[ ] prototype mismatch: 2 keys given, 1 expected"),
	ERR("BEGIN { @a = 1; }", "D_AGG_FUNC", 1,
	    "@a must be assigned the result of an aggregating function"),
	ERR("BEGIN { @a += count(); }", "D_AGG_FUNC", 1,
	    "@a must be assigned the result of an aggregating function"),
	ERR("BEGIN { x = count(); }", "D_AGG_FUNC", 1,
	    "count( ) may only be used as the value of an aggregation "
	    "assignment"),
	ERR("BEGIN { @a = count(); trace(@a); }", "D_TRACE_DYN", 1,
	    "trace( ) may not be applied to a dynamic expression"),
	ERR("BEGIN { @a = count(); x = @a; }", "D_AGG_FUNC", 1,
	    "@a must be assigned the result of an aggregating function"),
	ERR("BEGIN { @a = sum(\"x\"); }", "D_AGG_SCALAR", 1,
	    "sum( ) argument #1 must be of scalar type"),
	ERR("BEGIN { @a = lquantize(1, x, 10); }", "D_IDENT_UNDEF", 1,
	    "failed to resolve x: Unknown variable name"),
	ERR("BEGIN { y = 1; @a = lquantize(1, y, 10); }", "D_LQUANT_BASETYPE",
	    1, "lquantize( ) argument #1 must be an integer constant"),
	ERR("BEGIN { @a = lquantize(1, 10, 0); }", "D_LQUANT_MISMATCH", 1,
	    "lquantize( ) base (argument #1) must be less than limit "
	    "(argument #2)"),
	ERR("BEGIN { @a = lquantize(1, 0, 10, 20); }", "D_LQUANT_STEPLARGE", 1,
	    "lquantize( ) step (argument #3) too large: must have at least "
	    "one quantization level"),
	ERR("BEGIN { @a = lquantize(1, 0, 10); @a = lquantize(2, 0, 20); }",
	    "D_LQUANT_MATCHLIM", 1, "lquantize( ) limit (argument #3) doesn't "
	    "match previous declaration: expected 10"),
	ERR("BEGIN { @a = llquantize(1, 1, 0, 6, 20); }",
	    "D_LLQUANT_FACTORSMALL", 1, "llquantize( ) factor (argument #1) "
	    "must be two or more"),
	ERR("BEGIN { @a = llquantize(1, 10, 6, 0, 20); }",
	    "D_LLQUANT_MAGRANGE", 1, "llquantize( ) high magnitude (argument "
	    "#3) must be greater than low magnitude (argument #2)"),
	ERR("BEGIN { @a = llquantize(1, 10, 0, 6, 15); }",
	    "D_LLQUANT_FACTOREVEN", 1, "llquantize( ) factor (argument #1) "
	    "must evenly divide the number of steps per magnitude (argument "
	    "#4), and the number of steps per magnitude must evenly divide a "
	    "power of the factor"),
	ERR("BEGIN { printa(@nope); }", "D_IDENT_UNDEF", 1,
	    "failed to resolve @nope: Unknown variable name"),
	ERR("BEGIN { printa(1); }", "D_PRINTA_AGGARG", 1,
	    "printa( ) argument #1 is incompatible with prototype:\n"
	    "\tprototype: aggregation\n\t argument: int"),
	ERR("BEGIN { printa(\"%d\"); }", "D_PRINTA_PROTO", 1,
	    "printa( ) prototype mismatch: 1 args passed, 2 expected"),
	ERR("BEGIN { @a = count(); clear(); }", "D_CLEAR_PROTO", 1,
	    "clear( ) prototype mismatch: 0 args passed, 1 expected"),
	ERR("BEGIN { @a = count(); normalize(@a); }", "D_NORMALIZE_PROTO", 1,
	    "normalize( ) prototype mismatch: 1 args passed, 2 expected"),
	ERR("BEGIN { @a = count(); clear(1); }", "D_CLEAR_AGGARG", 1,
	    "clear( ) argument #1 is incompatible with prototype:\n"
	    "\tprototype: aggregation\n\t argument: int"),
	ERR("BEGIN { @a = count(); normalize(@a, \"x\"); }",
	    "D_NORMALIZE_SCALAR", 1,
	    "normalize( ) argument #2 must be of scalar type"),

	/* --- integer types and operators --- */
	OK("BEGIN { x = 1 + 2 * 3 - 4 / 2 % 3 << 1 >> 1 & 7 | 8 ^ 1; }", "v=1"),
	OK("BEGIN { x = 1 < 2 && 2 > 1 || 3 <= 4 ^^ 4 >= 5 && 1 == 1 != 0; }",
	   "v=1"),
	OK("BEGIN { x = !1 + ~1 + -1 + +1; y = x ? 1 : 2; }", "v=2"),
	OK("BEGIN { x = (1, 2); }", "v=1"),
	OK("BEGIN { trace(sizeof (int)); trace(sizeof (long)); "
	   "trace(sizeof (char *)); }", "sl0.0=0:8:2"),
	OK("BEGIN { x = sizeof (x); }", "var=x/g/8"),
	ERR("BEGIN { y = sizeof (x); }", "D_IDENT_UNDEF", 1,
	    "failed to resolve x: Unknown variable name"),
	ERR("BEGIN { x = 1 / 0; }", "D_DIV_ZERO", 1,
	    "expression contains division by zero"),
	ERR("BEGIN { x = 1 % 0; }", "D_DIV_ZERO", 1,
	    "expression contains division by zero"),
	ERR("BEGIN { x = \"a\" + 1; }", "D_OP_INCOMPAT", 1,
	    "operands have incompatible types: \"string\" + \"int\""),
	ERR("BEGIN { x = \"a\" * 1; }", "D_OP_ARITH", 1,
	    "operator * requires operands of arithmetic type"),
	ERR("BEGIN { x = -\"a\"; }", "D_OP_ARITH", 1,
	    "operator - requires an operand of arithmetic type"),
	ERR("BEGIN { x = !\"a\"; }", "D_OP_SCALAR", 1,
	    "operator ! requires an operand of scalar type"),
	ERR("BEGIN { x = \"a\" || 1; }", "D_OP_SCALAR", 1,
	    "operator || requires operands of scalar type"),
	ERR("BEGIN { @a = count(); x = (@a, 1); }", "D_OP_DYN", 1,
	    "operator , operands cannot be of dynamic type"),
	ERR("BEGIN { @a[1][2] = count(); }", "D_AGG_MDIM", 1,
	    "improper attempt to reference @a as a multi-dimensional array"),
	ERR("BEGIN { x = 1; y = x[0]; }", "D_ARR_BADREF", 1,
	    "cannot access scalar x as an associative array"),
	ERR("BEGIN { x = (1));", "D_SYNTAX", 1, "extra ) in input stream"),
	ERR("BEGIN { x = 1]; }", "D_SYNTAX", 1, "extra ] in input stream"),
	ERR("BEGIN { /* a /* b */ }", "D_SYNTAX", 1,
	    "/* encountered inside a comment"),
	ERR("static int x;", "D_DECL_BADCLASS", 1,
	    "specified storage class not appropriate in D"),
	ERR("int;", "D_DECL_USELESS", 1, "useless declaration"),
	ERR("int a[];", "D_DECL_ARRNULL", 1, "array declaration requires "
	    "array dimension or tuple signature: a"),
	ERR("int timestamp;", "D_DECL_IDRED", 1,
	    "built-in identifier redeclared: timestamp"),
	ERR("#pragma D error \"stop here\"\n", "D_PRAGERR", 1,
	    "#error: stop here "),
	ERR("BEGIN { x = \"a\" & 1; }", "D_OP_INT", 1,
	    "operator & requires operands of integral type"),
	ERR("BEGIN { x = \"a\" == 1; }", "D_OP_INCOMPAT", 1,
	    "operands have incompatible types: \"string\" == \"int\""),
	OK("BEGIN { x = \"a\" == \"b\"; y = execname != \"sh\"; "
	   "z = \"a\" < \"b\"; }", "var=x/g/4,y/g/4,z/g/4"),
	ERR("BEGIN { x = 1 ? \"a\" : 2; }", "D_OP_INCOMPAT", 1,
	    "operator ?: operands must have compatible types"),
	OK("BEGIN { x = 1 ? \"a\" : \"b\"; }", "var=x/g/256"),

	/* --- types: struct, union, enum, typedef, casts --- */
	OK("struct foo { int a; char b; long c; }; BEGIN { trace(sizeof "
	   "(struct foo)); trace(offsetof(struct foo, c)); }", "c=1"),
	OK("typedef struct foo { int a; } foo_t; BEGIN { trace(sizeof "
	   "(foo_t)); }", "c=1"),
	OK("union u { int a; long b; char c[3]; }; BEGIN { "
	   "trace(sizeof (union u)); }", "c=1"),
	OK("enum color { RED, GREEN = 5, BLUE }; BEGIN { trace(BLUE); "
	   "x = RED; }", "var=x/g/4"),
	OK("typedef int myint_t; BEGIN { x = (myint_t)1; trace(x); }",
	   "var=x/g/4"),
	OK("typedef unsigned long long u64_t; BEGIN { x = (u64_t)1; }",
	   "var=x/g/8"),
	OK("BEGIN { x = (unsigned char)300; y = (signed char)200; "
	   "z = (uint16_t)70000; }", "var=x/g/1,y/g/1,z/g/2"),
	OK("BEGIN { p = (int *)0; q = p + 1; }", "var=p/g/8,q/g/8"),
	OK("BEGIN { x = (long)curthread; }", "var=x/g/8"),
	OK("struct s { int a; }; BEGIN { this->p = (struct s *)alloca(4); "
	   "this->p->a = 5; trace(this->p->a); }", "a0=trace:1"),
	OK("inline int TEN = 10; BEGIN { x = TEN * 2; }", "var=x/g/4"),
	OK("inline string GREETING = \"hello\"; BEGIN { trace(GREETING); }",
	   "sl0.0=0:256:4"),
	ERR("BEGIN { trace(sizeof (struct nosuch)); }", "D_SIZEOF_TYPE", 1,
	    "cannot apply sizeof to an operand of unknown size"),
	ERR("struct foo { int a; }; BEGIN { trace(offsetof(struct foo, b)); }",
	    "D_TYPE_MEMBER", 1, "b is not a member of struct foo"),
	ERR("struct foo { int a; }; struct foo { int b; };", "D_DECL_TYPERED",
	    1, "type redeclared: struct foo"),
	ERR("BEGIN { x = (string)1; }", "D_CAST_INVAL", 1,
	    "invalid cast expression: \"int\" to \"string\""),
	ERR("BEGIN { x = 1; trace(x->a); }", "D_OP_PTR", 1,
	    "operator -> must be applied to a pointer"),
	ERR("BEGIN { x = 1; trace(*x); }", "D_DEREF_NONPTR", 1,
	    "cannot dereference non-pointer type"),
	ERR("unsigned signed int x;", "D_DECL_COMBO", 1,
	    "invalid type combination"),
	ERR("long short x;", "D_DECL_COMBO", 1, "invalid type combination"),
	ERR("enum e { A, A };", "D_DECL_IDRED", 1, "identifier redeclared: A"),

	OK("struct s { int a : 3; int b; }; BEGIN { this->p = (struct s *)"
	   "alloca(8); trace(this->p->b); trace(this->p->a); "
	   "trace(sizeof (struct s)); trace(offsetof(struct s, b)); }",
	   "sl0.1=4:4:1"),
	ERR("struct s { int a : 3; }; BEGIN { this->p = (struct s *)alloca(4); "
	    "x = &this->p->a; }", "D_ADDROF_BITFIELD", 1,
	    "cannot take address of bit-field"),
	ERR("struct s { int a : 3; }; BEGIN { trace(offsetof(struct s, a)); }",
	    "D_OFFSETOF_BITFIELD", 1, "cannot take offset of a bit-field: a"),
	ERR("struct s { int a : 40; };", "D_DECL_BFCONST", 1,
	    "positive integral constant expression expected as bit-field "
	    "size"),

	/* --- translators --- */
	OK("struct in { int x; }; struct out { int y; }; "
	   "translator struct out < struct in *p > { y = p->x + 1; }; "
	   "BEGIN { this->p = (struct in *)alloca(4); "
	   "trace(xlate<struct out>(this->p).y); }", "a0=trace:1"),
	OK("struct in { int x; }; struct out { int y; int z; }; "
	   "translator struct out < struct in *p > { y = p->x + 1; "
	   "z = p->x * 2; }; inline struct out *op = "
	   "xlate<struct out *>((struct in *)alloca(8)); "
	   "BEGIN { trace(op->y); trace(op->z); }",
	   "a0=trace:1,trace:1 sl0.1=4:4:1"),
	ERR("struct in { int x; }; struct out { int y; }; "
	    "translator struct out < struct in *p > { y = p->x; };\n"
	    "BEGIN { this->i = (struct in *)alloca(4);\n"
	    "trace(xlate<struct out *>(this->i)); }", "D_XLATE_NONE", 3,
	    "xlate< >( ) may only be used to select a member of the "
	    "translated type"),
	ERR("struct in { int x; }; struct out { int y; }; "
	    "translator struct out < struct in *p > { y = p->x; }; "
	    "translator struct out < struct in *q > { y = 1; };",
	    "D_XLATE_REDECL", 1, "translator from struct in * to struct out "
	    "has already been declared"),
	ERR("struct out { int y; }; BEGIN { trace(xlate<struct out>(1).y); }",
	    "D_XLATE_NONE", 1,
	    "cannot translate from \"int\" to \"struct out\""),

	/* --- subroutines --- */
	OK("BEGIN { trace(strlen(\"abc\")); trace(strjoin(\"a\", \"b\")); "
	   "trace(substr(\"abc\", 1)); trace(substr(\"abc\", 1, 1)); "
	   "trace(index(\"abc\", \"b\")); trace(rindex(\"abc\", \"b\")); "
	   "trace(strchr(\"abc\", 'b')); trace(strrchr(\"abc\", 'b')); "
	   "trace(strstr(\"abc\", \"b\")); trace(strtok(\"a b\", \" \")); "
	   "trace(lltostr(12)); trace(toupper(\"a\")); trace(tolower(\"A\")); "
	   "trace(basename(\"/a/b\")); trace(dirname(\"/a/b\")); "
	   "trace(cleanpath(\"/a/../b\")); trace(htons(1)); trace(htonl(1)); "
	   "trace(htonll(1)); trace(ntohs(1)); trace(ntohl(1)); "
	   "trace(ntohll(1)); trace(rand()); trace(strtoll(\"12\")); }",
	   "s0=24"),
	OK("BEGIN { x = copyinstr(arg0); y = copyin(arg0, 8); "
	   "trace(inet_ntoa((ipaddr_t *)0)); }", NULL),
	ERR("BEGIN { trace(strlen(1)); }", "D_PROTO_ARG", 1,
	    "strlen( ) argument #1 is incompatible with prototype:\n"
	    "\tprototype: const char *\n\t argument: int"),
	ERR("BEGIN { trace(strjoin(\"a\")); }", "D_PROTO_LEN", 1,
	    "strjoin( ) prototype mismatch: 1 arg passed, 2 expected"),
	ERR("BEGIN { trace(substr(\"a\")); }", "D_PROTO_LEN", 1,
	    "substr( ) prototype mismatch: 1 arg passed, at least 2 expected"),
	ERR("BEGIN { nosuchfunc(1); }", "D_FUNC_UNDEF", 1,
	    "undefined function name: nosuchfunc"),
	ERR("BEGIN { timestamp(); }", "D_FUNC_IDKIND", 1,
	    "scalar 'timestamp' may not be referenced as a function"),

	/* --- other actions --- */
	OK("BEGIN { stack(); ustack(); stack(5); ustack(3, 100); }",
	   "a0=stack:1,ustack:1,stack:1,ustack:1 sl0.0=0:160:6 "
	   "sl0.1=160:808:7 sl0.2=968:40:6 sl0.3=1008:32:7"),
	OK("BEGIN { tracemem(arg0, 16); tracemem(arg0, 32, 8); }",
	   "a0=tracemem:1,tracemem:2 sl0.0=0:16:5"),
	OK("BEGIN { setopt(\"quiet\"); setopt(\"bufsize\", \"1m\"); }",
	   "a0=setopt,setopt:1 f0.0=quiet"),
	OK("BEGIN { system(\"echo %d\", 1); freopen(\"/tmp/x\"); raise(9); "
	   "stop(); chill(10); }",
	   "a0=system:1,freopen,raise:1,stop,chill:1"),
	OK("BEGIN { trace(sym(arg0)); trace(usym(arg0)); func(arg0); "
	   "mod(arg0); }", "sl0.0=0:8:8 sl0.1=8:16:9 sl0.2=24:8:8 "
	   "sl0.3=32:8:10"),
	OK("BEGIN { print(1); }", "a0=print:1"),

	/* --- speculations --- */
	OK("BEGIN { self->s = speculation(); } BEGIN { speculate(self->s); "
	   "trace(1); } END { commit(self->s); } END { discard(self->s); }",
	   "a1=speculate,trace:1 a2=commit:1 a3=discard:1"),
	ERR("BEGIN { trace(1); speculate(1); }", "D_SPEC_DREC", 1,
	    "speculate( ) may not follow data-recording action(s)"),
	ERR("BEGIN { speculate(1); speculate(1); }", "D_SPEC_SPEC", 1,
	    "speculate( ) may not follow speculate( )"),
	ERR("BEGIN { speculate(1); @a = count(); }", "D_AGG_SPEC", 1,
	    "aggregating actions may not follow speculate( )"),
	ERR("BEGIN { speculate(1); exit(0); }", "D_EXIT_SPEC", 1,
	    "exit( ) may not follow speculate( )"),
	ERR("BEGIN { commit(1); commit(1); }", "D_COMM_COMM", 1,
	    "commit( ) may not follow commit( )"),
	ERR("BEGIN { trace(1); commit(1); }", "D_COMM_DREC", 1,
	    "commit( ) may not follow data-recording action(s)"),
	ERR("BEGIN { commit(1); trace(1); }", "D_DREC_COMM", 1,
	    "data-recording actions may not follow commit( )"),

	/* --- macro arguments --- */
	{ "BEGIN { trace($1); trace($$2); }", NULL, 0,
	  "sl0.0=0:4:1 sl0.1=4:256:4", 0, 2, { "42", "hello" } },
	{ "syscall::$1:entry { }", NULL, 0, "p0=syscall::read:entry", 0, 1,
	  { "read" } },
	{ "BEGIN { trace($pid); trace($target); }", NULL, 0, "c=1", 0, 0,
	  { 0 } },
	{ "pid$target:::entry { }", NULL, 0, "p0=pid77:::entry", 0, 0, { 0 } },
	{ "BEGIN { trace($1); }", "D_MACRO_UNDEF", 1,
	  "macro argument $1 is not defined", 0, 0, { 0 } },
	{ "BEGIN { }", "D_MACRO_UNUSED", 0,
	  "macro argument $1 is not referenced", 0, 1, { "x" } },
	{ "BEGIN { x = $1; }", "D_IDENT_UNDEF", 1,
	  "failed to resolve foo: Unknown variable name", 0, 1, { "foo" } },

	/* --- statement boundaries and code shape --- */
	OK("BEGIN { x = 1; trace(x); exit(0); }", "pc0=0,2,4,len7"),
	OK("BEGIN /1/ { trace(1); }", "pc0=0,len3"), /* constant predicate */
	OK("BEGIN /0/ { trace(1); }", "pc0=3,len6"),
	/* opcodes (dif.h): 18 ldi, 23 bne, 44 ldgv, 54 pushtv, 58 flushts,
	 * 60 rec, 61 agg, 67 ret, 68 drop */
	/* predicate: ldgv, bne over the drop, drop, then the statements */
	OK("BEGIN { x = 1; } BEGIN /x/ { }", "op1=44,23,68,67 pc1=len4"),
	OK("BEGIN { }", "op0=67"),
	OK("BEGIN { @a[1] = count(); }", "op0=18,18,18,58,54,61,67"),
	OK("BEGIN { trace((char)-1 + 1); }", "op0=18,60,67"), /* folded */
	OK("BEGIN { x = 255; trace((char)x + 1); }",
	   "op0=18,45,44,16,18,1,16,60,67"), /* sext 8, add, sext 32 */
	OK("BEGIN { trace((unsigned char)x); x = 3; }", "var=x/g/8"),
	OK("BEGIN { trace(1 ? 2 : 3); trace(0 && x); x = 1; }", "c=1"),

	/* --- declarations --- */
	OK("int (*fp)(int, char *);", "c=0 v=1"),
	OK("typedef int (*handler_t)(void); typedef char buf_t[16]; "
	   "buf_t b; BEGIN { trace(sizeof (buf_t)); }", "var=b/g/16"),
	OK("struct s { struct s *next; int v[4]; union { int a; long b; } u; "
	   "}; BEGIN { trace(sizeof (struct s)); trace(offsetof(struct s, u)); }",
	   "c=1"),
	OK("extern int x; BEGIN { trace(x); }", "var=x/g/4"),
	OK("const volatile int cv; BEGIN { trace(cv); }", "var=cv/g/4"),
	OK("unsigned u; long long ll; signed char sc; short int si; "
	   "long unsigned int lui; BEGIN { }",
	   "var=u/g/4,ll/g/8,sc/g/1,si/g/2,lui/g/8"),
	OK("self string names[int]; BEGIN { self->names[1] = \"a\"; }",
	   "var=names/ta/256"),
	ERR("this int x; this string x;", "D_DECL_IDRED", 1,
	    "identifier redeclared: x\n\t current: scalar string\n"
	    "\tprevious: scalar int"),
	ERR("struct s { int a; int a; };", "D_DECL_IDRED", 1,
	    "identifier redeclared: a"),
	ERR("struct s { struct nodef x; };", "D_DECL_INCOMPLETE", 1,
	    "declaration of member x requires complete type"),
	ERR("inline int X = 1; inline int X = 2;", "D_DECL_IDRED", 1,
	    "identifier redefined: X\n\t current: inline definition\n"
	    "\tprevious: scalar inline"),

	/* --- multiple clauses share variables --- */
	OK("BEGIN { x = 1; } BEGIN /x/ { trace(x); } END { @a[x] = count(); }",
	   "c=3 v=1 g=1"),
	OK("provider foo { probe bar(int, char *); }; BEGIN { }", "c=1"),
};
