/* Instant-runoff voting. Each round counts every ballot for its highest
 * continuing option; an option with more than half of the continuing
 * ballots wins, otherwise the one with the fewest votes goes. A tie for
 * fewest goes back through the earlier rounds; what that leaves is settled
 * by a seeded lot, or else every way of breaking it is followed to see
 * whether it changes the winner. */
#include "tally.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"

#define NONE SIZE_MAX
/* Possible winners of the ways through ties are kept as a bitmask. */
#define MAX_BRANCH_OPTIONS 64
/* Ballot steps and copied state words the search over ties may spend
 * before it keeps the first way (a few tenths of a second at worst), and
 * memo entries. */
#define WORK_LIMIT ((size_t)1 << 25)
#define MEMO_LIMIT ((size_t)1 << 18)

/* The count at the start of a round, or after it was recorded. Everything
 * lives in one block, so a way through a tie starts from a memcpy. */
struct irv_state {
	void *block;
	size_t *pos;  /* ballot b counts for prefs[pos[b]]; pos[b] is its end once exhausted */
	size_t *next; /* the ballots of option o: head[o], next[head[o]], … */
	size_t *head;
	size_t *elim; /* eliminated options, in order */
	int64_t *votes;
	int64_t *hist; /* round r: hist[r * n + o], -1 once eliminated */
	int64_t *exh;  /* exhausted ballots of round r */
	unsigned char *gone;
	size_t left, nelim, nrounds;
	int64_t exhausted;
};

/* A state of the search, up to what its future depends on: the continuing
 * options, and the order the earlier rounds give them when they are
 * compared for a tie (ranks, latest round first). */
struct irv_key {
	uint64_t mask;
	unsigned char rank[MAX_BRANCH_OPTIONS];
};

struct memo_entry {
	struct irv_key key;
	uint64_t winners;
	bool used;
};

struct memo {
	struct memo_entry *slot;
	size_t cap, count;
};

struct irv_ctx {
	const struct tally_input *in;
	size_t n, nv;
	uint32_t *prefs; /* each ballot's options, best first, at its marks' indices */
	size_t bytes;    /* of a state's block */
	size_t *tied;    /* the options tied for fewest, in input order */
	uint64_t *lots;  /* in->lot: each option's lot number */
	bool *possible;  /* possible winners when there are too many for a mask */
	bool branch;     /* follow every way through a tie */
	bool tie_seen, unchecked, truncated, lot_drawn;
	size_t winner; /* of the first way */
	size_t work, work_limit;
	struct memo memo;
};

/* --- ballots ------------------------------------------------------------ */

struct ranked_mark {
	int64_t rank;
	uint32_t option;
};

static int by_rank(const void *a, const void *b)
{
	const struct ranked_mark *x = a, *y = b;

	if (x->rank != y->rank)
		return x->rank < y->rank ? -1 : 1;
	return x->option < y->option ? -1 : x->option > y->option;
}

/* Ranks that skip a number are allowed; such a ballot is sorted. */
static void sort_ballot(struct irv_ctx *c, size_t v, struct ranked_mark *tmp)
{
	const struct tally_input *in = c->in;
	size_t s = in->start[v], len = in->start[v + 1] - s;

	for (size_t i = 0; i < len; i++)
		tmp[i] = (struct ranked_mark){ in->value[s + i], in->option[s + i] };
	qsort(tmp, len, sizeof *tmp, by_rank);
	for (size_t i = 0; i < len; i++)
		c->prefs[s + i] = tmp[i].option;
}

/* A ballot ranked 1..k is placed by rank directly; it is the common case. */
static bool place_ballot(struct irv_ctx *c, size_t v)
{
	const struct tally_input *in = c->in;
	size_t s = in->start[v], len = in->start[v + 1] - s;

	for (size_t i = s; i < s + len; i++)
		c->prefs[i] = UINT32_MAX;
	for (size_t i = s; i < s + len; i++) {
		int64_t r = in->value[i];
		if (r < 1 || (uint64_t)r > len || c->prefs[s + (size_t)r - 1] != UINT32_MAX)
			return false;
		c->prefs[s + (size_t)r - 1] = in->option[i];
	}
	return true;
}

