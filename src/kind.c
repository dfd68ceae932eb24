/* The declarations of the kinds of records. Later panels add theirs here. */
#include "kind.h"

#include <string.h>

#include "card_comm.h"
#include "diversity.h"
#include "indicator_keys.h"
#include "i18n.h"
#include "poll.h"
#include "brainstorm_session.h"

#define NOW_ISO "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"
#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static const struct kind_col session_cols[] = {
	{ .name = "id", .type = CT_UUID, .field = "uuid" },
	{ .name = "title", .type = CT_TEXT, .field = "title", .flags = KC_REQUIRED,
	  .max = SESSION_TITLE_MAX },
	{ .name = "question", .type = CT_TEXT, .field = "question", .max = SESSION_TEXT_MAX,
	  .dflt = "''" },
	{ .name = "facilitator", .type = CT_TEXT, .field = "facilitator", .max = SESSION_TITLE_MAX,
	  .dflt = "''" },
	{ .name = "location", .type = CT_TEXT, .field = "location", .max = SESSION_TITLE_MAX,
	  .dflt = "''" },
	{ .name = "date", .type = CT_DATE, .field = "date", .dflt = "date('now', 'localtime')" },
	{ .name = "notes", .type = CT_LINES, .field = "notes", .max = SESSION_NOTES_MAX,
	  .dflt = "''" },
	{ .name = "archived", .type = CT_BOOL, .field = "archived", .dflt = "0" },
	{ .name = "created", .type = CT_TIMESTAMP, .field = "created_at", .dflt = NOW_ISO },
	/* A merge or an import never keeps personal data longer than either
	 * side promised. */
	{ .name = "retain_until", .type = CT_DATE, .field = "retain_until", .flags = KC_EARLIEST },
};

static const char *const role_keys[] = {
	"resident", "entrepreneur", "institution", "civil_servant", "council_member", "other", NULL,
};

#define SESSION_REF                                                                            \
	{ .name = "session", .type = CT_REF, .field = "session_id", .flags = KC_REQUIRED,      \
	  .ref_table = "session", .ref_name = "title" }
#define IN_SESSION(col, table, namefield)                                                      \
	.name = col, .type = CT_REF, .ref_table = table, .ref_name = namefield,                \
	.ref_scope = "session_id", .scope_col = "session"

static const struct kind_col participant_cols[] = {
	{ .name = "id", .type = CT_UUID, .field = "uuid" },
	SESSION_REF,
	{ .name = "alias", .type = CT_TEXT, .field = "alias", .flags = KC_REQUIRED, .max = 60 },
	{ .name = "name", .type = CT_TEXT, .field = "name", .flags = KC_PERSONAL, .max = 200 },
	{ .name = "consent", .type = CT_BOOL, .field = "consent", .dflt = "0" },
	{ .name = "role", .type = CT_ENUM, .field = "role", .flags = KC_QUASI, .keys = role_keys },
	{ .name = "wijk", .type = CT_TEXT, .field = "wijk", .flags = KC_QUASI, .max = 100 },
	{ .name = "age_band", .type = CT_TEXT, .field = "age_band", .flags = KC_QUASI, .max = 20 },
};

static const struct kind_col round_cols[] = {
	{ .name = "id", .type = CT_UUID, .field = "uuid" },
	SESSION_REF,
	{ .name = "name", .type = CT_TEXT, .field = "name", .flags = KC_REQUIRED, .max = 100 },
	{ .name = "seconds", .type = CT_INT, .field = "seconds", .flags = KC_REQUIRED, .min = 1,
	  .max = 999 * 60 + 59 },
};

static const struct kind_col cluster_cols[] = {
	{ .name = "id", .type = CT_UUID, .field = "uuid" },
	SESSION_REF,
	{ .name = "name", .type = CT_TEXT, .field = "name", .flags = KC_REQUIRED, .max = 100 },
};

