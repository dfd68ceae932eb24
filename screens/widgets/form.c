/* Form dialog. */
#include "widgets/form.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui/dialog.h"
#include "ui/draw.h"
#include "i18n.h"
#include "widgets/input.h"
#include "utf8.h"
#include "wrap.h"

enum field_type { FIELD_TEXT, FIELD_MULTI, FIELD_CHOICE };

struct field {
	char label[64];
	enum field_type type;
	struct input in;
	const char *const *choices; /* translated labels, NULL-terminated */
	char **owned;               /* the form's own copy of choices (one block), if any */
	int64_t *ids;               /* a record id per choice, if any */
	int choice, first_choice;
	form_pick_fn pick; /* Ctrl-P offers a list (form_set_pick) */
};

struct form {
	char title[128];
	struct field fields[FORM_MAX_FIELDS];
	int n, focus;
	char error[512];
	form_submit_fn submit;
	void *owner;
	int64_t arg;
	char *initial[FORM_MAX_FIELDS];
	const char *save_label; /* N_() what saving does ("Start run"), for the key line */
	struct key_binding keys[16]; /* form_keys as the focus field has them now */
};

static const char *const yes_no[3] = { N_("no"), N_("yes"), NULL };

enum { FA_NEXT = 1, FA_PREV, FA_SAVE, FA_CANCEL, FA_LEFT, FA_RIGHT, FA_PICK };

/* The hints of Tab, Ctrl-D and Enter change with the form (see
 * form_current_keys); Enter is handled by form_text_input, its entry here
 * is for the key line and the help. */
static const struct key_binding form_keys[] = {
	{ K_TAB, FA_NEXT, N_("Next field"), N_("Next field") },
	{ K_FN(KEY_DOWN), FA_NEXT, NULL, NULL },
	{ K_FN(KEY_BTAB), FA_PREV, NULL, N_("Previous field") },
	{ K_FN(KEY_UP), FA_PREV, NULL, NULL },
	{ K_CTRL('d'), FA_SAVE, N_("Save"), N_("Save the form") },
	{ K_FN(KEY_F(2)), FA_SAVE, NULL, NULL },
	{ K_ENTER, FA_SAVE, NULL, N_("Next field, or save in the last one (one-line fields)") },
	{ K_ESC, FA_CANCEL, N_("Cancel"), N_("Close without saving") },
	{ K_FN(KEY_LEFT), FA_LEFT, NULL, N_("Change a choice") },
	{ K_FN(KEY_RIGHT), FA_RIGHT, NULL, NULL },
	{ ' ', FA_RIGHT, NULL, NULL },
	{ K_CTRL('p'), FA_PICK, N_("Choose"), N_("Choose from a list (fields that offer one)") },
	{ 0, 0, NULL, NULL },
};

struct form *form_new(const char *title, form_submit_fn submit, void *owner, int64_t arg)
{
	struct form *f = calloc(1, sizeof *f);

	if (!f)
		return NULL;
	snprintf(f->title, sizeof f->title, "%s", title);
	f->submit = submit;
	f->owner = owner;
	f->arg = arg;
	f->save_label = N_("Save");
	return f;
}

void form_set_save_label(struct form *f, const char *label)
{
	if (f)
		f->save_label = label;
}

static struct field *add(struct form *f, const char *label, enum field_type type)
{
	struct field *fl;

	if (f->n == FORM_MAX_FIELDS)
		return NULL;
	fl = &f->fields[f->n++];
	snprintf(fl->label, sizeof fl->label, "%s", label);
	fl->type = type;
	input_init(&fl->in, 1, false);
	return fl;
}

void form_add_text(struct form *f, const char *label, const char *value, size_t max_bytes,
		   bool multiline)
{
	struct field *fl = add(f, label, multiline ? FIELD_MULTI : FIELD_TEXT);

	if (!fl)
		return;
	input_free(&fl->in);
	input_init(&fl->in, max_bytes, multiline);
	textbuf_set(&fl->in.tb, value ? value : "");
	f->initial[f->n - 1] = strdup(value ? value : "");
}

void form_add_secret(struct form *f, const char *label, size_t max_bytes)
{
	form_add_text(f, label, "", max_bytes, false);
	if (f->n > 0)
		f->fields[f->n - 1].in.masked = true;
}

