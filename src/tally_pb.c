/* Participatory budgeting on approval ballots with costs and a budget, all
 * amounts in cents. pb-greedy funds the most approved options that fit.
 * pb-mes is the Method of Equal Shares (Peters & Skowron) with cost
 * utilities: the budget is shared out equally and an option is bought by
 * its supporters, the one they can pay with the lowest per-unit payment
 * first; --complete add1 raises the shares one euro at a time until the
 * outcome is exhaustive or would break the budget, as the method's
 * reference implementations do, and fills the rest greedily.
 *
 * Money is counted in units of 1/nvoters of a cent, so shares start as
 * whole numbers (budget + k·UNIT·nvoters each) and a cost c is c·nvoters;
 * payments make fractions. A voter's money is a double (reading it is
 * where the time goes, and a long double takes four times as long); sums,
 * payments and ρ are long double. A payment rounds a voter's money by at
 * most 2^-53 of the share, so a sum over the supporters is off by at most
 * payments × 1.1e-16 × the total of the shares: against the cost, under
 * 1e-10 even with 50 payments each and a budget 10^4 times the cost.
 * Amounts within a relative TOL = 1e-9 of each other therefore count as
 * equal (affordable; tied on ρ). Whether the budget holds is decided on
 * the integer costs. */
#include "tally.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"

#define NONE SIZE_MAX
#define TOL 1e-9L
/* add1 raises every share by one currency unit, a euro, at a time. */
#define UNIT 100
/* Ties kept per outcome for the note; more are counted. */
#define TIES_KEPT 4

enum { ALIVE, FUNDED, DEAD };

/* Why an option went before another with the same payment per euro. */
enum tie_rule { TIE_COST, TIE_APPROVALS, TIE_ORDER };

struct tie {
	size_t step;         /* 0-based purchase */
	size_t chosen, other; /* other: the first of those it went before */
	size_t others;       /* how many it went before */
	enum tie_rule rule;  /* that settled it against other */
};

struct pb {
	const struct tally_input *in;
	bool mes; /* Equal Shares, else greedy */
	size_t n, nv;
	size_t *sstart;        /* supporters of o: svoter[sstart[o] .. sstart[o + 1]) */
	uint32_t *svoter;      /* 32 bits: reading these is much of the count's time */
	int64_t *points;       /* per option, with in->points: its total points */
	int64_t approved_cost; /* of every option someone approves */
	bool approved_overflow; /* ... which add up past INT64_MAX */
	/* One run of Equal Shares. */
	double *money;        /* per voter */
	double *scratch;      /* supporters' money, for solve_payment() */
	long double *lb;      /* per option: its ρ the last time it was worked out */
	long double *pay;     /* per option: the payment per supporter behind lb */
	unsigned char *state; /* ALIVE, FUNDED, or DEAD: unaffordable for the rest of the run */
	unsigned char *taken; /* per option, for exhaustive() */
	size_t *order;
	int64_t spent;
	int64_t k; /* each share is raised by k currency units (UNIT cents) */
	struct tie last_tie; /* of the last pick(); others == 0 when none */
};

struct outcome {
	size_t *funded; /* in funding order */
	long double *rho;
	size_t nfunded;
	int64_t cost;
	struct tie ties[TIES_KEPT];
	size_t nties;
};

static int64_t cost_of(const struct pb *p, size_t o)
{
	return p->in->costs[o];
}

static size_t approvals(const struct pb *p, size_t o)
{
	return p->sstart[o + 1] - p->sstart[o];
}

/* Equal-shares ties: lower cost, then more approvals, then input order. */
static bool precedes(const struct pb *p, size_t a, size_t b)
{
	if (cost_of(p, a) != cost_of(p, b))
		return cost_of(p, a) < cost_of(p, b);
	if (approvals(p, a) != approvals(p, b))
		return approvals(p, a) > approvals(p, b);
	return a < b;
}

