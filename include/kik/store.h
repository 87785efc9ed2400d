/**
 * @file kik/store.h
 * @brief Plans that persist: a store with history, in one SQLite database file.
 *
 * A store holds one or more plans, each under a name of its own (a state office
 * keeps many cities; a city its first and second concept). Each plan has a
 * **working state**, which saves, imports and edits change, and **snapshots**:
 * frozen copies of the working state at an as-of date ("2023-10-05"), with a
 * label and the time they were taken. Everything a kik_plan holds is stored:
 * name, date and rule, fields with aliases and published figures, groups,
 * goals, measures, tasks with their ids, and the report's content (kik/content.h).
 *
 * Every call that changes a store is one transaction: it is done whole or not
 * at all, also when the process is killed or the disk is full. Edits through
 * the store write an entry to the store's **change log** (when, who, what, old
 * and new value, note). The store answers questions across snapshots without
 * loading them: the history of a measure or task, the trend of the counts,
 * and the differences between two snapshots.
 *
 * The file is an ordinary SQLite database in WAL mode. Many processes may read
 * it while one writes; a writer waits up to the busy timeout for another
 * writer and then fails with KIK_EBUSY. Its schema and the SQL views meant for
 * analysts (`plans`, `snapshots`, `versions`, `fields`, `goals`, `measures`,
 * `tasks`, `field_counts`, `changes`, and for the report's content `notes`,
 * `field_notes`, `projects`, `timeline`, `rounds`, `figures`) are documented in the README and stay
 * stable; the schema version is the file's `PRAGMA user_version`, and opening
 * a store of an earlier version upgrades it.
 *
 * Naming: `plan` is the store's name of a plan. NULL names the store's only
 * plan (KIK_ENOTFOUND when it has none, KIK_EINVAL when it has several); a
 * call that writes into a store without plans creates one named "main".
 * `snapshot` names a snapshot by its as-of date or its label; NULL names the
 * working state where a call accepts it.
 *
 * Threads: calls on one store may come from several threads; the store runs
 * them one at a time. Distinct stores are independent, also when they are the
 * same file (then they wait for each other's locks like other processes).
 * Read-only calls take a `const kik_store *`.
 *
 * Memory: libkik's own allocations for a store (and the plans it loads) go
 * through the store's allocator. SQLite allocates through its own, process-wide
 * allocator, which libkik leaves as it is.
 */
#ifndef KIK_STORE_H
#define KIK_STORE_H

#include "kik/diff.h"
#include "kik/io.h"

KIK_BEGIN_DECL

/** A store. Open with kik_store_open(), free with kik_store_free(). */
typedef struct kik_store kik_store;

/** The schema version this libkik writes (the file's `PRAGMA user_version`). */
#define KIK_STORE_SCHEMA_VERSION 3

/** Flags of kik_store_options.flags. */
enum kik_store_flag {
	/**
	 * Open for reading only: calls that would change the store fail with
	 * KIK_EREADONLY. The file may be one the process cannot write.
	 */
	KIK_STORE_READ_ONLY = 1,
	/** Do not create a store: a missing file is KIK_EIO (`os_error` ENOENT). */
	KIK_STORE_MUST_EXIST = 2
};

/** Options of kik_store_open(). Initialise with KIK_STORE_OPTIONS_INIT. */
typedef struct kik_store_options {
	unsigned version; /**< KIK_STORE_OPTIONS_VERSION */
	unsigned flags;   /**< kik_store_flag bits, default 0 */
	/**
	 * How long a call waits for a lock another connection holds (a writer, or a
	 * checkpoint) before it fails with KIK_EBUSY, in milliseconds; default 5000.
	 * 0 fails at once.
	 */
	unsigned busy_timeout_ms;
	/**
	 * The allocator of what libkik allocates for the store and of the plans it
	 * loads (copied at open; its context must outlive the store and those plans).
	 * NULL: the C library's.
	 */
	const kik_allocator *allocator;
} kik_store_options;

/** The version of kik_store_options this header describes. */
#define KIK_STORE_OPTIONS_VERSION 1
/** The default store options. */
#define KIK_STORE_OPTIONS_INIT                                                                                         \
	{                                                                                                              \
		KIK_STORE_OPTIONS_VERSION, 0, 5000, NULL                                                               \
	}

