-- pact's database schema. Each "-- version N" block is one forward
-- migration; pact runs every block newer than PRAGMA user_version, each in a
-- transaction, and then sets user_version to N. Never edit a released
-- block: add a new one.

-- version 1
CREATE TABLE settings (
	key   TEXT PRIMARY KEY NOT NULL,
	value TEXT NOT NULL
) WITHOUT ROWID;

-- version 2
-- Brainstorm: sessions (opreksessies) with their participants, timed rounds,
-- clusters and ideas. Every record that can travel has a UUID. Times are
-- Unix seconds (UTC) for the timer, ISO 8601 text for people.
CREATE TABLE session (
	id          INTEGER PRIMARY KEY,
	uuid        TEXT NOT NULL UNIQUE,
	title       TEXT NOT NULL CHECK (length(trim(title)) > 0),
	question    TEXT NOT NULL DEFAULT '',
	facilitator TEXT NOT NULL DEFAULT '',
	location    TEXT NOT NULL DEFAULT '',
	date        TEXT NOT NULL,
	notes       TEXT NOT NULL DEFAULT '',
	archived    INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
	created_at  TEXT NOT NULL
);
CREATE INDEX session_by_date ON session(archived, date DESC, id DESC);

-- Names only with consent: alias is always there, name only when consent = 1.
CREATE TABLE participant (
	id         INTEGER PRIMARY KEY,
	uuid       TEXT NOT NULL UNIQUE,
	session_id INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,
	alias      TEXT NOT NULL CHECK (length(trim(alias)) > 0),
	name       TEXT CHECK (name IS NULL OR consent = 1),
	consent    INTEGER NOT NULL DEFAULT 0 CHECK (consent IN (0, 1)),
	role       TEXT CHECK (role IN ('resident', 'entrepreneur', 'institution',
	                                'civil_servant', 'council_member', 'other')),
	wijk       TEXT,
	age_band   TEXT,
	UNIQUE (session_id, alias)
);

CREATE TABLE round (
	id           INTEGER PRIMARY KEY,
	uuid         TEXT NOT NULL UNIQUE,
	session_id   INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,
	name         TEXT NOT NULL CHECK (length(trim(name)) > 0),
	seconds      INTEGER NOT NULL CHECK (seconds > 0),
	extra        INTEGER NOT NULL DEFAULT 0,
	started_at   INTEGER,
	paused_at    INTEGER,
	paused_total INTEGER NOT NULL DEFAULT 0,
	ended_at     INTEGER
);
CREATE INDEX round_by_session ON round(session_id, id);

CREATE TABLE cluster (
	id         INTEGER PRIMARY KEY,
	uuid       TEXT NOT NULL UNIQUE,
	session_id INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,
	name       TEXT NOT NULL CHECK (length(trim(name)) > 0),
	UNIQUE (session_id, name)
);

CREATE TABLE idea (
	id             INTEGER PRIMARY KEY,
	uuid           TEXT NOT NULL UNIQUE,
	session_id     INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,
	round_id       INTEGER REFERENCES round(id) ON DELETE SET NULL,
	cluster_id     INTEGER REFERENCES cluster(id) ON DELETE SET NULL,
	participant_id INTEGER REFERENCES participant(id) ON DELETE SET NULL,
	merged_into    INTEGER REFERENCES idea(id) ON DELETE SET NULL,
	text           TEXT NOT NULL CHECK (length(trim(text)) > 0),
	late           INTEGER NOT NULL DEFAULT 0 CHECK (late IN (0, 1)),
	created_at     TEXT NOT NULL,
	updated_at     TEXT NOT NULL
);
CREATE INDEX idea_by_session ON idea(session_id, merged_into, id);
CREATE INDEX idea_by_cluster ON idea(cluster_id);
CREATE INDEX idea_by_merge ON idea(merged_into);

-- version 3
-- Polls: a vote over a session's ideas or clusters, or over options of its
-- own. The method and its parameters are fixed once a ballot is in. Ballots
-- hold no identity beyond an optional label and, for live voting, a token
-- that stops a second ballot from the same terminal.
CREATE TABLE poll (
	id             INTEGER PRIMARY KEY,
	uuid           TEXT NOT NULL UNIQUE,
	session_id     INTEGER REFERENCES session(id) ON DELETE CASCADE,
	title          TEXT NOT NULL CHECK (length(trim(title)) > 0),
	method         TEXT NOT NULL CHECK (method IN ('dot', 'approval', 'score', 'borda', 'irv',
	                                               'schulze', 'pb-greedy', 'pb-mes')),
	dots           INTEGER NOT NULL DEFAULT 0,
	max_per_option INTEGER NOT NULL DEFAULT 0,
	lo             INTEGER NOT NULL DEFAULT 0,
	hi             INTEGER NOT NULL DEFAULT 0,
	budget         INTEGER NOT NULL DEFAULT 0,
	complete       TEXT NOT NULL DEFAULT 'add1' CHECK (complete IN ('none', 'add1')),
	tiebreak       TEXT NOT NULL DEFAULT 'none' CHECK (tiebreak IN ('none', 'lot')),
	seed           INTEGER NOT NULL DEFAULT 0,
	closed         INTEGER NOT NULL DEFAULT 0 CHECK (closed IN (0, 1)),
	created_at     TEXT NOT NULL
);
CREATE INDEX poll_by_session ON poll(session_id);

CREATE TABLE poll_option (
	id         INTEGER PRIMARY KEY,
	uuid       TEXT NOT NULL UNIQUE,
	poll_id    INTEGER NOT NULL REFERENCES poll(id) ON DELETE CASCADE,
	position   INTEGER NOT NULL,
	name       TEXT NOT NULL CHECK (length(trim(name)) > 0),
	idea_id    INTEGER REFERENCES idea(id) ON DELETE SET NULL,
	cluster_id INTEGER REFERENCES cluster(id) ON DELETE SET NULL,
	cost       INTEGER NOT NULL DEFAULT 0,
	UNIQUE (poll_id, name)
);
CREATE INDEX poll_option_by_poll ON poll_option(poll_id, position);