/* Each option's total points; a total past INT64_MAX is refused. */
static int add_points(struct pb *p, struct pact_err *err)
{
	const struct tally_input *in = p->in;
	size_t first = p->nv ? in->start[0] : 0, last = p->nv ? in->start[p->nv] : 0;
	char buf[32];

	if (!(p->points = calloc(p->n ? p->n : 1, sizeof *p->points)))
		return err_nomem(err);
	for (size_t i = first; i < last; i++)
		if (__builtin_add_overflow(p->points[in->option[i]], in->value[i],
					   &p->points[in->option[i]]))
			return err_set(err, PACT_EINPUT,
				       _("option '%s': the points add up past %lld; pact cannot "
					 "count this exactly"),
				       tally_option_name(in, in->option[i], buf, sizeof buf),
				       (long long)INT64_MAX);
	return PACT_OK;
}

static int build_supporters(struct pb *p, struct pact_err *err)
{
	const struct tally_input *in = p->in;
	size_t first = p->nv ? in->start[0] : 0, last = p->nv ? in->start[p->nv] : 0;
	size_t *fill;

	for (size_t i = first; i < last; i++)
		if (in->option[i] >= p->n)
			return tally_option_range_error(in->option[i], p->n, err);
	fill = calloc(p->n + 1, sizeof *fill);
	p->sstart = calloc(p->n + 1, sizeof *p->sstart);
	p->svoter = malloc((last - first + 1) * sizeof *p->svoter);
	if (!fill || !p->sstart || !p->svoter) {
		free(fill);
		return err_nomem(err);
	}
	for (size_t i = first; i < last; i++)
		p->sstart[in->option[i] + 1]++;
	for (size_t o = 0; o < p->n; o++) {
		p->sstart[o + 1] += p->sstart[o];
		fill[o] = p->sstart[o];
		if (approvals(p, o) > 0 &&
		    __builtin_add_overflow(p->approved_cost, cost_of(p, o), &p->approved_cost))
			p->approved_overflow = true;
	}
	for (size_t v = 0; v < p->nv; v++)
		for (size_t i = in->start[v]; i < in->start[v + 1]; i++)
			p->svoter[fill[in->option[i]]++] = (uint32_t)v;
	free(fill);
	return in->points ? add_points(p, err) : PACT_OK;
}

/* --- greedy ------------------------------------------------------------- */

/* support: approvals, or with in->points the total points. */
struct greedy_key {
	size_t option;
	int64_t support, cost;
};

static int by_greedy(const void *a, const void *b)
{
	const struct greedy_key *x = a, *y = b;

	if (x->support != y->support)
		return x->support > y->support ? -1 : 1;
	if (x->cost != y->cost)
		return x->cost < y->cost ? -1 : 1;
	return x->option < y->option ? -1 : 1;
}

/* Adds the unfunded options in order of approvals or points (ties: lower
 * cost, then input order) that still fit in the budget. An option nobody
 * approved is never funded: money left over stays left over. */
static int fill_greedy(struct pb *p, struct outcome *o)
{
	struct greedy_key *g = malloc((p->n ? p->n : 1) * sizeof *g);
	bool *funded = calloc(p->n ? p->n : 1, sizeof *funded);

	if (!g || !funded) {
		free(g);
		free(funded);
		return PACT_ENOMEM;
	}
	for (size_t i = 0; i < o->nfunded; i++)
		funded[o->funded[i]] = true;
	for (size_t i = 0; i < p->n; i++)
		g[i] = (struct greedy_key){ i, p->points ? p->points[i] : (int64_t)approvals(p, i),
					    cost_of(p, i) };
	qsort(g, p->n, sizeof *g, by_greedy);
	for (size_t i = 0; i < p->n; i++)
		if (g[i].support > 0 && !funded[g[i].option] &&
		    g[i].cost <= p->in->budget - o->cost) {
			o->rho[o->nfunded] = 0;
			o->funded[o->nfunded++] = g[i].option;
			o->cost += g[i].cost;
		}
	free(g);
	free(funded);
	return PACT_OK;
}