/**
 * Who makes a change and why: written to the change log with every change.
 * Initialise with KIK_EDIT_INFO_INIT. Strings are copied.
 */
typedef struct kik_edit_info {
	unsigned version;   /**< KIK_EDIT_INFO_VERSION */
	const char *author; /**< who, as the caller names them (a login, a name); NULL for "" */
	const char *note;   /**< why, optional; NULL for none */
} kik_edit_info;

/** The version of kik_edit_info this header describes. */
#define KIK_EDIT_INFO_VERSION 1
/** No author and no note. */
#define KIK_EDIT_INFO_INIT                                                                                             \
	{                                                                                                              \
		KIK_EDIT_INFO_VERSION, NULL, NULL                                                                      \
	}

/** A snapshot to take. Initialise with KIK_SNAPSHOT_DESC_INIT. Strings are copied. */
typedef struct kik_snapshot_desc {
	unsigned version;  /**< KIK_SNAPSHOT_DESC_VERSION */
	const char *as_of; /**< the date the snapshot stands for, "YYYY-MM-DD"; NULL: the plan's own as-of date */
	const char *label; /**< e.g. "Zwischenbericht"; NULL for "" */
} kik_snapshot_desc;

/** The version of kik_snapshot_desc this header describes. */
#define KIK_SNAPSHOT_DESC_VERSION 1
/** A snapshot at the plan's own date, without a label. */
#define KIK_SNAPSHOT_DESC_INIT                                                                                         \
	{                                                                                                              \
		KIK_SNAPSHOT_DESC_VERSION, NULL, NULL                                                                  \
	}

/* ---- opening --------------------------------------------------------- */

/**
 * Opens the store in the file `path`, creating it when it does not exist (or
 * is empty) unless KIK_STORE_MUST_EXIST is set. ":memory:" opens a store that
 * lives in memory until freed. A store of an earlier schema version is
 * upgraded in one transaction (a read-only opening fails with KIK_EVERSION:
 * open it once writable to upgrade it). Opened read-only where the shared
 * memory beside the file cannot be made (its directory is not writable), the
 * file is read as it lies, and a call fails with KIK_EBUSY once a writer has
 * changed it (open it again).
 * `options` may be NULL for the defaults.
 *
 * A file that is not a store is never changed: it fails with KIK_ECORRUPT
 * (another SQLite database, or a damaged or truncated one, or no database at
 * all) or KIK_EVERSION (a store written by a newer libkik), and stays
 * byte-identical.
 *
 * Returns 0 with `*out` set (free it with kik_store_free()), KIK_EINVAL (NULL
 * `out` or `path`, `path` not UTF-8, bad options), KIK_EIO (the file cannot be
 * opened or created; `os_error` says why), KIK_ECORRUPT, KIK_EVERSION,
 * KIK_EBUSY (another process holds the lock needed to create or upgrade it)
 * or KIK_ENOMEM.
 */
KIK_EXTERN(int) kik_store_open(kik_store **out, const char *path, const kik_store_options *options);

/** Closes a store and frees everything that belongs to it. Accepts NULL. */
KIK_EXTERN(void) kik_store_free(kik_store *store);

/* ---- plans ------------------------------------------------------------ */

/** A list of names, owned by the caller. Free with kik_string_list_free(). */
typedef struct kik_string_list kik_string_list;
/** Frees a list of names. Accepts NULL. */
KIK_EXTERN(void) kik_string_list_free(kik_string_list *list);
/** The number of names (0 for NULL). */
KIK_EXTERN(size_t) kik_string_list_count(const kik_string_list *list);
/** The i-th name; NULL if out of range. Valid until the list is freed. */
KIK_EXTERN(const char *) kik_string_list_get(const kik_string_list *list, size_t i);

/**
 * Adds an empty plan named `plan` (not empty, UTF-8). A store numbers its plans
 * up to 32,767. Returns 0, KIK_EINVAL,
 * KIK_EEXISTS, KIK_ELIMIT (no number left), KIK_EREADONLY, KIK_EBUSY, KIK_EIO or
 * KIK_ENOMEM.
 */
KIK_EXTERN(int) kik_store_add_plan(kik_store *store, const char *plan);

/**
 * Removes the plan `plan` with its working state, snapshots and change log.
 * Returns 0, KIK_EINVAL, KIK_ENOTFOUND, KIK_EREADONLY, KIK_EBUSY, KIK_EIO or
 * KIK_ENOMEM.
 */