static const struct kind_col idea_cols[] = {
	{ .name = "id", .type = CT_UUID, .field = "uuid" },
	SESSION_REF,
	{ IN_SESSION("round", "round", "name"), .field = "round_id" },
	{ IN_SESSION("cluster", "cluster", "name"), .field = "cluster_id" },
	{ .name = "idea", .type = CT_LINES, .field = "text", .flags = KC_REQUIRED, .max = 2000 },
	{ IN_SESSION("participant", "participant", "alias"), .field = "participant_id" },
	{ .name = "late", .type = CT_BOOL, .field = "late", .dflt = "0" },
	{ .name = "created", .type = CT_TIMESTAMP, .field = "created_at", .dflt = NOW_ISO,
	  .also = "updated_at" },
	{ .name = "merged_into", .type = CT_REF, .field = "merged_into", .ref_table = "idea" },
};

static const char *const cost_keys[] = { "low", "medium", "high", NULL };
static const char *const mode_keys[] = { "online", "offline", "both", NULL };
static const char *const werkvorm_type_keys[] = { "werkvorm", "communicatie", NULL };

/* Defaults as in the werkvorm table. rungs holds words of rung_ids
 * separated by spaces; the importer takes it as plain text. */
static const struct kind_col werkvorm_cols[] = {
	{ .name = "id", .type = CT_UUID, .field = "uuid" },
	{ .name = "name", .type = CT_TEXT, .field = "name", .flags = KC_REQUIRED, .max = 100 },
	{ .name = "name_nl", .type = CT_TEXT, .field = "name_nl", .max = 100, .dflt = "''" },
	{ .name = "description", .type = CT_LINES, .field = "description", .max = 2000,
	  .dflt = "''" },
	{ .name = "description_nl", .type = CT_LINES, .field = "description_nl", .max = 2000,
	  .dflt = "''" },
	{ .name = "rungs", .type = CT_TEXT, .field = "rungs", .max = 200, .dflt = "''" },
	{ .name = "min_group", .type = CT_INT, .field = "min_group", .min = 1, .max = 1000000,
	  .dflt = "1" },
	{ .name = "max_group", .type = CT_INT, .field = "max_group", .min = 1, .max = 1000000,
	  .dflt = "1000" },
	{ .name = "minutes", .type = CT_INT, .field = "minutes", .min = 1, .max = 100000,
	  .dflt = "60" },
	{ .name = "cost", .type = CT_ENUM, .field = "cost", .keys = cost_keys, .dflt = "'low'" },
	{ .name = "low_literacy", .type = CT_BOOL, .field = "low_literacy", .dflt = "0" },
	{ .name = "mode", .type = CT_ENUM, .field = "mode", .keys = mode_keys,
	  .dflt = "'offline'" },
	/* Appended last, so that a file from before schema 13 still imports. */
	{ .name = "type", .type = CT_ENUM, .field = "type", .keys = werkvorm_type_keys,
	  .dflt = "'werkvorm'" },
	{ .name = "core", .type = CT_BOOL, .field = "core", .dflt = "0" },
};

static const struct kind sessions = {
	"sessions", "session", N_("brainstorm sessions"), session_cols, COUNT(session_cols), "id",
	NULL,
};
static const struct kind participants = {
	"participants", "participant", N_("participants of sessions (names only with --with-names)"),
	participant_cols, COUNT(participant_cols), "session_id", NULL,
};
static const struct kind rounds = {
	"rounds", "round", N_("timed rounds of sessions"), round_cols, COUNT(round_cols),
	"session_id", NULL,
};
static const struct kind clusters = {
	"clusters", "cluster", N_("clusters of ideas"), cluster_cols, COUNT(cluster_cols),
	"session_id", NULL,
};
static const struct kind ideas = {
	"ideas", "idea", N_("ideas of sessions"), idea_cols, COUNT(idea_cols), "session_id", NULL,
};
static const struct kind werkvormen = {
	"werkvormen", "werkvorm", N_("the catalogue of work forms (werkvormen)"), werkvorm_cols,
	COUNT(werkvorm_cols), NULL, NULL,
};

