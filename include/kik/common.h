/**
 * @file kik/common.h
 * @brief Export macro, versions, error codes and error details, allocator.
 *
 * Conventions used by every libkik function:
 * - Functions that can fail return `int`: 0 (`KIK_OK`) on success, a negative
 *   `KIK_E*` code on failure. What a function creates comes back through an
 *   out-parameter (`**out`), which is set only on success.
 * - What the caller owns has a `_free` function; destructors accept NULL.
 *   Every other pointer a getter returns lives as long as its parent object.
 * - Details of the last failure on a plan are available from
 *   kik_plan_last_error() (see kik/plan.h) until the next failing call on it.
 * - There is no global mutable state: distinct handles may be used from
 *   distinct threads at the same time; one handle must not be used by two
 *   threads at once.
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
	KIK_ELIMIT = -6     /**< the input exceeds a configured limit */
} kik_error_code;

/**
 * Details of a failure. Strings are UTF-8; `file` is NULL when the error is
 * not about a file (then `line` and `column` are 0). `line` and `column` are
 * 1-based; the column counts characters (Unicode code points), not bytes.
 */
typedef struct kik_error {
	int code;             /**< a kik_error_code */
	const char *message;  /**< what went wrong and what was expected; never NULL */
	const char *file;     /**< the file name as given, or NULL */
	unsigned long line;   /**< 1-based line of the problem, 0 if none */
	unsigned long column; /**< 1-based character column, 0 if none */
} kik_error;

/** A short English name of an error code ("out of memory"); never NULL. */
KIK_EXTERN(const char *) kik_error_code_name(int code);

/** The version of the library linked at run time, e.g. "0.1.0". */
KIK_EXTERN(const char *) kik_version(void);

/** KIK_VERSION_NUMBER of the library linked at run time. */
KIK_EXTERN(int) kik_version_number(void);

/**
 * An allocator. libkik allocates only through the allocator of the plan it
 * works on; NULL function pointers mean the C library's malloc/realloc/free.
 * Returning NULL from `malloc` or `realloc` makes the call fail with
 * KIK_ENOMEM and leaves the plan as it was.
 */
typedef struct kik_allocator {
	void *(*malloc)(size_t size, void *ctx);
	void *(*realloc)(void *ptr, size_t size, void *ctx);
	void (*free)(void *ptr, void *ctx);
	void *ctx; /**< passed to every call */
} kik_allocator;

KIK_END_DECL

#endif
