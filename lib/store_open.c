/* Opening and closing a store; SQL statements and transactions; finding plans and
 * snapshots by name. */
#include "store_internal.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

int kik__utf8_ok(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	if (!s)
		return 1;
	while (*p) {
		unsigned c = *p, n, cp, k;
		if (c < 0x80) {
			p++;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF)
			n = 1, cp = c & 0x1F;
		else if (c >= 0xE0 && c <= 0xEF)
			n = 2, cp = c & 0x0F;
		else if (c >= 0xF0 && c <= 0xF4)
			n = 3, cp = c & 0x07;
		else
			return 0;
		for (k = 1; k <= n; k++) {
			if ((p[k] & 0xC0) != 0x80)
				return 0;
			cp = cp << 6 | (p[k] & 0x3Fu);
		}
		/* overlong forms, surrogates and beyond U+10FFFF */
		if ((n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) || cp > 0x10FFFF ||
		    (cp >= 0xD800 && cp <= 0xDFFF))
			return 0;
		p += n + 1;
	}
	return 1;
}

int kik__check_edit_info(const kik_edit_info *info)
{
	if (!info)
		return 0;
	if (info->version < 1 || info->version > KIK_EDIT_INFO_VERSION)
		return kik__store_fail(KIK_EINVAL, "edit info of version %u: this libkik knows up to %u", info->version,
				       KIK_EDIT_INFO_VERSION);
	if (!kik__utf8_ok(info->author) || !kik__utf8_ok(info->note))
		return kik__store_fail(KIK_EINVAL, "an author and a note must be UTF-8");
	return 0;
}

/* ---- statements ------------------------------------------------------------ */

int kik__sql_prepare(sqlite3 *db, const char *sql, sqlite3_stmt **st)
{
	int rc = sqlite3_prepare_v2(db, sql, -1, st, NULL);
	if (rc != SQLITE_OK) {
		*st = NULL;
		return kik__store_sqlite(db, rc, "preparing a statement");
	}
	return 0;
}

int kik__sql_step(sqlite3 *db, sqlite3_stmt *st, const char *what)
{
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	return kik__store_sqlite(db, rc, what);
}

int kik__sql_exec(sqlite3 *db, const char *sql, const char *what)
{
	int rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
	return rc == SQLITE_OK ? 0 : kik__store_sqlite(db, rc, what);
}

int kik__sql_bind(sqlite3_stmt *st, int i, const kik__val *v)
{
	switch (v->type) {
	case KIK__INT: return sqlite3_bind_int64(st, i, v->i);
	case KIK__TEXT: return sqlite3_bind_text(st, i, v->s, -1, SQLITE_STATIC);
	default: return sqlite3_bind_null(st, i);
	}
}

int kik__sql_same(sqlite3_stmt *st, int col, const kik__val *v)
{
	int type = sqlite3_column_type(st, col);
	switch (v->type) {
	case KIK__INT: return type == SQLITE_INTEGER && sqlite3_column_int64(st, col) == v->i;
	case KIK__TEXT: {
		size_t n = strlen(v->s);
		const unsigned char *t;
		if (type != SQLITE_TEXT)
			return 0;
		t = sqlite3_column_text(st, col);
		return t && (size_t)sqlite3_column_bytes(st, col) == n && memcmp(t, v->s, n) == 0;
	}
	default: return type == SQLITE_NULL;
	}
}

const char *kik__sql_text(sqlite3_stmt *st, int col)
{
	const unsigned char *t = sqlite3_column_text(st, col);
	return t ? (const char *)t : "";
}

/* ---- transactions ------------------------------------------------------------- */

int kik__store_begin(kik_store *s, int write)
{
	int err;
	if ((err = kik__store_unchanged(s)) < 0)
		return err;
	/* a writer takes the lock up front: a deferred one could fail half-way, after reading */
	return kik__sql_exec(s->db, write ? "BEGIN IMMEDIATE" : "BEGIN",
			     write ? "waiting for the store's write lock" : "starting to read the store");
}

int kik__store_commit(kik_store *s)
{
	return kik__sql_exec(s->db, "COMMIT", "committing to the store");
}

