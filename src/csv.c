/* The CSV writer behind every export: fields are quoted only when needed
 * (libcsv writes the quoted form), output goes to an unnamed file (or, where
 * the file system has none, a temporary name) that is put in place only on
 * success, and write errors are kept until close. */
/* O_TMPFILE (open(2)) is Linux's; elsewhere the named fallback is used. */
#define _GNU_SOURCE
#include "csv.h"

#include <csv.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "i18n.h"

static const char bom[] = "\xEF\xBB\xBF";

static bool is_stdout(const struct csv_out *w)
{
	return strcmp(w->path, "-") == 0;
}

static const char *shown_name(const struct csv_out *w)
{
	return is_stdout(w) ? _("standard output") : w->path;
}

static int write_error(struct pact_err *err, const char *name, int errnum)
{
	if (errnum == ENOMEM)
		return err_nomem(err);
	return err_set(err, PACT_EINPUT, _("cannot write %s: %s"), name, strerror(errnum));
}

/* Keep the first failure; later calls refuse until close reports it. */
static int failed(struct csv_out *w, int errnum)
{
	if (!w->error)
		w->error = errnum ? errnum : EIO;
	return PACT_EINPUT;
}

/* Hand the buffer to the stream. A file that is put in place afterwards
 * goes to the disk as it is written (every CSV_OUT_SYNC bytes), so that the
 * fsync at close has little left to wait for. */
static int drain(struct csv_out *w)
{
	errno = 0;
	if (w->len && fwrite(w->buf, 1, w->len, w->fp) != w->len)
		return failed(w, errno);
	w->written += w->len;
	w->len = 0;
#ifdef SYNC_FILE_RANGE_WRITE
	if (!w->direct && w->written - w->synced >= CSV_OUT_SYNC && fflush(w->fp) == 0) {
		sync_file_range(fileno(w->fp), (off_t)w->synced, (off_t)(w->written - w->synced),
				SYNC_FILE_RANGE_WRITE);
		w->synced = w->written;
	}
#endif
	return PACT_OK;
}

/* Room for n more bytes in the buffer; false when n never fits. */
static bool room(struct csv_out *w, size_t n)
{
	if (!w->buf && !(w->buf = malloc(CSV_OUT_BUF)))
		return failed(w, ENOMEM), false;
	if (w->len + n > CSV_OUT_BUF && drain(w) != PACT_OK)
		return false;
	return n <= CSV_OUT_BUF;
}

static int put(struct csv_out *w, const char *s, size_t len)
{
	if (room(w, len)) {
		memcpy(w->buf + w->len, s, len);
		w->len += len;
		return PACT_OK;
	}
	if (w->error)
		return PACT_EINPUT;
	errno = 0;
	if (fwrite(s, 1, len, w->fp) != len)
		return failed(w, errno);
	return PACT_OK;
}

/* libcsv's quoted form: at most twice the bytes and two quotes. */
static int put_quoted(struct csv_out *w, const char *s, size_t len)
{
	size_t most = 2 * len + 2;

	if (most / 2 < len)
		return failed(w, ENOMEM);
	if (room(w, most)) {
		w->len += csv_write2(w->buf + w->len, most, s, len, CSV_QUOTE);
		return PACT_OK;
	}
	if (w->error)
		return PACT_EINPUT;
	errno = 0;
	if (csv_fwrite2(w->fp, s, len, CSV_QUOTE) != 0)
		return failed(w, errno);
	return PACT_OK;
}

/* libcsv's reader, like most, trims unquoted spaces and tabs at the ends. */
static bool is_blank(char c)
{
	return c == ' ' || c == '\t';
}

static bool needs_quotes(const struct csv_out *w, const char *s, size_t len)
{
	char special[5] = { w->opts.delim, '"', '\r', '\n', '\0' };

	if (len == 0)
		return false;
	if (is_blank(s[0]) || is_blank(s[len - 1]))
		return true;
	return strcspn(s, special) < len; /* s has no NUL before len */
}

/* Spreadsheets run a cell starting with one of these as a formula; a cell
 * that starts with "'" itself is guarded too, so that reading the file back
 * (which takes one "'" off) gives the text as it was. */
static bool is_formula(const struct csv_out *w, const char *s)
{
	return w->opts.excel && s[0] != '\0' && strchr("=+-@\t\r'", s[0]) != NULL;
}