CREATE TABLE ballot (
	id      INTEGER PRIMARY KEY,
	uuid    TEXT NOT NULL UNIQUE,
	poll_id INTEGER NOT NULL REFERENCES poll(id) ON DELETE CASCADE,
	voter   TEXT,
	token   TEXT,
	cast_at TEXT NOT NULL,
	UNIQUE (poll_id, token)
);
CREATE INDEX ballot_by_poll ON ballot(poll_id, id);

CREATE TABLE mark (
	ballot_id INTEGER NOT NULL REFERENCES ballot(id) ON DELETE CASCADE,
	option_id INTEGER NOT NULL REFERENCES poll_option(id) ON DELETE CASCADE,
	value     INTEGER NOT NULL,
	PRIMARY KEY (ballot_id, option_id)
) WITHOUT ROWID;

-- Merged ideas stay linked; lists of a session's unmerged ideas and clusters
-- need no index on every idea for that (partial indexes, cheaper to keep).
DROP INDEX idea_by_cluster;
DROP INDEX idea_by_merge;
CREATE INDEX idea_by_cluster ON idea(cluster_id) WHERE cluster_id IS NOT NULL;
CREATE INDEX idea_by_merge ON idea(merged_into) WHERE merged_into IS NOT NULL;

-- version 4
-- Counts from paper: totals per option counted off a wall of sticky dots or
-- paper forms (dot and approval votes), with how many voters took part.
CREATE TABLE poll_count (
	poll_id   INTEGER NOT NULL REFERENCES poll(id) ON DELETE CASCADE,
	option_id INTEGER NOT NULL REFERENCES poll_option(id) ON DELETE CASCADE,
	value     INTEGER NOT NULL CHECK (value >= 0),
	PRIMARY KEY (poll_id, option_id)
) WITHOUT ROWID;
ALTER TABLE poll ADD COLUMN paper_voters INTEGER NOT NULL DEFAULT 0;

-- version 5
-- The catalogue of work forms (werkvormen), shipped in data/werkvormen.csv
-- and editable like any other kind of record.
CREATE TABLE werkvorm (
	id             INTEGER PRIMARY KEY,
	uuid           TEXT NOT NULL UNIQUE,
	name           TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
	name_nl        TEXT NOT NULL DEFAULT '',
	description    TEXT NOT NULL DEFAULT '',
	description_nl TEXT NOT NULL DEFAULT '',
	rungs          TEXT NOT NULL DEFAULT '',
	min_group      INTEGER NOT NULL DEFAULT 1 CHECK (min_group >= 1),
	max_group      INTEGER NOT NULL DEFAULT 1000,
	minutes        INTEGER NOT NULL DEFAULT 60 CHECK (minutes > 0),
	cost           TEXT NOT NULL DEFAULT 'low' CHECK (cost IN ('low', 'medium', 'high')),
	low_literacy   INTEGER NOT NULL DEFAULT 0 CHECK (low_literacy IN (0, 1)),
	mode           TEXT NOT NULL DEFAULT 'offline' CHECK (mode IN ('online', 'offline', 'both')),
	CHECK (max_group >= min_group)
);

-- version 6
-- Advice from the stappenplan: the question (vraagstuk), who asked, which
-- tree was used, every answer on the path, the outcome and the recommended
-- work forms. A re-run is a new advice that names the one it revises.
CREATE TABLE advice (
	id           INTEGER PRIMARY KEY,
	uuid         TEXT NOT NULL UNIQUE,
	title        TEXT NOT NULL CHECK (length(trim(title)) > 0),
	author       TEXT NOT NULL DEFAULT '',
	date         TEXT NOT NULL,
	tree_version TEXT NOT NULL DEFAULT '',
	answers      TEXT NOT NULL DEFAULT '',
	outcome      TEXT NOT NULL DEFAULT '',
	rung         TEXT NOT NULL DEFAULT '',
	forms        TEXT NOT NULL DEFAULT '',
	revision_of  TEXT,
	created_at   TEXT NOT NULL
);

-- version 7
-- The experiment board: budget pots, experiments (cards) with their column
-- and place in it, the history of every column change, and the evaluation
-- form. Amounts are integer cents.
CREATE TABLE budget_pot (
	id      INTEGER PRIMARY KEY,
	uuid    TEXT NOT NULL UNIQUE,
	name    TEXT NOT NULL CHECK (length(trim(name)) > 0),
	year    INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 9999),
	amount  INTEGER NOT NULL DEFAULT 0 CHECK (amount >= 0),
	UNIQUE (name, year)
);
CREATE TABLE experiment (
	id          INTEGER PRIMARY KEY,
	uuid        TEXT NOT NULL UNIQUE,
	title       TEXT NOT NULL CHECK (length(trim(title)) > 0),
	description TEXT NOT NULL DEFAULT '',
	track       TEXT NOT NULL DEFAULT 'other'
	            CHECK (track IN ('visions', 'contact', 'letting-go', 'new-roles', 'other')),
	opgave      TEXT NOT NULL DEFAULT '',
	owner       TEXT NOT NULL DEFAULT '',
	team        TEXT NOT NULL DEFAULT '',
	rung        TEXT NOT NULL DEFAULT '',
	werkvorm    TEXT NOT NULL DEFAULT '',
	start_date  TEXT,
	end_date    TEXT,
	pot_id      INTEGER REFERENCES budget_pot(id) ON DELETE SET NULL,
	planned     INTEGER NOT NULL DEFAULT 0 CHECK (planned >= 0),
	spent       INTEGER NOT NULL DEFAULT 0 CHECK (spent >= 0),
	reached     INTEGER NOT NULL DEFAULT 0 CHECK (reached >= 0),
	groups      TEXT NOT NULL DEFAULT '',
	notes       TEXT NOT NULL DEFAULT '',
	status      TEXT NOT NULL DEFAULT 'idea'
	            CHECK (status IN ('idea', 'preparing', 'running', 'evaluating', 'anchored',
	                              'stopped')),
	position    INTEGER NOT NULL DEFAULT 0,
	advice_uuid TEXT,
	created_at  TEXT NOT NULL,
	updated_at  TEXT NOT NULL,
	CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date)
);
CREATE INDEX experiment_column ON experiment(status, position);
CREATE TABLE experiment_event (
	id            INTEGER PRIMARY KEY,
	experiment_id INTEGER NOT NULL REFERENCES experiment(id) ON DELETE CASCADE,
	at            TEXT NOT NULL,
	from_status   TEXT,
	to_status     TEXT NOT NULL
);
CREATE INDEX experiment_event_card ON experiment_event(experiment_id, id);
CREATE TABLE evaluation (
	id            INTEGER PRIMARY KEY,
	uuid          TEXT NOT NULL UNIQUE,
	experiment_id INTEGER NOT NULL UNIQUE REFERENCES experiment(id) ON DELETE CASCADE,
	goal          INTEGER NOT NULL CHECK (goal BETWEEN 1 AND 5),
	participants  INTEGER NOT NULL DEFAULT 0 CHECK (participants >= 0),
	who           TEXT NOT NULL DEFAULT '',
	worked        TEXT NOT NULL DEFAULT '',
	not_worked    TEXT NOT NULL DEFAULT '',
	dos           TEXT NOT NULL DEFAULT '',
	donts         TEXT NOT NULL DEFAULT '',
	repeat        TEXT NOT NULL CHECK (repeat IN ('yes', 'no', 'changes')),
	learnings     TEXT NOT NULL DEFAULT '',
	evaluated_by  TEXT NOT NULL CHECK (length(trim(evaluated_by)) > 0),
	date          TEXT NOT NULL
);

