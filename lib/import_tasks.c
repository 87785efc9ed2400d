/* The tasks CSV: task_id, field, measure, kind, title, state, due, owner.
 *
 * Tasks are written to the plan itself (copying a large plan would cost more than its
 * tasks); what the import changed is undone when it fails. A row with the id of a task
 * of the plan updates that task; a row without an id updates the task with its measure,
 * kind and title, or adds one. A task given twice in a file is an error.
 *
 * Phase one turns rows into records (finding the measure, checking the cells, copying
 * the title); it reads the plan but changes nothing, so the parts of a large file run it
 * on several threads. Phase two applies the records in file order on one thread, and is
 * where every row is compared with the plan and the rows before it: so the answer is the
 * same whatever the number of threads. */
#include "import.h"

#include <stdio.h>
#include <string.h>

enum { TASK_ID, FIELD, MEASURE, KIND, TITLE, STATE, DUE, OWNER, BARE_ID, COLUMNS };

static const kik__column columns[COLUMNS] = {
	{ "task_id", "Auftrags-Nr|Auftragsnummer|Aufgaben-Nr|Task-Nr|task number", 0 },
	{ "field", "Handlungsfeld|Feld", 0 },
	{ "measure", "Nummer|Maßnahme-Nr|Maßnahme|measure_id", 0 }, /* required: see check_columns */
	{ "kind", "Art|Typ|Auftragsart", 1 },
	{ "title", "Titel|Aufgabe|Bezeichnung", 1 },
	{ "state", "Stand|Status|Zustand", 1 },
	{ "due", "fällig|Frist|Termin|due_date", 0 },
	{ "owner", "verantwortlich|Verantwortung|zuständig", 0 },
	{ "id", "Nr", 0 }, /* ambiguous: refused (see check_columns) */
};

const kik__column *kik__tasks_columns(size_t *n)
{
	*n = COLUMNS;
	return columns;
}

/* A pair of owner and due date read, by number: see rows_state. */
struct pair_slot {
	uint64_t key; /* owner number + 1, then the date; 0: empty */
	uint32_t attrs;
};

/* What a part (or the import, row by row) keeps from row to row in phase one. */
typedef struct rows_state {
	const int *col;
	kik__intern attrs; /* the owner/due pairs of the part's records, numbered by it */
	/* where the strings of `attrs` go: an arena of their own, so that interning a pair
	 * does not miss the cache among the titles */
	kik__arena attr_text;
	/* the row above: its field and measure cells and their measure */
	char field[64], number[64];
	size_t field_len, number_len;
	kik_measure *measure;
	char field_cell[64];
	const kik_field *field_hit;
	/* Owner/due pairs by numbers: a row's owner is found among the owners read before (a
	 * file names few), its date is taken as a number, and the pair is found by the two
	 * numbers. Comparing the pairs' strings instead missed the cache on most rows. */
	kik__intern owners; /* the owners read, in owner_text */
	kik__arena owner_text;
	/* owners met lately, by length and end bytes, so that most rows skip hashing the owner
	 * in `owners` (without them the job ran 3.6% more instructions, 8% more user time) */
	struct known_owner {
		const char *text;
		size_t len;
		uint32_t number;
	} known_owners[64];
	struct pair_slot *pairs; /* every pair read, open addressing */
	size_t pair_cap, pair_count;
	/* kind and state cells read lately and what they named: a file spells each one or
	 * two ways, and looking a name up folds and compares it with every spelling */
	struct known_name {
		char text[23];
		uint8_t len;
		int value;
	} kinds[4], states[4];
} rows_state;

/* Where a row's title is (row by row; 0 in parts), for messages. */
typedef struct row_at {
	unsigned long line, column;
} row_at;

/* A task of the plan the import changed, to be put back if it fails. */
typedef struct undo {
	size_t position;
	uint32_t bits;
	const char *title; /* its title before */
	row_at at;
} undo;

typedef struct state {
	int col[COLUMNS];
	size_t base;         /* plan->tasks.len before: new tasks are at base and after */
	size_t attrs_before; /* plan->attrs.count before */
	size_t count_before; /* plan->task_count before */
	uint32_t id_before;  /* plan->last_task_id before */
	kik__table undo;     /* struct undo */
	kik__table lines;    /* row by row: where each new task was read (row_at) */
	kik__arena scratch;  /* the chunks of undo and lines */
	uint32_t *numbers;   /* the running part's pair numbers -> the plan's */
} state;

