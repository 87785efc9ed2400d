/* The store's schema: telling a store from other files without writing, creating the
 * tables, and upgrading an older store step by step.
 *
 * The schema version is PRAGMA user_version; PRAGMA application_id marks the file as a
 * libkik store. Version k+1 is made from version k by migrations[k - 1], in one
 * transaction with the check that the file is still at version k. A new part of the
 * model comes in as the next migration (its table and view) and a part in
 * store_parts.c. */
#include "store_internal.h"

#include <stdio.h>
#include <string.h>

/* "KIKS": the application id of a store. */
#define KIK__STORE_APP_ID 0x4B494B53

/* The page size of a new store. Larger pages mean fewer, larger writes and reads for a
 * large plan; a small store takes a page per table. Measured with bench/store_job at
 * 100,000 measures: 16 KiB saves in 0.50-0.53 s where 4 KiB took 0.63-0.71 s and 64 KiB
 * 0.60-0.69 s, and loads 10% faster; a single edit costs 0.20 ms instead of 0.15 ms. */
#define KIK__STORE_PAGE_SIZE 16384

/* Version 1: plans, snapshots and the parts of the model. Every row of a part is valid
 * for the versions [valid_from, valid_to) of its plan (valid_to NULL: up to the working
 * state). row_id is plan_id * 2^48 + the row's number in its plan, so a plan's rows lie
 * together and are read back in one range, in the order written; a task's first row is at
 * its id instead, so that a new plan's tasks need no index (see KIK__LATER_ROWS). The key
 * indexes find the rows of one object. */
