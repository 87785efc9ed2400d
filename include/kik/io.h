/**
 * @file kik/io.h
 * @brief Importing plans from CSV files.
 *
 * Every file is UTF-8 (with or without BOM) or Windows-1252, with `;`, `,`
 * or TAB as delimiter (detected from the header line), CRLF, LF or CR line
 * ends and RFC 4180 quoting. Header names are matched without regard to
 * case, spacing, "ß"/"ss" or language; unknown columns are ignored.
 *
 * An import is all or nothing: when it fails, the plan is exactly as it was,
 * and kik_plan_last_error() names the file, line and column of the first
 * problem and what was expected there. A successful import may move the
 * plan's objects: pointers obtained before it are invalid afterwards.
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
	/** Two columns key, value: the plan's "name" and "as_of". */
	KIK_IMPORT_PLAN_INFO = 2,
	/** One row per task: field, measure, kind, title, state, due, owner (see kik/rules.h).
	 * A task naming a measure the plan does not have is an error. A task with the
	 * measure, kind and title of an existing one updates it. */
	KIK_IMPORT_TASKS = 3,
	/** One row per field: field, waiting, in_progress, implemented, total (see kik/check.h). */
	KIK_IMPORT_PUBLISHED = 4
} kik_import_kind;

/** Character encodings of input files. */
typedef enum kik_encoding {
	KIK_ENCODING_AUTO = 0,  /**< UTF-8; Windows-1252 if the bytes are not UTF-8 */
	KIK_ENCODING_UTF8 = 1,  /**< UTF-8 only; other bytes are an error */
	KIK_ENCODING_CP1252 = 2 /**< Windows-1252 */
} kik_encoding;

/** Options of an import. Initialise with KIK_IMPORT_OPTIONS_INIT. */
typedef struct kik_import_options {
	unsigned version;          /**< KIK_IMPORT_OPTIONS_VERSION */
	kik_encoding encoding;     /**< default KIK_ENCODING_AUTO */
	char delimiter;            /**< 0 to detect among ';' ',' TAB (default) */
	size_t max_field_bytes;    /**< longest cell; 0 means 1 MiB */
	size_t max_columns;        /**< most cells in a row; 0 means 1024 */
	size_t max_rows;           /**< most rows; 0 means no limit */
} kik_import_options;

#define KIK_IMPORT_OPTIONS_VERSION 1
#define KIK_IMPORT_OPTIONS_INIT { KIK_IMPORT_OPTIONS_VERSION, KIK_ENCODING_AUTO, 0, 0, 0, 0 }

/**
 * Imports a file of the given kind into `plan`. Measures are added or, when
 * their id exists, updated; fields named in a measures file that the plan
 * does not know are defined (so another city's plan loads as it is).
 * `options` may be NULL for the defaults. Returns 0, KIK_EIO (cannot read),
 * KIK_EPARSE (invalid content), KIK_ELIMIT, KIK_ENOMEM or KIK_EINVAL.
 */
KIK_EXTERN(int) kik_plan_import_file(kik_plan *plan, kik_import_kind kind, const char *path,
				     const kik_import_options *options);

/**
 * As kik_plan_import_file(), from `size` bytes in memory; `name` is used as
 * the file name in error details (may be NULL).
 */
KIK_EXTERN(int) kik_plan_import_buffer(kik_plan *plan, kik_import_kind kind, const char *data, size_t size,
				       const char *name, const kik_import_options *options);

KIK_END_DECL

#endif
