/* Key codes and key names: one table for the script reader of the headless
 * tests and for the names shown in the help overlay. */
#ifndef PACT_KEYS_H
#define PACT_KEYS_H

#include <stdbool.h>
#include <stddef.h>

/* Function keys from ncurses (KEY_…) are lifted above Unicode so that one
 * int holds either a character or a key. */
#define K_FN(k) (0x200000 + (k))
#define K_CTRL(c) ((c) & 0x1f)
#define K_ESC 27
#define K_ENTER 13
#define K_TAB 9

/* Events that are not keys. */
#define K_TICK 0x3fffff

/* Name of a key for the help overlay and status line ("Tab", "PgDn",
 * "Ctrl-L", "F1", "q"). Written into buf. */
const char *keys_name(int key, char *buf, size_t bufsz);

/* Parse a name as written in key scripts ("Enter", "S-Tab", "C-l", "F1",
 * "Up"); returns the key or -1. */
int keys_parse(const char *name);

/* Normalise what ncurses reports: KEY_ENTER and '\n' become K_ENTER,
 * KEY_BACKSPACE / DEL / ^H become one backspace code, and the other names
 * terminals give Home and End (Find, Select, the keypad's corners) become
 * Home and End. */
int keys_normalise(int key);

/* Teach ncurses the sequences terminals send for the editing keys whatever
 * their terminfo entry says (ESC [ 1 ~ and ESC [ 4 ~ of PuTTY, screen and
 * the Linux console, ESC [ 7 ~ / ESC [ 8 ~ of rxvt, ESC O H / ESC O F of
 * xterm…). Call once the terminal is set up. */
void keys_define(void);

/* The key an escape sequence stands for, given what followed the ESC
 * ("[4~", "OH", "[1;5A" with its modifier dropped); 0 when it names none. */
int keys_sequence(const char *seq);

/* One key of a screen: dispatch, the status-line hint and the help overlay
 * all come from these entries. */
struct key_binding {
	int key;          /* a code point, or K_FN(KEY_…) for a function key */
	int action;       /* the screen's own action number */
	const char *hint; /* N_() short label for the status line, or NULL */
	const char *help; /* N_() line for the help overlay; NULL for an alias */
};

/* Copy a key table (ending with a zero entry) into out, which holds n
 * entries: cut to fit, it always ends with a zero entry. */
void keys_copy(struct key_binding *out, size_t n, const struct key_binding *keys);

/* In a screen's own copy of its keys, the hint "Scroll" on Down when more
 * is below, else on Up when more is above, and on neither when all of it
 * shows. */
void keys_scroll_hint(struct key_binding *keys, bool more_below, bool more_above);

#endif
