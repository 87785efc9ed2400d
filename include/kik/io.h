/**
 * @file kik/io.h
 * @brief Importing plans from CSV files, validating files, and exporting plans.
 *
 * Every file is UTF-8 (with or without BOM) or Windows-1252, with `;`, `,`
 * or TAB as delimiter (detected from the header line), CRLF, LF or CR line
 * ends and RFC 4180 quoting. Header names are matched without regard to
 * case, spacing, "ß"/"ss" or language; unknown columns are ignored.
 *
 * An import is all or nothing: when it fails, the plan is exactly as it was,
 * and kik_error_last() names the file, line and column of the first problem
 * and what was expected there. A successful import of measures or of a status
 * matrix builds the plan anew: handles obtained before it are invalid after it
 * (imports of other kinds keep them). Imports of fields, plan information and
 * published figures cost in proportion to the file, not to the plan.
 */
#ifndef KIK_IO_H
#define KIK_IO_H

#include "kik/plan.h"

KIK_BEGIN_DECL

/** What a file holds. The contracts are in the README ("CSV contracts"). */
typedef enum kik_import_kind {
	/** One row per measure: field, group, goal, goal_text, measure, text, status. */
	KIK_IMPORT_MEASURES = 0,
	/** One row per field of action: code, name, aliases (separated by "|"). */
	KIK_IMPORT_FIELDS = 1,
	/** Two columns key, value: the plan's "name" and "as_of", and the report's "title" and "office". */
	KIK_IMPORT_PLAN_INFO = 2,
	/** One row per task: task_id, field, measure, kind, title, state, due, owner (see
	 * kik/task.h). A task naming a measure the plan does not have is an error. A row
	 * with the id of a task of the plan updates that task; a row without an id updates
	 * the task with the same measure, kind and title, or adds a task. */
	KIK_IMPORT_TASKS = 3,
	/** One row per field: field, waiting, in_progress, implemented, total (see kik/check.h). */
	KIK_IMPORT_PUBLISHED = 4,
	/**
	 * The report's status matrix: rows Gruppe, Nummer, Ziel/Maßnahme, wartend,
	 * in Bearbeitung, implementiert with an "x" marking the status; goal rows
	 * without a mark; a "## Handlungsfeld NAME" line or a field column per section.
	 * Rows whose cells are shifted by a column are read by the mark's place after
	 * the text; HTML tags and a footnote number after a group name are dropped.
	 */
	KIK_IMPORT_MATRIX = 5,
	/** Any of the kinds above, told apart by the header (and a matrix by its status
	 * heads); a file that fits none is an error that says what it looks like. The
	 * report content's kinds below are told by their headers too. */
	KIK_IMPORT_AUTO = 6,
	/* The report's own content (kik/content.h). Each file is staged and put only when
	 * all of it is valid; with KIK_IMPORT_COMPLETE it is the whole list of its kind. */
	/** Progress notes: field, goal, measure (empty for the goal), current_state, outlook.
	 * A row puts the note of its goal or measure (which must exist). */
	KIK_IMPORT_NOTES = 7,
	/** Field notes: field (empty: the plan as a whole), section (focus, highlight,
	 * outlook, context), title, text. The file replaces the notes of every field and
	 * section it has rows for, in the file's order. */
	KIK_IMPORT_FIELD_NOTES = 8,
	/** Projects: project, field, organisation ("|"-separated), description, start, end,
	 * measures and goals ("|"-separated ids). A row puts the project of its name. */
	KIK_IMPORT_PROJECTS = 9,
	/** The timeline: date, until (a date, "open", or empty for a single date), text,
	 * fields. The file replaces the timeline. */
	KIK_IMPORT_TIMELINE = 10,
	/** Prioritisation rounds: round, from, until, fields, measures. A row puts the round
	 * of its name. */
	KIK_IMPORT_PRIORITIES = 11,
	/** Context figures: name, unit, date, value (German or English notation, see
	 * kik_figure_value_parse()), source, share_of. A row puts the figure of its name and
	 * date. */
	KIK_IMPORT_FIGURES = 12
} kik_import_kind;

/** The key of an import kind: "measures", "fields", "plan_info", "tasks", "published",
 * "matrix", "auto", "notes", "field_notes", "projects", "timeline", "priorities",
 * "figures"; NULL if out of range. */
KIK_EXTERN(const char *) kik_import_kind_key(kik_import_kind kind);

