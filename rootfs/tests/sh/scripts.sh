# scripts.sh - running scripts: sh file, sh -c, #! lines, stdin scripts.
# ground truth: dash
bin=${0%/*}/bin
printf 'echo "script: $# args, first [$1]"\nexit 4\n' > s1
sh s1 "a b" c; echo "sh file: status $?"
sh -c 'echo "sh -c: [$0] [$1] [$2] $#"' name one two
sh -c 'echo "sh -c without a name: $#"'
sh -c 'exit 9'; echo "sh -c status: $?"
sh -c 'echo one; echo two'
"$bin/greet" x y; echo "a #! script: status $?"
"$bin/noshebang" arg; echo "no #! line: status $?"
"$bin/dash_e"; echo "#! with an argument: status $?"
PATH="$bin:$PATH" greet from-path; echo "found on PATH: $?"
cp "$bin/greet" ./local_greet
./local_greet here; echo "a copy: $?"
echo 'echo "from a pipe: $0"' | sh -s | { read a b c d; echo "$a $b $c"; }
printf 'x=1\necho "x=$x"\nexit 3\necho never\n' | sh; echo "piped script status $?"
printf 'if true; then\n  echo "multi-line if in a script"\nfi\n' > s5; sh s5
printf 'f() { echo "function in a script: $1"; }\nf ok\n' > s6; sh s6
printf 'echo "args in a sourced script: $#"\n' > s7
set -- p q; . ./s7
printf 'cd /\n' > s8; sh s8; [ "$PWD" != / ] && echo "a child script cannot move us"
. ./s8; [ "$PWD" = / ] && echo "a sourced one can"
