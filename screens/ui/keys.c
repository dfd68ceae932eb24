/* Key names, both ways. */
#include "ui/keys.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "i18n.h"
#include "utf8.h"
#include "value.h"

static const struct {
	const char *name;
	int key;
} names[] = {
	{ NC_("key", "Enter"), K_ENTER },
	{ NC_("key", "Esc"), K_ESC },
	{ NC_("key", "Tab"), K_TAB },
	{ NC_("key", "S-Tab"), K_FN(KEY_BTAB) },
	{ NC_("key", "Up"), K_FN(KEY_UP) },
	{ NC_("key", "Down"), K_FN(KEY_DOWN) },
	{ NC_("key", "Left"), K_FN(KEY_LEFT) },
	{ NC_("key", "Right"), K_FN(KEY_RIGHT) },
	{ NC_("key", "PgUp"), K_FN(KEY_PPAGE) },
	{ NC_("key", "PgDn"), K_FN(KEY_NPAGE) },
	{ NC_("key", "Home"), K_FN(KEY_HOME) },
	{ NC_("key", "End"), K_FN(KEY_END) },
	{ NC_("key", "Backspace"), K_FN(KEY_BACKSPACE) },
	{ NC_("key", "Delete"), K_FN(KEY_DC) },
	{ NC_("key", "Insert"), K_FN(KEY_IC) },
	{ NC_("key", "Space"), ' ' },
	{ "lt", '<' },
	{ "Resize", K_FN(KEY_RESIZE) },
};

/* The arrow keys where the screen has no Unicode (the same choice as the
 * projector's ASCII digits: utf8_display_unicode): their translation may be
 * an arrow ("↑" in Dutch), which would show as '?'. */
static const struct {
	int key;
	const char *name;
} ascii_names[] = {
	{ K_FN(KEY_UP), NC_("key without arrows", "Up") },
	{ K_FN(KEY_DOWN), NC_("key without arrows", "Down") },
	{ K_FN(KEY_LEFT), NC_("key without arrows", "Left") },
	{ K_FN(KEY_RIGHT), NC_("key without arrows", "Right") },
};

const char *keys_name(int key, char *buf, size_t bufsz)
{
	for (size_t i = 0; !utf8_display_unicode() && i < sizeof ascii_names / sizeof ascii_names[0];
	     i++)
		if (ascii_names[i].key == key) {
			snprintf(buf, bufsz, "%s", i18n_pgettext("key without arrows", ascii_names[i].name));
			return buf;
		}
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (names[i].key == key && key != '<') {
			snprintf(buf, bufsz, "%s", i18n_pgettext("key", names[i].name));
			return buf;
		}
	if (key >= K_FN(KEY_F(1)) && key <= K_FN(KEY_F(24)))
		snprintf(buf, bufsz, "F%d", key - K_FN(KEY_F(0)));
	else if (key > 0 && key < 32)
		snprintf(buf, bufsz, C_("key", "Ctrl-%c"), key + '@');
	else if (key >= 32 && key < 0x110000) {
		char enc[5] = { 0 };
		utf8_encode((uint32_t)key, enc);
		snprintf(buf, bufsz, "%s", enc);
	} else
		snprintf(buf, bufsz, "?");
	return buf;
}

int keys_parse(const char *name)
{
	int64_t n;

	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcasecmp(names[i].name, name) == 0)
			return names[i].key;
	if ((name[0] == 'F' || name[0] == 'f') && name[1] >= '1' && name[1] <= '9' &&
	    value_int(name + 1, 1, 24, &n, NULL) == PACT_OK)
		return K_FN(KEY_F((int)n));
	if ((strncasecmp(name, "C-", 2) == 0) && name[2] && !name[3])
		return K_CTRL(name[2]);
	return -1;
}

/* Keys held with Ctrl or Alt, which terminfo names by an extended name
 * ("kDN5" for Ctrl-Down): the key without them. */
static int unmodified(int key)
{
	static const struct {
		const char *prefix;
		int key;
	} held[] = {
		{ "kUP", KEY_UP }, { "kDN", KEY_DOWN }, { "kLFT", KEY_LEFT }, { "kRIT", KEY_RIGHT },
		{ "kHOM", KEY_HOME }, { "kEND", KEY_END }, { "kPRV", KEY_PPAGE },
		{ "kNXT", KEY_NPAGE }, { "kDC", KEY_DC }, { "kIC", KEY_IC },
	};
	const char *name = keyname(key - K_FN(0));

	for (size_t i = 0; name && i < sizeof held / sizeof held[0]; i++) {
		size_t n = strlen(held[i].prefix);
		if (strncmp(name, held[i].prefix, n) == 0 && name[n] >= '2' && name[n] <= '8')
			return K_FN(held[i].key);
	}
	return key;
}