static const struct kind_col advice_cols[] = {
	{ .name = "id", .type = CT_UUID, .field = "uuid" },
	{ .name = "title", .type = CT_TEXT, .field = "title", .flags = KC_REQUIRED, .max = 300 },
	{ .name = "author", .type = CT_TEXT, .field = "author", .max = 200, .dflt = "''" },
	{ .name = "date", .type = CT_DATE, .field = "date", .dflt = "date('now', 'localtime')" },
	{ .name = "tree_version", .type = CT_TEXT, .field = "tree_version", .max = 64, .dflt = "''" },
	{ .name = "answers", .type = CT_TEXT, .field = "answers", .max = 4000, .dflt = "''" },
	{ .name = "outcome", .type = CT_TEXT, .field = "outcome", .max = 100, .dflt = "''" },
	{ .name = "rung", .type = CT_TEXT, .field = "rung", .max = 100, .dflt = "''" },
	{ .name = "forms", .type = CT_TEXT, .field = "forms", .max = 4000, .dflt = "''" },
	{ .name = "revision_of", .type = CT_TEXT, .field = "revision_of", .max = 36 },
	{ .name = "created", .type = CT_TIMESTAMP, .field = "created_at", .dflt = NOW_ISO },
};

static const struct kind advices = {
	"advices", "advice", N_("advice from the stappenplan"), advice_cols, COUNT(advice_cols), NULL,
	NULL,
};

static const struct kind_col budget_cols[] = {
	{ .name = "id", .type = CT_UUID, .field = "uuid" },
	{ .name = "name", .type = CT_TEXT, .field = "name", .flags = KC_REQUIRED, .max = 200 },
	{ .name = "year", .type = CT_INT, .field = "year", .flags = KC_REQUIRED, .min = 1900,
	  .max = 9999 },
	{ .name = "amount", .type = CT_AMOUNT, .field = "amount", .dflt = "0" },
};

static const struct kind budgets = {
	"budgets", "budget_pot", N_("budget pots of the experiment board"), budget_cols,
	COUNT(budget_cols), NULL, NULL,
};

/* Costs that are no experiment, on a pot by UUID or by name (a name two
 * pots share, in different years, needs the UUID). */
static const struct kind_col cost_cols[] = {
	{ .name = "id", .type = CT_UUID, .field = "uuid" },
	{ .name = "budget", .type = CT_REF, .field = "pot_id", .flags = KC_REQUIRED,
	  .ref_table = "budget_pot", .ref_name = "name" },
	{ .name = "description", .type = CT_TEXT, .field = "description", .flags = KC_REQUIRED,
	  .max = 300 },
	{ .name = "date", .type = CT_DATE, .field = "date", .flags = KC_REQUIRED },
	{ .name = "amount", .type = CT_AMOUNT, .field = "amount", .flags = KC_REQUIRED },
	{ .name = "created", .type = CT_TIMESTAMP, .field = "created_at", .dflt = NOW_ISO,
	  .also = "updated_at" },
};

static const struct kind costs = {
	"costs", "pot_cost", N_("costs on budget pots that are no experiment"), cost_cols,
	COUNT(cost_cols), NULL, NULL,
};

static const char *const track_keys[] = {
	"visions", "contact", "letting-go", "new-roles", "other", NULL,
};
static const char *const status_keys[] = {
	"idea", "preparing", "running", "evaluating", "anchored", "stopped", NULL,
};

static const char *const source_keys[] = { "idea", "cluster", "poll", NULL };

/* The SQL of the derived source columns: the idea, cluster or poll option
 * a card came from (t.source_uuid), and the session it belongs to. A
 * source that is gone gives NULL, an empty cell. */
#define SOURCE_OPTION(what)                                                                    \
	"(SELECT " what " FROM main.poll_option o JOIN main.poll p ON p.id = o.poll_id "       \
	"WHERE o.uuid = t.source_uuid)"
#define SOURCE_SESSION(what)                                                                   \
	"(SELECT " what " FROM main.session s WHERE s.id = CASE t.source_kind "                \
	"WHEN 'idea' THEN (SELECT session_id FROM main.idea WHERE uuid = t.source_uuid) "       \
	"WHEN 'cluster' THEN (SELECT session_id FROM main.cluster WHERE uuid = t.source_uuid) " \
	"WHEN 'poll' THEN " SOURCE_OPTION("p.session_id") " END)"
#define SOURCE_DERIVED(col, ctype, sql)                                                        \
	{ .name = col, .type = ctype, .field = "source_uuid", .flags = KC_DERIVED, .expr = sql }

