/* Record subcommands for every registered kind: import, export (and
 * export --list), merge. */
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "cli_cmds.h"
#include "db.h"
#include "export.h"
#include "csv.h"
#include "i18n.h"
#include "privacy.h"
#include "import.h"
#include "kind.h"
#include "merge.h"
#include "brainstorm_session.h"

static const char *const type_names[] = {
	[CT_UUID] = N_("UUID"),
	[CT_TEXT] = N_("text"),
	[CT_LINES] = N_("text, may span lines"),
	[CT_INT] = N_("whole number"),
	[CT_AMOUNT] = N_("amount in euros"),
	[CT_DATE] = N_("date YYYY-MM-DD or DD-MM-YYYY"),
	[CT_BOOL] = N_("yes/no (1/0)"),
	[CT_ENUM] = N_("one of"),
	[CT_TIMESTAMP] = N_("time, ISO 8601"),
	[CT_REF] = NULL, /* kind_ref_text() names what the cell refers to */
};

/* `pact export --list`: every kind with its columns, from the registry. */
static int list_kinds(void)
{
	for (size_t i = 0; i < nkinds; i++) {
		const struct kind *k = kinds[i];
		printf("%s — %s\n", k->name, _(k->summary));
		for (size_t c = 0; c < k->ncols; c++) {
			const struct kind_col *col = &k->cols[c];
			printf("  %-12s %s", col->name,
			       col->type == CT_REF ? kind_ref_text(col) : _(type_names[col->type]));
			if (col->type == CT_ENUM)
				for (size_t e = 0; col->keys[e]; e++)
					printf("%s%s", e ? ", " : " ", col->keys[e]);
			if (col->flags & KC_REQUIRED)
				printf(" (%s)", _("required"));
			for (size_t o = 0; k->one_of && k->one_of[o]; o++)
				if (strcmp(k->one_of[o], col->name) == 0) {
					printf(" (%s", _("exactly one of"));
					for (size_t e = 0; k->one_of[e]; e++)
						printf("%s%s", e ? ", " : " ", k->one_of[e]);
					printf(")");
				}
			if (col->flags & KC_PERSONAL)
				printf(" (%s)", _("only with --with-names"));
			if (col->flags & KC_DERIVED)
				printf(" (%s)", _("export only; an import ignores it"));
			if (col->flags & KC_QUASI)
				printf(" (%s)", _("* where it would single out fewer than 5 people, "
						  "unless --with-names"));
			printf("\n");
		}
	}
	printf("breakdown — %s\n  dimension group participants\n",
	       _("participants per role, neighbourhood and age band, export only (--session ID); "
		 "groups under 5 as <5, x where such a group could be worked out, group * for "
		 "people whose groups cannot be shown"));
	for (size_t i = 0; i < npoll_kinds; i++) {
		printf("%s — %s\n ", poll_kinds[i].name, _(poll_kinds[i].summary));
		for (size_t c = 0; poll_kinds[i].columns[c]; c++)
			printf(" %s", poll_kinds[i].columns[c]);
		printf("\n");
	}
	return PACT_OK;
}

/* The record kind named on the command line, or NULL after saying which
 * kinds there are: every one that import (or export) takes. */
static const struct kind *kind_arg(const char *name, bool import)
{
	const struct kind *k = kind_find(name);
	const char *sep = " ";

	if (k)
		return k;
	fprintf(stderr, _("pact: unknown kind '%s'; the kinds are:"), name);
	for (size_t i = 0; i < nkinds; i++, sep = ", ")
		fprintf(stderr, "%s%s", sep, kinds[i]->name);
	for (size_t i = 0; i < npoll_kinds; i++)
		if (!import || poll_kinds[i].import_fn)
			fprintf(stderr, ", %s", poll_kinds[i].name);
	if (!import)
		fprintf(stderr, ", breakdown");
	fprintf(stderr, "\n%s\n", _("'pact export --list' shows every kind with its columns."));
	return NULL;
}

/* "role, wijk and age_band": the last count names of the kind's
 * quasi-identifiers. */
static void quasi_names(const struct kind *k, size_t count, char *out, size_t outsz)
{
	const struct kind_col *quasi[EXPORT_MAX_QUASI];
	size_t nq = 0, o = 0;

	for (size_t c = 0; c < k->ncols && nq < EXPORT_MAX_QUASI; c++)
		if (k->cols[c].flags & KC_QUASI)
			quasi[nq++] = &k->cols[c];
	out[0] = '\0';
	for (size_t j = nq - count; j < nq && o < outsz; j++)
		o += (size_t)snprintf(out + o, outsz - o, "%s%s",
				      j == nq - count ? "" : j + 1 == nq ? _(" and ") : ", ",
				      quasi[j]->name);
}

/* On stderr: which rows of an export without names were generalised or
 * left out so that nobody is singled out. */