static int put_neutralised(struct csv_out *w, const char *s, size_t len)
{
	char *buf = malloc(len + 1);
	int rc;

	if (!buf)
		return failed(w, ENOMEM);
	buf[0] = '\'';
	memcpy(buf + 1, s, len);
	rc = put_quoted(w, buf, len + 1);
	free(buf);
	return rc;
}

static int start_field(struct csv_out *w)
{
	if (!w->fp)
		return failed(w, EBADF);
	if (w->error)
		return PACT_EINPUT;
	return w->col++ > 0 ? put(w, &w->opts.delim, 1) : PACT_OK;
}

int csv_out_field(struct csv_out *w, const char *text)
{
	return csv_out_text(w, text ? text : "", text ? strlen(text) : 0);
}

int csv_out_text(struct csv_out *w, const char *text, size_t len)
{
	bool plain = w->fp && !w->error && !is_formula(w, text) && !needs_quotes(w, text, len);

	/* Most fields: the delimiter and the bytes straight into the buffer. */
	if (plain && room(w, len + 1)) {
		if (w->col++ > 0)
			w->buf[w->len++] = w->opts.delim;
		memcpy(w->buf + w->len, text, len);
		w->len += len;
		w->row_has_text |= len > 0;
		return PACT_OK;
	}
	if (start_field(w) != PACT_OK)
		return PACT_EINPUT;
	if (len)
		w->row_has_text = true;
	if (is_formula(w, text))
		return put_neutralised(w, text, len);
	if (needs_quotes(w, text, len))
		return put_quoted(w, text, len);
	return put(w, text, len);
}

int csv_out_int(struct csv_out *w, long long v)
{
	char buf[24], *p = buf + sizeof buf;
	unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;

	if (start_field(w) != PACT_OK)
		return PACT_EINPUT;
	w->row_has_text = true;
	do
		*--p = (char)('0' + u % 10);
	while (u /= 10);
	if (v < 0)
		*--p = '-';
	return put(w, p, (size_t)(buf + sizeof buf - p));
}

int csv_out_end_row(struct csv_out *w)
{
	const char *eol = w->opts.crlf ? "\r\n" : "\n";
	size_t eol_len = w->opts.crlf ? 2 : 1;

	if (!w->fp)
		return failed(w, EBADF);
	if (w->error)
		return PACT_EINPUT;
	/* A blank line is no row to a reader; a lone empty field is written "". */
	if (!w->row_has_text && w->col <= 1 && put(w, "\"\"", 2) != PACT_OK)
		return PACT_EINPUT;
	w->col = 0;
	w->row_has_text = false;
	return put(w, eol, eol_len);
}

int csv_out_header(struct csv_out *w, const char *const *names)
{
	for (; *names; names++)
		if (csv_out_field(w, *names) != PACT_OK)
			return PACT_EINPUT;
	return csv_out_end_row(w);
}

/* Devices and pipes (/dev/stdout, a fifo) cannot be replaced by a rename. */
static int open_direct(struct csv_out *w, struct pact_err *err)
{
	w->fp = fopen(w->path, "w");
	if (!w->fp)
		return write_error(err, w->path, errno);
	w->direct = true;
	return PACT_OK;
}

/* The folder of w->target, so the file is made where the rename cannot
 * cross file systems. */
static void target_dir(const struct csv_out *w, char *dir, size_t dirsz)
{
	const char *slash = strrchr(w->target, '/');

	if (!slash)
		snprintf(dir, dirsz, ".");
	else
		snprintf(dir, dirsz, "%.*s", slash == w->target ? 1 : (int)(slash - w->target),
			 w->target);
}

/* "dir/.pact-export-PID-XXXXXX": a name the next run recognises. */
static int temp_name(const struct csv_out *w, char *out, size_t outsz)
{
	char dir[PATH_MAX];
	int n;

	target_dir(w, dir, sizeof dir);
	n = snprintf(out, outsz, "%s/%s%ld-XXXXXX", dir, CSV_TEMP_PREFIX, (long)getpid());
	return n < 0 || (size_t)n >= outsz ? ENAMETOOLONG : 0;
}

/* A temporary name left by an export that was killed: its process is gone. */
static bool is_stale_temp(const char *name)
{
	size_t plen = strlen(CSV_TEMP_PREFIX);
	char *end;
	long pid;

	if (strncmp(name, CSV_TEMP_PREFIX, plen) != 0)
		return false;
	errno = 0;
	pid = strtol(name + plen, &end, 10);
	if (errno || end == name + plen || *end != '-' || strlen(end + 1) != 6 || pid <= 0)
		return false;
	return pid != (long)getpid() && kill((pid_t)pid, 0) != 0 && errno == ESRCH;
}