static int build_prefs(struct irv_ctx *c, struct pact_err *err)
{
	const struct tally_input *in = c->in;
	size_t marks = c->nv ? in->start[c->nv] : 0, longest = 0;
	struct ranked_mark *tmp;

	for (size_t i = c->nv ? in->start[0] : 0; i < marks; i++)
		if (in->option[i] >= c->n)
			return tally_option_range_error(in->option[i], c->n, err);
	for (size_t v = 0; v < c->nv; v++)
		if (in->start[v + 1] - in->start[v] > longest)
			longest = in->start[v + 1] - in->start[v];
	c->prefs = malloc((marks ? marks : 1) * sizeof *c->prefs);
	tmp = malloc((longest ? longest : 1) * sizeof *tmp);
	if (!c->prefs || !tmp) {
		free(tmp);
		return err_nomem(err);
	}
	for (size_t v = 0; v < c->nv; v++)
		if (!place_ballot(c, v))
			sort_ballot(c, v, tmp);
	free(tmp);
	return PACT_OK;
}

/* --- the count ---------------------------------------------------------- */

static size_t state_bytes(size_t nv, size_t n)
{
	return (2 * nv + 2 * n) * sizeof(size_t) + (2 * n + n * n) * sizeof(int64_t) + n;
}

static void state_place(struct irv_state *st, void *block, size_t nv, size_t n)
{
	st->block = block;
	st->pos = block;
	st->next = st->pos + nv;
	st->head = st->next + nv;
	st->elim = st->head + n;
	st->votes = (int64_t *)(st->elim + n);
	st->hist = st->votes + n;
	st->exh = st->hist + n * n;
	st->gone = (unsigned char *)(st->exh + n);
}

static int state_clone(struct irv_ctx *c, const struct irv_state *from, struct irv_state *to)
{
	void *block = malloc(c->bytes);

	if (!block)
		return PACT_ENOMEM;
	memcpy(block, from->block, c->bytes);
	*to = *from;
	state_place(to, block, c->nv, c->n);
	c->work += c->bytes / sizeof(size_t);
	return PACT_OK;
}

/* Puts ballot b on its first continuing option at or after prefs[p]. */
static void count_ballot(struct irv_ctx *c, struct irv_state *st, size_t b, size_t p)
{
	size_t end = c->in->start[b + 1], from = p;

	while (p < end && st->gone[c->prefs[p]])
		p++;
	c->work += p - from + 1;
	st->pos[b] = p;
	if (p == end) {
		st->exhausted++;
		return;
	}
	st->next[b] = st->head[c->prefs[p]];
	st->head[c->prefs[p]] = b;
	st->votes[c->prefs[p]]++;
}

static void state_start(struct irv_ctx *c, struct irv_state *st)
{
	memset(st->gone, 0, c->n);
	memset(st->votes, 0, c->n * sizeof *st->votes);
	for (size_t o = 0; o < c->n; o++)
		st->head[o] = NONE;
	st->left = c->n;
	st->nelim = st->nrounds = 0;
	st->exhausted = 0;
	for (size_t b = 0; b < c->nv; b++)
		count_ballot(c, st, b, c->in->start[b]);
}

/* Only the ballots of the eliminated option move, each to its next
 * continuing option, so a whole count touches every mark at most once. */
static void eliminate(struct irv_ctx *c, struct irv_state *st, size_t x)
{
	size_t b = st->head[x];

	st->gone[x] = 1;
	st->left--;
	st->elim[st->nelim++] = x;
	st->head[x] = NONE;
	st->votes[x] = 0;
	while (b != NONE) {
		size_t next = st->next[b];
		count_ballot(c, st, b, st->pos[b] + 1);
		b = next;
	}
}

static void record_round(struct irv_ctx *c, struct irv_state *st)
{
	int64_t *row = st->hist + st->nrounds * c->n;

	for (size_t o = 0; o < c->n; o++)
		row[o] = st->gone[o] ? -1 : st->votes[o];
	st->exh[st->nrounds++] = st->exhausted;
}

/* The winner of the round just recorded, or NONE. */
static size_t round_winner(const struct irv_ctx *c, const struct irv_state *st)
{
	int64_t active = (int64_t)c->nv - st->exhausted;
	size_t best = NONE;

	for (size_t o = 0; o < c->n; o++)
		if (!st->gone[o] && (best == NONE || st->votes[o] > st->votes[best]))
			best = o;
	if (st->left == 1 || (best != NONE && 2 * st->votes[best] > active))
		return best;
	return NONE;
}