const char kik__store_schema_v1[] =
    "CREATE TABLE kik_plans (\n"
    "  plan_id INTEGER PRIMARY KEY,\n"
    "  name TEXT NOT NULL UNIQUE,   -- the store's name of the plan\n"
    "  head INTEGER NOT NULL,       -- the version of the working state\n"
    "  created TEXT NOT NULL        -- UTC, YYYY-MM-DDTHH:MM:SSZ\n"
    ");\n"
    "CREATE TABLE kik_snapshots (\n"
    "  snapshot_id INTEGER PRIMARY KEY,\n"
    "  plan_id INTEGER NOT NULL REFERENCES kik_plans (plan_id),\n"
    "  version INTEGER NOT NULL,    -- the rows of the snapshot are those valid at it\n"
    "  as_of TEXT NOT NULL,         -- YYYY-MM-DD\n"
    "  label TEXT NOT NULL,\n"
    "  taken TEXT NOT NULL,         -- UTC, YYYY-MM-DDTHH:MM:SSZ\n"
    "  UNIQUE (plan_id, as_of),\n"
    "  UNIQUE (plan_id, version)\n"
    ");\n"
    "CREATE TABLE kik_info (         -- name, as_of, rule, last_task_id of the plan\n"
    "  row_id INTEGER PRIMARY KEY, plan_id INTEGER NOT NULL,\n"
    "  valid_from INTEGER NOT NULL, valid_to INTEGER,\n"
    "  key TEXT NOT NULL, value TEXT NOT NULL\n"
    ");\n"
    "CREATE UNIQUE INDEX kik_info_key ON kik_info (plan_id, key, valid_from);\n"
    "CREATE TABLE kik_fields (\n"
    "  row_id INTEGER PRIMARY KEY, plan_id INTEGER NOT NULL,\n"
    "  valid_from INTEGER NOT NULL, valid_to INTEGER,\n"
    "  code TEXT NOT NULL,\n"
    "  pos INTEGER NOT NULL,         -- place among the plan's fields, from 0\n"
    "  name TEXT NOT NULL,\n"
    "  published_waiting INTEGER, published_in_progress INTEGER,\n"
    "  published_implemented INTEGER, published_total INTEGER  -- NULL: none published\n"
    ");\n"
    "CREATE UNIQUE INDEX kik_fields_key ON kik_fields (plan_id, code, valid_from);\n"
    "CREATE TABLE kik_aliases (\n"
    "  row_id INTEGER PRIMARY KEY, plan_id INTEGER NOT NULL,\n"
    "  valid_from INTEGER NOT NULL, valid_to INTEGER,\n"
    "  field TEXT NOT NULL, pos INTEGER NOT NULL,  -- place among the field's aliases\n"
    "  alias TEXT NOT NULL\n"
    ");\n"
    "CREATE UNIQUE INDEX kik_aliases_key ON kik_aliases (plan_id, field, pos, valid_from);\n"
    "CREATE TABLE kik_groups (\n"
    "  row_id INTEGER PRIMARY KEY, plan_id INTEGER NOT NULL,\n"
    "  valid_from INTEGER NOT NULL, valid_to INTEGER,\n"
    "  field TEXT NOT NULL, name TEXT NOT NULL,\n"
    "  pos INTEGER NOT NULL          -- place among the field's groups\n"
    ");\n"
    "CREATE UNIQUE INDEX kik_groups_key ON kik_groups (plan_id, field, name, valid_from);\n"
    "CREATE TABLE kik_goals (\n"
    "  row_id INTEGER PRIMARY KEY, plan_id INTEGER NOT NULL,\n"
    "  valid_from INTEGER NOT NULL, valid_to INTEGER,\n"
    "  field TEXT NOT NULL, number INTEGER NOT NULL,\n"
    "  pos INTEGER NOT NULL,         -- place among the field's goals\n"
    "  group_name TEXT,              -- NULL: in no group\n"
    "  text TEXT NOT NULL\n"
    ");\n"
    "CREATE UNIQUE INDEX kik_goals_key ON kik_goals (plan_id, field, number, valid_from);\n"
    "CREATE TABLE kik_measures (\n"
    "  row_id INTEGER PRIMARY KEY, plan_id INTEGER NOT NULL,\n"
    "  valid_from INTEGER NOT NULL, valid_to INTEGER,\n"
    "  field TEXT NOT NULL, goal INTEGER NOT NULL, sub INTEGER NOT NULL,  -- the id: field-goal.sub\n"
    "  pos INTEGER NOT NULL,         -- place among the goal's measures\n"
    "  text TEXT NOT NULL,\n"
    "  recorded INTEGER NOT NULL,    -- 0 waiting, 1 in_progress, 2 implemented\n"
    "  status INTEGER NOT NULL       -- the status that counts (derived from tasks where there are some)\n"
    ");\n"
    "CREATE UNIQUE INDEX kik_measures_key ON kik_measures (plan_id, field, goal, sub, valid_from);\n"
    "CREATE TABLE kik_tasks (\n"
    "  row_id INTEGER PRIMARY KEY, plan_id INTEGER NOT NULL,\n"
    "  valid_from INTEGER NOT NULL, valid_to INTEGER,\n"
    "  task_id INTEGER NOT NULL,\n"
    "  field TEXT NOT NULL, goal INTEGER NOT NULL, sub INTEGER NOT NULL,  -- its measure\n"
    "  kind INTEGER NOT NULL,        -- 0 concept, 1 ag, 2 work_package\n"
    "  state INTEGER NOT NULL,       -- 0 open, 1 in_progress, 2 done, 3 not_applicable\n"
    "  title TEXT NOT NULL,\n"
    "  due TEXT, owner TEXT,         -- NULL: none\n"
    "  seq INTEGER NOT NULL,         -- place in the order the plan's tasks were added (gaps: removed)\n"
    "  pos INTEGER NOT NULL          -- place among its measure's tasks\n"
    ");\n"
    "-- a task's first row is at plan_id * 2^48 + task_id; its later rows are found here\n"
    "CREATE INDEX kik_tasks_later ON kik_tasks (task_id) WHERE " KIK__LATER_CONDITION ";\n";

/* Version 2: the change log, who took a snapshot, a task's measure as its id (one column
 * instead of three: a tenth less to write for each task), the names of the numbers the
 * tables keep, and the views for analysts (documented in the README; they stay as they
 * are). */
