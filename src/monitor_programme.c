/* The monitoring charts of the programme's own ambitions (each indicator
 * against its target, per period) and of the afspiegeling (the
 * participants' share per group beside the city's). */
#include "monitor.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "array.h"
#include "diversity.h"
#include "i18n.h"
#include "indicator.h"
#include "utf8.h"

struct charts {
	struct monitor_chart *c;
	int n;
	size_t cap;
};

static struct monitor_chart *chart_new(struct charts *cs)
{
	struct monitor_chart *more = array_room(cs->c, (size_t)cs->n, &cs->cap, sizeof *more);

	if (!more)
		return NULL;
	cs->c = more;
	memset(&more[cs->n], 0, sizeof more[cs->n]);
	return &more[cs->n++];
}

static struct barchart_row *row_new(struct monitor_chart *c, const char *label)
{
	struct barchart_row *r;

	if (c->n >= MONITOR_ROWS)
		return NULL;
	utf8_fit(label, 40, c->labels[c->n], sizeof c->labels[c->n]);
	r = &c->rows[c->n];
	*r = (struct barchart_row){ .label = c->labels[c->n] };
	c->n++;
	return r;
}

static void note(struct monitor_chart *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void note(struct monitor_chart *c, const char *fmt, ...)
{
	size_t used = strlen(c->notes);
	va_list ap;

	if (used && used + 1 < sizeof c->notes)
		c->notes[used++] = '\n', c->notes[used] = '\0';
	va_start(ap, fmt);
	vsnprintf(c->notes + used, sizeof c->notes - used, fmt, ap);
	va_end(ap);
}

/* "120 / 100 met", "40% / 50%". */
static void point_shown(const struct indicator *ind, const struct indicator_point *p, char *out,
			size_t size)
{
	const char *pct = indicator_is_share(ind->measure) ? "%" : "";

	if (p->hidden)
		snprintf(out, size, "%s / %lld%s", p->shown, (long long)ind->target, pct);
	else
		snprintf(out, size, "%lld%s / %lld%s%s%s", (long long)p->value, pct,
			 (long long)ind->target, pct,
			 indicator_met(p->value, ind->target) ? " " : "",
			 indicator_met(p->value, ind->target) ? _("met") : "");
}

static int indicator_chart(sqlite3 *db, struct charts *cs, const struct indicator *ind,
			   struct pact_err *err)
{
	struct indicator_point *p;
	struct monitor_chart *c;
	char ambition[160], name[160];
	size_t n;
	int rc = indicator_points(db, ind, &p, &n, err);

	if (rc != PACT_OK)
		return rc;
	if (!(c = chart_new(cs))) {
		free(p);
		return err_nomem(err);
	}
	utf8_fit(ind->ambition, 50, ambition, sizeof ambition);
	utf8_fit(ind->name, 50, name, sizeof name);
	snprintf(c->heading, sizeof c->heading,
		 indicator_is_share(ind->measure) ? _("%s — %s (target %lld%% per %s)")
						  : _("%s — %s (target %lld per %s)"),
		 ambition, name, (long long)ind->target,
		 _(indicator_period_labels[ind->period]));
	for (size_t i = 0; i < n; i++) {
		struct barchart_row *r = row_new(c, p[i].period);

		if (!r)
			break;
		r->value = p[i].value;
		r->hatched = p[i].hidden;
		point_shown(ind, &p[i], r->shown, sizeof r->shown);
	}
	c->scale = ind->target;
	c->empty = ind->measure == IM_MANUAL
			   ? _("No figure entered yet: v in the list of indicators (A on the Board) "
			       "enters one per period.")
			   : _("No figures for this indicator in pact's data yet.");
	if (ind->measure >= 0)
		note(c, "%s: %s%s%s", _("Counted"), _(indicator_measure_labels[ind->measure]),
		     ind->subject[0] ? ", " : "", ind->subject);
	free(p);
	return PACT_OK;
}

static int indicator_charts(sqlite3 *db, struct charts *cs, struct pact_err *err)
{
	struct indicator *list;
	struct monitor_chart *c;
	size_t n;
	int rc = indicator_list(db, &list, &n, err);

	if (rc != PACT_OK)
		return rc;
	for (size_t i = 0; i < n && rc == PACT_OK; i++)
		rc = indicator_chart(db, cs, &list[i], err);
	indicator_list_free(list, n);
	if (rc != PACT_OK || n)
		return rc;
	if (!(c = chart_new(cs)))
		return err_nomem(err);
	snprintf(c->heading, sizeof c->heading, "%s", _("Ambitions and indicators"));
	c->empty = _("No ambitions yet: A on the Board adds an indicator to an ambition (or pact "
		     "import indicators FILE).");
	return PACT_OK;
}

/* One row of the afspiegeling: "23% · city 31%", "<5 · city 31%". */
static int mirror_row(sqlite3 *db, struct monitor_chart *c, int dim, const char *group,
		      const struct diversity_cell *cell, int64_t counted, struct pact_err *err)
{
	int64_t city = 0, city_total = 0;
	struct barchart_row *r = row_new(c, diversity_group_label(dim, group));
	char city_text[16] = "–";
	int rc = population_share(db, dim, group, &city, &city_total, err);

	if (rc != PACT_OK || !r)
		return rc;
	if (city_total > 0)
		snprintf(city_text, sizeof city_text, "%d%%", monitor_percent(city, city_total));
	r->value = cell ? monitor_percent(cell->people, counted) : 0;
	if (cell && cell->mark != SUPPRESS_SHOWN) {
		char shown[24];

		diversity_count_text(cell, shown);
		r->hatched = true;
		snprintf(r->shown, sizeof r->shown, "%.8s · %.16s %s", shown, _("city"), city_text);
	} else {
		snprintf(r->shown, sizeof r->shown, "%d%% · %.16s %s", (int)r->value, _("city"),
			 city_text);
	}
	return PACT_OK;
}

/* The city's groups of dimension dim that no count names (0% took part). */
static int city_only_rows(sqlite3 *db, struct monitor_chart *c, int dim,
			  const struct diversity_cell *cells, size_t n, struct pact_err *err)
{
	struct diversity_group *g;
	size_t ng;
	int rc = diversity_groups_load(db, &g, &ng, err);

	for (size_t i = 0; rc == PACT_OK && i < ng; i++) {
		int64_t city = 0, total = 0;
		bool counted = false;

		if (g[i].dim != dim)
			continue;
		for (size_t k = 0; k < n; k++)
			counted |= cells[k].dim == dim && strcmp(cells[k].group, g[i].name) == 0;
		if (!counted && (rc = population_share(db, dim, g[i].name, &city, &total, err)) ==
					PACT_OK && city > 0)
			rc = mirror_row(db, c, dim, g[i].name, NULL, 1, err);
	}
	diversity_groups_free(g, ng);
	return rc;
}

static int mirror_charts(sqlite3 *db, struct charts *cs, struct pact_err *err)
{
	struct diversity_cell *cells;
	struct monitor_chart *c;
	size_t n;
	int rc = diversity_cells(db, DIVERSITY_SESSION, 0, NULL, false, &cells, &n, err);

	if (rc != PACT_OK)
		return rc;
	for (int d = 0; d < DIVERSITY_DIMENSIONS && rc == PACT_OK; d++) {
		int64_t counted = diversity_dimension_total(cells, n, d), city = 0, city_total = 0;
		bool hidden = false, masked = false;

		if (!counted)
			continue;
		if (!(c = chart_new(cs))) {
			rc = err_nomem(err);
			break;
		}
		snprintf(c->heading, sizeof c->heading,
			 _("Afspiegeling: %s (the participants' share beside the city's)"),
			 _(diversity_dimension_labels[d]));
		for (size_t i = 0; i < n && rc == PACT_OK; i++)
			if (cells[i].dim == d) {
				rc = mirror_row(db, c, d, cells[i].group, &cells[i], counted, err);
				hidden |= cells[i].mark != SUPPRESS_SHOWN;
				masked |= cells[i].mark == SUPPRESS_MASKED;
			}
		if (rc == PACT_OK)
			rc = city_only_rows(db, c, d, cells, n, err);
		c->scale = 100;
		if (rc == PACT_OK)
			rc = population_share(db, d, "", &city, &city_total, err);
		if (rc == PACT_OK && !city_total)
			note(c,
			     _("No city figures for %s yet: add them with G on the Board, then p, or "
			       "with pact import population FILE."),
			     _(diversity_dimension_labels[d]));
		if (hidden) {
			char legend[256];

			snprintf(legend, sizeof legend,
				 _("Groups of fewer than %d people are shown as <%d, so that nobody "
				   "can be picked out.\n"),
				 SUPPRESS_MIN, SUPPRESS_MIN);
			legend[strcspn(legend, "\n")] = '\0';
			note(c, "%s", legend);
		}
		if (masked)
			note(c, "%s", _("x: hidden as well, so that a small group cannot be worked "
					"out from the total and the other groups."));
	}
	diversity_cells_free(cells, n);
	if (rc != PACT_OK || n)
		return rc;
	if (!(c = chart_new(cs)))
		return err_nomem(err);
	snprintf(c->heading, sizeof c->heading, "%s", _("Afspiegeling"));
	c->empty = _("No diversity counts yet: D in a session (Brainstorm) or in a card's view "
		     "(Board) records them.");
	return PACT_OK;
}

int monitor_programme_charts(sqlite3 *db, struct monitor_chart **charts, int *n,
			     struct pact_err *err)
{
	struct charts cs = { 0 };
	int rc = indicator_charts(db, &cs, err);

	if (rc == PACT_OK)
		rc = mirror_charts(db, &cs, err);
	if (rc != PACT_OK) {
		free(cs.c);
		cs.c = NULL;
		cs.n = 0;
	}
	*charts = cs.c;
	*n = cs.n;
	return rc;
}
