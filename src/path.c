/* File names the user types or keeps. */
#include "path.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "i18n.h"

static bool fits(int n, size_t outsz)
{
	return n >= 0 && (size_t)n < outsz;
}

bool path_expand_home(const char *in, char *out, size_t outsz)
{
	const char *home = getenv("HOME");

	if (in[0] == '~' && (in[1] == '/' || !in[1]) && home && *home)
		return fits(snprintf(out, outsz, "%s%s", home, in + 1), outsz);
	return fits(snprintf(out, outsz, "%s", in), outsz);
}

bool path_user_file(const char *name, char *out, size_t outsz)
{
	const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");

	if (xdg && *xdg == '/')
		return fits(snprintf(out, outsz, "%s/pact/%s", xdg, name), outsz);
	if (home && *home)
		return fits(snprintf(out, outsz, "%s/.config/pact/%s", home, name), outsz);
	return false;
}

int path_for_writing(const char *typed, bool replace, char *out, size_t outsz,
		     struct pact_err *err)
{
	struct stat st;

	if (!*typed)
		return err_set(err, PACT_EINPUT, "%s", _("file: give a file name"));
	if (!path_expand_home(typed, out, outsz))
		return err_set(err, PACT_EINPUT, _("file: cannot write %s: %s"), typed,
			       strerror(ENAMETOOLONG));
	if (!replace && stat(out, &st) == 0)
		return err_set(err, PACT_EINPUT,
			       _("file: %s exists already; choose another name, or yes to replace it"),
			       out);
	return PACT_OK;
}
