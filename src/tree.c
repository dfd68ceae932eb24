/* The stappenplan's decision tree: a text file of rung, question and
 * outcome blocks (data/tree.txt describes the format). The parser reads on
 * after a problem, so that one check lists them all; the checks of the
 * whole graph (targets, rungs, circles, reachability) run once every block
 * is read. */
#include "tree.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "array.h"
#include "datafile.h"
#include "i18n.h"
#include "path.h"
#include "strmap.h"
#include "text.h"
#include "utf8.h"
#include "value.h"
#include "werkvorm.h"

/* A tree file bigger than this is not a decision tree. */
#define TREE_FILE_MAX (1024 * 1024)

enum block { BLOCK_NONE, BLOCK_SKIP, BLOCK_QUESTION, BLOCK_OUTCOME, BLOCK_RUNG };

enum field {
	F_EN, F_NL, F_HELP_EN, F_HELP_NL, F_PROMISE_EN, F_PROMISE_NL,
	F_ANSWER, F_RUNG, F_QUESTION, F_OUTCOME, F_GROUP_SIZE, F_MINUTES, F_HARD_TO_REACH,
	F_NOTE_EN, F_NOTE_NL, F_COUNT
};

static const char *const field_name[F_COUNT] = {
	"en", "nl", "help-en", "help-nl", "promise-en", "promise-nl",
	"answer", "rung", "question", "outcome", "group-size", "minutes", "hard-to-reach",
	"note-en", "note-nl",
};

#define BIT(f) (1u << (f))
/* The fields each kind of block takes after its first line. */
static const unsigned block_fields[] = {
	[BLOCK_QUESTION] = BIT(F_EN) | BIT(F_NL) | BIT(F_HELP_EN) | BIT(F_HELP_NL) | BIT(F_ANSWER) |
			   BIT(F_GROUP_SIZE) | BIT(F_MINUTES) | BIT(F_HARD_TO_REACH) |
			   BIT(F_NOTE_EN) | BIT(F_NOTE_NL),
	[BLOCK_OUTCOME] = BIT(F_EN) | BIT(F_NL) | BIT(F_RUNG),
	[BLOCK_RUNG] = BIT(F_EN) | BIT(F_NL) | BIT(F_PROMISE_EN) | BIT(F_PROMISE_NL),
};

struct parser {
	const char *name;
	struct tree_report *rep;
	size_t nproblems; /* found, also those the report had no room for */
	bool oom;
	struct tree tree;
	size_t node_cap, rung_cap, answer_cap;
	size_t line;        /* number of the line being read, from 1 */
	const char *line_start;
	enum block block;   /* the open block */
	unsigned answer_attrs; /* the attribute fields the last answer has, as BIT()s */
	bool any_attrs;     /* some answer in the file has one */
};

/* malloc'd printf; NULL when out of memory. */
__attribute__((format(printf, 1, 2)))
static char *format(const char *fmt, ...)
{
	va_list ap;
	char *s;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || !(s = malloc((size_t)n + 1)))
		return NULL;
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return s;
}

static void report_clear(struct tree_report *rep)
{
	if (!rep)
		return;
	for (size_t i = 0; i < rep->n; i++)
		free(rep->problems[i].msg);
	free(rep->problems);
	free(rep->text);
	memset(rep, 0, sizeof *rep);
}

void tree_report_free(struct tree_report *rep)
{
	report_clear(rep);
}

/* Keep "NAME:LINE: msg", "NAME:LINE:COL: msg" when col is not 0, or
 * "NAME: msg" for line 0; false when the report is full (unless forced) or
 * memory ran out. */
static bool report_add(struct tree_report *rep, const char *name, size_t line, size_t col,
		       const char *msg, bool force)
{
	struct tree_problem *problems;
	char *s;

	if (!rep || (rep->n >= TREE_PROBLEMS_MAX && !force))
		return false;
	if (!(problems = array_room(rep->problems, rep->n, &rep->cap, sizeof *problems)))
		return false;
	rep->problems = problems;
	if (line && line != SIZE_MAX && col)
		s = format("%s:%zu:%zu: %s", name, line, col, msg);
	else
		s = line && line != SIZE_MAX ? format("%s:%zu: %s", name, line, msg)
					     : format("%s: %s", name, msg);
	if (!s)
		return false;
	free(rep->text);
	rep->text = NULL;
	rep->problems[rep->n++] = (struct tree_problem){ line, s };
	return true;
}

/* Problems in line order; those on one line stay in the order found. */
static void report_sort(struct tree_report *rep)
{
	for (size_t i = 1; rep && i < rep->n; i++) {
		struct tree_problem x = rep->problems[i];
		size_t j = i;
		for (; j > 0 && rep->problems[j - 1].line > x.line; j--)
			rep->problems[j] = rep->problems[j - 1];
		rep->problems[j] = x;
	}
}

const char *tree_report_text(struct tree_report *rep)
{
	size_t len = 0, at = 0;

	if (!rep || rep->n == 0)
		return "";
	if (rep->text)
		return rep->text;
	for (size_t i = 0; i < rep->n; i++)
		len += strlen(rep->problems[i].msg) + 1;
	if (!(rep->text = malloc(len)))
		return _("out of memory");
	for (size_t i = 0; i < rep->n; i++) {
		size_t n = strlen(rep->problems[i].msg);
		memcpy(rep->text + at, rep->problems[i].msg, n);
		at += n;
		rep->text[at++] = '\n';
	}
	rep->text[len - 1] = '\0';
	return rep->text;
}