static const struct kind_col experiment_cols[] = {
	{ .name = "id", .type = CT_UUID, .field = "uuid" },
	{ .name = "title", .type = CT_TEXT, .field = "title", .flags = KC_REQUIRED, .max = 300 },
	{ .name = "description", .type = CT_LINES, .field = "description", .max = 8000,
	  .dflt = "''" },
	{ .name = "track", .type = CT_ENUM, .field = "track", .keys = track_keys, .dflt = "'other'" },
	{ .name = "opgave", .type = CT_TEXT, .field = "opgave", .max = 200, .dflt = "''" },
	{ .name = "owner", .type = CT_TEXT, .field = "owner", .max = 200, .dflt = "''" },
	{ .name = "team", .type = CT_TEXT, .field = "team", .max = 400, .dflt = "''" },
	{ .name = "rung", .type = CT_TEXT, .field = "rung", .max = 100, .dflt = "''" },
	{ .name = "werkvorm", .type = CT_TEXT, .field = "werkvorm", .max = 200, .dflt = "''" },
	{ .name = "start", .type = CT_DATE, .field = "start_date" },
	{ .name = "end", .type = CT_DATE, .field = "end_date" },
	{ .name = "budget", .type = CT_REF, .field = "pot_id", .ref_table = "budget_pot" },
	{ .name = "planned", .type = CT_AMOUNT, .field = "planned", .dflt = "0" },
	{ .name = "spent", .type = CT_AMOUNT, .field = "spent", .dflt = "0" },
	{ .name = "reached", .type = CT_INT, .field = "reached", .min = 0, .max = 100000000,
	  .dflt = "0" },
	{ .name = "groups", .type = CT_TEXT, .field = "groups", .max = 400, .dflt = "''" },
	{ .name = "notes", .type = CT_LINES, .field = "notes", .max = 8000, .dflt = "''" },
	{ .name = "status", .type = CT_ENUM, .field = "status", .keys = status_keys,
	  .dflt = "'idea'" },
	{ .name = "position", .type = CT_INT, .field = "position", .min = 0, .max = 1000000000,
	  .dflt = "0" },
	{ .name = "advice", .type = CT_TEXT, .field = "advice_uuid", .max = 36 },
	{ .name = "created", .type = CT_TIMESTAMP, .field = "created_at", .dflt = NOW_ISO,
	  .also = "updated_at" },
	/* Where a card from a stretch session came from (schema 11); last, so
	 * that a CSV without them still imports. */
	{ .name = "source_kind", .type = CT_ENUM, .field = "source_kind", .keys = source_keys },
	{ .name = "source_uuid", .type = CT_TEXT, .field = "source_uuid", .max = 36 },
	{ .name = "source_rank", .type = CT_INT, .field = "source_rank", .min = 1,
	  .max = 1000000 },
	{ .name = "source_of", .type = CT_INT, .field = "source_of", .min = 1, .max = 1000000 },
	{ .name = "source_value", .type = CT_INT, .field = "source_value", .min = INT64_MIN,
	  .max = INT64_MAX },
	/* The source by name, for the reader of the file: export only. */
	SOURCE_DERIVED("source_session", CT_TEXT, SOURCE_SESSION("s.title")),
	SOURCE_DERIVED("source_date", CT_DATE, SOURCE_SESSION("s.date")),
	SOURCE_DERIVED("source_round", CT_TEXT,
		       "CASE t.source_kind WHEN 'idea' THEN (SELECT r.name FROM main.idea i JOIN "
		       "main.round r ON r.id = i.round_id WHERE i.uuid = t.source_uuid) END"),
	SOURCE_DERIVED("source_cluster", CT_TEXT,
		       "CASE t.source_kind WHEN 'cluster' THEN (SELECT name FROM main.cluster WHERE "
		       "uuid = t.source_uuid) WHEN 'idea' THEN (SELECT c.name FROM main.idea i JOIN "
		       "main.cluster c ON c.id = i.cluster_id WHERE i.uuid = t.source_uuid) END"),
	SOURCE_DERIVED("source_poll", CT_TEXT,
		       "CASE t.source_kind WHEN 'poll' THEN " SOURCE_OPTION("p.title") " END"),
	SOURCE_DERIVED("source_method", CT_TEXT,
		       "CASE t.source_kind WHEN 'poll' THEN " SOURCE_OPTION("p.method") " END"),
	/* One of the opgaveteam's focus experiments (schema 13). */
	{ .name = "focus", .type = CT_BOOL, .field = "focus", .dflt = "0" },
};

_Static_assert(COUNT(experiment_cols) <= KIND_MAX_COLS, "raise KIND_MAX_COLS");

