/* pact tally: the count of a ballots file, without a database. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ballot_file.h"
#include "pabulib.h"
#include "cli_cmds.h"
#include "i18n.h"
#include "tally.h"
#include "tally_out.h"
#include "visible.h"
#include "wrap.h"
#include "value.h"

struct tally_args {
	const char *ballots, *options, *format;
	struct tally_input in;
	bool have_method, have_seed, have_budget, help;
};

static int int_arg(const char *name, const char *text, int64_t min, int64_t max, int64_t *out)
{
	struct pact_err why;

	if (value_int(text, min, max, out, &why) != PACT_OK)
		return cli_usage_error(_("%s: %s"), name, why.msg);
	return PACT_OK;
}

/* An amount in euros, with or without cents, in either notation
 * ("106165,64", "106165.64", "€ 1.234,56", "1,234.56"), as cents. */
static int amount_arg(const char *name, const char *text, int64_t *cents)
{
	struct pact_err why;

	if (value_amount(text, cents, &why) != PACT_OK)
		return cli_usage_error(_("%s: %s"), name, why.msg);
	if (*cents < 0)
		return cli_usage_error(_("%s: the amount %s is below 0"), name, text);
	return PACT_OK;
}

/* LO..HI, each a whole number that fits int64_t: a bound past it is
 * refused, not cut to the nearest (as sscanf would). */
static int range_arg(const char *text, struct tally_input *in)
{
	struct pact_err why;

	if (value_range(text, INT64_MIN, INT64_MAX, &in->lo, &in->hi, &why) != PACT_OK)
		return cli_usage_error(_("%s: %s"), "--range", why.msg);
	return PACT_OK;
}

/* The method options shared by pact tally and pact poll new; -1 when c is
 * not one of them. */
int cli_method_option(int c, const char *arg, struct tally_input *in, bool *have_method)
{
	int64_t n;
	int rc = PACT_OK;

	switch (c) {
	case 'm':
		if (!tally_method_parse(arg, &in->method))
			return cli_usage_error(_("--method takes dot, approval, score, borda, irv, "
						 "schulze, pb-greedy or pb-mes, not '%s'"),
					       arg);
		*have_method = true;
		return PACT_OK;
	case 'B': return amount_arg("--budget", arg, &in->budget);
	/* Any size: a count whose totals would pass INT64_MAX is refused then. */
	case 'd': return int_arg("--dots", arg, 1, INT64_MAX, &in->dots);
	case 'M': return int_arg("--max-per-option", arg, 1, INT64_MAX, &in->max_per_option);
	case 'r': return range_arg(arg, in);
	case 'c':
		if (strcmp(arg, "none") && strcmp(arg, "add1"))
			return cli_usage_error(_("--complete takes none or add1, not '%s'"), arg);
		in->complete = strcmp(arg, "none") ? TALLY_COMPLETE_ADD1 : TALLY_COMPLETE_NONE;
		return PACT_OK;
	case 't':
		if (strcmp(arg, "none") && strcmp(arg, "lot"))
			return cli_usage_error(_("--tiebreak takes none or lot, not '%s'"), arg);
		in->lot = strcmp(arg, "lot") == 0;
		return PACT_OK;
	case 's':
		rc = int_arg("--seed", arg, 0, INT64_C(1000000000000000), &n);
		in->seed = (uint64_t)n;
		return rc;
	default:
		return -1;
	}
}

static const char *usage_line(void)
{
	return _("usage: pact tally --method METHOD --ballots FILE [--options FILE] [--budget AMOUNT] "
		 "[--dots D] [--max-per-option M] [--range LO..HI] [--complete none|add1] "
		 "[--tiebreak none|lot] [--seed N] [--format text|csv]");
}

/* A paragraph wrapped at 78 columns: the first row indented by first
 * spaces, the others by rest; an empty line after it when gap. */
