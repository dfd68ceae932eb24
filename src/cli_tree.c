/* pact tree check [FILE]: check a decision-tree file for the stappenplan,
 * listing every problem as "pact: FILE:LINE: message", as a compiler does. */
#include <stdio.h>
#include <string.h>

#include "cli_cmds.h"
#include "i18n.h"
#include "tree.h"

static int check(const char *path)
{
	struct tree_report rep = { 0 };
	struct tree t;
	int rc = path ? tree_load_file(path, &t, &rep) : tree_load_builtin(&t, &rep);

	if (rc == PACT_OK)
		printf(_("%s: ok, %zu questions, %zu outcomes\n"),
		       path ? path : _("built-in tree.txt"), t.nquestions, t.noutcomes);
	else
		for (size_t i = 0; i < rep.n; i++)
			fprintf(stderr, "pact: %s\n", rep.problems[i].msg);
	tree_free(&t);
	tree_report_free(&rep);
	return rc;
}

int cli_tree(const struct cli_opts *opts, int argc, char **argv)
{
	(void)opts;
	if (argc < 2 || strcmp(argv[1], "check") != 0)
		return cli_usage_error("%s", _("usage: pact tree check [FILE]"));
	if (argc > 3)
		return cli_usage_error(_("tree check takes one file at most, got '%s'"), argv[3]);
	return check(argc == 3 ? argv[2] : NULL);
}
