/* The participation ladder's rungs: their ids, their names in the screens'
 * language, and lists of them as shown. Plain text only (no database), so
 * that the database layer can show rungs in SQL without depending on the
 * work-form catalogue. */
#include "rung.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "i18n.h"

const char *const rung_ids[] = {
	"informeren", "raadplegen", "adviseren", "coproduceren", "meebeslissen", "stad-aan-zet", NULL,
};

/* The rungs' names as the built-in tree.txt gives them (a unit test keeps
 * the two the same). */
static const char *const rung_labels[] = {
	N_("Inform"), N_("Consult"), N_("Advise"), N_("Co-produce"), N_("Co-decide"),
	N_("The city leads"),
};

bool rung_valid(const char *word)
{
	for (size_t i = 0; rung_ids[i]; i++)
		if (strcmp(rung_ids[i], word) == 0)
			return true;
	return false;
}

int rung_index(const char *word, size_t len)
{
	for (int i = 0; word && rung_ids[i]; i++)
		if (strlen(rung_ids[i]) == len && strncasecmp(rung_ids[i], word, len) == 0)
			return i;
	return -1;
}

const char *rung_label(const char *id)
{
	int i = id ? rung_index(id, strlen(id)) : -1;

	return i < 0 ? NULL : _(rung_labels[i]);
}

char *rung_list_shown(const char *ids)
{
	char *text = NULL;
	size_t size = 0, n;
	FILE *out = open_memstream(&text, &size);
	const char *p = ids ? ids : "";
	bool first = true;

	if (!out)
		return NULL;
	for (p += strspn(p, " \t,"); *p; p += n, p += strspn(p, " \t,")) {
		int i;

		n = strcspn(p, " \t,");
		i = rung_index(p, n);
		fprintf(out, "%s", first ? "" : ", ");
		if (i >= 0)
			fputs(_(rung_labels[i]), out);
		else
			fwrite(p, 1, n, out);
		first = false;
	}
	return fclose(out) == 0 ? text : NULL;
}