-- version 8
-- The opgaven (the council programme's main tasks) as an editable list:
-- a card names its opgave by text, and renaming one renames it on the cards.
-- The case library: every evaluated experiment, indexed for full-text search
-- without regard to diacritics (casuistiek finds casuïstiek). The index is
-- kept by triggers (which leave it alone when an update changes nothing it
-- holds, so merging the same file twice changes nothing); its rowid is the
-- experiment's id.
-- A session may say until when its personal data (participants' names and
-- demographics) is kept; pact purge removes it after that date.
ALTER TABLE session ADD COLUMN retain_until TEXT;
CREATE TABLE opgave (
	id   INTEGER PRIMARY KEY,
	uuid TEXT NOT NULL UNIQUE,
	name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0)
);
CREATE TRIGGER opgave_rename AFTER UPDATE OF name ON opgave BEGIN
	UPDATE experiment SET opgave = new.name WHERE opgave = old.name;
END;
INSERT INTO opgave(uuid, name)
	SELECT lower(substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-4' || substr(h, 14, 3) || '-' ||
	             substr('89ab', 1 + (abs(random()) % 4), 1) || substr(h, 18, 3) || '-' ||
	             substr(h, 21, 12)), name
	FROM (SELECT hex(randomblob(16)) AS h, column1 AS name FROM (VALUES
		('Wonen'), ('Binnenstad'), ('Mobiliteit'), ('Sociale veerkracht'),
		('Dienstverlening'), ('Omgevingswet'), ('Wijken'), ('Economie en havens')));
CREATE VIRTUAL TABLE case_fts USING fts5(
	title, description, dos, donts, learnings,
	tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER evaluation_case_insert AFTER INSERT ON evaluation BEGIN
	DELETE FROM case_fts WHERE rowid = new.experiment_id;
	INSERT INTO case_fts(rowid, title, description, dos, donts, learnings)
		SELECT x.id, x.title, x.description, new.dos, new.donts, new.learnings
		FROM experiment x WHERE x.id = new.experiment_id;
END;
CREATE TRIGGER evaluation_case_update AFTER UPDATE ON evaluation
WHEN old.dos IS NOT new.dos OR old.donts IS NOT new.donts OR old.learnings IS NOT new.learnings
  OR old.experiment_id IS NOT new.experiment_id BEGIN
	DELETE FROM case_fts WHERE rowid IN (old.experiment_id, new.experiment_id);
	INSERT INTO case_fts(rowid, title, description, dos, donts, learnings)
		SELECT x.id, x.title, x.description, new.dos, new.donts, new.learnings
		FROM experiment x WHERE x.id = new.experiment_id;
END;
CREATE TRIGGER evaluation_case_delete AFTER DELETE ON evaluation BEGIN
	DELETE FROM case_fts WHERE rowid = old.experiment_id;
END;
CREATE TRIGGER experiment_case_update AFTER UPDATE OF title, description ON experiment
WHEN old.title IS NOT new.title OR old.description IS NOT new.description BEGIN
	DELETE FROM case_fts WHERE rowid = new.id;
	INSERT INTO case_fts(rowid, title, description, dos, donts, learnings)
		SELECT new.id, new.title, new.description, v.dos, v.donts, v.learnings
		FROM evaluation v WHERE v.experiment_id = new.id;
END;
CREATE TRIGGER experiment_case_delete AFTER DELETE ON experiment BEGIN
	DELETE FROM case_fts WHERE rowid = old.id;
END;
INSERT INTO case_fts(rowid, title, description, dos, donts, learnings)
	SELECT x.id, x.title, x.description, v.dos, v.donts, v.learnings
	FROM experiment x JOIN evaluation v ON v.experiment_id = x.id;

-- version 9
-- Forgetting is final: the UUID of every record forgotten (never its name),
-- so that a merge of an older copy or an import of an older CSV cannot bring
-- it back.
CREATE TABLE forgotten (
	uuid TEXT PRIMARY KEY NOT NULL,
	kind TEXT NOT NULL,
	date TEXT NOT NULL
) WITHOUT ROWID;
-- Secret votes and voter codes. A secret poll's live ballots carry no voter
-- label; an open poll's may. pin holds the hash of the facilitator's PIN
-- while a secret vote runs on this laptop (NULL otherwise). Voter codes are
-- one-time codes for live voting, kept only as hashes with the poll's salt;
-- whether a code was used is kept here, apart from the ballots, so that
-- nothing links a ballot to its code.
ALTER TABLE poll ADD COLUMN secret INTEGER NOT NULL DEFAULT 1 CHECK (secret IN (0, 1));
ALTER TABLE poll ADD COLUMN pin TEXT;
ALTER TABLE poll ADD COLUMN code_salt TEXT;
UPDATE poll SET secret = 0
	WHERE EXISTS (SELECT 1 FROM ballot b WHERE b.poll_id = poll.id AND b.voter IS NOT NULL);
-- The terminal tokens of earlier live votes linked a ballot to a terminal.
UPDATE ballot SET token = NULL;
CREATE TABLE voter_code (
	poll_id INTEGER NOT NULL REFERENCES poll(id) ON DELETE CASCADE,
	hash    TEXT NOT NULL,
	used    INTEGER NOT NULL DEFAULT 0 CHECK (used IN (0, 1)),
	PRIMARY KEY (poll_id, hash)
) WITHOUT ROWID;
-- A poll's history: started and ended secret votes (and by whom: the PIN or
-- the command line), codes made, closing.
CREATE TABLE poll_event (
	id      INTEGER PRIMARY KEY,
	poll_id INTEGER NOT NULL REFERENCES poll(id) ON DELETE CASCADE,
	at      TEXT NOT NULL,
	what    TEXT NOT NULL
);
CREATE INDEX poll_event_by_poll ON poll_event(poll_id, id);
-- version 10
-- Amounts with cents: a poll's budget and its options' costs are kept in
-- cents, as the board's amounts are (they were whole euros).
UPDATE poll SET budget = budget * 100;
UPDATE poll_option SET cost = cost * 100;

