/* UTF-8 handling shared by the core and the screens. Widths come from
 * wcwidth (the locale must be a UTF-8 one for it to know non-ASCII). */
#include "utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

static bool display_unicode = true;

void utf8_set_display_unicode(bool on)
{
	display_unicode = on;
}

bool utf8_display_unicode(void)
{
	return display_unicode;
}

size_t utf8_decode(const char *s, size_t len, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	uint32_t c, min;
	size_t n, i;

	*cp = 0xFFFD;
	if (len == 0)
		return 0;
	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	} else if ((u[0] & 0xE0) == 0xC0) {
		n = 2, c = u[0] & 0x1F, min = 0x80;
	} else if ((u[0] & 0xF0) == 0xE0) {
		n = 3, c = u[0] & 0x0F, min = 0x800;
	} else if ((u[0] & 0xF8) == 0xF0) {
		n = 4, c = u[0] & 0x07, min = 0x10000;
	} else {
		return 0;
	}
	if (len < n)
		return 0;
	for (i = 1; i < n; i++) {
		if ((u[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (u[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return n;
}

size_t utf8_encode(uint32_t cp, char out[4])
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	} else if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	} else if (cp < 0x10000) {
		if (cp >= 0xD800 && cp <= 0xDFFF)
			return 0;
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	} else if (cp <= 0x10FFFF) {
		out[0] = (char)(0xF0 | (cp >> 18));
		out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[3] = (char)(0x80 | (cp & 0x3F));
		return 4;
	}
	return 0;
}

bool utf8_valid(const char *s, size_t len, size_t *bad_at)
{
	size_t i = 0;
	uint32_t cp;

	while (i < len) {
		size_t n = utf8_decode(s + i, len - i, &cp);
		if (n == 0) {
			if (bad_at)
				*bad_at = i;
			return false;
		}
		i += n;
	}
	return true;
}

/* Invisible characters that can reorder or hide text on a terminal. */
static bool is_format_control(uint32_t cp)
{
	return (cp >= 0x200E && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E) ||
	       (cp >= 0x2066 && cp <= 0x2069) || cp == 0xFEFF || cp == 0x061C;
}

bool utf8_is_control(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029 ||
	       is_format_control(cp);
}

void utf8_quote(const char *s, size_t n, size_t max_chars, char *out, size_t outsz)
{
	size_t i = 0, o = 0, chars = 0;
	uint32_t cp;

	while (i < n && chars < max_chars && o + 8 < outsz) {
		size_t k = utf8_decode(s + i, n - i, &cp);
		if (k == 0 || utf8_is_control(cp))
			out[o++] = '?';
		else
			memcpy(out + o, s + i, k), o += k;
		i += k ? k : 1, chars++;
	}
	if (i < n && o + 4 <= outsz)
		memcpy(out + o, "…", strlen("…")), o += strlen("…");
	if (outsz)
		out[o < outsz ? o : outsz - 1] = '\0';
}

static size_t visible_bytes(uint32_t cp, char out[16], int *width)
{
	int w;

	if (cp == '\n' && display_unicode) {
		*width = 1;
		return utf8_encode(0x21B5, out); /* ↵ */
	}
	if (cp < 0x20 || cp == 0x7F) {
		out[0] = '^';
		out[1] = cp == 0x7F ? '?' : (char)(cp + '@');
		*width = 2;
		return 2;
	}
	if (cp < 0x7F) {
		out[0] = (char)cp;
		*width = 1;
		return 1;
	}
	if ((cp >= 0x80 && cp <= 0x9F) || is_format_control(cp)) {
		int n = snprintf(out, 16, "<U+%04X>", (unsigned)cp);
		*width = n;
		return (size_t)n;
	}
	w = display_unicode ? wcwidth((wchar_t)cp) : -1;
	if (w < 0) {
		out[0] = '?';
		*width = 1;
		return 1;
	}
	*width = w;
	return utf8_encode(cp, out);
}

size_t utf8_visible(uint32_t cp, char out[16], int *width)
{
	size_t n = visible_bytes(cp, out, width);

	out[n < 15 ? n : 15] = '\0';
	return n;
}

/* The visible form of the character at s[*i] (len bytes in all); moves *i
 * past it, even over an invalid byte. */
static size_t next_visible(const char *s, size_t len, size_t *i, char out[16], int *width)
{
	uint32_t cp;
	size_t n = utf8_decode(s + *i, len - *i, &cp);

	*i += n ? n : 1;
	return utf8_visible(cp, out, width);
}

int utf8_width(const char *s)
{
	size_t len = strlen(s), i = 0;
	int total = 0, w;
	char buf[16];

	while (i < len) {
		next_visible(s, len, &i, buf, &w);
		total += w;
	}
	return total;
}

int utf8_fit(const char *s, int max_cols, char *out, size_t outsz)
{
	size_t len = strlen(s), i = 0, o = 0;
	int cols = 0, w;
	char buf[16];

	while (i < len) {
		size_t at = i, bn = next_visible(s, len, &i, buf, &w);
		if (cols + w > max_cols || o + bn + 1 > outsz) {
			i = at;
			break;
		}
		memcpy(out + o, buf, bn);
		o += bn;
		cols += w;
	}
	if (outsz)
		out[o] = '\0';
	return cols;
}

static bool is_zero_width(const char *s, size_t len, size_t pos, size_t *n)
{
	uint32_t cp;

	*n = utf8_decode(s + pos, len - pos, &cp);
	if (*n == 0) {
		*n = 1;
		return false;
	}
	return cp >= 0x300 && !is_format_control(cp) && wcwidth((wchar_t)cp) == 0;
}

size_t utf8_next(const char *s, size_t len, size_t pos)
{
	size_t n;

	if (pos >= len)
		return len;
	is_zero_width(s, len, pos, &n);
	pos += n;
	while (pos < len && is_zero_width(s, len, pos, &n))
		pos += n;
	return pos;
}

size_t utf8_prev(const char *s, size_t pos)
{
	size_t len = pos, n;

	for (;;) {
		if (pos == 0)
			return 0;
		do
			pos--;
		while (pos > 0 && ((unsigned char)s[pos] & 0xC0) == 0x80);
		if (!is_zero_width(s, len, pos, &n))
			return pos;
	}
}

uint32_t utf8_fold(uint32_t cp)
{
	if (cp < 0x80)
		return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
	return (uint32_t)towlower((wint_t)cp);
}

/* The base letters of U+00C0…U+017F ('.' where there is none). */
static const char latin_base[] =
	"aaaaaa.ceeeeiiiidnooooo.ouuuuy..aaaaaa.ceeeeiiiidnooooo.ouuuuy.y"
	"aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii..jjkkkllllllllllnnnnnnn..oooooo..rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

uint32_t utf8_base(uint32_t cp)
{
	cp = utf8_fold(cp);
	if (cp >= 0xC0 && cp < 0xC0 + sizeof latin_base - 1 && latin_base[cp - 0xC0] != '.')
		return (uint32_t)latin_base[cp - 0xC0];
	return cp;
}

char *utf8_search_key(const char *s)
{
	size_t n = strlen(s), o = 0;
	char *out = malloc(2 * n + 1); /* folding may lengthen a character */

	if (!out)
		return NULL;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t len = utf8_decode(s + i, n - i, &cp);

		if (!len) {
			i++;
			continue;
		}
		i += len;
		if (cp >= 0x300 && cp <= 0x36F)
			continue; /* a combining accent */
		o += utf8_encode(utf8_base(cp), out + o);
	}
	out[o] = '\0';
	return out;
}

bool utf8_starts_with_fold(const char *s, const char *prefix)
{
	size_t sl = strlen(s), pl = strlen(prefix), i = 0, j = 0;

	while (j < pl) {
		uint32_t a, b;
		size_t na, nb;
		if (i >= sl)
			return false;
		na = utf8_decode(s + i, sl - i, &a);
		nb = utf8_decode(prefix + j, pl - j, &b);
		if (utf8_fold(a) != utf8_fold(b))
			return false;
		i += na ? na : 1;
		j += nb ? nb : 1;
	}
	return true;
}