void form_add_choice(struct form *f, const char *label, const char *const *choices, int selected)
{
	struct field *fl = add(f, label, FIELD_CHOICE);

	if (fl) {
		fl->choices = choices;
		fl->choice = fl->first_choice = selected;
	}
}

/* A copy of a NULL-ended list of strings in one block (the pointers, then
 * the texts), freed with one free(); NULL when out of memory. */
static char **copy_strings(const char *const *list)
{
	size_t n = 0, size;
	char **copy, *text;

	while (list[n])
		n++;
	size = (n + 1) * sizeof *copy;
	for (size_t i = 0; i < n; i++)
		size += strlen(list[i]) + 1;
	if (!(copy = malloc(size)))
		return NULL;
	text = (char *)(copy + n + 1);
	for (size_t i = 0; i < n; i++) {
		size_t len = strlen(list[i]) + 1;

		copy[i] = memcpy(text, list[i], len);
		text += len;
	}
	copy[n] = NULL;
	return copy;
}

void form_add_choice_copy(struct form *f, const char *label, const char *const *choices,
			  int selected)
{
	static const char *const none[] = { "—", NULL };
	struct field *fl = add(f, label, FIELD_CHOICE);

	if (!fl)
		return;
	fl->owned = copy_strings(choices);
	fl->choices = fl->owned ? (const char *const *)fl->owned : none;
	fl->choice = fl->first_choice = fl->owned ? selected : 0;
}

void form_add_choice_ids(struct form *f, const char *label, const char *const *choices,
			 const int64_t *ids, int selected)
{
	size_t n = 0;
	int before = f->n;
	struct field *fl;

	form_add_choice_copy(f, label, choices, selected);
	if (f->n == before || !(fl = &f->fields[f->n - 1])->owned)
		return;
	while (choices[n])
		n++;
	if ((fl->ids = malloc((n ? n : 1) * sizeof *fl->ids)) != NULL)
		memcpy(fl->ids, ids, n * sizeof *fl->ids);
}

int64_t form_choice_id(struct form *f, int field)
{
	return field < f->n && f->fields[field].ids ? f->fields[field].ids[f->fields[field].choice]
						    : 0;
}

const char *form_choice_text(struct form *f, int field)
{
	return field < f->n && f->fields[field].choices
		       ? f->fields[field].choices[f->fields[field].choice]
		       : "";
}

void form_set_pick(struct form *f, int field, form_pick_fn pick)
{
	if (f && field >= 0 && field < f->n && f->fields[field].type == FIELD_TEXT)
		f->fields[field].pick = pick;
}

void form_set_text(struct form *f, int field, const char *text)
{
	if (!f || field < 0 || field >= f->n || f->fields[field].type == FIELD_CHOICE)
		return;
	textbuf_set(&f->fields[field].in.tb, text ? text : "");
	f->fields[field].in.selected = false;
	f->error[0] = '\0';
}

void form_add_yesno(struct form *f, const char *label, bool value)
{
	form_add_choice(f, label, yes_no, value ? 1 : 0);
}

const char *form_text(struct form *f, int field)
{
	return field < f->n && f->fields[field].in.tb.s ? f->fields[field].in.tb.s : "";
}

int form_choice(struct form *f, int field)
{
	return field < f->n ? f->fields[field].choice : 0;
}

static bool changed(struct form *f)
{
	for (int i = 0; i < f->n; i++) {
		struct field *fl = &f->fields[i];
		if (fl->type == FIELD_CHOICE ? fl->choice != fl->first_choice
					     : strcmp(form_text(f, i), f->initial[i]) != 0)
			return true;
	}
	return false;
}

static void form_destroy(struct app *app, void *state)
{
	struct form *f = state;

	(void)app;
	for (int i = 0; i < f->n; i++) {
		input_free(&f->fields[i].in);
		free(f->fields[i].owned);
		free(f->fields[i].ids);
		free(f->initial[i]);
	}
	free(f);
}

/* Into a one-line field that still holds its default (not text typed here,
 * and not a folder ending in '/' to type a name after): the default shows
 * selected, and the first character typed replaces it. */
static void focus_field(struct form *f, int i)
{
	struct field *fl = &f->fields[i];

	f->fields[f->focus].in.selected = false;
	f->focus = i;
	if (fl->type == FIELD_TEXT && !fl->in.masked && fl->in.tb.len &&
	    strcmp(form_text(f, i), f->initial[i]) == 0 && fl->in.tb.s[fl->in.tb.len - 1] != '/')
		input_select_all(&fl->in);
}

