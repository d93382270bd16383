# control.sh - if/elif/else, while, until, for, case, break, continue.
# ground truth: dash
for n in 1 2 3 4; do
	if [ $n -eq 1 ]; then
		echo "$n: one"
	elif [ $n -eq 2 ]; then
		echo "$n: two"
	elif [ $n -eq 3 ]
	then echo "$n: three"
	else
		echo "$n: many"
	fi
done
if false; then echo no; else echo "else branch"; fi
if ! false; then echo "negated condition"; fi
if true; false; then echo no; else echo "the last command decides"; fi
i=0
while [ $i -lt 3 ]; do
	echo "while $i"
	i=$((i + 1))
done
until [ $i -eq 0 ]; do
	i=$((i - 1))
	echo "until $i"
done
while false; do echo never; done; echo "a loop that never runs: $?"
for w in a "b c" d; do echo "for [$w]"; done
for w in; do echo never; done; echo "an empty list"
set -- p1 p2
for w; do echo "for with no in: $w"; done
for w
do echo "on its own line: $w"
done
for i in 1 2 3 4 5; do
	[ $i -eq 2 ] && continue
	[ $i -eq 4 ] && break
	echo "loop $i"
done
for i in 1 2 3; do
	for j in a b c; do
		[ $j = b ] && continue 2
		[ $i = 3 ] && break 2
		echo "nested $i$j"
	done
done
echo "after the loops"
i=0
while true; do
	i=$((i + 1))
	[ $i -gt 100 ] && break
done
echo "broke out at $i"
for word in apple banana cherry 42 "" "two words" x.c README; do
	case $word in
	apple | cherry) echo "$word: a fruit with a pipe pattern" ;;
	b*) echo "$word: starts with b" ;;
	[0-9]*) echo "$word: a number" ;;
	"") echo "empty" ;;
	*" "*) echo "$word: has a space" ;;
	*.c) echo "$word: C source" ;;
	*) echo "$word: anything else" ;;
	esac
done
case x in
(x) echo "a pattern with a leading parenthesis"
esac
case "a*" in
"a*") echo "quoted star matches itself" ;;
esac
case ab in a\*) echo wrong ;; a?) echo "question mark" ;; esac
case e in [abc]) echo wrong ;; [!abc]) echo "negated set" ;; esac
case nothing in something) echo wrong ;; esac; echo "no match: $?"
pat="*.sh"
case x.sh in $pat) echo "a pattern in a variable" ;; esac
case x.sh in "$pat") echo wrong ;; *) echo "a quoted variable is literal" ;; esac
for f in 1 2; do case $f in 1) continue ;; esac; echo "case in a loop $f"; done
