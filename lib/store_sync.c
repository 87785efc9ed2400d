/* Writing a plan's items as rows of the working state: what is unchanged stays, a changed
 * item closes its row and gets a new one (or replaces it, when the row was written since
 * the last snapshot), an item the plan no longer has closes its row, a new one is added.
 * The new rows of a part go in with one statement over kik_rows (store_rows.c); into an
 * empty table, its indexes are dropped first and made again after, which sorts the keys
 * once instead of placing each in a tree. */
#include "store_internal.h"

#include <stdio.h>
#include <string.h>

/* ---- row ids (see KIK__LATER_ROWS) ------------------------------------------------- */

/* The range a part's rows are numbered in, in the order written: all of the plan's, or
 * for a keyed part, the later rows. */
static int64_t written_from(const kik__sync *sync, const kik__part *p)
{
	return kik__plan_rows(sync->plan_id) + (p->keyed ? KIK__LATER_ROWS : 0);
}

/* One number read by `sql`, with ?1 = a and ?2 = b where it has them (NULL: *out stays). */
static int query_int(sqlite3 *db, const char *sql, int64_t a, int64_t b, int64_t *out)
{
	sqlite3_stmt *st;
	int err;
	if ((err = kik__sql_prepare(db, sql, &st)) < 0)
		return err;
	if (sqlite3_bind_parameter_count(st) >= 1)
		sqlite3_bind_int64(st, 1, a);
	if (sqlite3_bind_parameter_count(st) >= 2)
		sqlite3_bind_int64(st, 2, b);
	if ((err = kik__sql_step(db, st, "reading the store")) > 0 && sqlite3_column_type(st, 0) != SQLITE_NULL)
		*out = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return err < 0 ? err : 0;
}

/* The row id after the last one written in the part's range. */
static int next_row(kik__sync *sync, const kik__part *p, int64_t *out)
{
	char sql[128];
	int64_t last = written_from(sync, p) - 1;
	int err;
	snprintf(sql, sizeof(sql), "SELECT max(row_id) FROM %s WHERE row_id BETWEEN ?1 AND ?2", p->table);
	err = query_int(sync->store->db, sql, written_from(sync, p), kik__plan_rows_end(sync->plan_id), &last);
	*out = last + 1;
	return err;
}

/* Whether SQLite's own numbering (the table's last row id + 1) gives the rows after
 * `last`: no row of the table lies beyond it. */
static int numbers_follow(kik__sync *sync, const kik__part *p, int64_t last, int *follow)
{
	char sql[128];
	int64_t max = -1;
	int err;
	snprintf(sql, sizeof(sql), "SELECT max(row_id) FROM %s", p->table);
	err = query_int(sync->store->db, sql, 0, 0, &max);
	*follow = max <= last;
	return err;
}

/* ---- statements ------------------------------------------------------------------- */

typedef struct part_sql {
	sqlite3_stmt *insert, *close, *drop;
	int64_t next_row; /* where the next row of the written range goes */
} part_sql;

/* "SELECT row_id, valid_from, <columns> FROM <table> WHERE ". */
static size_t select_rows(const kik__part *p, char *out, size_t cap)
{
	return (size_t)snprintf(out, cap, "SELECT row_id, valid_from, %s FROM %s WHERE ", p->columns, p->table);
}

/* The name of the k-th column of the part. */
static void column_name(const kik__part *p, int k, char *out, size_t cap)
{
	const char *s = p->columns;
	size_t n;
	while (k-- > 0) {
		s += strcspn(s, ",");
		while (*s == ',' || *s == ' ')
			s++;
	}
	n = strcspn(s, ",");
	snprintf(out, cap, "%.*s", (int)n, s);
}

