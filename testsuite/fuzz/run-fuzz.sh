#!/bin/sh
# run-fuzz.sh [seconds] - build the dt_compile() libFuzzer target with
# ASan+UBSan and run it for a bounded time; exit non-zero on any finding.
set -e
secs=${1:-60}
top=$(cd "$(dirname "$0")/../.." && pwd)
work=${FUZZ_WORKDIR:-$(mktemp -d /tmp/dtfuzz.XXXXXX)}
cc=${CLANG:-clang}
mkdir -p "$work/obj" "$work/corpus"
cd "$work/obj"
bison -d -o dt_grammar.c "$top/src/libdtrace/dt_grammar.y"
flex "$top/src/libdtrace/dt_lex.l" && mv lex.yy.c dt_lex.c
flags="-g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
 -I$top/src/libdtrace -I$top/src/common -I."
# the compiler's C files are the ones compiler.mk lists, so a file added to
# the compiler is fuzzed without touching this script; printf format
# checking lives with the consumer and is named here.
srcs="dt_grammar.c dt_lex.c $top/src/libdtrace/dt_printf_fmt.c"
for f in $(grep -o 'src/libdtrace/[a-z_]*\.c' \
    "$top/src/libdtrace/compiler.mk"); do
	srcs="$srcs $top/$f"
done
$cc $flags $srcs "$top/src/common/dt_agg.c" \
    "$top/testsuite/fuzz/fuzz_compile.c" -o fuzz_compile
# seed corpus: the compiler test snippets and the D test cases
n=0
for f in "$top"/testsuite/d/*.d "$top"/testsuite/d/*/*.d; do
	[ -f "$f" ] || continue
	n=$((n + 1))
	cp "$f" "$work/corpus/d$n"
done
printf 'BEGIN { x = 1; @a[execname] = count(); printf("%%d\\n", x); exit(0); }' \
    > "$work/corpus/seed1"
printf 'struct s { int a; }; syscall::read:entry /pid == $1/ { self->t = timestamp; }' \
    > "$work/corpus/seed2"
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1 \
    ./fuzz_compile -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
    -max_len=4096 -print_final_stats=1 "$work/corpus"
echo "fuzz: clean for ${secs}s"
