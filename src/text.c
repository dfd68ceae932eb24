/* Cleaning typed and imported text. */
#include "text.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "utf8.h"

size_t text_chars(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}

void text_trim(const char **s, size_t *n)
{
	while (*n > 0 && (**s == ' ' || **s == '\t'))
		(*s)++, (*n)--;
	while (*n > 0 && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t'))
		(*n)--;
}

int text_clean(const char *in, const char *field, size_t max_chars, bool required,
	       bool multiline, char **out, struct pact_err *err)
{
	size_t len = strlen(in), bad, i = 0, o = 0;
	char *buf;

	*out = NULL;
	if (!utf8_valid(in, len, &bad))
		return err_set(err, PACT_EINPUT, _("%s: not valid UTF-8 text (at byte %zu)"), field,
			       bad + 1);
	if (!(buf = malloc(len + 1)))
		return err_nomem(err);
	/* Valid UTF-8: bytes below 0x80 never occur inside a longer character,
	 * so line breaks and tabs are found byte by byte. */
	for (; i < len; i++) {
		char c = in[i];
		if (c == '\r' && i + 1 < len && in[i + 1] == '\n')
			; /* CRLF is a line break */
		else if (c == '\n' && multiline)
			buf[o++] = '\n';
		else if (c == '\n' || c == '\t' || c == '\r')
			buf[o++] = ' ';
		else
			buf[o++] = c; /* control characters too: screens show them visibly */
	}
	while (o > 0 && (buf[o - 1] == ' ' || buf[o - 1] == '\n'))
		o--;
	buf[o] = '\0';
	i = strspn(buf, multiline ? " \n" : " ");
	memmove(buf, buf + i, o - i + 1);
	if (required && !buf[0]) {
		free(buf);
		return err_set(err, PACT_EINPUT, _("%s: empty; please type some text"), field);
	}
	if (o - i > max_chars && text_chars(buf) > max_chars) { /* bytes >= characters */
		size_t n = text_chars(buf);
		free(buf);
		return err_set(err, PACT_EINPUT, _("%s: too long (%zu characters; at most %zu)"), field,
			       n, max_chars);
	}
	*out = buf;
	return PACT_OK;
}

char *text_stream_close(FILE *f, char **buf)
{
	bool failed;

	if (!f)
		return NULL;
	failed = ferror(f) != 0;
	/* fclose sets *buf to the text */
	if (fclose(f) != 0 || failed) {
		free(*buf);
		*buf = NULL;
		return NULL;
	}
	return *buf;
}
