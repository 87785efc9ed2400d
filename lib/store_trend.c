/* The trend of a plan: its counts at every snapshot, for the plan, each field and each
 * goal, from the stored statuses in one query (no snapshot is loaded). */
#include "store_internal.h"

#include <string.h>

struct kik_trend_row {
	const char *as_of, *label, *field;
	kik_trend_scope scope;
	unsigned goal;
	size_t measures;
	size_t count[KIK_STATUS_COUNT];
	unsigned percent[KIK_STATUS_COUNT];
};

struct kik_trend {
	kik_allocator alloc;
	kik__arena arena; /* strings */
	kik_trend_row *rows;
	size_t count, cap;
};

void kik_trend_free(kik_trend *t)
{
	kik_allocator a;
	if (!t)
		return;
	a = t->alloc;
	kik__free(&a, t->rows);
	kik__arena_free(&a, &t->arena);
	kik__free(&a, t);
}

size_t kik_trend_count(const kik_trend *t)
{
	return t ? t->count : 0;
}

const kik_trend_row *kik_trend_get(const kik_trend *t, size_t i)
{
	return t && i < t->count ? &t->rows[i] : NULL;
}

const char *kik_trend_row_as_of(const kik_trend_row *r)
{
	return r ? r->as_of : NULL;
}
const char *kik_trend_row_label(const kik_trend_row *r)
{
	return r ? r->label : NULL;
}
kik_trend_scope kik_trend_row_scope(const kik_trend_row *r)
{
	return r ? r->scope : KIK_TREND_INVALID;
}
const char *kik_trend_row_field(const kik_trend_row *r)
{
	return r ? r->field : NULL;
}
unsigned kik_trend_row_goal(const kik_trend_row *r)
{
	return r ? r->goal : 0;
}
size_t kik_trend_row_measures(const kik_trend_row *r)
{
	return r ? r->measures : 0;
}
size_t kik_trend_row_count(const kik_trend_row *r, kik_status status)
{
	return r && (unsigned)status < KIK_STATUS_COUNT ? r->count[status] : 0;
}
unsigned kik_trend_row_percent(const kik_trend_row *r, kik_status status)
{
	return r && (unsigned)status < KIK_STATUS_COUNT ? r->percent[status] : 0;
}

/* Every snapshot's fields in their order, each field's goals in theirs, and the number of
 * measures of each status in each goal (an empty field or goal has one row of NULLs). */
static const char counts_sql[] =
    "SELECT s.snapshot_id, s.as_of, s.label, f.code, g.number, m.status, count(m.sub) "
    "FROM kik_snapshots s "
    "JOIN kik_fields f ON f.plan_id = s.plan_id AND f.valid_from <= s.version AND "
    "  (f.valid_to IS NULL OR f.valid_to > s.version) "
    "LEFT JOIN kik_goals g ON g.plan_id = s.plan_id AND g.field = f.code AND g.valid_from <= s.version AND "
    "  (g.valid_to IS NULL OR g.valid_to > s.version) "
    "LEFT JOIN kik_measures m ON m.plan_id = s.plan_id AND m.field = f.code AND m.goal = g.number AND "
    "  m.valid_from <= s.version AND (m.valid_to IS NULL OR m.valid_to > s.version) "
    "WHERE s.plan_id = ?1 "
    "GROUP BY s.snapshot_id, f.code, g.number, m.status "
    "ORDER BY s.as_of, s.taken, s.snapshot_id, f.pos, g.pos";

static kik_trend_row *new_row(kik_trend *t)
{
	if (t->count == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 64;
		kik_trend_row *rows = kik__realloc(&t->alloc, t->rows, cap * sizeof(*rows));
		if (!rows)
			return NULL;
		t->rows = rows;
		t->cap = cap;
	}
	memset(&t->rows[t->count], 0, sizeof(*t->rows));
	return &t->rows[t->count++];
}

static const char *copy(kik_trend *t, const char *s)
{
	return kik__arena_strndup(&t->alloc, &t->arena, s, strlen(s));
}

/* Puts a snapshot's rows in their order: the plan's, the fields' in field order, then the
 * goals' in document order ([first, t->count) hold the field and goal rows as they came:
 * each field followed by its goals), and works out their percentages. */
static int order_snapshot(kik_trend *t, size_t first, const kik_trend_row *plan)
{
	size_t n = t->count - first, i, k = 0;
	kik_trend_row *sorted = kik__malloc(&t->alloc, (n + 1) * sizeof(*sorted));
	if (!sorted)
		return KIK_ENOMEM;
	sorted[k++] = *plan;
	for (i = first; i < t->count; i++)
		if (t->rows[i].scope == KIK_TREND_FIELD)
			sorted[k++] = t->rows[i];
	for (i = first; i < t->count; i++)
		if (t->rows[i].scope == KIK_TREND_GOAL)
			sorted[k++] = t->rows[i];
	t->count = first;
	for (i = 0; i < k; i++) {
		kik_trend_row *r = new_row(t);
		if (!r) {
			kik__free(&t->alloc, sorted);
			return KIK_ENOMEM;
		}
		*r = sorted[i];
		kik__percentages(r->count, KIK_STATUS_COUNT, r->percent);
	}
	kik__free(&t->alloc, sorted);
	return 0;
}

