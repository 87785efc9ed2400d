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
/* Checks a caller's allocator (NULL: the C library's) and copies it by its version. */
int kik__allocator_read(const kik_allocator *in, kik_allocator *out);
/* Whether `a` is the C library's allocator, which is thread-safe. */
int kik__allocator_is_default(const kik_allocator *a);
/* Pages in [from, to) of a block of the C library's ahead of use, many pages per call
 * instead of one fault per page. What it cannot page in (an older kernel, a caller's
 * allocator) comes in a fault at a time on use, as without it. */
void kik__prefault(const kik_allocator *a, char *from, char *to);

/* memcmp(a, b, len) == 0 for the short cells compared on every row (owners, measure
 * numbers, kinds): eight bytes at a time and the rest in one overlapping load, without a
 * call into the C library. */
static inline int kik__same_bytes(const void *a, const void *b, size_t len)
{
	const unsigned char *p = a, *q = b;
	uint64_t x, y;
	uint32_t u, v;
	if (len >= 8) {
		size_t i;
		for (i = 0; i + 8 < len; i += 8) {
			__builtin_memcpy(&x, p + i, 8);
			__builtin_memcpy(&y, q + i, 8);
			if (x != y)
				return 0;
		}
		__builtin_memcpy(&x, p + len - 8, 8);
		__builtin_memcpy(&y, q + len - 8, 8);
		return x == y;
	}
	if (len >= 4) {
		__builtin_memcpy(&u, p, 4);
		__builtin_memcpy(&v, q, 4);
		if (u != v)
			return 0;
		__builtin_memcpy(&u, p + len - 4, 4);
		__builtin_memcpy(&v, q + len - 4, 4);
		return u == v;
	}
	for (; len; len--)
		if (*p++ != *q++)
			return 0;
	return 1;
}

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
	size_t total;      /* bytes in all blocks: blocks grow with it */
	char *ready;       /* the head's memory up to here is paged in (see kik__prefault) */
} kik__arena;
/* Zeroed memory aligned for pointers and integers. */
void *kik__arena_alloc(const kik_allocator *a, kik__arena *arena, size_t size);
/* Room for `size` bytes aligned like kik__arena_alloc, not zeroed. */
void *kik__arena_raw(const kik_allocator *a, kik__arena *arena, size_t size);
/* A NUL-terminated copy, byte-aligned: texts are most of a plan's memory. */
char *kik__arena_strndup(const kik_allocator *a, kik__arena *arena, const char *s, size_t len);
/* Moves every block of `from` into `to` (strings in them stay where they are). */
void kik__arena_adopt(kik__arena *to, kik__arena *from);
void kik__arena_free(const kik_allocator *a, kik__arena *arena);

/* ---- table.c: records in chunks, so that they never move --------------- */
enum { KIK__TABLE_SHIFT = 8, KIK__TABLE_CHUNK = 1 << KIK__TABLE_SHIFT };
typedef struct kik__table {
	char **chunks; /* [0, chunk_count) in use, [chunk_count, chunk_spare) spare */
	size_t chunk_count, chunk_spare, chunk_cap;
	size_t len;  /* positions in use, holes included */
	size_t size; /* of one record */
} kik__table;
static inline void *kik__table_at(const kik__table *t, size_t i)
{
	return t->chunks[i >> KIK__TABLE_SHIFT] + (i & (KIK__TABLE_CHUNK - 1)) * t->size;
}
/* A zeroed record at position t->len; new chunks come from `arena`. */
void *kik__table_push(const kik_allocator *a, kik__arena *arena, kik__table *t);
/* Drops the positions from `len` on; their chunks are kept for later pushes. */
void kik__table_truncate(kik__table *t, size_t len);
/* Appends the records of `from` at the next chunk boundary of `to` (the positions in
 * between become zeroed holes) and empties `from`. Returns the position of its first. */
int kik__table_adopt(const kik_allocator *a, kik__table *to, kik__table *from, size_t *first);
/* Frees the table's own array; the chunks go with their arena. */
void kik__table_free(const kik_allocator *a, kik__table *t);