/* --- one run of equal shares -------------------------------------------- */

/* The t with Σ min(v[i], t) = c, the most any supporter pays: a quickselect
 * on the money (three-way, since many voters hold the same amount), so it
 * takes expected linear time instead of a sort. v is reordered. */
static long double solve_payment(double *v, size_t m, long double c, long double most)
{
	long double below = 0; /* money of those known to pay all they have */
	size_t above = 0, lo = 0, hi = m;

	while (lo < hi) {
		double a = v[lo], b = v[lo + (hi - lo) / 2], d = v[hi - 1];
		double pivot = a < b ? (b < d ? b : a < d ? d : a) /* median of 3 */
				     : (a < d ? a : b < d ? d : b);
		long double less = 0;
		size_t lt = lo, i = lo, gt = hi;
		while (i < gt) {
			double x = v[i];
			if (x < pivot) {
				less += x;
				v[i++] = v[lt];
				v[lt++] = x;
			} else if (x > pivot) {
				v[i] = v[--gt];
				v[gt] = x;
			} else {
				i++;
			}
		}
		if (below + less + pivot * (long double)(hi - lt + above) >= c) {
			above += hi - lt;
			hi = lt;
		} else {
			below += less + pivot * (long double)(gt - lt);
			lo = gt;
		}
	}
	return above ? (c - below) / (long double)above : most;
}

static long double scaled_cost(const struct pb *p, size_t o)
{
	return (long double)cost_of(p, o) * (long double)p->nv;
}

/* Whether o keeps the whole count within the shares handed out, on the
 * integers: spent + cost ≤ budget + k·UNIT·nvoters. Where the right side
 * passes INT64_MAX it stands at INT64_MAX; that changes nothing, as spent +
 * cost is at most the approved options' total cost, which is refused past
 * INT64_MAX when k > 0. */
static bool fits(const struct pb *p, size_t o)
{
	int64_t cap = p->in->budget, raise;

	if (p->k > 0 && (__builtin_mul_overflow(p->k, (int64_t)UNIT * (int64_t)p->nv, &raise) ||
			 __builtin_add_overflow(cap, raise, &cap)))
		cap = INT64_MAX;
	return cost_of(p, o) <= cap - p->spent;
}

/* Works out o's payment and ρ into p->pay and p->lb, or marks it DEAD when
 * its supporters cannot afford it (money only goes down during a run, so
 * that lasts). */
static void evaluate(struct pb *p, size_t o)
{
	long double c = scaled_cost(p, o), sum = 0;
	double most = 0, least = INFINITY;
	size_t m = 0;

	if (!fits(p, o)) {
		p->state[o] = DEAD;
		return;
	}
	for (size_t i = p->sstart[o]; i < p->sstart[o + 1]; i++) {
		double r = p->money[p->svoter[i]];
		if (r > 0) {
			p->scratch[m++] = r;
			sum += r;
			most = r > most ? r : most;
			least = r < least ? r : least;
		}
	}
	if (m == 0 || sum < c * (1 - TOL)) {
		p->state[o] = DEAD;
		return;
	}
	/* Mostly everyone can pay an equal part. */
	if (c / (long double)m <= least)
		p->pay[o] = c / (long double)m;
	else
		p->pay[o] = solve_payment(p->scratch, m, c, most);
	p->lb[o] = p->pay[o] / c;
}

static void buy(struct pb *p, size_t o)
{
	long double t = p->pay[o];

	for (size_t i = p->sstart[o]; i < p->sstart[o + 1]; i++) {
		double *r = &p->money[p->svoter[i]];
		*r = *r > t ? (double)(*r - t) : 0;
	}
	p->state[o] = FUNDED;
	p->spent += cost_of(p, o);
}

