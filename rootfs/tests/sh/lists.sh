# lists.sh - ; && || and their statuses; { } and ( ) groups.
# ground truth: dash
echo one; echo two ; echo three
true && echo "and after true"
false && echo "never"
false || echo "or after false"
true || echo "never"
true && false || echo "a || after a failed &&"
false || true && echo "&& after a good ||"
false && echo never || echo "or wins"
true && { echo group one; echo group two; }
false || (echo subshell; exit 3); echo "subshell status $?"
x=outer; (x=inner; echo "in the subshell $x"); echo "after it $x"
x=outer; { x=group; }; echo "a group shares variables: $x"
(cd /; echo "subshell in $PWD"); [ "$PWD" != / ] && echo "the parent did not move"
true; false; echo "status of the last: $?"
false; true; echo "status of the last: $?"
{ false; }; echo "group status $?"
if false; then :; fi; echo "if without a branch: $?"
true &&
echo "&& continues on the next line"
false ||
echo "|| too"
echo "a pipe" |
cat
{ echo braces
echo over lines
}
(
echo parens over lines
)
true && true && true && echo "a chain"
false || false || false || echo "a failing chain"
echo $(true && echo "in a substitution")
