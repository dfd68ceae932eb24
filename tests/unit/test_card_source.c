/* Cards from a stretch session: an idea, a cluster and a poll's best
 * options become cards once each, linked to where they came from. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "board.h"
#include "card.h"
#include "card_source.h"
#include "poll.h"
#include "sql.h"
#include "testdb.h"
#include "testlang.h"

/* A session led by Noor: ideas 1-4 (4 merged into 1), ideas 2 and 3 in
 * cluster 1 "Groen"; a dot poll 1 (3 dots each) over three options with
 * three ballots: Bankjes 3, Kade 2, Licht 2 (a tie for second). */
static void fixture(sqlite3 *db)
{
	assert_int_equal(sqlite3_exec(db,
		"INSERT INTO session(id, uuid, title, facilitator, date, created_at) VALUES "
		"(1, 's1', 'Wijkavond Noord', 'Noor', '2026-11-27', '2026-11-27T19:00:00Z');"
		"INSERT INTO cluster(id, uuid, session_id, name) VALUES (1, 'c1', 1, 'Groen');"
		"INSERT INTO idea(id, uuid, session_id, cluster_id, text, created_at, updated_at) VALUES "
		"(1, 'i1', 1, NULL, 'Meer bankjes op het plein', 'x', 'x'),"
		"(2, 'i2', 1, 1, 'Bomen langs de kade', 'x', 'x'),"
		"(3, 'i3', 1, 1, 'Een moestuin bij de school', 'x', 'x');"
		"INSERT INTO idea(id, uuid, session_id, merged_into, text, created_at, updated_at) VALUES "
		"(4, 'i4', 1, 1, 'Bankjes!', 'x', 'x')", NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db,
		"INSERT INTO poll(id, uuid, session_id, title, method, dots, created_at) VALUES "
		"(1, 'p1', 1, 'Wat eerst?', 'dot', 3, '2026-11-27T20:00:00Z');"
		"INSERT INTO poll_option(id, uuid, poll_id, position, name) VALUES "
		"(1, 'o1', 1, 1, 'Kade'), (2, 'o2', 1, 2, 'Bankjes'), (3, 'o3', 1, 3, 'Licht');"
		"INSERT INTO ballot(id, uuid, poll_id, cast_at) VALUES (1, 'b1', 1, 'x'), (2, 'b2', 1, 'x'),"
		"(3, 'b3', 1, 'x');"
		"INSERT INTO mark(ballot_id, option_id, value) VALUES (1, 2, 2), (1, 1, 1), (2, 2, 1),"
		"(2, 1, 1), (2, 3, 1), (3, 3, 1)", NULL, NULL, NULL), SQLITE_OK);
}

static int64_t count(sqlite3 *db, const char *sql)
{
	int64_t n = -1;
	struct pact_err err;

	assert_int_equal(sql_int(db, &n, NULL, &err, sql, ""), PACT_OK);
	return n;
}

static void test_card_from_idea_once(void **state)
{
	sqlite3 *db = *state;
	struct pact_err err;
	int64_t card, again;
	bool existed;

	fixture(db);
	assert_int_equal(card_from_idea(db, 1, NULL, &card, &existed, &err), PACT_OK);
	assert_false(existed);
	assert_int_equal(count(db, "SELECT count(*) FROM experiment WHERE title = 'Meer bankjes op "
				   "het plein' AND owner = 'Noor' AND status = 'idea' AND source_kind = "
				   "'idea' AND source_uuid = 'i1' AND source_rank IS NULL"), 1);
	/* the same idea, or one merged into it, gives no second card */
	assert_int_equal(card_from_idea(db, 1, NULL, &again, &existed, &err), PACT_OK);
	assert_true(existed);
	assert_int_equal(again, card);
	assert_int_equal(card_from_idea(db, 4, "Sem", &again, &existed, &err), PACT_OK);
	assert_true(existed);
	assert_int_equal(again, card);
	assert_int_equal(count(db, "SELECT count(*) FROM experiment"), 1);
	/* another owner when asked */
	assert_int_equal(card_from_idea(db, 2, "Sem", &card, &existed, &err), PACT_OK);
	assert_int_equal(count(db, "SELECT count(*) FROM experiment WHERE owner = 'Sem'"), 1);
	assert_int_equal(card_from_idea(db, 99, NULL, &card, &existed, &err), PACT_EINPUT);
	assert_string_equal(err.msg, "no idea 99");
}

