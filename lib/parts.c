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

/* The parts, the next one to read, and which are read. */
typedef struct crew {
	pthread_mutex_t lock;
	pthread_cond_t read; /* a part was read */
	kik__part *parts;
	size_t n, next;
	int failed; /* a part failed: the rest are not read */
	char done[KIK__MOST_PARTS];
} crew;

/* The next part to read, or c->n. */
static size_t take(crew *c)
{
	size_t k;
	pthread_mutex_lock(&c->lock);
	k = c->failed || c->next >= c->n ? c->n : c->next++;
	pthread_mutex_unlock(&c->lock);
	return k;
}

static void read_one(crew *c, size_t k)
{
	read_part(&c->parts[k]);
	pthread_mutex_lock(&c->lock);
	c->done[k] = 1;
	c->failed |= c->parts[k].err < 0;
	pthread_cond_broadcast(&c->read);
	pthread_mutex_unlock(&c->lock);
}

static void *read_parts(void *arg)
{
	crew *c = arg;
	size_t k;
	while ((k = take(c)) < c->n)
		read_one(c, k);
	return NULL;
}

/* Whether part k is read (waiting for it when `wait`); 0 as well once a part failed. */
static int is_read(crew *c, size_t k, int wait)
{
	int ready;
	pthread_mutex_lock(&c->lock);
	while (wait && !c->failed && !c->done[k])
		pthread_cond_wait(&c->read, &c->lock);
	ready = !c->failed && c->done[k];
	pthread_mutex_unlock(&c->lock);
	return ready;
}

/* The importing thread: reads parts like the others and, between them, applies the parts
 * read so far in file order; then waits for the rest and applies them. */
static int read_and_apply(kik__import *im, crew *c)
{
	size_t applied = 0, k;
	int err = 0;
	do {
		if ((k = take(c)) < c->n)
			read_one(c, k);
		while (err == 0 && applied < c->n && is_read(c, applied, k == c->n))
			err = im->apply_part(im, &c->parts[applied++], im->apply_ctx);
	} while (err == 0 && applied < c->n && (k < c->n || is_read(c, applied, 1)));
	if (err < 0) {
		pthread_mutex_lock(&c->lock);
		c->failed = 1;
		pthread_mutex_unlock(&c->lock);
	}
	return err;
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
	int err = 0;
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
	memset(&c, 0, sizeof(c));
	if (pthread_mutex_init(&c.lock, NULL) != 0)
		return KIK_ENOMEM;
	if (pthread_cond_init(&c.read, NULL) != 0) {
		pthread_mutex_destroy(&c.lock);
		return KIK_ENOMEM;
	}
	c.parts = parts;
	c.n = n;
	for (k = 1; k < wanted; k++) {
		if (pthread_create(&threads[k], NULL, read_parts, &c) != 0)
			break; /* fewer threads read them */
		started = k;
	}
	if (im->apply_part)
		err = read_and_apply(im, &c);
	else
		read_parts(&c);
	for (k = 1; k <= started; k++)
		pthread_join(threads[k], NULL);
	pthread_cond_destroy(&c.read);
	pthread_mutex_destroy(&c.lock);
	if (err < 0)
		return err;
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
