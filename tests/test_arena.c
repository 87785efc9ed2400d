/* The plan's arena: what it hands out, and that a large block is paged in a step ahead
 * of use (not all at once, which would hold memory the plan never uses). */
#define _DEFAULT_SOURCE /* mincore() */
#include "internal.h"

#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static const kik_allocator system_allocator = { 0 };

/* Whether the page holding p is in memory. */
static int resident(const char *p)
{
	long page = sysconf(_SC_PAGESIZE);
	unsigned char in = 0;
	cr_assert(eq(int, mincore((void *)((uintptr_t)p & ~(uintptr_t)(page - 1)), 1, &in), 0), "%s", strerror(errno));
	return in & 1;
}

/* Whether this kernel pages in on request (Linux 5.14 on), 4 KB at a time; without it
 * nothing is paged in ahead, and with huge pages always on, 2 MB at a time: then only the
 * arena's contents can be checked. */
static int kernel_pages_in(void)
{
	FILE *thp = fopen("/sys/kernel/mm/transparent_hugepage/enabled", "r");
	char mode[128] = "";
	if (thp) {
		if (!fgets(mode, sizeof(mode), thp))
			mode[0] = '\0';
		fclose(thp);
	}
	if (strstr(mode, "[always]"))
		return 0;
#if defined(MADV_POPULATE_WRITE)
	long page = sysconf(_SC_PAGESIZE);
	char *p = mmap(NULL, (size_t)page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	int ok;
	cr_assert(p != MAP_FAILED);
	ok = madvise(p, (size_t)page, MADV_POPULATE_WRITE) == 0;
	munmap(p, (size_t)page);
	return ok && page == 4096;
#else
	return 0;
#endif
}

Test(arena, a_large_block_is_paged_in_a_step_ahead_of_use_and_no_further)
{
	kik__arena arena = { 0 };
	char *first, *second, *more;
	/* a first block of exactly 3 MB, all used; the next block is as large as the arena */
	cr_assert(not(eq(ptr, first = kik__arena_raw(&system_allocator, &arena, 3u << 20), NULL)));
	memset(first, 'a', 3u << 20);
	cr_assert(not(eq(ptr, second = kik__arena_raw(&system_allocator, &arena, 64), NULL)));
	cr_assert(not(eq(ptr, more = kik__arena_raw(&system_allocator, &arena, 600u << 10), NULL)));
	cr_assert(eq(ptr, more, second + 64), "both from the same new block");
	if (kernel_pages_in()) {
		/* written nothing yet, but paged in up to 256 KB past the last byte handed out */
		cr_assert(resident(more + (600u << 10) + (200u << 10)));
		/* and not the rest of the 3 MB block */
		cr_assert(not(resident(second + (2u << 20))));
	}
	memset(more, 'b', 600u << 10);
	cr_assert(eq(int, first[(3u << 20) - 1], 'a'));
	kik__arena_free(&system_allocator, &arena);
}

Test(arena, a_small_arena_is_not_paged_in_ahead)
{
	kik__arena arena = { 0 };
	char *s = kik__arena_strndup(&system_allocator, &arena, "Sprachkurs", 10);
	cr_assert(not(eq(ptr, s, NULL)));
	cr_assert(eq(str, s, "Sprachkurs"));
	/* a 16 KB first block: nothing to page in, so the arena counts it as ready */
	cr_assert(eq(ptr, arena.ready, (char *)s + 16 * 1024));
	kik__arena_free(&system_allocator, &arena);
}