static const char v2_log[] =
    "ALTER TABLE kik_snapshots ADD COLUMN author TEXT NOT NULL DEFAULT '';\n"
    "ALTER TABLE kik_tasks ADD COLUMN measure TEXT NOT NULL DEFAULT '';\n"
    "UPDATE kik_tasks SET measure = field || '-' || goal || '.' || sub;\n"
    "ALTER TABLE kik_tasks DROP COLUMN field;\n"
    "ALTER TABLE kik_tasks DROP COLUMN goal;\n"
    "ALTER TABLE kik_tasks DROP COLUMN sub;\n"
    "CREATE TABLE kik_changes (\n"
    "  change_id INTEGER PRIMARY KEY,\n"
    "  plan_id INTEGER NOT NULL REFERENCES kik_plans (plan_id),\n"
    "  version INTEGER NOT NULL,     -- the version of the working state it went into\n"
    "  at TEXT NOT NULL,             -- UTC, YYYY-MM-DDTHH:MM:SSZ\n"
    "  author TEXT NOT NULL,\n"
    "  action TEXT NOT NULL,         -- set_task_state, add_task, ..., save, import, snapshot\n"
    "  object TEXT NOT NULL,         -- a measure's id, a task's id, a snapshot's date, a file\n"
    "  measure TEXT NOT NULL,        -- the measure concerned, '' if none\n"
    "  task_id INTEGER,              -- the task concerned, or NULL\n"
    "  what TEXT NOT NULL,           -- the value changed: state, recorded, task, measure, ...\n"
    "  old TEXT, new TEXT,           -- NULL: none (added, removed)\n"
    "  status TEXT,                  -- the measure's status that counts after it (a key), or NULL\n"
    "  state TEXT,                   -- the task's state after it (a key), or NULL\n"
    "  note TEXT NOT NULL\n"
    ");\n"
    "CREATE INDEX kik_changes_measure ON kik_changes (plan_id, measure);\n"
    "CREATE INDEX kik_changes_task ON kik_changes (plan_id, task_id) WHERE task_id IS NOT NULL;\n"
    "CREATE TABLE kik_statuses (status INTEGER PRIMARY KEY, key TEXT NOT NULL, label_de TEXT NOT NULL);\n"
    "INSERT INTO kik_statuses VALUES (0, 'waiting', 'wartend'), (1, 'in_progress', 'in Bearbeitung'),\n"
    "  (2, 'implemented', 'implementiert');\n"
    "CREATE TABLE kik_task_kinds (kind INTEGER PRIMARY KEY, key TEXT NOT NULL, label_de TEXT NOT NULL);\n"
    "INSERT INTO kik_task_kinds VALUES (0, 'concept', 'Einzelauftrag'), (1, 'ag', 'AG-Auftrag'),\n"
    "  (2, 'work_package', 'Arbeitspaket');\n"
    "CREATE TABLE kik_task_states (state INTEGER PRIMARY KEY, key TEXT NOT NULL, label_de TEXT NOT NULL);\n"
    "INSERT INTO kik_task_states VALUES (0, 'open', 'offen'), (1, 'in_progress', 'in Arbeit'),\n"
    "  (2, 'done', 'erledigt'), (3, 'not_applicable', 'entfällt');\n";
