/* Fuzz target: row by row against threads. The input is a list of edits to a generated
 * measures or tasks file of 4.5 MiB (read in parts); the edited file is imported row by row
 * and with 2, 4 or 8 threads, and both must end alike: the same result code, error
 * position and message, and the same plan (task ids included).
 *
 * Input: a byte choosing the file (bit 0: tasks) and the threads (2 << (bits 1-2 % 3));
 * then edits of 10 bytes and a payload: the edit (see differential.h; bit 2 of a line copy:
 * give the copy a title of its own), where (4 bytes), where to (4 bytes), the payload's
 * length, the payload. */
#include "../differential.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static uint32_t word(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* made once (generating costs more than a run): measures to read in parts, and tasks to
	 * read in parts for a plan of quickly read measures */
	static diff_text measures, tasks, measures_of_tasks, unused;
	kik_import_kind kind;
	diff_outcome rows, more;
	diff_text edited = { NULL, 0, 0 };
	const diff_text *base;
	unsigned threads;
	size_t at = 1;
	if (size < 1)
		return 0;
	if (!measures.data) {
		diff_generate(0xD1FF, (4u << 20) + (1u << 19), 0, &measures, &unused);
		diff_generate(0xD1FF, (4u << 20) + (1u << 19), 1, &measures_of_tasks, &tasks);
		free(unused.data);
	}
	kind = data[0] & 1 ? KIK_IMPORT_TASKS : KIK_IMPORT_MEASURES;
	threads = 2u << ((data[0] >> 1) % 3);
	base = kind == KIK_IMPORT_TASKS ? &tasks : &measures;
	diff_reserve(&edited, base->len);
	memcpy(edited.data, base->data, base->len + 1);
	edited.len = base->len;
	while (at + 10 <= size) {
		int op = data[at] % DIFF_OPS, rename = (data[at] >> 2) & 1;
		size_t len = data[at + 9];
		if (len > size - at - 10)
			len = size - at - 10;
		diff_mutate(&edited, op, word(data + at + 1), word(data + at + 5), (const char *)data + at + 10, len,
			    len, rename);
		at += 10 + len;
	}
	rows = diff_import(kind == KIK_IMPORT_TASKS ? &measures_of_tasks : NULL, kind, &edited, 1);
	more = diff_import(kind == KIK_IMPORT_TASKS ? &measures_of_tasks : NULL, kind, &edited, threads);
	if (diff_compare(&rows, &more))
		__builtin_trap();
	free(rows.content.data);
	free(more.content.data);
	free(edited.data);
	return 0;
}
