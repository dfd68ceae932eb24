/* Writing CSV files for every export: quoting through libcsv, an unnamed
 * temporary file put into place so a failed or killed export never leaves
 * half a file. */
#ifndef PACT_CSV_H
#define PACT_CSV_H

#include <limits.h>
#include <stdbool.h>
#include <stdio.h>

#include "err.h"

/* The fallback temporary names: ".pact-export-PID-XXXXXX" beside the target. */
#define CSV_TEMP_PREFIX ".pact-export-"

struct csv_out_opts {
	char delim;     /* ',' (default when 0), ';' or '\t' */
	bool crlf;      /* line ends CRLF (RFC 4180) instead of LF */
	bool bom;       /* UTF-8 byte order mark first */
	bool excel;     /* neutralise formulas: a cell starting with = + - @ TAB or CR gets a leading ' */
};

struct csv_out {
	FILE *fp;
	struct csv_out_opts opts;
	int col;                 /* fields written in the current row */
	bool row_has_text;       /* a field of the current row wrote any bytes */
	int error;               /* errno of the first failed write, 0 if none */
	bool direct;             /* writing straight to stdout or a device: no rename */
	bool unnamed;            /* an O_TMPFILE file, linked into place at close */
	char path[PATH_MAX];     /* as the caller gave it, for messages */
	char target[PATH_MAX];   /* the file that is replaced by the rename */
	char tmp[PATH_MAX];      /* the temporary file, "" when direct */
	char *buf;               /* bytes not yet handed to fp (CSV_OUT_BUF of them) */
	size_t len;
	unsigned long long written, synced; /* bytes handed to fp; sent to the disk */
};

/* Output is gathered in a buffer of this size and written a block at a
 * time, not a call per field. */
#define CSV_OUT_BUF ((size_t)64 * 1024)
#define CSV_OUT_SYNC (1ULL << 20)

/* Open path for writing ("-" = stdout). A file is written to an unnamed
 * file in the same folder (O_TMPFILE; where there is none, a temporary name
 * CSV_TEMP_PREFIX…), mode 0600 or the mode of the file it replaces, and put
 * in place only by csv_out_close. Refused: a file this user may not write
 * (read-only or another user's, also for root) and a symbolic link to
 * nothing. A path that names an existing device or pipe is written
 * directly. opts may be NULL. */
int csv_out_open(struct csv_out *w, const char *path, const struct csv_out_opts *opts,
		 struct pact_err *err);

/* One field; NULL is an empty field. Quoted only when needed. After a
 * failed write every call returns PACT_EINPUT; csv_out_close says why. */
int csv_out_field(struct csv_out *w, const char *text);
/* The same with its length known: len bytes of text (no NUL inside). */
int csv_out_text(struct csv_out *w, const char *text, size_t len);
/* A number: never quoted and never neutralised, so "-5" stays a number. */
int csv_out_int(struct csv_out *w, long long v);
int csv_out_end_row(struct csv_out *w);
/* Write a whole header row from a NULL-terminated array. */
int csv_out_header(struct csv_out *w, const char *const *names);

/* Flush, fsync, rename into place; PACT_OK or an error naming the path.
 * On error the temporary file is removed and the target left untouched. */
int csv_out_close(struct csv_out *w, struct pact_err *err);
/* Remove the temporary names in dir left by exports that were killed
 * (their process is gone). Every open does this for its folder. */
void csv_out_clean_folder(const char *dir);

/* Give up: remove the temporary file, leave the target untouched. */
void csv_out_abort(struct csv_out *w);

#endif