void kik__store_rollback(kik_store *s)
{
	/* after some errors SQLite has rolled back already; then there is nothing to undo */
	if (!sqlite3_get_autocommit(s->db))
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
}

/* Whether a writer is at work on `path` or stopped half-way: a rollback journal beside it,
 * or a WAL with frames that only its shared memory can read. */
static int being_written(const char *path)
{
	char side[4096];
	struct stat st;
	snprintf(side, sizeof(side), "%s-journal", path);
	if (stat(side, &st) == 0 && st.st_size > 0)
		return 1;
	snprintf(side, sizeof(side), "%s-wal", path);
	return stat(side, &st) == 0 && st.st_size > 0;
}

int kik__store_unchanged(const kik_store *s)
{
	const struct stat *was = &s->immutable_seen;
	struct stat now;
	if (!s->immutable_path)
		return 0;
	if (stat(s->immutable_path, &now) == 0 && now.st_dev == was->st_dev && now.st_ino == was->st_ino &&
	    now.st_size == was->st_size && now.st_mtim.tv_sec == was->st_mtim.tv_sec &&
	    now.st_mtim.tv_nsec == was->st_mtim.tv_nsec && !being_written(s->immutable_path))
		return 0;
	return kik__store_fail(KIK_EBUSY,
			       "%s changed since it was opened read-only without shared memory (its directory is not "
			       "writable): open it again",
			       s->immutable_path);
}

int kik__store_end_read(kik_store *s, int err)
{
	kik__store_rollback(s);
	return err == 0 ? kik__store_unchanged(s) : err;
}

int kik__store_enter(const kik_store *store, int write)
{
	kik_store *s = (kik_store *)store; /* the lock is the one thing a reader changes */
	pthread_mutex_lock(&s->lock);
	if (write && (s->flags & KIK_STORE_READ_ONLY)) {
		pthread_mutex_unlock(&s->lock);
		return kik__store_fail(KIK_EREADONLY, "the store was opened read-only");
	}
	return 0;
}

void kik__store_leave(const kik_store *store)
{
	pthread_mutex_unlock(&((kik_store *)store)->lock);
}

void kik__store_now(char out[32])
{
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* ---- plans and snapshots by name ------------------------------------------------ */

static int add_plan(kik_store *s, const char *name, int64_t *plan_id)
{
	sqlite3_stmt *st;
	char now[32];
	int err;
	kik__store_now(now);
	if ((err = kik__sql_prepare(s->db, "INSERT INTO kik_plans (name, head, created) VALUES(?1, 1, ?2)", &st)) < 0)
		return err;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, now, -1, SQLITE_STATIC);
	err = kik__sql_step(s->db, st, "adding a plan");
	sqlite3_finalize(st);
	if (err == KIK_EEXISTS)
		return kik__store_fail(KIK_EEXISTS, "the store has a plan named '%s' already", name);
	if (err < 0)
		return err;
	*plan_id = sqlite3_last_insert_rowid(s->db);
	if (*plan_id < 1 || *plan_id > KIK__MAX_PLAN_ID) /* the caller's transaction is rolled back */
		return kik__store_fail(KIK_ELIMIT, "a store holds plans numbered up to %lld: '%s' would be %lld",
				       (long long)KIK__MAX_PLAN_ID, name, (long long)*plan_id);
	return 0;
}

int kik__store_find_plan(kik_store *s, const char *name, int create, int64_t *plan_id, int64_t *head)
{
	sqlite3_stmt *st;
	int err, found = 0;
	if (name && !*name)
		return kik__store_fail(KIK_EINVAL, "a plan's name must not be empty");
	if ((err = kik__sql_prepare(s->db,
				    name ? "SELECT plan_id, head, name FROM kik_plans WHERE name = ?1"
					 : "SELECT plan_id, head, name FROM kik_plans ORDER BY plan_id LIMIT 2",
				    &st)) < 0)
		return err;
	if (name)
		sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	while ((err = kik__sql_step(s->db, st, "looking up a plan")) > 0) {
		*plan_id = sqlite3_column_int64(st, 0);
		*head = sqlite3_column_int64(st, 1);
		found++;
	}
	sqlite3_finalize(st);
	if (err < 0)
		return err;
	if (found && (*plan_id < 1 || *plan_id > KIK__MAX_PLAN_ID))
		return kik__store_fail(KIK_ECORRUPT, "the store holds a plan numbered %lld, beyond %lld",
				       (long long)*plan_id, (long long)KIK__MAX_PLAN_ID);
	if (found > 1)
		return kik__store_fail(KIK_EINVAL, "the store holds several plans: name one");
	if (found)
		return 0;
	if (!create)
		return name ? kik__store_fail(KIK_ENOTFOUND, "the store has no plan named '%s'", name)
			    : kik__store_fail(KIK_ENOTFOUND, "the store has no plan");
	*head = 1;
	return add_plan(s, name ? name : "main", plan_id);
}

