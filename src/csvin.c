/* The CSV reader behind every import. libcsv does the parsing; this module
 * feeds it one physical line (or at most one chunk) per call, so the line a
 * record or field starts on is known without looking at every byte: a line
 * ends only at a '\n', and libcsv reports every unquoted '\n' to on_row
 * (CSV_REPALL_NL), which tells a record boundary from a quoted newline.
 * Other encodings go through iconv first; memory stays bounded by the
 * limits in csvin.h plus a chunk. */
#include "csvin.h"

#include <csv.h>
#include <errno.h>
#include <iconv.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "array.h"
#include "i18n.h"
#include "utf8.h"

#define CHUNK ((size_t)64 * 1024)
#define FIELD_MAX ((size_t)CSVIN_FIELD_MAX_MIB << 20)
#define RECORD_MAX ((size_t)CSVIN_RECORD_MAX_MIB << 20)
/* libcsv holds a field's closing quote too before it knows the field ended. */
#define FIELD_BUF_MAX (FIELD_MAX + 2)
/* An incomplete character at the end of a chunk, kept for the next one. */
#define CARRY_MAX 64

static const char bom[] = "\xEF\xBB\xBF";
static char last_delim = ',';

struct reader {
	const char *name;        /* for messages */
	const char *encoding;    /* NULL when the input is UTF-8 already */
	iconv_t cd;
	char *conv;              /* iconv's output, CHUNK bytes */
	struct csv_parser p;
	char delim;              /* 0 until the first bytes decide it */
	bool started;            /* byte order mark and delimiter handled */
	csvin_record_fn fn;
	void *ctx;
	struct pact_err *err;
	int rc;                  /* first failure; callbacks do nothing after it */
	long line;               /* physical line of the bytes being parsed */
	long rec_line;           /* where the current record starts */
	long fld_line;           /* where the current field starts */
	bool row_ended_at_lf;    /* the '\n' that ends this piece was unquoted */
	char *rec;               /* the fields of the record, each NUL-terminated */
	size_t rec_len, rec_cap;
	size_t *offs;            /* where each field starts in rec */
	char **fields;
	size_t n, fields_cap;
};

char csvin_last_delim(void)
{
	return last_delim;
}

char csvin_detect_delim(const char *s, size_t len)
{
	static const char cand[] = { ',', ';', '\t' };
	size_t count[3] = { 0 }, i = 0, best = 0;
	bool quoted = false;

	while (i < len && (s[i] == '\n' || s[i] == '\r'))
		i++;
	for (; i < len && (quoted || s[i] != '\n'); i++) {
		if (s[i] == '"')
			quoted = !quoted;
		else if (!quoted)
			for (size_t k = 0; k < sizeof cand; k++)
				count[k] += s[i] == cand[k];
	}
	for (size_t k = 1; k < sizeof cand; k++)
		if (count[k] > count[best])
			best = k;
	return cand[best];
}

static int fail_nomem(struct reader *r)
{
	return r->rc = err_set(r->err, PACT_ENOMEM, _("%s: out of memory"), r->name);
}

/* Valid UTF-8 without NUL bytes; mostly ASCII, so eight bytes at a time. */
static int check_text(struct reader *r, const char *s, size_t len)
{
	size_t i = 0;
	uint64_t w;

	if (len && memchr(s, '\0', len))
		return r->rc = err_set(r->err, PACT_EINPUT,
				       _("%s:%ld:%zu: contains a NUL byte; if the file is UTF-16, try --encoding UTF-16"),
				       r->name, r->fld_line, r->n + 1);
	if (r->encoding)
		return PACT_OK;
	for (; i + 8 <= len; i += 8) {
		memcpy(&w, s + i, 8);
		if (w & 0x8080808080808080u)
			break;
	}
	while (i < len && (unsigned char)s[i] < 0x80)
		i++;
	if (i < len && !utf8_valid(s + i, len - i, NULL))
		return r->rc = err_set(r->err, PACT_EINPUT,
				       _("%s:%ld:%zu: not valid UTF-8; if the file was saved by an older Excel, try --encoding cp1252"),
				       r->name, r->fld_line, r->n + 1);
	return PACT_OK;
}

static int field_too_long(struct reader *r)
{
	return r->rc = err_set(r->err, PACT_EINPUT,
			       _("%s:%ld:%zu: field longer than %d MiB (a quote that is never closed?)"),
			       r->name, r->fld_line, r->n + 1, CSVIN_FIELD_MAX_MIB);
}