/* ---- phase one -------------------------------------------------------------- */

static const char *cell(const kik__csv_cell *cells, size_t n, const rows_state *rs, int column)
{
	return kik__import_cell(cells, n, rs->col[column]);
}

static size_t cell_len(const kik__csv_cell *cells, size_t n, const rows_state *rs, int column)
{
	return kik__import_cell_len(cells, n, rs->col[column]);
}

static const kik_field *field_of(const kik_plan *plan, rows_state *rs, const char *cell)
{
	const kik_field *field;
	if (rs->field_hit && strcmp(cell, rs->field_cell) == 0)
		return rs->field_hit;
	field = kik__plan_find_field(plan, cell);
	if (field && strlen(cell) < sizeof(rs->field_cell)) {
		strcpy(rs->field_cell, cell);
		rs->field_hit = field;
	}
	return field;
}

/* The measure a row is about: the one above when the cells are the same. */
static int row_measure(kik__part *part, rows_state *rs, const kik__csv_cell *cells, size_t n, kik_measure **out)
{
	const kik_plan *plan = part->im->plan;
	const char *field_cell = cell(cells, n, rs, FIELD), *number = cell(cells, n, rs, MEASURE);
	size_t field_len = cell_len(cells, n, rs, FIELD), number_len = cell_len(cells, n, rs, MEASURE);
	const kik_field *field;
	const kik_goal *goal;
	unsigned goal_no, sub;
	char id[160];
	if (rs->measure && number_len == rs->number_len && field_len == rs->field_len &&
	    kik__same_bytes(number, rs->number, number_len) && kik__same_bytes(field_cell, rs->field, field_len)) {
		*out = rs->measure;
		return 0;
	}
	if (strchr(number, '-')) {
		if (!(*out = (kik_measure *)kik_plan_find_measure(plan, number)))
			snprintf(id, sizeof(id), "%s", number);
	} else {
		if (kik__parse_measure_number(number, &goal_no, &sub) < 0)
			return kik__part_error(part, KIK_EPARSE, cells, n, rs->col[MEASURE],
					       "'%s' is not a measure: expected an id such as SB-4.6, or a number such "
					       "as 4.6 with a field column",
					       number);
		if (!(field = field_of(plan, rs, field_cell)))
			return kik__part_error(part, KIK_EPARSE, cells, n, rs->col[FIELD],
					       "unknown field '%s': expected a field of the plan", field_cell);
		goal = rs->measure && rs->measure->goal->field == field && rs->measure->goal->number == goal_no
			   ? rs->measure->goal
			   : kik__field_find_goal(field, goal_no);
		*out = goal ? kik__goal_find_measure(goal, sub) : NULL;
		if (!*out) /* the id only for the message: most rows find their measure */
			kik__format_id(id, sizeof(id), field->code, '-', goal_no, sub);
	}
	if (!*out)
		return kik__part_error(part, KIK_EPARSE, cells, n, rs->col[MEASURE],
				       "no measure '%s' in the plan: expected a measure id", id);
	rs->measure = NULL;
	if (field_len < sizeof(rs->field) && number_len < sizeof(rs->number)) {
		memcpy(rs->field, field_cell, field_len);
		memcpy(rs->number, number, number_len);
		rs->field_len = field_len;
		rs->number_len = number_len;
		rs->measure = *out;
	}
	return 0;
}

static int parse_kind(const char *text, int *value)
{
	kik_task_kind kind;
	int err = kik_task_kind_parse(text, &kind);
	*value = (int)kind;
	return err;
}

static int parse_state(const char *text, int *value)
{
	kik_task_state task_state;
	int err = kik_task_state_parse(text, &task_state);
	*value = (int)task_state;
	return err;
}

/* What a name cell means, by `parse` or from the four names in `known` read before. */
static int known_name(struct known_name *known, const char *text, size_t len, int (*parse)(const char *, int *),
		      int *value)
{
	struct known_name *slot;
	int k;
	for (k = 0; k < 4 && known[k].len; k++)
		if (known[k].len == len && kik__same_bytes(known[k].text, text, len)) {
			*value = known[k].value;
			return 0;
		}
	if (parse(text, value) < 0)
		return KIK_EPARSE;
	if (len && len < sizeof(known->text)) {
		slot = &known[k < 4 ? k : (int)(len % 4)];
		memcpy(slot->text, text, len);
		slot->len = (uint8_t)len;
		slot->value = *value;
	}
	return 0;
}

