/* Opening and migrating the SQLite store. */
#include "db.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"
#include "sql.h"
#include "utf8.h"
#include "value.h"
#include "rung.h"

#define VERSION_MARK "-- version "

/* How long a write waits for another pact to finish its own (ms), and how
 * long a checkpoint waits for other readers to leave the log. */
#define BUSY_MS 10000
#define CHECKPOINT_WAIT_MS 2000

/* Start of the block for the next version after *from, or NULL. */
static const char *next_block(const char *from, int *version)
{
	const char *p = from;

	while ((p = strstr(p, VERSION_MARK)) != NULL) {
		/* A marker is a line of its own: "-- version" and a number. */
		if ((p == pact_schema_sql || p[-1] == '\n') && p[strlen(VERSION_MARK)] >= '0' &&
		    p[strlen(VERSION_MARK)] <= '9') {
			*version = atoi(p + strlen(VERSION_MARK));
			return p;
		}
		p++;
	}
	*version = 0;
	return NULL;
}

int db_schema_latest(void)
{
	const char *p = pact_schema_sql;
	int v, latest = 0;

	while ((p = next_block(p, &v)) != NULL) {
		latest = v;
		p++;
	}
	return latest;
}

int db_resolve_path(const char *option, char *out, size_t outsz, struct pact_err *err)
{
	const char *env = getenv("PACT_DB"), *xdg = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");
	int n;

	if (option && *option)
		n = snprintf(out, outsz, "%s", option);
	else if (env && *env)
		n = snprintf(out, outsz, "%s", env);
	else if (xdg && *xdg == '/')
		n = snprintf(out, outsz, "%s/pact/pact.db", xdg);
	else if (home && *home)
		n = snprintf(out, outsz, "%s/.local/share/pact/pact.db", home);
	else
		return err_set(err, PACT_EDB,
			       _("cannot find a place for the database: HOME is not set; use --db PATH"));
	if (n < 0 || (size_t)n >= outsz)
		return err_set(err, PACT_EDB, _("database path is too long"));
	return PACT_OK;
}

/* Create dir and its missing parents with mode 0700. */
static int make_dirs(const char *dir, struct pact_err *err)
{
	char buf[PATH_MAX];
	struct stat st;

	if (snprintf(buf, sizeof buf, "%s", dir) >= (int)sizeof buf)
		return err_set(err, PACT_EDB, _("database path is too long"));
	for (char *p = buf + 1; ; p++) {
		char c = *p;
		if (c != '/' && c != '\0')
			continue;
		*p = '\0';
		if (mkdir(buf, 0700) != 0 && errno != EEXIST)
			return err_set(err, PACT_EDB, _("cannot create folder %s: %s"), buf,
				       strerror(errno));
		if (stat(buf, &st) != 0 || !S_ISDIR(st.st_mode))
			return err_set(err, PACT_EDB, _("cannot create folder %s: %s"), buf,
				       _("a file of that name is in the way"));
		*p = c;
		if (c == '\0')
			return PACT_OK;
	}
}

static int ensure_folder(const char *path, struct pact_err *err)
{
	char dir[PATH_MAX];
	char *slash;

	if (snprintf(dir, sizeof dir, "%s", path) >= (int)sizeof dir)
		return err_set(err, PACT_EDB, _("database path is too long"));
	slash = strrchr(dir, '/');
	if (!slash)
		return access(".", W_OK) == 0 ? PACT_OK
		       : err_set(err, PACT_EDB, _("cannot write in folder %s: %s"), ".",
				 strerror(errno));
	if (slash == dir)
		slash[1] = '\0';
	else
		*slash = '\0';
	if (make_dirs(dir, err) != PACT_OK)
		return PACT_EDB;
	if (access(dir, W_OK | X_OK) != 0)
		return err_set(err, PACT_EDB, _("cannot write in folder %s: %s"), dir, strerror(errno));
	return PACT_OK;
}

static int read_be32(const unsigned char *p)
{
	return (int)((unsigned)p[0] << 24 | (unsigned)p[1] << 16 | (unsigned)p[2] << 8 | p[3]);
}

static int refuse_newer(const char *path, int version, struct pact_err *err)
{
	return err_set(err, PACT_EDB,
		       _("%s was written by a newer pact (schema version %d; this pact knows up to "
			 "%d): update pact to open it"),
		       path, version, db_schema_latest());
}