static void run_start(struct pb *p, int64_t k)
{
	double share = (double)((long double)p->in->budget +
				(long double)k * UNIT * (long double)p->nv);

	for (size_t v = 0; v < p->nv; v++)
		p->money[v] = share;
	memset(p->state, ALIVE, p->n);
	for (size_t o = 0; o < p->n; o++)
		p->lb[o] = 0;
	p->spent = 0;
	p->k = k;
}

/* a is strictly below b: not within the tolerance. */
static bool below(long double a, long double b)
{
	return a < (1 - TOL) * b;
}

static int by_lb(const struct pb *p, size_t a, size_t b)
{
	if (p->lb[a] != p->lb[b])
		return p->lb[a] < p->lb[b] ? -1 : 1;
	return a < b ? -1 : a > b;
}

/* The next option to buy, or NONE. ρ only rises during a run, so the last
 * ρ of each option is a lower bound: options are visited from the lowest
 * bound, and once a bound is clearly above the best ρ found the rest can
 * neither beat it nor tie with it. Among the options tied with the lowest
 * ρ, the tie rules choose. */
static size_t pick(struct pb *p)
{
	size_t nc = 0, best = NONE;
	long double min = INFINITY;

	for (size_t o = 0; o < p->n; o++) {
		if (p->state[o] != ALIVE)
			continue;
		size_t i = nc++;
		for (; i > 0 && by_lb(p, p->order[i - 1], o) > 0; i--)
			p->order[i] = p->order[i - 1];
		p->order[i] = o;
	}
	for (size_t i = 0; i < nc; i++) {
		size_t o = p->order[i];
		if (below(min, p->lb[o])) {
			nc = i;
			break;
		}
		evaluate(p, o);
		if (p->state[o] == ALIVE && p->lb[o] < min)
			min = p->lb[o];
	}
	for (size_t i = 0; i < nc; i++) {
		size_t o = p->order[i];
		if (p->state[o] == ALIVE && !below(min, p->lb[o]) &&
		    (best == NONE || precedes(p, o, best)))
			best = o;
	}
	p->last_tie = (struct tie){ .chosen = best };
	for (size_t i = 0; best != NONE && i < nc; i++) {
		size_t o = p->order[i];
		if (o == best || p->state[o] != ALIVE || below(min, p->lb[o]))
			continue;
		if (p->last_tie.others++ == 0) {
			p->last_tie.other = o;
			p->last_tie.rule = cost_of(p, o) != cost_of(p, best)   ? TIE_COST
					   : approvals(p, o) != approvals(p, best) ? TIE_APPROVALS
										   : TIE_ORDER;
		}
	}
	return best;
}

static void mes_run(struct pb *p, int64_t k, struct outcome *out)
{
	size_t o;

	run_start(p, k);
	out->nfunded = 0;
	out->cost = 0;
	out->nties = 0;
	while ((o = pick(p)) != NONE) {
		if (p->last_tie.others > 0) {
			if (out->nties < TIES_KEPT) {
				out->ties[out->nties] = p->last_tie;
				out->ties[out->nties].step = out->nfunded;
			}
			out->nties++;
		}
		out->rho[out->nfunded] = p->lb[o];
		out->funded[out->nfunded++] = o;
		out->cost += cost_of(p, o);
		buy(p, o);
	}
}

