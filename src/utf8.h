/* UTF-8 decoding, validation, display widths and safe display of text. */
#ifndef PACT_UTF8_H
#define PACT_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Decode one code point from s (at most len bytes). Returns the number of
 * bytes used (1..4) and stores the code point, or returns 0 on an invalid or
 * truncated sequence (cp is then set to U+FFFD). */
size_t utf8_decode(const char *s, size_t len, uint32_t *cp);

/* Encode cp into out (room for 4 bytes); returns the byte count, 0 if cp
 * is not a valid scalar value. */
size_t utf8_encode(uint32_t cp, char out[4]);

/* True when the len bytes at s are valid UTF-8; otherwise *bad_at gets the
 * byte offset of the first invalid sequence (bad_at may be NULL). */
bool utf8_valid(const char *s, size_t len, size_t *bad_at);

/* Characters that would move the cursor, reorder or hide text on a
 * terminal: C0, DEL, C1, line separators and bidirectional controls. */
bool utf8_is_control(uint32_t cp);

/* A short, safe copy of n bytes of s for a message: invalid bytes and
 * control characters shown as '?', cut after max_chars characters with
 * "…". out is always NUL-terminated. */
void utf8_quote(const char *s, size_t n, size_t max_chars, char *out, size_t outsz);

/* Whether the screen can show characters beyond ASCII (set once at start
 * from the locale's codeset; tests may set it). */
void utf8_set_display_unicode(bool on);
bool utf8_display_unicode(void);

/* How a code point is shown: the text to draw (control characters made
 * visible as ^X or <U+0085>; without Unicode on the screen arrows as
 * < ^ > v, "…" as "...", other undisplayable ones as '?') and its width in
 * display columns. Returns the byte length written to out (room for 16),
 * which is NUL-terminated. */
size_t utf8_visible(uint32_t cp, char out[16], int *width);

/* Room for the visible form of one cluster (longer ones lose marks). */
#define UTF8_CLUSTER_MAX 64

/* One character as a text editor steps over it (a grapheme cluster): a
 * base and the marks after it (combining accents, variation selectors,
 * skin tones), emoji joined by U+200D (ZWJ), and a pair of regional
 * indicators (a flag). The cluster at s[pos] (len bytes in all): returns
 * where the next one starts, its visible form (control characters made
 * visible, '?' where the screen cannot show it, ZWJ left out) into out
 * (outsz bytes, NUL-terminated; out may be NULL) and in *width the columns
 * ncurses moves on when it draws that form: wcwidth of each code point, so
 * 👍🏽 is 4 and ❤️ 1 (see next_visible in utf8.c for why). */
size_t utf8_cluster(const char *s, size_t len, size_t pos, char *out, size_t outsz, int *width);

/* Display width of a UTF-8 string, cluster by cluster as above. */
int utf8_width(const char *s);

/* Copy the longest prefix of s that fits in max_cols display columns into
 * out (size outsz, always NUL-terminated) in visible form; a cluster is
 * never split. Returns the columns used. */
int utf8_fit(const char *s, int max_cols, char *out, size_t outsz);

/* The same, but text that does not fit ends in "…" (with unicode, else
 * "~") inside max_cols: "Meer groen in de…". */
int utf8_fit_cut(const char *s, int max_cols, bool unicode, char *out, size_t outsz);

/* Byte offsets of the previous / next cluster around byte offset pos. */
size_t utf8_prev(const char *s, size_t pos);
size_t utf8_next(const char *s, size_t len, size_t pos);

/* Lower-case fold of one code point, for case-insensitive matching. */
uint32_t utf8_fold(uint32_t cp);

/* True when s starts with prefix, ignoring case. */
bool utf8_starts_with_fold(const char *s, const char *prefix);

/* cp folded to lower case and, for Latin letters, without its accent
 * ('Ë' and 'ë' give 'e'). */
uint32_t utf8_base(uint32_t cp);
/* s with every character through utf8_base and combining accents left
 * out: what searches compare ("Ideeënloodser" gives "ideeenloodser"). The
 * caller frees it; NULL when out of memory. */
char *utf8_search_key(const char *s);

#endif
