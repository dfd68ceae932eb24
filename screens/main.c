/* pact: the command line and, without a subcommand, the screens. */
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "db.h"
#include "i18n.h"
#include "privacy.h"
#include "ui/tui.h"
#include "visible.h"
#include "werkvorm.h"

/* --lang must act before the first message, so look for it first. */
static const char *early_lang(int argc, char **argv)
{
	for (int i = 1; i < argc && argv[i]; i++) {
		if (strcmp(argv[i], "--") == 0)
			break;
		const char *v = NULL;
		if (strcmp(argv[i], "--lang") == 0 && i + 1 < argc)
			v = argv[i + 1];
		else if (strncmp(argv[i], "--lang=", 7) == 0)
			v = argv[i] + 7;
		if (v && (strcmp(v, "nl") == 0 || strcmp(v, "en") == 0))
			return v;
	}
	return NULL;
}

int main(int argc, char **argv)
{
	struct cli_opts opts;
	struct pact_err err;
	char path[PATH_MAX];
	sqlite3 *db;
	int rc;

	/* A file that may not grow (ulimit -f) must give an error to report,
	 * not a signal that ends pact mid-write. */
	signal(SIGXFSZ, SIG_IGN);
	/* Messages quote stored text and file content: never raw to a terminal
	 * (glibc lets stderr be set like any variable). */
	FILE *messages = visible_stream(stderr);
	if (messages) {
		setvbuf(messages, NULL, _IOLBF, 0);
		stderr = messages;
	}
	i18n_init(early_lang(argc, argv));
	if ((rc = cli_parse(argc, argv, &opts)) >= 0)
		return rc;
	opts.screens = tui_run;
	if (opts.argc > 0)
		return cli_run(&opts);
	if (db_resolve_path(opts.db, path, sizeof path, &err) != PACT_OK ||
	    db_open(path, &db, &err) != PACT_OK ||
	    (werkvorm_seed(db, &err) != PACT_OK && (db_close(db), true))) {
		fprintf(stderr, "pact: %s\n", err.msg);
		return err.status;
	}
	if (privacy_mode_warning(path, err.msg, sizeof err.msg))
		fprintf(stderr, _("pact: warning: %s\n"), err.msg);
	rc = tui_run(db, path, &(struct screens_request){ .tree = opts.tree });
	db_close(db);
	return rc;
}