static int prepare_writes(kik__sync *sync, const kik__part *p, part_sql *q)
{
	sqlite3 *db = sync->store->db;
	char sql[1024];
	size_t len;
	int k, err;
	memset(q, 0, sizeof(*q));
	if ((err = next_row(sync, p, &q->next_row)) < 0)
		return err;
	len = (size_t)snprintf(sql, sizeof(sql), "INSERT INTO %s (row_id, plan_id, valid_from, %s) VALUES (?1, ?2, ?3",
			       p->table, p->columns);
	for (k = 0; k < p->count; k++)
		len += (size_t)snprintf(sql + len, sizeof(sql) - len, ", ?%d", k + 4);
	snprintf(sql + len, sizeof(sql) - len, ")");
	if ((err = kik__sql_prepare(db, sql, &q->insert)) < 0)
		return err;
	snprintf(sql, sizeof(sql), "UPDATE %s SET valid_to = ?2 WHERE row_id = ?1", p->table);
	if ((err = kik__sql_prepare(db, sql, &q->close)) < 0)
		return err;
	snprintf(sql, sizeof(sql), "DELETE FROM %s WHERE row_id = ?1", p->table);
	return kik__sql_prepare(db, sql, &q->drop);
}

static void finalize_writes(part_sql *q)
{
	sqlite3_finalize(q->insert);
	sqlite3_finalize(q->close);
	sqlite3_finalize(q->drop);
	memset(q, 0, sizeof(*q));
}

/* Whether the row `row` exists. */
static int row_exists(kik__sync *sync, const kik__part *p, int64_t row, int *exists)
{
	char sql[128];
	int64_t found = 0;
	int err;
	snprintf(sql, sizeof(sql), "SELECT 1 FROM %s WHERE row_id = ?1", p->table);
	err = query_int(sync->store->db, sql, row, 0, &found);
	*exists = found == 1;
	return err;
}

/* Inserts the cursor's item as a new row valid from the head. */
static int insert_row(kik__sync *sync, const kik__part *p, part_sql *q, kik__cursor *c)
{
	kik__val vals[KIK__MAX_COLUMNS];
	int64_t row = q->next_row;
	int k, err, taken = 0;
	if (p->row(c, vals) < 0)
		return kik__store_fail(KIK_ENOMEM, "out of memory");
	if (p->keyed) { /* its first row, unless it has had one */
		if (vals[0].i < 1 || vals[0].i >= KIK__LATER_ROWS)
			return kik__store_fail(KIK_ELIMIT, "%s: key %lld is beyond what the store numbers", p->table,
					       (long long)vals[0].i);
		if ((err = row_exists(sync, p, kik__plan_rows(sync->plan_id) + vals[0].i, &taken)) < 0)
			return err;
		if (!taken)
			row = kik__plan_rows(sync->plan_id) + vals[0].i;
	}
	sqlite3_bind_int64(q->insert, 1, row);
	sqlite3_bind_int64(q->insert, 2, sync->plan_id);
	sqlite3_bind_int64(q->insert, 3, sync->head);
	for (k = 0; k < p->count; k++)
		kik__sql_bind(q->insert, k + 4, &vals[k]);
	err = kik__sql_step(sync->store->db, q->insert, "writing to the store");
	sqlite3_reset(q->insert);
	if (err < 0)
		return err;
	if (row == q->next_row)
		q->next_row++;
	return 0;
}

/* Ends the stored row `row` valid from `from`: it is closed at the head, or deleted when it
 * was written since the last snapshot (no snapshot holds it). */
static int end_row(kik__sync *sync, part_sql *q, int64_t row, int64_t from)
{
	sqlite3_stmt *st = from == sync->head ? q->drop : q->close;
	int err;
	sqlite3_bind_int64(st, 1, row);
	if (st == q->close)
		sqlite3_bind_int64(st, 2, sync->head);
	err = kik__sql_step(sync->store->db, st, "writing to the store");
	sqlite3_reset(st);
	return err < 0 ? err : 0;
}

/* The values of columns first.. of the current row. Texts live until the next step. */
static void column_vals(sqlite3_stmt *st, int first, int n, kik__val *out)
{
	int k;
	for (k = 0; k < n; k++) {
		int type = sqlite3_column_type(st, first + k);
		out[k].type = type == SQLITE_INTEGER ? KIK__INT : type == SQLITE_NULL ? KIK__NULL : KIK__TEXT;
		out[k].i = type == SQLITE_INTEGER ? sqlite3_column_int64(st, first + k) : 0;
		out[k].s = out[k].type == KIK__TEXT ? kik__sql_text(st, first + k) : NULL;
	}
}

