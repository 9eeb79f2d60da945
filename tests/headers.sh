#!/bin/bash
# headers.sh: each public header compiles on its own, as strict C11, so no
# header leans on another being included first.
set -u
cc=$1
inc=$2
pass=0
fail=0
for h in "$inc"/fosterbeds/*.h; do
	if echo "#include \"fosterbeds/$(basename "$h")\"" |
	   $cc -std=c11 -pedantic -Wall -Wextra -Werror -fsyntax-only -I"$inc" -x c -; then
		pass=$((pass + 1))
	else
		echo "FAIL: $(basename "$h") does not compile alone"
		fail=$((fail + 1))
	fi
done
echo "$pass passed, $fail failed"
[[ $fail == 0 ]]