/* --- completion by raising the shares ------------------------------------
 *
 * add1 is, as the method's authors compute it (the reference code on
 * equalshares.net, "add1 completion", and pabutools' exhaustion by budget
 * increase with a step of one unit per voter): run Equal Shares with every
 * share raised by k units (k = 0, 1, 2, …) and stop at the first k whose
 * outcome is exhaustive — no option of the poll left out, approved or not,
 * fits in what the outcome leaves of the budget — keeping that outcome, or
 * at the first k whose outcome costs more than the budget, keeping the
 * outcome of k − 1. (equalshares.net starts the raised shares from the
 * whole per-voter share, ⌊budget / voters⌋ + k; pabutools and pact from
 * budget / voters + k. The two agree when the budget divides evenly.)
 *
 * That can take thousands of runs when the shares are large, and the
 * outcome cost is not monotone in k (Equal Shares is not
 * budget-monotone), so a plain binary search could miss the first k that
 * breaks the budget. Instead, runs are skipped only where the outcome is
 * proven unchanged: an unchanged outcome is exactly as exhaustive and as
 * costly at every k in between.
 *
 * The proof: with the same options bought in the same order, every voter's
 * money is a non-decreasing function of k (the share rises; a payment
 * min(r, t) leaves max(r − t, 0), with t falling as money rises). Hence,
 * at every step, each option's ρ is non-increasing in k and affordability
 * only appears. Given the run at a, replay its purchases at b > a: if at
 * every step each competitor's ρ at b stays clear of the bought option's ρ
 * at a (by the tie rule, with TOL to spare), and at the end every option
 * left is unaffordable at b, then for every k in [a, b] the bought option
 * wins each step and the run ends in the same place: the outcome of every
 * such k is the outcome of a. certify() checks this; its replay is then the
 * run at b, so the next check can start from b.
 *
 * A check costs about one run, so it pays only when it covers two k or
 * more: steps start at 2 and double while checks hold. Where they fail
 * (the outcome changes, or two options' ρ run so close that no step can be
 * proven), the next k are run one by one, for a pause that doubles with
 * every failure in a row. A stable stretch of length L costs about log L
 * replays and a changing one little more than the plain procedure. Past k
 * = approved_cost / UNIT every share covers every option, so each run buys
 * every approved option in the same order: the search ends there. */

/* Whether o must stay out of the running, at b, against the option d that
 * the run at a bought with ρ rho_d. */
static bool clear_of(const struct pb *p, size_t o, size_t d, long double rho_d)
{
	if (precedes(p, o, d))
		return p->lb[o] > rho_d * (1 + 2 * TOL);
	return p->lb[o] >= rho_d * (1 - TOL / 2);
}

/* On success the ρ of each purchase at b is in rho_b. */
static bool certify(struct pb *p, const struct outcome *a, int64_t b, long double *rho_b)
{
	run_start(p, b);
	for (size_t j = 0; j < a->nfunded; j++) {
		size_t d = a->funded[j];
		for (size_t o = 0; o < p->n; o++) {
			if (o == d || p->state[o] != ALIVE || clear_of(p, o, d, a->rho[j]))
				continue;
			evaluate(p, o);
			if (p->state[o] == ALIVE && !clear_of(p, o, d, a->rho[j]))
				return false;
		}
		evaluate(p, d);
		if (p->state[d] != ALIVE)
			return false;
		rho_b[j] = p->lb[d];
		buy(p, d);
	}
	for (size_t o = 0; o < p->n; o++)
		if (p->state[o] == ALIVE) {
			evaluate(p, o);
			if (p->state[o] == ALIVE)
				return false;
		}
	return true;
}

static void copy_outcome(struct outcome *to, const struct outcome *from, size_t n)
{
	memcpy(to->funded, from->funded, n * sizeof *to->funded);
	memcpy(to->rho, from->rho, n * sizeof *to->rho);
	to->nfunded = from->nfunded;
	to->cost = from->cost;
	memcpy(to->ties, from->ties, sizeof to->ties);
	to->nties = from->nties;
}

/* Whether no option outside the outcome, approved or not, fits in what it
 * leaves of the budget. */
static bool exhaustive(struct pb *p, const struct outcome *o)
{
	int64_t left = p->in->budget - o->cost;

	memset(p->taken, 0, p->n);
	for (size_t i = 0; i < o->nfunded; i++)
		p->taken[o->funded[i]] = 1;
	for (size_t i = 0; i < p->n; i++)
		if (!p->taken[i] && cost_of(p, i) <= left)
			return false;
	return true;
}

/* best holds the outcome of k = 0 on entry and on return that of the first
 * k that is exhaustive, or of the last k within the budget; cur is room
 * for another. */