/* clang-format off */
static const char v2_views[] =
    "CREATE VIEW plans AS SELECT name AS plan, created FROM kik_plans;\n"
    "CREATE VIEW snapshots AS\n"
    "  SELECT p.name AS plan, s.as_of, s.label, s.taken, s.author\n"
    "  FROM kik_snapshots s JOIN kik_plans p USING (plan_id);\n"
    "-- every state of every plan: its snapshots (snapshot: the as-of date) and its working state\n"
    "CREATE VIEW versions AS\n"
    "  SELECT p.plan_id, p.name AS plan, s.as_of AS snapshot, s.version, s.as_of, s.label\n"
    "  FROM kik_snapshots s JOIN kik_plans p USING (plan_id)\n"
    "  UNION ALL\n"
    "  SELECT p.plan_id, p.name, 'working', p.head, (SELECT i.value FROM kik_info i\n"
    "    WHERE i.plan_id = p.plan_id AND i.key = 'as_of' AND i.valid_to IS NULL), ''\n"
    "  FROM kik_plans p;\n"
    "CREATE VIEW fields AS\n"
    "  SELECT v.plan, v.snapshot, f.code AS field, f.name, f.pos AS position, f.published_waiting,\n"
    "    f.published_in_progress, f.published_implemented, f.published_total\n"
    "  FROM versions v JOIN kik_fields f ON f.plan_id = v.plan_id\n"
    "    AND f.valid_from <= v.version AND (f.valid_to IS NULL OR f.valid_to > v.version);\n"
    "CREATE VIEW goals AS\n"
    "  SELECT v.plan, v.snapshot, g.field, g.number AS goal, g.group_name, g.text, g.pos AS position\n"
    "  FROM versions v JOIN kik_goals g ON g.plan_id = v.plan_id\n"
    "    AND g.valid_from <= v.version AND (g.valid_to IS NULL OR g.valid_to > v.version);\n"
    "CREATE VIEW measures AS\n"
    "  SELECT v.plan, v.snapshot, m.field, m.goal, m.field || '-' || m.goal || '.' || m.sub AS measure,\n"
    "    m.goal || '.' || m.sub AS number, m.text, s.key AS status, r.key AS recorded, m.pos AS position\n"
    "  FROM versions v JOIN kik_measures m ON m.plan_id = v.plan_id\n"
    "    AND m.valid_from <= v.version AND (m.valid_to IS NULL OR m.valid_to > v.version)\n"
    "  JOIN kik_statuses s ON s.status = m.status JOIN kik_statuses r ON r.status = m.recorded;\n"
    "CREATE VIEW tasks AS\n"
    "  SELECT v.plan, v.snapshot, t.task_id, t.measure, substr(t.measure, 1, instr(t.measure, '-') - 1) AS field,\n"
    "    k.key AS kind, st.key AS state, t.title, coalesce(t.due, '') AS due, coalesce(t.owner, '') AS owner\n"
    "  FROM versions v JOIN kik_tasks t ON t.plan_id = v.plan_id\n"
    "    AND t.valid_from <= v.version AND (t.valid_to IS NULL OR t.valid_to > v.version)\n"
    "  JOIN kik_task_kinds k ON k.kind = t.kind JOIN kik_task_states st ON st.state = t.state;\n"
    "-- the counts of each field at each state (statuses as counted: derived from tasks where a\n"
    "-- measure has some); whole percentages come from kik_store_trend()\n"
    "CREATE VIEW field_counts AS\n"
    "  SELECT v.plan, v.snapshot, v.as_of, v.label, f.code AS field, f.name, f.pos AS position,\n"
    "    count(m.sub) AS measures, coalesce(sum(m.status = 0), 0) AS waiting,\n"
    "    coalesce(sum(m.status = 1), 0) AS in_progress, coalesce(sum(m.status = 2), 0) AS implemented\n"
    "  FROM versions v JOIN kik_fields f ON f.plan_id = v.plan_id\n"
    "    AND f.valid_from <= v.version AND (f.valid_to IS NULL OR f.valid_to > v.version)\n"
    "  LEFT JOIN kik_measures m ON m.plan_id = v.plan_id AND m.field = f.code\n"
    "    AND m.valid_from <= v.version AND (m.valid_to IS NULL OR m.valid_to > v.version)\n"
    "  GROUP BY v.plan_id, v.snapshot, f.code;\n"
    "CREATE VIEW changes AS\n"
    "  SELECT p.name AS plan, c.at, c.author, c.action, c.object, c.measure, c.task_id, c.what, c.old,\n"
    "    c.new, c.status, c.state, c.note\n"
    "  FROM kik_changes c JOIN kik_plans p USING (plan_id);\n";
/* clang-format on */

/* Version 3: the report's content (issue 22), a table per part and a view per table, as
 * every part has them. Lists are JSON arrays of strings (read them with json_each). The
 * report's title and office are two more keys of kik_info. */
