/* Fuzz target: the Pabulib reader and writer. The input is written to a
 * file and read as pact tally --ballots FILE.pb reads it; what reads is
 * counted with pb-greedy (budget and costs from the file) and with the
 * method of its vote type, then written out, read back and compared: a
 * file pact reads must come back the same (abort() otherwise). */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ballot_file.h"
#include "fuzz_harness.h"
#include "pabulib.h"
#include "tally.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void count(struct tally_input *in, enum tally_method m)
{
	struct tally_result r;
	struct pact_err err;
	size_t mark;

	in->method = m;
	if (tally_check(in, &mark, &err) == PACT_OK && tally_run(in, &r, &err) == PACT_OK)
		tally_free(&r);
}

/* pb-greedy, then the method that fits the vote type. */
static void count_all(struct tally_input in, const struct pabulib_meta *m)
{
	in.budget = m->budget;
	count(&in, TALLY_PB_GREEDY);
	switch (m->vote_type) {
	case PABULIB_APPROVAL:
		/* Without add1: its runs grow with the budget, which the file sets. */
		in.complete = TALLY_COMPLETE_NONE;
		count(&in, TALLY_PB_MES);
		break;
	case PABULIB_CUMULATIVE:
		in.dots = m->max_sum_points > 0 ? m->max_sum_points : INT64_C(1000000);
		in.max_per_option = m->max_points > 0 ? m->max_points : 0;
		count(&in, TALLY_DOT);
		break;
	case PABULIB_SCORING:
		in.lo = m->min_points != PABULIB_UNSET ? m->min_points : -PABULIB_POINTS_MAX;
		in.hi = m->max_points != PABULIB_UNSET ? m->max_points : PABULIB_POINTS_MAX;
		count(&in, TALLY_SCORE);
		break;
	case PABULIB_ORDINAL:
		count(&in, TALLY_IRV);
		count(&in, TALLY_BORDA);
		break;
	}
}

static bool same_text(const char *a, const char *b)
{
	return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

static bool same_meta(const struct pabulib_meta *a, const struct pabulib_meta *b)
{
	return a->budget == b->budget && a->vote_type == b->vote_type &&
	       a->min_length == b->min_length && a->max_length == b->max_length &&
	       a->min_sum_cost == b->min_sum_cost && a->max_sum_cost == b->max_sum_cost &&
	       a->min_points == b->min_points && a->max_points == b->max_points &&
	       a->min_sum_points == b->min_sum_points && a->max_sum_points == b->max_sum_points &&
	       a->default_score == b->default_score && same_text(a->description, b->description) &&
	       same_text(a->country, b->country) && same_text(a->unit, b->unit) &&
	       same_text(a->subunit, b->subunit) && same_text(a->instance, b->instance) &&
	       same_text(a->rule, b->rule) && same_text(a->date_begin, b->date_begin) &&
	       same_text(a->date_end, b->date_end) && same_text(a->language, b->language) &&
	       same_text(a->currency, b->currency) && same_text(a->comment, b->comment);
}

static bool same_ballots(const struct ballots *a, const struct tally_input *ai,
			 const struct pabulib_info *af, const struct ballots *b,
			 const struct tally_input *bi, const struct pabulib_info *bf)
{
	if (ai->noptions != bi->noptions || ai->nvoters != bi->nvoters ||
	    af->nprojects != bf->nprojects || !same_meta(&af->meta, &bf->meta))
		return false;
	for (size_t o = 0; o < ai->noptions; o++)
		if (strcmp(ai->names[o], bi->names[o]) != 0 || ai->costs[o] != bi->costs[o] ||
		    strcmp(af->project_ids[o], bf->project_ids[o]) != 0 ||
		    !same_text(af->project_names[o], bf->project_names[o]))
			return false;
	for (size_t v = 0; v < ai->nvoters; v++)
		if (strcmp(ballots_voter_name(a, v), ballots_voter_name(b, v)) != 0 ||
		    ai->start[v + 1] != bi->start[v + 1])
			return false;
	for (size_t i = 0; i < ai->start[ai->nvoters]; i++)
		if (ai->option[i] != bi->option[i] || ai->value[i] != bi->value[i])
			return false;
	return true;
}

/* Write what was read, read it back: the same, or abort. */
static void round_trip(const struct ballots *b, const struct tally_input *in,
		       const struct pabulib_info *info)
{
	struct pabulib_project *projects = calloc(info->nprojects + 1, sizeof *projects);
	const char **voters = calloc(in->nvoters + 1, sizeof *voters);
	struct pabulib_doc doc;
	struct tally_input in2 = { 0 };
	struct pabulib_info info2;
	struct ballots b2;
	struct pact_err err;
	const char *out_path = fuzz_path(1, "out.pb");

	if (!projects || !voters)
		abort();
	for (size_t i = 0; i < info->nprojects; i++)
		projects[i] = (struct pabulib_project){ info->project_ids[i], info->project_names[i],
							b->costs[i] };
	for (size_t v = 0; v < in->nvoters; v++)
		voters[v] = ballots_voter_name(b, v);
	doc = (struct pabulib_doc){ .meta = info->meta, .nprojects = info->nprojects,
				    .projects = projects, .nvoters = in->nvoters, .voters = voters,
				    .start = in->start, .option = in->option, .value = in->value };
	if (pabulib_write(out_path, &doc, &err) != PACT_OK) {
		fprintf(stderr, "writing what was read: %s\n", err.msg);
		abort();
	}
	ballots_init(&b2);
	if (pabulib_read(out_path, &b2, &info2, &err) != PACT_OK ||
	    ballots_finish(&b2, &in2, &err) != PACT_OK) {
		fprintf(stderr, "reading what was written: %s\n", err.msg);
		abort();
	}
	if (!same_ballots(b, in, info, &b2, &in2, &info2)) {
		fprintf(stderr, "what was written reads differently\n");
		abort();
	}
	ballots_free(&b2);
	pabulib_info_free(&info2);
	free(projects);
	free(voters);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct tally_input in = { 0 };
	struct pabulib_info info;
	struct ballots b;
	struct pact_err err;

	const char *in_path = fuzz_path(0, "in.pb");

	if (!fuzz_write_file(in_path, data, size))
		return 0;
	ballots_init(&b);
	if (pabulib_read(in_path, &b, &info, &err) == PACT_OK &&
	    ballots_finish(&b, &in, &err) == PACT_OK) {
		count_all(in, &info.meta);
		round_trip(&b, &in, &info);
	}
	ballots_free(&b);
	pabulib_info_free(&info);
	return 0;
}
