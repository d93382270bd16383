# options.sh - set -e -x -u -f, and the same as sh's options.
# ground truth: dash
sh -c 'set -e; echo one; false; echo never'; echo "set -e stops: $?"
sh -c 'set -e; false || true; ! true; if false; then :; fi; false && :; echo "conditions do not stop it"'
sh -c 'set -e; f() { false; echo never; }; f; echo never'; echo "in a function: $?"
sh -c 'set -e; (false); echo never'; echo "a failed subshell: $?"
sh -c 'set -e; false | true; echo "a pipeline counts by its last command"'
sh -c 'set -e; x=$(false); echo never'; echo "an assignment from a failed substitution: $?"
sh -e -c 'false; echo never'; echo "sh -e: $?"
sh -c 'set -e; set +e; false; echo "set +e turns it off"'
sh -c 'set -x; echo traced; x=1; echo "$x"' 2>&1
sh -x -c ': one; : two' 2>&1
sh -c 'set -u; echo "${unset-default} ${unset:-default}"; echo $unset; echo never' 2>/dev/null; echo "set -u: $?"
: > a.c
sh -c 'set -f; echo *.c; set +f; echo *.c'
sh -c 'echo "$-"' | { read f; case $f in *e*) echo "e without -e";; *) echo "no e in \$-";; esac; }
sh -e -c 'echo "$-"' | { read f; case $f in *e*) echo "e in \$- with -e";; esac; }
