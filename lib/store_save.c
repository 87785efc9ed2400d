/* Saving plans into the store: the working state, snapshots of it or of another plan,
 * imports of files; adding, removing and dropping plans and snapshots. */
#include "store_internal.h"

#include <stdio.h>
#include <string.h>

/* Binds ?1 .. ?5 where `st` has them. */
static void bind_numbers(sqlite3_stmt *st, const int64_t values[5])
{
	int k;
	for (k = 0; k < 5; k++) {
		char name[4] = { '?', (char)('1' + k), '\0', '\0' };
		int i = sqlite3_bind_parameter_index(st, name);
		if (i > 0)
			sqlite3_bind_int64(st, i, values[k]);
	}
}

/* Runs `sql` for every part: %1$s is its table, %2$s its columns; ?1 = plan_id, ?2 = a,
 * ?3 = b, ?4 and ?5 the first and last row_id of the plan, where the statement has them. */
static int each_part(kik_store *s, const char *sql, int64_t plan_id, int64_t a, int64_t b)
{
	const int64_t values[5] = { plan_id, a, b, kik__plan_rows(plan_id), kik__plan_rows_end(plan_id) };
	size_t i;
	for (i = 0; i < kik__part_count; i++) {
		char text[1024];
		sqlite3_stmt *st;
		int err;
		snprintf(text, sizeof(text), sql, kik__parts[i]->table, kik__parts[i]->columns);
		if ((err = kik__sql_prepare(s->db, text, &st)) < 0)
			return err;
		bind_numbers(st, values);
		err = kik__sql_step(s->db, st, "writing to the store");
		sqlite3_finalize(st);
		if (err < 0)
			return err;
	}
	return 0;
}

/* After a snapshot at version v between the working state's v - 1 and v + 1: the working
 * state's rows the snapshot closed are valid again from v + 1 (as copies written after the
 * others), and the snapshot's own end there. */
static int reopen_rows(kik_store *s, int64_t plan_id, int64_t v)
{
	char sql[1024];
	size_t i;
	int err;
	for (i = 0; i < kik__part_count; i++) {
		const kik__part *p = kik__parts[i];
		int64_t from = kik__plan_rows(plan_id) + (p->keyed ? KIK__LATER_ROWS : 0);
		sqlite3_stmt *st;
		/* after the rows written last (a keyed part's later rows) */
		snprintf(sql, sizeof(sql),
			 "INSERT INTO %s (row_id, plan_id, valid_from, %s) SELECT coalesce((SELECT max(row_id) FROM %s "
			 "WHERE row_id BETWEEN ?6 AND ?5), ?6 - 1) + row_number() OVER (ORDER BY o.row_id), ?1, ?3, %s "
			 "FROM %s AS o WHERE o.row_id BETWEEN ?4 AND ?5 AND o.valid_to = ?2",
			 p->table, p->columns, p->table, p->columns, p->table);
		if ((err = kik__sql_prepare(s->db, sql, &st)) < 0)
			return err;
		sqlite3_bind_int64(st, 1, plan_id);
		sqlite3_bind_int64(st, 2, v);
		sqlite3_bind_int64(st, 3, v + 1);
		sqlite3_bind_int64(st, 4, kik__plan_rows(plan_id));
		sqlite3_bind_int64(st, 5, kik__plan_rows_end(plan_id));
		sqlite3_bind_int64(st, 6, from);
		err = kik__sql_step(s->db, st, "writing to the store");
		sqlite3_finalize(st);
		if (err < 0)
			return err;
	}
	return each_part(s,
			 "UPDATE %1$s SET valid_to = ?3 WHERE row_id BETWEEN ?4 AND ?5 AND valid_from = ?2 AND "
			 "valid_to IS NULL AND plan_id = ?1",
			 plan_id, v, v + 1);
}

static int set_head(kik_store *s, int64_t plan_id, int64_t head)
{
	sqlite3_stmt *st;
	int err;
	if ((err = kik__sql_prepare(s->db, "UPDATE kik_plans SET head = ?2 WHERE plan_id = ?1", &st)) < 0)
		return err;
	sqlite3_bind_int64(st, 1, plan_id);
	sqlite3_bind_int64(st, 2, head);
	err = kik__sql_step(s->db, st, "writing to the store");
	sqlite3_finalize(st);
	return err < 0 ? err : 0;
}

