/* File names the user types or keeps: "~/" and the user's own copies of
 * pact's shipped data files. */
#ifndef PACT_PATH_H
#define PACT_PATH_H

#include <stdbool.h>
#include <stddef.h>

#include "err.h"

/* in into out, a leading "~" or "~/" made the home folder ($HOME, when it
 * is set and not empty); any other name as it is. false when out is too
 * small (out then holds as much as fits). */
bool path_expand_home(const char *in, char *out, size_t outsz);

/* A file name typed into a form to write to, into out with "~" expanded:
 * refused (PACT_EINPUT, "file: …") when empty, too long, or naming a file
 * that exists unless replace. */
int path_for_writing(const char *typed, bool replace, char *out, size_t outsz,
		     struct pact_err *err);

/* Where the user's own copy of a shipped file (name: "tree.txt",
 * "prompts.txt") would be: $XDG_CONFIG_HOME/pact/NAME when that is an
 * absolute path, else $HOME/.config/pact/NAME. false when neither is set
 * or out is too small. */
bool path_user_file(const char *name, char *out, size_t outsz);

#endif
