/* pact poll new|list|close|show, and the ballots and results of a poll on
 * the command line. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ballot_file.h"
#include "cli_cmds.h"
#include "csv.h"
#include "db.h"
#include "i18n.h"
#include "kind.h"
#include "poll.h"
#include "brainstorm_session.h"
#include "sql.h"
#include "tally_out.h"
#include "secret.h"
#include "visible.h"
#include "votecode.h"

static void params_from(const struct tally_input *in, struct poll_params *p)
{
	p->method = in->method;
	p->dots = in->dots;
	p->max_per_option = in->max_per_option;
	p->lo = in->lo;
	p->hi = in->hi;
	p->budget = in->budget;
	p->complete = in->complete;
	p->lot = in->lot;
	p->seed = in->seed;
}

/* Options of a standalone poll from an option,cost file. */
static int add_options_file(sqlite3 *db, int64_t poll, const char *path, bool pb,
			    struct pact_err *err)
{
	struct ballots b;
	int rc;

	ballots_init(&b);
	rc = ballots_read_options(&b, path, pb, err);
	if (rc == PACT_OK)
		rc = poll_add_options(db, poll, &b, err);
	ballots_free(&b);
	return rc;
}

static int poll_new(const struct cli_opts *opts, int argc, char **argv)
{
	static const struct option longopts[] = {
		CLI_METHOD_OPTIONS,
		{ "session", required_argument, NULL, 'S' },
		{ "title", required_argument, NULL, 'T' },
		{ "from", required_argument, NULL, 'F' },
		{ "options", required_argument, NULL, 'o' },
		{ "open", no_argument, NULL, 'O' },
		{ NULL, 0, NULL, 0 },
	};
	struct tally_input in = { 0 };
	struct poll_params params;
	bool open = false;
	const char *session = NULL, *title = NULL, *options = NULL;
	enum poll_source from = POLL_FROM_IDEAS;
	bool have_method = false, pb;
	struct pact_err err;
	sqlite3 *db;
	int64_t session_id = 0, id;
	int c, rc = PACT_OK;

	cli_getopt_begin();
	while (rc == PACT_OK && (c = cli_getopt(argc, argv, longopts)) != -1) {
		if ((rc = cli_method_option(c, optarg, &in, &have_method)) >= 0)
			continue;
		rc = PACT_OK;
		if (c == 'S')
			session = optarg;
		else if (c == 'T')
			title = optarg;
		else if (c == 'o')
			options = optarg;
		else if (c == 'O')
			open = true;
		else if (c == 'F' && (strcmp(optarg, "ideas") == 0 || strcmp(optarg, "clusters") == 0))
			from = strcmp(optarg, "ideas") == 0 ? POLL_FROM_IDEAS : POLL_FROM_CLUSTERS;
		else if (c == 'F')
			return cli_usage_error(_("--from takes ideas or clusters, not '%s'"), optarg);
		else
			return PACT_EUSAGE; /* cli_getopt said which option */
	}
	if (rc != PACT_OK)
		return rc;
	if (!have_method || optind < argc || (!session && !options) || (session && options))
		return cli_usage_error("%s", _("usage: pact poll new --method METHOD (--session "
					       "SESSION [--from ideas|clusters] | --options FILE) "
					       "[--title T] [--open] [method options as for pact tally]"));
	pb = tally_method_has(in.method, TALLY_BUDGET);
	if (pb && (!options || in.budget <= 0))
		return cli_usage_error("%s", _("pb-greedy and pb-mes need --options FILE with costs "
					       "and --budget AMOUNT"));
	params_from(&in, &params);
	params.open = open;
	if ((rc = cli_open_db(opts, &db, NULL, 0)) != PACT_OK)
		return rc;
	rc = session ? session_find(db, session, &session_id, &err) : PACT_OK;
	if (rc == PACT_OK && (rc = db_begin(db, &err)) == PACT_OK) {
		rc = poll_create(db, session_id, title ? title : _("Poll"), &params,
				 options ? POLL_FROM_NONE : from, &id, &err);
		if (rc == PACT_OK && options)
			rc = add_options_file(db, id, options, pb, &err);
		rc = rc == PACT_OK ? db_commit(db, &err) : (db_rollback(db), rc);
	}
	if (rc == PACT_OK)
		printf("%lld\n", (long long)id);
	else
		cli_report(&err);
	db_close(db);
	return rc;
}