static int check_plan_name(const char *plan)
{
	if (!kik__utf8_ok(plan))
		return kik__store_fail(KIK_EINVAL, "a plan's name must be UTF-8");
	return 0;
}

/* Checks a snapshot's description (NULL: the plan's date, no label). */
static int check_snapshot(const kik_snapshot_desc *d)
{
	if (!d)
		return 0;
	if (d->version < 1 || d->version > KIK_SNAPSHOT_DESC_VERSION)
		return kik__store_fail(KIK_EINVAL, "a snapshot description of version %u: this libkik knows up to %u",
				       d->version, KIK_SNAPSHOT_DESC_VERSION);
	if (d->as_of && !kik__is_iso_date(d->as_of))
		return kik__store_fail(KIK_EINVAL, "'%s' is not a date of the form YYYY-MM-DD", d->as_of);
	if (!kik__utf8_ok(d->label))
		return kik__store_fail(KIK_EINVAL, "a snapshot's label must be UTF-8");
	return 0;
}

/* The as-of date of a snapshot: the description's, else `own`, the plan's. */
static int snapshot_date(const kik_snapshot_desc *d, const char *own, const char **as_of)
{
	*as_of = d && d->as_of ? d->as_of : own;
	if (!**as_of)
		return kik__store_fail(KIK_EINVAL, "a snapshot needs an as-of date, and the plan has none");
	return 0;
}

static const char *label_of(const kik_snapshot_desc *d)
{
	return d && d->label ? d->label : "";
}

static int drop_plan_rows(kik_store *s, int64_t plan_id)
{
	static const char *const sql[] = { "DELETE FROM kik_changes WHERE plan_id = ?1",
					   "DELETE FROM kik_snapshots WHERE plan_id = ?1",
					   "DELETE FROM kik_plans WHERE plan_id = ?1" };
	size_t k;
	for (k = 0; k < sizeof(sql) / sizeof(sql[0]); k++) {
		sqlite3_stmt *st;
		int err;
		if ((err = kik__sql_prepare(s->db, sql[k], &st)) < 0)
			return err;
		sqlite3_bind_int64(st, 1, plan_id);
		err = kik__sql_step(s->db, st, "removing a plan");
		sqlite3_finalize(st);
		if (err < 0)
			return err;
	}
	return 0;
}

/* Records the snapshot of `version`. */
static int add_snapshot(kik_store *s, int64_t plan_id, int64_t version, const char *as_of, const char *label,
			const kik_edit_info *info)
{
	sqlite3_stmt *st;
	char now[32];
	int err;
	kik__store_now(now);
	if ((err = kik__sql_prepare(s->db,
				    "INSERT INTO kik_snapshots (plan_id, version, as_of, label, taken, author) "
				    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
				    &st)) < 0)
		return err;
	sqlite3_bind_int64(st, 1, plan_id);
	sqlite3_bind_int64(st, 2, version);
	sqlite3_bind_text(st, 3, as_of, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, label, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, now, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, info && info->author ? info->author : "", -1, SQLITE_STATIC);
	err = kik__sql_step(s->db, st, "taking a snapshot");
	sqlite3_finalize(st);
	if (err == KIK_EEXISTS)
		return kik__store_fail(KIK_EEXISTS, "the plan has a snapshot of %s already", as_of);
	return err < 0 ? err : 0;
}

/* A change-log entry of a call on a whole plan or snapshot. */
static int log_plain(kik_store *s, int64_t plan_id, int64_t version, const kik_edit_info *info, const char *action,
		     const char *object, const char *what, const char *old_value, const char *new_value)
{
	kik__log_entry e;
	memset(&e, 0, sizeof(e));
	e.action = action;
	e.object = object;
	e.what = what;
	e.old_value = old_value;
	e.new_value = new_value;
	return kik__store_log(s, plan_id, version, info, &e);
}

/* The entry of a save or an import: what it wrote, in rows. */
static int log_sync(const kik__sync *sync, const kik_edit_info *info, const char *action, const char *object,
		    const char *what)
{
	char rows[128];
	snprintf(rows, sizeof(rows), "%lu added, %lu changed, %lu removed", sync->added, sync->changed, sync->removed);
	return log_plain(sync->store, sync->plan_id, sync->head, info, action, object, what, NULL, rows);
}

