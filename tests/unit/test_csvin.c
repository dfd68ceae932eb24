/* Unit tests of the CSV reader: delimiters, byte order mark, line ends,
 * quoting, the line each record starts on (also across the 64 KiB chunks a
 * file is read in), encodings, and the refusals with their messages. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <csv.h>
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <locale.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "csvin.h"

#define MAX_RECS 16
#define CHUNK (64 * 1024)
#define FIELD_MAX ((size_t)CSVIN_FIELD_MAX_MIB << 20)

/* The records a read delivered: fields joined by '|', and their lines. */
struct got {
	int n;
	char text[MAX_RECS][128];
	long line[MAX_RECS];
	size_t len0[MAX_RECS];   /* length of the first field */
	int stop_at;             /* fail on this record (1-based); 0 = never */
};

static int collect(void *ctx, char **fields, size_t n, long line, struct pact_err *err)
{
	struct got *g = ctx;
	char *out;

	if (g->n == g->stop_at - 1)
		return err_set(err, PACT_EDB, "stopped at line %ld", line);
	assert_true(g->n < MAX_RECS);
	out = g->text[g->n];
	out[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		assert_non_null(fields[i]);
		if (i)
			strncat(out, "|", sizeof g->text[0] - strlen(out) - 1);
		strncat(out, fields[i], sizeof g->text[0] - strlen(out) - 1);
	}
	g->len0[g->n] = strlen(fields[0]);
	g->line[g->n++] = line;
	return PACT_OK;
}

static int read_mem(const char *data, size_t len, const struct csvin_opts *opts, struct got *g,
		    struct pact_err *err)
{
	memset(g, 0, sizeof *g);
	err_clear(err);
	return csvin_read_mem(data, len, "t.csv", opts, collect, g, err);
}

/* A string literal, NUL bytes included. */
#define READ(lit, opts, g, err) read_mem(lit, sizeof lit - 1, opts, g, err)

/* Each test that writes files gets a fresh folder, removed afterwards. */
static int make_dir(void **state)
{
	char *dir = strdup("/tmp/pact-csvin-XXXXXX");

	if (!dir || !mkdtemp(dir)) {
		free(dir);
		return -1;
	}
	*state = dir;
	return 0;
}