static void vproblem(struct parser *p, size_t line, size_t col, const char *fmt, va_list ap)
	__attribute__((format(printf, 4, 0)));

static void vproblem(struct parser *p, size_t line, size_t col, const char *fmt, va_list ap)
{
	char msg[600];

	vsnprintf(msg, sizeof msg, fmt, ap);
	p->nproblems++;
	report_add(p->rep, p->name, line, col, msg, false);
}

__attribute__((format(printf, 3, 4)))
static void problem(struct parser *p, size_t line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vproblem(p, line, 0, fmt, ap);
	va_end(ap);
}

/* The column (in characters, from 1) of `at` on the line being read. */
static size_t column_of(const struct parser *p, const char *at)
{
	size_t col = 1;

	/* the line is valid UTF-8 here: count the bytes that start a character */
	for (const char *c = p->line_start; c < at; c++)
		col += ((unsigned char)*c & 0xC0) != 0x80;
	return col;
}

/* A problem with the value at `at` on the line being read. */
__attribute__((format(printf, 3, 4)))
static void problem_at(struct parser *p, const char *at, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vproblem(p, p->line, column_of(p, at), fmt, ap);
	va_end(ap);
}

/* A problem with the value at column col of an earlier line. */
__attribute__((format(printf, 4, 5)))
static void problem_col(struct parser *p, size_t line, size_t col, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vproblem(p, line, col, fmt, ap);
	va_end(ap);
}

static void out_of_memory(struct parser *p)
{
	if (!p->oom)
		problem(p, p->line, "%s", _("out of memory"));
	p->oom = true;
}

static char *copy(struct parser *p, const char *s, size_t n)
{
	char *c = malloc(n + 1);

	if (!c) {
		out_of_memory(p);
		return NULL;
	}
	memcpy(c, s, n);
	c[n] = '\0';
	return c;
}

static enum field field_of(const char *s, size_t n)
{
	for (int f = 0; f < F_COUNT; f++)
		if (strlen(field_name[f]) == n && memcmp(s, field_name[f], n) == 0)
			return (enum field)f;
	return F_COUNT;
}