-- version 11
-- A card made from a stretch session keeps where it came from: source_kind
-- is idea, cluster or poll; source_uuid the idea's, the cluster's or the
-- poll option's uuid (one card per source); for a poll, the option's place
-- (source_rank, tied places shared), the number of options (source_of) and
-- its value (source_value) when the card was made.
ALTER TABLE experiment ADD COLUMN source_kind TEXT
	CHECK (source_kind IS NULL OR source_kind IN ('idea', 'cluster', 'poll'));
ALTER TABLE experiment ADD COLUMN source_uuid TEXT;
ALTER TABLE experiment ADD COLUMN source_rank INTEGER;
ALTER TABLE experiment ADD COLUMN source_of INTEGER;
ALTER TABLE experiment ADD COLUMN source_value INTEGER;
CREATE UNIQUE INDEX experiment_source ON experiment(source_kind, source_uuid)
	WHERE source_uuid IS NOT NULL;

-- version 12
-- The handbook speaks of the eight main tasks (hoofdopgaven) of the
-- college without naming them: the opgaven pact ships are examples, marked
-- so until the programme renames them (or deletes them and adds its own).
ALTER TABLE opgave ADD COLUMN example INTEGER NOT NULL DEFAULT 0 CHECK (example IN (0, 1));
UPDATE opgave SET example = 1 WHERE name IN ('Wonen', 'Binnenstad', 'Mobiliteit',
	'Sociale veerkracht', 'Dienstverlening', 'Omgevingswet', 'Wijken', 'Economie en havens');
CREATE TRIGGER opgave_example_renamed AFTER UPDATE OF name ON opgave
	WHEN new.name IS NOT old.name AND old.example = 1 BEGIN
	UPDATE opgave SET example = 0 WHERE id = new.id;
END;

-- version 13
-- The handbook's "Experimenten focus opgaveteam": a card can be one of the
-- experiments the opgaveteam focuses on.
ALTER TABLE experiment ADD COLUMN focus INTEGER NOT NULL DEFAULT 0 CHECK (focus IN (0, 1));

-- version 14
-- Costs booked on a budget pot that are no experiment: developing
-- instruments, guiding the organisation. A cost is money spent: it counts
-- in the pot's planned and spent alike. Amounts are integer cents; the
-- costs go with their pot.
CREATE TABLE pot_cost (
	id          INTEGER PRIMARY KEY,
	uuid        TEXT NOT NULL UNIQUE,
	pot_id      INTEGER NOT NULL REFERENCES budget_pot(id) ON DELETE CASCADE,
	description TEXT NOT NULL CHECK (length(trim(description)) > 0),
	date        TEXT NOT NULL,
	amount      INTEGER NOT NULL DEFAULT 0 CHECK (amount >= 0),
	created_at  TEXT NOT NULL,
	updated_at  TEXT NOT NULL
);
CREATE INDEX pot_cost_by_pot ON pot_cost(pot_id, date);

-- version 15
-- The handbook promises ten work forms without naming them: core marks the
-- programme's core ten (the marks pact ships are an example to edit). type
-- tells work forms from the communication means the handbook's
-- communicatieplan names (dropping, raadsbijeenkomsten, snapchat,
-- placemats, (no)escaperoom, beeldtaal); a communication means is never a
-- core work form and is not advised as a work form.
ALTER TABLE werkvorm ADD COLUMN type TEXT NOT NULL DEFAULT 'werkvorm'
	CHECK (type IN ('werkvorm', 'communicatie'));
ALTER TABLE werkvorm ADD COLUMN core INTEGER NOT NULL DEFAULT 0
	CHECK (core IN (0, 1) AND (core = 0 OR type = 'werkvorm'));
UPDATE werkvorm SET type = 'communicatie' WHERE uuid IN (
	'3f6b2a1e-8c4d-4e7a-9b21-5d0c7e9a1f04', '3f6b2a1e-8c4d-4e7a-9b21-5d0c7e9a1f05',
	'3f6b2a1e-8c4d-4e7a-9b21-5d0c7e9a1f06');
