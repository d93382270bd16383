# params.sh - $VAR ${VAR} $? $$ $# $@ $* $0 $1... ${VAR:-...} and friends.
# ground truth: dash
x=hello
echo $x ${x} ${x}world "$x" "${x}"
echo $unset_var"|"${unset_var}"|"
true; echo $?
false; echo $?
( exit 42 ); echo $?
set -- one "two words" three
echo $# "$1" "$2" $3
echo "$@"
for a in "$@"; do echo "[$a]"; done
for a in $@; do echo "<$a>"; done
for a in "$*"; do echo "{$a}"; done
set -- a b c d e f g h i j k
echo $1 $9 ${10} ${11} $10
shift 10; echo $# $1
set --; echo $# "[$*]" "[$@]"
for a in "$@"; do echo never; done
case $$ in ''|*[!0-9]*) echo "bad \$\$: $$";; *) echo "\$\$ is a number";; esac
[ "$(echo $$)" = $$ ] && echo "\$\$ is the same in a command substitution"
[ "$(sh -c 'echo $$')" != $$ ] && echo "a new shell has its own \$\$"
echo "${unset_var:-default}" "${unset_var-default2}" "${unset_var:+alt}|"
empty=
echo "${empty:-default}" "[${empty-default2}]" "[${empty:+alt}]" "${empty+set}"
echo "${x:-default}" "${x:+alt}" "${x+set}"
echo "${newvar:=assigned}" "$newvar"
path=/usr/local/lib/libfoo.so.1
echo ${path#*/} ${path##*/} ${path%.*} ${path%%.*} ${#path}
echo ${path#/usr} ${path%.so*} "${path%"${path##*.}"}"
y='*'
echo "${#y}" ${#unset_var}
z=abcabc
echo ${z#a*b} ${z##a*b} ${z%b*c} ${z%%b*c} ${z#x} ${z%[bc]}