static int poll_list(const struct cli_opts *opts)
{
	struct pact_err err;
	sqlite3 *db;
	sqlite3_stmt *st;
	int rc;

	if ((rc = cli_open_db(opts, &db, NULL, 0)) != PACT_OK)
		return rc;
	st = sql_query(db, &err,
		       "SELECT p.id, p.method, (SELECT count(*) FROM poll_option o WHERE o.poll_id = "
		       "p.id), (SELECT count(*) FROM ballot b WHERE b.poll_id = p.id), p.closed, "
		       "p.title, coalesce(s.title, '') FROM poll p LEFT JOIN session s ON s.id = "
		       "p.session_id ORDER BY p.id",
		       "");
	if (!st) {
		db_close(db);
		return cli_report(&err);
	}
	fprintf(visible_stdout(), "%6s  %-10s %7s %7s  %s\n", _("ID"), _("METHOD"), _("OPTIONS"),
		_("BALLOTS"),
	       _("TITLE"));
	while (sqlite3_step(st) == SQLITE_ROW)
		fprintf(visible_stdout(), "%6lld  %-10s %7d %7d  %s%s%s%s\n", sqlite3_column_int64(st, 0),
		       sqlite3_column_text(st, 1), sqlite3_column_int(st, 2), sqlite3_column_int(st, 3),
		       sqlite3_column_text(st, 5), sqlite3_column_text(st, 6)[0] ? " — " : "",
		       sqlite3_column_text(st, 6), sqlite3_column_int(st, 4) ? _(" (closed)") : "");
	sqlite3_finalize(st);
	db_close(db);
	return PACT_OK;
}

/* Open the database and find the poll named by ref. */
static int open_poll(const struct cli_opts *opts, const char *ref, sqlite3 **db, int64_t *id)
{
	struct pact_err err;
	int rc = cli_open_db(opts, db, NULL, 0);

	if (rc == PACT_OK && (rc = poll_find(*db, ref, id, &err)) != PACT_OK) {
		cli_report(&err);
		db_close(*db);
	}
	return rc;
}

/* The result of a poll, as pact tally prints it for the same ballots. */
static int poll_result(sqlite3 *db, int64_t poll, bool csv, struct pact_err *err)
{
	struct ballots b;
	struct tally_input in;
	struct tally_result r = { 0 };
	int rc = poll_load(db, poll, &b, &in, err);

	if (rc == PACT_OK)
		rc = tally_run(&in, &r, err);
	if (rc == PACT_OK && csv)
		rc = tally_write_csv("-", NULL, &in, &r, err);
	else if (rc == PACT_OK)
		tally_print(visible_stdout(), &in, &r);
	tally_free(&r);
	ballots_free(&b);
	return rc;
}

static int poll_show(const struct cli_opts *opts, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	struct pact_err err;
	bool csv = false;
	sqlite3 *db;
	int64_t id;
	int c, rc;

	cli_getopt_begin();
	while ((c = cli_getopt(argc, argv, longopts)) != -1) {
		if (c == '?')
			return PACT_EUSAGE;
		if (c != 'f' || (strcmp(optarg, "text") && strcmp(optarg, "csv")))
			return cli_usage_error("%s", _("usage: pact poll show POLL [--format text|csv]"));
		csv = strcmp(optarg, "csv") == 0;
	}
	if (argc - optind != 1)
		return cli_usage_error("%s", _("usage: pact poll show POLL [--format text|csv]"));
	if ((rc = open_poll(opts, argv[optind], &db, &id)) != PACT_OK)
		return rc;
	if ((rc = poll_result(db, id, csv, &err)) != PACT_OK)
		cli_report(&err);
	db_close(db);
	return rc;
}

/* pact poll close|unlock|history POLL: one poll, one core call, and what
 * to say when it went well (NULL: nothing). */
static int one_poll_cmd(const struct cli_opts *opts, int argc, char **argv, const char *usage,
			int (*fn)(sqlite3 *db, int64_t id, struct pact_err *err), const char *done)
{
	struct pact_err err;
	sqlite3 *db;
	int64_t id;
	int rc;

	if (argc != 2)
		return cli_usage_error("%s", usage);
	if ((rc = open_poll(opts, argv[1], &db, &id)) != PACT_OK)
		return rc;
	if ((rc = fn(db, id, &err)) != PACT_OK)
		cli_report(&err);
	else if (done)
		fprintf(stderr, "%s\n", done);
	db_close(db);
	return rc;
}