/* Whether the stored row (columns 2.. of st) holds the values of the cursor's item: 1 or
 * 0, or KIK_ENOMEM. */
static int row_is(sqlite3_stmt *st, const kik__part *p, kik__cursor *c)
{
	kik__val vals[KIK__MAX_COLUMNS];
	int k;
	if (p->row(c, vals) < 0)
		return kik__store_fail(KIK_ENOMEM, "out of memory");
	for (k = 0; k < p->count; k++)
		if (!kik__sql_same(st, 2 + k, &vals[k]))
			return 0;
	return 1;
}

/* ---- the items a diff has seen: a set of pointers ------------------------------------ */

typedef struct seen_set {
	const void **slots;
	size_t cap, len;
} seen_set;

static size_t slot_of(const seen_set *s, const void *item)
{
	uint64_t h = (uint64_t)(uintptr_t)item * 0x9E3779B97F4A7C15ULL;
	size_t i = (size_t)(h >> 20) & (s->cap - 1);
	while (s->slots[i] && s->slots[i] != item)
		i = (i + 1) & (s->cap - 1);
	return i;
}

static int seen_add(const kik_allocator *a, seen_set *s, const void *item)
{
	size_t i;
	if ((s->len + 1) * 2 > s->cap) {
		seen_set bigger = { NULL, s->cap ? s->cap * 2 : 1024, 0 };
		if (!(bigger.slots = kik__malloc(a, bigger.cap * sizeof(void *))))
			return KIK_ENOMEM;
		memset(bigger.slots, 0, bigger.cap * sizeof(void *));
		for (i = 0; i < s->cap; i++)
			if (s->slots[i])
				bigger.slots[slot_of(&bigger, s->slots[i])] = s->slots[i];
		bigger.len = s->len;
		kik__free(a, (void *)s->slots);
		*s = bigger;
	}
	i = slot_of(s, item);
	if (!s->slots[i]) {
		s->slots[i] = item;
		s->len++;
	}
	return 0;
}

static int seen_has(const void *set, const void *item)
{
	const seen_set *s = set;
	return s->len && s->slots[slot_of(s, item)] == item;
}

/* ---- what a diff does to stored rows, gathered while reading them ----------------------- */

/* A stored row to end, and with `replace` to write anew from the plan's item. The key is
 * kept in ints; a text key's bytes lie in the keys' buffer at offset k[i]. */
typedef struct action {
	int64_t row, from;
	int64_t k[3];
	uint8_t text_bits; /* bit i: k[i] is a text's offset */
	uint8_t replace;
} action;

typedef struct actions {
	action *items;
	size_t len, cap;
	kik__buf texts;
} actions;

static int add_action(const kik_allocator *a, actions *list, const kik__part *p, int64_t row, int64_t from,
		      const kik__val *key, int replace)
{
	action *x;
	int k;
	if (list->len == list->cap) {
		size_t cap = list->cap ? list->cap * 2 : 64;
		action *items = kik__realloc(a, list->items, cap * sizeof(*items));
		if (!items)
			return KIK_ENOMEM;
		list->items = items;
		list->cap = cap;
	}
	x = &list->items[list->len];
	memset(x, 0, sizeof(*x));
	x->row = row;
	x->from = from;
	x->replace = (uint8_t)replace;
	for (k = 0; k < p->keys; k++) {
		if (key[k].type == KIK__TEXT) {
			x->k[k] = (int64_t)list->texts.len;
			x->text_bits |= (uint8_t)(1u << k);
			if (kik__buf_append(a, &list->texts, key[k].s, strlen(key[k].s) + 1) < 0)
				return KIK_ENOMEM;
		} else {
			x->k[k] = key[k].i;
		}
	}
	list->len++;
	return 0;
}

