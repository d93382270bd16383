# split.sh - field splitting with IFS, "$@", empty words, pathnames.
# ground truth: dash
show() { echo "$#:" "$@"; for a in "$@"; do printf_arg "$a"; done; }
printf_arg() { echo "  [$1]"; }
x="  a   b  "
show $x
show "$x"
empty=
show $empty
show "$empty"
show $empty x $empty
show "" ''
IFS=:
y="a:b::c:"
show $y
show "$y"
IFS=' :'
y=" a : b :: c "
show $y
IFS=
show $x
unset IFS
show $x
show ${unset_var:-a b}
show ${unset_var:-"a b" c}
show "${unset_var:-a b}"
set -- "one two" three
show "$@"
show $@
show "$*"
show "x$@y"
set --
show "$@"
show "x$@y"
mkdir g && cd g && : > b.c && : > a.c && : > .hidden.c && : > c.txt && mkdir d && : > d/e.c
show *.c
show "*.c"
show \*.c
show .*.c
show *.nothing
show [ab].c
show [!a].c
show ?.txt
show */*.c
pat='*.c'
show $pat "$pat"
set -f
show *.c
set +f
show *.c
cd ..