UPDATE werkvorm SET core = 1 WHERE uuid IN (
	'3f6b2a1e-8c4d-4e7a-9b21-5d0c7e9a1f03', '3f6b2a1e-8c4d-4e7a-9b21-5d0c7e9a1f07',
	'3f6b2a1e-8c4d-4e7a-9b21-5d0c7e9a1f08', '3f6b2a1e-8c4d-4e7a-9b21-5d0c7e9a1f09',
	'3f6b2a1e-8c4d-4e7a-9b21-5d0c7e9a1f10', '3f6b2a1e-8c4d-4e7a-9b21-5d0c7e9a1f11',
	'3f6b2a1e-8c4d-4e7a-9b21-5d0c7e9a1f12', '3f6b2a1e-8c4d-4e7a-9b21-5d0c7e9a1f14',
	'3f6b2a1e-8c4d-4e7a-9b21-5d0c7e9a1f15', '3f6b2a1e-8c4d-4e7a-9b21-5d0c7e9a1f16');
-- The shipped texts of the three that became communication means told
-- more than the handbook does: replaced where nobody edited them, and the
-- session facts (group, duration, cost) a means does not have set back to
-- the defaults.
UPDATE werkvorm SET rungs = '', min_group = 1, max_group = 1000, minutes = 60, cost = 'low',
	low_literacy = 0, mode = 'offline',
	description = 'Council members are dropped in small groups in a neighbourhood of Schiedam to carry out an assignment there. The handbook names the dropping in the communication plan of Pact met de stad. What the assignment is, the programme decides.',
	description_nl = 'Raadsleden worden in groepjes in een wijk in Schiedam gedropt om daar een opdracht uit te voeren. Het handboek noemt de dropping in het communicatieplan van Pact met de stad. Welke opdracht het is, bepaalt het programma.'
	WHERE uuid = '3f6b2a1e-8c4d-4e7a-9b21-5d0c7e9a1f04' AND description LIKE 'Council members are dropped in pairs%'
	AND description_nl LIKE 'Raadsleden worden in tweetallen%';
UPDATE werkvorm SET rungs = '', min_group = 1, max_group = 1000, minutes = 60, cost = 'low',
	low_literacy = 0, mode = 'offline',
	description = 'A single sheet, often A3, that shows a plan or programme at a glance in short texts and pictures. It is the size of a place mat and can lie on the table during a meeting. The handbook''s communication plan says the programme makes placemats.',
	description_nl = 'Eén vel, vaak A3, dat een plan of programma in één oogopslag laat zien, met korte teksten en beelden. Het is zo groot als een placemat en kan tijdens een overleg op tafel liggen. Volgens het communicatieplan in het handboek maakt het programma placemats.'
	WHERE uuid = '3f6b2a1e-8c4d-4e7a-9b21-5d0c7e9a1f05' AND description LIKE 'Groups of four sit around a large sheet%'
	AND description_nl LIKE 'Groepjes van vier zitten rond een groot vel%';
UPDATE werkvorm SET rungs = '', min_group = 1, max_group = 1000, minutes = 60, cost = 'low',
	low_literacy = 0, mode = 'offline',
	description = 'An escape room is a game in which a team solves puzzles together to find the way out of a room within a set time. The handbook''s communication plan says the programme develops a (no)escape room; it does not say what the room is about. Describe here what the programme builds.',
	description_nl = 'Een escaperoom is een spel waarin een team samen puzzels oplost om binnen een vaste tijd de uitweg uit een kamer te vinden. Volgens het communicatieplan in het handboek ontwikkelt het programma een (no)escaperoom. Waar die over gaat, zegt het handboek niet. Beschrijf hier wat het programma bouwt.'
	WHERE uuid = '3f6b2a1e-8c4d-4e7a-9b21-5d0c7e9a1f06' AND description LIKE 'Civil servants and council members play a room of puzzles%'
	AND description_nl LIKE 'Ambtenaren en raadsleden spelen een kamer vol puzzels%';
-- The other means the handbook names, in a catalogue that is already
-- there (a new file is seeded from data/werkvormen.csv after this block).
INSERT INTO werkvorm(uuid, name, name_nl, description, description_nl, type)
	SELECT v.* FROM (
	SELECT '3f6b2a1e-8c4d-4e7a-9b21-5d0c7e9a1f22' AS uuid, 'Council meeting' AS name, 'Raadsbijeenkomst' AS name_nl,
		'A meeting with members of the municipal council, to tell them about the programme and talk it over with them. The handbook''s communication plan says the programme organises council meetings.' AS d,
		'Een bijeenkomst met leden van de gemeenteraad, om hen over het programma te vertellen en erover in gesprek te gaan. Volgens het communicatieplan in het handboek organiseert het programma raadsbijeenkomsten.' AS dnl,
		'communicatie' AS type
	UNION ALL SELECT '3f6b2a1e-8c4d-4e7a-9b21-5d0c7e9a1f23', 'Snapchat', 'Snapchat',
		'Snapchat is a social-media app for sharing photos and short videos that disappear after they are seen; many young people use it. The handbook''s communication plan says the programme uses Snapchat.',
		'Snapchat is een app voor sociale media waarmee je foto''s en korte video''s deelt die verdwijnen nadat ze zijn bekeken. Veel jongeren gebruiken de app. Volgens het communicatieplan in het handboek zet het programma Snapchat in.',
		'communicatie'
	UNION ALL SELECT '3f6b2a1e-8c4d-4e7a-9b21-5d0c7e9a1f24', 'Visual language', 'Beeldtaal',
		'Telling a message with pictures, icons and drawings instead of or next to words, so that it is clear at a glance, also to people who read little. The handbook''s communication plan says the programme uses visual language.',
		'Een boodschap vertellen met beelden, pictogrammen en tekeningen in plaats van of naast woorden, zodat die in één oogopslag duidelijk is, ook voor wie weinig leest. Volgens het communicatieplan in het handboek gebruikt het programma beeldtaal.',
		'communicatie'
	) AS v
	WHERE EXISTS (SELECT 1 FROM werkvorm)
	AND NOT EXISTS (SELECT 1 FROM werkvorm w WHERE w.uuid = v.uuid
		OR lower(w.name) = lower(v.name) OR (v.name_nl <> '' AND lower(w.name_nl) = lower(v.name_nl)));

