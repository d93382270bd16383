/* libc/env/setenv.c - changing the environment: setenv, unsetenv, putenv,
 * clearenv.
 *
 * environ starts as the array on the initial stack.  The first change
 * that adds an entry copies it into a malloc'ed array of our own, which
 * then grows by doubling.  Strings made by setenv are ours too, and are
 * freed when their variable is replaced or removed; putenv puts the
 * caller's own string in (so changing it changes the environment), and
 * that one is never freed.  A program that assigns environ itself gets
 * its array left alone: the next change copies it.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char **our_array; /* environ, when we allocated it */
static size_t our_capacity; /* entries our_array holds, NULL included */
static char **our_strings; /* the strings setenv allocated */
static size_t n_our_strings, our_strings_cap;

static size_t env_count(void)
{
	size_t n = 0;

	while (environ && environ[n])
		n++;
	return n;
}

/* the index of NAME= (name_len bytes of name), or -1 */
static long env_find(const char *name, size_t name_len)
{
	for (size_t i = 0; environ && environ[i]; i++)
		if (!strncmp(environ[i], name, name_len) &&
		    environ[i][name_len] == '=')
			return i;
	return -1;
}

/* frees s if setenv made it */
static void release(char *s)
{
	for (size_t i = 0; i < n_our_strings; i++) {
		if (our_strings[i] == s) {
			our_strings[i] = our_strings[--n_our_strings];
			free(s);
			return;
		}
	}
}

static int remember(char *s)
{
	if (n_our_strings == our_strings_cap) {
		size_t cap = our_strings_cap ? 2 * our_strings_cap : 16;
		char **p = realloc(our_strings, cap * sizeof(*p));

		if (!p)
			return -1;
		our_strings = p;
		our_strings_cap = cap;
	}
	our_strings[n_our_strings++] = s;
	return 0;
}

/* room in our own array for one more entry */
static int make_room(size_t n)
{
	char **p;
	size_t cap;

	if (environ == our_array && n + 2 <= our_capacity)
		return 0;
	cap = n + 2 > 2 * our_capacity ? n + 2 + 16 : 2 * our_capacity;
	if (environ == our_array) {
		p = realloc(our_array, cap * sizeof(*p));
	} else {
		p = malloc(cap * sizeof(*p));
		if (p && n)
			memcpy(p, environ, n * sizeof(*p));
		if (p)
			p[n] = NULL;
		free(our_array); /* the program replaced environ */
	}
	if (!p)
		return -1;
	environ = our_array = p;
	our_capacity = cap;
	return 0;
}

/* puts entry ("NAME=value") in, replacing NAME's old entry */
static int env_put(char *entry, size_t name_len)
{
	long i = env_find(entry, name_len);
	size_t n;

	if (i >= 0) {
		char *old = environ[i];

		environ[i] = entry;
		release(old);
		return 0;
	}
	n = env_count();
	if (make_room(n) < 0)
		return -1;
	environ[n] = entry;
	environ[n + 1] = NULL;
	return 0;
}

static int bad_name(const char *name)
{
	if (!name || !*name || strchr(name, '=')) {
		errno = EINVAL;
		return 1;
	}
	return 0;
}

int setenv(const char *name, const char *value, int overwrite)
{
	size_t len, vlen;
	char *entry;

	if (bad_name(name))
		return -1;
	len = strlen(name);
	if (!overwrite && env_find(name, len) >= 0)
		return 0;
	vlen = strlen(value);
	entry = malloc(len + vlen + 2);
	if (!entry)
		return -1;
	memcpy(entry, name, len);
	entry[len] = '=';
	memcpy(entry + len + 1, value, vlen + 1);
	if (remember(entry) < 0 || env_put(entry, len) < 0) {
		release(entry);
		return -1;
	}
	return 0;
}

int unsetenv(const char *name)
{
	size_t len, n;
	long i;

	if (bad_name(name))
		return -1;
	len = strlen(name);
	while ((i = env_find(name, len)) >= 0) {
		char *old = environ[i];

		n = env_count();
		memmove(environ + i, environ + i + 1, (n - i) * sizeof(char *));
		release(old);
	}
	return 0;
}

/* "NAME=value" goes in as it is; "NAME" alone removes NAME (glibc) */
int putenv(char *string)
{
	char *eq = strchr(string, '=');

	if (!eq)
		return unsetenv(string);
	if (eq == string) {
		errno = EINVAL;
		return -1;
	}
	return env_put(string, eq - string);
}

int clearenv(void)
{
	while (n_our_strings)
		free(our_strings[--n_our_strings]);
	free(our_array);
	our_array = NULL;
	our_capacity = 0;
	environ = NULL;
	return 0;
}
