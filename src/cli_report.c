/* pact report session SESSION [FILE] | programme [FILE]: a report in
 * Markdown or HTML (report.c), to stdout or written whole into FILE
 * (report_write). */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "brainstorm_session.h"
#include "cli_cmds.h"
#include "db.h"
#include "i18n.h"
#include "report.h"

static int usage(void)
{
	return cli_usage_error("%s", _("usage: pact report session SESSION [FILE] [--with-names] | "
				       "programme [FILE] [--format md|html]"));
}

/* The format: --format when given, else by FILE's extension, else Markdown. */
static int choose_format(const char *format, const char *path, enum report_format *f)
{
	*f = REPORT_MARKDOWN;
	if (format && !report_format_parse(format, f))
		return cli_usage_error(_("--format takes md, markdown or html, not '%s'"), format);
	if (!format && path && strcmp(path, "-") != 0 && !report_format_of_path(path, f))
		return cli_usage_error(_("%s: the file's extension names no report format; end it "
					 "in .md or .html, or give --format md|html"),
				       path);
	return PACT_OK;
}

int cli_report_run(const struct cli_opts *opts, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "with-names", no_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 },
	};
	const char *format = NULL, *path = "-";
	enum report_format f;
	struct pact_err err;
	bool with_names = false, session;
	int64_t id = 0;
	sqlite3 *db;
	int c, rc, operands;

	if (argc < 2)
		return usage();
	session = strcmp(argv[1], "session") == 0;
	if (!session && strcmp(argv[1], "programme") != 0)
		return usage();
	argc--, argv++;
	cli_getopt_begin();
	while ((c = cli_getopt(argc, argv, longopts)) != -1) {
		if (c == '?')
			return PACT_EUSAGE;
		if (c == 'f')
			format = optarg;
		else if (c == 'n' && session)
			with_names = true;
		else
			return usage();
	}
	operands = argc - optind - (session ? 1 : 0);
	if (operands < 0 || operands > 1)
		return usage();
	if (operands == 1)
		path = argv[argc - 1];
	if ((rc = choose_format(format, path, &f)) != PACT_OK)
		return rc;
	if ((rc = cli_open_db(opts, &db, NULL, 0)) != PACT_OK)
		return rc;
	if (session)
		rc = session_find(db, argv[optind], &id, &err);
	if (rc == PACT_OK)
		rc = report_write(db, id, path, f, with_names, &err);
	if (rc != PACT_OK)
		cli_report(&err);
	else if (strcmp(path, "-") != 0)
		fprintf(stderr, _("pact: report written to %s\n"), path);
	db_close(db);
	return rc;
}