/* A refusal names its field first ("end date: …"): the field whose label
 * starts with that name gets the focus, so the fix can be typed at once. */
static void focus_named_field(struct form *f, const char *msg)
{
	size_t n = strcspn(msg, ":");
	char name[64];

	if (!msg[n] || n == 0 || n >= sizeof name)
		return;
	memcpy(name, msg, n);
	name[n] = '\0';
	for (int i = 0; i < f->n; i++)
		if (utf8_starts_with_fold(f->fields[i].label, name)) {
			focus_field(f, i);
			return;
		}
}

static void save(struct app *app, struct form *f)
{
	struct pact_err err;

	err_clear(&err);
	if (f->submit(app, f->owner, f->arg, f, &err) == PACT_OK) {
		app_close(app, f);
		return;
	}
	snprintf(f->error, sizeof f->error, "%s", err.msg);
	focus_named_field(f, err.msg);
}

static void discard(struct app *app, void *ctx)
{
	(void)ctx;
	app_pop(app);
}

static int choice_count(const struct field *fl)
{
	int n = 0;

	while (fl->choices[n])
		n++;
	return n;
}

static void form_action(struct app *app, void *state, int action)
{
	struct form *f = state;
	struct field *fl = &f->fields[f->focus];

	switch (action) {
	case FA_NEXT: focus_field(f, (f->focus + 1) % f->n); break;
	case FA_PREV: focus_field(f, (f->focus + f->n - 1) % f->n); break;
	case FA_SAVE: save(app, f); break;
	case FA_CANCEL:
		if (changed(f))
			dialog_confirm(app, _("Close the form and lose your changes?"), _("Close"),
				       discard, NULL);
		else
			app_pop(app);
		break;
	case FA_PICK:
		if (fl->pick)
			fl->pick(app, f, f->focus);
		break;
	case FA_LEFT:
	case FA_RIGHT:
		if (fl->type == FIELD_CHOICE) {
			int n = choice_count(fl);
			fl->choice = (fl->choice + (action == FA_LEFT ? n - 1 : 1)) % n;
		}
		break;
	}
}

/* Text fields take their editing keys first; Enter in a one-line field
 * moves on, and saves on the last field. */
static enum input_result form_text_input(struct app *app, void *state, int key)
{
	struct form *f = state;
	struct field *fl = &f->fields[f->focus];

	if (fl->type == FIELD_CHOICE) {
		if (key == K_ENTER) {
			form_action(app, f, f->focus == f->n - 1 ? FA_SAVE : FA_NEXT);
			return INPUT_HANDLED;
		}
		/* A letter jumps to the next choice that starts with it. */
		if (key > ' ' && key < 0x110000) {
			char letter[8] = { 0 };
			int n = choice_count(fl);
			utf8_encode((uint32_t)key, letter);
			for (int i = 1; i <= n; i++) {
				int c = (fl->choice + i) % n;
				if (utf8_starts_with_fold(_(fl->choices[c]), letter)) {
					fl->choice = c;
					f->error[0] = '\0';
					return INPUT_HANDLED;
				}
			}
		}
		return INPUT_IGNORED;
	}
	if (key == K_TAB || key == K_FN(KEY_BTAB) || key == K_ESC)
		return INPUT_IGNORED;
	switch (input_key(&fl->in, key)) {
	case INPUT_EDITED:
		f->error[0] = '\0';
		return INPUT_HANDLED;
	case INPUT_ACCEPT:
		if (fl->type == FIELD_MULTI || f->focus == f->n - 1)
			save(app, f);
		else
			focus_field(f, f->focus + 1);
		return INPUT_HANDLED;
	default:
		return INPUT_IGNORED;
	}
}

static int field_rows(const struct field *fl)
{
	return fl->type == FIELD_MULTI ? 4 : 1;
}

static void draw_choice(struct app *app, const struct field *fl, int y, int x, int w, bool focus)
{
	char buf[160];

	snprintf(buf, sizeof buf, focus ? "< %s >" : "%s", _(fl->choices[fl->choice]));
	draw_fill(app, y, x, w, focus ? ROLE_SELECTED : ROLE_DIALOG);
	draw_text(app, y, x, w, buf, focus ? ROLE_SELECTED : ROLE_DIALOG);
}