static int row_kind_state(kik__part *part, rows_state *rs, const kik__csv_cell *cells, size_t n, kik_task_kind *kind,
			  kik_task_state *task_state)
{
	int value;
	if (known_name(rs->kinds, cell(cells, n, rs, KIND), cell_len(cells, n, rs, KIND), parse_kind, &value) < 0)
		return kik__part_error(part, KIK_EPARSE, cells, n, rs->col[KIND],
				       "'%s' is not a kind of task: expected Einzelauftrag, AG-Auftrag or "
				       "Arbeitspaket (or concept, ag, work_package)",
				       cell(cells, n, rs, KIND));
	*kind = (kik_task_kind)value;
	if (known_name(rs->states, cell(cells, n, rs, STATE), cell_len(cells, n, rs, STATE), parse_state, &value) < 0)
		return kik__part_error(part, KIK_EPARSE, cells, n, rs->col[STATE],
				       "'%s' is not a task state: expected offen, in Arbeit, erledigt or entfällt "
				       "(or open, in_progress, done, not_applicable)",
				       cell(cells, n, rs, STATE));
	*task_state = (kik_task_state)value;
	return 0;
}

/* The id a row gives its task: 0 when the cell is empty. */
static int row_id(kik__part *part, rows_state *rs, const kik__csv_cell *cells, size_t n, uint32_t *id)
{
	const char *s = cell(cells, n, rs, TASK_ID);
	uint64_t v = 0;
	for (*id = 0; *s >= '0' && *s <= '9' && v <= KIK_TASK_ID_MAX; s++)
		v = v * 10 + (uint64_t)(*s - '0');
	if (*s || v > KIK_TASK_ID_MAX || (v == 0 && *cell(cells, n, rs, TASK_ID)))
		return kik__part_error(part, KIK_EPARSE, cells, n, rs->col[TASK_ID],
				       "'%s' is not a task id: expected a whole number from 1 to %lu, or nothing",
				       cell(cells, n, rs, TASK_ID), KIK_TASK_ID_MAX);
	*id = (uint32_t)v;
	return 0;
}

/* The number of an owner among those this reader has read. */
static int owner_number(const kik_allocator *a, rows_state *rs, const char *owner, size_t len, uint32_t *number)
{
	size_t at = (len * 31u + (len ? (unsigned char)owner[0] * 7u + (unsigned char)owner[len - 1] : 0u)) % 64u;
	struct known_owner *known = &rs->known_owners[at];
	int err;
	if (known->text && known->len == len && kik__same_bytes(known->text, owner, len)) {
		*number = known->number;
		return 0;
	}
	if ((err = kik__intern_put(a, &rs->owners, &rs->owner_text, owner, len, number)) < 0)
		return err;
	known->text = rs->owners.strings[*number];
	known->len = len;
	known->number = *number;
	return 0;
}

/* A due date as a number: YYYYMMDD, or 0 without one (dates are checked before). */
static uint32_t date_number(const char *due, size_t len)
{
	uint32_t n = 0;
	size_t i;
	for (i = 0; len == 10 && i < 10; i++)
		if (i != 4 && i != 7)
			n = n * 10u + (uint32_t)(due[i] - '0');
	return n;
}

/* The slot of a pair's key in rs->pairs: its own, or the empty one where it would go. */
static struct pair_slot *pair_slot(rows_state *rs, uint64_t key)
{
	uint64_t h = key * 0x9E3779B97F4A7C15ULL;
	size_t mask = rs->pair_cap - 1, i = (size_t)(h >> 32) & mask;
	while (rs->pairs[i].key && rs->pairs[i].key != key)
		i = (i + 1) & mask;
	return &rs->pairs[i];
}

static int grow_pairs(const kik_allocator *a, rows_state *rs)
{
	size_t old_cap = rs->pair_cap, cap = old_cap ? old_cap * 2 : 256, i;
	struct pair_slot *old = rs->pairs, *slots = kik__malloc(a, cap * sizeof(*slots));
	if (!slots)
		return KIK_ENOMEM;
	memset(slots, 0, cap * sizeof(*slots));
	rs->pairs = slots;
	rs->pair_cap = cap;
	for (i = 0; i < old_cap; i++)
		if (old[i].key)
			*pair_slot(rs, old[i].key) = old[i];
	kik__free(a, old);
	return 0;
}

static void rows_state_free(const kik_allocator *a, rows_state *rs)
{
	kik__intern_free(a, &rs->attrs);
	kik__arena_free(a, &rs->attr_text);
	kik__intern_free(a, &rs->owners);
	kik__arena_free(a, &rs->owner_text);
	kik__free(a, rs->pairs);
}