int kik__store_find_version(kik_store *s, int64_t plan_id, const char *ref, int64_t *version)
{
	static const char *const by[] = { "SELECT version FROM kik_snapshots WHERE plan_id = ?1 AND as_of = ?2",
					  "SELECT version FROM kik_snapshots WHERE plan_id = ?1 AND label = ?2" };
	size_t k;
	int err;
	if (!ref)
		return 0; /* the working state: *version is the head already */
	if (!*ref || !kik__utf8_ok(ref))
		return kik__store_fail(KIK_EINVAL, "a snapshot is named by its as-of date or its label");
	for (k = 0; k < 2; k++) {
		sqlite3_stmt *st;
		int found = 0;
		if ((err = kik__sql_prepare(s->db, by[k], &st)) < 0)
			return err;
		sqlite3_bind_int64(st, 1, plan_id);
		sqlite3_bind_text(st, 2, ref, -1, SQLITE_STATIC);
		while ((err = kik__sql_step(s->db, st, "looking up a snapshot")) > 0) {
			*version = sqlite3_column_int64(st, 0);
			found++;
		}
		sqlite3_finalize(st);
		if (err < 0)
			return err;
		if (found > 1)
			return kik__store_fail(KIK_EINVAL, "%d snapshots have the label '%s': name one by its date",
					       found, ref);
		if (found)
			return 0;
	}
	return kik__store_fail(KIK_ENOTFOUND, "no snapshot has the date or label '%s'", ref);
}

/* ---- opening ------------------------------------------------------------------------ */

static int check_options(const kik_store_options *o)
{
	if (!o)
		return 0;
	if (o->version < 1 || o->version > KIK_STORE_OPTIONS_VERSION)
		return kik__store_fail(KIK_EINVAL, "store options of version %u: this libkik knows up to %u",
				       o->version, KIK_STORE_OPTIONS_VERSION);
	if (o->flags & ~(unsigned)(KIK_STORE_READ_ONLY | KIK_STORE_MUST_EXIST))
		return kik__store_fail(KIK_EINVAL, "unknown store flags 0x%x", o->flags);
	return 0;
}

/* "file:<path>?immutable=1" for a file no one can change: SQLite then reads it without the
 * shared memory a WAL database otherwise needs beside it. */
static char *immutable_uri(const kik_allocator *a, const char *path)
{
	size_t n = strlen(path), i, k = 0;
	char *uri = kik__malloc(a, n * 3 + 32);
	if (!uri)
		return NULL;
	k += (size_t)sprintf(uri, "file:");
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)path[i];
		if (c == '%' || c == '?' || c == '#')
			k += (size_t)sprintf(uri + k, "%%%02X", c);
		else
			uri[k++] = (char)c;
	}
	strcpy(uri + k, "?immutable=1");
	return uri;
}

/* Whether a store opened read-only can be read; if not for want of the shared memory
 * beside a WAL database (the directory is not writable either), opens it as immutable. */