/* Ends a writing call: commits, or rolls back and forgets the working state kept for
 * edits, which may no longer be the stored one. */
static int finish(kik_store *s, int err)
{
	if (err == 0 && (err = kik__store_commit(s)) == 0)
		return 0;
	kik__store_rollback(s);
	kik__store_forget_work(s);
	return err;
}

/* Whether the store holds no rows of any plan yet (a new store). */
static int store_empty(kik_store *s, int *empty)
{
	size_t i;
	*empty = 1;
	for (i = 0; i < kik__part_count && *empty; i++) {
		char sql[128];
		sqlite3_stmt *st;
		int err;
		snprintf(sql, sizeof(sql), "SELECT 1 FROM %s LIMIT 1", kik__parts[i]->table);
		if ((err = kik__sql_prepare(s->db, sql, &st)) < 0)
			return err;
		err = kik__sql_step(s->db, st, "reading the store");
		sqlite3_finalize(st);
		if (err < 0)
			return err;
		*empty = err == 0;
	}
	return 0;
}

/* The first save into a new store writes the whole plan. In WAL mode its pages would be
 * written twice, to the log and then into the file; a rollback journal of a new file holds
 * next to nothing. So, when no other connection has the store open, that save runs with a
 * rollback journal (synchronous FULL), and the store returns to WAL right after. Returns 1
 * when it switched. */
static int bulk_journal(kik_store *s)
{
	sqlite3_stmt *st;
	int empty, switched = 0;
	if (sqlite3_db_filename(s->db, "main") == NULL || !*sqlite3_db_filename(s->db, "main") ||
	    store_empty(s, &empty) < 0 || !empty)
		return 0;
	if (kik__sql_prepare(s->db, "PRAGMA journal_mode = DELETE", &st) < 0)
		return 0;
	if (kik__sql_step(s->db, st, "") > 0)
		switched = strcmp(kik__sql_text(st, 0), "delete") == 0;
	sqlite3_finalize(st);
	if (switched)
		sqlite3_exec(s->db, "PRAGMA synchronous = FULL", NULL, NULL, NULL);
	return switched;
}