/** Character encodings of files. */
typedef enum kik_encoding {
	KIK_ENCODING_AUTO = 0,  /**< UTF-8; Windows-1252 if the bytes are not UTF-8 */
	KIK_ENCODING_UTF8 = 1,  /**< UTF-8 only; other bytes are an error */
	KIK_ENCODING_CP1252 = 2 /**< Windows-1252 */
} kik_encoding;

/** Flags of an import (kik_import_options.flags). */
enum kik_import_flag {
	/**
	 * The file is the complete list of its kind: tasks of the plan that the file
	 * does not name (by id, or by measure, kind and title) are removed; notes,
	 * projects, rounds and figures it does not name are removed; field notes of
	 * fields and sections it does not name are removed. Only for KIK_IMPORT_TASKS,
	 * the content kinds and KIK_IMPORT_AUTO; all or nothing as every import.
	 */
	KIK_IMPORT_COMPLETE = 1
};

/** Options of an import. Initialise with KIK_IMPORT_OPTIONS_INIT. */
typedef struct kik_import_options {
	unsigned version;       /**< KIK_IMPORT_OPTIONS_VERSION */
	kik_encoding encoding;  /**< default KIK_ENCODING_AUTO */
	char delimiter;         /**< 0 to detect among ';' ',' TAB (default), or one of them */
	size_t max_field_bytes; /**< longest cell; 0 means 1 MiB */
	size_t max_columns;     /**< most cells in a row; 0 means 1024 */
	size_t max_rows;        /**< most rows; 0 means no limit */
	/**
	 * How many threads may read a large measures or tasks file at once: 0 (default)
	 * for one per processor when the plan uses the C library's allocator, and one
	 * otherwise; 1 for none besides the caller's; at most 16 are used. With more than
	 * one, a plan's own allocator must be thread-safe. The result (task ids and the
	 * first error included) is the same either way.
	 */
	unsigned threads;
	/**
	 * The most bytes read from an input that is not a regular file (a pipe, a
	 * device, standard input), which is read whole before parsing; 0 means 4 GiB.
	 * Exceeding it is KIK_ELIMIT. Regular files are read in place and not limited here.
	 */
	size_t max_input_bytes;
	unsigned flags; /**< KIK_IMPORT_* flags (kik_import_flag), default 0 */
} kik_import_options;

/** The version of kik_import_options this header describes. */
#define KIK_IMPORT_OPTIONS_VERSION 1
/** The default import options. */
#define KIK_IMPORT_OPTIONS_INIT                                                                                        \
	{                                                                                                              \
		KIK_IMPORT_OPTIONS_VERSION, KIK_ENCODING_AUTO, 0, 0, 0, 0, 0, 0, 0                                     \
	}

/**
 * Imports a file of the given kind into `plan`. Measures are added or, when
 * their id exists, updated; fields named in a measures file that the plan
 * does not know are defined (so another city's plan loads as it is).
 * `options` may be NULL for the defaults. Returns 0, KIK_EIO (cannot read;
 * the error's `os_error` says why), KIK_EPARSE (invalid content), KIK_ELIMIT,
 * KIK_ENOMEM or KIK_EINVAL (bad arguments or options).
 */
KIK_EXTERN(int)
kik_plan_import_file(kik_plan *plan, kik_import_kind kind, const char *path, const kik_import_options *options);

/**
 * As kik_plan_import_file(), from `size` bytes in memory; `name` is used as
 * the file name in error details (may be NULL).
 */
KIK_EXTERN(int)
kik_plan_import_buffer(kik_plan *plan, kik_import_kind kind, const char *data, size_t size, const char *name,
		       const kik_import_options *options);

/* ---- validation ------------------------------------------------------ */

/** Every problem one validation found. */
typedef struct kik_diagnostics kik_diagnostics;

/**
 * Checks a file as kik_plan_import_file() would import it into `plan`, without
 * changing the plan, and lists every problem (up to `max_problems`; 0 means
 * 100): each with file, line, column and a message naming the value found and
 * what was expected. Problems within a row do not stop the validation; a
 * file that cannot be read further (a broken quote, a bad byte) does.
 * Returns 0 when the file is clean, KIK_EPARSE (or KIK_EIO, KIK_ELIMIT) when
 * there are problems, with `*out` set in both cases (free it with
 * kik_diagnostics_free()), or KIK_ENOMEM / KIK_EINVAL with `*out` NULL.
 */
KIK_EXTERN(int)
kik_plan_validate_file(const kik_plan *plan, kik_import_kind kind, const char *path, const kik_import_options *options,
		       size_t max_problems, kik_diagnostics **out);

