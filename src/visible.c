/* A stream for text meant for people: what is written to it reaches the
 * stream below with control characters shown, as the screens show them
 * (ESC as ^[, a bidi override as <U+202E>, a broken UTF-8 byte as ?), so
 * that stored text or a file's content cannot move the cursor, clear the
 * screen, set the window title or the clipboard, or reorder a line. New
 * lines and tabs pass. Built on fopencookie: every printf to it is
 * filtered, whoever makes it. */
#define _GNU_SOURCE
#include "visible.h"

#include <stdlib.h>
#include <string.h>

#include "utf8.h"

struct visible {
	FILE *to;
	char pending[4]; /* the start of a character split between two writes */
	size_t npending;
};

/* Bytes a UTF-8 sequence needs, from its first byte (1 for a stray byte). */
static size_t sequence_length(unsigned char b)
{
	return b >= 0xF0 && b <= 0xF4 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 && b < 0xE0 ? 2 : 1;
}

static void put_one(struct visible *v, const char *s, size_t len)
{
	uint32_t cp;
	size_t n = utf8_decode(s, len, &cp);
	char out[16];
	int w;

	if (n == 0)
		fputc('?', v->to);
	else if (cp == '\n' || cp == '\t' || !utf8_is_control(cp))
		fwrite(s, 1, n, v->to);
	else if (cp == 0x2028 || cp == 0x2029)
		fprintf(v->to, "<U+%04X>", (unsigned)cp);
	else
		fwrite(out, 1, utf8_visible(cp, out, &w), v->to);
}

/* Write buf[0..len) through, keeping an unfinished last character. */
static void filter(struct visible *v, const char *buf, size_t len, bool final)
{
	size_t i = 0;

	while (i < len) {
		size_t need = sequence_length((unsigned char)buf[i]);
		uint32_t cp;
		if (i + need > len && !final)
			break;
		if (need > 1 && utf8_decode(buf + i, len - i, &cp) == 0)
			need = 1; /* a broken sequence: one '?' for its first byte */
		put_one(v, buf + i, need < len - i ? need : len - i);
		i += need < len - i ? need : len - i;
	}
	v->npending = len - i;
	memcpy(v->pending, buf + i, v->npending);
}

static ssize_t visible_write(void *cookie, const char *buf, size_t size)
{
	struct visible *v = cookie;
	char joined[4 + 4096];
	size_t done = 0;

	while (done < size) {
		size_t take = size - done < 4096 ? size - done : 4096;
		memcpy(joined, v->pending, v->npending);
		memcpy(joined + v->npending, buf + done, take);
		filter(v, joined, v->npending + take, false);
		done += take;
	}
	fflush(v->to);
	return (ssize_t)size;
}

static int visible_close(void *cookie)
{
	struct visible *v = cookie;
	char rest[4];
	size_t n = v->npending;

	memcpy(rest, v->pending, n);
	filter(v, rest, n, true);
	fflush(v->to);
	free(v);
	return 0;
}

/* The streams made here, closed (flushed, freed) when pact exits. */
static struct {
	FILE *f, *to;
} made[4];
static size_t nmade;

static void close_all(void)
{
	while (nmade > 0) {
		nmade--;
		if (stderr == made[nmade].f)
			stderr = made[nmade].to;
		fclose(made[nmade].f);
	}
}

FILE *visible_stream(FILE *to)
{
	struct visible *v = calloc(1, sizeof *v);
	cookie_io_functions_t io = { .write = visible_write, .close = visible_close };
	FILE *f;

	if (!v || nmade == sizeof made / sizeof made[0]) {
		free(v);
		return NULL;
	}
	v->to = to;
	if (!(f = fopencookie(v, "w", io))) {
		free(v);
		return NULL;
	}
	if (nmade == 0)
		atexit(close_all);
	made[nmade].f = f;
	made[nmade++].to = to;
	return f;
}

FILE *visible_stdout(void)
{
	static FILE *out;

	if (!out && (out = visible_stream(stdout)) != NULL)
		setvbuf(out, NULL, _IOLBF, 0);
	return out ? out : stdout;
}