static const char v3_tables[] =
    "CREATE TABLE kik_notes (\n"
    "  row_id INTEGER PRIMARY KEY, plan_id INTEGER NOT NULL,\n"
    "  valid_from INTEGER NOT NULL, valid_to INTEGER,\n"
    "  field TEXT NOT NULL, goal INTEGER NOT NULL,\n"
    "  sub INTEGER NOT NULL,         -- the measure's number in its goal; 0: the goal's own note\n"
    "  pos INTEGER NOT NULL,         -- place in the order the notes were first put\n"
    "  current_state TEXT, outlook TEXT  -- NULL: none\n"
    ");\n"
    "CREATE UNIQUE INDEX kik_notes_key ON kik_notes (plan_id, field, goal, sub, valid_from);\n"
    "CREATE TABLE kik_field_notes (\n"
    "  row_id INTEGER PRIMARY KEY, plan_id INTEGER NOT NULL,\n"
    "  valid_from INTEGER NOT NULL, valid_to INTEGER,\n"
    "  field TEXT NOT NULL,          -- '': a note of the plan as a whole\n"
    "  kind INTEGER NOT NULL,        -- 0 focus, 1 highlight, 2 outlook, 3 context\n"
    "  pos INTEGER NOT NULL,         -- place among the notes of its field and kind\n"
    "  seq INTEGER NOT NULL,         -- place among all field notes, in the order added\n"
    "  title TEXT,                   -- NULL: none\n"
    "  text TEXT NOT NULL\n"
    ");\n"
    "CREATE UNIQUE INDEX kik_field_notes_key ON kik_field_notes (plan_id, field, kind, pos, valid_from);\n"
    "CREATE TABLE kik_projects (\n"
    "  row_id INTEGER PRIMARY KEY, plan_id INTEGER NOT NULL,\n"
    "  valid_from INTEGER NOT NULL, valid_to INTEGER,\n"
    "  name TEXT NOT NULL,\n"
    "  pos INTEGER NOT NULL,         -- place in the order the projects were first put\n"
    "  field TEXT,                   -- the field it is shown under, or NULL\n"
    "  organisations TEXT NOT NULL,  -- JSON array of names\n"
    "  description TEXT, start TEXT, end TEXT,  -- NULL: none; YYYY, YYYY-MM or YYYY-MM-DD\n"
    "  measures TEXT NOT NULL,       -- JSON array of measure ids\n"
    "  goals TEXT NOT NULL           -- JSON array of goal ids (\"IO-6\")\n"
    ");\n"
    "CREATE UNIQUE INDEX kik_projects_key ON kik_projects (plan_id, name, valid_from);\n"
    "CREATE TABLE kik_timeline (\n"
    "  row_id INTEGER PRIMARY KEY, plan_id INTEGER NOT NULL,\n"
    "  valid_from INTEGER NOT NULL, valid_to INTEGER,\n"
    "  pos INTEGER NOT NULL,         -- place in the timeline (date order), the entry's key\n"
    "  date TEXT NOT NULL,           -- YYYY-MM-DD or YYYY-MM\n"
    "  until TEXT,                   -- the end of a range, or NULL\n"
    "  open INTEGER NOT NULL,        -- 1: a range that runs on\n"
    "  text TEXT NOT NULL,\n"
    "  fields TEXT NOT NULL          -- JSON array of field codes\n"
    ");\n"
    "CREATE UNIQUE INDEX kik_timeline_key ON kik_timeline (plan_id, pos, valid_from);\n"
    "CREATE TABLE kik_rounds (\n"
    "  row_id INTEGER PRIMARY KEY, plan_id INTEGER NOT NULL,\n"
    "  valid_from INTEGER NOT NULL, valid_to INTEGER,\n"
    "  name TEXT NOT NULL,\n"
    "  pos INTEGER NOT NULL,         -- place in the order the rounds were first put\n"
    "  date TEXT NOT NULL,           -- when it began: YYYY-MM-DD or YYYY-MM\n"
    "  until TEXT,                   -- when it ended, or NULL\n"
    "  open INTEGER NOT NULL,        -- 1: it runs on\n"
    "  fields TEXT NOT NULL,         -- JSON array of field codes\n"
    "  measures TEXT NOT NULL        -- JSON array of the measure ids prioritised\n"
    ");\n"
    "CREATE UNIQUE INDEX kik_rounds_key ON kik_rounds (plan_id, name, valid_from);\n"
    "CREATE TABLE kik_figures (\n"
    "  row_id INTEGER PRIMARY KEY, plan_id INTEGER NOT NULL,\n"
    "  valid_from INTEGER NOT NULL, valid_to INTEGER,\n"
    "  name TEXT NOT NULL, date TEXT NOT NULL,  -- the figure's identity; date YYYY-MM-DD\n"
    "  pos INTEGER NOT NULL,         -- place in the order the figures were first put\n"
    "  unit INTEGER NOT NULL,        -- 0 count, 1 percent\n"
    "  scaled INTEGER NOT NULL,      -- the value times 10^decimals, exact\n"
    "  decimals INTEGER NOT NULL,    -- 0 to 2\n"
    "  source TEXT, share_of TEXT    -- NULL: none\n"
    ");\n"
    "CREATE UNIQUE INDEX kik_figures_key ON kik_figures (plan_id, name, date, valid_from);\n"
    "CREATE TABLE kik_field_note_kinds (kind INTEGER PRIMARY KEY, key TEXT NOT NULL, label_de TEXT NOT NULL);\n"
    "INSERT INTO kik_field_note_kinds VALUES (0, 'focus', 'Schwerpunkt'), (1, 'highlight', 'Highlight'),\n"
    "  (2, 'outlook', 'Ausblick'), (3, 'context', 'Kontext');\n"
    "CREATE TABLE kik_figure_units (unit INTEGER PRIMARY KEY, key TEXT NOT NULL, label_de TEXT NOT NULL);\n"
    "INSERT INTO kik_figure_units VALUES (0, 'count', 'Anzahl'), (1, 'percent', 'Prozent');\n";
