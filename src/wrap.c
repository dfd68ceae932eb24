/* Word wrapping, used for help texts, messages and multi-line input. */
#include "wrap.h"

#include <string.h>

#include "utf8.h"

/* The width of the character (cluster) at s[i] and its length in *n: an
 * emoji with its joiners is never split over two rows. */
static int cluster_width(const char *s, size_t len, size_t i, size_t *n)
{
	int w;

	*n = utf8_cluster(s, len, i, NULL, 0, &w) - i;
	return w;
}

/* Find where a row starting at start ends: returns the end (excluded) and
 * sets *next to where the following row starts. */
static size_t row_end(const char *s, size_t len, size_t start, int width, size_t *next)
{
	size_t i = start, last_space = 0, n;
	int cols = 0;
	int have_space = 0;

	while (i < len && s[i] != '\n') {
		int w = cluster_width(s, len, i, &n);
		if (cols + w > width && i > start) {
			if (s[i] == ' ') {
				*next = i + 1;
				return i;
			}
			if (have_space) {
				*next = last_space + 1;
				return last_space;
			}
			*next = i;
			return i;
		}
		if (s[i] == ' ') {
			last_space = i;
			have_space = 1;
		}
		cols += w;
		i += n;
	}
	*next = i < len ? i + 1 : i;
	return i;
}

size_t wrap_text(const char *text, int width, struct wrap_row *rows, size_t max)
{
	size_t len = strlen(text), start = 0, count = 0;

	if (width < 1)
		width = 1;
	for (;;) {
		size_t next, end = row_end(text, len, start, width, &next);
		if (count < max) {
			rows[count].start = start;
			rows[count].end = end;
		}
		count++;
		if (next >= len && !(next == len && len > 0 && text[len - 1] == '\n' && end < len))
			break;
		start = next;
	}
	return count;
}