/* Keeps those of the nt options in t with the fewest votes in row. */
static size_t keep_fewest(size_t *t, size_t nt, const int64_t *row)
{
	int64_t min = INT64_MAX;
	size_t k = 0;

	for (size_t i = 0; i < nt; i++)
		min = row[t[i]] < min ? row[t[i]] : min;
	for (size_t i = 0; i < nt; i++)
		if (row[t[i]] == min)
			t[k++] = t[i];
	return k;
}

/* The options tied for fewest votes once the earlier rounds have had
 * their say, latest first: c->tied[0..return). */
static size_t fewest(struct irv_ctx *c, const struct irv_state *st)
{
	size_t nt = 0;

	for (size_t o = 0; o < c->n; o++)
		if (!st->gone[o])
			c->tied[nt++] = o;
	for (size_t r = st->nrounds; nt > 1 && r-- > 0;)
		nt = keep_fewest(c->tied, nt, st->hist + r * c->n);
	return nt;
}

/* Whether eliminating any of the tied options would move a ballot to a
 * continuing option. */
static bool transfers(const struct irv_ctx *c, const struct irv_state *st, size_t nt)
{
	for (size_t i = 0; i < nt; i++)
		for (size_t b = st->head[c->tied[i]]; b != NONE; b = st->next[b])
			for (size_t p = st->pos[b] + 1; p < c->in->start[b + 1]; p++)
				if (!st->gone[c->prefs[p]])
					return true;
	return false;
}

static void add_winner(struct irv_ctx *c, uint64_t *winners, size_t o)
{
	if (c->n <= MAX_BRANCH_OPTIONS)
		*winners |= (uint64_t)1 << o;
	else
		c->possible[o] = true;
}

/* A lot: every option drew a number up front, in input order, as in
 * tally_rank, where a lower number places higher; so the tied option with
 * the highest number goes. */
static size_t by_lot(struct irv_ctx *c, size_t nt)
{
	size_t x = c->tied[0];

	for (size_t i = 1; i < nt; i++)
		if (c->lots[c->tied[i]] > c->lots[x])
			x = c->tied[i];
	c->lot_drawn = true;
	return x;
}

/* Which of the nt tied options to eliminate, or NONE when every way
 * through the tie must be followed. */
static size_t settle(struct irv_ctx *c, const struct irv_state *st, size_t nt, uint64_t *winners)
{
	if (c->in->lot)
		return by_lot(c, nt);
	c->tie_seen = true;
	if (!transfers(c, st, nt)) {
		/* No ballot moves, so any order of going leaves the others as
		 * they are and none of the tied can win while another option is
		 * left; when they are all that is left, each can be last. */
		if (nt == st->left)
			for (size_t i = 0; i < nt; i++)
				add_winner(c, winners, c->tied[i]);
		return c->tied[0];
	}
	if (!c->branch || c->truncated) {
		c->unchecked = true;
		return c->tied[0];
	}
	return NONE;
}

/* --- the search over ties ----------------------------------------------- */

static int by_history(const struct irv_state *st, size_t n, size_t x, size_t y)
{
	for (size_t r = st->nrounds; r-- > 0;) {
		int64_t a = st->hist[r * n + x], b = st->hist[r * n + y];
		if (a != b)
			return a < b ? -1 : 1;
	}
	return 0;
}

static void make_key(const struct irv_ctx *c, const struct irv_state *st, struct irv_key *key)
{
	size_t order[MAX_BRANCH_OPTIONS], k = 0;

	memset(key, 0, sizeof *key);
	memset(key->rank, 0xff, sizeof key->rank);
	for (size_t o = 0; o < c->n; o++) {
		if (st->gone[o])
			continue;
		key->mask |= (uint64_t)1 << o;
		size_t i = k++;
		for (; i > 0 && by_history(st, c->n, order[i - 1], o) > 0; i--)
			order[i] = order[i - 1];
		order[i] = o;
	}
	for (size_t i = 0, rank = 0; i < k; i++) {
		if (i > 0 && by_history(st, c->n, order[i - 1], order[i]) != 0)
			rank++;
		key->rank[order[i]] = (unsigned char)rank;
	}
}