static int refuse_link(const char *path, struct pact_err *err)
{
	return err_set(err, PACT_EDB,
		       _("%s is a symbolic link: pact opens only the file itself, so that it never "
			 "writes to a file you did not name; give the path it points to"),
		       path);
}

/* The 100-byte header of an SQLite file: its magic, a schema not newer
 * than ours, and pact's mark or none (an earlier pact's file). */
static int check_header(const char *path, const unsigned char *hdr, ssize_t n,
			struct pact_err *err)
{
	unsigned app_id;

	if (n < 100 || memcmp(hdr, "SQLite format 3", 16) != 0)
		return err_set(err, PACT_EDB, _("%s is not a pact database (not an SQLite file)"), path);
	app_id = (unsigned)read_be32(hdr + 68);
	if (app_id != 0 && app_id != DB_APPLICATION_ID)
		return err_set(err, PACT_EDB,
			       _("%s is not a pact database (it is marked as another program's: "
				 "application_id 0x%08x)"),
			       path, app_id);
	if (read_be32(hdr + 60) > db_schema_latest())
		return refuse_newer(path, read_be32(hdr + 60), err);
	return PACT_OK;
}

/* Look at the file's header before SQLite touches it: it must be empty or
 * pass check_header. *created tells whether the file was missing and has
 * now been made (empty, mode 0600); *empty whether it has no bytes. */
static int check_file(const char *path, int *created, bool *empty, struct pact_err *err)
{
	unsigned char hdr[100];
	struct stat st;
	ssize_t n;
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);

	*created = 0;
	*empty = true;
	if (fd < 0 && errno == ENOENT) {
		fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
		if (fd < 0)
			return errno == ELOOP ? refuse_link(path, err)
			       : err_set(err, PACT_EDB, _("cannot create %s: %s"), path, strerror(errno));
		*created = 1;
		close(fd);
		return PACT_OK;
	}
	if (fd < 0)
		return errno == ELOOP ? refuse_link(path, err)
		       : err_set(err, PACT_EDB, _("cannot open %s: %s"), path, strerror(errno));
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return err_set(err, PACT_EDB, _("%s is not a regular file"), path);
	}
	n = st.st_size == 0 ? 0 : read(fd, hdr, sizeof hdr);
	close(fd);
	*empty = st.st_size == 0;
	return *empty ? PACT_OK : check_header(path, hdr, n, err);
}

static int exec(sqlite3 *db, const char *sql, struct pact_err *err)
{
	char *msg = NULL;

	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		(void)msg;
		err_set(err, PACT_EDB, _("database error: %s"), sql_errmsg(db));
		sqlite3_free(msg);
		return PACT_EDB;
	}
	return PACT_OK;
}

static int pragma_int(sqlite3 *db, const char *sql, int *value, struct pact_err *err)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);

	if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		*value = sqlite3_column_int(st, 0);
		rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_OK)
		return err_set(err, PACT_EDB, _("cannot read the database: %s"), sql_errmsg(db));
	return PACT_OK;
}

/* Run one "-- version N" block and set user_version, in one transaction. */
static int migrate_block(sqlite3 *db, const char *start, const char *end, int version,
			 struct pact_err *err)
{
	size_t n = end ? (size_t)(end - start) : strlen(start);
	char *sql = malloc(n + 64);
	int rc;

	if (!sql)
		return err_nomem(err);
	memcpy(sql, start, n);
	snprintf(sql + n, 64, ";\nPRAGMA user_version = %d;", version);
	rc = db_begin(db, err);
	if (rc == PACT_OK && (rc = exec(db, sql, err)) == PACT_OK)
		rc = db_commit(db, err);
	if (rc != PACT_OK)
		db_rollback(db);
	free(sql);
	return rc;
}

int db_migrate(sqlite3 *db, int from, int to, struct pact_err *err)
{
	const char *p = pact_schema_sql, *next;
	int v, nv, rc;

	p = next_block(p, &v);
	while (p) {
		next = next_block(p + 1, &nv);
		if (v > from && v <= to && (rc = migrate_block(db, p, next, v, err)) != PACT_OK)
			return rc;
		p = next;
		v = nv;
	}
	return PACT_OK;
}

/* SQL function fold(text): the text as searches compare it (lower case,
 * Latin letters without accents), so "ideeen" finds "Ideeënloodser". */
static void sql_fold(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const unsigned char *s = sqlite3_value_text(argv[0]);
	char *key;

	(void)argc;
	if (!s) {
		sqlite3_result_null(ctx);
		return;
	}
	if (!(key = utf8_search_key((const char *)s))) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	sqlite3_result_text(ctx, key, -1, free);
}

