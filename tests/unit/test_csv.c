/* Unit tests of the CSV writer: quoting read back with libcsv's own parser,
 * exact bytes, options, and that a failed export leaves the target alone. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <csv.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "csv.h"

#define MAX_ROWS 16
#define MAX_COLS 12

/* What libcsv's parser read back. */
struct table {
	int rows;
	int cols[MAX_ROWS];
	char *field[MAX_ROWS][MAX_COLS];
	size_t len[MAX_ROWS][MAX_COLS];
	bool overflow;
};

static void on_field(void *s, size_t len, void *data)
{
	struct table *t = data;
	int r = t->rows, c;

	if (r >= MAX_ROWS || t->cols[r] >= MAX_COLS) {
		t->overflow = true;
		return;
	}
	c = t->cols[r]++;
	t->field[r][c] = malloc(len + 1);
	memcpy(t->field[r][c], s, len);
	t->field[r][c][len] = '\0';
	t->len[r][c] = len;
}

static void on_row(int c, void *data)
{
	struct table *t = data;

	(void)c;
	if (t->rows < MAX_ROWS)
		t->rows++;
}

static void table_free(struct table *t)
{
	for (int r = 0; r < MAX_ROWS; r++)
		for (int c = 0; c < MAX_COLS; c++)
			free(t->field[r][c]);
	memset(t, 0, sizeof *t);
}

/* Parse strictly; fails the test on any parse error. */
static void parse(const char *buf, size_t len, char delim, struct table *t)
{
	struct csv_parser p;

	memset(t, 0, sizeof *t);
	assert_int_equal(csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL), 0);
	csv_set_delim(&p, (unsigned char)delim);
	assert_int_equal(csv_parse(&p, buf, len, on_field, on_row, t), len);
	assert_int_equal(csv_fini(&p, on_field, on_row, t), 0);
	csv_free(&p);
	assert_false(t->overflow);
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long n;

	assert_non_null(f);
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	n = ftell(f);
	assert_true(n >= 0);
	rewind(f);
	buf = malloc((size_t)n + 1);
	assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
	buf[n] = '\0';
	fclose(f);
	*len = (size_t)n;
	return buf;
}

static void assert_file_is(const char *path, const char *expected, size_t explen)
{
	size_t len;
	char *buf = slurp(path, &len);

	assert_int_equal(len, explen);
	assert_memory_equal(buf, expected, explen);
	free(buf);
}

#define ASSERT_FILE(path, lit) assert_file_is(path, lit, sizeof lit - 1)

static void write_file(const char *path, const char *text, mode_t mode)
{
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	assert_int_equal(fputs(text, f) >= 0, 1);
	assert_int_equal(fclose(f), 0);
	assert_int_equal(chmod(path, mode), 0);
}

static int count_entries(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	assert_non_null(d);
	while ((e = readdir(d)) != NULL)
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
			n++;
	closedir(d);
	return n;
}

static mode_t mode_of(const char *path)
{
	struct stat st;

	assert_int_equal(stat(path, &st), 0);
	return st.st_mode & 07777;
}