static int readable(kik_store *s, const char *path)
{
	sqlite3_stmt *st;
	char *uri;
	int rc = sqlite3_prepare_v2(s->db, "SELECT count(*) FROM sqlite_schema", -1, &st, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if ((rc & 0xFF) != SQLITE_READONLY && (rc & 0xFF) != SQLITE_CANTOPEN)
		return 0; /* readable, or an error the checks of the schema report */
	/* Immutable, SQLite reads the file as it lies and takes no locks: safe only while no
	 * writer is at work, which every read checks again (kik__store_unchanged). */
	if (being_written(path))
		return kik__store_fail(KIK_EBUSY,
				       "%s cannot be read here: a writer is at work on it or stopped half-way, and "
				       "the shared memory to read beside it cannot be made (its directory is not "
				       "writable)",
				       path);
	if (!(uri = immutable_uri(&s->alloc, path)) ||
	    !(s->immutable_path = kik__strndup(&s->alloc, path, strlen(path)))) {
		kik__free(&s->alloc, uri);
		return kik__store_fail(KIK_ENOMEM, "out of memory");
	}
	if (stat(path, &s->immutable_seen) != 0) {
		kik__free(&s->alloc, uri);
		return kik__store_fail_os(KIK_EIO, errno, "%s: cannot open the store: %s", path, strerror(errno));
	}
	sqlite3_close_v2(s->db);
	rc = sqlite3_open_v2(uri, &s->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL);
	kik__free(&s->alloc, uri);
	return rc == SQLITE_OK ? 0 : kik__store_sqlite(s->db, rc, "opening the store read-only");
}

static int open_db(kik_store *s, const char *path)
{
	int flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE, rc;
	if (s->flags & KIK_STORE_READ_ONLY)
		flags |= SQLITE_OPEN_READONLY;
	else
		flags |= SQLITE_OPEN_READWRITE | (s->flags & KIK_STORE_MUST_EXIST ? 0 : SQLITE_OPEN_CREATE);
	rc = sqlite3_open_v2(path, &s->db, flags, NULL);
	if (rc != SQLITE_OK) {
		int os_error = s->db ? sqlite3_system_errno(s->db) : 0,
		    code = rc == SQLITE_NOMEM ? KIK_ENOMEM : KIK_EIO;
		kik__store_fail_os(code, os_error, "%s: cannot open the store: %s%s%s", path,
				   s->db ? sqlite3_errmsg(s->db) : sqlite3_errstr(rc), os_error ? ": " : "",
				   os_error ? strerror(os_error) : "");
		return code;
	}
	return s->flags & KIK_STORE_READ_ONLY ? readable(s, path) : 0;
}

int kik_store_open(kik_store **out, const char *path, const kik_store_options *options)
{
	kik_allocator a;
	kik_store *s;
	int err;
	if (!out || !path)
		return kik__store_fail(KIK_EINVAL, "kik_store_open needs `out` and a path");
	if (!kik__utf8_ok(path) || !*path)
		return kik__store_fail(KIK_EINVAL, "a store's path must be non-empty UTF-8");
	if ((err = check_options(options)) < 0 ||
	    (err = kik__allocator_read(options ? options->allocator : NULL, &a)) < 0)
		return err;
	if (!(s = kik__malloc(&a, sizeof(*s))))
		return kik__store_fail(KIK_ENOMEM, "out of memory");
	memset(s, 0, sizeof(*s));
	s->alloc = a;
	s->flags = options ? options->flags : 0;
	if (pthread_mutex_init(&s->lock, NULL) != 0) {
		kik__free(&a, s);
		return kik__store_fail(KIK_ENOMEM, "cannot make the store's lock");
	}
	if ((err = open_db(s, path)) < 0 || (err = kik__rows_register(s->db)) < 0)
		goto fail;
	sqlite3_busy_timeout(
	    s->db,
	    options ? (int)(options->busy_timeout_ms > 2000000000u ? 2000000000u : options->busy_timeout_ms) : 5000);
	if ((err = kik__store_prepare_schema(s)) < 0)
		goto fail;
	*out = s;
	kik__store_ok();
	return 0;
fail:
	kik_store_free(s);
	return err;
}

void kik_store_free(kik_store *store)
{
	kik_allocator a;
	if (!store)
		return;
	a = store->alloc;
	kik_plan_free(store->work);
	sqlite3_close_v2(store->db); /* closes as soon as statements are done (there are none left) */
	kik__free(&a, store->immutable_path);
	pthread_mutex_destroy(&store->lock);
	kik__free(&a, store);
}
