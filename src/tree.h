/* The stappenplan's decision tree: questions that lead to an outcome, a
 * rung of the participation ladder. Parsing and checking a tree file,
 * loading the user's or the built-in tree, and reading its nodes. */
#ifndef PACT_TREE_H
#define PACT_TREE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "err.h"

/* The built-in tree, embedded at build time from data/tree.txt. */
extern const char pact_tree_txt[];

/* Longest text, in code points; longest id, in bytes. */
#define TREE_TEXT_MAX 1000
#define TREE_ID_MAX 64
/* A report keeps this many problems and counts the rest. */
#define TREE_PROBLEMS_MAX 100
/* The largest group-size: and minutes: an answer may give. */
#define TREE_NUMBER_MAX 100000
/* Hex digits of a tree's version. */
#define TREE_VERSION_LEN 12

/* One text in both languages. */
struct tree_text {
	char *en;
	char *nl;
};

/* A rung of the participation ladder ("informeren" … "stad-aan-zet"). */
struct tree_rung {
	char *id;
	size_t line;              /* where its block starts */
	struct tree_text name;
	struct tree_text promise; /* what the municipality promises at this rung */
};

struct tree_node;

struct tree_answer {
	char *id; /* stable: later steps read the answers of a path by id */
	size_t line;
	struct tree_text text;
	char *next_id;
	const struct tree_node *next; /* the question or outcome it leads to */
	/* What the answer tells about the people and the time, for choosing
	 * work forms: "group-size: 100", "minutes: 90", "hard-to-reach: yes"
	 * under the answer; 0 and false when it says nothing. */
	int64_t group_size;
	int64_t minutes;
	bool hard_to_reach;
	/* A note the advice shows when its path passes this answer ("note-en:"
	 * and "note-nl:" under the answer); both NULL when there is none.
	 * note_line and note_col: where its first line starts. */
	struct tree_text note;
	size_t note_line, note_col;
};

enum tree_kind { TREE_QUESTION, TREE_OUTCOME };

struct tree_node {
	enum tree_kind kind;
	char *id;
	size_t line;             /* where its block starts */
	struct tree_text text;   /* the question, or the outcome's explanation */
	struct tree_text help;   /* questions; both NULL when there is none */
	struct tree_answer *answers; /* questions */
	size_t nanswers;
	char *rung_id;           /* outcomes */
	size_t rung_line;
	const struct tree_rung *rung;
};

struct tree {
	struct tree_node *nodes; /* in file order */
	size_t nnodes, nquestions, noutcomes;
	struct tree_rung *rungs; /* in file order: the ladder, lowest first */
	size_t nrungs;
	char version[TREE_VERSION_LEN + 1];
};

/* A problem in a tree file: msg is "NAME:LINE: message", or
 * "NAME:LINE:COLUMN: message" when it is about one value on the line
 * (COLUMN counts characters from 1), or "NAME: message" when it is about
 * the whole file, with line 0. */
struct tree_problem {
	size_t line;
	char *msg;
};

/* All the problems one parse or load found, sorted by line. Start from
 * { 0 }; each tree_parse / tree_load_* call empties it first. */
struct tree_report {
	struct tree_problem *problems;
	size_t n, cap;
	char *text; /* made by tree_report_text */
};

/* The messages one per line (no newline after the last), "" when there are
 * none; valid until the report changes or is freed. */
const char *tree_report_text(struct tree_report *rep);
void tree_report_free(struct tree_report *rep);

/* Parse and check tree text (len bytes; CRLF line ends and a leading UTF-8
 * BOM are accepted). name is used in messages. Returns PACT_OK, or
 * PACT_EINPUT with every problem found in rep (which may be NULL) and *out
 * left empty; PACT_ENOMEM when out of memory ("out of memory" in rep). */
int tree_parse(const char *text, size_t len, const char *name, struct tree *out,
	       struct tree_report *rep);

/* Read and parse the file at path; a file that cannot be read gives
 * PACT_EINPUT and one problem "PATH: reason". */
int tree_load_file(const char *path, struct tree *out, struct tree_report *rep);

/* The built-in tree (named "built-in tree.txt" in messages). */
int tree_load_builtin(struct tree *out, struct tree_report *rep);

/* The user's tree ($XDG_CONFIG_HOME/pact/tree.txt, else
 * ~/.config/pact/tree.txt) when that file exists, else the built-in one.
 * When the user's file is broken, *out is the built-in tree and the result
 * is PACT_EINPUT with the user file's problems in rep, for the screen to
 * show. */
int tree_load_default(struct tree *out, struct tree_report *rep);

void tree_free(struct tree *t);

/* The first question: where the stappenplan starts. */
const struct tree_node *tree_root(const struct tree *t);
/* The question or outcome with this id, the rung with this id, the answer
 * of question q with this id; NULL when there is none. */
const struct tree_node *tree_find(const struct tree *t, const char *id);
const struct tree_rung *tree_find_rung(const struct tree *t, const char *id);
const struct tree_answer *tree_find_answer(const struct tree_node *q, const char *id);

/* The Dutch text when lang is "nl" (or "nl_NL", "nl-BE", …), else the
 * English; "" when there is none. */
const char *tree_str(const struct tree_text *text, const char *lang);
/* A node's question or explanation, and its help ("" when none). */
const char *tree_text(const struct tree_node *n, const char *lang);
const char *tree_help(const struct tree_node *n, const char *lang);
/* An answer's note ("" when it has none). */
const char *tree_note(const struct tree_answer *a, const char *lang);

/* One step of a path through the tree: question q, answered with its
 * answer number `answer`. */
struct tree_step {
	const struct tree_node *q;
	size_t answer;
};

/* The answer a step chose. */
const struct tree_answer *tree_step_answer(const struct tree_step *s);

/* What a path asks of a work form (struct werkvorm_need, werkvorm.h):
 * the rung of the outcome it reached; the group size and the minutes of
 * the last answer on the path that gives them (0 when none does); hard to
 * reach when any answer on it says so; online forms are welcome. The
 * strings in need point into the tree. */
struct werkvorm_need;
void tree_need(const struct tree_step *path, size_t n, const struct tree_node *outcome,
	       struct werkvorm_need *need);

/* A short hash of the tree's text (ignoring a BOM and CRs), so that a
 * saved advice can say which tree it came from. */
const char *tree_version(const struct tree *t);

#endif