static void action_key(const actions *list, const action *x, int keys, kik__val *key)
{
	int k;
	for (k = 0; k < keys; k++) {
		int text = (x->text_bits >> k) & 1;
		key[k].type = text ? KIK__TEXT : KIK__INT;
		key[k].i = text ? 0 : x->k[k];
		key[k].s = text ? list->texts.data + x->k[k] : NULL;
	}
}

/* ---- indexes of an empty table --------------------------------------------------------- */

typedef struct deferred_indexes {
	char *sql[4];
	int count;
} deferred_indexes;

static int table_empty(sqlite3 *db, const kik__part *p, int *empty)
{
	char sql[128];
	int64_t any = 0;
	int err;
	snprintf(sql, sizeof(sql), "SELECT 1 FROM %s LIMIT 1", p->table);
	err = query_int(db, sql, 0, 0, &any);
	*empty = !any;
	return err;
}

static void free_deferred(const kik_allocator *a, deferred_indexes *d)
{
	while (d->count)
		kik__free(a, d->sql[--d->count]);
}

/* Drops the library's own indexes of the part's table (named kik_...; others, an
 * analyst's, stay), keeping the SQL that makes them. */
static int drop_indexes(kik__sync *sync, const kik__part *p, deferred_indexes *d)
{
	const kik_allocator *a = &sync->store->alloc;
	sqlite3 *db = sync->store->db;
	char names[4][64], drop[96];
	sqlite3_stmt *st;
	int err, k;
	if ((err = kik__sql_prepare(
		 db,
		 "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = ?1 AND "
		 "sql IS NOT NULL AND name GLOB 'kik_*' AND NOT name GLOB '*[^a-z0-9_]*' AND length(name) < 64",
		 &st)) < 0)
		return err;
	sqlite3_bind_text(st, 1, p->table, -1, SQLITE_STATIC);
	while (d->count < 4 && (err = kik__sql_step(db, st, "reading the store's schema")) > 0) {
		const char *sql = kik__sql_text(st, 1);
		snprintf(names[d->count], sizeof(names[0]), "%.63s", kik__sql_text(st, 0));
		if (!(d->sql[d->count] = kik__strndup(a, sql, strlen(sql)))) {
			err = kik__store_fail(KIK_ENOMEM, "out of memory");
			break;
		}
		d->count++;
	}
	sqlite3_finalize(st);
	for (k = 0; err == 0 && k < d->count; k++) {
		snprintf(drop, sizeof(drop), "DROP INDEX %.63s", names[k]);
		err = kik__sql_exec(db, drop, "writing to the store");
	}
	return err;
}

static int remake_indexes(kik__sync *sync, deferred_indexes *d)
{
	int k, err = 0;
	for (k = 0; err == 0 && k < d->count; k++)
		err = kik__sql_exec(sync->store->db, d->sql[k], "indexing the store");
	return err;
}

/* ---- diffs ------------------------------------------------------------------------------ */

/* Reads the stored rows of the scope: marks the items that have one, and gathers the rows
 * to end or replace. */