KIK_EXTERN(int) kik_store_remove_plan(kik_store *store, const char *plan);

/**
 * The names of the store's plans, in the order they were added. Returns 0 with
 * `*out` set, KIK_EINVAL, KIK_ECORRUPT, KIK_EBUSY, KIK_EIO or KIK_ENOMEM.
 */
KIK_EXTERN(int) kik_store_list_plans(const kik_store *store, kik_string_list **out);

/* ---- saving and loading ---------------------------------------------- */

/**
 * Saves `p` as the working state of `plan` (created when the store has no plan
 * of that name). What is unchanged since the last save is not written again.
 * `info` (may be NULL) names who saved; the save is an entry of the change
 * log. Returns 0, KIK_EINVAL, KIK_EREADONLY, KIK_EBUSY, KIK_EIO (disk full:
 * `os_error` ENOSPC), KIK_ECORRUPT or KIK_ENOMEM.
 */
KIK_EXTERN(int) kik_store_save(kik_store *store, const char *plan, const kik_plan *p, const kik_edit_info *info);

/**
 * Saves `p` as a new snapshot of `plan`, as described by `snap` (NULL: at the
 * plan's own as-of date, no label); the working state stays as it is. The
 * snapshot costs what `p` differs from the working state. Returns 0,
 * KIK_EINVAL (no as-of date, or not a date), KIK_EEXISTS (the plan has a
 * snapshot of that date), and the errors of kik_store_save().
 */
KIK_EXTERN(int)
kik_store_save_snapshot(kik_store *store, const char *plan, const kik_plan *p, const kik_snapshot_desc *snap,
			const kik_edit_info *info);

/**
 * Takes a snapshot of the working state of `plan` as described by `snap` (NULL:
 * at the working state's as-of date, no label). Costs nothing in proportion to
 * the plan: later changes are what is written. Returns 0, KIK_EINVAL,
 * KIK_ENOTFOUND, KIK_EEXISTS (a snapshot of that date exists), KIK_EREADONLY,
 * KIK_EBUSY, KIK_EIO or KIK_ENOMEM.
 */
KIK_EXTERN(int)
kik_store_snapshot(kik_store *store, const char *plan, const kik_snapshot_desc *snap, const kik_edit_info *info);

/**
 * Removes the snapshot `snapshot` of `plan`; what only it held is deleted.
 * Returns 0, KIK_EINVAL, KIK_ENOTFOUND, KIK_EREADONLY, KIK_EBUSY, KIK_EIO or
 * KIK_ENOMEM.
 */
KIK_EXTERN(int)
kik_store_remove_snapshot(kik_store *store, const char *plan, const char *snapshot, const kik_edit_info *info);

/**
 * Loads the working state of `plan` (`snapshot` NULL) or one of its snapshots
 * into a new plan, allocated through the store's allocator. The plan is equal
 * to the one saved: task ids, the order tasks were added in and each measure's
 * order of tasks included; a snapshot's plan has the snapshot's as-of date.
 * Returns 0 with `*out` set (free it with kik_plan_free()), KIK_EINVAL,
 * KIK_ENOTFOUND (no such plan or snapshot), KIK_ECORRUPT (the stored rows do
 * not make a plan), KIK_EBUSY, KIK_EIO or KIK_ENOMEM.
 */
KIK_EXTERN(int) kik_store_load(const kik_store *store, const char *plan, const char *snapshot, kik_plan **out);

/**
 * Imports a file into the working state of `plan` (created when missing), as
 * kik_plan_import_file() imports into a plan, and saves the result; all or
 * nothing: a file that fails to import leaves the store as it was, and the
 * error names its file, line and column. Returns 0, the errors of
 * kik_plan_import_file() and those of kik_store_save().
 */
KIK_EXTERN(int)
kik_store_import_file(kik_store *store, const char *plan, kik_import_kind kind, const char *path,
		      const kik_import_options *options, const kik_edit_info *info);

/* ---- snapshots ---------------------------------------------------------- */

/** The snapshots of a plan. Free with kik_snapshot_list_free(). */
typedef struct kik_snapshot_list kik_snapshot_list;
/** One snapshot of a list, owned by it. */
typedef struct kik_snapshot kik_snapshot;