static size_t key_hash(const struct irv_key *key)
{
	const unsigned char *p = (const unsigned char *)key;
	uint64_t h = 0xcbf29ce484222325ull;

	for (size_t i = 0; i < sizeof *key; i++)
		h = (h ^ p[i]) * 0x100000001b3ull;
	return (size_t)h;
}

static struct memo_entry *memo_find(struct memo *m, const struct irv_key *key)
{
	size_t i = key_hash(key) & (m->cap - 1);

	while (m->slot[i].used && memcmp(&m->slot[i].key, key, sizeof *key) != 0)
		i = (i + 1) & (m->cap - 1);
	return &m->slot[i];
}

static bool memo_get(struct memo *m, const struct irv_key *key, uint64_t *winners)
{
	struct memo_entry *e;

	if (!m->cap)
		return false;
	e = memo_find(m, key);
	if (e->used)
		*winners |= e->winners;
	return e->used;
}

/* A full memo only stops remembering; the work limit bounds the search. */
static void memo_put(struct memo *m, const struct irv_key *key, uint64_t winners)
{
	if (m->count >= MEMO_LIMIT)
		return;
	if (2 * (m->count + 1) > m->cap) {
		struct memo bigger = { calloc(m->cap ? 2 * m->cap : 1024, sizeof *m->slot),
				       m->cap ? 2 * m->cap : 1024, 0 };
		if (!bigger.slot)
			return;
		for (size_t i = 0; i < m->cap; i++)
			if (m->slot[i].used)
				*memo_find(&bigger, &m->slot[i].key) = m->slot[i];
		bigger.count = m->count;
		free(m->slot);
		*m = bigger;
	}
	struct memo_entry *e = memo_find(m, key);
	if (!e->used)
		m->count++;
	*e = (struct memo_entry){ *key, winners, true };
}

static int follow(struct irv_ctx *c, struct irv_state *st, bool first, uint64_t *winners);

static int follow_child(struct irv_ctx *c, const struct irv_state *st, size_t x,
			uint64_t *winners)
{
	struct irv_state child;
	int rc = state_clone(c, st, &child);

	if (rc)
		return rc;
	eliminate(c, &child, x);
	rc = follow(c, &child, false, winners);
	free(child.block);
	return rc;
}

/* Every way through the tie in c->tied: the others on copies, then the
 * first in place, so the first way is what the caller's state ends as. */
static int branch(struct irv_ctx *c, struct irv_state *st, size_t nt, bool first,
		  uint64_t *winners)
{
	struct irv_key key;
	uint64_t w = 0;
	size_t *tied = malloc(nt * sizeof *tied);
	int rc = PACT_OK;

	if (!tied)
		return PACT_ENOMEM;
	memcpy(tied, c->tied, nt * sizeof *tied);
	make_key(c, st, &key);
	if (!first && memo_get(&c->memo, &key, winners)) {
		free(tied);
		return PACT_OK;
	}
	for (size_t i = 1; i < nt && rc == PACT_OK; i++) {
		if (c->work > c->work_limit) {
			c->truncated = true;
			break;
		}
		rc = follow_child(c, st, tied[i], &w);
	}
	if (rc == PACT_OK) {
		eliminate(c, st, tied[0]);
		rc = follow(c, st, first, &w);
	}
	if (rc == PACT_OK && !c->truncated)
		memo_put(&c->memo, &key, w);
	*winners |= w;
	free(tied);
	return rc;
}

/* Counts from st to the end, adding the possible winners to *winners.
 * first: this is the first way through every tie so far, whose rounds are
 * the ones shown. */
static int follow(struct irv_ctx *c, struct irv_state *st, bool first, uint64_t *winners)
{
	for (;;) {
		size_t w, nt, x;

		record_round(c, st);
		w = round_winner(c, st);
		if (w != NONE) {
			add_winner(c, winners, w);
			if (first)
				c->winner = w;
			return PACT_OK;
		}
		nt = fewest(c, st);
		if (nt == 0) /* cannot happen: round_winner takes the last one left */
			return PACT_OK;
		x = nt == 1 ? c->tied[0] : settle(c, st, nt, winners);
		if (x == NONE)
			return branch(c, st, nt, first, winners);
		eliminate(c, st, x);
	}
}

/* --- the result --------------------------------------------------------- */