void csv_out_clean_folder(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;

	if (!d)
		return;
	while ((e = readdir(d)) != NULL)
		if (is_stale_temp(e->d_name))
			unlinkat(dirfd(d), e->d_name, 0);
	closedir(d);
}

/* An unnamed file in the target's folder (O_TMPFILE): a killed export
 * leaves nothing behind. Linking it needs /proc/self/fd (see open(2)).
 * -1 where the file system or the kernel cannot. */
static int open_unnamed(const struct csv_out *w)
{
#ifdef O_TMPFILE
	char dir[PATH_MAX];

	if (access("/proc/self/fd", X_OK) != 0)
		return -1;
	target_dir(w, dir, sizeof dir);
	return open(dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600);
#else
	(void)w;
	return -1;
#endif
}

/* The named fallback, 0600, which the next run cleans up if we are killed. */
static int open_named(struct csv_out *w)
{
	int e = temp_name(w, w->tmp, sizeof w->tmp), fd;

	if (e) {
		w->tmp[0] = '\0';
		errno = e;
		return -1;
	}
	fd = mkstemp(w->tmp);
	if (fd < 0)
		w->tmp[0] = '\0';
	return fd;
}

static int make_temp(struct csv_out *w, const struct stat *old, struct pact_err *err)
{
	int fd = open_unnamed(w), e;

	w->unnamed = fd >= 0;
	if (fd < 0 && (fd = open_named(w)) < 0)
		return write_error(err, w->path, errno);
	if ((old && fchmod(fd, old->st_mode & 07777) != 0) || !(w->fp = fdopen(fd, "w"))) {
		e = errno;
		close(fd);
		if (w->tmp[0])
			unlink(w->tmp);
		w->tmp[0] = '\0';
		w->unnamed = false;
		return write_error(err, w->path, e);
	}
	return PACT_OK;
}

/* Whether this user may replace the file: root passes access(2) checks,
 * so the mode's write bits and the owner are looked at too. */
static int check_replace(const struct csv_out *w, const struct stat *st, struct pact_err *err)
{
	if (st->st_uid != geteuid())
		return err_set(err, PACT_EINPUT,
			       _("cannot replace %s: it belongs to another user"), w->path);
	if ((st->st_mode & 0222) == 0 || faccessat(AT_FDCWD, w->target, W_OK, AT_EACCESS) != 0)
		return err_set(err, PACT_EINPUT, _("cannot replace %s: it is read-only"),
			       w->path);
	return PACT_OK;
}

static int open_file(struct csv_out *w, struct pact_err *err)
{
	struct stat st, lst;
	bool exists = stat(w->path, &st) == 0;
	char dir[PATH_MAX];

	if (!exists && lstat(w->path, &lst) == 0 && S_ISLNK(lst.st_mode))
		return err_set(err, PACT_EINPUT,
			       _("cannot write %s: it is a symbolic link to a file that does not "
				 "exist"),
			       w->path);
	if (exists && S_ISDIR(st.st_mode))
		return write_error(err, w->path, EISDIR);
	if (exists && !S_ISREG(st.st_mode))
		return open_direct(w, err);
	/* Through a symbolic link, replace the file it points to, not the link. */
	if (!exists || !realpath(w->path, w->target))
		snprintf(w->target, sizeof w->target, "%s", w->path);
	if (exists && check_replace(w, &st, err) != PACT_OK)
		return PACT_EINPUT;
	target_dir(w, dir, sizeof dir);
	csv_out_clean_folder(dir);
	return make_temp(w, exists ? &st : NULL, err);
}

int csv_out_open(struct csv_out *w, const char *path, const struct csv_out_opts *opts,
		 struct pact_err *err)
{
	int n;