/* SQL function showdate(text): a stored date as the language writes it
 * (27-11-2026 in Dutch, 2026-11-27 in English). */
static void sql_showdate(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const unsigned char *s = sqlite3_value_text(argv[0]);
	char out[32];

	(void)argc;
	if (!s) {
		sqlite3_result_null(ctx);
		return;
	}
	value_date_show((const char *)s, strcmp(i18n_lang(), "nl") == 0, out);
	sqlite3_result_text(ctx, out, -1, SQLITE_TRANSIENT);
}

/* SQL function showrung(text): rung ids as their names in the screens'
 * language ("raadplegen adviseren" is "Raadplegen, Adviseren"). */
static void sql_showrung(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const unsigned char *s = sqlite3_value_text(argv[0]);
	char *shown;

	(void)argc;
	if (!s) {
		sqlite3_result_null(ctx);
		return;
	}
	if (!(shown = rung_list_shown((const char *)s))) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	sqlite3_result_text(ctx, shown, -1, free);
}

/* SQL function showform(text): a work form named in either language (as a
 * card stores it) by its name in the screens' language; a name the
 * catalogue does not have is shown as it is. */
static void sql_showform(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const unsigned char *s = sqlite3_value_text(argv[0]);
	sqlite3_stmt *st;

	(void)argc;
	if (!s || !s[0]) {
		sqlite3_result_value(ctx, argv[0]);
		return;
	}
	st = sql_query(sqlite3_context_db_handle(ctx), NULL,
		       "SELECT CASE WHEN ?2 AND name_nl <> '' THEN name_nl ELSE name END FROM werkvorm "
		       "WHERE lower(trim(?1)) IN (lower(name), lower(name_nl)) ORDER BY id LIMIT 1",
		       "td", (const char *)s, strcmp(i18n_lang(), "nl") == 0 ? 1 : 0);
	if (st && sqlite3_step(st) == SQLITE_ROW)
		sqlite3_result_value(ctx, sqlite3_column_value(st, 0));
	else
		sqlite3_result_value(ctx, argv[0]);
	sqlite3_finalize(st);
}

/* Read the version and the mark, and recognise the file, before anything
 * is written: a foreign file is refused as it was. */
static int inspect(sqlite3 *db, const char *path, bool new_file, int *version, int *app_id,
		   struct pact_err *err)
{
	if (pragma_int(db, "PRAGMA user_version", version, err) != PACT_OK ||
	    pragma_int(db, "PRAGMA application_id", app_id, err) != PACT_OK) {
		if (sqlite3_errcode(db) == SQLITE_NOTADB)
			err_set(err, PACT_EDB, _("%s is not a pact database (not an SQLite file)"), path);
		else if (sqlite3_errcode(db) == SQLITE_CORRUPT)
			err_set(err, PACT_EDB, _("%s is damaged (%s): pact cannot read it; put back a "
						 "backup or another laptop's copy"),
				path, sqlite3_errmsg(db));
		return PACT_EDB;
	}
	if (*version > db_schema_latest())
		return refuse_newer(path, *version, err);
	return db_recognise(db, path, *app_id, *version, new_file, err);
}

static int configure(sqlite3 *db, const char *path, bool new_file, struct pact_err *err)
{
	char mark[64];
	int version = 0, app_id = 0;

	sqlite3_busy_timeout(db, BUSY_MS);
	sqlite3_create_function(db, "fold", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, sql_fold,
				NULL, NULL);
	sqlite3_create_function(db, "showdate", 1, SQLITE_UTF8, NULL, sql_showdate, NULL, NULL);
	sqlite3_create_function(db, "showrung", 1, SQLITE_UTF8, NULL, sql_showrung, NULL, NULL);
	sqlite3_create_function(db, "showform", 1, SQLITE_UTF8, NULL, sql_showform, NULL, NULL);
	if (inspect(db, path, new_file, &version, &app_id, err) != PACT_OK ||
	    exec(db, "PRAGMA secure_delete=ON; PRAGMA foreign_keys=ON;", err) != PACT_OK)
		return PACT_EDB;
	if (db_readonly(db)) {
		/* Looking is all it allows: no journal change, no migration. */
		if (version < db_schema_latest())
			return err_set(err, PACT_EDB,
				       _("%s is read-only and was made by an older pact (schema "
					 "version %d): make it writable once so pact can bring it up "
					 "to date"),
				       path, version);
		return PACT_OK;
	}
	/* The mark goes in first, while a new file is still in rollback mode,
	 * so a crash before the first migration leaves a file pact knows. */
	snprintf(mark, sizeof mark, "PRAGMA application_id = %d;", (int)DB_APPLICATION_ID);
	if ((app_id != DB_APPLICATION_ID && exec(db, mark, err) != PACT_OK) ||
	    exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;", err) != PACT_OK)
		return PACT_EDB;
	return db_migrate(db, version, db_schema_latest(), err);
}

/* path as a URI for SQLite ("file:" and %-escapes), with the query q. */
static int file_uri(const char *path, const char *q, char *out, size_t outsz)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t o = (size_t)snprintf(out, outsz, "file:");

	for (const unsigned char *p = (const unsigned char *)path; *p && o + 4 < outsz; p++) {
		if (strchr("?#%&=", *p) || *p < 0x21 || *p > 0x7e) {
			out[o++] = '%';
			out[o++] = hex[*p >> 4];
			out[o++] = hex[*p & 15];
		} else {
			out[o++] = (char)*p;
		}
	}
	return o + strlen(q) + 1 < outsz ? (snprintf(out + o, outsz - o, "%s", q), 0) : -1;
}

