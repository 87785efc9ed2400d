/* Lists the store hands out: the names of its plans and the snapshots of a plan. */
#include "store_internal.h"

#include <string.h>

struct kik_string_list {
	kik_allocator alloc;
	kik__arena arena;
	kik__vec names;
};

struct kik_snapshot {
	const char *as_of, *label, *taken, *author;
};

struct kik_snapshot_list {
	kik_allocator alloc;
	kik__arena arena;
	kik_snapshot *items;
	size_t count, cap;
};

static const char *copy(const kik_allocator *a, kik__arena *arena, const char *s)
{
	return kik__arena_strndup(a, arena, s, strlen(s));
}

void kik_string_list_free(kik_string_list *list)
{
	kik_allocator a;
	if (!list)
		return;
	a = list->alloc;
	kik__vec_free(&a, &list->names);
	kik__arena_free(&a, &list->arena);
	kik__free(&a, list);
}

size_t kik_string_list_count(const kik_string_list *list)
{
	return list ? list->names.len : 0;
}

const char *kik_string_list_get(const kik_string_list *list, size_t i)
{
	return list && i < list->names.len ? list->names.items[i] : NULL;
}

int kik_store_list_plans(const kik_store *store, kik_string_list **out)
{
	kik_store *s = (kik_store *)store;
	kik_string_list *list;
	sqlite3_stmt *st = NULL;
	int err;
	if (!store || !out)
		return kik__store_fail(KIK_EINVAL, "kik_store_list_plans needs a store and `out`");
	if (!(list = kik__malloc(&s->alloc, sizeof(*list))))
		return kik__store_fail(KIK_ENOMEM, "out of memory");
	memset(list, 0, sizeof(*list));
	list->alloc = s->alloc;
	if ((err = kik__store_enter(store, 0)) < 0) {
		kik_string_list_free(list);
		return err;
	}
	/* one statement: its own read transaction */
	if ((err = kik__store_unchanged(s)) == 0 &&
	    (err = kik__sql_prepare(s->db, "SELECT name FROM kik_plans ORDER BY plan_id", &st)) == 0) {
		while ((err = kik__sql_step(s->db, st, "reading the store's plans")) > 0) {
			const char *name = copy(&list->alloc, &list->arena, kik__sql_text(st, 0));
			if (!name || kik__vec_push(&list->alloc, &list->names, (void *)name) < 0) {
				err = kik__store_fail(KIK_ENOMEM, "out of memory");
				break;
			}
		}
		sqlite3_finalize(st);
		if (err == 0)
			err = kik__store_unchanged(s);
	}
	kik__store_leave(store);
	if (err < 0) {
		kik_string_list_free(list);
		return err;
	}
	*out = list;
	kik__store_ok();
	return 0;
}

void kik_snapshot_list_free(kik_snapshot_list *list)
{
	kik_allocator a;
	if (!list)
		return;
	a = list->alloc;
	kik__free(&a, list->items);
	kik__arena_free(&a, &list->arena);
	kik__free(&a, list);
}

size_t kik_snapshot_list_count(const kik_snapshot_list *list)
{
	return list ? list->count : 0;
}

const kik_snapshot *kik_snapshot_list_get(const kik_snapshot_list *list, size_t i)
{
	return list && i < list->count ? &list->items[i] : NULL;
}

const char *kik_snapshot_as_of(const kik_snapshot *snapshot)
{
	return snapshot ? snapshot->as_of : NULL;
}

const char *kik_snapshot_label(const kik_snapshot *snapshot)
{
	return snapshot ? snapshot->label : NULL;
}

const char *kik_snapshot_taken(const kik_snapshot *snapshot)
{
	return snapshot ? snapshot->taken : NULL;
}

const char *kik_snapshot_author(const kik_snapshot *snapshot)
{
	return snapshot ? snapshot->author : NULL;
}

/* Appends the current row (as_of, label, taken, author) to the list. */
static int add_snapshot_row(kik_snapshot_list *list, sqlite3_stmt *st)
{
	kik_snapshot *snap;
	if (list->count == list->cap) {
		size_t cap = list->cap ? list->cap * 2 : 16;
		kik_snapshot *items = kik__realloc(&list->alloc, list->items, cap * sizeof(*items));
		if (!items)
			return KIK_ENOMEM;
		list->items = items;
		list->cap = cap;
	}
	snap = &list->items[list->count];
	if (!(snap->as_of = copy(&list->alloc, &list->arena, kik__sql_text(st, 0))) ||
	    !(snap->label = copy(&list->alloc, &list->arena, kik__sql_text(st, 1))) ||
	    !(snap->taken = copy(&list->alloc, &list->arena, kik__sql_text(st, 2))) ||
	    !(snap->author = copy(&list->alloc, &list->arena, kik__sql_text(st, 3))))
		return KIK_ENOMEM;
	list->count++;
	return 0;
}

int kik_store_list_snapshots(const kik_store *store, const char *plan, kik_snapshot_list **out)
{
	kik_store *s = (kik_store *)store;
	kik_snapshot_list *list;
	sqlite3_stmt *st = NULL;
	int64_t plan_id, head;
	int err;
	if (!store || !out)
		return kik__store_fail(KIK_EINVAL, "kik_store_list_snapshots needs a store and `out`");
	if (!kik__utf8_ok(plan))
		return kik__store_fail(KIK_EINVAL, "a plan's name must be UTF-8");
	if (!(list = kik__malloc(&s->alloc, sizeof(*list))))
		return kik__store_fail(KIK_ENOMEM, "out of memory");
	memset(list, 0, sizeof(*list));
	list->alloc = s->alloc;
	if ((err = kik__store_enter(store, 0)) < 0) {
		kik_snapshot_list_free(list);
		return err;
	}
	if ((err = kik__store_begin(s, 0)) == 0) {
		if ((err = kik__store_find_plan(s, plan, 0, &plan_id, &head)) == 0 &&
		    (err = kik__sql_prepare(s->db,
					    "SELECT as_of, label, taken, author FROM kik_snapshots WHERE plan_id = ?1 "
					    "ORDER BY as_of, taken, snapshot_id",
					    &st)) == 0) {
			sqlite3_bind_int64(st, 1, plan_id);
			while ((err = kik__sql_step(s->db, st, "reading the store's snapshots")) > 0) {
				if (add_snapshot_row(list, st) < 0) {
					err = kik__store_fail(KIK_ENOMEM, "out of memory");
					break;
				}
			}
		}
		sqlite3_finalize(st);
		err = kik__store_end_read(s, err);
	}
	kik__store_leave(store);
	if (err < 0) {
		kik_snapshot_list_free(list);
		return err;
	}
	*out = list;
	kik__store_ok();
	return 0;
}