static void wal_again(kik_store *s)
{
	/* if another connection came in between, the next opening switches */
	sqlite3_exec(s->db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL", NULL, NULL, NULL);
}

int kik_store_save(kik_store *store, const char *plan, const kik_plan *p, const kik_edit_info *info)
{
	kik__sync sync;
	int err, bulk;
	if (!store || !p)
		return kik__store_fail(KIK_EINVAL, "kik_store_save needs a store and a plan");
	if ((err = check_plan_name(plan)) < 0 || (err = kik__check_edit_info(info)) < 0 ||
	    (err = kik__store_enter(store, 1)) < 0)
		return err;
	memset(&sync, 0, sizeof(sync));
	sync.store = store;
	bulk = bulk_journal(store);
	if ((err = kik__store_begin(store, 1)) == 0) {
		kik__store_forget_work(store);
		if ((err = kik__store_find_plan(store, plan, 1, &sync.plan_id, &sync.head)) == 0 &&
		    (err = kik__sync_plan(&sync, p)) == 0)
			err = log_sync(&sync, info, "save", "", "rows");
		err = finish(store, err);
	}
	if (bulk)
		wal_again(store);
	kik__store_leave(store);
	if (err == 0)
		kik__store_ok();
	return err;
}

int kik_store_save_snapshot(kik_store *store, const char *plan, const kik_plan *p, const kik_snapshot_desc *snap,
			    const kik_edit_info *info)
{
	const char *as_of;
	kik__sync sync;
	int64_t h = 0;
	int err;
	if (!store || !p)
		return kik__store_fail(KIK_EINVAL, "kik_store_save_snapshot needs a store and a plan");
	if ((err = check_plan_name(plan)) < 0 || (err = kik__check_edit_info(info)) < 0 ||
	    (err = check_snapshot(snap)) < 0 || (err = snapshot_date(snap, kik_plan_as_of(p), &as_of)) < 0 ||
	    (err = kik__store_enter(store, 1)) < 0)
		return err;
	memset(&sync, 0, sizeof(sync));
	sync.store = store;
	if ((err = kik__store_begin(store, 1)) == 0) {
		/* The snapshot gets the version h + 1 between the working state's h and h + 2: what p
		 * changes is closed at h + 1 and written from it, then the working state's rows are
		 * valid again from h + 2 and the snapshot's end there. */
		if ((err = kik__store_find_plan(store, plan, 1, &sync.plan_id, &h)) == 0 &&
		    (err = add_snapshot(store, sync.plan_id, h + 1, as_of, label_of(snap), info)) == 0) {
			sync.head = h + 1;
			if ((err = kik__sync_plan(&sync, p)) == 0 &&
			    (err = reopen_rows(store, sync.plan_id, h + 1)) == 0 &&
			    (err = set_head(store, sync.plan_id, h + 2)) == 0)
				err = log_sync(&sync, info, "save_snapshot", as_of, "rows");
		}
		err = finish(store, err);
	}
	kik__store_leave(store);
	if (err == 0)
		kik__store_ok();
	return err;
}

/* The working state's as-of date, "" when it has none. */
static int working_as_of(kik_store *s, int64_t plan_id, char *out, size_t cap)
{
	sqlite3_stmt *st;
	int err;
	out[0] = '\0';
	if ((err = kik__sql_prepare(
		 s->db, "SELECT value FROM kik_info WHERE plan_id = ?1 AND key = 'as_of' AND valid_to IS NULL", &st)) <
	    0)
		return err;
	sqlite3_bind_int64(st, 1, plan_id);
	if ((err = kik__sql_step(s->db, st, "reading the store")) > 0)
		snprintf(out, cap, "%s", kik__sql_text(st, 0));
	sqlite3_finalize(st);
	return err < 0 ? err : 0;
}

int kik_store_snapshot(kik_store *store, const char *plan, const kik_snapshot_desc *snap, const kik_edit_info *info)
{
	const char *as_of;
	int64_t plan_id, head;
	char own[64];
	int err;
	if (!store)
		return kik__store_fail(KIK_EINVAL, "kik_store_snapshot needs a store");
	if ((err = check_plan_name(plan)) < 0 || (err = kik__check_edit_info(info)) < 0 ||
	    (err = check_snapshot(snap)) < 0 || (err = kik__store_enter(store, 1)) < 0)
		return err;
	if ((err = kik__store_begin(store, 1)) == 0) {
		/* freezing the head: the rows valid at it stay valid; later changes close them */
		if ((err = kik__store_find_plan(store, plan, 0, &plan_id, &head)) == 0 &&
		    (err = working_as_of(store, plan_id, own, sizeof(own))) == 0 &&
		    (err = snapshot_date(snap, own, &as_of)) == 0 &&
		    (err = add_snapshot(store, plan_id, head, as_of, label_of(snap), info)) == 0 &&
		    (err = log_plain(store, plan_id, head, info, "snapshot", as_of, "snapshot", NULL,
				     label_of(snap))) == 0)
			err = set_head(store, plan_id, head + 1);
		err = finish(store, err);
	}
	kik__store_leave(store);
	if (err == 0)
		kik__store_ok();
	return err;
}

int kik_store_remove_snapshot(kik_store *store, const char *plan, const char *snapshot, const kik_edit_info *info)
{
	int64_t plan_id, head, version = -1;
	sqlite3_stmt *st;
	char as_of[16] = "", *label = NULL; /* the label whole, for the log */
	int err;
	if (!store || !snapshot)
		return kik__store_fail(KIK_EINVAL, "kik_store_remove_snapshot needs a store and a snapshot");
	if ((err = check_plan_name(plan)) < 0 || (err = kik__check_edit_info(info)) < 0 ||
	    (err = kik__store_enter(store, 1)) < 0)
		return err;
	if ((err = kik__store_begin(store, 1)) == 0) {
		if ((err = kik__store_find_plan(store, plan, 0, &plan_id, &head)) == 0 &&
		    (err = kik__store_find_version(store, plan_id, snapshot, &version)) == 0 &&
		    (err = kik__sql_prepare(store->db,
					    "DELETE FROM kik_snapshots WHERE plan_id = ?1 AND version = ?2 "
					    "RETURNING as_of, label",
					    &st)) == 0) {
			sqlite3_bind_int64(st, 1, plan_id);
			sqlite3_bind_int64(st, 2, version);
			if ((err = kik__sql_step(store->db, st, "removing a snapshot")) > 0) {
				snprintf(as_of, sizeof(as_of), "%s", kik__sql_text(st, 0));
				label = kik__strndup(&store->alloc, kik__sql_text(st, 1), strlen(kik__sql_text(st, 1)));
				err = label ? kik__sql_step(store->db, st, "removing a snapshot")
					    : kik__store_fail(KIK_ENOMEM, "out of memory");
			}
			sqlite3_finalize(st);
			/* rows that no remaining snapshot nor the working state holds go */
			if (err == 0)
				err = each_part(
				    store,
				    "DELETE FROM %1$s WHERE row_id BETWEEN ?4 AND ?5 AND valid_to IS NOT NULL "
				    "AND valid_from <= ?2 AND valid_to > ?2 AND NOT EXISTS (SELECT 1 FROM "
				    "kik_snapshots s WHERE s.plan_id = ?1 AND s.version >= %1$s.valid_from "
				    "AND s.version < %1$s.valid_to)",
				    plan_id, version, 0);
			if (err == 0)
				err = log_plain(store, plan_id, head, info, "remove_snapshot", as_of, "snapshot", label,
						NULL);
		}
		err = finish(store, err);
	}
	kik__store_leave(store);
	kik__free(&store->alloc, label);
	if (err == 0)
		kik__store_ok();
	return err;
}

int kik_store_import_file(kik_store *store, const char *plan, kik_import_kind kind, const char *path,
			  const kik_import_options *options, const kik_edit_info *info)
{
	kik_plan *work;
	kik__sync sync;
	int err;
	if (!store || !path)
		return kik__store_fail(KIK_EINVAL, "kik_store_import_file needs a store and a path");
	if ((err = check_plan_name(plan)) < 0 || (err = kik__check_edit_info(info)) < 0 ||
	    (err = kik__store_enter(store, 1)) < 0)
		return err;
	memset(&sync, 0, sizeof(sync));
	sync.store = store;
	if ((err = kik__store_begin(store, 1)) == 0) {
		if ((err = kik__store_find_plan(store, plan, 1, &sync.plan_id, &sync.head)) == 0 &&
		    (err = kik__store_work(store, sync.plan_id, sync.head, &work)) == 0) {
			/* a failed import leaves the plan as it was, so the kept working state stays right */
			if ((err = kik_plan_import_file(work, kind, path, options)) == 0 &&
			    (err = kik__sync_plan(&sync, work)) == 0)
				err = log_sync(&sync, info, "import", path, kik_import_kind_key(kind));
		}
		err = finish(store, err); /* the working state kept is the stored one when it commits */
	}
	kik__store_leave(store);
	if (err == 0)
		kik__store_ok();
	return err;
}

int kik_store_add_plan(kik_store *store, const char *plan)
{
	int64_t plan_id, head;
	int err;
	if (!store || !plan || !*plan)
		return kik__store_fail(KIK_EINVAL, "kik_store_add_plan needs a store and a name");
	if ((err = check_plan_name(plan)) < 0 || (err = kik__store_enter(store, 1)) < 0)
		return err;
	if ((err = kik__store_begin(store, 1)) == 0) {
		err = kik__store_find_plan(store, plan, 0, &plan_id, &head);
		if (err == 0)
			err = kik__store_fail(KIK_EEXISTS, "the store has a plan named '%s' already", plan);
		else if (err == KIK_ENOTFOUND)
			err = kik__store_find_plan(store, plan, 1, &plan_id, &head);
		err = finish(store, err);
	}
	kik__store_leave(store);
	if (err == 0)
		kik__store_ok();
	return err;
}

int kik_store_remove_plan(kik_store *store, const char *plan)
{
	int64_t plan_id, head;
	int err;
	if (!store || !plan)
		return kik__store_fail(KIK_EINVAL, "kik_store_remove_plan needs a store and a name");
	if ((err = check_plan_name(plan)) < 0 || (err = kik__store_enter(store, 1)) < 0)
		return err;
	if ((err = kik__store_begin(store, 1)) == 0) {
		if ((err = kik__store_find_plan(store, plan, 0, &plan_id, &head)) == 0 &&
		    (err = each_part(store, "DELETE FROM %1$s WHERE row_id BETWEEN ?4 AND ?5", plan_id, 0, 0)) == 0)
			err = drop_plan_rows(store, plan_id);
		kik__store_forget_work(store);
		err = finish(store, err);
	}
	kik__store_leave(store);
	if (err == 0)
		kik__store_ok();
	return err;
}