/* The size of path's companion file (-wal, -shm), or -1 when it is missing. */
static off_t aux_size(const char *path, const char *suffix)
{
	char aux[PATH_MAX + 8];
	struct stat st;

	snprintf(aux, sizeof aux, "%s%s", path, suffix);
	return stat(aux, &st) == 0 ? st.st_size : -1;
}

/* Open a file without write permission. Opened plainly, SQLite would
 * create a -shm (and -wal) with the file's own mode, 0444, which no pact
 * can write once the file is writable again. With an empty or missing
 * -wal there is nothing beside the file to read, so it is opened
 * immutable=1: no lock, no -shm, no -wal. */
int db_open_readonly(const char *path, sqlite3 **db, struct pact_err *err)
{
	char uri[PATH_MAX * 3 + 32];
	off_t wal = aux_size(path, "-wal");
	int rc;

	if (wal > 0 && aux_size(path, "-shm") < 0)
		return err_set(err, PACT_EDB,
			       _("%s is read-only and its write-ahead log (-wal) holds changes that "
				 "are not yet in the file: make it writable once so pact can take "
				 "them in"),
			       path);
	/* immutable (no locks, no -shm made) only when nobody has the file
	 * open: a running pact keeps a -shm, and its -wal may be empty just
	 * after a checkpoint while it goes on writing. */
	bool immutable = wal <= 0 && aux_size(path, "-shm") < 0;

	if (file_uri(path, immutable ? "?immutable=1" : "", uri, sizeof uri) != 0)
		return err_set(err, PACT_EDB, _("database path is too long"));
	rc = sqlite3_open_v2(uri, db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI |
					      SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK)
		return err_set(err, PACT_EDB, _("cannot open %s: %s"), path,
			       *db ? sql_errmsg(*db) : sqlite3_errstr(rc));
	return PACT_OK;
}

/* What integrity_check says, on one line: its rows (one may hold several
 * lines, under a "*** in database main ***" heading) joined with "; ". */
static void one_line(char *msg, size_t size, size_t *o, const char *t)
{
	const char *head = "*** in database main ***";

	if (strncmp(t, head, strlen(head)) == 0)
		t += strlen(head);
	while (*t == '\n' || *t == ' ')
		t++;
	if (*o && *o < size)
		*o += (size_t)snprintf(msg + *o, size - *o, "; ");
	for (; *t && *o + 1 < size; t++) {
		if (*t == '\n') {
			if (*o + 3 < size)
				*o += (size_t)snprintf(msg + *o, size - *o, "; ");
			continue;
		}
		msg[(*o)++] = *t;
		msg[*o] = '\0';
	}
}

/* PRAGMA quick_check: PACT_OK when it says "ok". */
static int quick_check(sqlite3 *db, const char *path, struct pact_err *err)
{
	sqlite3_stmt *st;
	const char *t;
	int rc = sqlite3_prepare_v2(db, "PRAGMA quick_check(1)", -1, &st, NULL);

	if (rc == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) {
		char what[400] = "";
		size_t o = 0;
		t = (const char *)sqlite3_column_text(st, 0);
		one_line(what, sizeof what, &o, t ? t : "?");
		rc = t && strcmp(t, "ok") == 0
			     ? PACT_OK
			     : err_set(err, PACT_EDB, _("%s is damaged: %s"), path, what);
	} else {
		rc = err_set(err, PACT_EDB, _("%s is damaged: %s"), path, sql_errmsg(db));
	}
	sqlite3_finalize(st);
	return rc;
}

