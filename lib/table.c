/* Tables of fixed-size records in chunks of KIK__TABLE_CHUNK: a record never moves, so
 * pointers to it stay valid, and growing never copies millions of records. The chunks are
 * carved from an arena, whose large blocks are paged in ahead of use. */
#include "internal.h"

#include <string.h>

void *kik__table_push(const kik_allocator *a, kik__arena *arena, kik__table *t)
{
	void *record;
	if (t->len >= (size_t)UINT32_MAX)
		return NULL; /* positions are 32-bit numbers */
	if (t->len == t->chunk_count * KIK__TABLE_CHUNK) {
		if (t->chunk_count == t->chunk_spare) {
			char *chunk;
			if (t->chunk_spare == t->chunk_cap) {
				size_t cap = t->chunk_cap ? t->chunk_cap * 2 : 8;
				char **chunks = kik__realloc(a, t->chunks, cap * sizeof(*chunks));
				if (!chunks)
					return NULL;
				t->chunks = chunks;
				t->chunk_cap = cap;
			}
			if (!(chunk = kik__arena_raw(a, arena, t->size * KIK__TABLE_CHUNK)))
				return NULL;
			t->chunks[t->chunk_spare++] = chunk;
		}
		t->chunk_count++;
	}
	record = kik__table_at(t, t->len++);
	memset(record, 0, t->size);
	return record;
}

void kik__table_truncate(kik__table *t, size_t len)
{
	if (len >= t->len)
		return;
	t->chunk_count = (len + KIK__TABLE_CHUNK - 1) >> KIK__TABLE_SHIFT; /* the rest are spares */
	t->len = len;
}

int kik__table_adopt(const kik_allocator *a, kik__table *to, kik__table *from, size_t *first)
{
	size_t start = to->chunk_count * KIK__TABLE_CHUNK, i;
	if (start + from->len > (size_t)UINT32_MAX)
		return KIK_ELIMIT;
	if (to->chunk_count + from->chunk_count > to->chunk_cap) {
		size_t cap = to->chunk_cap ? to->chunk_cap : 8;
		char **chunks;
		while (cap < to->chunk_count + from->chunk_count)
			cap *= 2;
		if (!(chunks = kik__realloc(a, to->chunks, cap * sizeof(*chunks))))
			return KIK_ENOMEM;
		to->chunks = chunks;
		to->chunk_cap = cap;
	}
	for (i = to->len; i < start; i++) /* the rest of the last chunk: holes */
		memset(kik__table_at(to, i), 0, to->size);
	/* spares of `to` are dropped (their memory stays in its arena) */
	memcpy(to->chunks + to->chunk_count, from->chunks, from->chunk_count * sizeof(*from->chunks));
	to->chunk_count = to->chunk_spare = to->chunk_count + from->chunk_count;
	to->len = start + from->len;
	*first = start;
	kik__table_free(a, from);
	return 0;
}

void kik__table_free(const kik_allocator *a, kik__table *t)
{
	kik__free(a, t->chunks);
	t->chunks = NULL;
	t->chunk_count = t->chunk_spare = t->chunk_cap = t->len = 0;
}