/** As kik_plan_validate_file(), from memory. */
KIK_EXTERN(int)
kik_plan_validate_buffer(const kik_plan *plan, kik_import_kind kind, const char *data, size_t size, const char *name,
			 const kik_import_options *options, size_t max_problems, kik_diagnostics **out);

/** Frees diagnostics. Accepts NULL. */
KIK_EXTERN(void) kik_diagnostics_free(kik_diagnostics *diagnostics);
/** The number of problems found (0 for NULL). */
KIK_EXTERN(size_t) kik_diagnostics_count(const kik_diagnostics *diagnostics);
/** The i-th problem, in file order; valid as long as the diagnostics; NULL if out of range. */
KIK_EXTERN(const kik_error *) kik_diagnostics_get(const kik_diagnostics *diagnostics, size_t i);
/** 1 when validation stopped at `max_problems` and there may be more; else 0. */
KIK_EXTERN(int) kik_diagnostics_truncated(const kik_diagnostics *diagnostics);

/* ---- export ---------------------------------------------------------- */

/** Receives exported bytes; returns 0, or a negative value to stop the export (then KIK_EIO). */
typedef int (*kik_write_fn)(void *ctx, const char *data, size_t size);

/** Which status the measures export writes (kik_export_options.status). */
typedef enum kik_export_status {
	KIK_EXPORT_RECORDED = 0, /**< the recorded status: export then import gives an equal plan */
	KIK_EXPORT_DERIVED = 1   /**< the status that counts (derived from tasks where there are some) */
} kik_export_status;

/** Names in the header and in status, kind and state cells (kik_export_options.labels). */
typedef enum kik_export_labels {
	KIK_EXPORT_KEYS = 0,  /**< English keys: "measure", "in_progress" (the default) */
	KIK_EXPORT_GERMAN = 1 /**< German headers and labels, as office files have them: "Nummer", "in Bearbeitung" */
} kik_export_labels;

/** Options of an export. Initialise with KIK_EXPORT_OPTIONS_INIT. */
typedef struct kik_export_options {
	unsigned version;      /**< KIK_EXPORT_OPTIONS_VERSION */
	char delimiter;        /**< ';' (default), ',' or '\t' */
	kik_encoding encoding; /**< KIK_ENCODING_UTF8 (default) or KIK_ENCODING_CP1252 */
	int bom;               /**< 1: write a UTF-8 byte order mark (default 0; UTF-8 only) */
	int crlf;              /**< 1: end rows with CRLF instead of LF (default 0) */
	/**
	 * Defuse cells that a spreadsheet would run as a formula (default 1): a text
	 * that starts with '=', '+', '-', '@', TAB or CR, or with apostrophes before one
	 * of them, gets one more apostrophe in front. The importers remove exactly
	 * that apostrophe again, so export then import gives the same texts.
	 */
	int defuse_formulas;
	kik_export_status status; /**< which status the measures export writes (default recorded) */
	kik_export_labels labels; /**< header and value names (default English keys) */
} kik_export_options;

/** The version of kik_export_options this header describes. */
#define KIK_EXPORT_OPTIONS_VERSION 1
/** The default export options. */
#define KIK_EXPORT_OPTIONS_INIT                                                                                        \
	{                                                                                                              \
		KIK_EXPORT_OPTIONS_VERSION, ';', KIK_ENCODING_UTF8, 0, 0, 1, KIK_EXPORT_RECORDED, KIK_EXPORT_KEYS      \
	}

/**
 * Writes one part of the plan as CSV in the contract of `kind` (MEASURES,
 * FIELDS, PLAN_INFO, TASKS, PUBLISHED, or one of the content kinds NOTES to
 * FIGURES), which the importer of that kind reads back to an equal plan. `options` may be NULL. Returns 0, KIK_EINVAL
 * (a bad option, or a character Windows-1252 cannot hold), KIK_EIO when `write` fails, or KIK_ENOMEM.
 */
KIK_EXTERN(int)
kik_plan_export(const kik_plan *plan, kik_import_kind kind, kik_write_fn write, void *ctx,
		const kik_export_options *options);

/**
 * As kik_plan_export(), into a file, atomically: the data go to a temporary
 * file beside `path` that replaces `path` only when complete (see the README
 * on special files and links). KIK_EIO carries the system's `os_error`.
 */
KIK_EXTERN(int)
kik_plan_export_file(const kik_plan *plan, kik_import_kind kind, const char *path, const kik_export_options *options);

KIK_END_DECL

#endif