int db_check_other(const char *path, struct pact_err *err)
{
	unsigned char hdr[100];
	int fd = open(path, O_RDONLY | O_CLOEXEC), version = 0, app_id = 0, rc;
	ssize_t n = fd >= 0 ? read(fd, hdr, sizeof hdr) : 0;
	sqlite3 *db = NULL;

	if (fd < 0)
		return err_set(err, PACT_EDB, _("cannot open %s: %s"), path, strerror(errno));
	close(fd);
	if ((rc = check_header(path, hdr, n, err)) != PACT_OK ||
	    (rc = db_open_readonly(path, &db, err)) != PACT_OK) {
		sqlite3_close(db);
		return rc;
	}
	sqlite3_busy_timeout(db, BUSY_MS);
	rc = quick_check(db, path, err);
	if (rc == PACT_OK)
		rc = inspect(db, path, false, &version, &app_id, err);
	sqlite3_close(db);
	return rc;
}

bool db_file_writable(const char *path)
{
	struct stat st;

	if (stat(path, &st) != 0)
		return access(path, W_OK) == 0;
	return (st.st_mode & 0222) != 0 && access(path, W_OK) == 0;
}

bool db_readonly(sqlite3 *db)
{
	return sqlite3_db_readonly(db, "main") == 1;
}

/* The path with its folder's symbolic links resolved (SQLite's NOFOLLOW
 * refuses a link anywhere in the path; /home may be a link to /var/home).
 * The last part is kept as given: a link there is refused by check_file. */
static int resolve_folder(const char *path, char *out, size_t outsz, struct pact_err *err)
{
	char dir[PATH_MAX], real[PATH_MAX];
	const char *slash = strrchr(path, '/'), *base = slash ? slash + 1 : path;
	int n;

	if (snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash - path) : 1,
		     slash ? (slash == path ? "/" : path) : ".") >= (int)sizeof dir)
		return err_set(err, PACT_EDB, _("database path is too long"));
	if (!realpath(dir, real))
		return err_set(err, PACT_EDB, _("cannot open folder %s: %s"), dir, strerror(errno));
	n = snprintf(out, outsz, "%s/%s", strcmp(real, "/") == 0 ? "" : real, base);
	if (n < 0 || (size_t)n >= outsz)
		return err_set(err, PACT_EDB, _("database path is too long"));
	return PACT_OK;
}

static int open_connection(const char *path, const char *real, bool writable, sqlite3 **db,
			   struct pact_err *err)
{
	int rc;

	if (!writable)
		return db_open_readonly(real, db, err);
	/* One connection per thread of use: no mutexes needed. */
	rc = sqlite3_open_v2(real, db,
			     SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK)
		return err_set(err, PACT_EDB, _("cannot open %s: %s"), path,
			       *db ? sql_errmsg(*db) : sqlite3_errstr(rc));
	return PACT_OK;
}

int db_open(const char *path, sqlite3 **out, struct pact_err *err)
{
	char real[PATH_MAX];
	sqlite3 *db = NULL;
	bool empty;
	int created, rc;

	*out = NULL;
	if (ensure_folder(path, err) != PACT_OK || resolve_folder(path, real, sizeof real, err) ||
	    check_file(real, &created, &empty, err) != PACT_OK)
		return PACT_EDB;
	/* A file without write permission (for us, or marked so for everyone)
	 * opens read-only. */
	rc = open_connection(path, real, created || db_file_writable(real), &db, err);
	if (rc != PACT_OK) {
		sqlite3_close(db);
		rc = SQLITE_ERROR;
	} else if (configure(db, path, empty, err) != PACT_OK) {
		sqlite3_close(db);
		rc = SQLITE_ERROR;
	}
	if (rc != SQLITE_OK) {
		if (created)
			unlink(real);
		return PACT_EDB;
	}
	*out = db;
	return PACT_OK;
}

/* The commits each open connection made itself (PRAGMA data_version
 * counts only the others'). A list, as pact opens one or two at a time. */
struct watch {
	sqlite3 *db;
	int64_t commits;
	struct watch *next;
};
static struct watch *watches;

static int count_commit(void *arg)
{
	((struct watch *)arg)->commits++;
	return 0; /* go on with the commit */
}

