/* libc/stdlib/qsort.c - qsort: introsort.
 *
 * Quicksort with the median of the first, middle and last elements (of
 * nine, for larger arrays) as the pivot, and a partition that stops on
 * elements equal to the pivot (so
 * sorted, reversed and all-equal inputs split evenly), recursing into
 * the smaller side only; below 16 elements, insertion sort; and if the
 * recursion gets deeper than 2 log2(n) anyway (an adversarial input),
 * heapsort for that part.  O(n log n) in the worst case, not stable.
 */
#include <stdlib.h>

typedef int (*cmp_fn)(const void *, const void *);

#define SMALL 16

static void swap(char *a, char *b, size_t size)
{
	while (size--) {
		char t = *a;

		*a++ = *b;
		*b++ = t;
	}
}

static void insertion_sort(char *base, size_t n, size_t size, cmp_fn cmp)
{
	for (size_t i = 1; i < n; i++)
		for (char *p = base + i * size;
		     p > base && cmp(p - size, p) > 0; p -= size)
			swap(p - size, p, size);
}

/* moves element i down the max-heap of n elements to its place */
static void sift_down(char *base, size_t i, size_t n, size_t size,
		      cmp_fn cmp)
{
	for (size_t child; (child = 2 * i + 1) < n; i = child) {
		if (child + 1 < n &&
		    cmp(base + child * size, base + (child + 1) * size) < 0)
			child++;
		if (cmp(base + i * size, base + child * size) >= 0)
			return;
		swap(base + i * size, base + child * size, size);
	}
}

static void heap_sort(char *base, size_t n, size_t size, cmp_fn cmp)
{
	for (size_t i = n / 2; i-- > 0;)
		sift_down(base, i, n, size, cmp);
	for (size_t end = n - 1; end > 0; end--) {
		swap(base, base + end * size, size);
		sift_down(base, 0, end, size, cmp);
	}
}

/* the median of three elements */
static char *median3(char *a, char *b, char *c, cmp_fn cmp)
{
	if (cmp(a, b) < 0)
		return cmp(b, c) < 0 ? b : cmp(a, c) < 0 ? c : a;
	return cmp(a, c) < 0 ? a : cmp(b, c) < 0 ? c : b;
}

/* A pivot: the median of the first, middle and last elements, or for
 * larger arrays Tukey's "ninther", the median of three such medians
 * (which also keeps organ-pipe inputs from splitting badly). */
static char *choose_pivot(char *base, size_t n, size_t size, cmp_fn cmp)
{
	char *first = base, *mid = base + n / 2 * size;
	char *last = base + (n - 1) * size;

	if (n > 40) {
		size_t step = n / 8 * size;

		first = median3(first, first + step, first + 2 * step, cmp);
		mid = median3(mid - step, mid, mid + step, cmp);
		last = median3(last - 2 * step, last - step, last, cmp);
	}
	return median3(first, mid, last, cmp);
}

/* partitions around the chosen pivot and returns its final index */
static size_t partition(char *base, size_t n, size_t size, cmp_fn cmp)
{
	size_t i = 1, j = n - 1;

	swap(base, choose_pivot(base, n, size, cmp), size);
	for (;;) {
		while (i <= j && cmp(base + i * size, base) < 0)
			i++;
		while (i <= j && cmp(base + j * size, base) > 0)
			j--;
		if (i >= j)
			break;
		swap(base + i * size, base + j * size, size);
		i++;
		j--;
	}
	swap(base, base + j * size, size);
	return j;
}

static void introsort(char *base, size_t n, size_t size, cmp_fn cmp,
		      int depth)
{
	while (n > SMALL) {
		size_t p;

		if (depth-- == 0) {
			heap_sort(base, n, size, cmp);
			return;
		}
		p = partition(base, n, size, cmp);
		if (p < n - 1 - p) {
			introsort(base, p, size, cmp, depth);
			base += (p + 1) * size;
			n -= p + 1;
		} else {
			introsort(base + (p + 1) * size, n - 1 - p, size, cmp,
				  depth);
			n = p;
		}
	}
	insertion_sort(base, n, size, cmp);
}

void qsort(void *base, size_t n, size_t size, cmp_fn cmp)
{
	int depth = 0;

	if (n < 2 || !size)
		return;
	for (size_t m = n; m > 1; m >>= 1)
		depth += 2;
	introsort(base, n, size, cmp, depth);
}