/* ---- ids.c: ordered lists of positions (a goal's measures, a measure's tasks) */
/* A run first, first+1, ... while the items came one after another, as they do from a
 * file; an array once they do not. Zero-initialised is empty. */
typedef struct kik__ids {
	uint32_t count, first;
	uint32_t *items; /* NULL while a run */
} kik__ids;
static inline uint32_t kik__ids_at(const kik__ids *l, size_t i)
{
	return l->items ? l->items[i] : l->first + (uint32_t)i;
}
/* Makes sure that pushing `id` next cannot fail (the items stay as they are). */
int kik__ids_prepare(const kik_allocator *a, kik__ids *l, uint32_t id);
int kik__ids_push(const kik_allocator *a, kik__ids *l, uint32_t id);
/* Removes the item at index i. */
int kik__ids_remove_at(const kik_allocator *a, kik__ids *l, size_t i);
/* Makes sure that removing the item at index i cannot fail (a run losing an item in its
 * middle becomes an array). */
int kik__ids_prepare_remove(const kik_allocator *a, kik__ids *l, size_t i);
/* Keeps the first `count` items. */
void kik__ids_truncate(kik__ids *l, size_t count);
void kik__ids_free(const kik_allocator *a, kik__ids *l);

/* ---- hash.c: the hash of tables keyed by input data ----------------------- */
/* A table's secret key: which keys of a file collide cannot be known in advance. */
typedef struct kik__hash_key {
	uint64_t k0, k1;
} kik__hash_key;
/* A fresh random key (`salt`, any address, is mixed in where no random bytes are to be had). */
void kik__hash_key_new(kik__hash_key *key, const void *salt);
uint64_t kik__hash(const kik__hash_key *key, const void *data, size_t len);
/* The hash of a NUL-terminated string with ASCII letters taken in lower case. */
uint64_t kik__hash_folded(const kik__hash_key *key, const char *s);

/* ---- index.c: string -> pointer hash table (keys compared case-insensitively for ASCII) */
typedef struct kik__index {
	const char **keys;
	void **values;
	size_t *hashes; /* 0: an empty slot */
	size_t len, cap;
	kik__hash_key key; /* drawn when the table is first made */
} kik__index;
void *kik__index_get(const kik__index *ix, const char *key);
/* Makes room for `extra` more keys, so that as many puts cannot fail. */
int kik__index_reserve(const kik_allocator *a, kik__index *ix, size_t extra);
/* Adds or replaces; `key` must outlive the index. */
int kik__index_put(const kik_allocator *a, kik__index *ix, const char *key, void *value);
void kik__index_remove(kik__index *ix, const char *key);
void kik__index_free(const kik_allocator *a, kik__index *ix);

/* (parent, number) -> pointer: the goals of a field and the measures of a goal by number,
 * for parents whose children did not come in increasing order (those in order bisect). */
typedef struct kik__numbers {
	struct kik__number_slot {
		const void *parent; /* NULL: an empty slot */
		void *value;
		uint32_t number;
	} * slots;
	size_t len, cap;
	kik__hash_key key;
} kik__numbers;
void *kik__numbers_get(const kik__numbers *t, const void *parent, uint32_t number);
/* Makes room for `extra` more entries, so that as many puts cannot fail. */
int kik__numbers_reserve(const kik_allocator *a, kik__numbers *t, size_t extra);
void kik__numbers_put(kik__numbers *t, const void *parent, uint32_t number, void *value);
void kik__numbers_remove(kik__numbers *t, const void *parent, uint32_t number);
void kik__numbers_free(const kik_allocator *a, kik__numbers *t);

/* ---- slots.c: a hash table of 32-bit (key, value) pairs, keys never 0 -------- */
typedef struct kik__slots {
	uint64_t *slots; /* key << 32 | value; 0: empty */
	size_t cap, len;
} kik__slots;
size_t kik__slots_home(const kik__slots *s, uint32_t key);
/* Makes room for `extra` more pairs, so that as many inserts cannot fail. */
int kik__slots_reserve(const kik_allocator *a, kik__slots *s, size_t extra);
void kik__slots_insert(kik__slots *s, uint32_t key, uint32_t value);
void kik__slots_remove(kik__slots *s, uint32_t key, uint32_t value);
/* The value of the first pair with `key` that `match` accepts (any, if NULL), or -1. */
long kik__slots_find(const kik__slots *s, uint32_t key, int (*match)(uint32_t value, const void *ctx), const void *ctx);
void kik__slots_clear(kik__slots *s);
void kik__slots_free(const kik_allocator *a, kik__slots *s);

