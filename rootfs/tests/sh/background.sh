# background.sh - & and wait: $!, statuses, several jobs, ordering.
# ground truth: dash
sleep 1 &
pid=$!
case $pid in ''|*[!0-9]*) echo "bad \$!: $pid";; *) echo "\$! is a pid";; esac
wait $pid; echo "wait for sleep: $?"
(exit 3) &
wait $!; echo "wait gives the job's status: $?"
(sleep 1; echo "the slow job") &
echo "the shell goes on at once"
wait
echo "wait with no operand waits for all"
for i in 1 2 3; do (sleep 1; echo "job $i done") > out$i & done
wait
cat out1 out2 out3
echo x > f
{ sleep 1; echo "group in the background" >> f; } &
wait; cat f
true &
false &
wait $!; echo "the last one failed: $?"
wait; echo "wait for nothing: $?"
echo "background output" > bg_out &
wait; cat bg_out
sleep 1 & sleep 1 & wait
echo "two at once"
x=before
x=after &
wait; echo "a background assignment stays in its subshell: $x"
kill_me() { sleep 2; }
kill_me &
kill $!
wait $!; echo "killed by SIGTERM: $?"
sleep 5 &
kill -9 $!
wait $!; echo "killed by SIGKILL: $?"