static int read_stored(kik__sync *sync, const kik__part *p, const kik__cursor *scope, seen_set *seen, actions *todo)
{
	const kik_allocator *a = &sync->store->alloc;
	int field = scope->field && p->field_column, goal = field && scope->goal && p->goal_column;
	sqlite3_stmt *st;
	char sql[1024];
	size_t len = select_rows(p, sql, sizeof(sql));
	int err;
	if (field) /* the key index finds them */
		snprintf(sql + len, sizeof(sql) - len, "plan_id = ?1 AND %s = ?2%s%s%s AND valid_to IS NULL",
			 p->field_column, goal ? " AND " : "", goal ? p->goal_column : "", goal ? " = ?3" : "");
	else /* the plan's range */
		snprintf(sql + len, sizeof(sql) - len, "row_id BETWEEN ?1 AND ?2 AND valid_to IS NULL");
	if ((err = kik__sql_prepare(sync->store->db, sql, &st)) < 0)
		return err;
	if (field) {
		sqlite3_bind_int64(st, 1, sync->plan_id);
		sqlite3_bind_text(st, 2, kik_field_code(scope->field), -1, SQLITE_STATIC);
		if (goal)
			sqlite3_bind_int64(st, 3, kik_goal_number(scope->goal));
	} else {
		sqlite3_bind_int64(st, 1, kik__plan_rows(sync->plan_id));
		sqlite3_bind_int64(st, 2, kik__plan_rows_end(sync->plan_id));
	}
	while ((err = kik__sql_step(sync->store->db, st, "reading the store")) > 0) {
		kik__val key[KIK__MAX_COLUMNS];
		kik__cursor c = *scope;
		int found, same = 0;
		column_vals(st, 2, p->keys, key);
		found = p->find(&c, key);
		if (found && ((err = seen_add(a, seen, c.item)) < 0 || (same = err = row_is(st, p, &c)) < 0))
			break;
		if (same)
			continue;
		if ((err = add_action(a, todo, p, sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1), key,
				      found)) < 0)
			break;
	}
	sqlite3_finalize(st);
	if (err == KIK_ENOMEM)
		return kik__store_fail(KIK_ENOMEM, "out of memory");
	return err < 0 ? err : 0;
}

/* The row id a bulk insert gives each row (?5 is q->next_row, ?6 the plan's first row). */
static int row_expression(kik__sync *sync, const kik__part *p, const part_sql *q, kik__rows_source *source, char *out,
			  size_t cap)
{
	int follow, err;
	if (p->keyed) {
		int64_t first_rows = kik__plan_rows(sync->plan_id), any = 0;
		char sql[128];
		snprintf(sql, sizeof(sql), "SELECT 1 FROM %s WHERE row_id BETWEEN ?1 AND ?2 LIMIT 1", p->table);
		if ((err = query_int(sync->store->db, sql, first_rows, kik__plan_rows_end(sync->plan_id), &any)) < 0 ||
		    (err = numbers_follow(sync, p, first_rows + KIK__LATER_ROWS - 1, &follow)) < 0)
			return err;
		source->first_rows = first_rows;
		source->number = follow;
		if (!any) /* the first rows of a new plan: at their keys */
			snprintf(out, cap, "r");
		else /* its first row, unless it has had one */
			snprintf(out, cap,
				 "CASE WHEN EXISTS (SELECT 1 FROM %s WHERE row_id = ?6 + c0) THEN ?5 + rowid ELSE ?6 + "
				 "c0 END",
				 p->table);
		return 0;
	}
	if ((err = numbers_follow(sync, p, q->next_row - 1, &follow)) < 0)
		return err;
	/* after the first row, SQLite numbers them: the table's last + 1, appended */
	snprintf(out, cap, follow ? "CASE WHEN rowid = 0 THEN ?5 END" : "?5 + rowid");
	return 0;
}

/* Inserts every item of the scope that `seen` does not hold, in one statement. */
static int insert_all(kik__sync *sync, const kik__part *p, part_sql *q, const kik__cursor *scope, const void *seen)
{
	kik__rows_source source;
	sqlite3_stmt *st;
	char sql[1024], row[256];
	size_t len;
	int k, err;
	memset(&source, 0, sizeof(source));
	source.part = p;
	source.scope = *scope;
	source.skip = seen ? seen_has : NULL;
	source.skip_ctx = seen;
	if ((err = row_expression(sync, p, q, &source, row, sizeof(row))) < 0)
		return err;
	len = (size_t)snprintf(sql, sizeof(sql), "INSERT INTO %s (row_id, plan_id, valid_from, %s) SELECT %s, ?2, ?3",
			       p->table, p->columns, row);
	for (k = 0; k < p->count; k++)
		len += (size_t)snprintf(sql + len, sizeof(sql) - len, ", c%d", k);
	snprintf(sql + len, sizeof(sql) - len, " FROM kik_rows(?4)");
	if ((err = kik__sql_prepare(sync->store->db, sql, &st)) < 0)
		return err;
	sqlite3_bind_int64(st, 2, sync->plan_id);
	sqlite3_bind_int64(st, 3, sync->head);
	kik__rows_bind(st, 4, &source);
	if ((k = sqlite3_bind_parameter_index(st, "?5")) > 0)
		sqlite3_bind_int64(st, k, q->next_row);
	if ((k = sqlite3_bind_parameter_index(st, "?6")) > 0)
		sqlite3_bind_int64(st, k, kik__plan_rows(sync->plan_id));
	err = kik__sql_step(sync->store->db, st, "writing to the store");
	if (err == 0) {
		sqlite3_int64 n = sqlite3_changes64(sync->store->db);
		q->next_row += n; /* the rows numbered from ?5 took at most n */
		sync->added += (unsigned long)n;
	}
	sqlite3_finalize(st);
	return err < 0 ? err : 0;
}

