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
	KIK_IMPORT_PUBLISHED = 4,
	/**
	 * The report's status matrix: rows Gruppe, Nummer, Ziel/Maßnahme, wartend,
	 * in Bearbeitung, implementiert with an "x" marking the status; goal rows
	 * without a mark; a "## Handlungsfeld NAME" line or a field column per section.
	 * Rows whose cells are shifted by a column are read by the mark's place after
	 * the text; HTML tags and a footnote number after a group name are dropped.
	 */
	KIK_IMPORT_MATRIX = 5,
	/** A measures file or a status matrix, told apart by the content. */
	KIK_IMPORT_AUTO = 6
} kik_import_kind;

/** Character encodings of input files. */
typedef enum kik_encoding {
	KIK_ENCODING_AUTO = 0,  /**< UTF-8; Windows-1252 if the bytes are not UTF-8 */
	KIK_ENCODING_UTF8 = 1,  /**< UTF-8 only; other bytes are an error */
	KIK_ENCODING_CP1252 = 2 /**< Windows-1252 */
} kik_encoding;

/** Options of an import. Initialise with KIK_IMPORT_OPTIONS_INIT. */
typedef struct kik_import_options {
	unsigned version;       /**< KIK_IMPORT_OPTIONS_VERSION */
	kik_encoding encoding;  /**< default KIK_ENCODING_AUTO */
	char delimiter;         /**< 0 to detect among ';' ',' TAB (default) */
	size_t max_field_bytes; /**< longest cell; 0 means 1 MiB */
	size_t max_columns;     /**< most cells in a row; 0 means 1024 */
	size_t max_rows;        /**< most rows; 0 means no limit */
	/**
	 * (Version 2) How many threads may read a large measures or tasks file at once:
	 * 0 (default) for one per processor when the plan uses the C library's allocator,
	 * and one otherwise; 1 for none besides the caller's; at most 16 are used. With
	 * more than one, a plan's own allocator must be thread-safe. The result (task ids
	 * included) is the same either way.
	 */
	unsigned threads;
	/**
	 * (Version 3) The most bytes read from an input that is not a regular file (a pipe,
	 * a device, standard input), which is read whole before parsing; 0 means 4 GiB.
	 * Exceeding it is KIK_ELIMIT. Regular files are read in place and not limited here.
	 */
	size_t max_input_bytes;
} kik_import_options;

#define KIK_IMPORT_OPTIONS_VERSION 3
#define KIK_IMPORT_OPTIONS_INIT                                                                                        \
	{                                                                                                              \
		KIK_IMPORT_OPTIONS_VERSION, KIK_ENCODING_AUTO, 0, 0, 0, 0, 0, 0                                        \
	}

/**
 * Imports a file of the given kind into `plan`. Measures are added or, when
 * their id exists, updated; fields named in a measures file that the plan
 * does not know are defined (so another city's plan loads as it is).
 * `options` may be NULL for the defaults. Returns 0, KIK_EIO (cannot read),
 * KIK_EPARSE (invalid content), KIK_ELIMIT, KIK_ENOMEM or KIK_EINVAL.
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
kik_plan_validate_file(kik_plan *plan, kik_import_kind kind, const char *path, const kik_import_options *options,
		       size_t max_problems, kik_diagnostics **out);

/** As kik_plan_validate_file(), from memory. */
KIK_EXTERN(int)
kik_plan_validate_buffer(kik_plan *plan, kik_import_kind kind, const char *data, size_t size, const char *name,
			 const kik_import_options *options, size_t max_problems, kik_diagnostics **out);

KIK_EXTERN(void) kik_diagnostics_free(kik_diagnostics *diagnostics);
KIK_EXTERN(size_t) kik_diagnostics_count(const kik_diagnostics *diagnostics);
/** The i-th problem, in file order; valid as long as the diagnostics. */
KIK_EXTERN(const kik_error *) kik_diagnostics_get(const kik_diagnostics *diagnostics, size_t i);
/** 1 when validation stopped at `max_problems` and there may be more. */
KIK_EXTERN(int) kik_diagnostics_truncated(const kik_diagnostics *diagnostics);

/* ---- export ---------------------------------------------------------- */

/** Receives exported bytes; returns 0, or a negative value to stop the export. */
typedef int (*kik_write_fn)(void *ctx, const char *data, size_t size);

/** Options of an export. Initialise with KIK_EXPORT_OPTIONS_INIT. */
typedef struct kik_export_options {
	unsigned version;      /**< KIK_EXPORT_OPTIONS_VERSION */
	char delimiter;        /**< ';' (default), ',' or '\t' */
	kik_encoding encoding; /**< KIK_ENCODING_UTF8 (default) or KIK_ENCODING_CP1252 */
	int bom;               /**< write a UTF-8 byte order mark (default 0) */
	int crlf;              /**< end rows with CRLF instead of LF (default 0) */
	/**
	 * Defuse cells that a spreadsheet would run as a formula (default 1): a text
	 * that starts with '=', '+', '-', '@', TAB or CR, or with apostrophes before one
	 * of them, gets one more apostrophe in front. The importers remove exactly
	 * that apostrophe again, so export then import gives the same texts.
	 */
	int defuse_formulas;
} kik_export_options;

#define KIK_EXPORT_OPTIONS_VERSION 1
#define KIK_EXPORT_OPTIONS_INIT                                                                                        \
	{                                                                                                              \
		KIK_EXPORT_OPTIONS_VERSION, ';', KIK_ENCODING_UTF8, 0, 0, 1                                            \
	}

/**
 * Writes one part of the plan as CSV in the contract of `kind` (MEASURES,
 * FIELDS, PLAN_INFO, TASKS or PUBLISHED), which the importer of that kind reads
 * back to an equal plan. `options` may be NULL. Returns 0, KIK_EINVAL (a bad
 * option, or a character Windows-1252 cannot hold; see kik_plan_last_error()),
 * KIK_EIO when `write` fails, or KIK_ENOMEM. The plan is not changed.
 */
KIK_EXTERN(int)
kik_plan_export(kik_plan *plan, kik_import_kind kind, kik_write_fn write, void *ctx, const kik_export_options *options);

/**
 * As kik_plan_export(), into a file, atomically: the data go to a temporary
 * file beside `path` that replaces `path` only when complete.
 */
KIK_EXTERN(int)
kik_plan_export_file(kik_plan *plan, kik_import_kind kind, const char *path, const kik_export_options *options);

KIK_END_DECL

#endif
