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
		size_t n;
		if ((unsigned char)s[i] < 0x80) { /* most text: no need to decode */
			i++;
			continue;
		}
		n = utf8_decode(s + i, len - i, &cp);
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

/* Where the screen has no Unicode, arrows and the ellipsis in running text
 * (a translation's "↑ en ↓", the Board's "Stopped →") read as ASCII
 * rather than as '?'. */
static const char *ascii_stand_in(uint32_t cp)
{
	static const struct {
		uint32_t cp;
		const char *ascii;
	} stand_ins[] = {
		{ 0x2190, "<" }, { 0x2191, "^" }, { 0x2192, ">" }, { 0x2193, "v" }, { 0x2026, "..." },
	};

	for (size_t i = 0; i < sizeof stand_ins / sizeof stand_ins[0]; i++)
		if (stand_ins[i].cp == cp)
			return stand_ins[i].ascii;
	return NULL;
}

static size_t visible_bytes(uint32_t cp, char out[16], int *width)
{
	const char *ascii;
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
	if (!display_unicode && (ascii = ascii_stand_in(cp)) != NULL) {
		*width = (int)strlen(ascii);
		memcpy(out, ascii, strlen(ascii));
		return strlen(ascii);
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

/* --- grapheme clusters ------------------------------------------------------
 * What a reader sees as one character: a base and the marks after it
 * (combining accents, variation selectors, skin tones, tags), emoji joined
 * by U+200D ZERO WIDTH JOINER, and a pair of regional indicators (a flag).
 * A simplified UAX #29: enough for Latin, Cyrillic, CJK and emoji. */

static bool is_regional(uint32_t cp)
{
	return cp >= 0x1F1E6 && cp <= 0x1F1FF;
}

static bool is_skin_tone(uint32_t cp)
{
	return cp >= 0x1F3FB && cp <= 0x1F3FF;
}

/* Emoji and pictographs that a ZWJ may join (Extended_Pictographic, near
 * enough). */
static bool is_pictographic(uint32_t cp)
{
	return (cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0x2600 && cp <= 0x27BF) ||
	       (cp >= 0x2300 && cp <= 0x23FF) || (cp >= 0x2B00 && cp <= 0x2BFF) ||
	       (cp >= 0x2190 && cp <= 0x21FF) || (cp >= 0x25A0 && cp <= 0x25FF) ||
	       cp == 0xA9 || cp == 0xAE || cp == 0x203C || cp == 0x2049 || cp == 0x2122 ||
	       cp == 0x2139 || cp == 0x24C2 || cp == 0x2934 || cp == 0x2935 || cp == 0x3030 ||
	       cp == 0x303D || cp == 0x3297 || cp == 0x3299;
}

/* A mark that belongs to the character before it, never parted from it
 * when text is cut, wrapped or stepped through: combining marks, variation
 * selectors, ZWJ, tags, skin tones (which do take columns on a terminal). */
static bool is_extend(uint32_t cp)
{
	if (cp < 0x300 || is_format_control(cp) || utf8_is_control(cp))
		return false;
	return is_skin_tone(cp) || cp == 0x200D || (cp >= 0xFE00 && cp <= 0xFE0F) ||
	       (cp >= 0xE0020 && cp <= 0xE007F) || wcwidth((wchar_t)cp) == 0;
}

/* The cluster starting at s[pos]: returns its end. */
static size_t cluster_end(const char *s, size_t len, size_t pos)
{
	uint32_t base, cp, prev;
	size_t n = utf8_decode(s + pos, len - pos, &base), i;

	if (n == 0)
		return pos + 1;
	i = pos + n;
	if (utf8_is_control(base) || is_format_control(base))
		return i;
	if (is_regional(base)) {
		n = utf8_decode(s + i, len - i, &cp);
		if (n && is_regional(cp))
			i += n;
	}
	prev = base;
	while (i < len && (n = utf8_decode(s + i, len - i, &cp)) != 0) {
		if (!(prev == 0x200D && is_pictographic(cp)) && !is_extend(cp))
			break;
		prev = cp;
		i += n;
	}
	return i;
}

/* The cluster at s[*i] as it is drawn: its visible form into out (room for
 * outsz bytes, NUL-terminated; marks that do not fit are left out) and its
 * width. Moves *i past it, even over an invalid byte. Returns the bytes
 * written.
 *
 * The width is what ncurses counts, not what an emoji font shows: ncurses
 * decides where the next character goes, and it moves on by wcwidth() of
 * each code point (found in tmux 3.3a with addstr, getcurx and
 * capture-pane). So 👍🏽 (U+1F44D U+1F3FD) is 4 columns, ❤️ (U+2764 U+FE0F)
 * 1, 🇳🇱 2 (1 + 1), é as e + U+0301 1, and tmux draws them so too. A ZWJ
 * (U+200D) is left out of the visible form: tmux would join the emoji on
 * either side into one cell (👨‍👩‍👧 in 2 columns, 🏳️‍🌈 in 1) while ncurses
 * counts each (6 and 3), and the rest of the line would slide left; without
 * it a terminal that follows wcwidth draws the parts side by side where
 * ncurses counts them (👨👩👧). A terminal that draws an emoji wider than
 * wcwidth (❤️ as 2 in some emoji-aware ones) cannot be told apart from
 * here. */
static size_t next_visible(const char *s, size_t len, size_t *i, char *out, size_t outsz,
			   int *width)
{
	uint32_t cp;
	size_t end = cluster_end(s, len, *i), n, o, k;
	char vis[16];

	n = utf8_decode(s + *i, len - *i, &cp);
	o = utf8_visible(cp, vis, width);
	if (o + 1 > outsz || (cp == 0x200D && display_unicode))
		o = 0, *width = 0;
	memcpy(out, vis, o);
	if (n && *width >= 0 && display_unicode && vis[0] != '?') {
		/* the marks as they are, each with the columns ncurses gives it */
		for (size_t j = *i + n; j < end; j += k) {
			int w;
			k = utf8_decode(s + j, end - j, &cp);
			if (cp == 0x200D)
				continue;
			if (o + k + 1 > outsz)
				break;
			memcpy(out + o, s + j, k);
			o += k;
			w = wcwidth((wchar_t)cp);
			*width += w > 0 ? w : 0;
		}
	}
	out[o] = '\0';
	*i = end;
	return o;
}

size_t utf8_cluster(const char *s, size_t len, size_t pos, char *out, size_t outsz, int *width)
{
	char buf[UTF8_CLUSTER_MAX];

	if (!out || outsz == 0)
		out = buf, outsz = sizeof buf;
	next_visible(s, len, &pos, out, outsz, width);
	return pos;
}

int utf8_width(const char *s)
{
	size_t len = strlen(s), i = 0;
	int total = 0, w;
	char buf[UTF8_CLUSTER_MAX];

	while (i < len) {
		next_visible(s, len, &i, buf, sizeof buf, &w);
		total += w;
	}
	return total;
}

int utf8_fit(const char *s, int max_cols, char *out, size_t outsz)
{
	size_t len = strlen(s), i = 0, o = 0;
	int cols = 0, w;
	char buf[UTF8_CLUSTER_MAX];

	while (i < len) {
		size_t at = i, bn = next_visible(s, len, &i, buf, sizeof buf, &w);
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

int utf8_fit_cut(const char *s, int max_cols, bool unicode, char *out, size_t outsz)
{
	const char *dots = unicode ? "\u2026" : "~";
	int cols;

	if (utf8_width(s) <= max_cols || max_cols < 1 || outsz < 8)
		return utf8_fit(s, max_cols, out, outsz);
	cols = utf8_fit(s, max_cols - 1, out, outsz - strlen(dots));
	/* no space before the dots: "Meer groen…", not "Meer groen …" */
	while (cols > 0 && out[0] && out[strlen(out) - 1] == ' ') {
		out[strlen(out) - 1] = '\0';
		cols--;
	}
	strcat(out, dots);
	return cols + 1;
}

size_t utf8_next(const char *s, size_t len, size_t pos)
{
	if (pos >= len)
		return len;
	return cluster_end(s, len, pos);
}

/* A printable ASCII character always starts a cluster: from the last one
 * before pos, clusters are found by walking forward. */
size_t utf8_prev(const char *s, size_t pos)
{
	size_t start = pos, at, next;

	if (pos == 0)
		return 0;
	do
		start--;
	while (start > 0 && !((unsigned char)s[start] >= 0x20 && (unsigned char)s[start] < 0x7F));
	for (at = start;; at = next) {
		next = cluster_end(s, pos, at);
		if (next >= pos)
			return at;
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