static const struct kind experiments = {
	"experiments", "experiment", N_("experiments of the experiment board"), experiment_cols,
	COUNT(experiment_cols), NULL, NULL,
};

static const char *const repeat_keys[] = { "yes", "no", "changes", NULL };
static const char *const fits_keys[] = { "yes", "partly", "no", NULL };

static const struct kind_col evaluation_cols[] = {
	{ .name = "id", .type = CT_UUID, .field = "uuid" },
	{ .name = "experiment", .type = CT_REF, .field = "experiment_id", .ref_table = "experiment" },
	{ .name = "goal", .type = CT_INT, .field = "goal", .flags = KC_REQUIRED, .min = 1, .max = 5 },
	{ .name = "participants", .type = CT_INT, .field = "participants", .min = 0,
	  .max = 10000000, .dflt = "0" },
	{ .name = "who", .type = CT_LINES, .field = "who", .max = 4000, .dflt = "''" },
	{ .name = "worked", .type = CT_LINES, .field = "worked", .max = 4000, .dflt = "''" },
	{ .name = "not_worked", .type = CT_LINES, .field = "not_worked", .max = 4000, .dflt = "''" },
	{ .name = "dos", .type = CT_LINES, .field = "dos", .max = 4000, .dflt = "''" },
	{ .name = "donts", .type = CT_LINES, .field = "donts", .max = 4000, .dflt = "''" },
	{ .name = "repeat", .type = CT_ENUM, .field = "repeat", .flags = KC_REQUIRED,
	  .keys = repeat_keys },
	{ .name = "learnings", .type = CT_LINES, .field = "learnings", .max = 4000, .dflt = "''" },
	{ .name = "evaluated_by", .type = CT_TEXT, .field = "evaluated_by", .flags = KC_REQUIRED,
	  .max = 200 },
	{ .name = "date", .type = CT_DATE, .field = "date", .dflt = "date('now', 'localtime')" },
	/* Schema 17, last, so that an older file still imports: does the form
	 * fit Schiedam, the public value (1 to 5 or empty: not answered, each
	 * with a note), the diversity reached; and a trajectory that is no
	 * experiment as what was evaluated (exactly one of experiment, session,
	 * advice). */
	{ .name = "fits", .type = CT_ENUM, .field = "fits", .keys = fits_keys },
	{ .name = "fits_why", .type = CT_LINES, .field = "fits_why", .max = 4000, .dflt = "''" },
	{ .name = "satisfaction", .type = CT_INT, .field = "satisfaction", .min = 1, .max = 5 },
	{ .name = "satisfaction_note", .type = CT_LINES, .field = "satisfaction_note", .max = 4000,
	  .dflt = "''" },
	{ .name = "support", .type = CT_INT, .field = "support", .min = 1, .max = 5 },
	{ .name = "support_note", .type = CT_LINES, .field = "support_note", .max = 4000,
	  .dflt = "''" },
	{ .name = "legitimacy", .type = CT_INT, .field = "legitimacy", .min = 1, .max = 5 },
	{ .name = "legitimacy_note", .type = CT_LINES, .field = "legitimacy_note", .max = 4000,
	  .dflt = "''" },
	{ .name = "diversity", .type = CT_LINES, .field = "diversity", .max = 4000, .dflt = "''" },
	{ .name = "session", .type = CT_REF, .field = "session_id", .ref_table = "session",
	  .ref_name = "title" },
	{ .name = "advice", .type = CT_REF, .field = "advice_id", .ref_table = "advice",
	  .ref_name = "title" },
};

static const char *const evaluation_subjects[] = { "experiment", "session", "advice", NULL };

static const struct kind evaluations = {
	"evaluations", "evaluation",
	N_("evaluations of experiments, sessions and advices (exactly one of the three)"),
	evaluation_cols, COUNT(evaluation_cols), NULL, evaluation_subjects,
};

/* A card's communication plan: one line per audience (card_comm.h); a line
 * for a card and audience that have one takes its place. */