int db_watch(sqlite3 *db, struct pact_err *err)
{
	struct watch *w;

	for (w = watches; w; w = w->next)
		if (w->db == db)
			return PACT_OK;
	if (!(w = calloc(1, sizeof *w)))
		return err_nomem(err);
	w->db = db;
	w->next = watches;
	watches = w;
	sqlite3_commit_hook(db, count_commit, w);
	return PACT_OK;
}

static void unwatch(sqlite3 *db)
{
	for (struct watch **w = &watches; *w; w = &(*w)->next)
		if ((*w)->db == db) {
			struct watch *gone = *w;

			sqlite3_commit_hook(db, NULL, NULL);
			*w = gone->next;
			free(gone);
			return;
		}
}

void db_close(sqlite3 *db)
{
	unwatch(db);
	sqlite3_close(db);
}

int db_check(sqlite3 *db, struct pact_err *err)
{
	sqlite3_stmt *st;
	const unsigned char *t;
	int rc = sqlite3_prepare_v2(db, "PRAGMA integrity_check(20)", -1, &st, NULL);
	size_t o = 0;

	if (rc != SQLITE_OK)
		return err_set(err, PACT_EDB, _("cannot check the database: %s"), sql_errmsg(db));
	err_clear(err);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		t = sqlite3_column_text(st, 0);
		if (t && strcmp((const char *)t, "ok") == 0)
			continue;
		if (err && o < sizeof err->msg)
			one_line(err->msg, sizeof err->msg, &o, t ? (const char *)t : "?");
	}
	sqlite3_finalize(st);
	/* A badly damaged file stops the check after it said where: say that. */
	if (o > 0)
		return err ? (err->status = PACT_EDB) : PACT_EDB;
	if (rc != SQLITE_DONE)
		return err_set(err, PACT_EDB, _("cannot check the database: %s"), sql_errmsg(db));
	return PACT_OK;
}

int db_begin(sqlite3 *db, struct pact_err *err)
{
	return exec(db, "BEGIN IMMEDIATE", err);
}

int db_commit(sqlite3 *db, struct pact_err *err)
{
	return exec(db, "COMMIT", err);
}

void db_rollback(sqlite3 *db)
{
	if (!sqlite3_get_autocommit(db))
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
}

char *db_setting_get(sqlite3 *db, const char *key)
{
	sqlite3_stmt *st;
	char *value = NULL;

	if (sqlite3_prepare_v2(db, "SELECT value FROM settings WHERE key = ?1", -1, &st, NULL) !=
	    SQLITE_OK)
		return NULL;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		value = strdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return value;
}

int db_setting_set(sqlite3 *db, const char *key, const char *value, struct pact_err *err)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db,
				    "INSERT INTO settings(key, value) VALUES (?1, ?2) "
				    "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
				    -1, &st, NULL);

	if (rc == SQLITE_OK) {
		sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, value, -1, SQLITE_STATIC);
		rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : SQLITE_ERROR;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_OK)
		return err_set(err, PACT_EDB, _("cannot save setting %s: %s"), key,
			       sql_errmsg(db));
	return PACT_OK;
}

int db_checkpoint_truncate(sqlite3 *db, struct pact_err *err)
{
	int frames = -1, rc;

	/* The busy handler retries while other connections read from the log;
	 * a reader that stays longer than a short wait is given up on. */
	sqlite3_busy_timeout(db, CHECKPOINT_WAIT_MS);
	rc = sqlite3_wal_checkpoint_v2(db, "main", SQLITE_CHECKPOINT_TRUNCATE, &frames, NULL);
	sqlite3_busy_timeout(db, BUSY_MS);
	if (rc == SQLITE_OK && frames <= 0)
		return PACT_OK; /* truncated (0), or not in WAL mode (-1): no log to hold anything */
	if (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
		return err_set(err, PACT_EDB, "%s",
			       _("another program is reading the database, so its write-ahead log "
				 "(-wal) could not be emptied"));
	return err_set(err, PACT_EDB, _("cannot empty the write-ahead log: %s"), sql_errmsg(db));
}

int64_t db_change_count(sqlite3 *db)
{
	int64_t own = 0;

	for (struct watch *w = watches; w; w = w->next)
		if (w->db == db)
			own = w->commits;
	return db_data_version(db) + own;
}

int64_t db_data_version(sqlite3 *db)
{
	sqlite3_stmt *st;
	int64_t v = -1;

	if (sqlite3_prepare_v2(db, "PRAGMA data_version", -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}
