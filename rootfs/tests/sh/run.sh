#!/bin/sh
# /tests/sh/run.sh - runs the shell's test scripts inside the OS.
#
# Booted as "init=/bin/sh -- /tests/sh/run.sh", it runs every
# /tests/sh/NAME.sh (but itself) with /bin/sh in a scratch directory of
# its own, stdin from /dev/null and stderr joined to stdout, and prints
#
#	=== NAME
#	(the script's output)
#	[exit STATUS]
#
# then "=== end".  tests/e2e/test_sh.py compares each part with NAME.out,
# which the same script gives on the Linux host.
here=${0%/*}
mkdir -p /tmp
for script in "$here"/*.sh; do
	name=${script##*/}
	name=${name%.sh}
	[ "$name" = run ] && continue
	dir=/tmp/sh-test-$name
	mkdir -p "$dir"
	echo "=== $name"
	(cd "$dir" && HOME=$dir exec sh "$script") < /dev/null 2>&1
	echo "[exit $?]"
done
echo "=== end"