static void test_card_from_cluster_lists_its_ideas(void **state)
{
	sqlite3 *db = *state;
	struct pact_err err;
	sqlite3_stmt *st;
	int64_t card;
	bool existed;

	fixture(db);
	assert_int_equal(card_from_cluster(db, 1, NULL, &card, &existed, &err), PACT_OK);
	st = sql_query(db, &err,
		       "SELECT description FROM experiment WHERE title = 'Groen' AND "
		       "source_kind = 'cluster' AND source_uuid = 'c1'", "");
	assert_non_null(st);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(st, 0),
			    "- Bomen langs de kade\n- Een moestuin bij de school");
	sqlite3_finalize(st);
	assert_int_equal(card_from_cluster(db, 1, NULL, &card, &existed, &err), PACT_OK);
	assert_true(existed);
}

/* The top option, or the top two with the one tied with the second: a
 * card each, with place, number of options and dots; twice gives none. */
static void test_card_from_poll_top_with_ties(void **state)
{
	sqlite3 *db = *state;
	struct card_made *made;
	struct pact_err err;
	size_t n;

	fixture(db);
	assert_int_equal(card_from_poll(db, 1, 1, NULL, &made, &n, &err), PACT_OK);
	assert_int_equal(n, 1);
	assert_int_equal(made[0].rank, 1);
	assert_int_equal(made[0].value, 3);
	assert_false(made[0].existed);
	free(made);
	assert_int_equal(count(db, "SELECT count(*) FROM experiment WHERE title = 'Bankjes' AND "
				   "source_kind = 'poll' AND source_uuid = 'o2' AND source_rank = 1 AND "
				   "source_of = 3 AND source_value = 3 AND owner = 'Noor'"), 1);
	assert_int_equal(card_from_poll(db, 1, 2, "Sem", &made, &n, &err), PACT_OK);
	assert_int_equal(n, 3); /* Kade and Licht share the second place */
	assert_true(made[0].existed);
	assert_int_equal(made[1].rank, 2);
	assert_int_equal(made[2].rank, 2);
	assert_int_equal(made[1].value, 2);
	free(made);
	assert_int_equal(count(db, "SELECT count(*) FROM experiment WHERE source_kind = 'poll'"), 3);
	assert_int_equal(count(db, "SELECT count(*) FROM experiment WHERE owner = 'Sem' AND "
				   "source_rank = 2"), 2);
	assert_int_equal(card_from_poll(db, 1, 0, NULL, &made, &n, &err), PACT_EUSAGE);
}

static void test_card_from_poll_refused_without_ballots(void **state)
{
	sqlite3 *db = *state;
	struct card_made *made;
	struct pact_err err;
	size_t n;

	fixture(db);
	assert_int_equal(sql_exec(db, &err, "DELETE FROM ballot", ""), PACT_OK);
	assert_int_equal(card_from_poll(db, 1, 1, NULL, &made, &n, &err), PACT_EINPUT);
	assert_string_equal(err.msg, "poll 1 has no ballots yet");
	assert_null(made);
	assert_int_equal(count(db, "SELECT count(*) FROM experiment"), 0);
}

/* A poll over the session's ideas and one over its clusters, for
 * test_card_same_thing_once: poll 2 (dot) over ideas 1 (3 dots), 3 (2), 2
 * (1) and 4, merged into 1 after the poll was made (1); poll 3 (dot) over
 * cluster 1 "Groen" (2 dots) and cluster 2 "Licht" (1). */
