/* Key names, both ways. */
#include "keys.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "i18n.h"
#include "utf8.h"

static const struct {
	const char *name;
	int key;
} names[] = {
	{ N_("Enter"), K_ENTER },
	{ N_("Esc"), K_ESC },
	{ N_("Tab"), K_TAB },
	{ N_("S-Tab"), K_FN(KEY_BTAB) },
	{ N_("Up"), K_FN(KEY_UP) },
	{ N_("Down"), K_FN(KEY_DOWN) },
	{ N_("Left"), K_FN(KEY_LEFT) },
	{ N_("Right"), K_FN(KEY_RIGHT) },
	{ N_("PgUp"), K_FN(KEY_PPAGE) },
	{ N_("PgDn"), K_FN(KEY_NPAGE) },
	{ N_("Home"), K_FN(KEY_HOME) },
	{ N_("End"), K_FN(KEY_END) },
	{ N_("Backspace"), K_FN(KEY_BACKSPACE) },
	{ N_("Delete"), K_FN(KEY_DC) },
	{ N_("Insert"), K_FN(KEY_IC) },
	{ N_("Space"), ' ' },
	{ "lt", '<' },
	{ "Resize", K_FN(KEY_RESIZE) },
};

const char *keys_name(int key, char *buf, size_t bufsz)
{
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (names[i].key == key && key != '<') {
			snprintf(buf, bufsz, "%s", _(names[i].name));
			return buf;
		}
	if (key >= K_FN(KEY_F(1)) && key <= K_FN(KEY_F(24)))
		snprintf(buf, bufsz, "F%d", key - K_FN(KEY_F(0)));
	else if (key > 0 && key < 32)
		snprintf(buf, bufsz, _("Ctrl-%c"), key + '@');
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
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcasecmp(names[i].name, name) == 0)
			return names[i].key;
	if ((name[0] == 'F' || name[0] == 'f') && name[1] >= '1' && name[1] <= '9') {
		int n = atoi(name + 1);
		if (n >= 1 && n <= 24)
			return K_FN(KEY_F(n));
	}
	if ((strncasecmp(name, "C-", 2) == 0) && name[2] && !name[3])
		return K_CTRL(name[2]);
	return -1;
}

int keys_normalise(int key)
{
	switch (key) {
	case K_FN(KEY_ENTER):
		return K_ENTER;
	case 127:
	case 8:
		return K_FN(KEY_BACKSPACE);
	default:
		return key;
	}
}