static void raise_shares(struct pb *p, struct outcome *best, struct outcome *cur)
{
	int64_t k = 0, end = p->approved_cost / UNIT + (p->approved_cost % UNIT != 0), step = 2,
		pause = 0, next_pause = 1;

	if (p->nv == 0)
		return;
	while (k < end && !exhaustive(p, best)) {
		if (pause == 0) {
			int64_t b = step > end - k ? end : k + step;
			if (certify(p, best, b, cur->rho)) {
				memcpy(best->rho, cur->rho, best->nfunded * sizeof *cur->rho);
				k = b;
				step = step > INT64_MAX / 4 ? step : 2 * step;
				next_pause = 1;
				continue;
			}
			if (step > 2) {
				step /= 2;
				continue;
			}
			pause = next_pause;
			next_pause = next_pause > INT64_MAX / 4 ? next_pause : 2 * next_pause;
		}
		k++;
		pause--;
		mes_run(p, k, cur);
		if (cur->cost > p->in->budget)
			return;
		copy_outcome(best, cur, p->n);
	}
}

/* --- the count ---------------------------------------------------------- */

static int alloc_run(struct pb *p, struct outcome *o1, struct outcome *o2)
{
	size_t n = p->n ? p->n : 1, nv = p->nv ? p->nv : 1;

	p->money = malloc(nv * sizeof *p->money);
	p->scratch = malloc(nv * sizeof *p->scratch);
	p->lb = malloc(n * sizeof *p->lb);
	p->pay = malloc(n * sizeof *p->pay);
	p->state = malloc(n);
	p->taken = malloc(n);
	p->order = malloc(n * sizeof *p->order);
	o1->funded = malloc(n * sizeof *o1->funded);
	o1->rho = malloc(n * sizeof *o1->rho);
	o2->funded = malloc(n * sizeof *o2->funded);
	o2->rho = malloc(n * sizeof *o2->rho);
	if (!p->money || !p->scratch || !p->lb || !p->pay || !p->state || !p->taken || !p->order ||
	    !o1->funded || !o1->rho || !o2->funded || !o2->rho)
		return PACT_ENOMEM;
	return PACT_OK;
}

/* A budget or a cost below 0 means nothing, and the sums of money above
 * are only safe without them. */
static int check_amounts(const struct pb *p, struct pact_err *err)
{
	char buf[32];

	if (p->in->budget < 0)
		return err_set(err, PACT_EINPUT, _("the budget %lld is below 0"),
			       (long long)p->in->budget);
	for (size_t o = 0; o < p->n; o++)
		if (cost_of(p, o) < 0)
			return err_set(err, PACT_EINPUT, _("option '%s': the cost %lld is below 0"),
				       tally_option_name(p->in, o, buf, sizeof buf),
				       (long long)cost_of(p, o));
	return PACT_OK;
}

static int count(struct pb *p, struct outcome *best, struct outcome *cur, struct pact_err *err)
{
	int rc = check_amounts(p, err);

	if (rc == PACT_OK)
		rc = build_supporters(p, err);
	if (rc)
		return rc;
	if (alloc_run(p, best, cur))
		return err_nomem(err);
	best->nfunded = 0;
	best->cost = 0;
	best->nties = 0;
	if (p->mes) {
		bool add1 = p->in->complete == TALLY_COMPLETE_ADD1;
		/* add1 raises k up to the approved options' total cost, and the
		 * shares and the spending with it: past INT64_MAX not exactly. */
		if (add1 && p->approved_overflow)
			return err_set(err, PACT_EINPUT,
				       _("the costs of the approved options add up past %lld; pact "
					 "cannot complete Equal Shares (add1) exactly"),
				       (long long)INT64_MAX);
		if (p->nv > 0)
			mes_run(p, 0, best);
		if (!add1)
			return PACT_OK;
		raise_shares(p, best, cur);
	}
	if (fill_greedy(p, best))
		return err_nomem(err);
	return PACT_OK;
}

