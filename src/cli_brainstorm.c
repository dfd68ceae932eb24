/* Brainstorm subcommands: session new|list, idea add, export ideas,
 * brainstorm, join. */
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli_cmds.h"
#include "csv.h"
#include "db.h"
#include "i18n.h"
#include "brainstorm_idea.h"
#include "brainstorm_session.h"
#include "sql.h"
#include "value.h"
#include "visible.h"

static int session_new(const struct cli_opts *opts, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "question", required_argument, NULL, 'q' },
		{ "facilitator", required_argument, NULL, 'f' },
		{ "location", required_argument, NULL, 'l' },
		{ "date", required_argument, NULL, 'd' },
		{ "retain-until", required_argument, NULL, 'r' },
		{ NULL, 0, NULL, 0 },
	};
	struct session_fields f = { 0 };
	struct pact_err err;
	sqlite3 *db;
	int64_t id;
	int c, rc;

	cli_getopt_begin();
	while ((c = cli_getopt(argc, argv, longopts)) != -1) {
		switch (c) {
		case 'q': f.question = optarg; break;
		case 'f': f.facilitator = optarg; break;
		case 'l': f.location = optarg; break;
		case 'd': f.date = optarg; break;
		case 'r': f.retain_until = optarg; break;
		default: return PACT_EUSAGE;
		}
	}
	if (argc - optind != 1)
		return cli_usage_error(_("usage: pact session new TITLE [--question Q] "
					 "[--facilitator F] [--location L] [--date YYYY-MM-DD] "
					 "[--retain-until YYYY-MM-DD]"));
	f.title = argv[optind];
	if ((rc = cli_open_db(opts, &db, NULL, 0)) != PACT_OK)
		return rc;
	rc = session_create(db, &f, &id, &err);
	if (rc == PACT_OK)
		printf("%lld\n", (long long)id);
	else
		cli_report(&err);
	db_close(db);
	return rc;
}

static const char *const session_columns[] = {
	"id", "uuid", "title", "date", "ideas", "participants", "archived", NULL,
};

static int session_list(const struct cli_opts *opts, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	struct pact_err err;
	struct csv_out w;
	sqlite3 *db;
	sqlite3_stmt *st;
	bool csv = false;
	int c, rc;

	cli_getopt_begin();
	while ((c = cli_getopt(argc, argv, longopts)) != -1) {
		if (c != 'f')
			return PACT_EUSAGE;
		if (strcmp(optarg, "csv") != 0 && strcmp(optarg, "text") != 0)
			return cli_usage_error(_("--format takes text or csv, not '%s'"), optarg);
		csv = strcmp(optarg, "csv") == 0;
	}
	if (optind < argc)
		return cli_usage_error(_("session list takes no arguments, got '%s'"), argv[optind]);
	if ((rc = cli_open_db(opts, &db, NULL, 0)) != PACT_OK)
		return rc;
	st = sql_query(db, &err,
		       "SELECT s.id, s.uuid, s.title, s.date, (SELECT count(*) FROM idea i WHERE "
		       "i.session_id = s.id AND i.merged_into IS NULL), " SESSION_PEOPLE_SQL
		       ", s.archived FROM session s "
		       "ORDER BY s.date DESC, s.id DESC",
		       "");
	rc = st ? PACT_OK : PACT_EDB;
	if (rc == PACT_OK && csv && (rc = csv_out_open(&w, "-", NULL, &err)) == PACT_OK)
		rc = csv_out_header(&w, session_columns);
	if (rc == PACT_OK && !csv)
		fprintf(visible_stdout(), "%6s  %-10s  %5s  %5s  %s\n", _("ID"), _("DATE"), _("IDEAS"),
			_("PEOPLE"), _("TITLE"));
	while (rc == PACT_OK && sqlite3_step(st) == SQLITE_ROW) {
		if (!csv) {
			char date[32];
			value_date_show((const char *)sqlite3_column_text(st, 3),
					strcmp(i18n_lang(), "nl") == 0, date);
			fprintf(visible_stdout(), "%6lld  %-10s  %5d  %5s  %s%s\n",
				sqlite3_column_int64(st, 0), date, sqlite3_column_int(st, 4),
				sqlite3_column_text(st, 5), sqlite3_column_text(st, 2),
				sqlite3_column_int(st, 6) ? _(" (archived)") : "");
			continue;
		}
		for (int i = 0; i < 7 && rc == PACT_OK; i++)
			rc = csv_out_field(&w, (const char *)sqlite3_column_text(st, i));
		if (rc == PACT_OK)
			rc = csv_out_end_row(&w);
	}
	if (csv && st)
		rc = csv_out_close(&w, &err) || rc;
	if (rc != PACT_OK)
		cli_report(&err);
	sqlite3_finalize(st);
	db_close(db);
	return rc;
}

