/* An advice in words (advice_text.h): the run's result, a stored advice,
 * the Markdown statement, and writing it to a file. */
#include "advice_text.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"
#include "text.h"
#include "path.h"
#include "value.h"
#include "werkvorm.h"

/* What to do next, by the rung advised. */
static void checklist(FILE *out, const char *rung)
{
	fprintf(out, "\n%s\n", _("Checklist:"));
	if (strcmp(rung ? rung : "", "stad-aan-zet") != 0)
		fprintf(out, "%s\n", _("- Tell people what they can influence and what they cannot.\n"
				       "- Say who decides, and when."));
	else
		fprintf(out, "%s\n", _("- Agree what the municipality does and what the initiators "
				       "keep in their own hands.\n- Name one contact person."));
	fprintf(out, "%s", _("- Plan the evaluation.\n- Choose monitoring indicators: the number of "
			     "participants and the diversity of who took part."));
}

/* "# title\n\nBy author, advice N.\n\n" */
static void heading(FILE *out, const char *title, const char *author, int64_t id)
{
	fprintf(out, _("# %s\n\nBy %s, advice %lld.\n\n"), title, author && *author ? author : "-",
		(long long)id);
}

/* The rung's name and promise; an id the tree does not know as it is. */
static void rung_part(FILE *out, const struct tree_rung *rung, const char *rung_id, bool markdown,
		      const char *lang)
{
	fprintf(out, markdown ? _("## Advice: %s\n\n%s\n\n## Why\n\n") : _("Advice: %s\n%s\n\nWhy:\n"),
		rung ? tree_str(&rung->name, lang) : rung_id ? rung_id : "",
		rung ? tree_str(&rung->promise, lang) : "");
}

/* The note of answer a, if it has one, under a heading before the first
 * (*shown counts the notes written). */
static void note_part(FILE *out, const struct tree_answer *a, bool markdown, const char *lang,
		      size_t *shown)
{
	const char *note = tree_note(a, lang);

	if (!*note)
		return;
	if ((*shown)++ == 0)
		fprintf(out, "%s\n\n",
			markdown ? _("## Notes on your answers") : _("Notes on your answers:"));
	fprintf(out, "%s\n\n", note);
}

void advice_run_print(FILE *out, const struct advice_run *run, bool markdown, const char *lang)
{
	const struct tree_node *o = run->outcome;

	if (markdown)
		heading(out, run->title, run->author, run->id);
	rung_part(out, o ? o->rung : NULL, o ? o->rung_id : NULL, markdown, lang);
	for (size_t i = 0; i < run->npath; i++) {
		const struct tree_answer *a = tree_step_answer(&run->path[i]);
		fprintf(out, "- %s %s\n", tree_text(run->path[i].q, lang),
			a ? tree_str(&a->text, lang) : "");
	}
	fprintf(out, "\n%s\n\n", tree_text(o, lang));
	for (size_t i = 0, shown = 0; i < run->npath; i++)
		note_part(out, tree_step_answer(&run->path[i]), markdown, lang, &shown);
	fprintf(out, "%s\n\n", _("Work forms, best first:"));
	for (size_t i = 0; i < run->npicks && i < ADVICE_FORMS_MAX; i++)
		fprintf(out, "%zu. %s — %s\n", i + 1, run->picks[i].name, run->picks[i].reason);
	checklist(out, o ? o->rung_id : NULL);
}

/* Each stored question with the answer given, "- question answer" a line,
 * through the tree where it still knows the ids. */
static void stored_answers(FILE *out, const struct tree *t, const char *stored, const char *lang)
{
	struct advice_answer *answers;
	size_t n;

	if (advice_answers_parse(stored, &answers, &n, NULL) != PACT_OK) {
		fprintf(out, "- %s\n", stored); /* out of memory: as stored */
		return;
	}
	for (size_t i = 0; i < n; i++) {
		const struct tree_node *q = tree_find(t, answers[i].question);
		const struct tree_answer *a = tree_find_answer(q, answers[i].answer);
		fprintf(out, "- %s %s\n", q ? tree_text(q, lang) : answers[i].question,
			a ? tree_str(&a->text, lang) : answers[i].answer);
	}
	advice_answers_free(answers, n);
}

/* The notes of the stored answers that tree t still knows. */
static void stored_notes(FILE *out, const struct tree *t, const char *stored, bool markdown,
			 const char *lang)
{
	struct advice_answer *answers;
	size_t n, shown = 0;

	if (advice_answers_parse(stored, &answers, &n, NULL) != PACT_OK)
		return;
	for (size_t i = 0; i < n; i++) {
		const struct tree_node *q = tree_find(t, answers[i].question);
		note_part(out, tree_find_answer(q, answers[i].answer), markdown, lang, &shown);
	}
	advice_answers_free(answers, n);
}