/* Each test gets a fresh folder, removed with whatever is in it. */
static int make_dir(void **state)
{
	char *dir = strdup("/tmp/pact-csv-XXXXXX");

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

static void in_dir(void **state, const char *name, char *out)
{
	snprintf(out, PATH_MAX, "%s/%s", (const char *)*state, name);
}

static const char *const tricky[][5] = {
	{ "plain", "a,b", "say \"hi\"", "two\nlines", "cr\r\nlf" },
	{ " lead", "trail ", " both ", "\ttab", "tab\t" },
	{ "coöperatie", "€ 250", "👍 emoji", "", NULL },
	{ "", NULL, "semi;colon", "tab\tinside", "\"" },
	{ "\"quoted\"", "'", "=1+1", "-5", "" },
};

static void write_and_check_round_trip(void **state, char delim, bool crlf)
{
	struct csv_out_opts opts = { .delim = delim, .crlf = crlf };
	struct pact_err err = { 0 };
	char path[PATH_MAX], *buf;
	struct csv_out w;
	struct table t;
	size_t len, nrows = sizeof tricky / sizeof tricky[0];

	in_dir(state, "round.csv", path);
	assert_int_equal(csv_out_open(&w, path, &opts, &err), PACT_OK);
	for (size_t r = 0; r < nrows; r++) {
		for (size_t c = 0; c < 5; c++)
			assert_int_equal(csv_out_field(&w, tricky[r][c]), PACT_OK);
		assert_int_equal(csv_out_end_row(&w), PACT_OK);
	}
	assert_int_equal(csv_out_int(&w, -42), PACT_OK);
	assert_int_equal(csv_out_int(&w, 9223372036854775807LL), PACT_OK);
	assert_int_equal(csv_out_end_row(&w), PACT_OK);
	assert_int_equal(csv_out_close(&w, &err), PACT_OK);

	buf = slurp(path, &len);
	parse(buf, len, delim, &t);
	free(buf);
	assert_int_equal(t.rows, (int)nrows + 1);
	for (size_t r = 0; r < nrows; r++) {
		assert_int_equal(t.cols[r], 5);
		for (size_t c = 0; c < 5; c++) {
			const char *want = tricky[r][c] ? tricky[r][c] : "";
			assert_int_equal(t.len[r][c], strlen(want));
			assert_string_equal(t.field[r][c], want);
		}
	}
	assert_int_equal(t.cols[nrows], 2);
	assert_string_equal(t.field[nrows][0], "-42");
	assert_string_equal(t.field[nrows][1], "9223372036854775807");
	table_free(&t);
}

/* Every awkward field comes back intact through libcsv's strict parser,
 * with each delimiter and line end. */
static void test_round_trip(void **state)
{
	const char delims[] = { ',', ';', '\t' };

	for (size_t i = 0; i < sizeof delims; i++) {
		write_and_check_round_trip(state, delims[i], false);
		write_and_check_round_trip(state, delims[i], true);
	}
}

/* Plain fields are not quoted; quotes are doubled; a new file is 0600, and
 * the target appears only at close (the rows go to a temporary file). */
static void test_exact_bytes(void **state)
{
	const char *const head[] = { "id", "title", "votes", NULL };
	struct pact_err err = { 0 };
	char path[PATH_MAX];
	struct csv_out w;

	in_dir(state, "ideas.csv", path);
	assert_int_equal(csv_out_open(&w, path, NULL, &err), PACT_OK);
	assert_int_equal(csv_out_header(&w, head), PACT_OK);
	assert_int_equal(csv_out_int(&w, 1), PACT_OK);
	assert_int_equal(csv_out_field(&w, "Bike lanes"), PACT_OK);
	assert_int_equal(csv_out_int(&w, 12), PACT_OK);
	assert_int_equal(csv_out_end_row(&w), PACT_OK);
	assert_int_equal(csv_out_int(&w, 2), PACT_OK);
	assert_int_equal(csv_out_field(&w, "Park \"north\", east"), PACT_OK);
	assert_int_equal(csv_out_int(&w, -3), PACT_OK);
	assert_int_equal(csv_out_end_row(&w), PACT_OK);
	/* Nothing has a name in the folder until close: the file is unnamed. */
	assert_int_equal(access(path, F_OK), -1);
	assert_int_equal(count_entries(*state), 0);
	assert_int_equal(csv_out_close(&w, &err), PACT_OK);

	ASSERT_FILE(path, "id,title,votes\n1,Bike lanes,12\n2,\"Park \"\"north\"\", east\",-3\n");
	assert_int_equal(mode_of(path), 0600);
	assert_int_equal(count_entries(*state), 1);
}

/* A row of one empty field must not become a blank line, which readers skip. */
static void test_lone_empty_field(void **state)
{
	struct pact_err err = { 0 };
	char path[PATH_MAX], *buf;
	struct csv_out w;
	struct table t;
	size_t len;

	in_dir(state, "empty.csv", path);
	assert_int_equal(csv_out_open(&w, path, NULL, &err), PACT_OK);
	assert_int_equal(csv_out_field(&w, ""), PACT_OK);
	assert_int_equal(csv_out_end_row(&w), PACT_OK);
	assert_int_equal(csv_out_field(&w, NULL), PACT_OK);
	assert_int_equal(csv_out_end_row(&w), PACT_OK);
	assert_int_equal(csv_out_field(&w, NULL), PACT_OK);
	assert_int_equal(csv_out_field(&w, NULL), PACT_OK);
	assert_int_equal(csv_out_end_row(&w), PACT_OK);
	assert_int_equal(csv_out_close(&w, &err), PACT_OK);
	ASSERT_FILE(path, "\"\"\n\"\"\n,\n");

	buf = slurp(path, &len);
	parse(buf, len, ',', &t);
	free(buf);
	assert_int_equal(t.rows, 3);
	assert_int_equal(t.cols[0], 1);
	assert_int_equal(t.cols[1], 1);
	assert_int_equal(t.cols[2], 2);
	table_free(&t);
}

static void write_row(void **state, const char *name, const struct csv_out_opts *opts,
		      const char *const *fields)
{
	struct pact_err err = { 0 };
	char path[PATH_MAX];
	struct csv_out w;

	in_dir(state, name, path);
	assert_int_equal(csv_out_open(&w, path, opts, &err), PACT_OK);
	assert_int_equal(csv_out_header(&w, fields), PACT_OK);
	assert_int_equal(csv_out_close(&w, &err), PACT_OK);
}

/* Only the chosen delimiter forces quotes; other delimiters are not allowed. */
static void test_delimiters(void **state)
{
	const char *const fields[] = { "a,b", "c;d", "e\tf", "g", NULL };
	struct csv_out_opts semi = { .delim = ';' }, tab = { .delim = '\t' };
	struct csv_out_opts pipe = { .delim = '|' }, quote = { .delim = '"' };
	struct pact_err err = { 0 };
	char path[PATH_MAX];
	struct csv_out w;

	write_row(state, "comma.csv", NULL, fields);
	write_row(state, "semi.csv", &semi, fields);
	write_row(state, "tab.csv", &tab, fields);
	in_dir(state, "comma.csv", path);
	ASSERT_FILE(path, "\"a,b\",c;d,e\tf,g\n");
	in_dir(state, "semi.csv", path);
	ASSERT_FILE(path, "a,b;\"c;d\";e\tf;g\n");
	in_dir(state, "tab.csv", path);
	ASSERT_FILE(path, "a,b\tc;d\t\"e\tf\"\tg\n");

	in_dir(state, "bad.csv", path);
	assert_int_equal(csv_out_open(&w, path, &pipe, &err), PACT_EINPUT);
	assert_non_null(strstr(err.msg, "delimiter"));
	assert_int_equal(csv_out_open(&w, path, &quote, &err), PACT_EINPUT);
	assert_int_equal(count_entries(*state), 3);
}

static void test_crlf_and_bom(void **state)
{
	const char *const fields[] = { "x\ny", "z", NULL };
	struct csv_out_opts crlf = { .crlf = true }, bom = { .bom = true };
	struct csv_out_opts both = { .crlf = true, .bom = true, .delim = ';' };
	char path[PATH_MAX];

	write_row(state, "crlf.csv", &crlf, fields);
	write_row(state, "bom.csv", &bom, fields);
	write_row(state, "both.csv", &both, fields);
	write_row(state, "none.csv", NULL, fields);
	in_dir(state, "crlf.csv", path);
	ASSERT_FILE(path, "\"x\ny\",z\r\n");
	in_dir(state, "bom.csv", path);
	ASSERT_FILE(path, "\xEF\xBB\xBF\"x\ny\",z\n");
	in_dir(state, "both.csv", path);
	ASSERT_FILE(path, "\xEF\xBB\xBF\"x\ny\";z\r\n");
	in_dir(state, "none.csv", path);
	ASSERT_FILE(path, "\"x\ny\",z\n");
}

/* Cells a spreadsheet would run as formulas get a leading ' (and quotes);
 * numbers written as numbers stay numbers. */
static void test_excel_neutralisation(void **state)
{
	const char *const cells[] = { "=SUM(A1)", "+31", "-5", "@x", "\tx", "\rx",
				      "x", "a=b", "", "=\"q\"", "'=q", NULL };
	struct csv_out_opts excel = { .excel = true };
	struct pact_err err = { 0 };
	char path[PATH_MAX], *buf;
	struct csv_out w;
	struct table t;
	size_t len;

	in_dir(state, "excel.csv", path);
	assert_int_equal(csv_out_open(&w, path, &excel, &err), PACT_OK);
	for (int i = 0; cells[i]; i++)
		assert_int_equal(csv_out_field(&w, cells[i]), PACT_OK);
	assert_int_equal(csv_out_int(&w, -5), PACT_OK);
	assert_int_equal(csv_out_end_row(&w), PACT_OK);
	assert_int_equal(csv_out_close(&w, &err), PACT_OK);
	ASSERT_FILE(path, "\"'=SUM(A1)\",\"'+31\",\"'-5\",\"'@x\",\"'\tx\",\"'\rx\","
			  "x,a=b,,\"'=\"\"q\"\"\",\"''=q\",-5\n");

	buf = slurp(path, &len);
	parse(buf, len, ',', &t);
	free(buf);
	assert_int_equal(t.cols[0], 12);
	assert_string_equal(t.field[0][0], "'=SUM(A1)");
	assert_string_equal(t.field[0][4], "'\tx");
	assert_string_equal(t.field[0][9], "'=\"q\"");
	assert_string_equal(t.field[0][10], "''=q");
	assert_string_equal(t.field[0][11], "-5");
	table_free(&t);

	write_row(state, "plain.csv", NULL, cells);
	in_dir(state, "plain.csv", path);
	ASSERT_FILE(path, "=SUM(A1),+31,-5,@x,\"\tx\",\"\rx\",x,a=b,,\"=\"\"q\"\"\",'=q\n");
}

/* Write one row to "-" with fd 1 pointing at file; returns close's status. */
static int write_stdout_to(const char *file, int flags, struct pact_err *err)
{
	const char *const fields[] = { "a", "b c", "d,e", NULL };
	int saved, fd, rc = PACT_OK;
	struct csv_out w;

	fflush(stdout);
	saved = dup(1);
	fd = open(file, flags, 0600);
	if (saved < 0 || fd < 0 || dup2(fd, 1) < 0)
		return -1;
	close(fd);
	if (csv_out_open(&w, "-", NULL, err) != PACT_OK)
		rc = -2;
	else {
		csv_out_header(&w, fields);
		rc = csv_out_close(&w, err);
	}
	fflush(stdout);
	clearerr(stdout);
	dup2(saved, 1);
	close(saved);
	return rc;
}

/* "-" writes to standard output, creates no file, and reports a failed write. */
static void test_stdout(void **state)
{
	char cwd[PATH_MAX], path[PATH_MAX];
	struct pact_err err = { 0 };
	struct stat st;
	int rc;

	assert_non_null(getcwd(cwd, sizeof cwd));
	assert_int_equal(chdir(*state), 0);
	rc = write_stdout_to("captured", O_WRONLY | O_CREAT | O_TRUNC, &err);
	assert_int_equal(chdir(cwd), 0);
	assert_int_equal(rc, PACT_OK);
	assert_int_equal(count_entries(*state), 1);
	in_dir(state, "captured", path);
	ASSERT_FILE(path, "a,b c,\"d,e\"\n");

	if (stat("/dev/full", &st) != 0 || !S_ISCHR(st.st_mode) || access("/dev/full", W_OK) != 0)
		return;
	rc = write_stdout_to("/dev/full", O_WRONLY, &err);
	assert_int_equal(rc, PACT_EINPUT);
	assert_non_null(strstr(err.msg, "standard output"));
	assert_non_null(strstr(err.msg, strerror(ENOSPC)));
}

/* Opening in a folder that does not exist fails, naming the path. */
static void test_missing_folder(void **state)
{
	struct pact_err err = { 0 };
	char path[PATH_MAX];
	struct csv_out w;

	in_dir(state, "missing/out.csv", path);
	assert_int_equal(csv_out_open(&w, path, NULL, &err), PACT_EINPUT);
	assert_int_equal(err.status, PACT_EINPUT);
	assert_non_null(strstr(err.msg, path));
	assert_non_null(strstr(err.msg, strerror(ENOENT)));
	csv_out_abort(&w);
	assert_int_equal(csv_out_field(&w, "x"), PACT_EINPUT);

	assert_int_equal(csv_out_open(&w, *state, NULL, &err), PACT_EINPUT);
	assert_non_null(strstr(err.msg, *state));
	assert_int_equal(count_entries(*state), 0);
}

static void write_many_rows(struct csv_out *w, int n, int *failures)
{
	*failures = 0;
	for (int i = 0; i < n; i++) {
		if (csv_out_int(w, i) != PACT_OK)
			++*failures;
		if (csv_out_field(w, "a field long enough to fill the stdio buffer soon, \"quoted\"") !=
		    PACT_OK)
			++*failures;
		if (csv_out_end_row(w) != PACT_OK)
			++*failures;
	}
}

/* Abort removes the temporary file and leaves the old file byte for byte;
 * a successful close replaces it and keeps its mode. */
static void test_abort_and_replace(void **state)
{
	struct pact_err err = { 0 };
	char path[PATH_MAX];
	struct csv_out w;
	int failures;

	in_dir(state, "votes.csv", path);
	write_file(path, "old,data\n", 0640);
	assert_int_equal(csv_out_open(&w, path, NULL, &err), PACT_OK);
	write_many_rows(&w, 5000, &failures);
	assert_int_equal(failures, 0);
	assert_int_equal(count_entries(*state), 1);
	csv_out_abort(&w);
	csv_out_abort(&w);
	assert_int_equal(csv_out_close(&w, &err), PACT_EINPUT);
	ASSERT_FILE(path, "old,data\n");
	assert_int_equal(mode_of(path), 0640);
	assert_int_equal(count_entries(*state), 1);

	assert_int_equal(csv_out_open(&w, path, NULL, &err), PACT_OK);
	assert_int_equal(csv_out_field(&w, "new"), PACT_OK);
	assert_int_equal(csv_out_end_row(&w), PACT_OK);
	assert_int_equal(csv_out_close(&w, &err), PACT_OK);
	ASSERT_FILE(path, "new\n");
	assert_int_equal(mode_of(path), 0640);
	assert_int_equal(count_entries(*state), 1);
}

/* Through a symbolic link the file it points to is replaced, not the link. */
static void test_symlink_target(void **state)
{
	char real[PATH_MAX], link[PATH_MAX];
	struct pact_err err = { 0 };
	struct csv_out w;
	struct stat st;

	in_dir(state, "real.csv", real);
	in_dir(state, "link.csv", link);
	write_file(real, "old\n", 0644);
	assert_int_equal(symlink("real.csv", link), 0);
	assert_int_equal(csv_out_open(&w, link, NULL, &err), PACT_OK);
	assert_int_equal(csv_out_field(&w, "new"), PACT_OK);
	assert_int_equal(csv_out_end_row(&w), PACT_OK);
	assert_int_equal(csv_out_close(&w, &err), PACT_OK);
	assert_int_equal(lstat(link, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	ASSERT_FILE(real, "new\n");
	assert_int_equal(mode_of(real), 0644);
	assert_int_equal(count_entries(*state), 2);
}

/* A pipe (like /dev/stdout) is written in place, not replaced by a rename. */
static void test_pipe_written_in_place(void **state)
{
	const char *const fields[] = { "x", "y z", NULL };
	struct pact_err err = { 0 };
	char path[PATH_MAX], buf[64];
	struct csv_out w;
	struct stat st;
	ssize_t n;
	int fd;

	in_dir(state, "pipe", path);
	assert_int_equal(mkfifo(path, 0600), 0);
	fd = open(path, O_RDONLY | O_NONBLOCK);
	assert_true(fd >= 0);
	assert_int_equal(csv_out_open(&w, path, NULL, &err), PACT_OK);
	assert_int_equal(csv_out_header(&w, fields), PACT_OK);
	assert_int_equal(csv_out_close(&w, &err), PACT_OK);
	n = read(fd, buf, sizeof buf);
	close(fd);
	assert_int_equal(n, 6);
	assert_memory_equal(buf, "x,y z\n", 6);
	assert_int_equal(stat(path, &st), 0);
	assert_true(S_ISFIFO(st.st_mode));
	assert_int_equal(count_entries(*state), 1);
}

/* /dev/full opened by name: a full device is reported at close. Skipped
 * when /dev is writable (root), where a broken writer would rename its
 * temporary file over the device; test_stdout covers /dev/full there. */
static void test_dev_full(void **state)
{
	struct pact_err err = { 0 };
	struct csv_out w;
	struct stat st;

	(void)state;
	if (access("/dev/full", W_OK) != 0 || access("/dev", W_OK) == 0)
		skip();
	assert_int_equal(csv_out_open(&w, "/dev/full", NULL, &err), PACT_OK);
	assert_int_equal(csv_out_field(&w, "lost"), PACT_OK);
	assert_int_equal(csv_out_end_row(&w), PACT_OK);
	assert_int_equal(csv_out_close(&w, &err), PACT_EINPUT);
	assert_int_equal(err.status, PACT_EINPUT);
	assert_non_null(strstr(err.msg, "/dev/full"));
	assert_non_null(strstr(err.msg, strerror(ENOSPC)));
	assert_int_equal(stat("/dev/full", &st), 0);
	assert_true(S_ISCHR(st.st_mode));
}

/* A write that fails half-way through a real file (here: the file size
 * limit, as a full disk would) is reported at close naming the path; the
 * old file stays as it was and no temporary file is left. */
static void test_write_failure_keeps_target(void **state)
{
	struct pact_err err = { 0 };
	struct rlimit old, small;
	char path[PATH_MAX];
	struct csv_out w;
	void (*old_handler)(int);
	int failures = 0, rc_open, rc_close = -1, rc_after = -1;

	in_dir(state, "tally.csv", path);
	write_file(path, "old,tally\n", 0644);
	assert_int_equal(getrlimit(RLIMIT_FSIZE, &old), 0);
	small = old;
	small.rlim_cur = 4096;
	old_handler = signal(SIGXFSZ, SIG_IGN);
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &small), 0);
	rc_open = csv_out_open(&w, path, NULL, &err);
	if (rc_open == PACT_OK) {
		write_many_rows(&w, 1000, &failures);
		rc_after = csv_out_field(&w, "x");
		rc_close = csv_out_close(&w, &err);
	}
	setrlimit(RLIMIT_FSIZE, &old);
	signal(SIGXFSZ, old_handler);

	assert_int_equal(rc_open, PACT_OK);
	assert_true(failures > 0);
	assert_int_equal(rc_after, PACT_EINPUT);
	assert_int_equal(rc_close, PACT_EINPUT);
	assert_non_null(strstr(err.msg, path));
	assert_non_null(strstr(err.msg, strerror(EFBIG)));
	ASSERT_FILE(path, "old,tally\n");
	assert_int_equal(count_entries(*state), 1);
}

/* Write one row "new" to path and close; the status of open, or of close. */
static int write_new(const char *path, struct pact_err *err)
{
	struct csv_out w;
	int rc = csv_out_open(&w, path, NULL, err);

	if (rc != PACT_OK)
		return rc;
	csv_out_field(&w, "new");
	csv_out_end_row(&w);
	return csv_out_close(&w, err);
}

/* A read-only file is refused, also for root (who passes access(2)). */
static void test_refuses_read_only(void **state)
{
	struct pact_err err = { 0 };
	char path[PATH_MAX];

	in_dir(state, "ro.csv", path);
	write_file(path, "keep\n", 0444);
	assert_int_equal(write_new(path, &err), PACT_EINPUT);
	assert_non_null(strstr(err.msg, path));
	assert_non_null(strstr(err.msg, "read-only"));
	ASSERT_FILE(path, "keep\n");
	assert_int_equal(mode_of(path), 0444);
	assert_int_equal(count_entries(*state), 1);
}

/* Another user's file is not taken over (only root can make one here). */
static void test_refuses_other_owner(void **state)
{
	struct pact_err err = { 0 };
	char path[PATH_MAX];
	struct stat st;

	if (geteuid() != 0)
		skip();
	in_dir(state, "theirs.csv", path);
	write_file(path, "theirs\n", 0666);
	assert_int_equal(chown(path, 65534, 65534), 0);
	assert_int_equal(write_new(path, &err), PACT_EINPUT);
	assert_non_null(strstr(err.msg, "another user"));
	ASSERT_FILE(path, "theirs\n");
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_uid, 65534);
}