static void form_draw(struct app *app, void *state, const struct rect *area)
{
	struct form *f = state;
	int labelw = 0, rows = 0, errors, w = area->w - 4 < 76 ? area->w - 4 : 76;
	struct rect box;
	int y, cy = -1, cx = 0, first;

	for (int i = 0; i < f->n; i++) {
		int lw = utf8_width(f->fields[i].label);
		labelw = lw > labelw ? lw : labelw;
		rows += field_rows(&f->fields[i]);
	}
	if (labelw > (w - 4) / 2)
		labelw = (w - 4) / 2;
	/* Room for a message of up to three lines under the fields. */
	errors = f->error[0] ? (int)wrap_text(f->error, w - 4, NULL, 0) : 1;
	errors = errors > 3 ? 3 : errors;
	box = rect_centre(area, w, rows + 2 + errors);
	/* Too many fields for the terminal: begin late enough that the field
	 * being typed in shows whole. */
	first = 0;
	for (int used = rows; used > box.h - 2 - errors && first < f->focus; first++)
		used -= field_rows(&f->fields[first]);
	draw_band(app, area, &box); /* nothing of the list below beside the box */
	draw_frame(app, &box, f->title, ROLE_DIALOG);
	if (first > 0 || rows > box.h - 2 - errors)
		draw_text(app, box.y + box.h - 1, box.x + box.w - 10, 8, _(" more… "), ROLE_DIALOG);
	y = box.y + 1;
	for (int i = first; i < f->n && y < box.y + box.h - 1 - errors; i++) {
		struct field *fl = &f->fields[i];
		struct rect r = { y, box.x + 3 + labelw, field_rows(fl), box.w - 5 - labelw };
		if (r.y + r.h > box.y + box.h - 1 - errors)
			r.h = box.y + box.h - 1 - errors - r.y;
		draw_text_cut(app, y, box.x + 2, labelw, fl->label,
			      i == f->focus ? ROLE_TITLE : ROLE_DIALOG);
		if (fl->type == FIELD_CHOICE) {
			draw_choice(app, fl, y, r.x, r.w, i == f->focus);
		} else {
			input_draw(app, &fl->in, &r, i == f->focus ? ROLE_SELECTED : ROLE_DIM);
			if (i == f->focus) {
				cy = app->cursor_y;
				cx = app->cursor_x;
			}
		}
		y += r.h;
	}
	if (f->error[0])
		draw_wrapped(app, &(struct rect){ box.y + box.h - 1 - errors, box.x + 2, errors, box.w - 4 },
			     f->error, 0, ROLE_ERROR);
	app->cursor_on = cy >= 0;
	app->cursor_y = cy;
	app->cursor_x = cx;
}

/* The key line says what saving does on this form ("Ctrl-D Start"), and
 * that Enter does it in the last one-line field; Tab to the next field
 * only when there is one. */
static const struct key_binding *form_current_keys(struct app *app, void *state)
{
	struct form *f = state;
	const struct field *fl = &f->fields[f->focus];
	bool enter_saves = f->focus == f->n - 1 && fl->type != FIELD_MULTI;
	size_t i = 0;

	(void)app;
	for (; form_keys[i].key && i < sizeof f->keys / sizeof f->keys[0] - 1; i++) {
		f->keys[i] = form_keys[i];
		if (form_keys[i].key == K_TAB && f->n < 2)
			f->keys[i].hint = NULL;
		else if (form_keys[i].key == K_CTRL('d'))
			f->keys[i].hint = enter_saves ? NULL : f->save_label;
		else if (form_keys[i].key == K_ENTER)
			f->keys[i].hint = enter_saves ? f->save_label : NULL;
		else if (form_keys[i].key == K_CTRL('p'))
			f->keys[i].hint = fl->pick ? form_keys[i].hint : NULL;
	}
	f->keys[i] = (struct key_binding){ 0, 0, NULL, NULL };
	return f->keys;
}

static bool form_unsaved(struct app *app, void *state)
{
	(void)app;
	return changed(state);
}

static const struct screen_ops form_ops = {
	.name = "form",
	.title = N_("Form"),
	.keys = form_keys,
	.current_keys = form_current_keys,
	.modal = true,
	.destroy = form_destroy,
	.draw = form_draw,
	.action = form_action,
	.text_input = form_text_input,
	.has_unsaved = form_unsaved,
};

void form_open(struct app *app, struct form *f)
{
	if (!f)
		return;
	if (f->n)
		focus_field(f, 0);
	app_push(app, &form_ops, f);
}
