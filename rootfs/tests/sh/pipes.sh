# pipes.sh - pipelines: built-ins and programs, lengths, statuses, !.
# ground truth: dash
echo through a pipe | cat
echo one | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat
x=0
p="echo long"
while [ $x -lt 30 ]; do p="$p | cat"; x=$((x + 1)); done
eval "$p"
echo a | { read v; echo "read $v"; }
{ echo x; echo y; echo z; } | while read line; do echo "line $line"; done
true | false; echo "last false: $?"
false | true; echo "last true: $?"
! true; echo "! true: $?"
! false; echo "! false: $?"
! true | false; echo "! (true | false): $?"
echo in a subshell | (read v; echo "got $v")
echo "stderr joins" 2>&1 | cat
(echo to stderr >&2) 2>&1 | cat
ls /nonexistent-dir 2>&1 >/dev/null | cat >/dev/null; echo "status $?"
cat < /dev/null | cat; echo "empty: $?"
echo x | cat - | cat
i=0; echo start | while read l; do i=1; done; echo "subshell var: $i"
echo "$(echo a | cat | cat)"