/* ---- intern.c: one stored copy of each distinct byte string --------------- */
typedef struct kik__intern {
	const char **strings; /* by number, each NUL-terminated (and may hold NULs) */
	uint32_t *lens, *hashes;
	size_t count, cap;
	uint32_t *slots; /* number + 1, 0 for empty */
	size_t slot_cap;
	kik__hash_key key; /* drawn when the slots are first made */
} kik__intern;
/* The number of s[0..len), stored in `arena` when new. Returns 0 or KIK_ENOMEM. */
int kik__intern_put(const kik_allocator *a, kik__intern *in, kik__arena *arena, const char *s, size_t len,
		    uint32_t *number);
/* Forgets the strings from number `count` on (their bytes stay in the arena). */
void kik__intern_truncate(kik__intern *in, size_t count);
void kik__intern_free(const kik_allocator *a, kik__intern *in);

/* ---- text.c: UTF-8 and name matching ----------------------------------- */
/* Folds a name for matching: lower case (ASCII and German umlauts), "ß" -> "ss",
 * everything but letters and digits dropped. Writes at most cap-1 bytes. */
void kik__fold_name(const char *s, char *out, size_t cap);
/* Strips leading and trailing ASCII white space (and NBSP) in place: returns the new start. */
const char *kik__trim(const char *s, size_t *len);
/* The first place of `word` in s[0..len), ASCII letters compared without case; NULL if none. */
const char *kik__find_word(const char *s, size_t len, const char *word);
int kik__is_iso_date(const char *s);
/* Ends s[0..len) (NUL at s[len]) before a last UTF-8 sequence that was cut short. */
void kik__utf8_cut(char *s, size_t len);
/* Whether a NUL-terminated string is valid UTF-8 (RFC 3629). */
int kik__utf8_valid(const char *s);
/* 0 when `s` is a string of valid UTF-8; else KIK_EINVAL with "<what> is NULL / is not
 * valid UTF-8" as the error. For every string that enters through the API. */
int kik__check_text(const char *s, const char *what);
/* Writes "<prefix><sep><a>" or, when b > 0, "<prefix><sep><a>.<b>" (no sep when 0), as
 * ids and keys are made; returns the length (0 when it does not fit in cap). */
size_t kik__format_id(char *out, size_t cap, const char *prefix, char sep, unsigned long a, unsigned long b);
/* Copies `in` to out (at most cap-1 bytes, NUL-terminated, never cutting a character) so
 * that printing it cannot act on a terminal: C0 controls and DEL become \xHH, C1 controls
 * \u00HH, bytes that are not UTF-8 \xHH. Returns the length. */
size_t kik__visible(char *out, size_t cap, const char *in);
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
	int by_number; /* its measures are in increasing number (look-ups bisect), else in plan->by_number */
	unsigned long import_line; /* first line of this goal in the running import, 0 if none */
	const char *text;
	kik_field *field;
	kik_group *group;
	kik__ids measures; /* positions in plan->measures */
};

struct kik_measure {
	kik_goal *goal;
	const char *id; /* "SB-4.6"; the number is what follows the field code and dash */
	const char *text;
	kik__ids tasks;            /* positions in plan->tasks, in the order added */
	unsigned long import_line; /* line of this measure in the running import, 0 if none */
	uint32_t sub;              /* 6 of 4.6 */
	uint8_t recorded, derived; /* kik_status; derived by the plan's rule, kept up to date */
	uint8_t keyed;             /* its tasks are found by natural key in plan->task_keys */
	uint8_t stale;             /* (during a tasks import) derived must be worked out again */
};