/* Room for field r->n; offs and fields grow together (the field count is
 * checked against CSVIN_FIELDS_MAX before). */
static int grow_fields(struct reader *r)
{
	size_t ocap = r->fields_cap, fcap = r->fields_cap;
	size_t *offs = array_room(r->offs, r->n, &ocap, sizeof *offs);
	char **fields;

	if (!offs)
		return fail_nomem(r);
	r->offs = offs;
	if (!(fields = array_room(r->fields, r->n, &fcap, sizeof *fields)))
		return fail_nomem(r);
	r->fields = fields;
	r->fields_cap = fcap;
	return PACT_OK;
}

/* Room for need bytes of the record, at most RECORD_MAX. */
static int grow_record(struct reader *r, size_t need)
{
	char *rec;

	if (need > RECORD_MAX)
		return r->rc = err_set(r->err, PACT_EINPUT, _("%s:%ld: record longer than %d MiB"),
				       r->name, r->rec_line, CSVIN_RECORD_MAX_MIB);
	if (!(rec = array_room(r->rec, need - 1, &r->rec_cap, 1)))
		return fail_nomem(r);
	r->rec = rec;
	return PACT_OK;
}

/* Copy a field into the record's buffer, after the ones before it. */
static int add_field(struct reader *r, const char *s, size_t len)
{
	size_t need = r->rec_len + len + 1;

	if (r->n == CSVIN_FIELDS_MAX)
		return r->rc = err_set(r->err, PACT_EINPUT,
				       _("%s:%ld: record with more than %d fields; is the delimiter right?"),
				       r->name, r->rec_line, CSVIN_FIELDS_MAX);
	if (r->n == r->fields_cap && grow_fields(r) != PACT_OK)
		return r->rc;
	if (need > r->rec_cap && grow_record(r, need) != PACT_OK)
		return r->rc;
	if (len)
		memcpy(r->rec + r->rec_len, s, len);
	r->rec[r->rec_len + len] = '\0';
	r->offs[r->n++] = r->rec_len;
	r->rec_len = need;
	return PACT_OK;
}

static void on_field(void *s, size_t len, void *data)
{
	struct reader *r = data;

	if (r->rc)
		return;
	if (len > FIELD_MAX) {
		field_too_long(r);
		return;
	}
	if (check_text(r, s, len) != PACT_OK || add_field(r, s, len) != PACT_OK)
		return;
	/* The next field starts after the delimiter, on this line; after a
	 * line end on_row moves it on. */
	r->fld_line = r->line;
}

static void deliver(struct reader *r)
{
	for (size_t i = 0; i < r->n; i++)
		r->fields[i] = r->rec + r->offs[i];
	r->rc = r->fn(r->ctx, r->fields, r->n, r->rec_line, r->err);
	r->n = 0;
	r->rec_len = 0;
}

/* A record ends, or (CSV_REPALL_NL) a blank line's line end passes. */
static void on_row(int c, void *data)
{
	struct reader *r = data;

	if (r->rc)
		return;
	if (r->n > 0)
		deliver(r);
	r->rec_line = r->fld_line = r->line;
	if (c == '\n')
		r->row_ended_at_lf = true;
}

static int parse_error(struct reader *r, long line)
{
	int status = csv_error(&r->p);

	if (status != CSV_EPARSE)
		return r->rc = err_set(r->err, PACT_EINPUT, _("%s:%ld: cannot parse CSV: %s"),
				       r->name, line, csv_strerror(status));
	return r->rc = err_set(r->err, PACT_EINPUT,
			       _("%s:%ld: malformed CSV: %s; a quote may only open and close a field, and a quote inside a quoted field is written twice (\"\")"),
			       r->name, line, csv_strerror(status));
}

/* libcsv grows its field buffer by a fixed step. Doubling the step keeps
 * long fields cheap; stopping it at the limit means a buffer beyond the
 * limit holds a field that is too long. */
static int check_field_buffer(struct reader *r)
{
	size_t size = csv_get_buffer_size(&r->p), step;

	if (size > FIELD_BUF_MAX)
		return field_too_long(r);
	step = size < 4096 ? 4096 : size;
	if (size == FIELD_BUF_MAX)
		step = CHUNK;
	else if (step > FIELD_BUF_MAX - size)
		step = FIELD_BUF_MAX - size;
	csv_set_blk_size(&r->p, step);
	return PACT_OK;
}