static void fixture_linked_polls(sqlite3 *db)
{
	fixture(db);
	assert_int_equal(sqlite3_exec(db,
		"INSERT INTO cluster(id, uuid, session_id, name) VALUES (2, 'c2', 1, 'Licht');"
		"INSERT INTO poll(id, uuid, session_id, title, method, dots, created_at) VALUES "
		"(2, 'p2', 1, 'Welk idee?', 'dot', 7, 'x'), (3, 'p3', 1, 'Welk thema?', 'dot', 3, 'x');"
		"INSERT INTO poll_option(id, uuid, poll_id, position, name, idea_id, cluster_id) VALUES "
		"(4, 'o4', 2, 1, 'Meer bankjes op het plein', 1, NULL),"
		"(5, 'o5', 2, 2, 'Bomen langs de kade', 2, NULL),"
		"(6, 'o6', 2, 3, 'Een moestuin bij de school', 3, NULL),"
		"(7, 'o7', 2, 4, 'Bankjes!', 4, NULL),"
		"(8, 'o8', 3, 1, 'Groen', NULL, 1), (9, 'o9', 3, 2, 'Licht', NULL, 2);"
		"INSERT INTO ballot(id, uuid, poll_id, cast_at) VALUES (4, 'b4', 2, 'x'), (5, 'b5', 3, 'x');"
		"INSERT INTO mark(ballot_id, option_id, value) VALUES (4, 4, 3), (4, 6, 2), (4, 5, 1),"
		"(4, 7, 1), (5, 8, 2), (5, 9, 1)", NULL, NULL, NULL), SQLITE_OK);
}

/* An idea or a cluster taken to the Board directly and as a poll's option,
 * in either order, or through two options standing for one idea: one card,
 * and the second time says it was there. A poll's options of its own are
 * not ideas, whatever their name. */
static void test_card_same_thing_once(void **state)
{
	sqlite3 *db = *state;
	struct card_made *made;
	struct pact_err err;
	int64_t idea1, cluster2, card;
	bool existed;
	size_t n;

	fixture_linked_polls(db);
	/* idea first, then the poll: its best option is that idea */
	assert_int_equal(card_from_idea(db, 1, NULL, &idea1, &existed, &err), PACT_OK);
	assert_int_equal(card_from_poll(db, 2, 1, NULL, &made, &n, &err), PACT_OK);
	assert_int_equal(n, 1);
	assert_true(made[0].existed);
	assert_int_equal(made[0].card, idea1);
	free(made);
	assert_int_equal(count(db, "SELECT count(*) FROM experiment"), 1);
	/* all four: idea 3 and idea 2 new, idea 4 (merged into 1) is idea 1 */
	assert_int_equal(card_from_poll(db, 2, 4, NULL, &made, &n, &err), PACT_OK);
	assert_int_equal(n, 4);
	assert_true(made[0].existed);
	assert_int_equal(made[0].card, idea1);
	assert_false(made[1].existed);
	assert_false(made[2].existed);
	assert_true(made[3].existed);
	assert_int_equal(made[3].card, idea1);
	card = made[1].card; /* idea 3, through the poll */
	free(made);
	assert_int_equal(count(db, "SELECT count(*) FROM experiment"), 3);
	/* the poll first, then the idea itself, or one merged into it */
	assert_int_equal(card_from_idea(db, 3, NULL, &idea1, &existed, &err), PACT_OK);
	assert_true(existed);
	assert_int_equal(idea1, card);
	assert_int_equal(sql_exec(db, &err, "UPDATE idea SET merged_into = 3 WHERE id = 2", ""),
			 PACT_OK);
	assert_int_equal(card_from_idea(db, 2, NULL, &idea1, &existed, &err), PACT_OK);
	assert_true(existed);
	assert_int_equal(count(db, "SELECT count(*) FROM experiment"), 3);
	/* clusters: cluster 2 directly first, cluster 1 through the poll first */
	assert_int_equal(card_from_cluster(db, 2, NULL, &cluster2, &existed, &err), PACT_OK);
	assert_false(existed);
	assert_int_equal(card_from_poll(db, 3, 2, NULL, &made, &n, &err), PACT_OK);
	assert_int_equal(n, 2);
	assert_false(made[0].existed);
	assert_true(made[1].existed);
	assert_int_equal(made[1].card, cluster2);
	card = made[0].card;
	free(made);
	assert_int_equal(card_from_cluster(db, 1, NULL, &cluster2, &existed, &err), PACT_OK);
	assert_true(existed);
	assert_int_equal(cluster2, card);
	assert_int_equal(count(db, "SELECT count(*) FROM experiment"), 5);
	/* poll 1's options are its own: "Bankjes" is not idea 1 */
	assert_int_equal(card_from_poll(db, 1, 1, NULL, &made, &n, &err), PACT_OK);
	assert_false(made[0].existed);
	free(made);
	assert_int_equal(count(db, "SELECT count(*) FROM experiment"), 6);
}