static void paragraph(FILE *out, const char *text, int first, int rest, bool gap)
{
	struct wrap_row rows[64];
	size_t n = wrap_text(text, 78 - rest, rows, 64);

	for (size_t i = 0; i < n && i < 64; i++)
		fprintf(out, "%*s%.*s\n", i ? rest : first, "", (int)(rows[i].end - rows[i].start),
			text + rows[i].start);
	if (gap)
		fputc('\n', out);
}

/* pact tally --help: the usage, the files and the methods' definitions. */
static void tally_help(FILE *out)
{
	paragraph(out, usage_line(), 0, 6, true);
	paragraph(out,
		_("FILE is a CSV with the header voter,option,value (one row per mark), or a "
		  "Pabulib file (.pb) with its budget, costs and ballots. --options FILE lists "
		  "option,cost. Amounts are euros, with or without cents: 106165,64 or 106165.64 "
		  "or € 1.234,56."),
		  0, 0, true);
	paragraph(out,
		  _("Methods: dot, approval, score, borda, irv, schulze, pb-greedy, pb-mes."), 0,
		  0, false);
	paragraph(out,
		_("schulze: winning votes; the winners are every option that no other beats "
		  "by strongest paths (Schulze 2011, Social Choice and Welfare 36); they share "
		  "position 1, and the rest is ordered the same way."),
		  2, 4, false);
	paragraph(out,
		_("pb-greedy: the options with the most approvals (or points, for cumulative "
		  "and scoring ballots) that fit in the budget; never an option nobody "
		  "approved."),
		  2, 4, false);
	paragraph(out,
		_("pb-mes: the Method of Equal Shares (Peters & Skowron), cost utilities. "
		  "--complete add1 (the default) raises every voter's share by one euro at a "
		  "time; it keeps the first outcome that is exhaustive (no option left out, "
		  "approved or not, fits in what is left), or the last one before an outcome "
		  "that would exceed the budget, as the method's reference code does (equalshares.net, "
		  "'add1 completion'; pabutools, exhaustion_by_budget_increase); then pb-greedy "
		  "fills what is left. Ties are reported with the rule that settled them."),
		  2, 4, false);
}

