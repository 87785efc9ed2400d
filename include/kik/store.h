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
 * goals, measures, and tasks with their ids.
 *
 * Every call that changes a store is one transaction: it is done whole or not
 * at all, also when the process is killed or the disk is full.
 *
 * The file is an ordinary SQLite database in WAL mode. Many processes may read
 * it while one writes; a writer waits up to the busy timeout for another
 * writer and then fails with KIK_EBUSY. Its schema is documented in the
 * README; the schema version is the file's `PRAGMA user_version`, and opening a
 * store of an earlier version upgrades it.
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
#include "kik/rules.h"

KIK_BEGIN_DECL

/** A store. Open with kik_store_open(), free with kik_store_free(). */
typedef struct kik_store kik_store;

/** The schema version this libkik writes (the file's `PRAGMA user_version`). */
#define KIK_STORE_SCHEMA_VERSION 1

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
 * upgraded in one transaction (a read-only opening reads it as it is).
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
 * Adds an empty plan named `plan` (not empty, UTF-8). Returns 0, KIK_EINVAL,
 * KIK_EEXISTS, KIK_EREADONLY, KIK_EBUSY, KIK_EIO or KIK_ENOMEM.
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
 * to the one saved, task ids included; its tasks come in the order of their
 * ids. Returns 0 with `*out` set (free it with kik_plan_free()), KIK_EINVAL,
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