/* The number of the owner/due pair of a row among the part's pairs. */
static int row_attrs(kik__part *part, rows_state *rs, const char *owner, size_t owner_len, const char *due,
		     size_t due_len, uint32_t *attrs)
{
	const kik_allocator *a = &part->im->plan->alloc;
	char small[256], *pair = small;
	struct pair_slot *slot;
	uint32_t owner_no;
	uint64_t key;
	int err;
	if ((err = owner_number(a, rs, owner, owner_len, &owner_no)) < 0)
		return err;
	key = ((uint64_t)owner_no + 1) << 32 | date_number(due, due_len);
	if ((rs->pair_count + 1) * 2 > rs->pair_cap && (err = grow_pairs(a, rs)) < 0)
		return err;
	slot = pair_slot(rs, key);
	if (slot->key) {
		*attrs = slot->attrs;
		return 0;
	}
	if (owner_len + due_len + 2 > sizeof(small) && !(pair = kik__malloc(a, owner_len + due_len + 2)))
		return KIK_ENOMEM;
	memcpy(pair, owner, owner_len + 1);
	memcpy(pair + owner_len + 1, due, due_len + 1);
	err = kik__intern_put(a, &rs->attrs, &rs->attr_text, pair, owner_len + 1 + due_len, attrs);
	if (pair != small)
		kik__free(a, pair);
	if (err == 0) {
		slot->key = key;
		slot->attrs = *attrs;
		rs->pair_count++;
	}
	return err;
}

/* Phase one: a row into a record of part->records: measure, the title copied, the id the
 * row gives (0 for none), kind, state and the part's number of the owner/due pair. */
static int part_row(kik__part *part, const kik__csv_cell *cells, size_t n)
{
	rows_state *rs = part->state;
	const kik_plan *plan = part->im->plan;
	const kik__csv_cell *title = rs->col[TITLE] < (int)n ? &cells[rs->col[TITLE]] : NULL;
	const char *due = cell(cells, n, rs, DUE);
	kik_task_kind kind = KIK_TASK_CONCEPT;
	kik_task_state task_state = KIK_TASK_OPEN;
	kik_measure *m;
	kik_task *t;
	uint32_t attrs, id = 0;
	int err;
	if ((err = row_measure(part, rs, cells, n, &m)) < 0 ||
	    (err = row_kind_state(part, rs, cells, n, &kind, &task_state)) < 0 ||
	    (rs->col[TASK_ID] >= 0 && (err = row_id(part, rs, cells, n, &id)) < 0))
		return err;
	if (!title || !title->len)
		return kik__part_error(part, KIK_EPARSE, cells, n, rs->col[TITLE], "a task needs a title");
	if (*due && !kik__is_iso_date(due))
		return kik__part_error(part, KIK_EPARSE, cells, n, rs->col[DUE],
				       "'%s' is not a due date: expected YYYY-MM-DD", due);
	if ((err = row_attrs(part, rs, cell(cells, n, rs, OWNER), cell_len(cells, n, rs, OWNER), due,
			     cell_len(cells, n, rs, DUE), &attrs)) < 0)
		return kik__part_error(part, err, cells, n, rs->col[OWNER], "out of memory");
	if (attrs > KIK__TASK_ATTRS_MAX)
		return kik__part_error(part, KIK_ELIMIT, cells, n, rs->col[OWNER],
				       "more distinct pairs of owner and due date than %u", KIK__TASK_ATTRS_MAX);
	if (!(t = kik__table_push(&plan->alloc, &part->own_records, &part->records)) ||
	    !(t->title = kik__arena_strndup(&plan->alloc, part->text, title->text, title->len)))
		return kik__part_error(part, KIK_ENOMEM, cells, n, rs->col[TITLE], "out of memory");
	t->measure = m;
	t->id = id;
	t->bits = kik__task_bits(kind, task_state, 0, attrs);
	return 0;
}

/* ---- phase two -------------------------------------------------------------------- */

/* The line where the task at `position` was read in this import (row by row), or 0. */
static unsigned long first_line(state *st, size_t position)
{
	size_t i;
	if (position >= st->base && position - st->base < st->lines.len)
		return ((const row_at *)kik__table_at(&st->lines, position - st->base))->line;
	for (i = 0; i < st->undo.len; i++)
		if (((const undo *)kik__table_at(&st->undo, i))->position == position)
			return ((const undo *)kik__table_at(&st->undo, i))->at.line;
	return 0;
}