/**
 * The snapshots of `plan` by as-of date (then by the time taken). Returns 0
 * with `*out` set, KIK_EINVAL, KIK_ENOTFOUND, KIK_EBUSY, KIK_EIO or KIK_ENOMEM.
 */
KIK_EXTERN(int) kik_store_list_snapshots(const kik_store *store, const char *plan, kik_snapshot_list **out);
/** Frees a list of snapshots. Accepts NULL. */
KIK_EXTERN(void) kik_snapshot_list_free(kik_snapshot_list *list);
/** The number of snapshots (0 for NULL). */
KIK_EXTERN(size_t) kik_snapshot_list_count(const kik_snapshot_list *list);
/** The i-th snapshot; NULL if out of range. */
KIK_EXTERN(const kik_snapshot *) kik_snapshot_list_get(const kik_snapshot_list *list, size_t i);
/** The as-of date, "YYYY-MM-DD"; NULL for NULL. */
KIK_EXTERN(const char *) kik_snapshot_as_of(const kik_snapshot *snapshot);
/** The label ("" if none); NULL for NULL. */
KIK_EXTERN(const char *) kik_snapshot_label(const kik_snapshot *snapshot);
/** When it was taken, UTC "YYYY-MM-DDTHH:MM:SSZ"; NULL for NULL. */
KIK_EXTERN(const char *) kik_snapshot_taken(const kik_snapshot *snapshot);
/** Who took it ("" if not named); NULL for NULL. */
KIK_EXTERN(const char *) kik_snapshot_author(const kik_snapshot *snapshot);

/* ---- edits of the working state ----------------------------------------
 * Each edit changes the working state of `plan` as the kik_plan call of the
 * same name changes a plan (with the same checks and errors), writes what it
 * changed, and adds an entry to the change log: when, `info`'s author and
 * note, what, the old and the new value. Besides the errors of the plan call,
 * each returns KIK_ENOTFOUND (no such plan), KIK_EREADONLY, KIK_EBUSY,
 * KIK_EIO or KIK_ENOMEM. The first edit of a store handle loads the working
 * state; later ones cost what they change (a change by another connection
 * makes the next edit load it again).
 */

/** Sets the state of the task with id `id`, as kik_plan_set_task_state(). */
KIK_EXTERN(int)
kik_store_set_task_state(kik_store *store, const char *plan, unsigned long id, kik_task_state state,
			 const kik_edit_info *info);

/** Adds a task, as kik_plan_add_task(); `*id` (when `id` is not NULL) receives its id. */
KIK_EXTERN(int)
kik_store_add_task(kik_store *store, const char *plan, const kik_task_desc *desc, const kik_edit_info *info,
		   unsigned long *id);

/** Replaces the values of the task with id `id`, as kik_plan_update_task(). */
KIK_EXTERN(int)
kik_store_update_task(kik_store *store, const char *plan, unsigned long id, const kik_task_desc *desc,
		      const kik_edit_info *info);

/** Removes the task with id `id`, as kik_plan_remove_task(). */
KIK_EXTERN(int) kik_store_remove_task(kik_store *store, const char *plan, unsigned long id, const kik_edit_info *info);

/** Adds a measure, as kik_plan_add_measure(). */
KIK_EXTERN(int)
kik_store_add_measure(kik_store *store, const char *plan, const kik_measure_desc *desc, const kik_edit_info *info);

/** Adds or updates a measure, as kik_plan_put_measure(). */
KIK_EXTERN(int)
kik_store_put_measure(kik_store *store, const char *plan, const kik_measure_desc *desc, const kik_edit_info *info);

/** Removes the measure `id` ("SB-4.6") with its tasks, as kik_plan_remove_measure(). */
KIK_EXTERN(int) kik_store_remove_measure(kik_store *store, const char *plan, const char *id, const kik_edit_info *info);

/**
 * Sets the recorded status of the measure `id` ("SB-4.6"), as
 * kik_plan_set_recorded_status(); `*counted` (when not NULL) receives the status
 * that counts afterwards.
 */
KIK_EXTERN(int)
kik_store_set_recorded_status(kik_store *store, const char *plan, const char *id, kik_status status,
			      kik_status *counted, const kik_edit_info *info);

/* ---- history and the change log ------------------------------------------ */