static const struct kind_col comm_cols[] = {
	{ .name = "id", .type = CT_UUID, .field = "uuid" },
	{ .name = "experiment", .type = CT_REF, .field = "experiment_id", .flags = KC_REQUIRED,
	  .ref_table = "experiment", .ref_name = "title" },
	{ .name = "audience", .type = CT_ENUM, .field = "audience", .flags = KC_REQUIRED,
	  .keys = comm_audience_keys },
	{ .name = "message", .type = CT_LINES, .field = "message", .max = COMM_MESSAGE_MAX,
	  .dflt = "''" },
	{ .name = "means", .type = CT_TEXT, .field = "means", .max = COMM_MEANS_MAX, .dflt = "''" },
	{ .name = "created", .type = CT_TIMESTAMP, .field = "created_at", .dflt = NOW_ISO,
	  .also = "updated_at" },
};

static const struct kind communication = {
	"communication", "card_comm",
	N_("communication plans of experiments: message and means per audience"), comm_cols,
	COUNT(comm_cols), NULL, NULL,
};

/* The register of the people in the programme (people.h): the name is
 * what cards name them by; contact details only with consent, and only in
 * an export --with-names. */
/* As people_role_keys (people.h) and the table's CHECK. */
static const char *const person_role_keys[] = {
	"accelerator", "opgaveteam", "facilitator", "other", NULL,
};

static const struct kind_col person_cols[] = {
	{ .name = "id", .type = CT_UUID, .field = "uuid" },
	{ .name = "name", .type = CT_TEXT, .field = "name", .flags = KC_REQUIRED,
	  .max = 200 },
	{ .name = "role", .type = CT_ENUM, .field = "role", .keys = person_role_keys,
	  .dflt = "'other'" },
	{ .name = "department", .type = CT_TEXT, .field = "department",
	  .max = 200, .dflt = "''" },
	{ .name = "consent", .type = CT_BOOL, .field = "consent", .dflt = "0" },
	{ .name = "contact", .type = CT_TEXT, .field = "contact", .flags = KC_PERSONAL,
	  .max = 200, .needs = "consent" },
	{ .name = "created", .type = CT_TIMESTAMP, .field = "created_at", .dflt = NOW_ISO,
	  .also = "updated_at" },
};

/* The programme's indicators of its ambitions (indicator.h); the ambition
 * is a name that indicators share. */
static const struct kind_col indicator_cols[] = {
	{ .name = "id", .type = CT_UUID, .field = "uuid" },
	{ .name = "ambition", .type = CT_TEXT, .field = "ambition", .flags = KC_REQUIRED,
	  .max = INDICATOR_NAME_MAX },
	{ .name = "name", .type = CT_TEXT, .field = "name", .flags = KC_REQUIRED,
	  .max = INDICATOR_NAME_MAX },
	{ .name = "measure", .type = CT_ENUM, .field = "measure", .flags = KC_REQUIRED,
	  .keys = indicator_measure_keys },
	{ .name = "subject", .type = CT_TEXT, .field = "subject", .max = 128, .dflt = "''" },
	{ .name = "target", .type = CT_INT, .field = "target", .min = 0,
	  .max = INDICATOR_TARGET_MAX, .dflt = "0" },
	{ .name = "period", .type = CT_ENUM, .field = "period", .keys = indicator_period_keys,
	  .dflt = "'year'" },
	{ .name = "created", .type = CT_TIMESTAMP, .field = "created_at", .dflt = NOW_ISO,
	  .also = "updated_at" },
};

static const struct kind people = {
	"people", "person",
	N_("the register of people in the programme: accelerators, opgaveteam, facilitators "
	   "(contact only with --with-names)"),
	person_cols, COUNT(person_cols), NULL, NULL,
};

static const struct kind indicators = {
	"indicators", "indicator", N_("indicators of the programme's ambitions, with their targets"),
	indicator_cols, COUNT(indicator_cols), NULL, NULL,
};

/* A figure entered by hand for one period ("2024" or "2024-Q1"). */
static const struct kind_col indicator_value_cols[] = {
	{ .name = "id", .type = CT_UUID, .field = "uuid" },
	{ .name = "indicator", .type = CT_REF, .field = "indicator_id", .flags = KC_REQUIRED,
	  .ref_table = "indicator", .ref_name = "name" },
	{ .name = "period", .type = CT_TEXT, .field = "period", .flags = KC_REQUIRED, .max = 7 },
	{ .name = "value", .type = CT_INT, .field = "value", .flags = KC_REQUIRED, .min = 0,
	  .max = INDICATOR_TARGET_MAX },
	{ .name = "created", .type = CT_TIMESTAMP, .field = "created_at", .dflt = NOW_ISO },
};

