# huge.sh - no fixed-size buffers: huge words, lines, argument lists,
# here-documents and scripts.
# ground truth: dash
x=0123456789
i=0; while [ $i -lt 14 ]; do x=$x$x; i=$((i + 1)); done
echo "a word of ${#x} bytes"
echo "$x" > big; [ "$(cat big)" = "$x" ] && echo "echo writes it whole"
set -- $(i=0; while [ $i -lt 5000 ]; do echo "w$i"; i=$((i + 1)); done)
echo "$# words, the last ${5000}"
echo "$@" > many; set -- $(cat many); echo "read back: $#"
printf 'echo "%s" | cat > line_out\n' "$x" > long_line.sh
sh long_line.sh; [ "$(cat line_out)" = "$x" ] && echo "a script with a 160 KB line"
i=0; while [ $i -lt 2000 ]; do echo "echo line $i"; i=$((i + 1)); done > many_lines.sh
sh many_lines.sh | { n=0; while read l; do n=$((n + 1)); done; echo "$n lines run"; }
eval "y=\"$x\""; [ "$y" = "$x" ] && echo "eval of a huge assignment"
p=echo; i=0; while [ $i -lt 50 ]; do p="$p | cat"; i=$((i + 1)); done
eval "echo through 50 pipes $p" > /dev/null && echo "a pipeline of 51 commands" # the OS runs 64 processes at most
n=$(i=0; while [ $i -lt 300 ]; do printf '('; i=$((i + 1)); done; printf 'echo nested'
    i=0; while [ $i -lt 300 ]; do printf ')'; i=$((i + 1)); done)
eval "$n"
