/* pact tree check [FILE]: check a decision-tree file for the stappenplan,
 * listing every problem as "pact: FILE:LINE: message", as a compiler does.
 * The --tree option is checked the same way before the screens open. */
#include <stdio.h>
#include <string.h>

#include "cli_cmds.h"
#include "i18n.h"
#include "tree.h"

/* Load the tree at path (NULL: the built-in one) into t, reporting every
 * problem on stderr. */
static int load(const char *path, struct tree *t)
{
	struct tree_report rep = { 0 };
	int rc = path ? tree_load_file(path, t, &rep) : tree_load_builtin(t, &rep);

	if (rc != PACT_OK)
		for (size_t i = 0; i < rep.n; i++)
			fprintf(stderr, "pact: %s\n", rep.problems[i].msg);
	tree_report_free(&rep);
	return rc;
}

int cli_tree_option(const char *path)
{
	struct tree t;
	int rc;

	if (!*path)
		return cli_usage_error("%s", _("--tree needs a file, not an empty string"));
	rc = load(path, &t);
	tree_free(&t);
	return rc;
}

static int check(const char *path)
{
	struct tree t;
	int rc = load(path, &t);

	if (rc == PACT_OK) {
		char questions[64], outcomes[64];

		snprintf(questions, sizeof questions,
			 ngettext("%zu question", "%zu questions", (unsigned long)t.nquestions),
			 t.nquestions);
		snprintf(outcomes, sizeof outcomes,
			 ngettext("%zu outcome", "%zu outcomes", (unsigned long)t.noutcomes),
			 t.noutcomes);
		/* TRANSLATORS: "tree.txt: ok, 12 questions, 9 outcomes" */
		printf(_("%s: ok, %s, %s\n"), path ? path : _("built-in tree.txt"), questions,
		       outcomes);
	}
	tree_free(&t);
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
