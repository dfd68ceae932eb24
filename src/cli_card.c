/* pact card from-idea IDEA | from-cluster CLUSTER | from-poll POLL [--top N]:
 * experiment cards from a stretch session (card_source.c). */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "card_source.h"
#include "cli_cmds.h"
#include "db.h"
#include "i18n.h"
#include "poll.h"
#include "sql.h"
#include "value.h"

static int usage(void)
{
	return cli_usage_error("%s", _("usage: pact card from-idea IDEA | from-cluster CLUSTER | "
				       "from-poll POLL [--top N] [--owner NAME]"));
}

/* One line per card: "card 12: made" or "card 12: there already". */
static void say(int64_t card, bool existed)
{
	if (existed)
		printf(_("card %lld: made before, no second one\n"), (long long)card);
	else
		printf(_("card %lld: made in the Idea column\n"), (long long)card);
}

/* An idea or a cluster by its number, or by its UUID (the id column of an
 * export). */
static int find_ref(sqlite3 *db, bool idea, const char *ref, int64_t *id, struct pact_err *err)
{
	char uuid[37];
	int found = 0;

	if (value_int(ref, 1, INT64_MAX, id, err) == PACT_OK)
		return PACT_OK;
	if (value_uuid(ref, uuid, err) != PACT_OK)
		return err_set(err, PACT_EUSAGE, _("%s: give a number or a UUID, not '%s'"),
			       idea ? "from-idea" : "from-cluster", ref);
	if (sql_int(db, id, &found, err,
		    idea ? "SELECT id FROM idea WHERE uuid = ?" : "SELECT id FROM cluster WHERE uuid = ?",
		    "t", uuid) != PACT_OK)
		return PACT_EDB;
	if (!found)
		return err_set(err, PACT_EINPUT, idea ? _("no idea %s") : _("no cluster %s"), uuid);
	return PACT_OK;
}

int cli_card(const struct cli_opts *opts, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "top", required_argument, NULL, 't' },
		{ "owner", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 },
	};
	const char *what, *owner = NULL;
	int64_t top = 1, id = 0, card;
	struct card_made *made = NULL;
	struct pact_err err;
	size_t n = 0;
	bool existed, poll;
	sqlite3 *db;
	int c, rc;

	if (argc < 2)
		return usage();
	what = argv[1];
	poll = strcmp(what, "from-poll") == 0;
	if (!poll && strcmp(what, "from-idea") != 0 && strcmp(what, "from-cluster") != 0)
		return usage();
	argc--, argv++;
	cli_getopt_begin();
	while ((c = cli_getopt(argc, argv, longopts)) != -1) {
		if (c == 'o')
			owner = optarg;
		else if (c == 't' && poll && value_int(optarg, 1, 1000000, &top, &err) != PACT_OK)
			return cli_usage_error("--top: %s", err.msg);
		else if (c != 't' || !poll)
			return c == '?' ? PACT_EUSAGE : usage();
	}
	if (argc - optind != 1)
		return usage();
	if ((rc = cli_open_db(opts, &db, NULL, 0)) != PACT_OK)
		return rc;
	if (poll)
		rc = poll_find(db, argv[optind], &id, &err);
	else
		rc = find_ref(db, strcmp(what, "from-idea") == 0, argv[optind], &id, &err);
	if (rc == PACT_OK && poll)
		rc = card_from_poll(db, id, (size_t)top, owner, &made, &n, &err);
	else if (rc == PACT_OK && strcmp(what, "from-idea") == 0)
		rc = card_from_idea(db, id, owner, &card, &existed, &err);
	else if (rc == PACT_OK)
		rc = card_from_cluster(db, id, owner, &card, &existed, &err);
	if (rc == PACT_OK && poll)
		for (size_t i = 0; i < n; i++)
			say(made[i].card, made[i].existed);
	else if (rc == PACT_OK)
		say(card, existed);
	else
		cli_report(&err);
	free(made);
	db_close(db);
	return rc;
}