static int sync_part(kik__sync *sync, const kik__part *p, const kik__cursor *scope)
{
	const kik_allocator *a = &sync->store->alloc;
	seen_set seen = { NULL, 0, 0 };
	actions todo = { NULL, 0, 0, { NULL, 0, 0 } };
	deferred_indexes deferred;
	part_sql q;
	kik__cursor c;
	size_t i;
	int err, empty = 0;
	memset(&q, 0, sizeof(q));
	memset(&deferred, 0, sizeof(deferred));
	if ((err = read_stored(sync, p, scope, &seen, &todo)) < 0 ||
	    (!seen.len && !todo.len && (err = table_empty(sync->store->db, p, &empty)) < 0) ||
	    (empty && (err = drop_indexes(sync, p, &deferred)) < 0) || (err = prepare_writes(sync, p, &q)) < 0)
		goto done;
	for (i = 0; i < todo.len; i++) {
		kik__val key[KIK__MAX_COLUMNS];
		if ((err = end_row(sync, &q, todo.items[i].row, todo.items[i].from)) < 0)
			goto done;
		action_key(&todo, &todo.items[i], p->keys, key);
		c = *scope;
		if (todo.items[i].replace && p->find(&c, key)) {
			if ((err = insert_row(sync, p, &q, &c)) < 0)
				goto done;
			sync->changed++;
		} else {
			sync->removed++;
		}
	}
	if ((err = insert_all(sync, p, &q, scope, seen.len ? &seen : NULL)) < 0)
		goto done;
	finalize_writes(&q);
	err = remake_indexes(sync, &deferred);
done:
	finalize_writes(&q);
	free_deferred(a, &deferred);
	kik__free(a, (void *)seen.slots);
	kik__free(a, todo.items);
	kik__buf_free(a, &todo.texts);
	return err;
}

int kik__sync_part(kik__sync *sync, const kik__part *p, const kik__cursor *scope)
{
	kik__row_texts texts = { &sync->store->alloc, { NULL, 0, 0 } };
	kik__cursor c = *scope;
	int err;
	c.texts = &texts;
	err = sync_part(sync, p, &c);
	kik__buf_free(texts.alloc, &texts.buf);
	return err;
}

int kik__sync_plan(kik__sync *sync, const kik_plan *plan)
{
	kik__cursor scope;
	size_t i;
	int err;
	memset(&scope, 0, sizeof(scope));
	scope.plan = plan;
	for (i = 0; i < kik__part_count; i++)
		if ((err = kik__sync_part(sync, kik__parts[i], &scope)) < 0)
			return err;
	return 0;
}

/* ---- single items ----------------------------------------------------------------------- */

/* Appends to `sql` the condition that finds the rows of the key bound from ?2 on: its key
 * columns (the key index), or for a keyed part its first row (?1 + key) and its later rows
 * (the index <table>_later). */
