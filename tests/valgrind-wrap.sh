#!/bin/sh
# Test wrapper for `meson test --setup=valgrind`: a unit-test binary runs
# under valgrind; a script (the CLI runner, started as `bash run.sh ...`)
# runs as itself and gets FB_WRAPPER, which it puts in front of every
# fosterbeds it starts.  Any valgrind error or leak fails the test.
# Tests that try many random inputs try a few (FB_TEST_FEW).
FB_TEST_FEW=1
export FB_TEST_FEW
vg="valgrind --quiet --leak-check=full --show-leak-kinds=definite,indirect --errors-for-leak-kinds=definite,indirect --error-exitcode=99"
case "$(basename "$1")" in
bash|sh|python3)
	FB_WRAPPER="$vg"
	export FB_WRAPPER
	exec "$@"
	;;
*)
	exec $vg "$@"
	;;
esac