enum { NONE = -1 };

/* Reads the counts into rows: per snapshot, a field row and its goals' rows (found by their
 * index: adding rows may move them). */
static int read_counts(kik_store *s, kik_trend *t, int64_t plan_id)
{
	sqlite3_stmt *st;
	int64_t snapshot = -1;
	kik_trend_row plan;
	long field = NONE, goal = NONE;
	size_t first = 0;
	int err;
	memset(&plan, 0, sizeof(plan));
	if ((err = kik__sql_prepare(s->db, counts_sql, &st)) < 0)
		return err;
	sqlite3_bind_int64(st, 1, plan_id);
	while ((err = kik__sql_step(s->db, st, "reading the store's counts")) > 0) {
		int64_t id = sqlite3_column_int64(st, 0), n = sqlite3_column_int64(st, 6);
		const char *code = kik__sql_text(st, 3);
		int status = sqlite3_column_int(st, 5), has_goal = sqlite3_column_type(st, 4) != SQLITE_NULL;
		unsigned number = (unsigned)sqlite3_column_int64(st, 4);
		kik_trend_row *r;
		if (id != snapshot) { /* a new snapshot: the one before is complete */
			if (snapshot >= 0 && (err = order_snapshot(t, first, &plan)) < 0)
				break;
			snapshot = id;
			first = t->count;
			memset(&plan, 0, sizeof(plan));
			plan.scope = KIK_TREND_PLAN;
			plan.field = "";
			if (!(plan.as_of = copy(t, kik__sql_text(st, 1))) ||
			    !(plan.label = copy(t, kik__sql_text(st, 2)))) {
				err = KIK_ENOMEM;
				break;
			}
			field = goal = NONE;
		}
		if (field == NONE || strcmp(t->rows[field].field, code) != 0) {
			const char *stored = copy(t, code);
			if (!stored || !(r = new_row(t))) {
				err = KIK_ENOMEM;
				break;
			}
			r->scope = KIK_TREND_FIELD;
			r->field = stored;
			r->as_of = plan.as_of;
			r->label = plan.label;
			field = (long)(r - t->rows);
			goal = NONE;
		}
		if (has_goal && (goal == NONE || t->rows[goal].goal != number)) {
			if (!(r = new_row(t))) {
				err = KIK_ENOMEM;
				break;
			}
			r->scope = KIK_TREND_GOAL;
			r->field = t->rows[field].field;
			r->as_of = plan.as_of;
			r->label = plan.label;
			r->goal = number;
			goal = (long)(r - t->rows);
		}
		if (n > 0 && status >= 0 && status < KIK_STATUS_COUNT) {
			kik_trend_row *counted[3] = { &plan, &t->rows[field], goal != NONE ? &t->rows[goal] : NULL };
			int k;
			for (k = 0; k < 3 && counted[k]; k++) {
				counted[k]->count[status] += (size_t)n;
				counted[k]->measures += (size_t)n;
			}
		}
	}
	sqlite3_finalize(st);
	if (err == 0 && snapshot >= 0)
		err = order_snapshot(t, first, &plan);
	return err == KIK_ENOMEM ? kik__store_fail(KIK_ENOMEM, "out of memory") : err;
}

int kik_store_trend(const kik_store *store, const char *plan, kik_trend **out)
{
	kik_store *s = (kik_store *)store;
	kik_trend *t;
	int64_t plan_id, head;
	int err;
	if (!store || !out)
		return kik__store_fail(KIK_EINVAL, "kik_store_trend needs a store and `out`");
	if (!kik__utf8_ok(plan))
		return kik__store_fail(KIK_EINVAL, "a plan's name must be UTF-8");
	if (!(t = kik__malloc(&s->alloc, sizeof(*t))))
		return kik__store_fail(KIK_ENOMEM, "out of memory");
	memset(t, 0, sizeof(*t));
	t->alloc = s->alloc;
	if ((err = kik__store_enter(store, 0)) < 0) {
		kik_trend_free(t);
		return err;
	}
	if ((err = kik__store_begin(s, 0)) == 0) {
		if ((err = kik__store_find_plan(s, plan, 0, &plan_id, &head)) == 0)
			err = read_counts(s, t, plan_id);
		err = kik__store_end_read(s, err);
	}
	kik__store_leave(store);
	if (err < 0) {
		kik_trend_free(t);
		return err;
	}
	*out = t;
	kik__store_ok();
	return 0;
}