int cli_session(const struct cli_opts *opts, int argc, char **argv)
{
	if (argc >= 2 && strcmp(argv[1], "new") == 0)
		return session_new(opts, argc - 1, argv + 1);
	if (argc >= 2 && strcmp(argv[1], "list") == 0)
		return session_list(opts, argc - 1, argv + 1);
	return cli_usage_error(_("usage: pact session new TITLE … | pact session list [--format csv]"));
}

/* A participant of the session by alias; reports when there is none. */
static int find_participant(sqlite3 *db, int64_t session_id, const char *alias, int64_t *id,
			    struct pact_err *err)
{
	if (participant_by_alias(db, session_id, alias, id, err) != PACT_OK)
		return PACT_EDB;
	if (!*id)
		return err_set(err, PACT_EINPUT, _("participant: no '%s' in this session"), alias);
	return PACT_OK;
}

int cli_idea(const struct cli_opts *opts, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "participant", required_argument, NULL, 'p' },
		{ NULL, 0, NULL, 0 },
	};
	const char *alias = NULL;
	struct pact_err err;
	sqlite3 *db;
	int64_t session_id, participant = 0, id;
	int c, rc;

	if (argc < 2 || strcmp(argv[1], "add") != 0)
		return cli_usage_error(_("usage: pact idea add SESSION TEXT [--participant ALIAS]"));
	argc--, argv++;
	cli_getopt_begin();
	while ((c = cli_getopt(argc, argv, longopts)) != -1) {
		if (c != 'p')
			return PACT_EUSAGE;
		alias = optarg;
	}
	if (argc - optind != 2)
		return cli_usage_error(_("usage: pact idea add SESSION TEXT [--participant ALIAS]"));
	if ((rc = cli_open_db(opts, &db, NULL, 0)) != PACT_OK)
		return rc;
	rc = session_find(db, argv[optind], &session_id, &err);
	if (rc == PACT_OK && alias)
		rc = find_participant(db, session_id, alias, &participant, &err);
	if (rc == PACT_OK)
		rc = idea_add(db, session_id, argv[optind + 1], participant, (int64_t)time(NULL), &id,
			      &err);
	if (rc == PACT_OK)
		printf("%lld\n", (long long)id);
	else
		cli_report(&err);
	db_close(db);
	return rc;
}

/* Open the screens as asked; a session named must exist. */
static int open_screens(const struct cli_opts *opts, struct screens_request *req,
			const char *session, const char *alias)
{
	char path[PATH_MAX];
	struct pact_err err;
	struct participant_fields pf = { .alias = alias };
	sqlite3 *db;
	int rc;

	if ((rc = cli_open_db(opts, &db, path, sizeof path)) != PACT_OK)
		return rc;
	rc = session ? session_find(db, session, &req->session_id, &err) : PACT_OK;
	if (rc == PACT_OK && alias) {
		rc = participant_by_alias(db, req->session_id, alias, &req->participant_id, &err);
		if (rc == PACT_OK && !req->participant_id)
			rc = participant_add(db, req->session_id, &pf, &req->participant_id, &err);
	}
	req->tree = opts->tree;
	if (rc == PACT_OK)
		rc = opts->screens(db, path, req);
	else
		cli_report(&err);
	db_close(db);
	return rc;
}

int cli_brainstorm(const struct cli_opts *opts, int argc, char **argv)
{
	struct screens_request req = { .panel = "brainstorm" };

	if (argc > 2)
		return cli_usage_error(_("usage: pact brainstorm [SESSION]"));
	return open_screens(opts, &req, argc == 2 ? argv[1] : NULL, NULL);
}

int cli_join(const struct cli_opts *opts, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "as", required_argument, NULL, 'a' },
		{ NULL, 0, NULL, 0 },
	};
	struct screens_request req = { .panel = "brainstorm", .join = true };
	const char *alias = NULL;
	int c;

	cli_getopt_begin();
	while ((c = cli_getopt(argc, argv, longopts)) != -1) {
		if (c != 'a')
			return PACT_EUSAGE;
		alias = optarg;
	}
	if (argc - optind != 1)
		return cli_usage_error(_("usage: pact join SESSION [--as ALIAS]"));
	return open_screens(opts, &req, argv[optind], alias);
}
