# builtins.sh - cd pwd export unset exit echo true false : eval . shift
# read set test.
# ground truth: dash
mkdir -p home/sub dir
HOME=$PWD/home
top=$PWD
cd dir && echo "cd dir: ${PWD##*/}"
cd && echo "cd alone goes home: ${PWD##*/}"
cd sub && pwd | { read p; echo "pwd: ${p##*/}"; }
cd .. && echo "cd ..: ${PWD##*/}"
cd "$top"
cd dir; cd - > /dev/null; [ "$PWD" = "$top" ] && echo "cd - goes back"
cd /nonexistent-dir 2>/dev/null || echo "cd to a missing directory fails"
[ "$PWD" = "$top" ] && echo "and stays where it was"
cd "$top"
echo -n "no newline"; echo " then a newline"
echo -n; echo "echo -n alone prints nothing"
echo -- "-- is printed"
echo -x "-x is printed"
echo
true; echo "true: $?"
false; echo "false: $?"
:; echo ": $?"
: ignores its arguments > /dev/null
NOT_EXPORTED=1
export EXPORTED=2
sh -c 'echo "child sees [${NOT_EXPORTED-}] [${EXPORTED-}]"'
export NOT_EXPORTED
sh -c 'echo "after export: [${NOT_EXPORTED-}]"'
LATER=x; export LATER; LATER=changed
sh -c 'echo "the value at the time of the command: $LATER"'
export MARKED; MARKED=set-later
sh -c 'echo "exported before it was set: $MARKED"'
ONCE=only-for-this sh -c 'echo "a prefix assignment: $ONCE"'
echo "not in the shell: [${ONCE-unset}]"
unset EXPORTED
sh -c 'echo "after unset: [${EXPORTED-unset}]"'
echo "in the shell: [${EXPORTED-unset}]"
x=1; unset x; echo "unset x: [${x-unset}]"
unset never_set; echo "unset of an unset variable: $?"
eval 'echo eval runs; y=from-eval'
echo "eval set y=$y"
cmd="echo built command"; eval "$cmd"
eval "for i in 1 2; do echo eval loop \$i; done"
printf 'sourced=yes\necho "in the sourced file: $# $1"\n' > lib.sh
. ./lib.sh
echo "sourced=$sourced"
set -- a b c d
shift; echo "shift: $*"
shift 2; echo "shift 2: $*"
shift; echo "shift to nothing: $# [$*]"
set -- x y; echo "set --: $# $*"
set --; echo "set -- alone: $#"
echo "one two three" | { read a b; echo "read: [$a] [$b]"; }
echo "  lead and trail  " | { read a; echo "read trims: [$a]"; }
echo "a:b:c" | { IFS=: read x y z; echo "IFS=: read: $x $y $z"; }
printf 'no newline at the end' | { read l; echo "read got [$l] status $?"; }
printf '' | { read l; echo "read at the end: $?"; }
printf 'back\\slash\n' | { read l; echo "read: $l"; }
printf 'back\\slash\n' | { read -r l; echo "read -r: $l"; }
printf 'one \\\ntwo\n' | { read l; echo "read joins lines: $l"; }
[ 1 -eq 1 ] && echo "test -eq"
[ 2 -gt 1 ] && [ 1 -lt 2 ] && [ 2 -ge 2 ] && [ 2 -le 2 ] && [ 1 -ne 2 ] && echo "test numbers"
[ abc = abc ] && [ abc != abd ] && echo "test strings"
[ -n x ] && [ -z "" ] && [ x ] && ! [ "" ] && echo "test -n -z"
[ -d dir ] && [ -f lib.sh ] && [ -e lib.sh ] && ! [ -e nothing ] && echo "test files"
[ -s lib.sh ] && ! [ -s /dev/null ] && echo "test -s"
[ -r lib.sh ] && [ -w lib.sh ] && echo "test -r -w"
[ ! 1 -eq 2 ] && echo "test !"
[ 1 -eq 1 -a 2 -eq 2 ] && [ 1 -eq 2 -o 2 -eq 2 ] && echo "test -a -o"
[ \( 1 -eq 2 \) -o \( 3 -eq 3 \) ] && echo "test ( )"
test -n "" ; echo "test -n '': $?"
test; echo "test with nothing: $?"
test -n; echo "test -n alone is a string: $?"
[ 10 -gt 9 ] && [ 10 \> 9 ] || echo "numbers and strings compare differently"
sh -c 'exit 7'; echo "exit 7: $?"
sh -c 'false; exit'; echo "exit alone keeps the status: $?"
sh -c 'exit 300'; echo "exit 300: $?"
(exit); echo "exit in a subshell: $?"
