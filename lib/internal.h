/* Private declarations shared by the files of lib/. Nothing here is public API. */
#ifndef KIK_INTERNAL_H
#define KIK_INTERNAL_H

#include "kik/kik.h"

#include <stdarg.h>
#include <stdint.h>

/* ---- alloc.c: allocation through the plan's allocator ---------------- */
void *kik__malloc(const kik_allocator *a, size_t size);
void *kik__realloc(const kik_allocator *a, void *ptr, size_t size);
void kik__free(const kik_allocator *a, void *ptr);
char *kik__strndup(const kik_allocator *a, const char *s, size_t len);

/* A growable array of pointers. Zero-initialised is empty. */
typedef struct kik__vec {
	void **items;
	size_t len, cap;
} kik__vec;
int kik__vec_push(const kik_allocator *a, kik__vec *v, void *item);
int kik__vec_reserve(const kik_allocator *a, kik__vec *v, size_t cap);
void kik__vec_free(const kik_allocator *a, kik__vec *v);

/* A growable byte buffer, always NUL-terminated once non-empty. */
typedef struct kik__buf {
	char *data;
	size_t len, cap;
} kik__buf;
int kik__buf_append(const kik_allocator *a, kik__buf *b, const char *s, size_t len);
void kik__buf_free(const kik_allocator *a, kik__buf *b);

/* ---- arena.c: objects and strings that live as long as the plan -------- */
typedef struct kik__arena_block kik__arena_block;
typedef struct kik__arena {
	kik__arena_block *head;
	size_t used, size; /* of head */
} kik__arena;
void *kik__arena_alloc(const kik_allocator *a, kik__arena *arena, size_t size);
char *kik__arena_strndup(const kik_allocator *a, kik__arena *arena, const char *s, size_t len);
void kik__arena_free(const kik_allocator *a, kik__arena *arena);

/* ---- index.c: string -> pointer hash table (keys compared case-insensitively for ASCII) */
typedef struct kik__index {
	const char **keys;
	void **values;
	size_t *hashes; /* 0: an empty slot */
	size_t len, cap;
} kik__index;
void *kik__index_get(const kik__index *ix, const char *key);
/* Makes room for `extra` more keys, so that as many puts cannot fail. */
int kik__index_reserve(const kik_allocator *a, kik__index *ix, size_t extra);
/* Adds or replaces; `key` must outlive the index. */
int kik__index_put(const kik_allocator *a, kik__index *ix, const char *key, void *value);
void kik__index_free(const kik_allocator *a, kik__index *ix);

/* ---- text.c: UTF-8 and name matching ----------------------------------- */
/* Folds a name for matching: lower case (ASCII and German umlauts), "ß" -> "ss",
 * everything but letters and digits dropped. Writes at most cap-1 bytes. */
void kik__fold_name(const char *s, char *out, size_t cap);
/* Strips leading and trailing ASCII white space (and NBSP) in place: returns the new start. */
const char *kik__trim(const char *s, size_t *len);
/* The first place of `word` in s[0..len), ASCII letters compared without case; NULL if none. */
const char *kik__find_word(const char *s, size_t len, const char *word);
int kik__is_iso_date(const char *s);
/* Writes "<prefix><sep><a>" or, when b > 0, "<prefix><sep><a>.<b>" (no sep when 0), as
 * ids and keys are made; returns the length (0 when it does not fit in cap). */
size_t kik__format_id(char *out, size_t cap, const char *prefix, char sep, unsigned long a, unsigned long b);
/* Index of the first of `n` entries whose key, German or English label or one of its
 * "|"-separated aliases folds to the same as `text`; -1 if none. Arrays may be NULL. */
int kik__lookup_name(const char *text, int n, const char *const *keys, const char *const *labels_de,
		     const char *const *labels_en, const char *const *aliases);

/* ---- the model (plan.c) ------------------------------------------------ */
struct kik_group {
	const char *name;
	kik_field *field;
	kik__vec goals;
};

struct kik_goal {
	unsigned number;
	unsigned long import_line; /* first line of this goal in the running import, 0 if none */
	const char *text;
	kik_field *field;
	kik_group *group;
	kik__vec measures;
};

struct kik_measure {
	const char *id;
	const char *number;
	const char *text;
	kik_goal *goal;
	kik_status recorded;
	kik_status derived; /* by the plan's rule; kept up to date as tasks change */
	kik__vec tasks;
	unsigned long import_line; /* line of this measure in the running import, 0 if none */
};