/** Where an entry of a history comes from. */
typedef enum kik_history_source {
	KIK_HISTORY_INVALID = -1, /**< none: what getters return for NULL */
	KIK_HISTORY_SNAPSHOT = 0, /**< a snapshot: the object as it was at the snapshot's date */
	KIK_HISTORY_CHANGE = 1,   /**< an entry of the change log */
	KIK_HISTORY_WORKING = 2   /**< the working state: the object as it is now (a history's last entry) */
} kik_history_source;

/** Entries of a history or of the change log, in time order. Free with kik_history_free(). */
typedef struct kik_history kik_history;
/** One entry, owned by its kik_history. */
typedef struct kik_history_entry kik_history_entry;

/**
 * The history of one object of `plan`: a measure (`object` its id, "SB-4.6")
 * or a task (`object` its id as a number, "17"): its status (a measure's, as
 * counted) or state (a task's) at every snapshot, and every change-log entry
 * about it (for a measure, also the edits of its tasks), ordered by time
 * (a snapshot's time is its as-of date), and last its status or state in the
 * working state (KIK_HISTORY_WORKING, at the time of the plan's last change-log
 * entry; its value NULL when the working state no longer has it). Returns 0 with `*out` set,
 * KIK_EINVAL, KIK_ENOTFOUND (no such plan, or the object is in no snapshot, in
 * the working state nor in the log), KIK_EBUSY, KIK_EIO or KIK_ENOMEM.
 */
KIK_EXTERN(int) kik_store_history(const kik_store *store, const char *plan, const char *object, kik_history **out);

/**
 * The change log of `plan`, oldest first: every edit, save, import and
 * snapshot. Returns 0 with `*out` set, KIK_EINVAL, KIK_ENOTFOUND, KIK_EBUSY,
 * KIK_EIO or KIK_ENOMEM.
 */
KIK_EXTERN(int) kik_store_log(const kik_store *store, const char *plan, kik_history **out);

/** Frees a history. Accepts NULL. */
KIK_EXTERN(void) kik_history_free(kik_history *history);
/** The number of entries (0 for NULL). */
KIK_EXTERN(size_t) kik_history_count(const kik_history *history);
/** The i-th entry; NULL if out of range. */
KIK_EXTERN(const kik_history_entry *) kik_history_get(const kik_history *history, size_t i);

/** A snapshot or a change; KIK_HISTORY_INVALID for NULL. */
KIK_EXTERN(kik_history_source) kik_history_entry_source(const kik_history_entry *entry);
/**
 * When: a snapshot's as-of date "YYYY-MM-DD", or a change's time, UTC
 * "YYYY-MM-DDTHH:MM:SSZ". NULL for NULL.
 */
KIK_EXTERN(const char *) kik_history_entry_time(const kik_history_entry *entry);
/** A snapshot's label, "" for a change or the working state; NULL for NULL. */
KIK_EXTERN(const char *) kik_history_entry_label(const kik_history_entry *entry);
/** Who made the change ("" if not named, and for a snapshot the one who took it); NULL for NULL. */
KIK_EXTERN(const char *) kik_history_entry_author(const kik_history_entry *entry);
/**
 * What was done: for a change "set_task_state", "add_task", "update_task",
 * "remove_task", "add_measure", "put_measure", "remove_measure",
 * "set_recorded_status", "save",
 * "save_snapshot", "import", "snapshot" or "remove_snapshot"; for a snapshot
 * entry "snapshot", for the working state's "working". NULL for NULL.
 */
KIK_EXTERN(const char *) kik_history_entry_action(const kik_history_entry *entry);
/** The object concerned: a measure's id, a task's id as a number, a snapshot's date; "" for none. NULL for NULL. */
KIK_EXTERN(const char *) kik_history_entry_object(const kik_history_entry *entry);
/** The measure concerned (a task's measure for task edits), or "" if none; NULL for NULL. */
KIK_EXTERN(const char *) kik_history_entry_measure(const kik_history_entry *entry);
/** The value changed: "state", "status", "recorded", "task", "measure", ... ("" if none); NULL for NULL. */
KIK_EXTERN(const char *) kik_history_entry_what(const kik_history_entry *entry);
/** The old value as text, or NULL when there was none (an object added) or for NULL. */
KIK_EXTERN(const char *) kik_history_entry_old(const kik_history_entry *entry);
/** The new value as text, or NULL when there is none (an object removed) or for NULL. */
KIK_EXTERN(const char *) kik_history_entry_new(const kik_history_entry *entry);
/** The note given with the change ("" if none); NULL for NULL. */
KIK_EXTERN(const char *) kik_history_entry_note(const kik_history_entry *entry);
/**
 * In a history: the object's status (a measure's, as counted) or state (a
 * task's) key after this entry ("implemented", "done"), or NULL when it did not
 * exist then. In the change log: the counted status of the measure concerned
 * after the change, or NULL. NULL for NULL.
 */