struct kik_field {
	kik_plan *plan;
	const char *code;
	const char *name;
	kik__vec aliases;
	kik__vec groups;
	kik__vec goals;
	int by_number; /* its goals are in increasing number (look-ups bisect), else in plan->by_number */
	size_t measure_count;
	int has_published;
	size_t published[KIK_STATUS_COUNT];
	size_t published_total;
};

/* A task: 24 bytes, as plans hold millions. Its id is its position in plan->tasks + 1.
 * Owner and due date are a pair interned in plan->attrs. A hole has no measure. */
struct kik_task {
	const char *title; /* in the plan's text arena, or its own allocation (KIK__TASK_OWN_TITLE) */
	kik_measure *measure;
	uint32_t id;
	uint32_t bits; /* kind, state, flags and the attrs number, below */
};
#define KIK__TASK_KIND(t) ((kik_task_kind)((t)->bits & 3u))
#define KIK__TASK_STATE(t) ((kik_task_state)(((t)->bits >> 2) & 3u))
#define KIK__TASK_OWN_TITLE 0x10u /* the title is an allocation of its own */
#define KIK__TASK_TOUCHED 0x20u   /* updated by the running import */
#define KIK__TASK_ATTRS(t) ((t)->bits >> 7)
#define KIK__TASK_ATTRS_MAX ((1u << 25) - 1)
static inline uint32_t kik__task_bits(kik_task_kind kind, kik_task_state state, uint32_t flags, uint32_t attrs)
{
	return (uint32_t)kind | (uint32_t)state << 2 | flags | attrs << 7;
}

/* The details behind kik_error_last(): one per thread (error.c). */
typedef struct kik__error_slot {
	int set;
	kik_error pub;
	char message[512];
	char file[4096]; /* PATH_MAX: a longer name cannot be opened */
} kik__error_slot;

/* ---- the report's content (kik/content.h; records in content.h, hooks in content.c) */
typedef struct kik__content {
	char *title, *office; /* own allocations, NULL while unset */
	kik__vec notes;       /* struct kik_note *, in the order first put */
	kik__vec field_notes; /* struct kik_field_note *, in the order added */
	kik__vec projects;    /* struct kik_project *, in the order first put */
	kik__vec timeline;    /* struct kik_timeline_entry *, in date order */
	kik__vec rounds;      /* struct kik_round *, in the order first put */
	kik__vec figures;     /* struct kik_figure *, in the order first put */
} kik__content;
/* Frees the content of a plan (at plan_free). */
void kik__content_free(kik_plan *plan);
/* Copies the content of `plan` into `copy`, whose model is a copy of the plan's. */
int kik__content_clone(const kik_plan *plan, kik_plan *copy);
/* Forgets a measure, goal or field that is being removed: its notes and field notes go,
 * the lists of projects, rounds and timeline entries lose it. Allocates nothing. */
void kik__content_forget(kik_plan *plan, const kik_field *field, const kik_goal *goal, const kik_measure *measure);

struct kik_plan {
	kik_allocator alloc;
	kik__arena arena; /* fields, groups, goals */
	kik__arena text;  /* strings */
	char *name;       /* own allocations, NULL while unset: setting them again frees the old */
	char *as_of;
	kik__vec fields;
	kik__table measures; /* struct kik_measure, in the order added */
	uint32_t *order;     /* positions in document order, when that is not the order added */
	size_t order_cap;
	int order_dirty;           /* order must be rebuilt (it has room for every measure) */
	kik__index groups_by_key;  /* "<code>\n<name>" */
	kik__index fields_by_name; /* every field's code, name and aliases, folded (kik__fold_name) */
	kik__index code_suffixes;  /* initials of derived codes -> the next number to try after them */
	kik__numbers by_number;    /* goals and measures of the fields and goals not by_number */
	size_t measure_count;
	/* the field, goal and group of the last measure put: rows mostly repeat them */
	kik_field *recent_field;
	kik_goal *recent_goal;
	kik_group *recent_group;
	kik_rule rule;
	/* struct kik_task in the order added. While ids increase with positions (as they do
	 * when ids are given in the order tasks come), a position without a task (removed, or
	 * left between the parts of an import) keeps the id before it, and an id is found by
	 * bisection; once a task came with a lower id than the one before it (ids from a
	 * file), `task_ids` maps every id to its position. */
	kik__table tasks;
	size_t task_count;
	uint32_t last_task_id; /* the highest id given: new ids come after it */
	int ids_unordered;     /* task_ids is in use */
	kik__slots task_ids;   /* id -> position */
	/* (measure, kind, title) -> position for the tasks of measures with many tasks (keyed);
	 * the tasks of the others are few enough to compare one by one */
	kik__slots task_keys;
	kik__hash_key task_key;  /* of the titles in task_keys */
	kik__intern attrs;       /* "owner\0due" pairs of tasks */
	kik__arena attr_text;    /* the pairs single edits and copies make (imports' are among the texts) */
	size_t attrs_compact_at; /* single edits compact the pairs once there are this many (attrs.c) */
	kik__content content;    /* the report's own content (kik/content.h) */
};