-- version 16
-- A card's communication plan (the handbook's "Communicatieplan"): for each
-- audience of its chapters 4 and 5, what it should hear (message) and how
-- (means). One line per audience per card: a line that comes in for a card
-- and audience that already have one (with another UUID) takes its place.
CREATE TABLE card_comm (
	id            INTEGER PRIMARY KEY,
	uuid          TEXT NOT NULL UNIQUE,
	experiment_id INTEGER NOT NULL REFERENCES experiment(id) ON DELETE CASCADE,
	audience      TEXT NOT NULL
	              CHECK (audience IN ('raad', 'college', 'collegas', 'schiedammers',
	                                  'ondernemers', 'instellingen', 'pers', 'vakgenoten')),
	message       TEXT NOT NULL DEFAULT '',
	means         TEXT NOT NULL DEFAULT '',
	created_at    TEXT NOT NULL,
	updated_at    TEXT NOT NULL,
	UNIQUE (experiment_id, audience)
);
CREATE TRIGGER card_comm_one_per_audience BEFORE INSERT ON card_comm BEGIN
	DELETE FROM card_comm WHERE experiment_id = new.experiment_id
		AND audience = new.audience AND uuid <> new.uuid;
END;

-- version 17
-- The register of the people in the programme (the handbook's
-- versnellerspool: accelerators, members of the opgaveteam, facilitators,
-- others). Cards keep their owner and team as text (team: names separated
-- by commas, which is why a name holds no comma). Contact details only with
-- the person's consent: without it there is nowhere to keep them.
CREATE TABLE person (
	id         INTEGER PRIMARY KEY,
	uuid       TEXT NOT NULL UNIQUE,
	name       TEXT NOT NULL CHECK (length(trim(name)) > 0 AND instr(name, ',') = 0),
	role       TEXT NOT NULL DEFAULT 'other'
	           CHECK (role IN ('accelerator', 'opgaveteam', 'facilitator', 'other')),
	department TEXT NOT NULL DEFAULT '',
	consent    INTEGER NOT NULL DEFAULT 0 CHECK (consent IN (0, 1)),
	contact    TEXT CHECK (contact IS NULL OR consent = 1),
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
CREATE INDEX person_name ON person(name COLLATE NOCASE);
-- Renaming a person renames them on the cards: as owner, and as a member
-- of a team (the list is written back as "A, B, C").
CREATE TRIGGER person_rename AFTER UPDATE OF name ON person WHEN old.name <> new.name BEGIN
	UPDATE experiment SET owner = new.name WHERE owner = old.name;
	UPDATE experiment SET team = trim(replace(replace(
		',' || replace(replace(team, ', ', ','), ' ,', ',') || ',',
		',' || old.name || ',', ',' || new.name || ','), ',', ', '), ', ')
	WHERE instr(',' || replace(replace(team, ', ', ','), ' ,', ',') || ',',
		',' || old.name || ',') > 0;
END;

-- version 18
-- Monitoring and anchoring (the handbook's "monitoren en borgen"): the
-- programme's ambitions, each measured by indicators with a target per
-- period; the diversity of the people taking part, as counts per session
-- and per experiment (never per person); and the city's own figures per
-- group, so that the participants' share can be set beside the city's
-- (afspiegeling). pact ships no ambition and no city figure as fact.
--
-- An indicator belongs to an ambition (by its name; several indicators may
-- share one). measure says what is counted: from pact's data (people
-- reached, participants per session, experiments evaluated, the share of
-- experiments that reached a target group, the share of a diversity group)
-- or a figure entered by hand per period (indicator_value). subject names
-- the target group (its key) or the diversity group ("dimension:group").
-- period is the length of a period: a year ("2024") or a quarter
-- ("2024-Q1"); target is what each period should reach (a number, or a
-- percentage for the shares).
CREATE TABLE indicator (
	id         INTEGER PRIMARY KEY,
	uuid       TEXT NOT NULL UNIQUE,
	ambition   TEXT NOT NULL CHECK (ambition <> ''),
	name       TEXT NOT NULL CHECK (name <> ''),
	measure    TEXT NOT NULL CHECK (measure IN ('reached', 'participants', 'evaluated',
	                                            'target-group', 'diversity', 'manual')),
	subject    TEXT NOT NULL DEFAULT '',
	target     INTEGER NOT NULL DEFAULT 0 CHECK (target >= 0),
	period     TEXT NOT NULL DEFAULT 'year' CHECK (period IN ('year', 'quarter')),
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	UNIQUE (ambition, name)
);
-- A figure entered by hand for one period of an indicator; one per period
-- (a value that comes in with another UUID takes the place of the one there).
CREATE TABLE indicator_value (
	id           INTEGER PRIMARY KEY,
	uuid         TEXT NOT NULL UNIQUE,
	indicator_id INTEGER NOT NULL REFERENCES indicator(id) ON DELETE CASCADE,
	period       TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]'
	                                  OR period GLOB '[0-9][0-9][0-9][0-9]-Q[1-4]'),
	value        INTEGER NOT NULL CHECK (value >= 0),
	created_at   TEXT NOT NULL,
	UNIQUE (indicator_id, period)
);
CREATE TRIGGER indicator_value_one_per_period BEFORE INSERT ON indicator_value BEGIN
	DELETE FROM indicator_value WHERE indicator_id = new.indicator_id
		AND period = new.period AND uuid <> new.uuid;
