/* user/bin/true.c - true: do nothing, successfully.
 *
 * Like GNU's, it ignores its arguments: `true -x` still succeeds, since a
 * script that says true means it. */

int main(void)
{
	return 0;
}