static void key_condition(const kik__part *p, char *sql, size_t cap)
{
	size_t len = strlen(sql);
	char name[32];
	int k;
	if (p->keyed) {
		column_name(p, 0, name, sizeof(name));
		snprintf(sql + len, cap - len,
			 "(row_id = ?1 + ?2 OR (%s = ?2 AND plan_id = ?3 AND " KIK__LATER_CONDITION "))", name);
		return;
	}
	len += (size_t)snprintf(sql + len, cap - len, "plan_id = ?1");
	for (k = 0; k < p->keys; k++) {
		column_name(p, k, name, sizeof(name));
		len += (size_t)snprintf(sql + len, cap - len, " AND %s = ?%d", name, 2 + k);
	}
}

int kik__bind_key(sqlite3_stmt *st, const kik__part *p, int64_t plan_id, const kik__val *key)
{
	int k;
	if (p->keyed) {
		sqlite3_bind_int64(st, 1, kik__plan_rows(plan_id));
		sqlite3_bind_int64(st, 2, key[0].i);
		return sqlite3_bind_int64(st, 3, plan_id);
	}
	sqlite3_bind_int64(st, 1, plan_id);
	for (k = 0; k < p->keys; k++)
		kik__sql_bind(st, 2 + k, &key[k]);
	return 0;
}

int kik__key_rows_sql(const kik__part *p, const char *select, char *out, size_t cap)
{
	snprintf(out, cap, "%s", select);
	key_condition(p, out, cap);
	return 0;
}

/* Finds the stored row of a key in the working state: 1 with *row and *from set, 2 when it
 * holds the values of `compare`'s item already, or 0. */
static int stored_row(kik__sync *sync, const kik__part *p, const kik__val *key, int64_t *row, int64_t *from,
		      kik__cursor *compare)
{
	sqlite3_stmt *st;
	char sql[1024];
	size_t len = select_rows(p, sql, sizeof(sql));
	int err;
	snprintf(sql + len, sizeof(sql) - len, "valid_to IS NULL AND ");
	key_condition(p, sql, sizeof(sql));
	if ((err = kik__sql_prepare(sync->store->db, sql, &st)) < 0)
		return err;
	kik__bind_key(st, p, sync->plan_id, key);
	if ((err = kik__sql_step(sync->store->db, st, "reading the store")) > 0) {
		*row = sqlite3_column_int64(st, 0);
		*from = sqlite3_column_int64(st, 1);
		int same = compare ? row_is(st, p, compare) : 0;
		err = same < 0 ? same : same ? 2 : 1;
	}
	sqlite3_finalize(st);
	return err;
}

int kik__sync_item(kik__sync *sync, const kik__part *p, const kik__cursor *item)
{
	kik__val vals[KIK__MAX_COLUMNS];
	kik__row_texts texts = { &sync->store->alloc, { NULL, 0, 0 } };
	kik__cursor c = *item;
	part_sql q;
	int64_t row = 0, from = 0;
	int err, found;
	c.texts = &texts;
	if ((err = prepare_writes(sync, p, &q)) < 0)
		goto done;
	if (p->row(&c, vals) < 0) {
		err = kik__store_fail(KIK_ENOMEM, "out of memory");
		goto done;
	}
	if ((found = stored_row(sync, p, vals, &row, &from, &c)) < 0) {
		err = found;
		goto done;
	}
	if (found == 2)
		goto done;
	if (found && (err = end_row(sync, &q, row, from)) < 0)
		goto done;
	if ((err = insert_row(sync, p, &q, &c)) == 0) {
		if (found)
			sync->changed++;
		else
			sync->added++;
	}
done:
	finalize_writes(&q);
	kik__buf_free(texts.alloc, &texts.buf);
	return err;
}

int kik__sync_drop(kik__sync *sync, const kik__part *p, const kik__val *key)
{
	part_sql q;
	int64_t row = 0, from = 0;
	int err, found;
	if ((err = prepare_writes(sync, p, &q)) < 0)
		goto done;
	if ((found = stored_row(sync, p, key, &row, &from, NULL)) < 0) {
		err = found;
		goto done;
	}
	if (found && (err = end_row(sync, &q, row, from)) == 0)
		sync->removed++;
done:
	finalize_writes(&q);
	return err;
}