/* ---- diff.c lends diff_content.c its building blocks ---------------------------- */
/* A new change: added when !was, removed when !now, else changed. NULL when out of memory. */
kik_change *kik__diff_change(kik_diff *d, kik_object_kind object, int was, int now);
/* Its identity and display strings (field "" for none); 0 or KIK_ENOMEM. */
int kik__diff_name(kik_diff *d, kik_change *c, const char *id, const char *field, const char *measure,
		   const char *text);
/* One value of the old and new object (NULL where there is none); 0 or KIK_ENOMEM. */
int kik__diff_value(kik_diff *d, kik_change *c, unsigned value, const char *old_text, const char *new_text);
/* Drops the change when it is CHANGED and no value differs. */
void kik__diff_keep(kik_diff *d, const kik_change *c);
/* The plans compared (while comparing). */
const kik_plan *kik__diff_plan(const kik_diff *d, int new_one);
/* The content's changes: notes, projects, rounds, figures (diff_content.c). */
int kik__diff_content(kik_diff *d);

/* Counts of a part of a plan: a value on the stack inside the library, the caller's own
 * allocation through kik_summary_of_*(). */
struct kik_summary {
	size_t goals, measures;
	size_t count[KIK_STATUS_COUNT];
	double share[KIK_STATUS_COUNT];
	unsigned percent[KIK_STATUS_COUNT];
	kik_allocator alloc; /* of a public one */
};
void kik__summary_plan(const kik_plan *plan, kik_summary *out);
/* kik_percentages() for counts whose total times 100 fits (the plan's). */
void kik__percentages(const size_t *counts, size_t n, unsigned *out);
void kik__summary_field(const kik_field *field, kik_summary *out);
void kik__summary_group(const kik_group *group, kik_summary *out);
void kik__summary_goal(const kik_goal *goal, kik_summary *out);

/* Where an error is, for messages about input files. */
typedef struct kik__pos {
	const char *file;
	unsigned long line, column;
} kik__pos;

/* Clears the calling thread's error details (every public call that returns a code does
 * this first). The plan is not used: details are per thread. */
void kik__error_clear(const kik_plan *plan);
/* Records an error in the calling thread's details and returns `code`. `pos` may be
 * NULL; the arguments may be the details' own strings. `plan` is not used. */
