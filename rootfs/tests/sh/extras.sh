# extras.sh - what goes beyond POSIX's minimum or differs between shells:
# echo -e/-E, source, read into REPLY, type and command, test -nt,
# ${#@}, $((...)) assignments, cd's output.
echo -e "tab[\t] newline[\n] backslash[\\\\] octal[\0101] stop\c" never
echo
echo -E "no escapes\t" -e
echo -ne "combined flags\n"
echo -n -e "a\n" -n; echo
printf 'source=yes\n' > lib; source ./lib; echo "source: $source"
printf 'one\ntwo\n' | { read; echo "REPLY=$REPLY"; }
f() { :; }
type echo f | while read line; do echo "type: $line"; done
type no_such_thing; echo "type of nothing: $?"
command -v echo f cd; echo "command -v: $?"
command -v no_such_thing; echo "command -v of nothing: $?"
f() { echo "the function"; }
command echo "command skips the function f:" ; f
: > old; sleep 1; : > new
[ new -nt old ] && [ old -ot new ] && [ new -ef new ] && ! [ new -ef old ] && echo "test -nt -ot -ef"
set -- a b c; echo "\${#@}=${#@} \${#*}=${#*}"
i=1; : $((i += 4)); : $((i <<= 1)); echo "compound assignments: $i"
echo "arith with spaces and vars: $(( i*2 - 1 ))"
mkdir -p d1 d2; cd d1; cd ../d2; cd - | { read p; echo "cd - prints ${p##*/}"; }
jobs; echo "jobs with none: $?"
sleep 1 & jobs > jobs_out; wait
while read line; do echo "jobs: $line"; done < jobs_out
