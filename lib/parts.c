/* Reading a large input in parts at once: phase one of an import on every core. */
#include "import.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>

enum { LOOK_AHEAD = 64 * 1024 };

/* Where a row most likely starts at or after `target`: after a line end that is not inside
 * a quoted cell, as judged by the first quote after it (an opening quote follows a
 * delimiter or a line start; a quote elsewhere means the line end was inside a quoted
 * cell). 0 when there is no such line end within reach. */
static uint64_t guess_row_start(const kik__source *src, uint64_t target, char delimiter, char *window)
{
	long got = kik__source_read(src, window, LOOK_AHEAD, target);
	size_t n = got > 0 ? (size_t)got : 0, i = 0, tries;
	for (tries = 0; tries < 32; tries++) {
		size_t start, q;
		while (i < n && window[i] != '\n' && window[i] != '\r')
			i++;
		if (i + 1 < n && window[i] == '\r' && window[i + 1] == '\n')
			i++;
		start = ++i;
		if (start >= n)
			return 0;
		for (q = start; q < n && window[q] != '"'; q++)
			;
		if (q == n || q == start || window[q - 1] == delimiter || window[q - 1] == '\n' ||
		    window[q - 1] == '\r')
			return target + start;
		i = q + 1;
	}
	return 0;
}

/* Reads a part's rows, with a reader of its own but for the first part (the import's). The
 * reader is closed when done, so that its buffer serves the next part. */
static void read_part(kik__part *part)
{
	const kik__csv_cell *cells;
	size_t n;
	int got;
	if (part->csv != &part->im->csv) {
		if ((part->err = kik__csv_open(&part->own_csv, &part->im->plan->alloc, part->im->options, part->im->src,
					       part->start, part->end)) < 0)
			return;
		part->own_csv.delimiter = part->im->csv.delimiter;
		part->csv = &part->own_csv;
	}
	while ((got = kik__read_row(part->csv, &cells, &n)) > 0) {
		part->rows++;
		if ((got = part->row(part, cells, n)) < 0)
			break;
	}
	part->err = got;
	part->reached = part->csv->next_offset;
	if (part->csv == &part->own_csv)
		kik__csv_close(&part->own_csv);
	part->csv = NULL;
}

/* The parts, and the next one to read. */
typedef struct crew {
	pthread_mutex_t lock;
	kik__part *parts;
	size_t n, next;
	int failed; /* a part failed: the rest are not read */
} crew;

static void *read_parts(void *arg)
{
	crew *c = arg;
	for (;;) {
		size_t k;
		pthread_mutex_lock(&c->lock);
		k = c->failed ? c->n : c->next++;
		pthread_mutex_unlock(&c->lock);
		if (k >= c->n)
			return NULL;
		read_part(&c->parts[k]);
		if (c->parts[k].err < 0) {
			pthread_mutex_lock(&c->lock);
			c->failed = 1;
			pthread_mutex_unlock(&c->lock);
		}
	}
}

/* Guesses where each part after the first starts; 0 when the input cannot be cut so. */
static int cut(kik__import *im, uint64_t *starts, size_t n)
{
	uint64_t from = im->csv.base + im->csv.pos, size = im->src->size;
	char *window = kik__malloc(&im->plan->alloc, LOOK_AHEAD);
	size_t k;
	int ok = window != NULL;
	for (k = 1; ok && k < n; k++) {
		starts[k] = guess_row_start(im->src, from + (size - from) / n * k, im->csv.delimiter, window);
		ok = starts[k] > (k > 1 ? starts[k - 1] : from);
	}
	kik__free(&im->plan->alloc, window);
	return ok;
}

int kik__read_parts(kik__import *im, kik__part *parts, kik__part_row_fn row, size_t record_size)
{
	uint64_t starts[KIK__MOST_PARTS];
	if ((size_t)im->parts > KIK__MOST_PARTS || !im->csv.delimiter || !cut(im, starts, (size_t)im->parts))
		return KIK_EPARSE;
	return kik__read_parts_at(im, parts, row, record_size, starts);
}

int kik__read_parts_at(kik__import *im, kik__part *parts, kik__part_row_fn row, size_t record_size,
		       const uint64_t *starts)
{
	pthread_t threads[KIK__MOST_PARTS];
	size_t n = (size_t)im->parts, k, started = 0;
	size_t wanted = im->threads > 0 && (size_t)im->threads < n ? (size_t)im->threads : n;
	unsigned long rows = 0;
	crew c;
	if (n > KIK__MOST_PARTS)
		return KIK_EPARSE;
	for (k = 0; k < n; k++) {
		parts[k].im = im;
		parts[k].row = row;
		parts[k].records.size = record_size;
		parts[k].text = &parts[k].own_text;
		parts[k].err = 1; /* not read */
	}
	/* text converted from Windows-1252 no longer lines up with the file's offsets */
	if (im->csv.converted || !im->csv.delimiter)
		return KIK_EPARSE;
	parts[0].csv = &im->csv;
	parts[0].start = im->csv.base + im->csv.pos;
	for (k = 1; k < n; k++)
		parts[k].start = starts[k];
	for (k = 0; k < n; k++)
		parts[k].end = k + 1 < n ? parts[k + 1].start : UINT64_MAX;
	im->csv.end = parts[0].end;
	if (pthread_mutex_init(&c.lock, NULL) != 0)
		return KIK_ENOMEM;
	c.parts = parts;
	c.n = n;
	c.next = 0;
	c.failed = 0;
	for (k = 1; k < wanted; k++) {
		if (pthread_create(&threads[k], NULL, read_parts, &c) != 0)
			break; /* fewer threads read them */
		started = k;
	}
	read_parts(&c);
	for (k = 1; k <= started; k++)
		pthread_join(threads[k], NULL);
	pthread_mutex_destroy(&c.lock);
	/* every part read all its rows, and each ended where the next began */
	for (k = 0; k < n; k++) {
		rows += parts[k].rows;
		if (parts[k].err != 0)
			return parts[k].err < 0 ? parts[k].err : KIK_EPARSE;
		if (k + 1 < n && parts[k].reached != parts[k + 1].start)
			return KIK_EPARSE;
	}
	return rows > im->csv.max_rows ? KIK_ELIMIT : 0;
}

void kik__parts_keep_texts(kik__import *im, kik__part *parts)
{
	int k;
	for (k = 0; k < im->parts; k++)
		kik__arena_adopt(&im->plan->text, &parts[k].own_text);
}

void kik__parts_free(kik__import *im, kik__part *parts)
{
	const kik_allocator *a = &im->plan->alloc;
	int k;
	for (k = 0; k < im->parts; k++) {
		kik__arena_free(a, &parts[k].own_text);
		kik__table_free(a, &parts[k].records);
		kik__arena_free(a, &parts[k].own_records);
	}
}

void kik__part_of_import(kik__import *im, kik__part *part, kik__part_row_fn row, size_t record_size)
{
	part->im = im;
	part->csv = &im->csv;
	part->text = &im->plan->text;
	part->row = row;
	part->records.size = record_size;
}

int kik__part_error(kik__part *part, int code, const kik__csv_cell *cells, size_t count, int index, const char *fmt,
		    ...)
{
	char message[512];
	kik__pos pos;
	va_list ap;
	if (part->im->parts > 1)
		return code; /* the import starts over row by row, and says it then */
	va_start(ap, fmt);
	vsnprintf(message, sizeof(message), fmt, ap);
	va_end(ap);
	pos = kik__import_pos(part->im, cells, count, index);
	return kik__error_set(part->im->plan, code, &pos, "%s", message);
}