int keys_normalise(int key)
{
	if (key > K_FN(KEY_MAX))
		return unmodified(key);
	switch (key) {
	case K_FN(KEY_ENTER):
		return K_ENTER;
	case 127:
	case 8:
		return K_FN(KEY_BACKSPACE);
	case K_FN(KEY_FIND):
	case K_FN(KEY_A1):
	case K_FN(KEY_SHOME):
		return K_FN(KEY_HOME);
	case K_FN(KEY_SELECT):
	case K_FN(KEY_C1):
	case K_FN(KEY_SEND):
		return K_FN(KEY_END);
	case K_FN(KEY_A3):
	case K_FN(KEY_SPREVIOUS):
		return K_FN(KEY_PPAGE);
	case K_FN(KEY_C3):
	case K_FN(KEY_SNEXT):
		return K_FN(KEY_NPAGE);
	case K_FN(KEY_SR):
		return K_FN(KEY_UP);
	case K_FN(KEY_SF):
		return K_FN(KEY_DOWN);
	case K_FN(KEY_SLEFT):
		return K_FN(KEY_LEFT);
	case K_FN(KEY_SRIGHT):
		return K_FN(KEY_RIGHT);
	case K_FN(KEY_SDC):
		return K_FN(KEY_DC);
	default:
		return key;
	}
}

/* What terminals send after ESC for the keys pact uses: the VT220 forms
 * (PuTTY, screen, tmux, the Linux console), rxvt's, xterm's in either
 * cursor mode, and the function keys of PuTTY and the Linux console. */
static const struct {
	const char *seq;
	int key;
} sequences[] = {
	{ "[A", KEY_UP }, { "[B", KEY_DOWN }, { "[C", KEY_RIGHT }, { "[D", KEY_LEFT },
	{ "OA", KEY_UP }, { "OB", KEY_DOWN }, { "OC", KEY_RIGHT }, { "OD", KEY_LEFT },
	{ "[H", KEY_HOME }, { "[F", KEY_END }, { "OH", KEY_HOME }, { "OF", KEY_END },
	{ "[1~", KEY_HOME }, { "[4~", KEY_END }, { "[7~", KEY_HOME }, { "[8~", KEY_END },
	{ "[2~", KEY_IC }, { "[3~", KEY_DC }, { "[5~", KEY_PPAGE }, { "[6~", KEY_NPAGE },
	{ "[Z", KEY_BTAB }, { "OM", KEY_ENTER },
	{ "OP", KEY_F(1) }, { "OQ", KEY_F(2) }, { "[11~", KEY_F(1) }, { "[12~", KEY_F(2) },
	{ "[[A", KEY_F(1) }, { "[[B", KEY_F(2) },
};

void keys_define(void)
{
	char seq[16];

	for (size_t i = 0; i < sizeof sequences / sizeof sequences[0]; i++) {
		snprintf(seq, sizeof seq, "\033%s", sequences[i].seq);
		define_key(seq, sequences[i].key);
	}
}

int keys_sequence(const char *seq)
{
	char plain[16];
	size_t n = strlen(seq);
	const char *semi = strchr(seq, ';');

	/* A modifier (Shift, Ctrl, Alt) is dropped: "[1;5A" is Up, "[3;2~" Delete. */
	if (semi && n < sizeof plain) {
		if (semi - seq == 2 && seq[1] == '1' && seq[n - 1] != '~')
			snprintf(plain, sizeof plain, "[%c", seq[n - 1]);
		else
			snprintf(plain, sizeof plain, "%.*s~", (int)(semi - seq), seq);
		seq = plain;
	}
	for (size_t i = 0; i < sizeof sequences / sizeof sequences[0]; i++)
		if (strcmp(sequences[i].seq, seq) == 0)
			return keys_normalise(K_FN(sequences[i].key));
	return 0;
}

void keys_copy(struct key_binding *out, size_t n, const struct key_binding *keys)
{
	size_t i = 0;

	for (; n > 0 && keys && keys[i].key && i < n - 1; i++)
		out[i] = keys[i];
	if (n > 0)
		out[i] = (struct key_binding){ 0, 0, NULL, NULL };
}

void keys_scroll_hint(struct key_binding *keys, bool more_below, bool more_above)
{
	for (; keys->key; keys++)
		if (keys->key == K_FN(KEY_DOWN))
			keys->hint = more_below ? N_("Scroll") : NULL;
		else if (keys->key == K_FN(KEY_UP))
			keys->hint = more_above && !more_below ? N_("Scroll") : NULL;
}