END;
-- The groups of the handbook's dimensions of diversity: age band, household,
-- background, language or culture, literacy. Household and literacy have the
-- handbook's groups; the age bands are an example to edit; background and
-- language or culture are the programme's to define (none are shipped).
CREATE TABLE diversity_group (
	id         INTEGER PRIMARY KEY,
	uuid       TEXT NOT NULL UNIQUE,
	dimension  TEXT NOT NULL CHECK (dimension IN ('age', 'household', 'background',
	                                              'culture', 'literacy')),
	name       TEXT NOT NULL CHECK (name <> ''),
	position   INTEGER NOT NULL DEFAULT 0,
	example    INTEGER NOT NULL DEFAULT 0 CHECK (example IN (0, 1)),
	UNIQUE (dimension, name)
);
CREATE TRIGGER diversity_group_example_renamed AFTER UPDATE OF name ON diversity_group
	WHEN old.name <> new.name BEGIN
	UPDATE diversity_group SET example = 0 WHERE id = new.id;
END;
INSERT INTO diversity_group(uuid, dimension, name, position, example) VALUES
	('5b0e7c3a-1d2f-4a6b-8c9d-0e1f2a3b4c01', 'age', '0-17', 1, 1),
	('5b0e7c3a-1d2f-4a6b-8c9d-0e1f2a3b4c02', 'age', '18-29', 2, 1),
	('5b0e7c3a-1d2f-4a6b-8c9d-0e1f2a3b4c03', 'age', '30-49', 3, 1),
	('5b0e7c3a-1d2f-4a6b-8c9d-0e1f2a3b4c04', 'age', '50-66', 4, 1),
	('5b0e7c3a-1d2f-4a6b-8c9d-0e1f2a3b4c05', 'age', '67+', 5, 1),
	('5b0e7c3a-1d2f-4a6b-8c9d-0e1f2a3b4c06', 'household', 'family', 1, 0),
	('5b0e7c3a-1d2f-4a6b-8c9d-0e1f2a3b4c07', 'household', 'single', 2, 0),
	('5b0e7c3a-1d2f-4a6b-8c9d-0e1f2a3b4c08', 'household', 'other', 3, 0),
	('5b0e7c3a-1d2f-4a6b-8c9d-0e1f2a3b4c09', 'literacy', 'high', 1, 0),
	('5b0e7c3a-1d2f-4a6b-8c9d-0e1f2a3b4c10', 'literacy', 'low', 2, 0);
-- How many people of a group took part in a session or an experiment (one
-- of the two): counts of people, never people. One count per owner,
-- dimension and group (a count that comes in with another UUID takes the
-- place of the one there).
CREATE TABLE diversity_count (
	id            INTEGER PRIMARY KEY,
	uuid          TEXT NOT NULL UNIQUE,
	session_id    INTEGER REFERENCES session(id) ON DELETE CASCADE,
	experiment_id INTEGER REFERENCES experiment(id) ON DELETE CASCADE,
	dimension     TEXT NOT NULL CHECK (dimension IN ('age', 'household', 'background',
	                                                 'culture', 'literacy')),
	grp           TEXT NOT NULL CHECK (grp <> ''),
	people        INTEGER NOT NULL CHECK (people >= 0),
	created_at    TEXT NOT NULL,
	updated_at    TEXT NOT NULL,
	CHECK ((session_id IS NULL) <> (experiment_id IS NULL))
);
CREATE UNIQUE INDEX diversity_count_session ON diversity_count(session_id, dimension, grp)
	WHERE session_id IS NOT NULL;
CREATE UNIQUE INDEX diversity_count_experiment ON diversity_count(experiment_id, dimension, grp)
	WHERE experiment_id IS NOT NULL;
CREATE TRIGGER diversity_count_one_per_group BEFORE INSERT ON diversity_count BEGIN
	DELETE FROM diversity_count WHERE session_id IS new.session_id
		AND experiment_id IS new.experiment_id AND dimension = new.dimension
		AND grp = new.grp AND uuid <> new.uuid;
END;
-- The reference population: the city's own figure per group (a count of
-- residents or a percentage: a group's share is its part of the
-- dimension's total), entered or imported by the programme.
CREATE TABLE population (
	id         INTEGER PRIMARY KEY,
	uuid       TEXT NOT NULL UNIQUE,
	dimension  TEXT NOT NULL CHECK (dimension IN ('age', 'household', 'background',
	                                              'culture', 'literacy')),
	grp        TEXT NOT NULL CHECK (grp <> ''),
	people     INTEGER NOT NULL CHECK (people >= 0),
	source     TEXT NOT NULL DEFAULT '',
	created_at TEXT NOT NULL,
	UNIQUE (dimension, grp)
);
CREATE TRIGGER population_one_per_group BEFORE INSERT ON population BEGIN
	DELETE FROM population WHERE dimension = new.dimension AND grp = new.grp
		AND uuid <> new.uuid;
END;