KIK_EXTERN(const char *) kik_history_entry_value(const kik_history_entry *entry);

/* ---- trend -------------------------------------------------------------- */

/** What a row of a trend counts. */
typedef enum kik_trend_scope {
	KIK_TREND_INVALID = -1, /**< none: what getters return for NULL */
	KIK_TREND_PLAN = 0,     /**< the whole plan */
	KIK_TREND_FIELD = 1,    /**< one field of action */
	KIK_TREND_GOAL = 2      /**< one goal */
} kik_trend_scope;

/** Counts at every snapshot. Free with kik_trend_free(). */
typedef struct kik_trend kik_trend;
/** One row of a trend, owned by it. */
typedef struct kik_trend_row kik_trend_row;

/**
 * The counts of `plan` at every snapshot, in as-of order: for each snapshot a
 * row for the plan, then one per field in the field order of that snapshot,
 * then one per goal in document order; each with the number of measures, the
 * count of each status (as counted: derived from tasks where a measure has
 * some) and the whole percentages that add up to 100, as kik_percentages()
 * computes them. One query, without loading the snapshots. Returns 0 with
 * `*out` set, KIK_EINVAL, KIK_ENOTFOUND, KIK_EBUSY, KIK_EIO or KIK_ENOMEM.
 */
KIK_EXTERN(int) kik_store_trend(const kik_store *store, const char *plan, kik_trend **out);
/** Frees a trend. Accepts NULL. */
KIK_EXTERN(void) kik_trend_free(kik_trend *trend);
/** The number of rows (0 for NULL). */
KIK_EXTERN(size_t) kik_trend_count(const kik_trend *trend);
/** The i-th row; NULL if out of range. */
KIK_EXTERN(const kik_trend_row *) kik_trend_get(const kik_trend *trend, size_t i);
/** The snapshot's as-of date; NULL for NULL. */
KIK_EXTERN(const char *) kik_trend_row_as_of(const kik_trend_row *row);
/** The snapshot's label ("" if none); NULL for NULL. */
KIK_EXTERN(const char *) kik_trend_row_label(const kik_trend_row *row);
/** The plan, a field or a goal; KIK_TREND_INVALID for NULL. */
KIK_EXTERN(kik_trend_scope) kik_trend_row_scope(const kik_trend_row *row);
/** The field's code for FIELD and GOAL rows, "" for PLAN rows; NULL for NULL. */
KIK_EXTERN(const char *) kik_trend_row_field(const kik_trend_row *row);
/** The goal's number for GOAL rows, else 0. */
KIK_EXTERN(unsigned) kik_trend_row_goal(const kik_trend_row *row);
/** The number of measures counted (0 for NULL). */
KIK_EXTERN(size_t) kik_trend_row_measures(const kik_trend_row *row);
/** The number of measures of a status (0 for NULL or a status out of range). */
KIK_EXTERN(size_t) kik_trend_row_count(const kik_trend_row *row, kik_status status);
/** The whole percentage of a status (the three add up to 100; all 0 without measures). */
KIK_EXTERN(unsigned) kik_trend_row_percent(const kik_trend_row *row, kik_status status);

/* ---- differences ---------------------------------------------------------- */

/**
 * The differences between two states of `plan`: `from` and `to` each name a
 * snapshot, or NULL the working state. The result is kik_plan_diff() of the
 * two loaded plans. Returns 0 with `*out` set (free it with kik_diff_free()),
 * KIK_EINVAL, KIK_ENOTFOUND, KIK_EBUSY, KIK_EIO or KIK_ENOMEM.
 */
KIK_EXTERN(int)
kik_store_diff(const kik_store *store, const char *plan, const char *from, const char *to, kik_diff **out);

KIK_END_DECL

#endif
