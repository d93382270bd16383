/* user/bin/false.c - false: do nothing, unsuccessfully (status 1).
 *
 * Like GNU's, it ignores its arguments. */

int main(void)
{
	return 1;
}
