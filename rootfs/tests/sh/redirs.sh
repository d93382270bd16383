# redirs.sh - < > >> 2> 2>&1 N>file N>&M N<&- <> here-documents, exec.
# ground truth: dash
echo first > f
echo second >> f
cat < f
cat f > g; cat g
echo to stderr 2> e >&2
cat e
ls /nonexistent-file 2> err >/dev/null; echo "status $?"
[ -s err ] && echo "err has the message"
{ echo out; echo err >&2; } > both 2>&1
cat both
{ echo out; echo err >&2; } 2>&1 > only_out | cat
cat only_out
echo three 3> three_file >&3
cat three_file
exec 4> fd4
echo via fd 4 >&4
echo again >&4
exec 4>&-
cat fd4
exec 5< f
read line <&5; echo "fd 5: $line"
read line <&5; echo "fd 5: $line"
exec 5<&-
{ echo closed >&5; } 2>/dev/null || echo "fd 5 is closed"
echo rw > rw; cat 0<> rw
echo > trunc; echo "[$(cat trunc)]"
> created; [ -f created ] && echo created by a lone redirection
x=1 > assign_redir; echo "x=$x"; [ -f assign_redir ] && echo "and the file"
while read w; do echo "loop read $w"; done < f
if true; then echo in if; fi > if_out; cat if_out
for i in 1 2; do echo "for $i"; done | cat
{ echo group; } 2>/dev/null >group_out; cat group_out
echo "still on stdout"
echo redirected >&2 2>/dev/null
exec 3>&1
{ echo "saved and restored" >&3; } 3>/dev/null
echo "fd 3 is back" >&3
exec 3>&-
cat <<EOF
here $x
  indented \$x `echo cmd`
EOF
cat <<'EOF'
quoted $x `echo not run`
EOF
cat <<\EOF
backslash $x
EOF
cat <<-EOF
	tabs removed $x
	EOF
cat <<EOF | cat
piped here-document
EOF
cat <<ONE; cat <<TWO
first document
ONE
second document
TWO
echo after documents
x=$(cat <<EOF
in a substitution
EOF
)
echo "$x"
i=0; big=
while [ $i -lt 500 ]; do big="$big line $i of a long here-document
"; i=$((i + 1)); done
cat <<EOF > big_doc
$big
EOF
[ "$(cat big_doc)" = "$big" ] && echo "a big here-document arrives whole"
while read a b; do echo "$b $a"; done <<EOF
1 one
2 two
EOF
echo "fd 1 is back"