/* Lower-case letters, digits and hyphens. */
static bool check_id(struct parser *p, enum field f, const char *s, size_t n)
{
	char quoted[160];
	bool ok = n > 0 && n <= TREE_ID_MAX;

	for (size_t i = 0; ok && i < n; i++)
		ok = (s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '-';
	if (ok)
		return true;
	if (n == 0) {
		problem(p, p->line, _("\"%s:\" needs an id after the colon"), field_name[f]);
		return false;
	}
	utf8_quote(s, n, 30, quoted, sizeof quoted);
	problem(p, p->line, _("\"%s\" is not a usable id; use lower-case letters a-z, digits and "
			      "hyphens (at most %d), like \"little-time\""), quoted, TREE_ID_MAX);
	return false;
}

/* A text's rules; with_col, a problem names the column of the text (or of
 * the control character in it), as the note lines' problems do. */
static void check_text(struct parser *p, enum field f, const char *s, size_t n, bool with_col)
{
	size_t i = 0, chars = 0, line = p->line;
	uint32_t cp;

	if (n == 0) {
		problem_col(p, line, with_col ? column_of(p, s) : 0,
			    _("\"%s:\" has no text after the colon"), field_name[f]);
		return;
	}
	while (i < n) {
		size_t k = utf8_decode(s + i, n - i, &cp);
		if (utf8_is_control(cp)) {
			problem_col(p, line, with_col ? column_of(p, s + i) : 0,
				    _("the text contains a control character (U+%04X); remove it"),
				    (unsigned)cp);
			return;
		}
		i += k ? k : 1;
		chars++;
	}
	if (chars > TREE_TEXT_MAX)
		problem_col(p, line, with_col ? column_of(p, s) : 0,
			    _("the text is %zu characters long; a text holds at most %d"), chars,
			    TREE_TEXT_MAX);
}

static struct tree_node *open_node(struct parser *p)
{
	return &p->tree.nodes[p->tree.nnodes - 1];
}

static struct tree_rung *open_rung(struct parser *p)
{
	return &p->tree.rungs[p->tree.nrungs - 1];
}

/* arr, or a bigger copy of it, with room for element n (*cap has room
 * for); NULL when out of memory, arr then unchanged. */
static void *room_for(struct parser *p, void *arr, size_t n, size_t *cap, size_t size)
{
	void *more = array_room(arr, n, cap, size);

	if (!more)
		out_of_memory(p);
	return more;
}

static void add_node(struct parser *p, enum tree_kind kind, char *id)
{
	struct tree *t = &p->tree;
	struct tree_node *nodes = room_for(p, t->nodes, t->nnodes, &p->node_cap, sizeof *nodes);

	if (!nodes) {
		free(id);
		p->block = BLOCK_SKIP;
		return;
	}
	t->nodes = nodes;
	t->nodes[t->nnodes++] = (struct tree_node){ .kind = kind, .id = id, .line = p->line };
	if (kind == TREE_QUESTION)
		t->nquestions++;
	else
		t->noutcomes++;
	p->answer_cap = 0;
	p->block = kind == TREE_QUESTION ? BLOCK_QUESTION : BLOCK_OUTCOME;
}

static void add_rung(struct parser *p, char *id)
{
	struct tree *t = &p->tree;
	struct tree_rung *rungs = room_for(p, t->rungs, t->nrungs, &p->rung_cap, sizeof *rungs);

	if (!rungs) {
		free(id);
		p->block = BLOCK_SKIP;
		return;
	}
	t->rungs = rungs;
	t->rungs[t->nrungs++] = (struct tree_rung){ .id = id, .line = p->line };
	p->block = BLOCK_RUNG;
}

/* The first line of a block: "question: ID", "outcome: ID" or "rung: ID".
 * A block whose id is unusable is skipped up to the next blank line. */
static void open_block(struct parser *p, enum field f, const char *id, size_t n)
{
	char *c;

	p->block = BLOCK_SKIP;
	if (!check_id(p, f, id, n) || !(c = copy(p, id, n)))
		return;
	if (f == F_RUNG)
		add_rung(p, c);
	else
		add_node(p, f == F_QUESTION ? TREE_QUESTION : TREE_OUTCOME, c);
}

static void need_answer_text(struct parser *p, const struct tree_answer *a)
{
	if (!a->text.en)
		problem(p, a->line, _("the answer \"%s\" has no \"%s:\" line"), a->id, "en");
	if (!a->text.nl)
		problem(p, a->line, _("the answer \"%s\" has no \"%s:\" line"), a->id, "nl");
	if (!a->note.en != !a->note.nl)
		problem_col(p, a->note_line, a->note_col,
			    _("the answer \"%s\" has \"%s:\" but no \"%s:\"; give the note in both "
			      "languages"),
			    a->id, a->note.en ? "note-en" : "note-nl",
			    a->note.en ? "note-nl" : "note-en");
}

static void close_question(struct parser *p, const struct tree_node *q)
{
	if (q->nanswers > 0)
		need_answer_text(p, &q->answers[q->nanswers - 1]);
	for (int f = F_EN; f <= F_NL; f++)
		if (!(f == F_EN ? q->text.en : q->text.nl))
			problem(p, q->line, _("the question \"%s\" has no \"%s:\" line; the "
					      "question's own text comes before its first answer"),
				q->id, field_name[f]);
	if (!q->help.en != !q->help.nl)
		problem(p, q->line, _("the question \"%s\" has \"%s:\" but no \"%s:\"; give the "
				      "help in both languages"),
			q->id, q->help.en ? "help-en" : "help-nl", q->help.en ? "help-nl" : "help-en");
}

static void close_outcome(struct parser *p, const struct tree_node *o)
{
	if (o->rung_line == 0)
		problem(p, o->line, _("the outcome \"%s\" has no \"rung:\" line"), o->id);
	for (int f = F_EN; f <= F_NL; f++)
		if (!(f == F_EN ? o->text.en : o->text.nl))
			problem(p, o->line, _("the outcome \"%s\" has no \"%s:\" line"), o->id,
				field_name[f]);
}

static void close_rung(struct parser *p, const struct tree_rung *r)
{
	const char *const have[] = { r->name.en, r->name.nl, r->promise.en, r->promise.nl };
	const enum field fields[] = { F_EN, F_NL, F_PROMISE_EN, F_PROMISE_NL };

	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
		if (!have[i])
			problem(p, r->line, _("the rung \"%s\" has no \"%s:\" line"), r->id,
				field_name[fields[i]]);
}

/* Report what the open block lacks; a blank line or the end of the file. */
static void close_block(struct parser *p)
{
	if (p->block == BLOCK_QUESTION)
		close_question(p, open_node(p));
	else if (p->block == BLOCK_OUTCOME)
		close_outcome(p, open_node(p));
	else if (p->block == BLOCK_RUNG)
		close_rung(p, open_rung(p));
	p->block = BLOCK_NONE;
}

/* Where the text of field f goes in the open block; *owner is the line
 * of the block or answer it belongs to. */
static char **text_slot(struct parser *p, enum field f, size_t *owner)
{
	struct tree_node *n;
	struct tree_rung *r;

	if (p->block == BLOCK_RUNG) {
		r = open_rung(p);
		*owner = r->line;
		return f == F_EN ? &r->name.en : f == F_NL ? &r->name.nl
		       : f == F_PROMISE_EN ? &r->promise.en : &r->promise.nl;
	}
	n = open_node(p);
	*owner = n->line;
	if (f == F_HELP_EN || f == F_HELP_NL)
		return f == F_HELP_EN ? &n->help.en : &n->help.nl;
	if (n->nanswers > 0) {
		struct tree_answer *a = &n->answers[n->nanswers - 1];
		*owner = a->line;
		return f == F_EN ? &a->text.en : &a->text.nl;
	}
	return f == F_EN ? &n->text.en : &n->text.nl;
}

/* Texts are kept even when they break a rule, so that the rule is
 * reported once, not again as a missing text. */
static void set_text(struct parser *p, enum field f, const char *s, size_t n)
{
	size_t owner;
	char **slot = text_slot(p, f, &owner);

	if (*slot) {
		problem(p, p->line, _("a second \"%s:\" line in the block or answer that starts at "
				      "line %zu; put a blank line between blocks"),
			field_name[f], owner);
		return;
	}
	check_text(p, f, s, n, false);
	*slot = copy(p, s, n);
}

static void set_rung(struct parser *p, const char *s, size_t n)
{
	struct tree_node *o = open_node(p);

	if (o->rung_line) {
		problem(p, p->line, _("a second \"rung:\" line in the outcome that starts at line %zu"),
			o->line);
		return;
	}
	o->rung_line = p->line;
	if (check_id(p, F_RUNG, s, n))
		o->rung_id = copy(p, s, n);
}

/* The position of "->" in s, or n when there is none. */
static size_t find_arrow(const char *s, size_t n)
{
	for (size_t i = 0; i + 1 < n; i++)
		if (s[i] == '-' && s[i + 1] == '>')
			return i;
	return n;
}

/* False when the id is unusable (a repeated one is usable, and reported). */
static bool check_answer_id(struct parser *p, const struct tree_node *q, const char *id,
			    size_t n)
{
	if (!check_id(p, F_ANSWER, id, n))
		return false;
	for (size_t i = 0; i < q->nanswers; i++)
		if (strlen(q->answers[i].id) == n && memcmp(q->answers[i].id, id, n) == 0)
			problem(p, p->line, _("the question \"%s\" already has an answer \"%s\" (at "
					      "line %zu); answer ids differ within a question"),
				q->id, q->answers[i].id, q->answers[i].line);
	return true;
}

/* "answer: ID -> NEXT". An answer without a usable target is still added,
 * so that its text lines find their place. */
static void add_answer(struct parser *p, const char *s, size_t n)
{
	struct tree_node *q = open_node(p);
	size_t arrow = find_arrow(s, n), id_n = arrow, next_n = 0;
	const char *id = s, *next = arrow < n ? s + arrow + 2 : s + n;
	struct tree_answer a = { .line = p->line }, *answers;
	char quoted[160];

	if (q->nanswers > 0)
		need_answer_text(p, &q->answers[q->nanswers - 1]);
	next_n = (size_t)(s + n - next);
	text_trim(&id, &id_n);
	text_trim(&next, &next_n);
	if (!check_answer_id(p, q, id, id_n)) {
		utf8_quote(id, id_n, 30, quoted, sizeof quoted);
		id = quoted, id_n = strlen(quoted);
	}
	if (!(a.id = copy(p, id, id_n)))
		return;
	if (next_n == 0)
		problem(p, p->line, _("the answer \"%s\" leads nowhere; write \"answer: %s -> ID\" "
				      "with the id of the next question or outcome"), a.id, a.id);
	else if (check_id(p, F_ANSWER, next, next_n))
		a.next_id = copy(p, next, next_n);
	answers = room_for(p, q->answers, q->nanswers, &p->answer_cap, sizeof *answers);
	if (!answers) {
		free(a.id);
		free(a.next_id);
		return;
	}
	q->answers = answers;
	q->answers[q->nanswers++] = a;
	p->answer_attrs = 0;
}

static void unknown_field(struct parser *p, const char *s, size_t n)
{
	char quoted[160];

	utf8_quote(s, n, 30, quoted, sizeof quoted);
	if (p->block == BLOCK_QUESTION)
		problem(p, p->line, _("unknown field \"%s:\" in a question; a question has en:, nl:, "
				      "help-en:, help-nl: and answer: lines, and an answer may have "
				      "group-size:, minutes:, hard-to-reach:, note-en: and note-nl: "
				      "lines"), quoted);
	else if (p->block == BLOCK_OUTCOME)
		problem(p, p->line, _("unknown field \"%s:\" in an outcome; an outcome has rung:, "
				      "en: and nl: lines"), quoted);
	else
		problem(p, p->line, _("unknown field \"%s:\" in a rung; a rung has en:, nl:, "
				      "promise-en: and promise-nl: lines"), quoted);
}

/* "group-size: N", "minutes: N" or "hard-to-reach: yes|no" under an
 * answer: what the answer tells for choosing work forms. */
static void set_attribute(struct parser *p, enum field f, const char *field, const char *value,
			  size_t value_n)
{
	struct tree_node *q = open_node(p);
	struct tree_answer *a = q->nanswers ? &q->answers[q->nanswers - 1] : NULL;
	char text[32], quoted[160];
	struct pact_err why;
	int64_t number = 0;
	bool yes = false;

	if (!a) {
		problem_at(p, field, _("\"%s:\" belongs to an answer; put it under an \"answer:\" "
				       "line of the question \"%s\""), field_name[f], q->id);
		return;
	}
	if (p->answer_attrs & BIT(f)) {
		problem_at(p, field, _("a second \"%s:\" line in the answer \"%s\" that starts at "
				       "line %zu"), field_name[f], a->id, a->line);
		return;
	}
	p->answer_attrs |= BIT(f);
	p->any_attrs = true;
	utf8_quote(value, value_n, 30, quoted, sizeof quoted);
	if (value_n >= sizeof text) {
		text[0] = '\0'; /* too long to be a number or yes */
	} else {
		memcpy(text, value, value_n);
		text[value_n] = '\0';
	}
	if (f == F_HARD_TO_REACH) {
		if (value_n == 0 || value_n >= sizeof text || value_bool(text, &yes, &why) != PACT_OK)
			problem_at(p, value, _("\"%s:\" is yes or no, not \"%s\""), field_name[f],
				   quoted);
		else
			a->hard_to_reach = yes;
		return;
	}
	if (value_n == 0 || value_n >= sizeof text || value_digit_run(text, value_n) != value_n ||
	    value_int(text, 1, TREE_NUMBER_MAX, &number, &why) != PACT_OK)
		problem_at(p, value, _("\"%s:\" is a whole number from 1 to %d, not \"%s\""),
			   field_name[f], TREE_NUMBER_MAX, quoted);
	else if (f == F_GROUP_SIZE)
		a->group_size = number;
	else
		a->minutes = number;
}

/* "note-en: text" or "note-nl: text" under an answer: a note the advice
 * shows when the path passes the answer (what the law asks, say). Its
 * problems name the column, as the answer's other values do. */
static void set_note(struct parser *p, enum field f, const char *field, const char *value,
		     size_t value_n)
{
	struct tree_node *q = open_node(p);
	struct tree_answer *a = q->nanswers ? &q->answers[q->nanswers - 1] : NULL;
	char **slot;

	if (!a) {
		problem_at(p, field, _("\"%s:\" belongs to an answer; put it under an \"answer:\" "
				       "line of the question \"%s\""), field_name[f], q->id);
		return;
	}
	slot = f == F_NOTE_EN ? &a->note.en : &a->note.nl;
	if (*slot) {
		problem_at(p, field, _("a second \"%s:\" line in the answer \"%s\" that starts at "
				       "line %zu"), field_name[f], a->id, a->line);
		return;
	}
	check_text(p, f, value, value_n, true);
	/* kept even when it breaks a rule: the rule is reported once */
	if (!(*slot = copy(p, value, value_n)))
		return;
	if (!a->note_line) {
		a->note_line = p->line;
		a->note_col = column_of(p, field);
	}
}

/* A "field: value" line; the kind of the open block says what it means. */
static void parse_field(struct parser *p, const char *field, size_t field_n, const char *value,
			size_t value_n)
{
	enum field f = field_of(field, field_n);
	bool starts = f == F_QUESTION || f == F_OUTCOME || (f == F_RUNG && p->block != BLOCK_OUTCOME);
	char quoted[160];

	if (p->block == BLOCK_SKIP)
		return;
	if (p->block == BLOCK_NONE && !starts) {
		utf8_quote(field, field_n, 30, quoted, sizeof quoted);
		problem(p, p->line, _("a block starts with a \"question:\", \"outcome:\" or \"rung:\" "
				      "line, not with \"%s:\""), quoted);
		p->block = BLOCK_SKIP;
	} else if (starts) {
		if (p->block != BLOCK_NONE)
			problem(p, p->line, _("\"%s:\" starts a new block; put a blank line before it"),
				field_name[f]);
		close_block(p);
		open_block(p, f, value, value_n);
	} else if (f == F_COUNT || !(block_fields[p->block] & BIT(f))) {
		unknown_field(p, field, field_n);
	} else if (f == F_ANSWER) {
		add_answer(p, value, value_n);
	} else if (f == F_GROUP_SIZE || f == F_MINUTES || f == F_HARD_TO_REACH) {
		set_attribute(p, f, field, value, value_n);
	} else if (f == F_NOTE_EN || f == F_NOTE_NL) {
		set_note(p, f, field, value, value_n);
	} else if (f == F_RUNG) {
		set_rung(p, value, value_n);
	} else {
		set_text(p, f, value, value_n);
	}
}

static void parse_line(struct parser *p, const char *s, size_t n)
{
	const char *colon, *field, *value;
	size_t bad, field_n, value_n;

	if (!utf8_valid(s, n, &bad)) {
		problem(p, p->line, _("not valid UTF-8 (at byte %zu of the line); save the file as "
				      "UTF-8"), bad + 1);
		if (p->block == BLOCK_NONE)
			p->block = BLOCK_SKIP;
		return;
	}
	text_trim(&s, &n);
	if (n == 0) {
		close_block(p);
		return;
	}
	if (s[0] == '#')
		return;
	if (!(colon = memchr(s, ':', n))) {
		if (p->block != BLOCK_SKIP)
			problem(p, p->line, _("a line is \"field: text\", like \"en: …\" (or # for a "
					      "note)"));
		if (p->block == BLOCK_NONE)
			p->block = BLOCK_SKIP;
		return;
	}
	field = s, field_n = (size_t)(colon - s);
	value = colon + 1, value_n = n - field_n - 1;
	text_trim(&field, &field_n);
	text_trim(&value, &value_n);
	parse_field(p, field, field_n, value, value_n);
}

static void parse_lines(struct parser *p, const char *text, size_t len)
{
	size_t pos = 0;

	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		pos = 3;
	while (pos < len && !p->oom) {
		const char *s = text + pos, *nl = memchr(s, '\n', len - pos);
		size_t n = nl ? (size_t)(nl - s) : len - pos;

		pos += n + (nl ? 1 : 0);
		p->line++;
		p->line_start = s;
		if (n > 0 && s[n - 1] == '\r')
			n--;
		parse_line(p, s, n);
	}
	close_block(p);
}

/* Index the node ids; dup[i] marks a node whose id an earlier one has.
 * first[k] is the node that the k-th distinct id names. */
static bool index_ids(struct parser *p, struct strmap *ids, size_t *first, bool *dup)
{
	const struct tree *t = &p->tree;

	for (size_t i = 0; i < t->nnodes; i++) {
		size_t k;
		bool added;

		if (!strmap_intern(ids, t->nodes[i].id, &k, &added)) {
			out_of_memory(p);
			return false;
		}
		if (added)
			first[k] = i;
		dup[i] = !added;
		if (!added)
			problem(p, t->nodes[i].line, _("the id \"%s\" is already used at line %zu; each "
						       "question and outcome needs its own id"),
				t->nodes[i].id, t->nodes[first[k]].line);
	}
	return true;
}

/* Point each answer at its node; a question without answers ends a path
 * without an outcome. */
static void resolve_answers(struct parser *p, const struct strmap *ids, const size_t *first)
{
	struct tree *t = &p->tree;

	for (size_t i = 0; i < t->nnodes; i++) {
		struct tree_node *q = &t->nodes[i];
		if (q->kind == TREE_QUESTION && q->nanswers == 0)
			problem(p, q->line, _("the question \"%s\" has no answers, so a path stops here "
					      "without an outcome; add \"answer: ID -> NEXT\" lines"),
				q->id);
		for (size_t j = 0; j < q->nanswers; j++) {
			struct tree_answer *a = &q->answers[j];
			size_t k;
			if (!a->next_id)
				continue;
			if (strmap_get(ids, a->next_id, &k))
				a->next = &t->nodes[first[k]];
			else
				problem(p, a->line, _("the answer \"%s\" leads to \"%s\", which is not a "
						      "question or outcome in this file"),
					a->id, a->next_id);
		}
	}
}

/* "informeren, raadplegen, …" for a message. */
static void rung_list(const struct tree *t, char *out, size_t outsz)
{
	size_t at = 0;

	out[0] = '\0';
	for (size_t i = 0; i < t->nrungs && at + 1 < outsz; i++) {
		int n = snprintf(out + at, outsz - at, "%s%s", i ? ", " : "", t->rungs[i].id);
		if (n < 0 || (size_t)n >= outsz - at)
			break;
		at += (size_t)n;
	}
}

static void unknown_rung(struct parser *p, const struct tree_node *o)
{
	char list[200];

	rung_list(&p->tree, list, sizeof list);
	if (p->tree.nrungs == 0)
		problem(p, o->rung_line, _("unknown rung \"%s\"; define it in a block that starts "
					   "with \"rung: %s\""), o->rung_id, o->rung_id);
	else
		problem(p, o->rung_line, _("unknown rung \"%s\"; the rungs defined in this file are: "
					   "%s"), o->rung_id, list);
}

/* Index the rung ids as index_ids does the nodes, and point each outcome
 * at its rung. */
static void resolve_rungs(struct parser *p)
{
	struct tree *t = &p->tree;
	struct strmap ids;
	size_t k, *first = malloc((t->nrungs + 1) * sizeof *first);
	bool added;

	if (!first) {
		out_of_memory(p);
		return;
	}
	strmap_init(&ids);
	for (size_t i = 0; i < t->nrungs && !p->oom; i++) {
		if (!strmap_intern(&ids, t->rungs[i].id, &k, &added)) {
			out_of_memory(p);
			break;
		}
		if (added)
			first[k] = i;
		else
			problem(p, t->rungs[i].line, _("the rung \"%s\" is already defined at line %zu"),
				t->rungs[i].id, t->rungs[first[k]].line);
	}
	for (size_t i = 0; i < t->nnodes && !p->oom; i++) {
		struct tree_node *o = &t->nodes[i];
		if (o->kind != TREE_OUTCOME || !o->rung_id)
			continue;
		if (strmap_get(&ids, o->rung_id, &k))
			o->rung = &t->rungs[first[k]];
		else
			unknown_rung(p, o);
	}
	strmap_free(&ids);
	free(first);
}

struct frame {
	size_t node;
	size_t next_answer;
};

/* The ids from stack[from] up to the top, and then back to the first;
 * a path too long for out ends in "-> …". */
static void circle_text(const struct tree *t, const struct frame *stack, size_t from,
			size_t depth, char *out, size_t outsz)
{
	size_t at = 0;

	out[0] = '\0';
	for (size_t i = from; i <= depth; i++) {
		const char *id = t->nodes[stack[i < depth ? i : from].node].id;
		const char *arrow = i > from ? " -> " : "";
		if (at + strlen(arrow) + strlen(id) + sizeof " -> …" > outsz) {
			snprintf(out + at, outsz - at, " -> …");
			return;
		}
		at += (size_t)snprintf(out + at, outsz - at, "%s%s", arrow, id);
	}
}

enum { NEW, ON_PATH, DONE };

/* Depth-first from every node; an answer that leads to a node on the
 * current path closes a circle. */
static void walk_circles(struct parser *p, size_t start, unsigned char *state, size_t *pos,
			 struct frame *stack)
{
	const struct tree *t = &p->tree;
	size_t depth = 1;
	char circle[300];

	stack[0] = (struct frame){ start, 0 };
	state[start] = ON_PATH;
	pos[start] = 0;
	while (depth > 0) {
		struct frame *f = &stack[depth - 1];
		const struct tree_node *n = &t->nodes[f->node];
		const struct tree_answer *a;
		size_t to;

		if (f->next_answer == n->nanswers) {
			state[f->node] = DONE;
			depth--;
			continue;
		}
		a = &n->answers[f->next_answer++];
		if (!a->next)
			continue;
		to = (size_t)(a->next - t->nodes);
		if (state[to] == ON_PATH) {
			circle_text(t, stack, pos[to], depth, circle, sizeof circle);
			problem(p, a->line, _("the answer \"%s\" leads back to \"%s\", so the path goes "
					      "round in a circle: %s"), a->id, a->next->id, circle);
		} else if (state[to] == NEW) {
			state[to] = ON_PATH;
			pos[to] = depth;
			stack[depth++] = (struct frame){ to, 0 };
		}
	}
}

static void check_circles(struct parser *p)
{
	size_t n = p->tree.nnodes, room = n ? n : 1;
	unsigned char *state = calloc(room, 1);
	size_t *pos = malloc(room * sizeof *pos);
	struct frame *stack = malloc(room * sizeof *stack);

	if (!state || !pos || !stack)
		out_of_memory(p);
	else
		for (size_t i = 0; i < n && !p->oom; i++)
			if (state[i] == NEW)
				walk_circles(p, i, state, pos, stack);
	free(state);
	free(pos);
	free(stack);
}

/* Every node but a duplicate must be reachable from the first question. */
static void check_reachable(struct parser *p, const struct tree_node *root, const bool *dup)
{
	const struct tree *t = &p->tree;
	size_t n = t->nnodes, top = 0, *todo = malloc((n ? n : 1) * sizeof *todo);
	bool *seen = calloc(n ? n : 1, sizeof *seen);

	if (!todo || !seen) {
		out_of_memory(p);
		n = 0;
	} else {
		todo[top++] = (size_t)(root - t->nodes);
		seen[todo[0]] = true;
	}
	while (top > 0) {
		const struct tree_node *q = &t->nodes[todo[--top]];
		for (size_t j = 0; j < q->nanswers; j++) {
			size_t to = q->answers[j].next ? (size_t)(q->answers[j].next - t->nodes) : n;
			if (to < n && !seen[to])
				seen[to] = true, todo[top++] = to;
		}
	}
	for (size_t i = 0; i < n; i++)
		if (!seen[i] && !dup[i])
			problem(p, t->nodes[i].line, _("\"%s\" cannot be reached: no path from the first "
						       "question, \"%s\", leads to it"),
				t->nodes[i].id, root->id);
	free(todo);
	free(seen);
}

static void check_graph(struct parser *p)
{
	const struct tree *t = &p->tree;
	const struct tree_node *root = tree_root(t);
	struct strmap ids;
	size_t *first = malloc((t->nnodes + 1) * sizeof *first);
	bool *dup = calloc(t->nnodes + 1, sizeof *dup);

	strmap_init(&ids);
	if (!first || !dup)
		out_of_memory(p);
	else if (index_ids(p, &ids, first, dup))
		resolve_answers(p, &ids, first);
	if (!p->oom)
		resolve_rungs(p);
	if (!p->oom)
		check_circles(p);
	if (!p->oom && !root)
		problem(p, p->line ? p->line : 1, _("the tree has no questions; the first question in "
						    "the file is where the stappenplan starts"));
	else if (!p->oom)
		check_reachable(p, root, dup);
	strmap_free(&ids);
	free(first);
	free(dup);
}

/* A tree written before answers had group-size:, minutes: and
 * hard-to-reach: lines said them through these answer ids; such a tree
 * (one without any of those lines) keeps meaning what it meant. */
static void legacy_attributes(struct tree *t)
{
	for (size_t i = 0; i < t->nnodes; i++)
		for (size_t j = 0; j < t->nodes[i].nanswers; j++) {
			struct tree_answer *a = &t->nodes[i].answers[j];
			if (strcmp(a->id, "hard-to-reach") == 0)
				a->hard_to_reach = true;
			else if (strcmp(a->id, "large-group") == 0)
				a->group_size = 100;
			else if (strcmp(a->id, "small-group") == 0)
				a->group_size = 15;
			else if (strcmp(a->id, "little-time") == 0)
				a->minutes = 90;
		}
}

/* FNV-1a over the text without a BOM and without the CR of CRLF, so that
 * a copy saved on Windows keeps its version. */
static void make_version(const char *text, size_t len, char *out)
{
	uint64_t h = 1469598103934665603ull;
	size_t i = len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;

	for (; i < len; i++) {
		if (text[i] == '\r' && i + 1 < len && text[i + 1] == '\n')
			continue;
		h = (h ^ (unsigned char)text[i]) * 1099511628211ull;
	}
	snprintf(out, TREE_VERSION_LEN + 1, "%012llx",
		 (unsigned long long)(h >> (64 - 4 * TREE_VERSION_LEN)));
}

int tree_parse(const char *text, size_t len, const char *name, struct tree *out,
	       struct tree_report *rep)
{
	struct parser p = { .name = name, .rep = rep };
	char more[120];

	report_clear(rep);
	memset(out, 0, sizeof *out);
	parse_lines(&p, text, len);
	if (!p.oom)
		check_graph(&p);
	report_sort(rep);
	if (rep && p.nproblems > rep->n) {
		snprintf(more, sizeof more,
			 ngettext("%zu more problem not listed", "%zu more problems not listed",
				  (unsigned long)(p.nproblems - rep->n)),
			 p.nproblems - rep->n);
		report_add(rep, name, SIZE_MAX, 0, more, true);
	}
	if (p.nproblems > 0) {
		tree_free(&p.tree);
		return p.oom ? PACT_ENOMEM : PACT_EINPUT;
	}
	if (!p.any_attrs)
		legacy_attributes(&p.tree);
	make_version(text, len, p.tree.version);
	*out = p.tree;
	return PACT_OK;
}

int tree_load_file(const char *path, struct tree *out, struct tree_report *rep)
{
	struct pact_err why;
	char *text = NULL;
	size_t len = 0;
	int rc;

	report_clear(rep);
	memset(out, 0, sizeof *out);
	if (datafile_read(path, TREE_FILE_MAX, &text, &len, &why) != PACT_OK) {
		report_add(rep, path, 0, 0, why.msg, true);
		return PACT_EINPUT;
	}
	rc = tree_parse(text, len, path, out, rep);
	free(text);
	return rc;
}

int tree_load_builtin(struct tree *out, struct tree_report *rep)
{
	return tree_parse(pact_tree_txt, strlen(pact_tree_txt), _("built-in tree.txt"), out, rep);
}

int tree_load_default(struct tree *out, struct tree_report *rep)
{
	char path[PATH_MAX];
	struct tree_report builtin = { 0 };
	struct stat st;

	if (!path_user_file("tree.txt", path, sizeof path) ||
	    (stat(path, &st) != 0 && (errno == ENOENT || errno == ENOTDIR)))
		return tree_load_builtin(out, rep);
	if (tree_load_file(path, out, rep) == PACT_OK)
		return PACT_OK;
	if (tree_load_builtin(out, &builtin) != PACT_OK && rep) {
		report_clear(rep);
		*rep = builtin;
		return PACT_EINPUT;
	}
	report_clear(&builtin);
	return PACT_EINPUT;
}

static void free_text(struct tree_text *t)
{
	free(t->en);
	free(t->nl);
}

static void free_node(struct tree_node *n)
{
	free(n->id);
	free_text(&n->text);
	free_text(&n->help);
	for (size_t j = 0; j < n->nanswers; j++) {
		free(n->answers[j].id);
		free(n->answers[j].next_id);
		free_text(&n->answers[j].text);
		free_text(&n->answers[j].note);
	}
	free(n->answers);
	free(n->rung_id);
}

void tree_free(struct tree *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < t->nnodes; i++)
		free_node(&t->nodes[i]);
	for (size_t i = 0; i < t->nrungs; i++) {
		free(t->rungs[i].id);
		free_text(&t->rungs[i].name);
		free_text(&t->rungs[i].promise);
	}
	free(t->nodes);
	free(t->rungs);
	memset(t, 0, sizeof *t);
}

