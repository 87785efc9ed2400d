/* The history of one measure or task (its value at every snapshot, and every change-log
 * entry about it, in time order) and the change log of a plan. */
#include "store_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct kik_history_entry {
	kik_history_source source;
	const char *time, *label, *author, *action, *object, *measure, *what, *old_value, *new_value, *note, *value;
};

struct kik_history {
	kik_allocator alloc;
	kik__arena arena; /* the entries' strings */
	kik_history_entry *items;
	size_t count, cap;
};

void kik_history_free(kik_history *h)
{
	kik_allocator a;
	if (!h)
		return;
	a = h->alloc;
	kik__free(&a, h->items);
	kik__arena_free(&a, &h->arena);
	kik__free(&a, h);
}

size_t kik_history_count(const kik_history *h)
{
	return h ? h->count : 0;
}

const kik_history_entry *kik_history_get(const kik_history *h, size_t i)
{
	return h && i < h->count ? &h->items[i] : NULL;
}

kik_history_source kik_history_entry_source(const kik_history_entry *e)
{
	return e ? e->source : KIK_HISTORY_INVALID;
}

#define GETTER(name, member)                                                                                           \
	const char *kik_history_entry_##name(const kik_history_entry *e)                                               \
	{                                                                                                              \
		return e ? e->member : NULL;                                                                           \
	}
GETTER(time, time)
GETTER(label, label)
GETTER(author, author)
GETTER(action, action)
GETTER(object, object)
GETTER(measure, measure)
GETTER(what, what)
GETTER(old, old_value)
GETTER(new, new_value)
GETTER(note, note)
GETTER(value, value)

/* A copy of column `col` ("" for NULL, or NULL for NULL when `keep_null`). */
static const char *copy_column(kik_history *h, sqlite3_stmt *st, int col, int keep_null, int *failed)
{
	const char *s;
	if (sqlite3_column_type(st, col) == SQLITE_NULL && keep_null)
		return NULL;
	s = kik__arena_strndup(&h->alloc, &h->arena, kik__sql_text(st, col), strlen(kik__sql_text(st, col)));
	*failed |= !s;
	return s;
}

static kik_history_entry *new_entry(kik_history *h)
{
	if (h->count == h->cap) {
		size_t cap = h->cap ? h->cap * 2 : 16;
		kik_history_entry *items = kik__realloc(&h->alloc, h->items, cap * sizeof(*items));
		if (!items)
			return NULL;
		h->items = items;
		h->cap = cap;
	}
	return &h->items[h->count++];
}

/* Appends an entry for each row of `st`: columns at, author, action, object, measure, what,
 * old, new, note, and the value (column 9, or `value_col`). Snapshot rows have the label
 * in column 10. */
static int add_rows(kik_history *h, sqlite3 *db, sqlite3_stmt *st, kik_history_source source)
{
	int err;
	while ((err = kik__sql_step(db, st, "reading the store's history")) > 0) {
		kik_history_entry *e = new_entry(h);
		int failed = !e;
		if (failed)
			return kik__store_fail(KIK_ENOMEM, "out of memory");
		e->source = source;
		e->time = copy_column(h, st, 0, 0, &failed);
		e->author = copy_column(h, st, 1, 0, &failed);
		e->action = copy_column(h, st, 2, 0, &failed);
		e->object = copy_column(h, st, 3, 0, &failed);
		e->measure = copy_column(h, st, 4, 0, &failed);
		e->what = copy_column(h, st, 5, 0, &failed);
		e->old_value = copy_column(h, st, 6, 1, &failed);
		e->new_value = copy_column(h, st, 7, 1, &failed);
		e->note = copy_column(h, st, 8, 0, &failed);
		e->value = copy_column(h, st, 9, 1, &failed);
		e->label = copy_column(h, st, 10, 0, &failed);
		if (failed)
			return kik__store_fail(KIK_ENOMEM, "out of memory");
	}
	return err;
}

/* The object of a history: a task (all digits) or a measure ("SB-4.6"). */
typedef struct object {
	int is_task;
	unsigned long task_id;
	char field[64];
	unsigned goal, sub;
} object;

