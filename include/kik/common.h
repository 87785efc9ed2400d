/**
 * @file kik/common.h
 * @brief Export macro, versions, error codes and error details, allocator.
 *
 * Conventions used by every libkik function:
 * - Functions that can fail return `int`: 0 (`KIK_OK`) on success, a negative
 *   `KIK_E*` code on failure. What a function creates comes back through an
 *   out-parameter (`**out`), which is set only on success. A failed call
 *   changes nothing.
 * - Every function that returns such an `int` sets the calling thread's error
 *   details (kik_error_last()) when it fails and clears them when it succeeds.
 *   Getters (functions that return a value rather than a code) leave them alone.
 * - What the caller owns has a `_free` function; destructors accept NULL.
 *   Every other pointer a getter returns lives as long as its parent object
 *   (each getter says what else ends it).
 * - Getters given NULL return a sentinel: NULL for pointers and strings, 0 for
 *   counts, numbers and ids (which start at 1), and the `_INVALID` member of an
 *   enum.
 * - Strings are UTF-8; every string passed in is checked (KIK_EINVAL if not).
 * - Read-only calls take `const` handles; all changes go through the plan
 *   (`kik_plan *`), naming the object by its identity: a field by its code, a
 *   measure by its id ("SB-4.6"), a goal by field code and number, a task by
 *   its numeric id.
 * - Verbs: `add` creates and refuses an existing object (KIK_EEXISTS), `put`
 *   creates or replaces, `set` changes one value, `remove` deletes.
 * - There is no shared mutable state: distinct handles may be used from
 *   distinct threads at the same time, and read-only calls on one plan from
 *   several threads at once; a call that changes a plan must not overlap
 *   with any other call on that plan.
 * - Structs the caller fills carry a `version` and have an `_INIT` macro; a
 *   version newer than the library's is refused with KIK_EINVAL, and only the
 *   members of the caller's version are read. Such structs only grow at the
 *   end; no shipped signature or struct layout ever changes.
 */
#ifndef KIK_COMMON_H
#define KIK_COMMON_H

#include <stddef.h>

#ifdef __cplusplus
#define KIK_BEGIN_DECL extern "C" {
#define KIK_END_DECL }
#else
#define KIK_BEGIN_DECL
#define KIK_END_DECL
#endif

/** Declares a public function: default visibility, everything else is hidden. */
#if defined(_WIN32) && defined(KIK_SHARED_BUILD)
#define KIK_EXTERN(type) __declspec(dllexport) type
#elif defined(__GNUC__)
#define KIK_EXTERN(type) __attribute__((visibility("default"))) type
#else
#define KIK_EXTERN(type) type
#endif

#include "kik/version.h"

KIK_BEGIN_DECL

/** Error codes. Every failure is one of these, negative. */
typedef enum kik_error_code {
	KIK_OK = 0,         /**< success */
	KIK_ENOMEM = -1,    /**< an allocation failed; nothing was changed */
	KIK_EINVAL = -2,    /**< a bad argument (NULL handle, bad enum, ...) */
	KIK_EPARSE = -3,    /**< the input data is not valid; see the error's position */
	KIK_EIO = -4,       /**< a file could not be opened, read or written */
	KIK_ENOTFOUND = -5, /**< a looked-up object does not exist */
	KIK_ELIMIT = -6,    /**< the input exceeds a configured limit */
	KIK_EEXISTS = -7,   /**< an object with this identity exists already */
	KIK_ENOTEMPTY = -8, /**< the object still holds others (a field with goals, ...) */
	KIK_EBUSY = -9,     /**< a store is locked by another writer beyond the busy timeout */
	KIK_ECORRUPT = -10, /**< a file is damaged or not of the kind expected (not a store) */
	KIK_EVERSION = -11, /**< a file was written by a newer version of libkik */
	KIK_EREADONLY = -12 /**< a change was asked of something opened read-only */
} kik_error_code;

/**
 * Details of a failure. The library owns it (so it may grow at the end).
 * Strings are UTF-8; `file` is NULL when the error is not about a file (then
 * `line` and `column` are 0). `line` and `column` are 1-based; the column
 * counts characters (Unicode code points), not bytes.
 */
typedef struct kik_error {
	int code;             /**< a kik_error_code */
	const char *message;  /**< what went wrong and what was expected; never NULL */
	const char *file;     /**< the file name as given (whole), or NULL */
	unsigned long line;   /**< 1-based line of the problem, 0 if none */
	unsigned long column; /**< 1-based character column, 0 if none */
	int os_error;         /**< for KIK_EIO: the operating system's `errno`, else 0 */
} kik_error;

/** A short English name of an error code ("out of memory"); never NULL ("unknown error"). */
KIK_EXTERN(const char *) kik_error_code_name(int code);

/**
 * The details of the last failed call on the calling thread, or NULL when the
 * last call that returns a code succeeded (or there was none). Each thread has
 * its own. The result and its strings stay valid until the next libkik call on
 * this thread that returns a code; copy what you need to keep.
 */
KIK_EXTERN(const kik_error *) kik_error_last(void);

/** Forgets the calling thread's error details: kik_error_last() is NULL afterwards. */
KIK_EXTERN(void) kik_error_clear(void);

/** The version of the library linked at run time, e.g. "1.0.0"; never NULL. */
KIK_EXTERN(const char *) kik_version(void);

/** KIK_VERSION_NUMBER of the library linked at run time. */
KIK_EXTERN(int) kik_version_number(void);

/**
 * An allocator. Initialise with KIK_ALLOCATOR_INIT, then set the functions.
 * libkik allocates only through the allocator of the plan (or store) it works
 * on; NULL function pointers mean the C library's malloc/realloc/free (all
 * three must be set, or none). Returning NULL from `malloc` or `realloc` makes
 * the call fail with KIK_ENOMEM and leaves everything as it was. The functions
 * are called from the threads of a large import too (see kik_import_options).
 */
typedef struct kik_allocator {
	unsigned version;                                    /**< KIK_ALLOCATOR_VERSION */
	void *(*malloc)(size_t size, void *ctx);             /**< like malloc(3); size > 0 */
	void *(*realloc)(void *ptr, size_t size, void *ctx); /**< like realloc(3); size > 0 */
	void (*free)(void *ptr, void *ctx);                  /**< like free(3); never given NULL */
	void *ctx;                                           /**< passed to every call */
} kik_allocator;

/** The version of kik_allocator this header describes. */
#define KIK_ALLOCATOR_VERSION 1
/** The C library's allocator. */
#define KIK_ALLOCATOR_INIT                                                                                             \
	{                                                                                                              \
		KIK_ALLOCATOR_VERSION, NULL, NULL, NULL, NULL                                                          \
	}

KIK_END_DECL

#endif
