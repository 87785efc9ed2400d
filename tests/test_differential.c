/* Row by row against 2, 4 and 8 threads over random mutations of large measures and tasks
 * files (a file is read in parts from 4 MiB on): the same result code, error position and
 * message, and the same plan, task ids included. The files are 4 to 9 MiB, so that they
 * are cut into 2 to 4 parts in different places. KIK_DIFFERENTIAL_CASES sets how many
 * mutated files are tried (24 by default). */
#include "differential.h"

#include <criterion/criterion.h>
#include <criterion/new/assert.h>

/* Imports `data` row by row and with 2, 4 and 8 threads and asserts that they agree. */
static void assert_agree(const diff_text *measures, kik_import_kind kind, const diff_text *data, const char *what)
{
	static const unsigned threads[] = { 2, 4, 8 };
	diff_outcome rows = diff_import(measures, kind, data, 1);
	size_t k;
	for (k = 0; k < 3; k++) {
		diff_outcome more = diff_import(measures, kind, data, threads[k]);
		const char *why = diff_compare(&rows, &more);
		cr_assert(eq(ptr, (void *)why, NULL),
			  "%s, %u threads: %s differs (row by row %d '%s' at %lu:%lu, threads %d '%s' at %lu:%lu)",
			  what, threads[k], why ? why : "", rows.code, rows.message, rows.line, rows.column, more.code,
			  more.message, more.line, more.column);
		free(more.content.data);
	}
	free(rows.content.data);
}

Test(differential, rows_and_threads_agree_on_mutated_large_files, .timeout = 1800)
{
	const char *env = getenv("KIK_DIFFERENTIAL_CASES");
	unsigned cases = env ? (unsigned)atoi(env) : 24, c, op;
	for (c = 0; c < cases; c++) {
		uint64_t state = 0x5EED0000u + c;
		kik_import_kind kind = c % 2 ? KIK_IMPORT_TASKS : KIK_IMPORT_MEASURES;
		size_t bytes = (4u << 20) + (size_t)(diff_next(&state) % (5u << 20));
		diff_text measures, tasks, *data;
		unsigned ops = 1 + diff_next(&state) % 3;
		char what[128];
		diff_generate(state, bytes, kind == KIK_IMPORT_TASKS, &measures, &tasks);
		data = kind == KIK_IMPORT_TASKS ? &tasks : &measures;
		snprintf(what, sizeof(what), "case %u (%s, %zu bytes, %u edits)", c,
			 kind == KIK_IMPORT_TASKS ? "tasks" : "measures", data->len, ops);
		for (op = 0; op < ops; op++) {
			const char *piece =
			    diff_pieces[diff_next(&state) % (sizeof(diff_pieces) / sizeof(*diff_pieces))];
			size_t piece_len = *piece ? strlen(piece) : 1; /* "": a NUL byte */
			size_t at = diff_next(&state) * (size_t)diff_next(&state), to = diff_next(&state) * 7919u;
			diff_mutate(data, (int)(diff_next(&state) % DIFF_OPS), at, to, piece, piece_len,
				    1 + diff_next(&state) % 64, 1);
		}
		assert_agree(kind == KIK_IMPORT_TASKS ? &measures : NULL, kind, data, what);
		free(measures.data);
		free(tasks.data);
	}
}

/* Finding (b) of issue 19: a task given once early and again inside its measure's run
 * later, not as the run's first row, was accepted in parts (where the plan then held it
 * twice) and rejected row by row ("appears twice"). */
Test(differential, a_task_again_inside_a_later_run_is_rejected_with_any_thread_count)
{
	diff_text measures, tasks;
	char *line, *previous;
	size_t len, header;
	diff_generate(0xB0B, 5u << 20, 1, &measures, &tasks);
	/* a task near the end that is not the first of its measure's run: its line and the
	 * line before it start alike up to the kind */
	for (line = tasks.data + tasks.len * 9 / 10;; line = strchr(line, '\n') + 1) {
		line = strchr(line, '\n') + 1;
		previous = line - 2;
		while (*previous != '\n')
			previous--;
		previous++;
		len = (size_t)(strchr(line, ';') - line);
		len += (size_t)(strchr(line + len + 1, ';') - (line + len));
		if (line[0] != '"' && strncmp(previous, line, len + 1) == 0 &&
		    strchr(line, '\n') < tasks.data + tasks.len)
			break;
	}
	/* and the same task again right after the header */
	len = (size_t)(strchr(line, '\n') + 1 - line);
	header = (size_t)(strchr(tasks.data, '\n') + 1 - tasks.data);
	{
		char *copy = malloc(len);
		memcpy(copy, line, len);
		diff_reserve(&tasks, len);
		memmove(tasks.data + header + len, tasks.data + header, tasks.len - header + 1);
		memcpy(tasks.data + header, copy, len);
		tasks.len += len;
		free(copy);
	}
	assert_agree(&measures, KIK_IMPORT_TASKS, &tasks, "a task at the start and again in a later run");
	free(measures.data);
	free(tasks.data);
}