static int64_t last_votes(const struct irv_ctx *c, const struct irv_state *st, size_t o)
{
	for (size_t r = st->nrounds; r-- > 0;)
		if (st->hist[r * c->n + o] >= 0)
			return st->hist[r * c->n + o];
	return 0;
}

struct loser {
	size_t option;
	const struct irv_ctx *c;
	const struct irv_state *st;
};

/* Options still in the count when it ended: most votes first, then the
 * earlier rounds, then the lot or input order. */
static int by_standing(const void *a, const void *b)
{
	const struct loser *x = a, *y = b;
	int h = by_history(x->st, x->c->n, y->option, x->option);

	if (h)
		return h;
	if (x->c->in->lot && x->c->lots[x->option] != x->c->lots[y->option])
		return x->c->lots[x->option] < x->c->lots[y->option] ? -1 : 1;
	return x->option < y->option ? -1 : 1;
}

static void add_row(struct tally_result *out, const struct irv_ctx *c,
		    const struct irv_state *st, size_t o, size_t position)
{
	out->rows[out->nrows++] = (struct tally_row){
		.option = o, .position = position, .value = last_votes(c, st, o)
	};
}

static int add_continuing(struct irv_ctx *c, const struct irv_state *st,
			  struct tally_result *out)
{
	struct loser *l = malloc(c->n * sizeof *l);
	size_t k = 0;

	if (!l)
		return PACT_ENOMEM;
	for (size_t o = 0; o < c->n; o++)
		if (!st->gone[o] && !c->possible[o])
			l[k++] = (struct loser){ o, c, st };
	qsort(l, k, sizeof *l, by_standing);
	for (size_t i = 0; i < k; i++) {
		bool same = i > 0 && by_history(st, c->n, l[i - 1].option, l[i].option) == 0;
		size_t pos = out->nrows + 1;
		if (same && c->in->lot)
			c->lot_drawn = true;
		if (same && !c->in->lot) {
			pos = out->rows[out->nrows - 1].position;
			out->tie = true;
		}
		add_row(out, c, st, l[i].option, pos);
	}
	free(l);
	return PACT_OK;
}

/* Position 1 for the winner or the possible winners, then the options
 * still in the count, then the others, last eliminated first. */
static int make_rows(struct irv_ctx *c, const struct irv_state *st, struct tally_result *out)
{
	size_t npossible = 0;

	out->rows = calloc(c->n, sizeof *out->rows);
	if (!out->rows)
		return PACT_ENOMEM;
	for (size_t o = 0; o < c->n; o++)
		if (c->possible[o]) {
			add_row(out, c, st, o, 1);
			npossible++;
		}
	if (npossible > 1)
		out->tie = out->tie_mattered = true;
	if (add_continuing(c, st, out))
		return PACT_ENOMEM;
	/* Options eliminated one after the other with the very same votes in
	 * every round were tied: they share a position (unless a lot ruled). */
	for (size_t i = st->nelim; i-- > 0;) {
		size_t o = st->elim[i], pos = out->nrows + 1;
		if (c->possible[o])
			continue;
		if (i + 1 < st->nelim && !c->possible[st->elim[i + 1]] && !c->in->lot &&
		    out->nrows > 0 && by_history(st, c->n, st->elim[i + 1], o) == 0) {
			pos = out->rows[out->nrows - 1].position;
			out->tie = true;
		}
		add_row(out, c, st, o, pos);
	}
	return PACT_OK;
}

static void append_name(char *buf, size_t size, const struct irv_ctx *c, size_t o, bool more)
{
	size_t len = strlen(buf);

	if (len + 1 >= size)
		return;
	if (c->in->names)
		snprintf(buf + len, size - len, "%s%s", c->in->names[o], more ? ", " : "");
	else
		snprintf(buf + len, size - len, "#%zu%s", o + 1, more ? ", " : "");
}

