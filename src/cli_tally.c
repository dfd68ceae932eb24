/* pact tally: the count of a ballots file, without a database. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ballots.h"
#include "cli_cmds.h"
#include "i18n.h"
#include "tally.h"
#include "tally_out.h"
#include "visible.h"
#include "value.h"

struct tally_args {
	const char *ballots, *options, *format;
	struct tally_input in;
	bool have_method, have_seed;
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
	const char *dots = strstr(text, "..");
	char lo_text[32];
	struct pact_err why;
	int64_t lo, hi;

	if (!dots || (size_t)(dots - text) >= sizeof lo_text)
		return cli_usage_error(_("--range takes LO..HI with LO below HI, like 0..5, not '%s'"),
				       text);
	snprintf(lo_text, sizeof lo_text, "%.*s", (int)(dots - text), text);
	if (value_int(lo_text, INT64_MIN, INT64_MAX, &lo, &why) != PACT_OK ||
	    value_int(dots + 2, INT64_MIN, INT64_MAX, &hi, &why) != PACT_OK)
		return cli_usage_error(_("--range: %s"), why.msg);
	if (lo >= hi)
		return cli_usage_error(_("--range takes LO..HI with LO below HI, like 0..5, not '%s'"),
				       text);
	in->lo = lo;
	in->hi = hi;
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

static int parse(int argc, char **argv, struct tally_args *a)
{
	static const struct option longopts[] = {
		CLI_METHOD_OPTIONS,
		{ "ballots", required_argument, NULL, 'b' },
		{ "options", required_argument, NULL, 'o' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	int c, rc = PACT_OK;

	optind = 0;
	opterr = 0;
	a->format = "text";
	while (rc == PACT_OK && (c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		a->have_seed |= c == 's';
		if ((rc = cli_method_option(c, optarg, &a->in, &a->have_method)) >= 0)
			continue;
		rc = PACT_OK;
		switch (c) {
		case 'b': a->ballots = optarg; break;
		case 'o': a->options = optarg; break;
		case 'f':
			if (strcmp(optarg, "text") && strcmp(optarg, "csv"))
				return cli_usage_error(_("--format takes text or csv, not '%s'"), optarg);
			a->format = optarg;
			break;
		default:
			return cli_usage_error(_("unknown or incomplete option '%s'"), argv[optind - 1]);
		}
	}
	if (rc != PACT_OK)
		return rc;
	if (optind < argc)
		return cli_usage_error(_("tally takes options only, got '%s'"), argv[optind]);
	if (!a->have_method || !a->ballots)
		return cli_usage_error(_("usage: pact tally --method METHOD --ballots FILE [--options "
					 "FILE] [--budget AMOUNT] [--dots D] [--max-per-option M] "
					 "[--range LO..HI] [--complete none|add1] [--tiebreak "
					 "none|lot] [--seed N] [--format text|csv]"));
	return PACT_OK;
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
	pb = a.in.method == TALLY_PB_GREEDY || a.in.method == TALLY_PB_MES;
	if (pb && (!a.options || a.in.budget <= 0))
		return cli_usage_error("%s", _("pb-greedy and pb-mes need --options FILE with costs and "
					       "--budget AMOUNT (or a Pabulib .pb file)"));
	if (a.in.lot && !a.have_seed)
		return cli_usage_error("%s", _("--tiebreak lot needs --seed N, so that anyone can "
					       "repeat the draw"));
	ballots_init(&b);
	rc = a.options ? ballots_read_options(&b, a.options, pb, &err) : PACT_OK;
	if (rc == PACT_OK)
		rc = ballots_read(&b, a.ballots, &err);
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
