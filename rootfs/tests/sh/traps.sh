# traps.sh - trap: EXIT, signals, ignoring, resetting, listing, in
# subshells; local variables in functions.
# ground truth: dash
sh -c 'trap "echo the EXIT trap, status \$?" EXIT; echo body; exit 3'; echo "status $?"
sh -c 'trap "echo cleanup" EXIT; false'; echo "the end of the script: $?"
trap 'echo caught USR1' USR1
kill -USR1 $$
echo "after USR1"
trap 'echo caught TERM; trap - TERM' TERM
kill -TERM $$
echo "after TERM"
trap '' INT
kill -INT $$
echo "INT is ignored"
sh -c 'kill -INT $$; echo "and ignored in a child too"'
trap - INT USR1
sh -c 'trap "exit 5" TERM; kill $$; echo never'; echo "a trap that exits: $?"
(trap 'echo the subshell exits' EXIT; echo in a subshell)
trap 'echo one; echo two' HUP; kill -HUP $$
trap 'echo quit' QUIT
trap
trap - HUP QUIT
trap
trap 'echo "status in a trap: $?"; false' USR1
(exit 6); kill -USR1 $$; echo "status after a trap: $?"
f() {
	local x=inside y
	y=also
	echo "in f: $x $y"
}
x=outside; y=before
f
echo "after f: $x $y"