static int remove_dir(void **state)
{
	char *dir = *state, path[PATH_MAX];
	DIR *d = opendir(dir);
	struct dirent *e;

	while (d && (e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		unlink(path);
	}
	if (d)
		closedir(d);
	rmdir(dir);
	free(dir);
	return 0;
}

static void write_file(void **state, const char *name, const char *data, size_t len, char *path)
{
	FILE *f;

	snprintf(path, PATH_MAX, "%s/%s", (const char *)*state, name);
	f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
}

/* The most frequent of , ; tab outside quotes in the first non-blank line;
 * ties go to , then ; then tab. */
static void test_detect_delim(void **state)
{
	(void)state;
	assert_int_equal(csvin_detect_delim("a,b,c\n", 6), ',');
	assert_int_equal(csvin_detect_delim("a;b;c\n", 6), ';');
	assert_int_equal(csvin_detect_delim("a\tb\tc,d\n", 8), '\t');
	assert_int_equal(csvin_detect_delim("a;b,c;d", 7), ';');
	assert_int_equal(csvin_detect_delim("\"a;b;c\",d\n", 10), ',');
	assert_int_equal(csvin_detect_delim("\"x\ny,z,w\";a;b\n", 14), ';');
	assert_int_equal(csvin_detect_delim("a;b\nc,d,e,f\n", 12), ';');
	assert_int_equal(csvin_detect_delim("\r\n\na;b\n", 7), ';');
	assert_int_equal(csvin_detect_delim("a,b;c\td", 7), ',');
	assert_int_equal(csvin_detect_delim("a;b\tc", 5), ';');
	assert_int_equal(csvin_detect_delim("abc", 3), ',');
	assert_int_equal(csvin_detect_delim("", 0), ',');
}

/* Detection and a forced delimiter, as the parser then splits the fields. */
static void test_delimiters(void **state)
{
	struct csvin_opts comma = { .delim = ',' }, semi = { .delim = ';' };
	struct csvin_opts tab = { .delim = '\t' }, pipe_ = { .delim = '|' };
	struct pact_err err;
	struct got g;

	(void)state;
	assert_int_equal(READ("id;\"a;b\";c\n1;2,5;x\n", NULL, &g, &err), PACT_OK);
	assert_int_equal(csvin_last_delim(), ';');
	assert_int_equal(g.n, 2);
	assert_string_equal(g.text[0], "id|a;b|c");
	assert_string_equal(g.text[1], "1|2,5|x");

	assert_int_equal(READ("\"a\tb\",c\td\n", NULL, &g, &err), PACT_OK);
	assert_int_equal(csvin_last_delim(), ',');
	assert_string_equal(g.text[0], "a\tb|c\td");
	assert_int_equal(READ("a\tb\tc,d\n", NULL, &g, &err), PACT_OK);
	assert_int_equal(csvin_last_delim(), '\t');
	assert_string_equal(g.text[0], "a|b|c,d");

	assert_int_equal(READ("a;b;c,d\n", &comma, &g, &err), PACT_OK);
	assert_int_equal(csvin_last_delim(), ',');
	assert_string_equal(g.text[0], "a;b;c|d");
	assert_int_equal(READ("a,b,c;d\n", &semi, &g, &err), PACT_OK);
	assert_string_equal(g.text[0], "a,b,c|d");
	assert_int_equal(READ("a,b\tc\n", &tab, &g, &err), PACT_OK);
	assert_string_equal(g.text[0], "a,b|c");

	assert_int_equal(READ("a|b\n", &pipe_, &g, &err), PACT_EINPUT);
	assert_non_null(strstr(err.msg, "delimiter"));
	assert_int_equal(g.n, 0);
}

/* A UTF-8 byte order mark is not part of the first field; CRLF is a line end. */
static void test_bom_and_crlf(void **state)
{
	struct pact_err err;
	struct got g;

	(void)state;
	assert_int_equal(READ("\xEF\xBB\xBFid;name\r\n1;x\r\n2;\"y\"\r\n", NULL, &g, &err), PACT_OK);
	assert_int_equal(csvin_last_delim(), ';');
	assert_int_equal(g.n, 3);
	assert_int_equal(g.len0[0], 2);
	assert_string_equal(g.text[0], "id|name");
	assert_string_equal(g.text[1], "1|x");
	assert_string_equal(g.text[2], "2|y");
	assert_int_equal(g.line[2], 3);

	/* Only the first three bytes are a mark; one later is text. */
	assert_int_equal(READ("a\n\xEF\xBB\xBF" "b\n", NULL, &g, &err), PACT_OK);
	assert_string_equal(g.text[1], "\xEF\xBB\xBF" "b");
}

/* Quoted fields keep delimiters, doubled quotes, LF, CRLF and a lone CR. */
static void test_quoted_fields(void **state)
{
	struct pact_err err;
	struct got g;

	(void)state;
	assert_int_equal(READ("\"x,y\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\r\nlf\",\"lone\rcr\",\"\"\n"
			      "plain,,\"\"\"\",last\n",
			      NULL, &g, &err),
			 PACT_OK);
	assert_int_equal(g.n, 2);
	assert_string_equal(g.text[0], "x,y|say \"hi\"|two\nlines|cr\r\nlf|lone\rcr|");
	assert_string_equal(g.text[1], "plain||\"|last");
	assert_int_equal(g.line[0], 1);
	assert_int_equal(g.line[1], 4);
}

/* The line of a record is where it starts: after quoted newlines, blank
 * lines (empty or a lone CR before the LF) and without a final line end. */
static void test_line_numbers(void **state)
{
	struct pact_err err;
	struct got g;

	(void)state;
	assert_int_equal(READ("\n"                       /* 1 */
			      "h1,h2\n"                  /* 2 */
			      "a,\"multi\n"              /* 3 */
			      "line\n"                   /* 4 */
			      "field\"\n"                /* 5 */
			      "\n"                       /* 6 */
			      "\r\n"                     /* 7 */
			      "b,c\n"                    /* 8 */
			      "\"x\r\n"                  /* 9 */
			      "y\",z\r\n"                /* 10 */
			      "\r\n"                     /* 11 */
			      "\"\n\n\",q\n"             /* 12-14 */
			      "d,e",                     /* 15 */
			      NULL, &g, &err),
			 PACT_OK);
	assert_int_equal(g.n, 6);
	assert_string_equal(g.text[1], "a|multi\nline\nfield");
	assert_string_equal(g.text[3], "x\r\ny|z");
	assert_string_equal(g.text[4], "\n\n|q");
	assert_string_equal(g.text[5], "d|e");
	assert_int_equal(g.line[0], 2);
	assert_int_equal(g.line[1], 3);
	assert_int_equal(g.line[2], 8);
	assert_int_equal(g.line[3], 9);
	assert_int_equal(g.line[4], 12);
	assert_int_equal(g.line[5], 15);

	/* libcsv ends a record at a lone CR outside quotes; the line is the same. */
	assert_int_equal(READ("a\rb\nc\n", NULL, &g, &err), PACT_OK);
	assert_int_equal(g.n, 3);
	assert_int_equal(g.line[1], 1);
	assert_int_equal(g.line[2], 2);
}

/* The chunk boundary of a file falls on each byte of a CRLF, a quoted
 * newline and a blank line in turn; the lines stay right. */
static void test_chunk_boundary(void **state)
{
	const char tail[] = "a,\"q\r\nr\"\r\n\r\n\n  \n\"s\n\",t\r\nb,c\r\n";
	size_t head = CHUNK - 4 - sizeof tail;
	char *buf = malloc(CHUNK + sizeof tail + 32), path[PATH_MAX];
	struct pact_err err;
	struct got g;

	assert_non_null(buf);
	for (size_t pad = head; pad < head + sizeof tail + 2; pad++) {
		size_t len = 0;

		len += (size_t)sprintf(buf, "p,");
		memset(buf + len, 'x', pad);
		len += pad;
		memcpy(buf + len, "\r\n", 2);
		memcpy(buf + len + 2, tail, sizeof tail);
		len += 2 + sizeof tail - 1;
		write_file(state, "chunk.csv", buf, len, path);
		memset(&g, 0, sizeof g);
		assert_int_equal(csvin_read(path, NULL, collect, &g, &err), PACT_OK);
		assert_int_equal(g.n, 4);
		assert_int_equal(g.len0[0], 1);
		assert_int_equal(g.line[0], 1);
		assert_string_equal(g.text[1], "a|q\r\nr");
		assert_int_equal(g.line[1], 2);
		assert_string_equal(g.text[2], "s\n|t");
		assert_int_equal(g.line[2], 7);
		assert_string_equal(g.text[3], "b|c");
		assert_int_equal(g.line[3], 9);
	}
	free(buf);
}

/* What a long file's records must be: record i starts on line[i]. */
struct expect {
	long *line;
	long n, mismatches;
	long first_bad;
};

static int check_record(void *ctx, char **fields, size_t n, long line, struct pact_err *err)
{
	struct expect *e = ctx;
	long i = e->n++;
	bool ok;

	(void)err;
	if (i == 0)
		ok = n == 3 && strcmp(fields[0], "id") == 0 && line == 1;
	else
		ok = n == 3 && strtol(fields[0], NULL, 10) == i && line == e->line[i] &&
		     strcmp(fields[1], i % 7 == 3 ? "two\nlines" : "plain") == 0 &&
		     strcmp(fields[2], "café") == 0;
	if (!ok && e->mismatches++ == 0)
		e->first_bad = i;
	return PACT_OK;
}

#define LONG_RECORDS 200000

/* 200,000 records in many chunks, with CRLF and LF, quoted newlines and
 * blank lines; every record's line is checked. cp1252 says "é" in one byte. */
static char *make_long_file(bool cp1252, long *lines, size_t *len)
{
	const char *cafe = cp1252 ? "caf\xE9" : "café";
	size_t cap = (size_t)LONG_RECORDS * 40, n = 0;
	char *buf = malloc(cap);
	long line = 1;

	assert_non_null(buf);
	n += (size_t)sprintf(buf, "id,kind,word\n");
	line++;
	for (long i = 1; i < LONG_RECORDS; i++) {
		lines[i] = line;
		if (i % 7 == 3) {
			n += (size_t)sprintf(buf + n, "%ld,\"two\nlines\",%s\n", i, cafe);
			line += 2;
		} else {
			n += (size_t)sprintf(buf + n, "%ld,plain,%s%s", i, cafe, i % 2 ? "\r\n" : "\n");
			line++;
		}
		if (i % 13 == 5) {
			n += (size_t)sprintf(buf + n, "%s", i % 3 ? "\n" : "\r\n");
			line++;
		}
	}
	assert_true(n < cap);
	*len = n;
	return buf;
}

static void check_long(long *lines, int rc, struct expect *e)
{
	assert_int_equal(rc, PACT_OK);
	assert_int_equal(e->n, LONG_RECORDS);
	assert_int_equal(e->mismatches, 0);
	assert_int_equal(e->line[LONG_RECORDS - 1], lines[LONG_RECORDS - 1]);
}

static void test_long_file(void **state)
{
	struct csvin_opts latin = { .encoding = "cp1252" };
	long *lines = calloc(LONG_RECORDS, sizeof *lines);
	char *buf, path[PATH_MAX];
	struct pact_err err = { 0 };
	struct expect e;
	size_t len;

	assert_non_null(lines);
	buf = make_long_file(false, lines, &len);
	assert_true(len > 40 * CHUNK);
	assert_true(lines[LONG_RECORDS - 1] > LONG_RECORDS);
	write_file(state, "long.csv", buf, len, path);
	e = (struct expect){ .line = lines };
	check_long(lines, csvin_read(path, NULL, check_record, &e, &err), &e);
	e = (struct expect){ .line = lines };
	check_long(lines, csvin_read_mem(buf, len, "long.csv", NULL, check_record, &e, &err), &e);
	free(buf);

	buf = make_long_file(true, lines, &len);
	write_file(state, "latin.csv", buf, len, path);
	e = (struct expect){ .line = lines };
	check_long(lines, csvin_read(path, &latin, check_record, &e, &err), &e);
	free(buf);
	free(lines);
}

/* Invalid UTF-8 is refused at the line where its field starts and the
 * field's number; the records before it were delivered. */
static void test_invalid_utf8(void **state)
{
	struct pact_err err;
	struct got g;

	(void)state;
	assert_int_equal(READ("a,b\nc,\"x\ny\xFF\"\n", NULL, &g, &err), PACT_EINPUT);
	assert_int_equal(err.status, PACT_EINPUT);
	assert_string_equal(err.msg, "t.csv:2:2: not valid UTF-8; if the file was saved by an older "
				     "Excel, try --encoding cp1252");
	assert_int_equal(g.n, 1);

	/* A field after a multi-line one starts on the line of its delimiter. */
	assert_int_equal(READ("h\n\"x\ny\", \xFF\n", NULL, &g, &err), PACT_EINPUT);
	assert_non_null(strstr(err.msg, "t.csv:3:2: not valid UTF-8"));
	assert_int_equal(READ("ok,caf\xC3\xA9\n\xC3(,x\n", NULL, &g, &err), PACT_EINPUT);
	assert_non_null(strstr(err.msg, "t.csv:2:1: not valid UTF-8"));
	/* Overlong forms and surrogates are not UTF-8 either. */
	assert_int_equal(READ("a,\xC0\xAF\n", NULL, &g, &err), PACT_EINPUT);
	assert_int_equal(READ("a,\xED\xA0\x80\n", NULL, &g, &err), PACT_EINPUT);
	/* A NUL byte would cut the field short; UTF-16 is named. */
	assert_int_equal(READ("a,b\0c\n", NULL, &g, &err), PACT_EINPUT);
	assert_non_null(strstr(err.msg, "t.csv:1:2: contains a NUL byte"));
	assert_int_equal(READ("\xFF\xFE" "a\0\n\0", NULL, &g, &err), PACT_EINPUT);
	assert_non_null(strstr(err.msg, "UTF-16"));
}

/* Another encoding is converted to UTF-8 before parsing; bytes it does not
 * define are refused with their line. */
static void test_encodings(void **state)
{
	struct csvin_opts latin = { .encoding = "cp1252" }, utf16 = { .encoding = "UTF-16" };
	struct csvin_opts utf8 = { .encoding = "utf-8" }, bad = { .encoding = "xyz" };
	struct pact_err err;
	struct got g;

	(void)state;
	assert_int_equal(READ("caf\xE9;\x80\n", &latin, &g, &err), PACT_OK);
	assert_int_equal(csvin_last_delim(), ';');
	assert_int_equal(g.n, 1);
	assert_string_equal(g.text[0], "café|€");

	assert_int_equal(READ("a;b\n\"c\nd\";\x81\n", &latin, &g, &err), PACT_EINPUT);
	assert_non_null(strstr(err.msg, "t.csv:3: cannot convert from cp1252: "));
	assert_non_null(strstr(err.msg, "0x81"));
	assert_int_equal(g.n, 1);

	assert_int_equal(READ("\xFF\xFE" "a\0,\0\xAC\x20\n\0", &utf16, &g, &err), PACT_OK);
	assert_string_equal(g.text[0], "a|€");
	assert_int_equal(READ("\xFF\xFE" "a\0,\0\xAC", &utf16, &g, &err), PACT_EINPUT);
	assert_non_null(strstr(err.msg, "t.csv:1: cannot convert from UTF-16: "));

	assert_int_equal(READ("caf\xC3\xA9\n", &utf8, &g, &err), PACT_OK);
	assert_string_equal(g.text[0], "café");

	assert_int_equal(READ("a,b\n", &bad, &g, &err), PACT_EINPUT);
	assert_string_equal(err.msg, "unknown encoding 'xyz'");
	assert_int_equal(g.n, 0);
}

/* libcsv's strict mode refuses stray quotes and an unclosed quote; the
 * message gives the line and libcsv's reason. */
static void test_malformed(void **state)
{
	char want[256];
	struct pact_err err;
	struct got g;

	(void)state;
	assert_int_equal(READ("h,\"x\ny\"\n\na,b\"c\n", NULL, &g, &err), PACT_EINPUT);
	snprintf(want, sizeof want, "t.csv:4: malformed CSV: %s", csv_strerror(CSV_EPARSE));
	assert_non_null(strstr(err.msg, want));
	assert_ptr_equal(strstr(err.msg, want), err.msg);
	assert_int_equal(g.n, 1);

	assert_int_equal(READ("a,\"b\"c\n", NULL, &g, &err), PACT_EINPUT);
	assert_non_null(strstr(err.msg, "t.csv:1: malformed CSV: "));

	assert_int_equal(READ("h\n\nx,\"open\nand\nnever closed\n", NULL, &g, &err), PACT_EINPUT);
	snprintf(want, sizeof want, "t.csv:3: malformed CSV: %s", csv_strerror(CSV_EPARSE));
	assert_ptr_equal(strstr(err.msg, want), err.msg);
	assert_int_equal(g.n, 1);
}

/* A field of 16 MiB is read; one byte more is refused, naming its line and
 * column, also while it is still being read (an unclosed quote). */
static void test_field_limit(void **state)
{
	size_t len = FIELD_MAX + 64;
	char *buf = malloc(len + 32);
	struct pact_err err;
	struct got g;
	size_t n;

	(void)state;
	assert_non_null(buf);
	n = (size_t)sprintf(buf, "h\n\"");
	memset(buf + n, 'x', FIELD_MAX);
	n += FIELD_MAX;
	n += (size_t)sprintf(buf + n, "\",b\n");
	assert_int_equal(read_mem(buf, n, NULL, &g, &err), PACT_OK);
	assert_int_equal(g.n, 2);
	assert_int_equal(g.len0[1], FIELD_MAX);
	assert_int_equal(g.line[1], 2);

	n = (size_t)sprintf(buf, "h\nk,");
	memset(buf + n, 'x', FIELD_MAX + 1);
	n += FIELD_MAX + 1;
	assert_int_equal(read_mem(buf, n, NULL, &g, &err), PACT_EINPUT);
	assert_non_null(strstr(err.msg, "t.csv:2:2: field longer than 16 MiB"));
	assert_int_equal(g.n, 1);

	n = (size_t)sprintf(buf, "h\n\nk,\"");
	memset(buf + n, '\n', len - n);
	assert_int_equal(read_mem(buf, len, NULL, &g, &err), PACT_EINPUT);
	assert_non_null(strstr(err.msg, "t.csv:3:2: field longer than 16 MiB"));
	free(buf);
}

/* 10,000 fields make a record; one more is refused. */
static void test_field_count_limit(void **state)
{
	char *buf = malloc(2 * CSVIN_FIELDS_MAX + 16);
	struct pact_err err;
	struct got g;
	size_t n = 0;

	(void)state;
	assert_non_null(buf);
	n += (size_t)sprintf(buf, "h\n");
	for (int i = 0; i < CSVIN_FIELDS_MAX - 1; i++)
		buf[n++] = ',';
	buf[n++] = '\n';
	assert_int_equal(read_mem(buf, n, NULL, &g, &err), PACT_OK);
	assert_int_equal(g.n, 2);
	buf[n - 1] = ',';
	buf[n++] = '\n';
	assert_int_equal(read_mem(buf, n, NULL, &g, &err), PACT_EINPUT);
	assert_non_null(strstr(err.msg, "t.csv:2: record with more than 10000 fields"));
	free(buf);
}

/* Run csvin_read("-") with data arriving on fd 0 through a pipe. */
static int read_stdin(const char *data, struct got *g, struct pact_err *err)
{
	int fds[2], saved = dup(0), rc;

	assert_true(saved >= 0);
	assert_int_equal(pipe(fds), 0);
	assert_int_equal(write(fds[1], data, strlen(data)), (ssize_t)strlen(data));
	close(fds[1]);
	assert_true(dup2(fds[0], 0) >= 0);
	close(fds[0]);
	memset(g, 0, sizeof *g);
	rc = csvin_read("-", NULL, collect, g, err);
	dup2(saved, 0);
	close(saved);
	return rc;
}

static void test_stdin(void **state)
{
	struct pact_err err;
	struct got g;

	(void)state;
	assert_int_equal(read_stdin("x;y\n\n1;\"2\n3\"\n4;5\n", &g, &err), PACT_OK);
	assert_int_equal(g.n, 3);
	assert_string_equal(g.text[1], "1|2\n3");
	assert_int_equal(g.line[2], 5);
	assert_int_equal(read_stdin("a\n\xFF\n", &g, &err), PACT_EINPUT);
	assert_non_null(strstr(err.msg, "standard input:2:1: not valid UTF-8"));
}

/* No records and no error for empty input or only blank lines. */
static void test_empty(void **state)
{
	char path[PATH_MAX];
	struct pact_err err;
	struct got g;

	assert_int_equal(read_mem("", 0, NULL, &g, &err), PACT_OK);
	assert_int_equal(g.n, 0);
	assert_int_equal(READ("\n\r\n  \n\n", NULL, &g, &err), PACT_OK);
	assert_int_equal(g.n, 0);
	assert_int_equal(READ("\xEF\xBB\xBF", NULL, &g, &err), PACT_OK);
	assert_int_equal(g.n, 0);
	write_file(state, "empty.csv", "", 0, path);
	memset(&g, 0, sizeof g);
	assert_int_equal(csvin_read(path, NULL, collect, &g, &err), PACT_OK);
	assert_int_equal(g.n, 0);
}

/* A file that cannot be read names itself and the reason. */
static void test_cannot_read(void **state)
{
	char path[PATH_MAX], want[PATH_MAX + 64];
	struct pact_err err;
	struct got g = { 0 };

	snprintf(path, sizeof path, "%s/missing.csv", (const char *)*state);
	assert_int_equal(csvin_read(path, NULL, collect, &g, &err), PACT_EINPUT);
	snprintf(want, sizeof want, "%s: cannot read: %s", path, strerror(ENOENT));
	assert_string_equal(err.msg, want);
	assert_int_equal(csvin_read(*state, NULL, collect, &g, &err), PACT_EINPUT);
	snprintf(want, sizeof want, "%s: cannot read: %s", (const char *)*state, strerror(EISDIR));
	assert_string_equal(err.msg, want);
	assert_int_equal(g.n, 0);
}

/* A callback's failure stops the reading and is returned as it is. */
static void test_callback_stops(void **state)
{
	struct pact_err err;
	struct got g;

	(void)state;
	memset(&g, 0, sizeof g);
	g.stop_at = 2;
	assert_int_equal(csvin_read_mem("a\nb\nc\n", 6, "t.csv", NULL, collect, &g, &err), PACT_EDB);
	assert_int_equal(g.n, 1);
	assert_string_equal(err.msg, "stopped at line 2");
	memset(&g, 0, sizeof g);
	g.stop_at = 2;
	assert_int_equal(csvin_read_mem("a\rb\rc\n", 6, "t.csv", NULL, collect, &g, &err), PACT_EDB);
	assert_int_equal(g.n, 1);
}

#define DIR_TEST(f) cmocka_unit_test_setup_teardown(f, make_dir, remove_dir)

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_detect_delim),
		cmocka_unit_test(test_delimiters),
		cmocka_unit_test(test_bom_and_crlf),
		cmocka_unit_test(test_quoted_fields),
		cmocka_unit_test(test_line_numbers),
		DIR_TEST(test_chunk_boundary),
		DIR_TEST(test_long_file),
		cmocka_unit_test(test_invalid_utf8),
		cmocka_unit_test(test_encodings),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_field_limit),
		cmocka_unit_test(test_field_count_limit),
		cmocka_unit_test(test_stdin),
		DIR_TEST(test_empty),
		DIR_TEST(test_cannot_read),
		cmocka_unit_test(test_callback_stops),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests_name("csvin", tests, NULL, NULL);
}
