# lib.sh: what the test scripts share, sourced after their arguments are read:
# a scratch folder $tmp (removed on exit) and the counters ok and bad keep.
# A script ends with its own summary: "$pass passed, $fail failed".
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $*"; fail=$((fail + 1)); }