static int parse_object(const char *text, object *o)
{
	const char *dash;
	char *end;
	memset(o, 0, sizeof(*o));
	if (!text || !*text || !kik__utf8_ok(text))
		return kik__store_fail(KIK_EINVAL, "a history is of a measure (\"SB-4.6\") or a task (its id)");
	if (strspn(text, "0123456789") == strlen(text)) {
		o->is_task = 1;
		o->task_id = strtoul(text, &end, 10);
		return o->task_id ? 0 : kik__store_fail(KIK_EINVAL, "no task has the id 0");
	}
	dash = strrchr(text, '-');
	if (!dash || dash == text || (size_t)(dash - text) >= sizeof(o->field) ||
	    kik__parse_measure_number(dash + 1, &o->goal, &o->sub) < 0)
		return kik__store_fail(KIK_EINVAL, "'%s' names no measure: expected an id such as SB-4.6", text);
	memcpy(o->field, text, (size_t)(dash - text));
	return 0;
}

/* The rows of an object (measure or task) in its table, valid at s.version (SQL). */
static const char measure_at[] = "SELECT k.key FROM kik_measures m JOIN kik_statuses k ON k.status = m.status "
				 "WHERE m.plan_id = s.plan_id AND m.field = ?2 AND m.goal = ?3 AND m.sub = ?4 AND "
				 "m.valid_from <= s.version AND (m.valid_to IS NULL OR m.valid_to > s.version)";
static const char task_at[] =
    "SELECT k.key FROM kik_tasks t JOIN kik_task_states k ON k.state = t.state "
    "WHERE (t.row_id = ?5 + ?2 OR (t.task_id = ?2 AND t.plan_id = s.plan_id AND " KIK__LATER_CONDITION
    ")) AND t.valid_from <= s.version AND (t.valid_to IS NULL OR t.valid_to > s.version)";

/* The snapshots (from_snapshots), or the working state, as entries of the object's history.
 * The working state's time is when it was last written (the plan's last log entry). */
static int states_of(kik_store *s, kik_history *h, int64_t plan_id, const object *o, int from_snapshots)
{
	char sql[1024];
	sqlite3_stmt *st;
	int err;
	if (from_snapshots)
		snprintf(sql, sizeof(sql),
			 "SELECT s.as_of, s.author, 'snapshot', s.as_of, '', '', NULL, NULL, '', (%s), s.label "
			 "FROM kik_snapshots s WHERE s.plan_id = ?1 ORDER BY s.as_of, s.taken, s.snapshot_id",
			 o->is_task ? task_at : measure_at);
	else
		snprintf(
		    sql, sizeof(sql),
		    "SELECT coalesce((SELECT max(at) FROM kik_changes WHERE plan_id = ?1), s.as_of), '', 'working', "
		    "'', '', '', NULL, NULL, '', (%s), '' "
		    "FROM versions s WHERE s.plan_id = ?1 AND s.snapshot = 'working'",
		    o->is_task ? task_at : measure_at);
	if ((err = kik__sql_prepare(s->db, sql, &st)) < 0)
		return err;
	sqlite3_bind_int64(st, 1, plan_id);
	if (o->is_task) {
		sqlite3_bind_int64(st, 2, (int64_t)o->task_id);
		sqlite3_bind_int64(st, 5, kik__plan_rows(plan_id));
	} else {
		sqlite3_bind_text(st, 2, o->field, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 3, o->goal);
		sqlite3_bind_int64(st, 4, o->sub);
	}
	err = add_rows(h, s->db, st, from_snapshots ? KIK_HISTORY_SNAPSHOT : KIK_HISTORY_WORKING);
	sqlite3_finalize(st);
	return err;
}

/* The change-log entries of plan_id; `where` limits them (with ?2 and ?3). */
static int changes_of(kik_store *s, kik_history *h, int64_t plan_id, const char *where, const char *value,
		      const object *o)
{
	char sql[1024], id[128];
	sqlite3_stmt *st;
	int err;
	snprintf(sql, sizeof(sql),
		 "SELECT at, author, action, object, measure, what, old, new, note, %s, '' FROM kik_changes "
		 "WHERE plan_id = ?1%s ORDER BY change_id",
		 value, where);
	if ((err = kik__sql_prepare(s->db, sql, &st)) < 0)
		return err;
	sqlite3_bind_int64(st, 1, plan_id);
	if (o && o->is_task) {
		sqlite3_bind_int64(st, 2, (int64_t)o->task_id);
	} else if (o) {
		snprintf(id, sizeof(id), "%s-%u.%u", o->field, o->goal, o->sub);
		sqlite3_bind_text(st, 2, id, -1, SQLITE_STATIC);
	}
	err = add_rows(h, s->db, st, KIK_HISTORY_CHANGE);
	sqlite3_finalize(st);
	return err;
}

