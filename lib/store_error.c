/* The store's errors in the calling thread's details (kik_error_last()), and SQLite's
 * result codes mapped to libkik's. */
#include "store_internal.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

void kik__store_ok(void)
{
	kik__error_clear(NULL);
}

int kik__store_fail(int code, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	kik__error_vset(code, NULL, 0, fmt, ap);
	va_end(ap);
	return code;
}

int kik__store_fail_os(int code, int os_error, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	kik__error_vset(code, NULL, os_error, fmt, ap);
	va_end(ap);
	return code;
}

/* SQLite's primary result codes as libkik's. A full disk and other failed reads and
 * writes are KIK_EIO with the system's errno; a lock held too long is KIK_EBUSY. */
static int map(int rc)
{
	if (rc == SQLITE_IOERR_NOMEM)
		return KIK_ENOMEM; /* an allocation failed in the middle of reading or writing */
	switch (rc & 0xFF) {
	case SQLITE_NOMEM: return KIK_ENOMEM;
	case SQLITE_BUSY:
	case SQLITE_LOCKED: return KIK_EBUSY;
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
	case SQLITE_FORMAT:
	case SQLITE_SCHEMA: return KIK_ECORRUPT;
	case SQLITE_READONLY: return KIK_EREADONLY;
	case SQLITE_CONSTRAINT: return KIK_EEXISTS;
	case SQLITE_TOOBIG:
	case SQLITE_RANGE: return KIK_ELIMIT;
	case SQLITE_MISUSE: return KIK_EINVAL;
	default: return KIK_EIO; /* IOERR, FULL, CANTOPEN, PERM, PROTOCOL, ... */
	}
}

int kik__store_sqlite(sqlite3 *db, int rc, const char *what)
{
	int code = map(rc), os_error = 0;
	const char *detail = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
	if (code == KIK_EIO) {
		os_error = db ? sqlite3_system_errno(db) : 0;
		if ((rc & 0xFF) == SQLITE_FULL && !os_error)
			os_error = ENOSPC;
	}
	if (code == KIK_ENOMEM)
		return kik__store_fail(code, "out of memory while %s", what);
	if (os_error)
		return kik__store_fail_os(code, os_error, "%s failed: %s (%s)", what, detail, strerror(os_error));
	return kik__store_fail(code, "%s failed: %s", what, detail);
}
