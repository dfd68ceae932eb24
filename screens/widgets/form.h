/* The form dialog: labelled fields (one-line or multi-line text, a choice
 * among fixed values, yes/no) on a pushed screen. Tab / Shift-Tab move
 * between fields (and Down / Up outside multi-line text), Left / Right / Space
 * or a letter (the next choice starting with it) change a choice, Enter in a one-line
 * field moves on and saves after the last, Ctrl-D or F2 saves at once, Esc
 * cancels (asking first when something was changed). The submit function
 * checks and stores; its error message (naming the field) is shown in the
 * form, which stays open until it succeeds. */
#ifndef PACT_FORM_H
#define PACT_FORM_H

#include <stdbool.h>
#include <stdint.h>

#include "ui/app.h"
#include "err.h"

#define FORM_MAX_FIELDS 48

struct form;
/* owner and arg are what the opener gave (owner typically the opening
 * screen's state, which outlives the form). */
typedef int (*form_submit_fn)(struct app *app, void *owner, int64_t arg, struct form *f,
			      struct pact_err *err);

struct form *form_new(const char *title, form_submit_fn submit, void *owner, int64_t arg);
/* Fields, in order; their number is their index for form_text/form_choice. */
void form_add_text(struct form *f, const char *label, const char *value, size_t max_bytes,
		   bool multiline);
/* A one-line field whose text is drawn as stars (a PIN). */
void form_add_secret(struct form *f, const char *label, size_t max_bytes);
void form_add_choice(struct form *f, const char *label, const char *const *choices,
		     int selected);
/* The same with choices the form copies (for lists read from the database). */
void form_add_choice_copy(struct form *f, const char *label, const char *const *choices,
			  int selected);
/* A choice of records: ids[i] belongs to choices[i] (both copied). */
void form_add_choice_ids(struct form *f, const char *label, const char *const *choices,
			 const int64_t *ids, int selected);
void form_add_yesno(struct form *f, const char *label, bool value);

/* A one-line text field that offers a list: Ctrl-P in it calls pick(app,
 * f, field), which typically opens a picker and writes the choice back
 * with form_set_text. The key line says so while the field has the focus. */
typedef void (*form_pick_fn)(struct app *app, struct form *f, int field);
void form_set_pick(struct form *f, int field, form_pick_fn pick);
/* Replace a text field's text (the cursor at its end). */
void form_set_text(struct form *f, int field, const char *text);

/* What saving does, for the key line: an N_() string such as N_("Start run")
 * (by default N_("Save")). */
void form_set_save_label(struct form *f, const char *label);

/* Push it; the app owns it from here. */
void form_open(struct app *app, struct form *f);

const char *form_text(struct form *f, int field);
int form_choice(struct form *f, int field); /* index; yes/no: 1 = yes */
int64_t form_choice_id(struct form *f, int field);        /* form_add_choice_ids */
const char *form_choice_text(struct form *f, int field);  /* the chosen label, untranslated */

#endif