/* Merges the snapshot entries [0, n) and the change entries [n, end), each list in time
 * order, into one: snapshot times are dates ("YYYY-MM-DD") and sort before the changes of
 * their day ("YYYY-MM-DDTHH:MM:SSZ"); changes of the same second keep their order. The
 * entries from `end` on (the working state) stay last. */
static int merge(kik_history *h, size_t n, size_t end)
{
	kik_history_entry *all = kik__malloc(&h->alloc, (h->count ? h->count : 1) * sizeof(*all));
	size_t i = 0, j = n, k = 0;
	if (!all)
		return kik__store_fail(KIK_ENOMEM, "out of memory");
	while (i < n || j < end)
		all[k++] = j == end || (i < n && strcmp(h->items[i].time, h->items[j].time) <= 0) ? h->items[i++]
												  : h->items[j++];
	while (k < h->count)
		all[k++] = h->items[j++];
	kik__free(&h->alloc, h->items);
	h->items = all;
	h->cap = h->count;
	return 0;
}

static int new_history(const kik_store *s, kik_history **out)
{
	kik_history *h = kik__malloc(&s->alloc, sizeof(*h));
	if (!h)
		return kik__store_fail(KIK_ENOMEM, "out of memory");
	memset(h, 0, sizeof(*h));
	h->alloc = s->alloc;
	*out = h;
	return 0;
}

/* Runs `fill` in a read transaction of plan `plan`, giving a new history. */
static int read_history(const kik_store *store, const char *plan, const object *o, kik_history **out)
{
	kik_store *s = (kik_store *)store;
	kik_history *h = NULL;
	int64_t plan_id, head;
	size_t snapshots = 0, changes = 0;
	int err;
	if ((err = new_history(store, &h)) < 0)
		return err;
	if ((err = kik__store_enter(store, 0)) < 0) {
		kik_history_free(h);
		return err;
	}
	if ((err = kik__store_begin(s, 0)) == 0) {
		if ((err = kik__store_find_plan(s, plan, 0, &plan_id, &head)) == 0) {
			if (!o)
				err = changes_of(s, h, plan_id, "", "status", NULL);
			else if ((err = states_of(s, h, plan_id, o, 1)) == 0) {
				snapshots = h->count;
				err = o->is_task ? changes_of(s, h, plan_id, " AND task_id = ?2", "state", o)
						 : changes_of(s, h, plan_id, " AND measure = ?2", "status", o);
				changes = h->count;
				if (err == 0)
					err = states_of(s, h, plan_id, o, 0);
			}
		}
		err = kik__store_end_read(s, err);
	}
	kik__store_leave(store);
	if (err == 0 && o) {
		size_t i, found = 0;
		/* a measure or task the store never held has no history */
		for (i = 0; i < h->count; i++)
			found += h->items[i].source == KIK_HISTORY_CHANGE || h->items[i].value;
		if (!found)
			err = kik__store_fail(
			    KIK_ENOTFOUND,
			    "the plan never had that measure or task in a snapshot, an edit or its working state");
		else
			err = merge(h, snapshots, changes);
	}
	if (err < 0) {
		kik_history_free(h);
		return err;
	}
	*out = h;
	kik__store_ok();
	return 0;
}

int kik_store_history(const kik_store *store, const char *plan, const char *object_id, kik_history **out)
{
	object o;
	int err;
	if (!store || !out)
		return kik__store_fail(KIK_EINVAL, "kik_store_history needs a store and `out`");
	if (!kik__utf8_ok(plan))
		return kik__store_fail(KIK_EINVAL, "a plan's name must be UTF-8");
	if ((err = parse_object(object_id, &o)) < 0)
		return err;
	return read_history(store, plan, &o, out);
}

int kik_store_log(const kik_store *store, const char *plan, kik_history **out)
{
	if (!store || !out)
		return kik__store_fail(KIK_EINVAL, "kik_store_log needs a store and `out`");
	if (!kik__utf8_ok(plan))
		return kik__store_fail(KIK_EINVAL, "a plan's name must be UTF-8");
	return read_history(store, plan, NULL, out);
}