/* card_source_text of card, which must succeed; the caller frees it. */
static char *source_of(sqlite3 *db, int64_t card)
{
	struct pact_err err;
	char *text = NULL;

	assert_int_equal(card_source_text(db, card, &text, &err), PACT_OK);
	assert_non_null(text);
	return text;
}

#define ASSERT_SOURCE(db, card, want)                                                          \
	do {                                                                                   \
		char *got_ = source_of(db, card);                                              \
		assert_string_equal(got_, want);                                               \
		free(got_);                                                                    \
	} while (0)

/* The link in words, English and Dutch: a poll's option with its place
 * and dots, an idea with and without its round, a cluster; none for a
 * card made by hand; a deleted source said so. */
static void test_card_source_text(void **state)
{
	sqlite3 *db = *state;
	struct card_made *made;
	struct pact_err err;
	int64_t idea, idea2, cluster, plain;
	bool existed;
	size_t n;
	char *text;

	fixture(db);
	assert_int_equal(sqlite3_exec(db,
		"INSERT INTO round(id, uuid, session_id, name, seconds) VALUES "
		"(1, 'r1', 1, 'Ideeën verzamelen', 600); UPDATE idea SET round_id = 1 WHERE id = 2",
		NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(card_from_poll(db, 1, 1, NULL, &made, &n, &err), PACT_OK);
	assert_int_equal(card_from_idea(db, 1, NULL, &idea, &existed, &err), PACT_OK);
	assert_int_equal(card_from_idea(db, 2, NULL, &idea2, &existed, &err), PACT_OK);
	assert_int_equal(card_from_cluster(db, 1, NULL, &cluster, &existed, &err), PACT_OK);
	assert_int_equal(board_card_insert(db, "Zelf bedacht", "Sem", NULL, &plain, &err), PACT_OK);

	speak("en");
	ASSERT_SOURCE(db, made[0].card,
		      "From session Wijkavond Noord (2026-11-27), poll Wat eerst?: 1st of 3, 3 dots");
	ASSERT_SOURCE(db, idea,
		      "From session Wijkavond Noord (2026-11-27), idea: Meer bankjes op het plein");
	ASSERT_SOURCE(db, idea2, "From session Wijkavond Noord (2026-11-27), round Ideeën "
				 "verzamelen, idea: Bomen langs de kade");
	ASSERT_SOURCE(db, cluster, "From session Wijkavond Noord (2026-11-27), cluster Groen");
	ASSERT_SOURCE(db, plain, "");
	/* the card view shows it under the title */
	text = card_describe(db, made[0].card);
	assert_non_null(text);
	assert_non_null(strstr(text, "Bankjes\n\nFrom session Wijkavond Noord (2026-11-27), poll "
				     "Wat eerst?: 1st of 3, 3 dots\n\n"));
	free(text);
	text = card_describe(db, plain);
	assert_null(strstr(text, "From"));
	free(text);

	speak("nl");
	ASSERT_SOURCE(db, made[0].card, "Uit sessie Wijkavond Noord (27-11-2026), stemming Wat "
					"eerst?: 1e van 3, 3 stippen");
	ASSERT_SOURCE(db, idea2, "Uit sessie Wijkavond Noord (27-11-2026), ronde Ideeën "
				 "verzamelen, idee: Bomen langs de kade");
	ASSERT_SOURCE(db, cluster, "Uit sessie Wijkavond Noord (27-11-2026), cluster Groen");
	/* 1 dot, and English ordinals past ten */
	assert_int_equal(sql_exec(db, &err, "UPDATE experiment SET source_rank = 22, source_of = 30, "
				  "source_value = 1 WHERE id = ?", "I", made[0].card), PACT_OK);
	ASSERT_SOURCE(db, made[0].card, "Uit sessie Wijkavond Noord (27-11-2026), stemming Wat "
					"eerst?: 22e van 30, 1 stip");
	speak("en");
	ASSERT_SOURCE(db, made[0].card,
		      "From session Wijkavond Noord (2026-11-27), poll Wat eerst?: 22nd of 30, 1 dot");
	assert_int_equal(sql_exec(db, &err, "UPDATE experiment SET source_rank = 12 WHERE id = ?",
				  "I", made[0].card), PACT_OK);
	ASSERT_SOURCE(db, made[0].card,
		      "From session Wijkavond Noord (2026-11-27), poll Wat eerst?: 12th of 30, 1 dot");

	/* the session deleted: its ideas, cluster and poll go with it */
	assert_int_equal(sql_exec(db, &err, "DELETE FROM session", ""), PACT_OK);
	ASSERT_SOURCE(db, idea, "From a session that is no longer in this file");
	ASSERT_SOURCE(db, made[0].card, "From a session that is no longer in this file");
	speak("nl");
	ASSERT_SOURCE(db, cluster, "Uit een sessie die niet meer in dit bestand staat");
	speak("en");
	assert_int_equal(card_source_text(db, 999, &text, &err), PACT_EINPUT);
	assert_null(text);
	free(made);
}

/* The part of the card view from "History" on. */
static void assert_history(sqlite3 *db, int64_t card, const char *want)
{
	char *text = card_describe(db, card);
	const char *history;

	assert_non_null(text);
	history = strstr(text, "\nHistory\n");
	if (!history)
		history = strstr(text, "\nGeschiedenis\n");
	assert_non_null(history);
	assert_string_equal(history + 1, want);
	free(text);
}

/* The card's history starts with where it came from, at the time it was
 * made, in the same words as the card view: a poll's option with its
 * place and dots, an idea with its round; a card made by hand has no such
 * entry; a deleted source is said so. */
static void test_card_history_names_its_source(void **state)
{
	sqlite3 *db = *state;
	struct card_made *made;
	struct pact_err err;
	int64_t idea, plain;
	bool existed;
	size_t n;

	fixture(db);
	assert_int_equal(sqlite3_exec(db,
		"INSERT INTO round(id, uuid, session_id, name, seconds) VALUES "
		"(1, 'r1', 1, 'Ideeën verzamelen', 600); UPDATE idea SET round_id = 1 WHERE id = 2",
		NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(card_from_poll(db, 1, 1, NULL, &made, &n, &err), PACT_OK);
	assert_int_equal(card_from_idea(db, 2, NULL, &idea, &existed, &err), PACT_OK);
	assert_int_equal(board_card_insert(db, "Zelf bedacht", "Sem", NULL, &plain, &err), PACT_OK);
	assert_int_equal(board_move(db, made[0].card, BOARD_PREPARING, &err), PACT_OK);
	assert_int_equal(sqlite3_exec(db,
		"UPDATE experiment SET created_at = '2026-11-27T20:15:00Z';"
		"UPDATE experiment_event SET at = '2026-11-27T20:15:00Z' WHERE from_status IS NULL;"
		"UPDATE experiment_event SET at = '2026-12-01T09:30:00Z' WHERE from_status = 'idea'",
		NULL, NULL, NULL), SQLITE_OK);

	assert_history(db, made[0].card,
		       "History\n"
		       "  2026-11-27 20:15  From session Wijkavond Noord (2026-11-27), poll Wat eerst?: "
		       "1st of 3, 3 dots\n"
		       "  2026-11-27 20:15  new in Idea\n"
		       "  2026-12-01 09:30  Idea → Preparing\n");
	assert_history(db, idea,
		       "History\n"
		       "  2026-11-27 20:15  From session Wijkavond Noord (2026-11-27), round Ideeën "
		       "verzamelen, idea: Bomen langs de kade\n"
		       "  2026-11-27 20:15  new in Idea\n");
	assert_history(db, plain, "History\n  2026-11-27 20:15  new in Idea\n");
	speak("nl");
	assert_history(db, made[0].card,
		       "Geschiedenis\n"
		       "  27-11-2026 20:15  Uit sessie Wijkavond Noord (27-11-2026), stemming Wat "
		       "eerst?: 1e van 3, 3 stippen\n"
		       "  27-11-2026 20:15  nieuw in Idee\n"
		       "  01-12-2026 09:30  Idee → Voorbereiding\n");
	/* the session deleted: the entry stays and says so */
	assert_int_equal(sql_exec(db, &err, "DELETE FROM session", ""), PACT_OK);
	assert_history(db, idea,
		       "Geschiedenis\n"
		       "  27-11-2026 20:15  Uit een sessie die niet meer in dit bestand staat\n"
		       "  27-11-2026 20:15  nieuw in Idee\n");
	speak("en");
	free(made);
}

/* Where a card came from, to go there: an idea's and a cluster's session
 * (an idea merged into another stands for that one), a poll's option's
 * poll (with its session, or none for a poll of its own options); none for
 * a card made by hand; gone once the session is deleted. */
static void test_card_origin(void **state)
{
	sqlite3 *db = *state;
	struct card_made *made;
	struct card_origin o;
	struct pact_err err;
	int64_t idea, cluster, plain, own;
	bool existed;
	size_t n;

	fixture(db);
	assert_int_equal(card_from_idea(db, 4, NULL, &idea, &existed, &err), PACT_OK);
	assert_int_equal(card_from_cluster(db, 1, NULL, &cluster, &existed, &err), PACT_OK);
	assert_int_equal(card_from_poll(db, 1, 1, NULL, &made, &n, &err), PACT_OK);
	assert_int_equal(board_card_insert(db, "Zelf bedacht", "Sem", NULL, &plain, &err), PACT_OK);
	/* a poll of its own options, in no session */
	assert_int_equal(sqlite3_exec(db,
		"INSERT INTO poll(id, uuid, session_id, title, method, created_at) VALUES "
		"(2, 'p2', NULL, 'Begroting', 'approval', '2026-11-28T10:00:00Z');"
		"INSERT INTO poll_option(id, uuid, poll_id, position, name) VALUES (4, 'o4', 2, 1, 'Speeltuin');"
		"INSERT INTO ballot(id, uuid, poll_id, cast_at) VALUES (4, 'b4', 2, 'x');"
		"INSERT INTO mark(ballot_id, option_id, value) VALUES (4, 4, 1)", NULL, NULL, NULL), SQLITE_OK);
	free(made);
	assert_int_equal(card_from_poll(db, 2, 1, NULL, &made, &n, &err), PACT_OK);
	own = made[0].card;
	free(made);
	assert_int_equal(card_from_poll(db, 1, 1, NULL, &made, &n, &err), PACT_OK);

	assert_int_equal(card_origin_get(db, idea, &o, &err), PACT_OK);
	assert_true(o.kind == CARD_SOURCE_IDEA && !o.gone);
	assert_int_equal(o.session, 1);
	assert_int_equal(o.source, 1);
	assert_int_equal(o.poll, 0);
	assert_int_equal(card_origin_get(db, cluster, &o, &err), PACT_OK);
	assert_true(o.kind == CARD_SOURCE_CLUSTER && !o.gone);
	assert_int_equal(o.session, 1);
	assert_int_equal(o.source, 1);
	assert_int_equal(card_origin_get(db, made[0].card, &o, &err), PACT_OK);
	assert_true(o.kind == CARD_SOURCE_POLL && !o.gone);
	assert_int_equal(o.session, 1);
	assert_int_equal(o.poll, 1);
	assert_int_equal(o.source, 2); /* Bankjes */
	assert_int_equal(card_origin_get(db, own, &o, &err), PACT_OK);
	assert_true(o.kind == CARD_SOURCE_POLL && !o.gone);
	assert_int_equal(o.session, 0);
	assert_int_equal(o.poll, 2);
	assert_int_equal(card_origin_get(db, plain, &o, &err), PACT_OK);
	assert_true(o.kind == CARD_SOURCE_NONE && !o.gone);
	assert_int_equal(o.session, 0);
	assert_int_equal(sql_exec(db, &err, "DELETE FROM session", ""), PACT_OK);
	assert_int_equal(card_origin_get(db, idea, &o, &err), PACT_OK);
	assert_true(o.kind == CARD_SOURCE_IDEA && o.gone);
	assert_int_equal(o.session, 0);
	assert_int_equal(card_origin_get(db, made[0].card, &o, &err), PACT_OK);
	assert_true(o.kind == CARD_SOURCE_POLL && o.gone);
	assert_int_equal(o.poll, 0);
	assert_int_equal(card_origin_get(db, 999, &o, &err), PACT_EINPUT);
	assert_string_equal(err.msg, "There is no such card.");
	free(made);
}

/* The rows of a pager as "id title (column)|…". */
static void pager_lines(struct pager *p, char *out, size_t size)
{
	size_t used = 0;

	out[0] = '\0';
	for (int64_t i = 0; i < pager_count(p); i++) {
		const struct pager_row *r = pager_get(p, i);

		assert_non_null(r);
		used += (size_t)snprintf(out + used, size - used, "%s%lld %s (%s)", i ? "|" : "",
					 (long long)r->id, r->cols[0], r->cols[1]);
		assert_true(used < size);
	}
}

/* A session's cards: from its ideas, its clusters and its polls' options,
 * in the order they were made, with their Board column; not another
 * session's, not a card made by hand. */
static void test_card_session_pager(void **state)
{
	sqlite3 *db = *state;
	struct card_made *made;
	struct pact_err err;
	struct pager p;
	int64_t card;
	bool existed;
	char got[512];
	size_t n;

	fixture(db);
	assert_int_equal(sqlite3_exec(db,
		"INSERT INTO session(id, uuid, title, facilitator, date, created_at) VALUES "
		"(2, 's2', 'Haven', 'Sem', '2026-11-28', '2026-11-28T19:00:00Z');"
		"INSERT INTO idea(id, uuid, session_id, text, created_at, updated_at) VALUES "
		"(5, 'i5', 2, 'Een steiger', 'x', 'x')", NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(card_session_pager(&p, db, 1, &err), PACT_OK);
	assert_int_equal(pager_count(&p), 0);
	pager_close(&p);
	assert_int_equal(card_from_poll(db, 1, 2, NULL, &made, &n, &err), PACT_OK); /* cards 1-3 */
	assert_int_equal(n, 3);
	assert_int_equal(card_from_idea(db, 5, NULL, &card, &existed, &err), PACT_OK); /* 4 */
	assert_int_equal(board_card_insert(db, "Zelf bedacht", "Sem", NULL, &card, &err), PACT_OK);
	assert_int_equal(card_from_cluster(db, 1, NULL, &card, &existed, &err), PACT_OK); /* 6 */
	assert_int_equal(card_from_idea(db, 3, NULL, &card, &existed, &err), PACT_OK); /* 7 */
	assert_int_equal(board_move(db, 2, BOARD_PREPARING, &err), PACT_OK);
	assert_int_equal(board_move(db, 2, BOARD_RUNNING, &err), PACT_OK);

	assert_int_equal(card_session_pager(&p, db, 1, &err), PACT_OK);
	pager_lines(&p, got, sizeof got);
	assert_string_equal(got, "1 Bankjes (Idea)|2 Kade (Running)|3 Licht (Idea)|6 Groen (Idea)|"
				 "7 Een moestuin bij de school (Idea)");
	pager_close(&p);
	speak("nl");
	assert_int_equal(card_session_pager(&p, db, 1, &err), PACT_OK);
	pager_lines(&p, got, sizeof got);
	assert_string_equal(got, "1 Bankjes (Idee)|2 Kade (Loopt)|3 Licht (Idee)|6 Groen (Idee)|"
				 "7 Een moestuin bij de school (Idee)");
	pager_close(&p);
	speak("en");
	assert_int_equal(card_session_pager(&p, db, 2, &err), PACT_OK);
	pager_lines(&p, got, sizeof got);
	assert_string_equal(got, "4 Een steiger (Idea)");
	pager_close(&p);
	free(made);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_card_from_idea_once, open_db, close_db),
		cmocka_unit_test_setup_teardown(test_card_from_cluster_lists_its_ideas, open_db,
						close_db),
		cmocka_unit_test_setup_teardown(test_card_from_poll_top_with_ties, open_db, close_db),
		cmocka_unit_test_setup_teardown(test_card_from_poll_refused_without_ballots, open_db,
						close_db),
		cmocka_unit_test_setup_teardown(test_card_same_thing_once, open_db, close_db),
		cmocka_unit_test_setup_teardown(test_card_source_text, open_db, close_db),
		cmocka_unit_test_setup_teardown(test_card_history_names_its_source, open_db,
						close_db),
		cmocka_unit_test_setup_teardown(test_card_origin, open_db, close_db),
		cmocka_unit_test_setup_teardown(test_card_session_pager, open_db, close_db),
	};

	return cmocka_run_group_tests(tests, english, NULL);
}
