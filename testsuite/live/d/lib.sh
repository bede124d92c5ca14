# lib.sh - shared by the live D tests.
#   COMMAND | expect 3<<'X' ... X   compares output with the text on fd 3
#   script <<'D' ... D              puts a D script in $D (a temp file)
expect() {
	diff -u /dev/fd/3 -
}
D=$(mktemp /tmp/dt-live-d.XXXXXX)
trap 'rm -f "$D"' EXIT
script() {
	cat > "$D"
}