/* The note on the ties Equal Shares met in the outcome kept: which options
 * had the same payment per euro and which rule put one first. */
static void note_ties(const struct pb *p, const struct outcome *o, struct tally_result *out)
{
	size_t used = 0;

	for (size_t i = 0; i < o->nties && i < TIES_KEPT; i++) {
		const struct tie *t = &o->ties[i];
		char a[32], b[32], line[400];
		const char *rule = t->rule == TIE_COST	    ? _("the lower cost")
				   : t->rule == TIE_APPROVALS ? _("more approvals")
							      : _("being listed first");
		int n;

		if (t->others > 1)
			n = snprintf(line, sizeof line,
				     _("step %zu: '%s' tied with '%s' and %zu more on the payment "
				       "per euro and went first by %s. "),
				     t->step + 1, tally_option_name(p->in, t->chosen, a, sizeof a),
				     tally_option_name(p->in, t->other, b, sizeof b), t->others - 1,
				     rule);
		else
			n = snprintf(line, sizeof line,
				     _("step %zu: '%s' tied with '%s' on the payment per euro and "
				       "went first by %s. "),
				     t->step + 1, tally_option_name(p->in, t->chosen, a, sizeof a),
				     tally_option_name(p->in, t->other, b, sizeof b), rule);
		if (n < 0 || used + (size_t)n >= sizeof out->note - 64)
			break;
		memcpy(out->note + used, line, (size_t)n + 1);
		used += (size_t)n;
	}
	if (o->nties > TIES_KEPT)
		snprintf(out->note + used, sizeof out->note - used,
			 ngettext("(%zu more tie.)", "(%zu more ties.)", o->nties - TIES_KEPT),
			 o->nties - TIES_KEPT);
	else if (used > 0)
		out->note[used - 1] = '\0'; /* the last space */
	out->tie = o->nties > 0;
}

static int write_rows(const struct pb *p, const struct outcome *o, struct tally_result *out)
{
	out->rows = calloc(o->nfunded ? o->nfunded : 1, sizeof *out->rows);
	if (!out->rows)
		return PACT_ENOMEM;
	for (size_t i = 0; i < o->nfunded; i++)
		out->rows[i] = (struct tally_row){ .option = o->funded[i],
						   .position = i + 1,
						   .value = cost_of(p, o->funded[i]) };
	out->nrows = o->nfunded;
	out->remaining = p->in->budget - o->cost;
	if (p->mes)
		note_ties(p, o, out);
	return PACT_OK;
}

static int count_pb(const struct tally_input *in, bool mes, struct tally_result *out,
		    struct pact_err *err)
{
	struct pb p = { .in = in, .mes = mes, .n = in->noptions, .nv = in->nvoters };
	struct outcome best = { 0 }, cur = { 0 };
	int rc;

	memset(out, 0, sizeof *out);
	if (p.nv > UINT32_MAX)
		return err_set(err, PACT_EINPUT, _("too many voters for a budget count (%zu)"),
			       p.nv);
	rc = count(&p, &best, &cur, err);
	if (rc == PACT_OK && write_rows(&p, &best, out))
		rc = err_nomem(err);
	if (rc)
		tally_free(out);
	free(p.sstart);
	free(p.svoter);
	free(p.points);
	free(p.money);
	free(p.scratch);
	free(p.lb);
	free(p.pay);
	free(p.state);
	free(p.taken);
	free(p.order);
	free(best.funded);
	free(best.rho);
	free(cur.funded);
	free(cur.rho);
	return rc;
}

int tally_count_pb_greedy(const struct tally_input *in, struct tally_result *out,
			  struct pact_err *err)
{
	return count_pb(in, false, out, err);
}

int tally_count_pb_mes(const struct tally_input *in, struct tally_result *out,
		       struct pact_err *err)
{
	return count_pb(in, true, out, err);
}
