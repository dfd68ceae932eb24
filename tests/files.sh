# pact's own files, and only sound ones: a file pact did not make is
# refused byte for byte untouched, a pact file with objects someone else
# added is refused, a damaged file is not merged, a read-only open leaves
# nothing that blocks later writers, and paths through linked folders work.

PACT_MARK=1885430644 # PRAGMA application_id: the ASCII of "pact", 0x70616374

# sha256 of the file, and whether -wal/-shm exist beside it.
file_state() { printf '%s %s %s\n' "$(sha256sum <"$1")" "$([ -e "$1-wal" ] && echo wal)" "$([ -e "$1-shm" ] && echo shm)"; }

# refuse_as_it_was FILE TEXT ARGS…: pact ARGS on FILE exits 4 saying TEXT,
# and FILE is the same bytes with no -wal/-shm left behind.
refuse_as_it_was() {
	local file=$1 text=$2 before
	shift 2
	before=$(file_state "$file")
	run "$PACT_SAN" --db "$file" "$@"
	expect_rc 4 && expect_in "$T/err" "$text" || return 1
	[ "$(file_state "$file")" = "$before" ] || { why "$file changed or kept -wal/-shm: $(file_state "$file") (was $before)"; return 1; }
}

# A pact file of schema version V made as an earlier pact made it (mark 0).
old_pact_file() {
	local db=$1 v=$2
	awk -v stop="-- version $((v + 1))" '$0 == stop { exit } { print }' "$ROOT/data/schema.sql" | sqlite3 "$db" || return 1
	sqlite3 "$db" "PRAGMA user_version = $v"
}

t_files_someone_elses_sqlite_is_refused_untouched() {
	sqlite3 "$T/other.sqlite" "CREATE TABLE klant(naam TEXT); INSERT INTO klant VALUES ('Ans'); PRAGMA user_version = 5;" || return 1
	refuse_as_it_was "$T/other.sqlite" "is not a pact database" session list || return 1
	refuse_as_it_was "$T/other.sqlite" "is not a pact database" session new "X" || return 1
	[ "$(sqlite3 "$T/other.sqlite" "SELECT count(*) FROM sqlite_master")" = 1 ] || { why "tables were added"; return 1; }
	# the same in WAL mode, and a file marked as another program's
	sqlite3 "$T/wal.sqlite" "PRAGMA journal_mode=WAL; CREATE TABLE t(x); PRAGMA user_version = 5;" >/dev/null || return 1
	refuse_as_it_was "$T/wal.sqlite" "is not a pact database" session list || return 1
	sqlite3 "$T/fossil.sqlite" "PRAGMA application_id = 252006673; CREATE TABLE t(x);" || return 1
	refuse_as_it_was "$T/fossil.sqlite" "marked as another program's" check || return 1
	# an SQLite file with no tables at all is not an empty (new) file
	sqlite3 "$T/bare.sqlite" "PRAGMA user_version = 1; VACUUM;" || return 1
	refuse_as_it_was "$T/bare.sqlite" "is not a pact database" session list
}

t_files_new_and_empty_files_become_marked_pact_files() {
	: >"$T/empty.db"
	run "$PACT_SAN" --db "$T/empty.db" session new "Wijk"
	expect_rc 0 || return 1
	run "$PACT_SAN" --db "$T/new.db" session list
	expect_rc 0 || return 1
	for f in empty new; do
		[ "$(sqlite3 "$T/$f.db" "PRAGMA application_id")" = "$PACT_MARK" ] || { why "$f.db not marked"; return 1; }
	done
}

t_files_earlier_pact_file_is_upgraded_and_marked() {
	old_pact_file "$T/old.db" 5 || return 1
	sqlite3 "$T/old.db" "INSERT INTO session(uuid, title, date, created_at) VALUES ('u', 'Oud', '2025-01-01', 'x')" || return 1
	run "$PACT_SAN" --db "$T/old.db" session list
	expect_rc 0 && expect_in "$T/out" "Oud" || return 1
	[ "$(sqlite3 "$T/old.db" "PRAGMA application_id; PRAGMA user_version" | tr '\n' ' ')" = "$PACT_MARK $(grep -c '^-- version' "$ROOT/data/schema.sql") " ] ||
		{ why "not upgraded and marked: $(sqlite3 "$T/old.db" "PRAGMA application_id; PRAGMA user_version")"; return 1; }
}

