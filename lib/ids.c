/* Ordered lists of positions: a run while the positions follow one another, which costs
 * nothing per item, and an array once they do not. An array keeps its capacity in the
 * word before its first item. */
#include "internal.h"

#include <string.h>

static uint32_t capacity(const kik__ids *l)
{
	return l->items[-1];
}

/* Gives the list an array with room for `cap` items, keeping its items. */
static int resize(const kik_allocator *a, kik__ids *l, uint32_t cap)
{
	uint32_t *block = l->items ? l->items - 1 : NULL, i;
	if ((size_t)cap + 1 > SIZE_MAX / sizeof(uint32_t))
		return KIK_ENOMEM;
	block = kik__realloc(a, block, ((size_t)cap + 1) * sizeof(uint32_t));
	if (!block)
		return KIK_ENOMEM;
	if (!l->items) /* a run becomes an array */
		for (i = 0; i < l->count; i++)
			block[1 + i] = l->first + i;
	block[0] = cap;
	l->items = block + 1;
	return 0;
}

int kik__ids_prepare(const kik_allocator *a, kik__ids *l, uint32_t id)
{
	if (l->count >= UINT32_MAX / 2)
		return KIK_ELIMIT;
	if (!l->items) {
		if (l->count == 0 || id == l->first + l->count)
			return 0;
		return resize(a, l, l->count < 4 ? 4 : l->count * 2);
	}
	return l->count < capacity(l) ? 0 : resize(a, l, l->count * 2);
}

int kik__ids_push(const kik_allocator *a, kik__ids *l, uint32_t id)
{
	int err = kik__ids_prepare(a, l, id);
	if (err < 0)
		return err;
	if (!l->items) {
		if (l->count == 0)
			l->first = id;
		l->count++;
		return 0;
	}
	l->items[l->count++] = id;
	return 0;
}

int kik__ids_remove_at(const kik_allocator *a, kik__ids *l, size_t i)
{
	if (!l->items) {
		if (i == 0 && l->count) { /* the ends of a run stay a run */
			l->first++;
			l->count--;
			return 0;
		}
		if (i + 1 == l->count) {
			l->count--;
			return 0;
		}
		if (resize(a, l, l->count) < 0)
			return KIK_ENOMEM;
	}
	memmove(l->items + i, l->items + i + 1, (l->count - i - 1) * sizeof(uint32_t));
	l->count--;
	return 0;
}

int kik__ids_prepare_remove(const kik_allocator *a, kik__ids *l, size_t i)
{
	if (l->items || i == 0 || i + 1 >= l->count)
		return 0;
	return resize(a, l, l->count);
}

void kik__ids_truncate(kik__ids *l, size_t count)
{
	if (count < l->count)
		l->count = (uint32_t)count;
}

void kik__ids_free(const kik_allocator *a, kik__ids *l)
{
	if (l->items)
		kik__free(a, l->items - 1);
	memset(l, 0, sizeof(*l));
}
