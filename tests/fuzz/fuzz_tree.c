/* Fuzz target: the decision-tree loader, on the text as a file holds it. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tree.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);
	struct tree t;
	struct tree_report rep = { 0 };

	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	if (tree_parse(text, size, "fuzz.txt", &t, &rep) == 0) {
		/* walk what was loaded, as the wizard would */
		const struct tree_node *n = tree_root(&t);
		if (n) {
			tree_text(n, "nl");
			tree_help(n, "en");
		}
		tree_version(&t);
		tree_free(&t);
	}
	tree_report_text(&rep);
	tree_report_free(&rep);
	free(text);
	return 0;
}
