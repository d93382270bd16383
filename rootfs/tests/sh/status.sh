# status.sh - exit statuses: a pipeline's, a killed command's (128 plus
# the signal, and a note like "Killed"), not found and not executable.
# ground truth: dash
sh -c 'exit 0'; echo "exit 0: $?"
sh -c 'exit 255'; echo "exit 255: $?"
sh -c 'kill -9 $$'; echo "killed by SIGKILL: $?"
sh -c 'kill -15 $$'; echo "killed by SIGTERM: $?"
sh -c 'kill -PIPE $$'; echo "killed by SIGPIPE, no note: $?"
sh -c 'kill -INT $$'; echo "killed by SIGINT, no note: $?"
sh -c 'kill -9 $$' | cat; echo "a pipeline has its last command's status: $?"
cat /dev/null | sh -c 'kill -9 $$'; echo "and here the last was killed: $?"
yes | sh -c 'read x; echo "read $x"'; echo "yes got SIGPIPE, quietly: $?"
no_such_cmd 2>/dev/null; echo "not found: $?"
x=$(sh -c 'exit 6'); echo "a substitution's status: $?"
! sh -c 'exit 6'; echo "negated: $?"
sh -c 'sh -c "kill -9 \$\$"; echo "inner status $?"'