static const struct kind indicator_values = {
	"indicator-values", "indicator_value",
	N_("figures entered by hand for an indicator, per period"), indicator_value_cols,
	COUNT(indicator_value_cols), NULL, NULL,
};

/* The groups of the dimensions of diversity, the programme's list. */
static const struct kind_col diversity_group_cols[] = {
	{ .name = "id", .type = CT_UUID, .field = "uuid" },
	{ .name = "dimension", .type = CT_ENUM, .field = "dimension", .flags = KC_REQUIRED,
	  .keys = diversity_dimension_keys },
	{ .name = "group", .type = CT_TEXT, .field = "name", .flags = KC_REQUIRED,
	  .max = DIVERSITY_GROUP_MAX },
	{ .name = "position", .type = CT_INT, .field = "position", .min = 0, .max = 1000000,
	  .dflt = "0" },
	{ .name = "example", .type = CT_BOOL, .field = "example", .dflt = "0" },
};

static const struct kind diversity_groups = {
	"diversity-groups", "diversity_group",
	N_("the groups of each dimension of diversity (the programme's list)"),
	diversity_group_cols, COUNT(diversity_group_cols), NULL, NULL,
};

/* Counts of people per group for a session or an experiment (one of the
 * two), never people. */
static const struct kind_col diversity_cols[] = {
	{ .name = "id", .type = CT_UUID, .field = "uuid" },
	{ .name = "session", .type = CT_REF, .field = "session_id", .ref_table = "session",
	  .ref_name = "title" },
	{ .name = "experiment", .type = CT_REF, .field = "experiment_id",
	  .ref_table = "experiment", .ref_name = "title" },
	{ .name = "dimension", .type = CT_ENUM, .field = "dimension", .flags = KC_REQUIRED,
	  .keys = diversity_dimension_keys },
	{ .name = "group", .type = CT_TEXT, .field = "grp", .flags = KC_REQUIRED,
	  .max = DIVERSITY_GROUP_MAX },
	{ .name = "people", .type = CT_INT, .field = "people", .flags = KC_REQUIRED, .min = 0,
	  .max = DIVERSITY_PEOPLE_MAX },
	{ .name = "created", .type = CT_TIMESTAMP, .field = "created_at", .dflt = NOW_ISO,
	  .also = "updated_at" },
};

static const char *const diversity_subjects[] = { "session", "experiment", NULL };

static const struct kind diversity = {
	"diversity", "diversity_count",
	N_("counts of people per diversity group, of a session or an experiment"), diversity_cols,
	COUNT(diversity_cols), "session_id", diversity_subjects,
};

/* The city's own figures per group (a count or a percentage). */
static const struct kind_col population_cols[] = {
	{ .name = "id", .type = CT_UUID, .field = "uuid" },
	{ .name = "dimension", .type = CT_ENUM, .field = "dimension", .flags = KC_REQUIRED,
	  .keys = diversity_dimension_keys },
	{ .name = "group", .type = CT_TEXT, .field = "grp", .flags = KC_REQUIRED,
	  .max = DIVERSITY_GROUP_MAX },
	{ .name = "people", .type = CT_INT, .field = "people", .flags = KC_REQUIRED, .min = 0,
	  .max = 100000000 },
	{ .name = "source", .type = CT_TEXT, .field = "source", .max = 300, .dflt = "''" },
	{ .name = "created", .type = CT_TIMESTAMP, .field = "created_at", .dflt = NOW_ISO },
};

static const struct kind population = {
	"population", "population",
	N_("the city's own figures per diversity group (reference population)"), population_cols,
	COUNT(population_cols), NULL, NULL,
};

const struct kind *const kinds[] = {
	&sessions, &participants, &rounds, &clusters, &ideas, &werkvormen, &advices,
	&budgets, &costs, &experiments, &evaluations, &communication, &people, &indicators,
	&indicator_values, &diversity_groups, &diversity, &population,
};
const size_t nkinds = COUNT(kinds);

const struct kind *kind_find(const char *name)
{
	for (size_t i = 0; i < nkinds; i++)
		if (strcmp(kinds[i]->name, name) == 0)
			return kinds[i];
	return NULL;
}