/* One piece: up to and including a '\n', or a '\n'-free run of bytes. */
static int parse_piece(struct reader *r, const char *s, size_t n, bool ends_line)
{
	size_t done;

	r->row_ended_at_lf = false;
	done = csv_parse(&r->p, s, n, on_field, on_row, r);
	if (r->rc)
		return r->rc;
	if (done < n)
		return parse_error(r, r->line);
	if (ends_line) {
		r->line++;
		if (r->row_ended_at_lf)
			r->rec_line = r->fld_line = r->line;
	}
	return check_field_buffer(r);
}

/* The first bytes of UTF-8: skip a byte order mark, settle the delimiter. */
static int start(struct reader *r, const char **s, size_t *len)
{
	r->started = true;
	if (*len >= 3 && memcmp(*s, bom, 3) == 0) {
		*s += 3;
		*len -= 3;
	} else if (!r->encoding && *len >= 2 &&
		   (memcmp(*s, "\xFF\xFE", 2) == 0 || memcmp(*s, "\xFE\xFF", 2) == 0)) {
		return r->rc = err_set(r->err, PACT_EINPUT,
				       _("%s: the file is in UTF-16; try --encoding UTF-16"), r->name);
	}
	if (!r->delim)
		r->delim = csvin_detect_delim(*s, *len);
	last_delim = r->delim;
	csv_set_delim(&r->p, (unsigned char)r->delim);
	return PACT_OK;
}

static int feed_utf8(struct reader *r, const char *s, size_t len)
{
	if (r->rc || len == 0)
		return r->rc;
	if (!r->started && start(r, &s, &len) != PACT_OK)
		return r->rc;
	while (len > 0) {
		size_t n = len < CHUNK ? len : CHUNK;
		const char *nl = memchr(s, '\n', n);

		if (nl)
			n = (size_t)(nl - s) + 1;
		if (parse_piece(r, s, n, nl != NULL) != PACT_OK)
			return r->rc;
		s += n;
		len -= n;
	}
	return PACT_OK;
}

/* Everything before the bad byte has been parsed, so r->line is its line. */
static int convert_error(struct reader *r, int errnum, unsigned char byte)
{
	if (errnum == EILSEQ)
		return r->rc = err_set(r->err, PACT_EINPUT,
				       _("%s:%ld: cannot convert from %s: byte 0x%02X is not valid in that encoding"),
				       r->name, r->line, r->encoding, byte);
	if (errnum == EINVAL)
		return r->rc = err_set(r->err, PACT_EINPUT,
				       _("%s:%ld: cannot convert from %s: the file ends in the middle of a character"),
				       r->name, r->line, r->encoding);
	return r->rc = err_set(r->err, PACT_EINPUT, _("%s:%ld: cannot convert from %s: %s"),
			       r->name, r->line, r->encoding, strerror(errnum));
}

/* Convert and parse len raw bytes; *used says how many were taken (an
 * incomplete character at the end waits for the next chunk). */
static int convert(struct reader *r, const char *in, size_t len, bool at_end, size_t *used)
{
	char *ip = (char *)in;
	size_t il = len;

	*used = 0;
	while (il > 0) {
		char *op = r->conv;
		size_t ol = CHUNK, rc = iconv(r->cd, &ip, &il, &op, &ol);
		int e = errno;

		if (feed_utf8(r, r->conv, (size_t)(op - r->conv)) != PACT_OK)
			return r->rc;
		if (rc != (size_t)-1 || (e == EINVAL && !at_end && il <= CARRY_MAX))
			break;
		if (e != E2BIG)
			return convert_error(r, e, (unsigned char)*ip);
	}
	*used = len - il;
	return PACT_OK;
}

static int feed_raw(struct reader *r, const char *s, size_t len, bool at_end, size_t *used)
{
	if (!r->encoding) {
		*used = len;
		return feed_utf8(r, s, len);
	}
	return convert(r, s, len, at_end, used);
}

/* The end of the input: iconv's shift state, the last record, an open quote. */
static int finish(struct reader *r)
{
	const char *none = "";
	size_t zero = 0;

	if (r->rc)
		return r->rc;
	if (r->encoding) {
		char *op = r->conv;
		size_t ol = CHUNK;

		iconv(r->cd, NULL, NULL, &op, &ol);
		if (feed_utf8(r, r->conv, (size_t)(op - r->conv)) != PACT_OK)
			return r->rc;
	}
	if (!r->started && start(r, &none, &zero) != PACT_OK)
		return r->rc;
	if (csv_fini(&r->p, on_field, on_row, r) != 0 && !r->rc)
		return r->rc = err_set(r->err, PACT_EINPUT,
				       _("%s:%ld: malformed CSV: %s; the quoted field that starts here is never closed"),
				       r->name, r->fld_line, csv_strerror(csv_error(&r->p)));
	return r->rc;
}