t_files_readonly_earlier_pact_file_is_refused_clearly() {
	old_pact_file "$T/old.db" 8 || return 1
	chmod 444 "$T/old.db"
	refuse_as_it_was "$T/old.db" "is read-only and was made by an older pact (schema version 8): make it writable once" session list
}

t_files_added_trigger_view_table_index_are_refused_and_named() {
	local db=$T/p.db
	"$PACT_SAN" --db "$db" session new "Wijk" >/dev/null || return 1
	sqlite3 "$db" "CREATE TABLE buit(naam TEXT);
		CREATE TRIGGER steal BEFORE UPDATE OF name ON participant BEGIN INSERT INTO buit VALUES (old.name); END;
		CREATE VIEW namen AS SELECT name FROM participant; CREATE INDEX idea_text ON idea(text);" || return 1
	refuse_as_it_was "$db" "trigger steal" check || return 1
	for o in "table buit" "view namen" "index idea_text"; do expect_in "$T/err" "$o" || return 1; done
	refuse_as_it_was "$db" "did not create" forget participant 1 || return 1
	# a trigger of pact's own, changed, is refused as well
	sqlite3 "$db" "DROP TRIGGER steal; DROP VIEW namen; DROP TABLE buit; DROP INDEX idea_text;
		DROP TRIGGER opgave_rename; CREATE TRIGGER opgave_rename AFTER UPDATE OF name ON opgave BEGIN SELECT 1; END;" || return 1
	refuse_as_it_was "$db" "trigger opgave_rename" check
}

# Statistics tables (ANALYZE) are let through; anything else under their
# names is code or data someone added: a trigger named sqlite_stat1 must not
# copy a participant's name while pact forgets them.
t_files_object_named_like_statistics_is_refused() {
	local db=$T/p.db
	"$PACT_SAN" --db "$db" session new "Wijk" >/dev/null || return 1
	printf 'id,session,alias,name,consent\n,Wijk,alice,Alice Geheim,1\n' >"$T/p.csv"
	"$PACT_SAN" --db "$db" import participants "$T/p.csv" >/dev/null 2>&1 || return 1
	sqlite3 "$db" "PRAGMA analysis_limit = 100; ANALYZE;" >/dev/null || return 1
	"$PACT_SAN" --db "$db" check >"$T/out" 2>&1 || { why "ANALYZE's own table refused: $(cat "$T/out")"; return 1; }
	sqlite3 "$db" "PRAGMA writable_schema = ON;
		INSERT INTO sqlite_master(type, name, tbl_name, rootpage, sql) VALUES ('trigger', 'sqlite_stat4', 'participant', 0,
		'CREATE TRIGGER sqlite_stat4 BEFORE DELETE ON participant BEGIN INSERT INTO settings(key, value) VALUES (''stolen'', old.name); END');" || return 1
	refuse_as_it_was "$db" "trigger sqlite_stat4" forget participant 1 || return 1
	refuse_as_it_was "$db" "trigger sqlite_stat4" check || return 1
	"$PACT_SAN" --db "$T/other.db" merge "$db" >"$T/out" 2>&1 && { why "merge took it: $(cat "$T/out")"; return 1; }
	expect_in "$T/out" "trigger sqlite_stat4" || return 1
	# a table of that name that is not ANALYZE's
	sqlite3 "$db" "PRAGMA writable_schema = ON; DELETE FROM sqlite_master WHERE type = 'trigger' AND name = 'sqlite_stat4';" || return 1
	sqlite3 "$db" "PRAGMA writable_schema = ON;
		UPDATE sqlite_master SET sql = 'CREATE TABLE sqlite_stat1(tbl,idx,stat,naam)' WHERE name = 'sqlite_stat1';" || return 1
	refuse_as_it_was "$db" "table sqlite_stat1" check
}

