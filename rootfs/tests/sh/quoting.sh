# quoting.sh - words: blanks, single quotes, double quotes, backslashes.
# ground truth: dash
echo plain   words	and	tabs
printf '%s\n' 'single: $HOME `cmd` "dq" \n and  spaces'
echo "double: \$HOME \`cmd\` \"q\" \\ and  spaces"
printf '%s|' back\ slash\ space \$x \"q\" \'s\' a\\b; echo
echo 'a'"b"c'd e'"f g"
echo '' "" x
set -- '' "" x; echo $#
echo "it's" 'say "hi"' "a'b'c"
echo "tab	inside" 'new
line'
echo one\
two
x=value
echo "$x" '$x' "'$x'" '"$x"' "${x}s" "$x"s
printf '%s\n' "a \b \c \\ \$ \`"
echo # a comment
echo not#a#comment # but this is
echo \# escaped "#" quoted
printf '%s\n' '\' "\\"