int kik__error_set(const kik_plan *plan, int code, const kik__pos *pos, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;
/* As kik__error_set, with the system's errno behind a KIK_EIO. */
int kik__error_os(int code, const kik__pos *pos, int os_error, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;
int kik__error_vset(int code, const kik__pos *pos, int os_error, const char *fmt, va_list ap);
/* KIK_EINVAL with `what` as the message: a bad argument. */
int kik__error_arg(const char *what);
/* The calling thread's details, to copy (diagnostics) or put back. */
const kik__error_slot *kik__error_slot_last(void);
void kik__error_restore(const kik__error_slot *slot);

/* ---- measures (measure.c, model.c) -------------------------------------- */
static inline kik_measure *kik__measure_at(const kik_plan *plan, size_t position)
{
	return (kik_measure *)kik__table_at(&plan->measures, position);
}
static inline kik_measure *kik__goal_measure(const kik_goal *goal, size_t i)
{
	return kik__measure_at(goal->field->plan, kik__ids_at(&goal->measures, i));
}
/* How kik__plan_put_measure treats the strings of a description. */
enum {
	KIK__PUT_COPY = 0, /* copy them into the plan */
	KIK__PUT_NEW = 2,  /* as COPY, and an existing measure is KIK_EEXISTS */
	KIK__PUT_OWNED = 1 /* text and goal_text are the plan's already, checked (text not empty, goal_text
			    * NULL when empty): phase two of an import reads no text it need not */
};
/* Adds or updates a measure; errors are reported at `pos` (may be NULL). With `sub` > 0
 * the number is desc->goal and sub, and desc->number is not read. */
int kik__plan_put_measure(kik_plan *plan, const kik_measure_desc *desc, unsigned sub, const kik__pos *pos, int how,
			  kik_measure **out);
/* Writes "<code>\n<group name>", the key of a group in plan->groups_by_key; returns its
 * length, 0 when it does not fit in cap. */
size_t kik__group_key(char *out, size_t cap, const char *code, const char *group);
/* The measure with this field and number, or NULL. */
kik_measure *kik__find_measure(const kik_plan *plan, const kik_field *field, unsigned goal, unsigned sub);
kik_goal *kik__field_find_goal(const kik_field *field, unsigned number);
kik_measure *kik__goal_find_measure(const kik_goal *goal, unsigned sub);
/* Adds a goal about to join `field` (not yet in its list) to the look-up by number;
 * 0 or KIK_ENOMEM. (The store builds plans without kik__plan_put_measure's placement.) */
int kik__field_index_goal(kik_plan *plan, kik_field *field, kik_goal *goal);
/* After a field's goals or a goal's measures were put in another order: when they are
 * no longer in increasing number, every one goes into the look-up; 0 or KIK_ENOMEM. */
int kik__field_reindex_goals(kik_plan *plan, kik_field *field);
int kik__goal_reindex_measures(kik_plan *plan, kik_goal *goal);
/* Frees the arrays of a field, its groups and goals (they live in the plan's arena). */
void kik__field_free_lists(const kik_allocator *a, kik_field *field);
/* The field with this code (without regard to case); KIK_ENOTFOUND set when none. */
kik_field *kik__plan_field_by_code(kik_plan *plan, const char *code);
/* The goal `number` of the field with this code, or NULL with the error set. */
kik_goal *kik__plan_goal_of(kik_plan *plan, const char *field, unsigned number);
/* Adds a field (code and name checked here, not as UTF-8); errors set. */
int kik__plan_add_field(kik_plan *plan, const char *code, const char *name, kik_field **out);
/* Adds an alias to a field; errors set. */
int kik__plan_add_alias(kik_plan *plan, kik_field *field, const char *alias);
/* Makes the aliases of `field` from the `from`-th on, or all its names, find it no more in
 * plan->fields_by_name (before they are dropped); cannot fail. */
void kik__plan_unindex_aliases(kik_plan *plan, const kik_field *field, size_t from);
void kik__plan_unindex_field(kik_plan *plan, const kik_field *field);
/* Takes a group out of plan->groups_by_key (its field's list is the caller's). */
void kik__plan_forget_group(kik_plan *plan, kik_group *group);
/* Defines a field for a name the plan does not know, deriving a free code from it. */
int kik__plan_define_field(kik_plan *plan, const char *name, kik_field **out);
kik_field *kik__plan_find_field(const kik_plan *plan, const char *code_or_name);
/* Brings plan->order up to date; cannot fail (put made the room). */
void kik__plan_reorder(kik_plan *plan);
/* The i-th measure in document order. */
kik_measure *kik__plan_measure(const kik_plan *plan, size_t i);
/* A copy of the plan's whole content, with the same allocator. */
int kik__plan_clone(const kik_plan *plan, kik_plan **out);
/* Swaps the contents of two plans (allocators included). */
void kik__plan_swap(kik_plan *a, kik_plan *b);

/* ---- tasks (task.c) and rules (rules.c) --------------------------------- */
static inline kik_task *kik__task_at(const kik_plan *plan, size_t position)
{
	return (kik_task *)kik__table_at(&plan->tasks, position);
}
static inline kik_task *kik__measure_task(const kik_measure *m, size_t i)
{
	return kik__task_at(m->goal->field->plan, kik__ids_at(&m->tasks, i));
}
/* The owner or due date of a task's attrs pair. */
const char *kik__attrs_owner(const kik_plan *plan, uint32_t attrs);
const char *kik__attrs_due(const kik_plan *plan, uint32_t attrs);
/* Checks a task description; 0 or an error set on the plan (EPARSE with `pos`, else EINVAL). */
int kik__check_task(kik_plan *plan, const kik_task_desc *d, const kik__pos *pos);
/* ---- attrs.c: owner/due pairs ------------------------------------------------- */
/* Stores an owner/due pair in the plan and gives its number. */
int kik__plan_attrs(kik_plan *plan, const char *owner, const char *due, uint32_t *attrs);
/* As kik__plan_attrs, for a single edit: compacts the pairs when unused ones have piled up
 * (the number given is valid until the next call). */
int kik__plan_attrs_edit(kik_plan *plan, const char *owner, const char *due, uint32_t *attrs);
/* After an import: the pairs now in the plan count as used for the next compaction. */
void kik__plan_attrs_settle(kik_plan *plan);
/* ---- task_index.c: tasks by id and by natural key ------------------------ */
/* A measure's tasks are keyed (found through plan->task_keys) from this many on. */
enum { KIK__KEYED_AT = 24 };
/* The task with this id and its position, or NULL. */
kik_task *kik__task_by_id(const kik_plan *plan, unsigned long id, size_t *position);
/* The position of the task of `m` with this kind and title title[0..len), or -1. */
long kik__task_by_key(const kik_plan *plan, const kik_measure *m, kik_task_kind kind, const char *title, size_t len);
/* Makes room so that kik__task_link() of a new task with `id` for `m` at `position` (the
 * end of the table, or a record of an import's part there) cannot fail. */
int kik__task_prepare(kik_plan *plan, kik_measure *m, size_t position, uint32_t id);
/* Links the task at `position` (measure, kind, title and id set) to its measure and the
 * indexes; kik__task_prepare() made the room. */
void kik__task_link(kik_plan *plan, size_t position);
/* Takes the task at `position` out of the indexes (not out of its measure's list). */
void kik__task_unindex(kik_plan *plan, size_t position);
/* Puts it back (after its kind or title changed); the room is there since it was taken out. */
void kik__task_reindex(kik_plan *plan, size_t position);
/* Makes the task at `position`, item i of its measure's list, a hole: out of the list and
 * the indexes, its own title freed; the id stays and is never given again. Removing item
 * i from the list must not need memory (kik__ids_prepare_remove). */
void kik__task_drop(kik_plan *plan, size_t position, size_t i);
/* Rebuilds both indexes from the table without allocating: after an import was undone,
 * with no more tasks than before it. */
void kik__task_indexes_rebuild(kik_plan *plan);
/* Builds both indexes of a plan whose tasks were copied in (kik_plan_copy). */
int kik__task_indexes_build(kik_plan *plan);
/* Frees the tasks' own titles and the measures' lists (at plan_free). */
void kik__plan_free_tasks(kik_plan *plan);
/* Chooses the plan's rule and derives every status by it. */
void kik__plan_apply_rule(kik_plan *plan, kik_rule rule);
/* Whether published counts[0..n) add up to `total` (a total is the count of a field's
 * measures: figures that contradict themselves cannot be held against computed ones). */
int kik__published_adds_up(const size_t *counts, size_t n, size_t total);
/* The status of a measure by a rule. */
kik_status kik__derive(const kik_measure *m, kik_rule rule);

/* Parses "4", "4." -> 4. Returns 0 or -1. */
int kik__parse_goal_number(const char *s, unsigned *out);
/* Parses "4.6" or "4.6." -> goal 4, sub 6. Returns 0 or -1. */
int kik__parse_measure_number(const char *s, unsigned *goal, unsigned *sub);

#endif
