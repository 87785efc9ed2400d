/* What the store's files share: the handle, SQL helpers, errors, and the parts of the
 * model as rows.
 *
 * Every part of the model (plan information, fields, aliases, groups, goals, measures,
 * tasks) is a table with the same four leading columns: plan_id, the part's key, and
 * the range of versions a row is valid for, [valid_from, valid_to), valid_to NULL while
 * the row is in the working state. A plan's working state has the version plans.head;
 * a snapshot freezes that version (snapshots.version) and moves head on, so taking a
 * snapshot writes nothing else, and a later change closes the old row and adds a new one:
 * the rows of a version are those valid at it, and snapshots cost what changed. */
#ifndef KIK_STORE_INTERNAL_H
#define KIK_STORE_INTERNAL_H

#include "internal.h"

#include <pthread.h>
#include <sys/stat.h>
#include <sqlite3.h>

struct kik_store {
	sqlite3 *db;
	kik_allocator alloc;
	unsigned flags;
	/* Every call holds it: one SQLite connection runs one transaction at a time. */
	pthread_mutex_t lock;
	/* The working state the edits apply to (see store_edit.c), NULL when not loaded. */
	kik_plan *work;
	int64_t work_plan_id;
	int64_t work_data_version; /* PRAGMA data_version when it was last in step */
	/* Opened as an immutable file (read-only, where the shared memory beside a WAL
	 * database cannot be made): SQLite then takes no locks, so every read checks that
	 * the file is still as it was when opened (store_open.c). */
	char *immutable_path;
	struct stat immutable_seen;
};

/* ---- store_error.c: errors -------------------------------------------------- */
/* Records an error for kik_error_last() and returns `code` (kik__error_set() without a
 * plan or a position). */