/* pact poll codes POLL --count N [FILE]: one-time voter codes to print. */
static int poll_codes_cmd(const struct cli_opts *opts, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "count", required_argument, NULL, 'n' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	const char *usage = _("usage: pact poll codes POLL --count N [FILE] [--format text|csv]");
	char (*codes)[VOTECODE_SIZE] = NULL, *end;
	const char *path = "-";
	struct pact_err err;
	long long count = 0;
	int format = -1, c, rc;
	sqlite3 *db;
	int64_t id;

	cli_getopt_begin();
	while ((c = cli_getopt(argc, argv, longopts)) != -1) {
		if (c == '?')
			return PACT_EUSAGE;
		if (c == 'n' && (count = strtoll(optarg, &end, 10), *optarg && !*end))
			continue;
		if (c == 'f' && (strcmp(optarg, "text") == 0 || strcmp(optarg, "csv") == 0)) {
			format = strcmp(optarg, "csv") == 0;
			continue;
		}
		return cli_usage_error("%s", usage);
	}
	if (argc - optind < 1 || argc - optind > 2 || count == 0)
		return cli_usage_error("%s", usage);
	if (argc - optind == 2)
		path = argv[optind + 1];
	if (format < 0) /* by the file's name */
		format = strlen(path) > 4 && strcasecmp(path + strlen(path) - 4, ".csv") == 0;
	if ((rc = open_poll(opts, argv[optind], &db, &id)) != PACT_OK)
		return rc;
	rc = votecode_make(db, id, count, &codes, &err);
	if (rc == PACT_OK)
		rc = votecode_write(path, format == 1, codes, count, &err);
	if (rc != PACT_OK)
		cli_report(&err);
	else if (strcmp(path, "-") != 0)
		fprintf(stderr, ngettext("pact: %lld voter code written to %s; each casts one ballot\n",
					 "pact: %lld voter codes written to %s; each casts one ballot\n",
					 (unsigned long)count),
			count, path);
	free(codes);
	db_close(db);
	return rc;
}

static void print_event(void *ctx, const char *at, const char *text)
{
	(void)ctx;
	fprintf(visible_stdout(), "%s  %s\n", at, text);
}

static int print_history(sqlite3 *db, int64_t id, struct pact_err *err)
{
	return poll_history(db, id, print_event, NULL, err);
}

int cli_poll(const struct cli_opts *opts, int argc, char **argv)
{
	if (argc >= 2 && strcmp(argv[1], "new") == 0)
		return poll_new(opts, argc - 1, argv + 1);
	if (argc == 2 && strcmp(argv[1], "list") == 0)
		return poll_list(opts);
	if (argc >= 2 && strcmp(argv[1], "show") == 0)
		return poll_show(opts, argc - 1, argv + 1);
	if (argc >= 2 && strcmp(argv[1], "close") == 0)
		return one_poll_cmd(opts, argc - 1, argv + 1, _("usage: pact poll close POLL"),
				    poll_close, NULL);
	if (argc >= 2 && strcmp(argv[1], "codes") == 0)
		return poll_codes_cmd(opts, argc - 1, argv + 1);
	/* a forgotten PIN: the secret vote ends, and the poll's history says so */
	if (argc >= 2 && strcmp(argv[1], "unlock") == 0)
		return one_poll_cmd(opts, argc - 1, argv + 1, _("usage: pact poll unlock POLL"),
				    secret_override,
				    _("pact: the secret vote is ended without the PIN; the poll's "
				      "history says so"));
	if (argc >= 2 && strcmp(argv[1], "history") == 0)
		return one_poll_cmd(opts, argc - 1, argv + 1, _("usage: pact poll history POLL"),
				    print_history, NULL);
	return cli_usage_error("%s",
			       _("usage: pact poll new|list|show|close|codes|unlock|history …"));
}

/* A poll kind on the command line: pact export|import results|ballots --poll POLL FILE. */
int cli_poll_kind(const struct cli_opts *opts, const struct poll_kind *k, bool import,
		  const char *poll, const char *path, const struct csv_out_opts *o, bool with_names)
{
	struct pact_err err;
	char counted[CLI_COUNT_MAX];
	sqlite3 *db;
	int64_t id, count;
	int rc;

	if (import && !k->import_fn)
		return cli_usage_error(_("%s cannot be imported; it is worked out from the ballots"),
				       k->name);
	if (!poll)
		return cli_usage_error(_("usage: pact %s %s --poll POLL FILE"),
				       import ? "import" : "export", k->name);
	if ((rc = open_poll(opts, poll, &db, &id)) != PACT_OK)
		return rc;
	rc = import ? k->import_fn(db, id, path, &count, &err)
		    : k->export_fn(db, id, path, o, with_names, &count, &err);
	if (rc != PACT_OK)
		cli_report(&err);
	else if (import)
		/* TRANSLATORS: %s is a number of records, "4 ballots" */
		fprintf(stderr, _("pact: imported %s\n"),
			cli_kind_count(k->name, count, counted, sizeof counted));
	db_close(db);
	return rc;
}

/* pact vote POLL: the live ballot in this terminal. */
int cli_vote(const struct cli_opts *opts, int argc, char **argv)
{
	struct screens_request req = { .vote = true };
	char path[4096];
	struct pact_err err;
	sqlite3 *db;
	int rc;

	if (argc != 2)
		return cli_usage_error("%s", _("usage: pact vote POLL"));
	if ((rc = cli_open_db(opts, &db, path, sizeof path)) != PACT_OK)
		return rc;
	if ((rc = poll_find(db, argv[1], &req.poll_id, &err)) != PACT_OK)
		cli_report(&err);
	else
		rc = opts->screens(db, path, &req);
	db_close(db);
	return rc;
}