const char *kind_noun(const char *table, unsigned long n)
{
	const char *t = table ? table : "";

	/* One npgettext call per table, so that xgettext sees every pair. */
	if (strcmp(t, "session") == 0)
		return npgettext("record", "session", "sessions", n);
	if (strcmp(t, "participant") == 0)
		return npgettext("record", "participant", "participants", n);
	if (strcmp(t, "round") == 0)
		return npgettext("record", "round", "rounds", n);
	if (strcmp(t, "cluster") == 0)
		return npgettext("record", "cluster", "clusters", n);
	if (strcmp(t, "idea") == 0)
		return npgettext("record", "idea", "ideas", n);
	if (strcmp(t, "werkvorm") == 0)
		return npgettext("record", "work form", "work forms", n);
	if (strcmp(t, "advice") == 0)
		return npgettext("record", "advice", "advices", n);
	if (strcmp(t, "budget_pot") == 0)
		return npgettext("record", "budget pot", "budget pots", n);
	if (strcmp(t, "pot_cost") == 0)
		return npgettext("record", "cost", "costs", n);
	if (strcmp(t, "experiment") == 0)
		return npgettext("record", "experiment", "experiments", n);
	if (strcmp(t, "evaluation") == 0)
		return npgettext("record", "evaluation", "evaluations", n);
	if (strcmp(t, "card_comm") == 0)
		return npgettext("record", "communication line", "communication lines", n);
	if (strcmp(t, "person") == 0)
		return npgettext("record", "person", "people", n);
	if (strcmp(t, "indicator") == 0)
		return npgettext("record", "indicator", "indicators", n);
	if (strcmp(t, "indicator_value") == 0)
		return npgettext("record", "indicator value", "indicator values", n);
	if (strcmp(t, "diversity_group") == 0)
		return npgettext("record", "diversity group", "diversity groups", n);
	if (strcmp(t, "diversity_count") == 0)
		return npgettext("record", "diversity count", "diversity counts", n);
	if (strcmp(t, "population") == 0)
		return npgettext("record", "city figure", "city figures", n);
	return t;
}

const char *kind_ref_text(const struct kind_col *col)
{
	const char *t = col->ref_table ? col->ref_table : "";

	if (strcmp(t, "session") == 0)
		return _("UUID or name of a session");
	if (strcmp(t, "round") == 0)
		return _("UUID or name of a round in the same session");
	if (strcmp(t, "cluster") == 0)
		return _("UUID or name of a cluster in the same session");
	if (strcmp(t, "participant") == 0)
		return _("UUID or alias of a participant in the same session");
	if (strcmp(t, "idea") == 0)
		return _("UUID of an idea");
	if (strcmp(t, "budget_pot") == 0)
		return col->ref_name ? _("UUID or name of a budget pot") : _("UUID of a budget pot");
	if (strcmp(t, "experiment") == 0)
		return col->ref_name ? _("UUID or title of an experiment") : _("UUID of an experiment");
	if (strcmp(t, "indicator") == 0)
		return _("UUID or name of an indicator");
	if (strcmp(t, "advice") == 0)
		return _("UUID or question of an advice");
	return col->ref_name ? _("UUID or name") : _("UUID");
}

static const char *const result_columns[] = { "position", "option", "value", NULL };
static const char *const ballot_columns[] = { "voter", "option", "value", NULL };
static const char *const pabulib_sections[] = { "META", "PROJECTS", "VOTES", NULL };

const struct poll_kind poll_kinds[] = {
	{ "results", N_("a poll's result (--poll POLL)"), result_columns, poll_export_results,
	  NULL },
	{ "ballots", N_("a poll's ballots (--poll POLL); secret ones in random order"),
	  ballot_columns, poll_export_ballots, poll_import_ballots },
	{ "pabulib",
	  N_("a poll's ballots as a Pabulib file (--poll POLL); export: budget polls; import "
	     "ballots reads .pb files too"),
	  pabulib_sections, poll_export_pabulib, poll_import_pabulib },
};
const size_t npoll_kinds = COUNT(poll_kinds);

const struct poll_kind *poll_kind_find(const char *name)
{
	for (size_t i = 0; i < npoll_kinds; i++)
		if (strcmp(poll_kinds[i].name, name) == 0)
			return &poll_kinds[i];
	return NULL;
}
