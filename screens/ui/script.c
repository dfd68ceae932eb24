/* Reading key scripts. */
#include "ui/script.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "ui/keys.h"
#include "utf8.h"
#include "value.h"

int script_load(struct script *s, const char *path, struct pact_err *err)
{
	FILE *f = fopen(path, "rb");
	long n;

	memset(s, 0, sizeof *s);
	s->name = path;
	s->line = 1;
	if (!f)
		return err_set(err, PACT_EINPUT, _("cannot read key script %s"), path);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	s->text = malloc((size_t)n + 1);
	if (!s->text || fread(s->text, 1, (size_t)n, f) != (size_t)n) {
		fclose(f);
		return err_set(err, PACT_EINPUT, _("cannot read key script %s"), path);
	}
	fclose(f);
	s->text[n] = '\0';
	s->len = (size_t)n;
	return PACT_OK;
}

void script_free(struct script *s)
{
	free(s->text);
	s->text = NULL;
}

static int token(struct script *s, int *rows, int *cols, struct pact_err *err)
{
	char name[64];
	const char *end = strchr(s->text + s->pos, '>');
	size_t n = end ? (size_t)(end - (s->text + s->pos + 1)) : 0;
	int key;

	if (!end || n == 0 || n >= sizeof name)
		return err_set(err, PACT_EINPUT, _("%s:%d: '<' without a key name and '>'"), s->name,
			       s->line), -1;
	memcpy(name, s->text + s->pos + 1, n);
	name[n] = '\0';
	s->pos += n + 2;
	if (strncmp(name, "resize ", 7) == 0) {
		struct pact_err why;
		if (value_size(name + 7, cols, rows, &why) != PACT_OK)
			return err_set(err, PACT_EINPUT, _("%s:%d: <%s>: %s"), s->name, s->line, name,
				       why.msg),
			       -1;
		return K_FN(KEY_RESIZE);
	}
	if (strcmp(name, "tick") == 0)
		return K_TICK;
	if ((key = keys_parse(name)) < 0)
		return err_set(err, PACT_EINPUT, _("%s:%d: unknown key <%s>"), s->name, s->line, name),
		       -1;
	return key;
}

int script_next(struct script *s, int *rows, int *cols, struct pact_err *err)
{
	uint32_t cp;
	size_t n;

	for (;;) {
		if (s->pos >= s->len)
			return 0;
		if (s->text[s->pos] == '\n') {
			s->pos++;
			s->line++;
			if (s->text[s->pos] == '#')
				while (s->pos < s->len && s->text[s->pos] != '\n')
					s->pos++;
			continue;
		}
		if (s->pos == 0 && s->text[0] == '#') {
			while (s->pos < s->len && s->text[s->pos] != '\n')
				s->pos++;
			continue;
		}
		break;
	}
	if (s->text[s->pos] == '<')
		return token(s, rows, cols, err);
	n = utf8_decode(s->text + s->pos, s->len - s->pos, &cp);
	if (n == 0)
		return err_set(err, PACT_EINPUT, _("%s:%d: invalid UTF-8"), s->name, s->line), -1;
	s->pos += n;
	return (int)cp;
}