/* clang-format off */
static const char v3_views[] =
    "CREATE VIEW notes AS\n"
    "  SELECT v.plan, v.snapshot, n.field, n.field || '-' || n.goal AS goal,\n"
    "    CASE WHEN n.sub > 0 THEN n.field || '-' || n.goal || '.' || n.sub END AS measure,\n"
    "    coalesce(n.current_state, '') AS current_state, coalesce(n.outlook, '') AS outlook, n.pos AS position\n"
    "  FROM versions v JOIN kik_notes n ON n.plan_id = v.plan_id\n"
    "    AND n.valid_from <= v.version AND (n.valid_to IS NULL OR n.valid_to > v.version);\n"
    "CREATE VIEW field_notes AS\n"
    "  SELECT v.plan, v.snapshot, nullif(n.field, '') AS field, k.key AS kind, n.pos AS position,\n"
    "    coalesce(n.title, '') AS title, n.text, n.seq AS sequence\n"
    "  FROM versions v JOIN kik_field_notes n ON n.plan_id = v.plan_id\n"
    "    AND n.valid_from <= v.version AND (n.valid_to IS NULL OR n.valid_to > v.version)\n"
    "  JOIN kik_field_note_kinds k ON k.kind = n.kind;\n"
    "CREATE VIEW projects AS\n"
    "  SELECT v.plan, v.snapshot, p.name AS project, p.field, p.organisations,\n"
    "    coalesce(p.description, '') AS description, coalesce(p.start, '') AS start,\n"
    "    coalesce(p.end, '') AS end, p.measures, p.goals, p.pos AS position\n"
    "  FROM versions v JOIN kik_projects p ON p.plan_id = v.plan_id\n"
    "    AND p.valid_from <= v.version AND (p.valid_to IS NULL OR p.valid_to > v.version);\n"
    "CREATE VIEW timeline AS\n"
    "  SELECT v.plan, v.snapshot, t.date, coalesce(t.until, '') AS until, t.open, t.text, t.fields,\n"
    "    t.pos AS position\n"
    "  FROM versions v JOIN kik_timeline t ON t.plan_id = v.plan_id\n"
    "    AND t.valid_from <= v.version AND (t.valid_to IS NULL OR t.valid_to > v.version);\n"
    "CREATE VIEW rounds AS\n"
    "  SELECT v.plan, v.snapshot, r.name AS round, r.date AS began, coalesce(r.until, '') AS until, r.open,\n"
    "    r.fields, r.measures, r.pos AS position\n"
    "  FROM versions v JOIN kik_rounds r ON r.plan_id = v.plan_id\n"
    "    AND r.valid_from <= v.version AND (r.valid_to IS NULL OR r.valid_to > v.version);\n"
    "CREATE VIEW figures AS\n"
    "  SELECT v.plan, v.snapshot, f.name AS figure, f.date, u.key AS unit,\n"
    "    f.scaled * 1.0 / (CASE f.decimals WHEN 0 THEN 1 WHEN 1 THEN 10 ELSE 100 END) AS value,\n"
    "    f.decimals, coalesce(f.source, '') AS source, coalesce(f.share_of, '') AS share_of, f.pos AS position\n"
    "  FROM versions v JOIN kik_figures f ON f.plan_id = v.plan_id\n"
    "    AND f.valid_from <= v.version AND (f.valid_to IS NULL OR f.valid_to > v.version)\n"
    "  JOIN kik_figure_units u ON u.unit = f.unit;\n";
/* clang-format on */

/* The pieces of SQL (each within what C compilers must take) that make version k + 2 from
 * version k + 1: migrations[k]. */
static const char *const v2[] = { v2_log, v2_views, NULL };
static const char *const v3[] = { v3_tables, v3_views, NULL };
static const char *const *const migrations[] = { v2, v3 };
static const int latest = KIK_STORE_SCHEMA_VERSION;

int kik__store_migrate(sqlite3 *db, int from)
{
	char sql[64];
	int err;
	for (; from < latest; from++) {
		const char *const *piece;
		for (piece = migrations[from - 1]; *piece; piece++)
			if ((err = kik__sql_exec(db, *piece, "upgrading the store's schema")) < 0)
				return err;
	}
	snprintf(sql, sizeof(sql), "PRAGMA user_version = %d", latest);
	return kik__sql_exec(db, sql, "upgrading the store's schema");
}