# A pact file with 3000 ideas, its -wal folded in.
big_pact_file() {
	"$PACT_SAN" --db "$1" session new "Groot" >/dev/null || return 1
	sqlite3 "$1" "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT 3000)
		INSERT INTO idea(uuid, session_id, text, created_at, updated_at)
		SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-a'
		       || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))), 1, 'Idee ' || x || ' ' || hex(randomblob(40)), '2026-11-27T10:00:00Z', '2026-11-27T10:00:00Z' FROM c" || return 1
}

t_files_merge_refuses_damaged_and_foreign_files() {
	big_pact_file "$T/src.db" || return 1
	"$PACT_SAN" --db "$T/mine.db" session list >/dev/null || return 1
	head -c 40960 "$T/src.db" >"$T/cut.db"
	run "$PACT_SAN" --db "$T/mine.db" merge "$T/cut.db"
	expect_rc 4 && expect_in "$T/err" "cut.db" || return 1
	grep -q "new" "$T/err" && { why "reported counts for a damaged file"; return 1; }
	# same length, one page overwritten in the middle: only quick_check sees it
	cp "$T/src.db" "$T/bad.db"
	head -c 4096 /dev/zero | tr '\0' 'x' | dd of="$T/bad.db" bs=4096 seek=20 conv=notrunc 2>/dev/null
	run "$PACT_SAN" --db "$T/mine.db" merge "$T/bad.db"
	expect_rc 4 && expect_in "$T/err" "bad.db is damaged" || return 1
	sqlite3 "$T/other.sqlite" "CREATE TABLE idea(x); PRAGMA user_version = 5;" || return 1
	run "$PACT_SAN" --db "$T/mine.db" merge "$T/other.sqlite"
	expect_rc 4 && expect_in "$T/err" "is not a pact database" || return 1
	[ "$(sqlite3 "$T/mine.db" "SELECT count(*) FROM idea")" = 0 ] || { why "ideas came in"; return 1; }
	# a sound pact file still merges
	run "$PACT_SAN" --db "$T/mine.db" merge "$T/src.db"
	expect_rc 0 && [ "$(sqlite3 "$T/mine.db" "SELECT count(*) FROM idea")" = 3000 ] || { why "sound merge failed"; return 1; }
}

# pact check on a damaged file names the file and what is wrong, on one
# line, and never sends the user to pact check itself; a page gone bad in
# the middle is found, with where, however far SQLite gets.
t_files_check_names_the_damage_on_one_line() {
	local lang
	big_pact_file "$T/src.db" || return 1
	head -c 40960 "$T/src.db" >"$T/cut.db"
	run "$PACT_SAN" --db "$T/cut.db" check
	expect_rc 4 && expect_in "$T/err" "$T/cut.db is damaged (database disk image is malformed): pact cannot read it; put back a backup or another laptop's copy" || return 1
	cp "$T/src.db" "$T/bad.db"
	head -c 4096 /dev/zero | tr '\0' '\377' | dd of="$T/bad.db" bs=4096 seek=20 conv=notrunc 2>/dev/null
	for lang in en nl; do
		run "$PACT_SAN" --lang $lang --db "$T/bad.db" check
		expect_rc 4 || return 1
		[ "$(wc -l <"$T/err")" = 1 ] || { why "$lang: not one line: $(cat "$T/err")"; return 1; }
		grep -q "pact check" "$T/err" && { why "$lang: pact check sends the user to itself: $(cat "$T/err")"; return 1; }
		expect_in "$T/err" "$T/bad.db is" && expect_in "$T/err" "Page 21" || return 1
		run "$PACT_SAN" --lang $lang --db "$T/mine.db" merge "$T/bad.db"
		expect_rc 4 && [ "$(wc -l <"$T/err")" = 1 ] && expect_in "$T/err" "$T/bad.db is" || { why "$lang: merge: $(cat "$T/err")"; return 1; }
		grep -q '\*\*\*' "$T/err" && { why "$lang: SQLite's heading in the message"; return 1; }
	done
	return 0
}