/* An error of phase two: at the record's title when reading row by row. */
static int apply_error(kik__import *im, row_at at, int code, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;
static int apply_error(kik__import *im, row_at at, int code, const char *fmt, ...)
{
	kik__pos pos = { im->file, at.line, at.column };
	va_list ap;
	if (im->parts > 1)
		return code; /* the import starts over row by row, and says it then */
	va_start(ap, fmt);
	code = kik__error_vset(code, &pos, 0, fmt, ap);
	va_end(ap);
	return code;
}

static int duplicate(kik__import *im, state *st, const kik_task *r, size_t first, row_at at)
{
	unsigned long before = first_line(st, first);
	return apply_error(im, at, KIK_EPARSE, "task '%s' (%s) of %s appears twice: first on line %lu", r->title,
			   kik_task_kind_key(KIK__TASK_KIND(r)), r->measure->id, before);
}

/* Gives the task at `position` the values of record `r`, keeping what it was in the undo
 * log. Its title only changes when the row named it by id. */
static int update(kik_plan *plan, state *st, size_t position, const kik_task *r, uint32_t attrs, row_at at)
{
	kik_task *t = kik__task_at(plan, position);
	undo *u = kik__table_push(&plan->alloc, &st->scratch, &st->undo);
	int rename = KIK__TASK_KIND(t) != KIK__TASK_KIND(r) || strcmp(t->title, r->title) != 0;
	if (!u)
		return KIK_ENOMEM;
	u->position = position;
	u->bits = t->bits;
	u->title = t->title;
	u->at = at;
	if (rename)
		kik__task_unindex(plan, position);
	t->bits = kik__task_bits(KIK__TASK_KIND(r), KIK__TASK_STATE(r),
				 (rename ? 0 : t->bits & KIK__TASK_OWN_TITLE) | KIK__TASK_TOUCHED, attrs);
	if (rename) {
		t->title = r->title; /* in the import's texts, kept when it succeeds */
		kik__task_reindex(plan, position);
	}
	t->measure->stale = 1;
	return 0;
}

/* Applies record `r`: an update of a task the plan had, or a new task. `at` is the
 * record's own position in the plan's table (from a part), or SIZE_MAX when a new task is
 * to be copied to the end (row by row). Returns 0, or the error (set row by row). */
static int apply(kik__import *im, state *st, kik_task *r, size_t at, row_at line)
{
	kik_plan *plan = im->plan;
	kik_measure *m = r->measure;
	uint32_t attrs = st->numbers[KIK__TASK_ATTRS(r)];
	size_t position, len = strlen(r->title);
	long same = kik__task_by_key(plan, m, KIK__TASK_KIND(r), r->title, len);
	kik_task *t;
	if (r->id && (t = kik__task_by_id(plan, r->id, &position))) {
		if (position >= st->base || (t->bits & KIK__TASK_TOUCHED))
			return apply_error(im, line, KIK_EPARSE, "task id %u appears twice: first on line %lu", r->id,
					   first_line(st, position));
		if (t->measure != m)
			return apply_error(im, line, KIK_EPARSE,
					   "task %u belongs to %s, not to %s: a tasks file cannot move a task "
					   "(remove it and add it with another id)",
					   r->id, t->measure->id, m->id);
		if (same >= 0 && (size_t)same != position)
			return apply_error(im, line, KIK_EPARSE,
					   "task %u cannot be renamed to '%s' (%s): %s has that task already (id %u)",
					   r->id, r->title, kik_task_kind_key(KIK__TASK_KIND(r)), m->id,
					   kik__task_at(plan, (size_t)same)->id);
		return update(plan, st, position, r, attrs, line) < 0
			   ? apply_error(im, line, KIK_ENOMEM, "out of memory")
			   : 1;
	}
	if (same >= 0) {
		t = kik__task_at(plan, (size_t)same);
		if ((size_t)same >= st->base || (t->bits & KIK__TASK_TOUCHED))
			return duplicate(im, st, r, (size_t)same, line);
		if (r->id)
			return apply_error(im, line, KIK_EPARSE,
					   "task '%s' (%s) of %s has id %u in the plan, not %u: expected the same id "
					   "or none",
					   r->title, kik_task_kind_key(KIK__TASK_KIND(r)), m->id, t->id, r->id);
		return update(plan, st, (size_t)same, r, attrs, line) < 0
			   ? apply_error(im, line, KIK_ENOMEM, "out of memory")
			   : 1;
	}
	/* a new task */
	if (!r->id && plan->last_task_id == KIK_TASK_ID_MAX)
		return apply_error(im, line, KIK_ELIMIT, "every task id has been given");
	position = at == SIZE_MAX ? plan->tasks.len : at;
	r->id = r->id ? r->id : plan->last_task_id + 1;
	if (kik__task_prepare(plan, m, position, r->id) < 0)
		return apply_error(im, line, KIK_ENOMEM, "out of memory");
	if (at == SIZE_MAX) {
		row_at *l;
		if (!(t = kik__table_push(&plan->alloc, &plan->arena, &plan->tasks)) ||
		    !(l = kik__table_push(&plan->alloc, &st->scratch, &st->lines))) {
			kik__table_truncate(&plan->tasks, position);
			return apply_error(im, line, KIK_ENOMEM, "out of memory");
		}
		*t = *r;
		*l = line;
	} else {
		t = r;
	}
	t->bits = kik__task_bits(KIK__TASK_KIND(r), KIK__TASK_STATE(r), 0, attrs);
	kik__task_link(plan, position);
	plan->task_count++;
	m->stale = 1; /* derived once at the end: a measure of 20,000 tasks is not read 20,000 times */
	return 0;
}

/* The part's owner/due pairs, numbered as the plan numbers them, in st->numbers. */
static int number_pairs(kik_plan *plan, state *st, rows_state *rs)
{
	size_t i;
	int err = 0;
	kik__free(&plan->alloc, st->numbers);
	if (!(st->numbers = kik__malloc(&plan->alloc, (rs->attrs.count + 1) * sizeof(uint32_t))))
		return KIK_ENOMEM;
	for (i = 0; err == 0 && i < rs->attrs.count; i++)
		if ((err = kik__intern_put(&plan->alloc, &plan->attrs, &plan->text, rs->attrs.strings[i],
					   rs->attrs.lens[i], &st->numbers[i])) == 0 &&
		    st->numbers[i] > KIK__TASK_ATTRS_MAX)
			err = KIK_ELIMIT;
	return err;
}

/* Makes the position a hole, with the id before it (see struct kik_plan's tasks). */
static void hole(kik_plan *plan, size_t position)
{
	kik_task *t = kik__task_at(plan, position);
	memset(t, 0, sizeof(*t));
	t->id = position ? kik__task_at(plan, position - 1)->id : 0;
}

/* Derives a measure's status again if the import changed its tasks. */
static void rederive(kik_plan *plan, kik_measure *m)
{
	if (m->goal && m->stale) {
		m->derived = (uint8_t)kik__derive(m, plan->rule);
		m->stale = 0;
	}
}

/* Derives every status the import changed (each measure once). */
static void rederive_changed(kik_plan *plan, state *st)
{
	size_t p, i;
	for (p = st->base; p < plan->tasks.len; p++)
		if (kik__task_at(plan, p)->measure)
			rederive(plan, kik__task_at(plan, p)->measure);
	for (i = 0; i < st->undo.len; i++)
		rederive(plan, kik__task_at(plan, ((const undo *)kik__table_at(&st->undo, i))->position)->measure);
}

/* ---- removing what a complete list does not name ---------------------------------- */

/* Whether the task at `p` is one the plan had that the file did not name. */
static int unnamed(const kik_plan *plan, const state *st, size_t p)
{
	const kik_task *t = kik__task_at(plan, p);
	return p < st->base && t->measure && !(t->bits & KIK__TASK_TOUCHED);
}

static size_t index_in(const kik_measure *m, size_t position)
{
	size_t i;
	for (i = 0; kik__ids_at(&m->tasks, i) != position; i++)
		;
	return i;
}

/* KIK_IMPORT_COMPLETE: removes the plan's tasks the file did not name. The memory the
 * lists need is taken first, so that nothing is removed when it fails. */
static int remove_unnamed(kik__import *im, state *st)
{
	kik_plan *plan = im->plan;
	size_t p;
	for (p = 0; p < st->base; p++)
		if (unnamed(plan, st, p) &&
		    kik__ids_prepare_remove(&plan->alloc, &kik__task_at(plan, p)->measure->tasks, 1) < 0)
			return kik__error_set(plan, KIK_ENOMEM, NULL, "out of memory");
	for (p = 0; p < st->base; p++) {
		if (unnamed(plan, st, p)) {
			kik_measure *m = kik__task_at(plan, p)->measure;
			m->stale = 1;
			kik__task_drop(plan, p, index_in(m, p));
		}
	}
	for (p = 0; p < plan->measures.len; p++) /* the measures that lost tasks */
		rederive(plan, kik__measure_at(plan, p));
	return 0;
}

/* ---- undoing and finishing ----------------------------------------------------- */

/* Drops the positions from `base` on from a list (they are at its end). */
static void drop_new(kik__ids *l, size_t base)
{
	while (l->count && kik__ids_at(l, l->count - 1) >= base)
		l->count--;
}

static void undo_all(kik__import *im, state *st)
{
	kik_plan *plan = im->plan;
	size_t i = st->undo.len, p;
	while (i-- > 0) {
		const undo *u = kik__table_at(&st->undo, i);
		kik_task *t = kik__task_at(plan, u->position);
		t->bits = u->bits;
		t->title = u->title;
	}
	for (p = st->base; p < plan->tasks.len; p++) {
		kik_task *t = kik__task_at(plan, p);
		if (t->measure) {
			drop_new(&t->measure->tasks, st->base);
			t->measure->stale = 1;
		}
	}
	rederive_changed(plan, st); /* before the new positions go: they name their measures */
	kik__table_truncate(&plan->tasks, st->base);
	kik__intern_truncate(&plan->attrs, st->attrs_before);
	plan->task_count = st->count_before;
	plan->last_task_id = st->id_before;
	kik__task_indexes_rebuild(plan);
}

/* Clears the marks of the tasks updated (after success) or undoes everything. */
static int finish(kik__import *im, state *st, int err)
{
	kik_plan *plan = im->plan;
	size_t i;
	if (err == 0 && im->options && (im->options->flags & KIK_IMPORT_COMPLETE))
		err = remove_unnamed(im, st);
	if (err < 0) {
		undo_all(im, st);
	} else {
		rederive_changed(plan, st);
		kik__plan_attrs_settle(plan);
		for (i = 0; i < st->undo.len; i++) {
			const undo *u = kik__table_at(&st->undo, i);
			kik_task *t = kik__task_at(plan, u->position);
			t->bits &= ~KIK__TASK_TOUCHED;
			if (t->title != u->title && (u->bits & KIK__TASK_OWN_TITLE))
				kik__free(&plan->alloc, (char *)u->title); /* renamed: the old title was its own */
		}
	}
	kik__table_free(&plan->alloc, &st->undo);
	kik__table_free(&plan->alloc, &st->lines);
	kik__arena_free(&plan->alloc, &st->scratch);
	kik__free(&plan->alloc, st->numbers);
	return err;
}

/* ---- row by row ----------------------------------------------------------------- */

static int row_by_row(kik__import *im, state *st)
{
	const kik__csv_cell *cells;
	kik_plan *plan = im->plan;
	rows_state rs;
	kik__part part;
	kik__table lines; /* where each record was read */
	size_t n, i;
	int got, err = 0;
	memset(&rs, 0, sizeof(rs));
	memset(&part, 0, sizeof(part));
	memset(&lines, 0, sizeof(lines));
	lines.size = sizeof(row_at);
	rs.col = st->col;
	kik__part_of_import(im, &part, part_row, sizeof(kik_task));
	part.text = &part.own_text; /* kept only when the import succeeds */
	part.state = &rs;
	st->lines.size = sizeof(row_at);
	while ((got = kik__import_row(im, &cells, &n)) > 0) {
		size_t before = part.records.len;
		row_at *line;
		im->rows++;
		if ((err = part_row(&part, cells, n)) < 0 && (err = kik__import_problem(im, err)) < 0)
			break;
		if (part.records.len > before) {
			if (!(line = kik__table_push(&plan->alloc, &part.own_records, &lines))) {
				err = kik__error_set(plan, KIK_ENOMEM, NULL, "out of memory");
				break;
			}
			kik__pos pos = kik__import_pos(im, cells, n, st->col[TITLE]);
			line->line = pos.line;
			line->column = pos.column;
		}
	}
	if (err == 0 && got < 0)
		err = im->diag && got != KIK_ENOMEM && kik__import_problem(im, got) == KIK_ENOMEM ? KIK_ENOMEM : got;
	if (err == 0 && (err = number_pairs(plan, st, &rs)) < 0)
		err = kik__error_set(plan, err, NULL,
				     err == KIK_ENOMEM ? "out of memory"
						       : "too many distinct pairs of owner and due date");
	for (i = 0; err == 0 && i < part.records.len; i++) {
		row_at line = *(const row_at *)kik__table_at(&lines, i);
		if ((err = apply(im, st, kik__table_at(&part.records, i), SIZE_MAX, line)) > 0)
			err = 0;
		if (err < 0 && (err = kik__import_problem(im, err)) < 0)
			break;
	}
	if (err == 0 && im->diag && im->diag->count)
		err = KIK_EPARSE;
	if (err == 0)
		kik__arena_adopt(&plan->text, &part.own_text);
	kik__arena_free(&plan->alloc, &part.own_text);
	kik__table_free(&plan->alloc, &part.records);
	kik__table_free(&plan->alloc, &lines);
	kik__arena_free(&plan->alloc, &part.own_records);
	rows_state_free(&plan->alloc, &rs);
	return err;
}

/* ---- in parts ------------------------------------------------------------------- */

/* Phase two for the records of one part, now at positions first.. of the plan. */
static int link_part(kik__import *im, state *st, rows_state *rs, size_t first)
{
	kik_plan *plan = im->plan;
	size_t p, end = plan->tasks.len;
	int err = number_pairs(plan, st, rs);
	row_at nowhere = { 0, 0 };
	for (p = first; err == 0 && p < end; p++)
		if ((err = apply(im, st, kik__task_at(plan, p), p, nowhere)) > 0) {
			hole(plan, p); /* the record was only the new values of a task the plan had */
			err = 0;
		}
	return err;
}

static int in_parts(kik__import *im, state *st)
{
	kik__part parts[KIK__MOST_PARTS];
	rows_state *states; /* a few kilobytes each: not on the caller's stack */
	kik_plan *plan = im->plan;
	int k, err;
	if (!(states = kik__malloc(&plan->alloc, (size_t)im->parts * sizeof(*states))))
		return KIK_ENOMEM;
	memset(parts, 0, sizeof(parts));
	memset(states, 0, (size_t)im->parts * sizeof(*states));
	for (k = 0; k < im->parts; k++) {
		states[k].col = st->col;
		parts[k].state = &states[k];
	}
	err = kik__read_parts(im, parts, part_row, sizeof(kik_task));
	for (k = 0; err == 0 && k < im->parts; k++) {
		size_t first, p = plan->tasks.len;
		err = kik__table_adopt(&plan->alloc, &plan->tasks, &parts[k].records, &first);
		for (; err == 0 && p < first; p++) /* the rest of the chunk before the part's */
			hole(plan, p);
		/* the records are the plan's now, whatever follows (undoing keeps their chunks) */
		kik__arena_adopt(&plan->arena, &parts[k].own_records);
		if (err == 0)
			err = link_part(im, st, &states[k], first);
		im->rows += parts[k].rows;
	}
	if (err == 0)
		kik__parts_keep_texts(im, parts);
	for (k = 0; k < im->parts; k++)
		rows_state_free(&plan->alloc, &states[k]);
	kik__free(&plan->alloc, states);
	kik__parts_free(im, parts);
	return err;
}

/* Refuses a bare `id` column, which could mean the task or the measure, and needs a measure. */
static int check_columns(kik__import *im, const state *st)
{
	kik__pos pos = { im->file, im->csv.line ? im->csv.line - 1 : 1, 1 };
	if (st->col[BARE_ID] >= 0)
		return kik__error_set(
		    im->plan, KIK_EPARSE, &pos,
		    "column '%s' is ambiguous: name it task_id (the task's id) or measure (the measure's id)", "id");
	if (st->col[MEASURE] < 0)
		return kik__error_set(im->plan, KIK_EPARSE, &pos,
				      "missing column 'measure': expected a header named measure or %s",
				      columns[MEASURE].aliases);
	return 0;
}

int kik__import_tasks(kik__import *im)
{
	kik_plan *plan = im->plan;
	state st;
	int err;
	memset(&st, 0, sizeof(st));
	st.base = plan->tasks.len;
	st.attrs_before = plan->attrs.count;
	st.count_before = plan->task_count;
	st.id_before = plan->last_task_id;
	st.undo.size = sizeof(undo);
	if ((err = kik__import_header(im, columns, COLUMNS, st.col)) < 0 || (err = check_columns(im, &st)) < 0)
		return err;
	err = im->parts > 1 ? in_parts(im, &st) : row_by_row(im, &st);
	return finish(im, &st, err);
}
