/* The evaluation form dialog: the fields of struct board_evaluation, saved
 * by evaluation_save (or board_evaluate, which may anchor the card). */
#include "panels/board/eval_form.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "board.h"
#include "evaluation.h"
#include "i18n.h"
#include "stamp.h"
#include "value.h"
#include "widgets/form.h"

/* The form's fields, in order (the order of struct board_evaluation). */
enum { EV_GOAL, EV_PEOPLE, EV_WHO, EV_WORKED, EV_NOT_WORKED, EV_DOS, EV_DONTS, EV_REPEAT,
       EV_LEARNINGS, EV_BY, EV_DATE, EV_FITS, EV_FITS_WHY, EV_SAT, EV_SAT_NOTE, EV_SUP,
       EV_SUP_NOTE, EV_LEG, EV_LEG_NOTE, EV_DIVERSITY };

/* The form's owner tells the subject; a negative arg means: anchor the
 * card once evaluated. */
static const int subjects[EVAL_SUBJECTS] = { EVAL_EXPERIMENT, EVAL_SESSION, EVAL_ADVICE };

static int submit(struct app *app, void *owner, int64_t arg, struct form *f,
		  struct pact_err *err)
{
	int subject = *(const int *)owner;
	int64_t id = arg < 0 ? -arg : arg;
	struct board_evaluation e = {
		.goal = form_text(f, EV_GOAL), .participants = form_text(f, EV_PEOPLE),
		.who = form_text(f, EV_WHO), .worked = form_text(f, EV_WORKED),
		.not_worked = form_text(f, EV_NOT_WORKED), .dos = form_text(f, EV_DOS),
		.donts = form_text(f, EV_DONTS),
		.repeat = board_repeat_keys[form_choice(f, EV_REPEAT)],
		.learnings = form_text(f, EV_LEARNINGS), .evaluated_by = form_text(f, EV_BY),
		.date = form_text(f, EV_DATE),
		.fits = evaluation_fits_keys[form_choice(f, EV_FITS)],
		.fits_why = form_text(f, EV_FITS_WHY),
		.satisfaction = form_text(f, EV_SAT), .satisfaction_note = form_text(f, EV_SAT_NOTE),
		.support = form_text(f, EV_SUP), .support_note = form_text(f, EV_SUP_NOTE),
		.legitimacy = form_text(f, EV_LEG), .legitimacy_note = form_text(f, EV_LEG_NOTE),
		.diversity = form_text(f, EV_DIVERSITY),
	};
	int rc = subject == EVAL_EXPERIMENT ? board_evaluate(app->db, id, &e, arg < 0, err)
					    : evaluation_save(app->db, subject, id, &e, err);

	if (rc != PACT_OK)
		return rc;
	if (arg < 0)
		app_message(app, false, _("Evaluation saved; moved to %s."),
			    board_column_name(BOARD_ANCHORED));
	else
		app_message(app, false, _("Evaluation saved."));
	return PACT_OK;
}

static int choice_of(const char *v, const char *const *keys)
{
	for (int i = 0; v && keys[i]; i++)
		if (strcmp(v, keys[i]) == 0)
			return i;
	return 0;
}

static void add_scale(struct form *f, const char *label, const char *note_label, char *v[],
		      int field)
{
	form_add_text(f, label, v[field], 8, false);
	form_add_text(f, note_label, v[field + 1], 16000, true);
}

void eval_form_open(struct app *app, int subject, int64_t id, bool anchor)
{
	static const char *const titles[EVAL_SUBJECTS] = { N_("Evaluation"),
							   N_("Evaluation of the session"),
							   N_("Evaluation of the advice") };
	struct pact_err err;
	char *v[BOARD_EVAL_FIELDS], iso[11], today[32];
	struct form *f;

	if (!id || subject < 0 || subject >= EVAL_SUBJECTS)
		return;
	if (evaluation_get(app->db, subject, id, v, &err) != PACT_OK) {
		app_message(app, true, "%s", err.msg);
		return;
	}
	stamp_date(time(NULL), iso);
	value_date_show(iso, strcmp(i18n_lang(), "nl") == 0, today);
	f = form_new(_(titles[subject]), submit, (void *)&subjects[subject], anchor ? -id : id);
	form_add_text(f, _("Goal reached (1–5)"), v[EV_GOAL], 8, false);
	form_add_text(f, _("Participants"), v[EV_PEOPLE], 16, false);
	form_add_text(f, _("Who took part"), v[EV_WHO], 16000, true);
	form_add_text(f, _("What worked"), v[EV_WORKED], 16000, true);
	form_add_text(f, _("What did not work"), v[EV_NOT_WORKED], 16000, true);
	form_add_text(f, _("Do's"), v[EV_DOS], 16000, true);
	form_add_text(f, _("Don'ts"), v[EV_DONTS], 16000, true);
	form_add_choice(f, _("Would repeat"), board_repeat_labels,
			choice_of(v[EV_REPEAT], board_repeat_keys));
	form_add_text(f, _("Learnings"), v[EV_LEARNINGS], 16000, true);
	form_add_text(f, _("Evaluated by"), v[EV_BY], 800, false);
	form_add_text(f, _("Date"), v[EV_DATE] ? v[EV_DATE] : today, 40, false);
	form_add_choice(f, _("Fits Schiedam"), evaluation_fits_labels,
			choice_of(v[EV_FITS], evaluation_fits_keys));
	form_add_text(f, _("Why it fits"), v[EV_FITS_WHY], 16000, true);
	add_scale(f, _("Satisfaction (1–5)"), _("Satisfaction note"), v, EV_SAT);
	add_scale(f, _("Support (1–5)"), _("Support note"), v, EV_SUP);
	add_scale(f, _("Legitimacy (1–5)"), _("Legitimacy note"), v, EV_LEG);
	form_add_text(f, _("Diversity reached"), v[EV_DIVERSITY], 16000, true);
	for (int i = 0; i < BOARD_EVAL_FIELDS; i++)
		free(v[i]);
	form_open(app, f);
}