static int parse(int argc, char **argv, struct tally_args *a)
{
	static const struct option longopts[] = {
		CLI_METHOD_OPTIONS,
		{ "ballots", required_argument, NULL, 'b' },
		{ "options", required_argument, NULL, 'o' },
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int c, rc = PACT_OK;

	cli_getopt_begin();
	a->format = "text";
	while (rc == PACT_OK && (c = cli_getopt(argc, argv, longopts)) != -1) {
		a->have_seed |= c == 's';
		a->have_budget |= c == 'B';
		if ((rc = cli_method_option(c, optarg, &a->in, &a->have_method)) >= 0)
			continue;
		rc = PACT_OK;
		switch (c) {
		case 'b': a->ballots = optarg; break;
		case 'o': a->options = optarg; break;
		case 'h': a->help = true; return PACT_OK;
		case 'f':
			if (strcmp(optarg, "text") && strcmp(optarg, "csv"))
				return cli_usage_error(_("--format takes text or csv, not '%s'"), optarg);
			a->format = optarg;
			break;
		default:
			return PACT_EUSAGE; /* cli_getopt said which option */
		}
	}
	if (rc != PACT_OK)
		return rc;
	if (optind < argc)
		return cli_usage_error(_("tally takes options only, got '%s'"), argv[optind]);
	if (!a->have_method || !a->ballots)
		return cli_usage_error("%s", usage_line());
	return PACT_OK;
}

/* --options over a .pb file's costs: every option it names must be one of
 * the file's projects (by the label pact gives it). */
static int override_costs(struct ballots *b, const char *path, struct pact_err *err)
{
	struct ballots o;
	size_t num;
	int rc;

	ballots_init(&o);
	rc = ballots_read_options(&o, path, true, err);
	for (size_t i = 0; rc == PACT_OK && i < o.noptions; i++) {
		if (!strmap_get(&b->options, o.names[i], &num))
			rc = err_set(err, PACT_EINPUT, _("%s: option '%s' is not a project of %s"),
				     path, o.names[i], b->file);
		else
			b->costs[num] = o.costs[i];
	}
	ballots_free(&o);
	return rc;
}

/* A Pabulib file: its budget (unless --budget), costs (unless --options)
 * and ballots; the ballots must suit the method. */
static int read_pabulib(struct tally_args *a, struct ballots *b, struct pact_err *err)
{
	struct pabulib_info info;
	bool pb = tally_method_has(a->in.method, TALLY_BUDGET);
	int rc = pabulib_read(a->ballots, b, &info, err);

	if (rc == PACT_OK && !a->have_budget)
		a->in.budget = info.meta.budget;
	if (rc == PACT_OK && a->options)
		rc = override_costs(b, a->options, err);
	if (rc == PACT_OK && pb && info.meta.vote_type == PABULIB_ORDINAL)
		rc = err_set(err, PACT_EINPUT,
			     _("%s: the ballots are ordinal (they rank projects); count them with "
			       "irv, schulze or borda"),
			     a->ballots);
	a->in.points = rc == PACT_OK && pb &&
		       (info.meta.vote_type == PABULIB_CUMULATIVE ||
			info.meta.vote_type == PABULIB_SCORING);
	if (a->in.points && !tally_method_has(a->in.method, TALLY_POINTS))
		rc = err_set(err, PACT_EINPUT,
			     _("%s: the ballots give points (cumulative or scoring); pb-mes counts "
			       "approvals only; count them with pb-greedy"),
			     a->ballots);
	pabulib_info_free(&info);
	return rc;
}

int cli_tally(const struct cli_opts *opts, int argc, char **argv)
{
	struct tally_args a = { 0 };
	struct tally_result r = { 0 };
	struct ballots b;
	struct pact_err err;
	char where[600];
	size_t mark;
	bool pb;
	int rc;

	(void)opts;
	if ((rc = parse(argc, argv, &a)) != PACT_OK)
		return rc;
	if (a.help) {
		tally_help(visible_stdout());
		return PACT_OK;
	}
	pb = tally_method_has(a.in.method, TALLY_BUDGET);
	if (pb && !ballots_pabulib_path(a.ballots) && (!a.options || a.in.budget <= 0))
		return cli_usage_error("%s", _("pb-greedy and pb-mes need --options FILE with costs and "
					       "--budget AMOUNT (or a Pabulib .pb file)"));
	if (a.in.lot && !a.have_seed)
		return cli_usage_error("%s", _("--tiebreak lot needs --seed N, so that anyone can "
					       "repeat the draw"));
	ballots_init(&b);
	if (ballots_pabulib_path(a.ballots)) {
		rc = read_pabulib(&a, &b, &err);
	} else {
		rc = a.options ? ballots_read_options(&b, a.options, pb, &err) : PACT_OK;
		if (rc == PACT_OK)
			rc = ballots_read(&b, a.ballots, &err);
	}
	if (rc == PACT_OK && pb && a.in.budget <= 0)
		rc = err_set(&err, PACT_EINPUT, _("%s: the budget is 0; give it with --budget AMOUNT"),
			     a.ballots);
	if (rc == PACT_OK)
		rc = ballots_finish(&b, &a.in, &err);
	if (rc == PACT_OK && (rc = tally_check(&a.in, &mark, &err)) != PACT_OK) {
		ballots_where(&b, mark, false, where, sizeof where);
		fprintf(stderr, _("pact: %s: voter '%s' %s\n"), where, ballots_mark_voter(&b, mark),
			err.msg);
	} else if (rc != PACT_OK) {
		cli_report(&err);
	}
	if (rc == PACT_OK && (rc = tally_run(&a.in, &r, &err)) != PACT_OK)
		cli_report(&err);
	if (rc == PACT_OK && strcmp(a.format, "csv") == 0 &&
	    (rc = tally_write_csv("-", NULL, &a.in, &r, &err)) != PACT_OK)
		cli_report(&err);
	else if (rc == PACT_OK && strcmp(a.format, "text") == 0)
		tally_print(visible_stdout(), &a.in, &r);
	tally_free(&r);
	ballots_free(&b);
	return rc;
}
