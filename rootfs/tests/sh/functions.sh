# functions.sh - definitions, arguments, return, recursion, scope.
# ground truth: dash
greet() {
	echo "hello, $1 ($# arguments)"
}
greet world
greet "two words" extra
set -- outer1 outer2
show_args() { echo "inside: $# $*"; }
show_args a b c
echo "outside: $# $*"
status() { return $1; }
status 3; echo "return 3: $?"
status 0; echo "return 0: $?"
last() { false; }
last; echo "the last command's status: $?"
early() {
	echo before
	return 5
	echo never
}
early; echo "early return: $?"
fact() {
	if [ $1 -le 1 ]; then
		echo 1
	else
		echo $(( $1 * $(fact $(( $1 - 1 ))) ))
	fi
}
echo "5! = $(fact 5)"
fib() {
	if [ $1 -lt 2 ]; then r=$1; return; fi
	fib $(( $1 - 1 )); local_a=$r
	fib $(( $1 - 2 )); r=$((local_a + r))
}
counter=0
bump() { counter=$((counter + 1)); }
bump; bump; bump
echo "functions share variables: $counter"
loop_in_function() {
	for i in 1 2 3; do
		[ $i = 2 ] && return 7
		echo "looping $i"
	done
}
loop_in_function; echo "return from a loop: $?"
piped() { while read l; do echo "piped: $l"; done; }
printf 'x\ny\n' | piped
redirected() { echo "to a file"; }
redirected > out; cat out
wrapper() { inner "$@"; }
inner() { echo "inner got $#: $1|$2"; }
wrapper "a b" c
redefine() { echo first; }
redefine
redefine() { echo second; }
redefine
unset -f redefine
redefine 2>/dev/null || echo "gone after unset -f"
f() { echo "function f"; }
echo "a function and a variable of the same name: $(f)" ; f=var; echo $f
echo_twice() { echo "$@"; echo "$@"; }
echo_twice same line
compound() ( echo "a subshell body"; exit 4 )
compound; echo "status $?"
