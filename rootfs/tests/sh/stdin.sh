# stdin.sh - a script read from stdin shares it with its commands: the
# shell reads no further than the command it runs, from a file or a pipe
# (bash does the same; dash reads ahead).
# ground truth: bash
printf 'read line\nthe data line\necho "read by the script: $line"\n' > s1
sh < s1
printf 'echo first\ncat\necho "a line for cat"\n' > s2
sh < s2
printf 'echo first\ncat\necho "a line for cat"\n' | sh
printf 'read a\n1st line\nread b\n2nd line\necho "$a|$b"\n' | sh
printf 'read a\n1st line\nread b\n2nd line\necho "$a|$b"\n' > s3
sh < s3