/* The stored work forms ("a; b; c") as a numbered list. */
static void stored_forms(FILE *out, const char *forms)
{
	size_t n = 0;

	for (const char *s = forms ? forms : ""; *s;) {
		size_t len = strcspn(s, ";");
		const char *form = s + (*s == ' ');
		if (len > 0)
			fprintf(out, "%zu. %.*s\n", ++n, (int)(len - (size_t)(form - s)), form);
		s += len + (s[len] == ';');
	}
}

void advice_stored_print(FILE *out, const struct tree *t, const struct advice_text *a, int64_t id,
			 bool markdown, const char *lang)
{
	const struct tree_rung *rung = tree_find_rung(t, a->rung);
	const struct tree_node *o = tree_find(t, a->outcome);
	const char *outcome = o ? tree_text(o, lang) : a->outcome;
	char date[32];

	if (markdown) {
		heading(out, a->title, a->author, id);
	} else {
		value_date_show(a->date, strcmp(lang, "nl") == 0, date);
		fprintf(out, _("%s\nBy %s on %s\n\n"), a->title, a->author[0] ? a->author : "-", date);
	}
	rung_part(out, rung, a->rung, markdown, lang);
	stored_answers(out, t, a->answers, lang);
	fprintf(out, "\n%s\n\n", outcome);
	stored_notes(out, t, a->answers, markdown, lang);
	if (!markdown) {
		fprintf(out, _("Work forms: %s\n\nTree version: %s\n"), a->forms, a->tree_version);
		return;
	}
	fprintf(out, "%s\n\n", _("Work forms, best first:"));
	stored_forms(out, a->forms);
	checklist(out, a->rung);
}

char *advice_run_string(const struct advice_run *run, bool markdown, const char *lang)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	if (f)
		advice_run_print(f, run, markdown, lang);
	return text_stream_close(f, &buf);
}

char *advice_stored_string(const struct tree *t, const struct advice_text *a, int64_t id,
			   bool markdown, const char *lang)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	if (f)
		advice_stored_print(f, t, a, id, markdown, lang);
	return text_stream_close(f, &buf);
}

int advice_write_file(const char *path, bool replace, const char *text, char *shown,
		      size_t shown_size, struct pact_err *err)
{
	struct stat st;
	bool existed;
	FILE *out;
	int fd, why;

	if (path_for_writing(path, replace, shown, shown_size, err) != PACT_OK)
		return PACT_EINPUT;
	existed = stat(shown, &st) == 0;
	/* O_EXCL: a file that turned up since is not replaced unasked */
	fd = open(shown, O_WRONLY | O_CREAT | O_CLOEXEC | (replace ? O_TRUNC : O_EXCL), 0600);
	if (fd < 0) {
		why = errno;
		if (why == EEXIST)
			return err_set(err, PACT_EINPUT,
				       _("file: %s exists already; choose another name, or yes to "
					 "replace it"), shown);
		return err_set(err, PACT_EINPUT, _("file: cannot write %s: %s"), shown, strerror(why));
	}
	if (!(out = fdopen(fd, "w"))) {
		why = errno;
		close(fd);
	} else {
		/* fclose flushes: only when it too succeeds is every byte written */
		why = fputs(text, out) < 0 ? errno : 0;
		if (fclose(out) != 0 && !why)
			why = errno ? errno : EIO;
		if (!why)
			return PACT_OK;
	}
	if (!existed)
		unlink(shown); /* nothing half-written stays behind */
	return err_set(err, PACT_EINPUT, _("file: cannot write %s: %s"), shown, strerror(why));
}

int advice_statement_save(sqlite3 *db, const struct tree *t, const struct advice_run *run,
			  int64_t id, const char *lang, const char *path, bool replace, char *shown,
			  size_t shown_size, struct pact_err *err)
{
	struct advice_text a;
	char *text;
	int rc;

	if (run && run->id == id) {
		text = advice_run_string(run, true, lang);
	} else {
		if (advice_get(db, id, &a, err) != PACT_OK)
			return err->status;
		text = advice_stored_string(t, &a, id, true, lang);
		advice_text_free(&a);
	}
	if (!text)
		return err_nomem(err);
	rc = advice_write_file(path, replace, text, shown, shown_size, err);
	free(text);
	return rc;
}