static bool is_utf8_name(const char *enc)
{
	return !enc || strcasecmp(enc, "UTF-8") == 0 || strcasecmp(enc, "UTF8") == 0;
}

static int reader_open_encoding(struct reader *r, const char *enc)
{
	if (is_utf8_name(enc))
		return PACT_OK;
	r->cd = iconv_open("UTF-8", enc);
	if (r->cd == (iconv_t)-1) {
		if (errno == EINVAL)
			return r->rc = err_set(r->err, PACT_EINPUT, _("unknown encoding '%s'"), enc);
		return r->rc = err_set(r->err, PACT_EINPUT, _("encoding '%s': %s"), enc,
				       strerror(errno));
	}
	r->encoding = enc;
	r->conv = malloc(CHUNK);
	return r->conv ? PACT_OK : fail_nomem(r);
}

static int reader_init(struct reader *r, const char *name, const struct csvin_opts *opts,
		       csvin_record_fn fn, void *ctx, struct pact_err *err)
{
	memset(r, 0, sizeof *r);
	r->name = name;
	r->fn = fn;
	r->ctx = ctx;
	r->err = err;
	r->cd = (iconv_t)-1;
	r->line = r->rec_line = r->fld_line = 1;
	csv_init(&r->p, CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL);
	check_field_buffer(r);
	r->delim = opts ? opts->delim : 0;
	if (r->delim && !strchr(",;\t", r->delim))
		return r->rc = err_set(err, PACT_EINPUT,
				       _("unsupported CSV delimiter (character %d): use a comma, a semicolon or a tab"),
				       (unsigned char)r->delim);
	return reader_open_encoding(r, opts ? opts->encoding : NULL);
}

static void reader_free(struct reader *r)
{
	csv_free(&r->p);
	if (r->cd != (iconv_t)-1)
		iconv_close(r->cd);
	free(r->conv);
	free(r->rec);
	free(r->offs);
	free(r->fields);
}

int csvin_read_mem(const char *data, size_t len, const char *name, const struct csvin_opts *opts,
		   csvin_record_fn fn, void *ctx, struct pact_err *err)
{
	struct reader r;
	size_t used;
	int rc = reader_init(&r, name, opts, fn, ctx, err);

	if (rc == PACT_OK && feed_raw(&r, data, len, true, &used) == PACT_OK)
		rc = finish(&r);
	else
		rc = r.rc;
	reader_free(&r);
	return rc;
}

static int read_error(struct reader *r, int errnum)
{
	return r->rc = err_set(r->err, PACT_EINPUT, _("%s: cannot read: %s"), r->name,
			       strerror(errnum ? errnum : EIO));
}

/* Chunks of the file, with an incomplete character carried to the next. */
static int read_stream(struct reader *r, FILE *f)
{
	char *buf = malloc(CHUNK + CARRY_MAX);
	size_t carry = 0, n, used;
	bool at_end = false;

	if (!buf)
		return fail_nomem(r);
	while (!at_end) {
		errno = 0;
		n = fread(buf + carry, 1, CHUNK, f);
		at_end = n < CHUNK;
		if (ferror(f))
			read_error(r, errno);
		else if (feed_raw(r, buf, carry + n, at_end, &used) == PACT_OK) {
			carry = carry + n - used;
			memmove(buf, buf + used, carry);
		}
		if (r->rc)
			break;
	}
	free(buf);
	return r->rc ? r->rc : finish(r);
}

int csvin_read(const char *path, const struct csvin_opts *opts, csvin_record_fn fn, void *ctx,
	       struct pact_err *err)
{
	bool is_stdin = strcmp(path, "-") == 0;
	struct reader r;
	FILE *f;
	int rc = reader_init(&r, is_stdin ? _("standard input") : path, opts, fn, ctx, err);

	if (rc == PACT_OK) {
		f = is_stdin ? stdin : fopen(path, "rb");
		if (!f)
			rc = read_error(&r, errno);
		else
			rc = read_stream(&r, f);
		if (f == stdin)
			clearerr(stdin);
		else if (f)
			fclose(f);
	}
	reader_free(&r);
	return rc;
}
