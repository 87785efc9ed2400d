/* kik_rows: a table-valued function over the items of a plan, so that one statement
 * (INSERT INTO ... SELECT ... FROM kik_rows(?)) writes a whole part. Binding and stepping
 * a statement per row costs several times what SQLite spends on the row itself.
 *
 * It is registered on each store's own connection (not process-wide), reads only what a
 * C caller binds with sqlite3_bind_pointer(), and is for direct use only: a view or a
 * trigger in a file cannot call it. */
#include "store_internal.h"

#include <string.h>

#define POINTER_TYPE "kik__rows_source"

typedef struct rows_cursor {
	sqlite3_vtab_cursor base;
	const kik__rows_source *source;
	kik__cursor c;
	kik__val vals[KIK__MAX_COLUMNS];
	sqlite3_int64 row;
	int64_t max_key; /* the highest key of the rows before, -1 before the first */
	int64_t key;
	int eof;
} rows_cursor;

/* c0 .. c11: the values of an item's row; r: its row id (keyed parts); source: the hidden
 * argument. */
static int rows_connect(sqlite3 *db, void *aux, int argc, const char *const *argv, sqlite3_vtab **out, char **err)
{
	sqlite3_vtab *vtab;
	int rc;
	(void)aux, (void)argc, (void)argv, (void)err;
	rc = sqlite3_declare_vtab(db,
				  "CREATE TABLE x(c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, r, source HIDDEN)");
	if (rc != SQLITE_OK)
		return rc;
	if (!(vtab = sqlite3_malloc(sizeof(*vtab))))
		return SQLITE_NOMEM;
	memset(vtab, 0, sizeof(*vtab));
	sqlite3_vtab_config(db, SQLITE_VTAB_DIRECTONLY);
	*out = vtab;
	return SQLITE_OK;
}

static int rows_disconnect(sqlite3_vtab *vtab)
{
	sqlite3_free(vtab);
	return SQLITE_OK;
}

enum { ROW_COLUMN = KIK__MAX_COLUMNS, SOURCE_COLUMN };

static int rows_best_index(sqlite3_vtab *vtab, sqlite3_index_info *info)
{
	int i;
	(void)vtab;
	for (i = 0; i < info->nConstraint; i++) {
		const struct sqlite3_index_constraint *c = &info->aConstraint[i];
		if (c->iColumn == SOURCE_COLUMN && c->op == SQLITE_INDEX_CONSTRAINT_EQ && c->usable) {
			info->aConstraintUsage[i].argvIndex = 1;
			info->aConstraintUsage[i].omit = 1;
			info->estimatedCost = 1e6;
			return SQLITE_OK;
		}
	}
	return SQLITE_CONSTRAINT; /* only with a source */
}

static int rows_open(sqlite3_vtab *vtab, sqlite3_vtab_cursor **out)
{
	rows_cursor *cur = sqlite3_malloc(sizeof(*cur));
	(void)vtab;
	if (!cur)
		return SQLITE_NOMEM;
	memset(cur, 0, sizeof(*cur));
	*out = &cur->base;
	return SQLITE_OK;
}

static int rows_close(sqlite3_vtab_cursor *cur)
{
	sqlite3_free(cur);
	return SQLITE_OK;
}

/* Moves to the next item the source does not skip. */
static int rows_next(sqlite3_vtab_cursor *base)
{
	rows_cursor *cur = (rows_cursor *)base;
	const kik__rows_source *src = cur->source;
	if (cur->c.item) {
		cur->row++;
		if (cur->key > cur->max_key)
			cur->max_key = cur->key;
	}
	while (src->part->next(&cur->c)) {
		if (src->skip && src->skip(src->skip_ctx, cur->c.item))
			continue;
		if (src->part->row(&cur->c, cur->vals) < 0)
			return SQLITE_NOMEM;
		cur->key = cur->vals[0].i;
		return SQLITE_OK;
	}
	cur->eof = 1;
	return SQLITE_OK;
}

static int rows_filter(sqlite3_vtab_cursor *base, int idx, const char *idx_str, int argc, sqlite3_value **argv)
{
	rows_cursor *cur = (rows_cursor *)base;
	(void)idx, (void)idx_str;
	cur->source = argc == 1 ? sqlite3_value_pointer(argv[0], POINTER_TYPE) : NULL;
	cur->eof = 0;
	cur->row = 0;
	cur->max_key = -1;
	if (!cur->source) {
		cur->eof = 1;
		return SQLITE_OK;
	}
	cur->c = cur->source->scope;
	cur->c.item = NULL;
	return rows_next(base);
}

static int rows_eof(sqlite3_vtab_cursor *base)
{
	return ((rows_cursor *)base)->eof;
}

static int rows_column(sqlite3_vtab_cursor *base, sqlite3_context *ctx, int col)
{
	rows_cursor *cur = (rows_cursor *)base;
	const kik__val *v;
	if (col == ROW_COLUMN) {
		/* the row after the highest so far: SQLite's own number (the table's last + 1) */
		if (cur->source->number && cur->max_key >= 0 && cur->key == cur->max_key + 1)
			sqlite3_result_null(ctx);
		else
			sqlite3_result_int64(ctx, cur->source->first_rows + cur->key);
		return SQLITE_OK;
	}
	if (col >= cur->source->part->count) {
		sqlite3_result_null(ctx);
		return SQLITE_OK;
	}
	/* the texts are the plan's (or the cursor's, until the next row): no copy */
	v = &cur->vals[col];
	if (v->type == KIK__INT)
		sqlite3_result_int64(ctx, v->i);
	else if (v->type == KIK__TEXT)
		sqlite3_result_text(ctx, v->s, -1, SQLITE_STATIC);
	else
		sqlite3_result_null(ctx);
	return SQLITE_OK;
}

static int rows_rowid(sqlite3_vtab_cursor *base, sqlite3_int64 *out)
{
	*out = ((rows_cursor *)base)->row;
	return SQLITE_OK;
}

static const sqlite3_module rows_module = {
	.iVersion = 0,
	.xCreate = NULL, /* eponymous only: kik_rows(?) */
	.xConnect = rows_connect,
	.xBestIndex = rows_best_index,
	.xDisconnect = rows_disconnect,
	.xOpen = rows_open,
	.xClose = rows_close,
	.xFilter = rows_filter,
	.xNext = rows_next,
	.xEof = rows_eof,
	.xColumn = rows_column,
	.xRowid = rows_rowid,
};

int kik__rows_register(sqlite3 *db)
{
	int rc = sqlite3_create_module_v2(db, "kik_rows", &rows_module, NULL, NULL);
	return rc == SQLITE_OK ? 0 : kik__store_sqlite(db, rc, "opening the store");
}

int kik__rows_bind(sqlite3_stmt *st, int i, const kik__rows_source *source)
{
	return sqlite3_bind_pointer(st, i, (void *)source, POINTER_TYPE, NULL);
}