t_files_import_of_a_csv_cut_mid_record_fails() {
	"$PACT_SAN" session new "Wijk" >/dev/null || return 1
	# the file ends inside the quoted field of its second record
	printf 'session,idea\nWijk,Meer bankjes\nWijk,"Licht in het park' >"$T/cut.csv"
	run "$PACT_SAN" import ideas "$T/cut.csv"
	expect_rc 3 && expect_in "$T/err" "cut.csv:3: malformed CSV" || return 1
	grep -q " new" "$T/err" && { why "reported counts for a cut file"; return 1; }
	[ "$(sqlite3 "$T/.local/share/pact/pact.db" "SELECT count(*) FROM idea")" = 0 ] || { why "ideas came in"; return 1; }
	# the whole file does import (the test above fails for the cut alone)
	printf 'session,idea\nWijk,Meer bankjes\nWijk,"Licht in het park"\n' >"$T/whole.csv"
	run "$PACT_SAN" import ideas "$T/whole.csv"
	expect_rc 0 && [ "$(sqlite3 "$T/.local/share/pact/pact.db" "SELECT count(*) FROM idea")" = 2 ] || { why "the whole file did not import"; return 1; }
	return 0
}

t_files_readonly_open_leaves_nothing_that_blocks_writers() {
	local db=$T/p.db
	"$PACT_SAN" --db "$db" session new "Wijk" >/dev/null || return 1
	chmod 444 "$db"
	run "$PACT_SAN" --db "$db" session list
	expect_rc 0 && expect_in "$T/out" "Wijk" || return 1
	[ ! -e "$db-shm" ] && [ ! -e "$db-wal" ] || { why "read-only open left $(ls "$T")"; return 1; }
	chmod 600 "$db"
	run "$PACT_SAN" --db "$db" session new "Daarna"
	expect_rc 0 || return 1
	[ "$(sqlite3 "$db" "SELECT count(*) FROM session")" = 2 ] || { why "second session missing"; return 1; }
}

t_files_path_through_a_linked_folder_works_but_a_linked_file_is_refused() {
	mkdir -p "$T/var/home/ada" && ln -s var/home "$T/home" || return 1
	run "$PACT_SAN" --db "$T/home/ada/pact.db" session new "Wijk"
	expect_rc 0 && [ -f "$T/var/home/ada/pact.db" ] || { why "not created through the link"; return 1; }
	run "$PACT_SAN" --db "$T/home/ada/pact.db" session list
	expect_rc 0 && expect_in "$T/out" "Wijk" || return 1
	ln -s var/home/ada/pact.db "$T/link.db"
	refuse_as_it_was "$T/var/home/ada/pact.db" "is a symbolic link" --db "$T/link.db" session list || return 1
	run "$PACT_SAN" --db "$T/dangling.db" session list
	ln -s "$T/nowhere.db" "$T/dangling2.db"
	run "$PACT_SAN" --db "$T/dangling2.db" session list
	expect_rc 4 && expect_in "$T/err" "is a symbolic link" && [ ! -e "$T/nowhere.db" ] || { why "wrote through a dangling link"; return 1; }
}

t_files_empty_db_option_is_a_usage_error() {
	run "$PACT_SAN" --db "" session list
	expect_rc 2 && expect_in "$T/err" "--db needs a path" || return 1
	[ ! -e "$T/.local/share/pact/pact.db" ] || { why "the default database was used"; return 1; }
}

# A merge reads the other file and leaves nothing beside it: no -wal, no
# -shm (a plain read-only open of a WAL file would make both).
t_files_merge_leaves_nothing_beside_the_other_file() {
	"$PACT_SAN" --db "$T/other.db" session new "Daar" >/dev/null || return 1
	[ -e "$T/other.db-wal" ] || [ -e "$T/other.db-shm" ] && { why "the other file was not closed cleanly"; return 1; }
	sum=$(sha256sum <"$T/other.db")
	run "$PACT_SAN" --db "$T/mine.db" merge "$T/other.db"
	expect_rc 0 || return 1
	for f in "$T/other.db-wal" "$T/other.db-shm"; do
		[ -e "$f" ] && { why "merge left $(basename "$f") beside the other file"; return 1; }
	done
	[ "$(sha256sum <"$T/other.db")" = "$sum" ] || { why "merge changed the other file"; return 1; }
}
