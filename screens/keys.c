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

const char *keys_name(int key, char *buf, size_t bufsz)
{
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