const struct tree_node *tree_root(const struct tree *t)
{
	for (size_t i = 0; t && i < t->nnodes; i++)
		if (t->nodes[i].kind == TREE_QUESTION)
			return &t->nodes[i];
	return NULL;
}

const struct tree_node *tree_find(const struct tree *t, const char *id)
{
	for (size_t i = 0; t && id && i < t->nnodes; i++)
		if (strcmp(t->nodes[i].id, id) == 0)
			return &t->nodes[i];
	return NULL;
}

const struct tree_rung *tree_find_rung(const struct tree *t, const char *id)
{
	for (size_t i = 0; t && id && i < t->nrungs; i++)
		if (strcmp(t->rungs[i].id, id) == 0)
			return &t->rungs[i];
	return NULL;
}

const struct tree_answer *tree_find_answer(const struct tree_node *q, const char *id)
{
	for (size_t i = 0; q && id && i < q->nanswers; i++)
		if (strcmp(q->answers[i].id, id) == 0)
			return &q->answers[i];
	return NULL;
}

const char *tree_str(const struct tree_text *text, const char *lang)
{
	bool nl = lang && strncmp(lang, "nl", 2) == 0 &&
		  (lang[2] == '\0' || lang[2] == '_' || lang[2] == '-' || lang[2] == '.');
	const char *s;

	if (!text)
		return "";
	s = nl ? text->nl : text->en;
	return s ? s : "";
}

const char *tree_text(const struct tree_node *n, const char *lang)
{
	return n ? tree_str(&n->text, lang) : "";
}

const char *tree_help(const struct tree_node *n, const char *lang)
{
	return n ? tree_str(&n->help, lang) : "";
}

const char *tree_note(const struct tree_answer *a, const char *lang)
{
	return a ? tree_str(&a->note, lang) : "";
}

const char *tree_version(const struct tree *t)
{
	return t ? t->version : "";
}

const struct tree_answer *tree_step_answer(const struct tree_step *s)
{
	return s && s->q && s->answer < s->q->nanswers ? &s->q->answers[s->answer] : NULL;
}

void tree_need(const struct tree_step *path, size_t n, const struct tree_node *outcome,
	       struct werkvorm_need *need)
{
	*need = (struct werkvorm_need){ .rung = outcome ? outcome->rung_id : NULL,
					.online_ok = true };
	for (size_t i = 0; path && i < n; i++) {
		const struct tree_answer *a = tree_step_answer(&path[i]);
		if (!a)
			continue;
		if (a->group_size)
			need->group_size = a->group_size;
		if (a->minutes)
			need->minutes_available = a->minutes;
		need->hard_to_reach = need->hard_to_reach || a->hard_to_reach;
	}
}