static void write_note(struct irv_ctx *c, struct tally_result *out)
{
	char names[384] = "";
	size_t left = 0;

	for (size_t o = 0; o < c->n; o++)
		left += c->possible[o];
	for (size_t o = 0; o < c->n; o++)
		if (c->possible[o])
			append_name(names, sizeof names, c, o, --left > 0);
	if (out->tie && out->rows[1].position == 1)
		snprintf(out->note, sizeof out->note,
			 _("How an elimination tie is broken decides the winner: %s could each win, so they share the first place."),
			 names);
	else if (c->truncated)
		snprintf(out->note, sizeof out->note, "%s",
			 _("An elimination tie was broken by input order; there were too many ways through the ties to follow, so whether it changed the winner is not known."));
	else if (c->unchecked)
		snprintf(out->note, sizeof out->note, "%s",
			 _("An elimination tie was broken by input order; with more than 64 options pact does not check whether it changed the winner."));
	else if (c->tie_seen)
		snprintf(out->note, sizeof out->note, "%s",
			 _("An elimination tie was broken by input order; every way of breaking it gives the same winner, so the tie did not matter."));
	else if (c->lot_drawn)
		snprintf(out->note, sizeof out->note,
			 _("Broken by lot with seed %llu; the same seed gives the same draw."),
			 (unsigned long long)c->in->seed);
	else if (out->tie)
		snprintf(out->note, sizeof out->note, "%s",
			 _("Tied options share a position; no lot."));
}

static int finish(struct irv_ctx *c, const struct irv_state *st, uint64_t winners,
		  struct tally_result *out)
{
	size_t cells = st->nrounds * c->n;

	if (c->n <= MAX_BRANCH_OPTIONS)
		for (size_t o = 0; o < c->n; o++)
			c->possible[o] = (winners >> o) & 1;
	/* A search cut short shows the first way only. */
	if (c->truncated)
		memset(c->possible, 0, c->n * sizeof *c->possible);
	c->possible[c->winner] = true;
	/* The rounds shown are those of the first way through every tie. */
	out->nrounds = st->nrounds;
	out->round_votes = malloc(cells * sizeof *out->round_votes);
	out->exhausted = malloc(st->nrounds * sizeof *out->exhausted);
	if (!out->round_votes || !out->exhausted || make_rows(c, st, out))
		return PACT_ENOMEM;
	memcpy(out->round_votes, st->hist, cells * sizeof *st->hist);
	memcpy(out->exhausted, st->exh, st->nrounds * sizeof *st->exh);
	out->lot_drawn = c->lot_drawn;
	if (c->unchecked || c->truncated)
		out->tie_mattered = true;
	write_note(c, out);
	return PACT_OK;
}

static int setup(struct irv_ctx *c, struct irv_state *st, struct pact_err *err)
{
	uint64_t seed = c->in->seed;
	int rc;

	if (c->n > 65535)
		return err_set(err, PACT_EINPUT, _("too many options for instant-runoff (%zu)"),
			       c->n);
	rc = build_prefs(c, err);
	if (rc)
		return rc;
	c->bytes = state_bytes(c->nv, c->n);
	c->tied = malloc(c->n * sizeof *c->tied);
	c->lots = malloc(c->n * sizeof *c->lots);
	c->possible = calloc(c->n, sizeof *c->possible);
	st->block = malloc(c->bytes);
	if (!c->tied || !c->lots || !c->possible || !st->block)
		return err_nomem(err);
	for (size_t o = 0; o < c->n; o++)
		c->lots[o] = c->in->lot ? tally_random(&seed) : 0;
	c->branch = c->n <= MAX_BRANCH_OPTIONS && !c->in->lot;
	/* The first way alone takes at most two steps a mark and one a ballot. */
	c->work_limit = WORK_LIMIT + 2 * (c->nv ? c->in->start[c->nv] : 0) + c->nv;
	state_place(st, st->block, c->nv, c->n);
	state_start(c, st);
	return PACT_OK;
}

int tally_count_irv(const struct tally_input *in, struct tally_result *out, struct pact_err *err)
{
	struct irv_ctx c = { .in = in, .n = in->noptions, .nv = in->nvoters, .winner = NONE };
	struct irv_state st = { 0 };
	uint64_t winners = 0;
	int rc;

	memset(out, 0, sizeof *out);
	if (c.n == 0)
		return PACT_OK;
	rc = setup(&c, &st, err);
	if (rc == PACT_OK)
		rc = follow(&c, &st, true, &winners);
	if (rc == PACT_OK)
		rc = finish(&c, &st, winners, out);
	if (rc == PACT_ENOMEM)
		err_nomem(err);
	if (rc)
		tally_free(out);
	free(c.prefs);
	free(c.tied);
	free(c.lots);
	free(c.possible);
	free(c.memo.slot);
	free(st.block);
	return rc;
}