int kik__store_fail(int code, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* The same with the operating system's errno (KIK_EIO). */
int kik__store_fail_os(int code, int os_error, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
/* Records the error of a failed SQLite call `rc` on `db` (what was being done: `what`)
 * and returns the kik code it maps to. */
int kik__store_sqlite(sqlite3 *db, int rc, const char *what);
/* Forgets the calling thread's error: the call succeeded. */
void kik__store_ok(void);

/* ---- store_open.c: SQL and transactions ------------------------------------ */
/* The bits of a value, as stored: NULL, an integer or a text. */
enum { KIK__NULL = 0, KIK__INT = 1, KIK__TEXT = 2 };
typedef struct kik__val {
	int type;
	int64_t i;
	const char *s; /* KIK__TEXT: NUL-terminated */
} kik__val;

/* Values a part's row is made of. */
static inline kik__val kik__text_val(const char *s)
{
	kik__val v = { KIK__TEXT, 0, s };
	return v;
}
static inline kik__val kik__int_val(int64_t i)
{
	kik__val v = { KIK__INT, i, NULL };
	return v;
}
static inline kik__val kik__null_val(void)
{
	kik__val v = { KIK__NULL, 0, NULL };
	return v;
}
/* "" is stored as NULL: an absent value. */
static inline kik__val kik__opt_val(const char *s)
{
	return s && *s ? kik__text_val(s) : kik__null_val();
}

int kik__sql_prepare(sqlite3 *db, const char *sql, sqlite3_stmt **st);
/* Steps a statement: 1 for a row, 0 when done, or an error recorded (what: `what`). */
int kik__sql_step(sqlite3 *db, sqlite3_stmt *st, const char *what);
int kik__sql_exec(sqlite3 *db, const char *sql, const char *what);
/* Binds v at parameter i (texts are not copied: they must outlive the step). */
int kik__sql_bind(sqlite3_stmt *st, int i, const kik__val *v);
/* Whether column `col` of the current row holds the value v. */
int kik__sql_same(sqlite3_stmt *st, int col, const kik__val *v);
/* Text of a column, "" for NULL. */
const char *kik__sql_text(sqlite3_stmt *st, int col);

/* A transaction: `write` takes the write lock at once (waiting up to the busy timeout). */
int kik__store_begin(kik_store *s, int write);
int kik__store_commit(kik_store *s);
void kik__store_rollback(kik_store *s);
/* 0, or KIK_EBUSY (recorded) when a store opened as an immutable file is no longer as it
 * was when opened (a writer came): what is read from it may be torn. */
int kik__store_unchanged(const kik_store *s);
/* Ends a read transaction begun by kik__store_begin(s, 0): `err`, or KIK_EBUSY when an
 * immutable store's file changed while it was read. */
int kik__store_end_read(kik_store *s, int err);
/* Locks the handle for one call and checks it; unlock with kik__store_leave. */
int kik__store_enter(const kik_store *store, int write);
void kik__store_leave(const kik_store *store);

/* The id and working version of plan `name` (NULL: the only one). With `create`, a
 * missing plan is added (named "main" for NULL). */
int kik__store_find_plan(kik_store *s, const char *name, int create, int64_t *plan_id, int64_t *head);
/* The version of snapshot `ref` (an as-of date or a label), or the head for NULL. */
int kik__store_find_version(kik_store *s, int64_t plan_id, const char *ref, int64_t *version);
/* The current UTC time, "YYYY-MM-DDTHH:MM:SSZ". */
void kik__store_now(char out[32]);
/* Whether `s` is NULL or valid UTF-8. */
int kik__utf8_ok(const char *s);

/* ---- store_schema.c --------------------------------------------------------- */
/* Checks that the open file is a store (or empty) without writing, then creates or
 * upgrades its schema unless read-only. */
int kik__store_prepare_schema(kik_store *s);
/* The schema of version 1 (kept for tests that make a store of that version). */
extern const char kik__store_schema_v1[];
/* Runs the migrations from `from` up to KIK_STORE_SCHEMA_VERSION (in the caller's
 * transaction). */
int kik__store_migrate(sqlite3 *db, int from);

/* ---- store_parts.c: the model as rows ---------------------------------------
 * A part describes one table: its columns (key columns first), how to walk the items a
 * plan has (a cursor), the row of an item, the item a stored key names, and how a
 * loaded row goes back into a plan. A new part of the model comes in as a table added
 * by a migration and a part here (see the README, "Schema"). */
enum { KIK__MAX_COLUMNS = 12 };
/* Row ids. A plan's rows in a part's table lie in one range, from plan_id << KIK__ROW_SHIFT
 * on, in the order written. In a keyed part (tasks), the first row of the item with key k
 * is at k within that range, and every later row (a changed item's) comes from
 * KIK__LATER_ROWS on, in the order written, found through the index <table>_later. */
#define KIK__ROW_SHIFT 48
#define KIK__LATER_ROWS ((int64_t)1 << 40)
/* The highest plan id: plan_id << KIK__ROW_SHIFT must stay below 2^63. */
#define KIK__MAX_PLAN_ID ((int64_t)32767)
/* The condition of the later rows (the WHERE of the index <table>_later, word for word). */
#define KIK__LATER_CONDITION "(row_id & 281474976710655) >= 1099511627776"
/* The first row id of a plan, and its last. */
static inline int64_t kik__plan_rows(int64_t plan_id)
{
	return plan_id << KIK__ROW_SHIFT;
}
static inline int64_t kik__plan_rows_end(int64_t plan_id)
{
	return ((plan_id + 1) << KIK__ROW_SHIFT) - 1;
}

/* Texts a row makes (a list as JSON), kept until the walk's next row. */
typedef struct kik__row_texts {
	const kik_allocator *alloc;
	kik__buf buf;
} kik__row_texts;

typedef struct kik__cursor {
	const kik_plan *plan;
	size_t i, j, k; /* the walk's position: field i, its goal j, the goal's measure k */
	const void *item;
	/* what the walk is limited to (NULL: everything) */
	const kik_field *field;
	const kik_goal *goal;
	char scratch[32];      /* a number a row shows as text */
	kik__row_texts *texts; /* set by the sync for the parts whose rows make texts */
} kik__cursor;

struct kik__builder;

typedef struct kik__part {
	const char *table;
	const char *columns; /* "code, pos, name": the key columns first */
	int keys, count;
	const char *load_order;   /* ORDER BY of a load, or NULL for the key's order */
	const char *field_column; /* the column a walk limited to a field compares, or NULL */
	const char *goal_column;  /* the same for a goal */
	/* 1: the key is one number below KIK__LATER_ROWS, the row id of an item's first row
	 * (see KIK__LATER_ROWS): no index needs to be built for a large new plan */
	int keyed;
	/* Moves to the next item (the first when c->item is NULL): 1, or 0 at the end. */
	int (*next)(kik__cursor *c);
	/* The values of c->item, in the order of `columns`: 0, or KIK_ENOMEM. */
	int (*row)(kik__cursor *c, kik__val *vals);
	/* Points the cursor at the item with this key (the values of the key columns): 1, or 0
	 * when the plan has none. */
	int (*find)(kik__cursor *c, const kik__val *key);
	/* Adds a loaded row (columns 0.. of st in the order of `columns`) to the plan built. */
	int (*apply)(struct kik__builder *b, sqlite3_stmt *st);
	/* 1: its rows go into the finished plan, through the API (the report's content, which
	 * names measures and goals), after the model's parts are built */
	int finished_plan;
} kik__part;

extern const kik__part kik__part_info, kik__part_fields, kik__part_aliases, kik__part_groups, kik__part_goals,
    kik__part_measures, kik__part_tasks;
/* The report's content (store_content.c). */
extern const kik__part kik__part_notes, kik__part_field_notes, kik__part_projects, kik__part_timeline, kik__part_rounds,
    kik__part_figures;
/* Checks what the content's rows could not check one by one (after they are loaded). */
int kik__content_loaded(const kik_plan *plan);
/* Every part, in the order a plan is loaded. */
extern const kik__part *const kik__parts[];
extern const size_t kik__part_count;

/* ---- store_rows.c: the items of a part as a table SQLite reads ---------------- */
typedef struct kik__rows_source {
	const kik__part *part;
	kik__cursor scope; /* the walk, and what it is limited to */
	/* keyed parts: the column "r" gives the first row's id (first_rows + the key), or NULL
	 * where that is the one after the highest so far (SQLite then numbers it, the table's
	 * last + 1, appending without a search); with `number` 0, always the id */
	int64_t first_rows;
	int number;
	/* items left out: those with a stored row already (NULL: none) */
	int (*skip)(const void *ctx, const void *item);
	const void *skip_ctx;
} kik__rows_source;
/* Registers kik_rows on a store's connection. */
int kik__rows_register(sqlite3 *db);
/* Binds a source as the argument of kik_rows(?i). */
int kik__rows_bind(sqlite3_stmt *st, int i, const kik__rows_source *source);

/* ---- store_sync.c: writing a plan's items as rows ---------------------------- */
typedef struct kik__sync {
	kik_store *store;
	int64_t plan_id, head;
	/* what the writes did, for the change log */
	unsigned long added, changed, removed;
} kik__sync;
/* Makes the rows of the working state of part `part` equal to the items of c->plan, limited
 * to c->field and c->goal when set. */
int kik__sync_part(kik__sync *sync, const kik__part *part, const kik__cursor *scope);
/* All parts of the plan. */
int kik__sync_plan(kik__sync *sync, const kik_plan *plan);
/* Makes the working-state row of the item c->item equal to it. */
int kik__sync_item(kik__sync *sync, const kik__part *part, const kik__cursor *c);
/* Closes the working-state row with this key (the key's values in `key`). */
int kik__sync_drop(kik__sync *sync, const kik__part *part, const kik__val *key);
/* `select` (ending in "WHERE ... AND ") followed by the condition that finds every row of
 * one key, whose values kik__bind_key binds. */
int kik__key_rows_sql(const kik__part *p, const char *select, char *out, size_t cap);
int kik__bind_key(sqlite3_stmt *st, const kik__part *p, int64_t plan_id, const kik__val *key);

/* ---- store_build.c: building a plan from rows (the library's internals) ------ */
typedef struct kik__builder {
	kik_allocator alloc;
	kik_plan *plan;
	/* the field and measure of the last row: rows come grouped by them */
	kik_field *field;
	kik_measure *measure;
	int reorder; /* goals or measures came in another order than their places */
	unsigned long last_task_id;
	uint32_t *task_pos; /* each task's place in its measure's list, by its position */
	size_t task_pos_len;
} kik__builder;
int kik__build_start(kik__builder *b, const kik_allocator *a);
int kik__build_info(kik__builder *b, const char *key, const char *value);
int kik__build_field(kik__builder *b, const char *code, const char *name, const size_t *published, size_t total);
int kik__build_alias(kik__builder *b, const char *field, const char *alias);
int kik__build_group(kik__builder *b, const char *field, const char *name);
int kik__build_goal(kik__builder *b, const char *field, unsigned number, unsigned pos, const char *group,
		    const char *text);
int kik__build_measure(kik__builder *b, const char *field, unsigned goal, unsigned sub, unsigned pos, const char *text,
		       kik_status recorded);
int kik__build_task(kik__builder *b, uint32_t id, uint32_t seq, uint32_t pos, const char *measure, kik_task_kind kind,
		    kik_task_state state, const char *title, const char *due, const char *owner);
/* Completes the plan: the measures' places, task lists, derived statuses. Gives it to
 * *out; the builder is empty afterwards either way. */
int kik__build_finish(kik__builder *b, kik_plan **out);
void kik__build_free(kik__builder *b);

/* ---- store_load.c ------------------------------------------------------------- */
/* Loads the rows of `plan_id` valid at `version` into a new plan. */
int kik__store_load_version(kik_store *s, int64_t plan_id, int64_t version, kik_plan **out);

/* ---- store_edit.c: the change log ------------------------------------------------ */
typedef struct kik__log_entry {
	const char *action, *object, *measure, *what;
	const char *old_value, *new_value; /* NULL: none */
	const char *status, *state;        /* the measure's status and the task's state after, or NULL */
	unsigned long task_id;
} kik__log_entry;
/* Appends an entry to the change log of plan_id (in the caller's transaction). */
int kik__store_log(kik_store *s, int64_t plan_id, int64_t version, const kik_edit_info *info,
		   const kik__log_entry *entry);
/* Checks edit info: NULL or a known version with UTF-8 strings. */
int kik__check_edit_info(const kik_edit_info *info);
/* The working state of plan_id, loaded for edits (in the caller's transaction) or kept
 * from the last edit when no other connection changed the store since. */
int kik__store_work(kik_store *s, int64_t plan_id, int64_t head, kik_plan **out);
/* Forgets the working state loaded for edits (after a save, or a failed change). */
void kik__store_forget_work(kik_store *s);

#endif