-- version 19
-- The handbook: the experiments are to find out "welke vormen van
-- participatie effectief zijn en passen bij de gemeente Schiedam en de
-- Schiedammers", and "we gaan structureel participatietrajecten evalueren".
-- The evaluation form asks also whether the form fits Schiedam (yes, partly,
-- no) and why, the public value it brought (satisfaction, support,
-- legitimacy: each 1 to 5 or not answered, with a note) and the diversity it
-- reached; an old evaluation has none of these answered. A participation
-- trajectory that is no experiment (a brainstorm session, an advice that was
-- carried out) is evaluated with the same form: an evaluation has exactly
-- one subject, so the table is rebuilt with experiment_id no longer
-- required (its ids stay). The case library's index is now keyed by the
-- evaluation's id and holds the new notes too.
CREATE TABLE evaluation_new (
	id                INTEGER PRIMARY KEY,
	uuid              TEXT NOT NULL UNIQUE,
	experiment_id     INTEGER UNIQUE REFERENCES experiment(id) ON DELETE CASCADE,
	goal              INTEGER NOT NULL CHECK (goal BETWEEN 1 AND 5),
	participants      INTEGER NOT NULL DEFAULT 0 CHECK (participants >= 0),
	who               TEXT NOT NULL DEFAULT '',
	worked            TEXT NOT NULL DEFAULT '',
	not_worked        TEXT NOT NULL DEFAULT '',
	dos               TEXT NOT NULL DEFAULT '',
	donts             TEXT NOT NULL DEFAULT '',
	repeat            TEXT NOT NULL CHECK (repeat IN ('yes', 'no', 'changes')),
	learnings         TEXT NOT NULL DEFAULT '',
	evaluated_by      TEXT NOT NULL CHECK (length(trim(evaluated_by)) > 0),
	date              TEXT NOT NULL,
	fits              TEXT CHECK (fits IS NULL OR fits IN ('yes', 'partly', 'no')),
	fits_why          TEXT NOT NULL DEFAULT '',
	satisfaction      INTEGER CHECK (satisfaction IS NULL OR satisfaction BETWEEN 1 AND 5),
	satisfaction_note TEXT NOT NULL DEFAULT '',
	support           INTEGER CHECK (support IS NULL OR support BETWEEN 1 AND 5),
	support_note      TEXT NOT NULL DEFAULT '',
	legitimacy        INTEGER CHECK (legitimacy IS NULL OR legitimacy BETWEEN 1 AND 5),
	legitimacy_note   TEXT NOT NULL DEFAULT '',
	diversity         TEXT NOT NULL DEFAULT '',
	session_id        INTEGER UNIQUE REFERENCES session(id) ON DELETE CASCADE,
	advice_id         INTEGER UNIQUE REFERENCES advice(id) ON DELETE CASCADE,
	CHECK ((experiment_id IS NOT NULL) + (session_id IS NOT NULL) + (advice_id IS NOT NULL) = 1)
);
INSERT INTO evaluation_new(id, uuid, experiment_id, goal, participants, who, worked, not_worked,
	dos, donts, repeat, learnings, evaluated_by, date)
	SELECT id, uuid, experiment_id, goal, participants, who, worked, not_worked, dos, donts,
	repeat, learnings, evaluated_by, date FROM evaluation;
DROP TRIGGER IF EXISTS experiment_case_update;
DROP TRIGGER IF EXISTS experiment_case_delete;
DROP TRIGGER IF EXISTS session_case_update;
DROP TRIGGER IF EXISTS advice_case_update;
DROP TABLE evaluation;
ALTER TABLE evaluation_new RENAME TO evaluation;
DROP TABLE case_fts;
CREATE VIRTUAL TABLE case_fts USING fts5(
	title, description, dos, donts, learnings, notes,
	tokenize = 'unicode61 remove_diacritics 2'
);
-- What a case is about: the experiment's title and description, the
-- session's title and question, the advice's question and outcome.
CREATE TRIGGER evaluation_case_insert AFTER INSERT ON evaluation BEGIN
	DELETE FROM case_fts WHERE rowid = new.id;
	INSERT INTO case_fts(rowid, title, description, dos, donts, learnings, notes)
		SELECT new.id, s.title, s.description, new.dos, new.donts, new.learnings,
		       new.fits_why || char(10) || new.satisfaction_note || char(10) ||
		       new.support_note || char(10) || new.legitimacy_note || char(10) || new.diversity
		FROM (SELECT title, description FROM experiment WHERE id = new.experiment_id
		      UNION ALL SELECT title, question FROM session WHERE id = new.session_id
		      UNION ALL SELECT title, outcome FROM advice WHERE id = new.advice_id) AS s;
END;
CREATE TRIGGER evaluation_case_update AFTER UPDATE ON evaluation
WHEN old.dos IS NOT new.dos OR old.donts IS NOT new.donts OR old.learnings IS NOT new.learnings
  OR old.fits_why IS NOT new.fits_why OR old.satisfaction_note IS NOT new.satisfaction_note
  OR old.support_note IS NOT new.support_note OR old.legitimacy_note IS NOT new.legitimacy_note
  OR old.diversity IS NOT new.diversity OR old.experiment_id IS NOT new.experiment_id
  OR old.session_id IS NOT new.session_id OR old.advice_id IS NOT new.advice_id BEGIN
	DELETE FROM case_fts WHERE rowid = new.id;
	INSERT INTO case_fts(rowid, title, description, dos, donts, learnings, notes)
		SELECT new.id, s.title, s.description, new.dos, new.donts, new.learnings,
		       new.fits_why || char(10) || new.satisfaction_note || char(10) ||
		       new.support_note || char(10) || new.legitimacy_note || char(10) || new.diversity
		FROM (SELECT title, description FROM experiment WHERE id = new.experiment_id
		      UNION ALL SELECT title, question FROM session WHERE id = new.session_id
		      UNION ALL SELECT title, outcome FROM advice WHERE id = new.advice_id) AS s;
END;
CREATE TRIGGER evaluation_case_delete AFTER DELETE ON evaluation BEGIN
	DELETE FROM case_fts WHERE rowid = old.id;
END;
CREATE TRIGGER experiment_case_update AFTER UPDATE OF title, description ON experiment
WHEN old.title IS NOT new.title OR old.description IS NOT new.description BEGIN
	UPDATE case_fts SET title = new.title, description = new.description
		WHERE rowid IN (SELECT id FROM evaluation WHERE experiment_id = new.id);
END;
CREATE TRIGGER session_case_update AFTER UPDATE OF title, question ON session
WHEN old.title IS NOT new.title OR old.question IS NOT new.question BEGIN
	UPDATE case_fts SET title = new.title, description = new.question
		WHERE rowid IN (SELECT id FROM evaluation WHERE session_id = new.id);
END;
CREATE TRIGGER advice_case_update AFTER UPDATE OF title, outcome ON advice
WHEN old.title IS NOT new.title OR old.outcome IS NOT new.outcome BEGIN
	UPDATE case_fts SET title = new.title, description = new.outcome
		WHERE rowid IN (SELECT id FROM evaluation WHERE advice_id = new.id);
END;
INSERT INTO case_fts(rowid, title, description, dos, donts, learnings, notes)
	SELECT v.id, x.title, x.description, v.dos, v.donts, v.learnings, ''
	FROM experiment x JOIN evaluation v ON v.experiment_id = x.id;