struct kik_field {
	const char *code;
	const char *name;
	kik__vec aliases;
	kik__vec groups;
	kik__vec goals;
	size_t measure_count;
	int has_published;
	size_t published[KIK_STATUS_COUNT];
	size_t published_total;
};

/* One allocation per task: the struct, then its strings. */
struct kik_task {
	unsigned long id;
	kik_measure *measure;
	kik_task_kind kind;
	kik_task_state state;
	const char *title, *due, *owner;
	unsigned long import_line; /* line of this task in the running import, 0 if none */
};

typedef struct kik__error_slot {
	int set;
	kik_error pub;
	char message[512];
	char file[1024];
} kik__error_slot;

struct kik_plan {
	kik_allocator alloc;
	kik__arena arena;
	const char *name;
	const char *as_of;
	kik__vec fields;
	kik__index measures_by_id;
	kik__index goals_by_key;  /* "<code>-<number>" */
	kik__index groups_by_key; /* "<code>\n<name>" */
	kik__vec order;           /* measures in document order; rebuilt when dirty */
	int order_dirty;
	size_t measure_count;
	/* the field, goal and group of the last measure put: rows mostly repeat them */
	kik_field *recent_field;
	kik_goal *recent_goal;
	kik_group *recent_group;
	kik_rule rule;
	kik__vec tasks_by_id; /* items[id]: ids are small and dense, so a table beats a hash */
	unsigned long next_task_id;
	size_t task_count;
	kik__error_slot error;
};

/* Where an error is, for messages about input files. */
typedef struct kik__pos {
	const char *file;
	unsigned long line, column;
} kik__pos;

void kik__error_clear(kik_plan *plan);
/* Records an error on the plan and returns `code`. `pos` may be NULL. */
int kik__error_set(kik_plan *plan, int code, const kik__pos *pos, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;
void kik__error_copy(kik_plan *to, const kik_plan *from);

/* Adds or updates a measure; errors are reported at `pos` (may be NULL). */
int kik__plan_put_measure(kik_plan *plan, const kik_measure_desc *desc, const kik__pos *pos, kik_measure **out);
/* Defines a field for a name the plan does not know, deriving a free code from it. */
int kik__plan_define_field(kik_plan *plan, const char *name, kik_field **out);
kik_field *kik__plan_find_field(const kik_plan *plan, const char *code_or_name);
/* Brings plan->order up to date; cannot fail (put reserved the room). */
void kik__plan_reorder(kik_plan *plan);
/* A copy of the plan's whole content, with the same allocator. */
int kik__plan_clone(const kik_plan *plan, kik_plan **out);
/* Swaps the contents of two plans (allocators included). */
void kik__plan_swap(kik_plan *a, kik_plan *b);
/* ---- tasks (task.c) and rules (rules.c) --------------------------------- */
/* Adds a task with a given id (0: the next free one); errors at `pos` (may be NULL). */
int kik__plan_add_task(kik_plan *plan, const kik_task_desc *desc, unsigned long id, const kik__pos *pos,
		       kik_task **out);
/* As kik__plan_add_task, for a measure already looked up (desc->measure is not read). */
int kik__measure_add_task(kik_plan *plan, kik_measure *m, const kik_task_desc *desc, unsigned long id,
			  const kik__pos *pos, kik_task **out);
/* Replaces a task's values, keeping its id and place. The old block is freed, or handed
 * to the caller through `old` (may be NULL) so that the change can be undone. */
int kik__plan_update_task(kik_plan *plan, kik_task *task, const kik_task_desc *desc, const kik__pos *pos,
			  kik_task **old);
/* Undoes kik__plan_add_task (remove and free) or kik__plan_update_task (put `old` back). */
void kik__plan_drop_task(kik_plan *plan, kik_task *task);
void kik__plan_restore_task(kik_plan *plan, kik_task *current, kik_task *old);
/* Frees the tasks of every measure (at plan_free). */
void kik__plan_free_tasks(kik_plan *plan);
/* The status of a measure by a rule. */
kik_status kik__derive(const kik_measure *m, kik_rule rule);

/* Parses "4", "4." -> 4. Returns 0 or -1. */
int kik__parse_goal_number(const char *s, unsigned *out);
/* Parses "4.6" or "4.6." -> goal 4, sub 6. Returns 0 or -1. */
int kik__parse_measure_number(const char *s, unsigned *goal, unsigned *sub);

#endif
