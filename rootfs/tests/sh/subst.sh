# subst.sh - command substitution $(...) and `...`, arithmetic $((...)).
# ground truth: dash
echo "[$(echo hello)]" [`echo world`]
echo "[$(echo one; echo two)]"
echo [$(echo one; echo two)]
x=$(echo "  spaced  out  ")
echo "[$x]"
echo "[$(echo trailing; echo; echo)]"
echo "$(echo "nested $(echo "quotes $(echo deep)")")"
echo `echo \`echo backquotes nest\``
echo "$(echo ')' "(" )"
echo $(case x in x) echo case in subst;; esac)
v=$(exit 3); echo "status of an assignment: $?"
v=$(false) w=$(true); echo "the last one counts: $?"
echo "$(echo $$)" | { read p; [ "$p" = $$ ] && echo same pid; }
echo $((1 + 2)) $((7 - 10)) $((6 * 7)) $((7 / 2)) $((7 % 3)) $((-7 / 2))
echo $((1 << 4)) $((256 >> 2)) $((5 & 3)) $((5 | 3)) $((5 ^ 3)) $((~0))
echo $((2 < 3)) $((2 > 3)) $((3 <= 3)) $((3 >= 4)) $((1 == 1)) $((1 != 1))
echo $((!0)) $((!5)) $((1 && 0)) $((1 || 0)) $((0 && 1/0)) $((1 || 1/0))
echo $((1 ? 10 : 20)) $((0 ? 10 : 20)) $(( (1 + 2) * (3 + 4) ))
echo $((0x10)) $((010)) $((10)) $((-(-3))) $((+4))
i=5
echo $((i)) $(($i + 1)) $((i * i)) $((i += 2)) $i $((i = i * 2)) $i
echo $((undefined_var + 1))
n=0; while [ $n -lt 5 ]; do n=$((n + 1)); done; echo $n
echo $((2147483647 + 1 > 0))
echo "$(( 1 + 2 ))" "$((3))"