static void report_anonymised(const struct kind *k, const struct export_stats *st)
{
	char names[256];
	const char *sep = "";

	if (st->rows == st->generalised[0] && !st->left_out)
		return;
	fprintf(stderr, "pact: ");
	for (size_t l = 1; l <= st->nquasi; l++) {
		if (!st->generalised[l])
			continue;
		quasi_names(k, l, names, sizeof names);
		fprintf(stderr, "%s", sep);
		fprintf(stderr,
			ngettext("%lld participant's %s shown as *", "%lld participants' %s shown as *",
				 (unsigned long)st->generalised[l]),
			(long long)st->generalised[l], names);
		sep = "; ";
	}
	if (st->left_out) {
		quasi_names(k, st->nquasi, names, sizeof names);
		fprintf(stderr, "%s", sep);
		fprintf(stderr,
			ngettext("%lld left out: fewer than %d people of their session share their %s",
				 "%lld left out: fewer than %d people of their session share their %s",
				 (unsigned long)st->left_out),
			(long long)st->left_out, PRIVACY_MIN_GROUP, names);
	}
	fprintf(stderr, "\n");
}

/* `pact export breakdown`: participants counted by role, neighbourhood and
 * age band, as privacy_count_text shows them: "<5", "x", or the number. */
static int export_breakdown(sqlite3 *db, int64_t session, const char *path,
			    const struct csv_out_opts *o, struct pact_err *err)
{
	static const char *const header[] = { "dimension", "group", "participants", NULL };
	struct privacy_group *g;
	struct csv_out w;
	size_t n;
	char count[24];
	int rc = privacy_breakdown(db, session, &g, &n, err);

	if (rc != PACT_OK)
		return rc;
	if ((rc = csv_out_open(&w, path, o, err)) != PACT_OK) {
		privacy_groups_free(g, n);
		return rc;
	}
	csv_out_header(&w, header);
	for (size_t i = 0; i < n; i++) {
		privacy_count_text(&g[i], count);
		csv_out_field(&w, privacy_dimension_key(g[i].dimension));
		csv_out_field(&w, g[i].group);
		csv_out_field(&w, count);
		csv_out_end_row(&w);
	}
	privacy_groups_free(g, n);
	return csv_out_close(&w, err);
}

int cli_export(const struct cli_opts *opts, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "session", required_argument, NULL, 's' },
		{ "excel", no_argument, NULL, 'x' },
		{ "with-names", no_argument, NULL, 'n' },
		{ "list", no_argument, NULL, 'l' },
		{ "poll", required_argument, NULL, 'p' },
		{ NULL, 0, NULL, 0 },
	};
	struct export_opts o = { .csv = { .delim = ',' } };
	const char *session = NULL, *poll = NULL;
	const struct kind *k;
	struct pact_err err;
	struct export_stats st;
	char count[CLI_COUNT_MAX];
	sqlite3 *db;
	int c, rc, list = 0;

	cli_getopt_begin();
	while ((c = cli_getopt(argc, argv, longopts)) != -1) {
		switch (c) {
		case 's': session = optarg; break;
		case 'x': export_excel(&o); break;
		case 'n': o.with_names = true; break;
		case 'l': list = 1; break;
		case 'p': poll = optarg; break;
		default: return PACT_EUSAGE;
		}
	}
	if (list)
		return list_kinds();
	if (argc - optind == 2 && poll_kind_find(argv[optind]))
		return cli_poll_kind(opts, poll_kind_find(argv[optind]), false, poll,
				     argv[optind + 1], &o.csv, o.with_names);
	if (argc - optind != 2)
		return cli_usage_error(_("usage: pact export KIND FILE|- [--session ID] [--excel] "
					 "[--with-names] (pact export --list shows the kinds)"));
	if (strcmp(argv[optind], "breakdown") == 0) {
		if ((rc = cli_open_db(opts, &db, NULL, 0)) != PACT_OK)
			return rc;
		o.session_id = 0;
		rc = session ? session_find(db, session, &o.session_id, &err) : PACT_OK;
		if (rc == PACT_OK)
			rc = export_breakdown(db, o.session_id, argv[optind + 1], &o.csv, &err);
		if (rc != PACT_OK)
			cli_report(&err);
		db_close(db);
		return rc;
	}
	if (!(k = kind_arg(argv[optind], false)))
		return PACT_EUSAGE;
	if ((rc = cli_open_db(opts, &db, NULL, 0)) != PACT_OK)
		return rc;
	rc = session ? session_find(db, session, &o.session_id, &err) : PACT_OK;
	if (rc == PACT_OK)
		rc = export_kind(db, k, argv[optind + 1], &o, &st, &err);
	if (rc != PACT_OK)
		cli_report(&err);
	else
		report_anonymised(k, &st);
	if (rc == PACT_OK && strcmp(argv[optind + 1], "-") != 0)
		/* TRANSLATORS: %s is a number of records, "4 ideas" */
		fprintf(stderr, _("pact: wrote %s to %s\n"),
			cli_kind_count(k->name, st.rows, count, sizeof count), argv[optind + 1]);
	db_close(db);
	return rc;
}