typedef struct facts {
	int app_id, version, objects;
} facts;

/* Reads what tells a store apart, without writing: a file that is no database, or a
 * damaged one, fails here. */
static int read_facts(sqlite3 *db, facts *f)
{
	static const char sql[] = "SELECT (SELECT application_id FROM pragma_application_id),"
				  " (SELECT user_version FROM pragma_user_version),"
				  " (SELECT count(*) FROM sqlite_schema)";
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
	memset(f, 0, sizeof(*f));
	if (rc == SQLITE_OK) {
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW) {
			f->app_id = sqlite3_column_int(st, 0);
			f->version = sqlite3_column_int(st, 1);
			f->objects = sqlite3_column_int(st, 2);
			rc = SQLITE_OK;
		}
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_OK)
		return 0;
	if ((rc & 0xFF) == SQLITE_NOTADB || (rc & 0xFF) == SQLITE_CORRUPT)
		return kik__store_fail(KIK_ECORRUPT,
				       "not a store: the file is not an SQLite database, or a damaged one (%s)",
				       sqlite3_errmsg(db));
	return kik__store_sqlite(db, rc, "reading the store's header");
}

/* 0 when the facts are those of a store this libkik can use (or of an empty file,
 * *empty set), else the error. */
static int judge(const facts *f, int *empty)
{
	*empty = f->app_id == 0 && f->version == 0 && f->objects == 0;
	if (*empty)
		return 0;
	if (f->app_id != KIK__STORE_APP_ID)
		return kik__store_fail(KIK_ECORRUPT, "not a store: an SQLite database of another program");
	if (f->version > latest)
		return kik__store_fail(
		    KIK_EVERSION, "the store has schema version %d, written by a newer libkik: this one reads up to %d",
		    f->version, latest);
	if (f->version < 1)
		return kik__store_fail(KIK_ECORRUPT, "not a store: schema version %d", f->version);
	return 0;
}

static int create_or_upgrade(kik_store *s)
{
	facts f;
	char sql[64];
	int err, empty;
	if ((err = kik__store_begin(s, 1)) < 0)
		return err;
	/* again under the write lock: another process may have created or upgraded it */
	if ((err = read_facts(s->db, &f)) < 0 || (err = judge(&f, &empty)) < 0)
		goto fail;
	if (empty) {
		snprintf(sql, sizeof(sql), "PRAGMA application_id = %d", KIK__STORE_APP_ID);
		if ((err = kik__sql_exec(s->db, kik__store_schema_v1, "creating the store")) < 0 ||
		    (err = kik__sql_exec(s->db, sql, "creating the store")) < 0)
			goto fail;
		f.version = 1;
	}
	if (f.version < latest || empty) {
		if ((err = kik__store_migrate(s->db, f.version)) < 0)
			goto fail;
	}
	return kik__store_commit(s);
fail:
	kik__store_rollback(s);
	return err;
}

int kik__store_prepare_schema(kik_store *s)
{
	facts f;
	int err, empty;
	char sql[64];
	if ((err = read_facts(s->db, &f)) < 0 || (err = judge(&f, &empty)) < 0)
		return err;
	if (s->flags & KIK_STORE_READ_ONLY) {
		if (empty)
			return kik__store_fail(KIK_ECORRUPT,
					       "not a store: the file is empty (open it writable to make one)");
		if (f.version < latest)
			return kik__store_fail(
			    KIK_EVERSION, "the store has schema version %d: open it once writable to upgrade it to %d",
			    f.version, latest);
		return 0;
	}
	if (empty) {
		/* only a new file takes a page size; WAL lets readers read while one writes */
		snprintf(sql, sizeof(sql), "PRAGMA page_size = %d", KIK__STORE_PAGE_SIZE);
		if ((err = kik__sql_exec(s->db, sql, "creating the store")) < 0)
			return err;
	}
	if ((err = kik__sql_exec(s->db, "PRAGMA journal_mode = WAL", "opening the store")) < 0 ||
	    (err = kik__sql_exec(s->db, "PRAGMA synchronous = NORMAL", "opening the store")) < 0)
		return err;
	if (empty || f.version < latest)
		return create_or_upgrade(s);
	return 0;
}