/* A link to nothing is refused: nothing is written at its target, and the
 * link stays a link. */
static void test_refuses_dangling_symlink(void **state)
{
	char link[PATH_MAX], missing[PATH_MAX];
	struct pact_err err = { 0 };
	struct stat st;

	in_dir(state, "link.csv", link);
	in_dir(state, "missing.csv", missing);
	assert_int_equal(symlink(missing, link), 0);
	assert_int_equal(write_new(link, &err), PACT_EINPUT);
	assert_non_null(strstr(err.msg, "symbolic link"));
	assert_int_equal(lstat(link, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	assert_int_equal(access(missing, F_OK), -1);
	assert_int_equal(count_entries(*state), 1);
}

/* A writable file is replaced by a new inode: a reader holding the old one
 * still reads the old content whole, the name gives the new content whole. */
static void test_replace_is_atomic(void **state)
{
	struct pact_err err = { 0 };
	char path[PATH_MAX], buf[16] = { 0 };
	struct stat before, after;
	int fd;

	in_dir(state, "r.csv", path);
	write_file(path, "old,data\n", 0640);
	assert_int_equal(stat(path, &before), 0);
	fd = open(path, O_RDONLY);
	assert_true(fd >= 0);
	assert_int_equal(write_new(path, &err), PACT_OK);
	assert_int_equal(stat(path, &after), 0);
	assert_true(before.st_ino != after.st_ino);
	assert_int_equal(read(fd, buf, sizeof buf - 1), 9);
	close(fd);
	assert_string_equal(buf, "old,data\n");
	ASSERT_FILE(path, "new\n");
	assert_int_equal(mode_of(path), 0640);
	assert_int_equal(count_entries(*state), 1);
}

static void touch_in(void **state, const char *name)
{
	char path[PATH_MAX];

	in_dir(state, name, path);
	write_file(path, "partial", 0600);
}

/* Temporary names of a killed export (its pid gone) are cleaned up by the
 * next export into that folder; those of live processes are left alone. */
static void test_cleans_stale_temp(void **state)
{
	char dead[64], mine[64], path[PATH_MAX];
	struct pact_err err = { 0 };
	pid_t child = fork();

	assert_true(child >= 0);
	if (child == 0)
		_exit(0);
	assert_int_equal(waitpid(child, NULL, 0), child);
	snprintf(dead, sizeof dead, CSV_TEMP_PREFIX "%ld-ab12cd", (long)child);
	snprintf(mine, sizeof mine, CSV_TEMP_PREFIX "%ld-ab12cd", (long)getpid());
	touch_in(state, dead);
	touch_in(state, mine);
	touch_in(state, CSV_TEMP_PREFIX "1-ab12cd");
	touch_in(state, ".pact-export-notes");
	in_dir(state, "out.csv", path);
	assert_int_equal(write_new(path, &err), PACT_OK);
	in_dir(state, dead, path);
	assert_int_equal(access(path, F_OK), -1);
	assert_int_equal(count_entries(*state), 4);
}

#define DIR_TEST(f) cmocka_unit_test_setup_teardown(f, make_dir, remove_dir)

int main(void)
{
	const struct CMUnitTest tests[] = {
		DIR_TEST(test_round_trip),
		DIR_TEST(test_exact_bytes),
		DIR_TEST(test_lone_empty_field),
		DIR_TEST(test_delimiters),
		DIR_TEST(test_crlf_and_bom),
		DIR_TEST(test_excel_neutralisation),
		DIR_TEST(test_stdout),
		DIR_TEST(test_missing_folder),
		DIR_TEST(test_abort_and_replace),
		DIR_TEST(test_symlink_target),
		DIR_TEST(test_pipe_written_in_place),
		DIR_TEST(test_dev_full),
		DIR_TEST(test_write_failure_keeps_target),
		DIR_TEST(test_refuses_read_only),
		DIR_TEST(test_refuses_other_owner),
		DIR_TEST(test_refuses_dangling_symlink),
		DIR_TEST(test_replace_is_atomic),
		DIR_TEST(test_cleans_stale_temp),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests_name("csv", tests, NULL, NULL);
}