/* What forgetting changed in an import or a merge of a kind (named by
 * its label; never a person's name: a forgotten record's cells are not
 * even read). */
static void print_forgotten(const char *kind, const struct import_stats *s)
{
	if (s->forgotten)
		fprintf(stderr,
			ngettext("pact: %s: skipped %lld forgotten record\n",
				 "pact: %s: skipped %lld forgotten records\n", (unsigned long)s->forgotten),
			kind, (long long)s->forgotten);
	if (s->unlinked)
		fprintf(stderr,
			ngettext("pact: %s: %lld link to a forgotten record left empty\n",
				 "pact: %s: %lld links to forgotten records left empty\n",
				 (unsigned long)s->unlinked),
			kind, (long long)s->unlinked);
	if (s->erased)
		fprintf(stderr,
			ngettext("pact: %s: %lld forgotten in the other file, so forgotten here too\n",
				 "pact: %s: %lld forgotten in the other file, so forgotten here too\n",
				 (unsigned long)s->erased),
			kind, (long long)s->erased);
}

int cli_import(const struct cli_opts *opts, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "delimiter", required_argument, NULL, 'd' },
		{ "encoding", required_argument, NULL, 'e' },
		{ "excel", no_argument, NULL, 'x' },
		{ "poll", required_argument, NULL, 'p' },
		{ NULL, 0, NULL, 0 },
	};
	const char *poll = NULL;
	struct import_opts io = { 0 };
	struct import_stats stats = { 0 };
	char count[CLI_COUNT_MAX];
	const struct kind *k;
	struct pact_err err;
	sqlite3 *db;
	int c, rc;

	cli_getopt_begin();
	while ((c = cli_getopt(argc, argv, longopts)) != -1) {
		switch (c) {
		case 'd':
			if (strcmp(optarg, "tab") == 0 || strcmp(optarg, "\\t") == 0)
				io.delim = '\t';
			else if (strlen(optarg) == 1 && strchr(",;\t", optarg[0]))
				io.delim = optarg[0];
			else
				return cli_usage_error(_("--delimiter takes ',' ';' or tab, not '%s'"),
						       optarg);
			break;
		case 'e': io.encoding = optarg; break;
		case 'x': io.excel = true; break;
		case 'p': poll = optarg; break;
		default: return PACT_EUSAGE;
		}
	}
	if (argc - optind == 2 && poll_kind_find(argv[optind]))
		return cli_poll_kind(opts, poll_kind_find(argv[optind]), true, poll, argv[optind + 1],
				     NULL, false);
	if (argc - optind != 2)
		return cli_usage_error(_("usage: pact import KIND FILE|- [--delimiter ,|;|tab] "
					 "[--encoding cp1252] [--excel]"));
	if (!(k = kind_arg(argv[optind], true)))
		return PACT_EUSAGE;
	if ((rc = cli_open_db(opts, &db, NULL, 0)) != PACT_OK)
		return rc;
	rc = import_file(db, k, argv[optind + 1], &io, &stats, &err);
	if (rc == PACT_OK) {
		/* TRANSLATORS: the first %s is a number of records, "4 ideas" */
		fprintf(stderr, _("pact: imported %s (%lld new, %lld updated)\n"),
			cli_kind_count(k->name, stats.rows, count, sizeof count),
			(long long)stats.added, (long long)stats.updated);
		print_forgotten(cli_kind_label(k->name), &stats);
	} else {
		cli_report(&err);
	}
	db_close(db);
	return rc;
}

int cli_merge(const struct cli_opts *opts, int argc, char **argv)
{
	struct import_stats stats[32] = { 0 };
	struct pact_err err;
	char path[PATH_MAX];
	int64_t erased = 0;
	sqlite3 *db;
	int rc;

	if (argc != 2)
		return cli_usage_error(_("usage: pact merge OTHER.db"));
	if ((rc = cli_open_db(opts, &db, path, sizeof path)) != PACT_OK)
		return rc;
	rc = merge_file(db, argv[1], stats, &err);
	if (rc == PACT_OK) {
		for (size_t i = 0; i < nkinds; i++) {
			const char *label = cli_kind_label(kinds[i]->name);

			fprintf(stderr, _("pact: %s: %lld new, %lld updated\n"), label,
				(long long)stats[i].added, (long long)stats[i].updated);
			print_forgotten(label, &stats[i]);
			erased += stats[i].erased;
		}
		if (erased)
			cli_scrub(db, path);
	} else {
		cli_report(&err);
	}
	db_close(db);
	return rc;
}