	memset(w, 0, sizeof *w);
	if (opts)
		w->opts = *opts;
	if (!w->opts.delim)
		w->opts.delim = ',';
	if (!strchr(",;\t", w->opts.delim))
		return err_set(err, PACT_EINPUT,
			       _("unsupported CSV delimiter (character %d): use a comma, a semicolon or a tab"),
			       (unsigned char)w->opts.delim);
	n = snprintf(w->path, sizeof w->path, "%s", path);
	if (n < 0 || (size_t)n >= sizeof w->path)
		return err_set(err, PACT_EINPUT, _("file path is too long: %.80s…"), path);
	if (is_stdout(w)) {
		w->fp = stdout;
		w->direct = true;
	} else if (open_file(w, err) != PACT_OK) {
		return PACT_EINPUT;
	}
	if (w->opts.bom && put(w, bom, strlen(bom)) != PACT_OK) {
		int e = w->error;
		csv_out_abort(w);
		return write_error(err, shown_name(w), e);
	}
	return PACT_OK;
}

/* Make the rename itself durable; a folder that cannot be synced is no
 * reason to fail an export that is already complete. */
static void sync_folder(const struct csv_out *w)
{
	char dir[PATH_MAX];
	int fd;

	target_dir(w, dir, sizeof dir);
	fd = open(dir, O_RDONLY);
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
}

/* Six letters for a temporary name; linkat refuses a name that exists. */
static void fill_random(char *x)
{
	static const char letters[] = "abcdefghijklmnopqrstuvwxyz0123456789";
	static unsigned long seq;
	struct timespec ts;
	unsigned long v;

	clock_gettime(CLOCK_REALTIME, &ts);
	v = (unsigned long)ts.tv_nsec ^ ((unsigned long)getpid() << 16) ^ (++seq * 2654435761UL);
	for (int i = 0; i < 6; i++, v /= 36)
		x[i] = letters[v % 36];
}

/* Give the unnamed file a name: the target itself when there is none yet
 * (a link never replaces), else a temporary name that close renames over
 * the target. An errno, 0 on success. */
static int link_unnamed(struct csv_out *w)
{
	char proc[64];
	int e;

	snprintf(proc, sizeof proc, "/proc/self/fd/%d", fileno(w->fp));
	if (linkat(AT_FDCWD, proc, AT_FDCWD, w->target, AT_SYMLINK_FOLLOW) == 0)
		return 0;
	if (errno != EEXIST)
		return errno;
	if ((e = temp_name(w, w->tmp, sizeof w->tmp)) != 0)
		return e;
	for (int tries = 0; tries < 100; tries++) {
		fill_random(w->tmp + strlen(w->tmp) - 6);
		if (linkat(AT_FDCWD, proc, AT_FDCWD, w->tmp, AT_SYMLINK_FOLLOW) == 0)
			return 0;
		if (errno != EEXIST)
			break;
	}
	e = errno;
	w->tmp[0] = '\0';
	return e;
}

/* Flush, sync, name and close the stream, keeping the first error in w->error. */
static void finish_stream(struct csv_out *w)
{
	int e;

	if (!w->error)
		drain(w);
	free(w->buf);
	w->buf = NULL;
	errno = 0;
	if (fflush(w->fp) != 0)
		failed(w, errno);
	if (ferror(w->fp))
		failed(w, EIO);
	/* fsync is not defined on pipes and terminals; a file must reach the disk. */
	if (!w->error && !w->direct && fsync(fileno(w->fp)) != 0)
		failed(w, errno);
	if (!w->error && w->unnamed && (e = link_unnamed(w)) != 0)
		failed(w, e);
	if (w->fp != stdout && fclose(w->fp) != 0)
		failed(w, errno);
	w->fp = NULL;
}

int csv_out_close(struct csv_out *w, struct pact_err *err)
{
	bool placed = w->unnamed || w->tmp[0];

	if (!w->fp)
		return write_error(err, shown_name(w), EBADF);
	finish_stream(w);
	if (!w->error && w->tmp[0] && rename(w->tmp, w->target) != 0)
		failed(w, errno);
	if (w->error) {
		if (w->tmp[0])
			unlink(w->tmp);
		w->tmp[0] = '\0';
		return write_error(err, shown_name(w), w->error);
	}
	if (placed)
		sync_folder(w);
	w->tmp[0] = '\0';
	return PACT_OK;
}

void csv_out_abort(struct csv_out *w)
{
	if (!w->fp)
		return;
	if (w->fp == stdout && !w->error)
		drain(w); /* what was written stays written */
	free(w->buf);
	w->buf = NULL;
	w->len = 0;
	if (w->fp == stdout)
		fflush(stdout);
	else
		fclose(w->fp);
	w->fp = NULL;
	if (w->tmp[0])
		unlink(w->tmp);
	w->tmp[0] = '\0';
}
