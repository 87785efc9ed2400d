/* The tasks CSV: field, measure, kind, title, state, due, owner.
 *
 * Tasks are written to the plan itself (copying a large plan would cost more than its
 * tasks); what the import changed is undone when it fails. A task with the measure, kind
 * and title of one the plan had updates that one; twice in the same file is an error.
 *
 * In parts, phase one finds each row's measure (reading the plan), checks the row, and
 * compares its title with the rows of the same measure just above and with the tasks
 * the plan had; phase two links the new tasks to their measures in file order. */
#include "import.h"

#include <stdio.h>
#include <string.h>

enum { FIELD, MEASURE, KIND, TITLE, STATE, DUE, OWNER, COLUMNS };

static const kik__column columns[COLUMNS] = {
	{ "field", "Handlungsfeld|Feld", 0 },
	{ "measure", "Nummer|Maßnahme-Nr|Maßnahme|measure_id|id", 1 },
	{ "kind", "Art|Typ|Auftragsart", 1 },
	{ "title", "Titel|Aufgabe|Bezeichnung", 1 },
	{ "state", "Stand|Status|Zustand", 1 },
	{ "due", "fällig|Frist|Termin|due_date", 0 },
	{ "owner", "verantwortlich|Verantwortung|zuständig", 0 },
};

/* A pair of owner and due date read, by number: see rows_state. */
struct pair_slot {
	uint64_t key; /* owner number + 1, then the date; 0: empty */
	uint32_t attrs;
};

/* What a part (or the import, row by row) keeps from row to row in phase one. */
typedef struct rows_state {
	const int *col;
	kik__intern *attrs; /* owner/due pairs: the part's own, or the plan's row by row */
	kik__intern own_attrs;
	/* where the strings of `attrs` go: the plan's texts row by row; in a part, an arena of
	 * their own, so that interning a pair does not miss the cache among the titles */
	kik__arena *attr_text;
	kik__arena own_attr_text;
	/* the row above: its field and measure cells and their measure */
	char field[64], number[64];
	size_t field_len, number_len;
	kik_measure *measure;
	char field_cell[64];
	const kik_field *field_hit;
	size_t run; /* the first record of the rows of `measure` just above */
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

/* A task the import updated, to be put back if it fails. */
typedef struct undo {
	size_t position;
	uint32_t bits;
	unsigned long line;
} undo;

typedef struct state {
	int col[COLUMNS];
	size_t base;         /* plan->tasks.len before: new tasks are at base and after */
	size_t attrs_before; /* plan->attrs.count before */
	size_t count_before; /* plan->task_count before */
	uint32_t id_before;  /* plan->last_task_id before */
	kik__table undo;     /* struct undo */
	kik__table lines;    /* row by row: the line of each new task (unsigned long) */
	kik__arena scratch;  /* the chunks of undo and lines */
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

/* The position of the task of `m` with this kind and title at a position in [from, to),
 * or -1. */
static long find_same(const kik_plan *plan, const kik_measure *m, kik_task_kind kind, const char *title, size_t from,
		      size_t to)
{
	size_t i;
	for (i = 0; i < m->tasks.count; i++) {
		size_t position = kik__ids_at(&m->tasks, i);
		const kik_task *t = kik__task_at(plan, position);
		if (position >= from && position < to && KIK__TASK_KIND(t) == kind && strcmp(t->title, title) == 0)
			return (long)position;
	}
	return -1;
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
	kik__intern_free(a, &rs->own_attrs);
	kik__arena_free(a, &rs->own_attr_text);
	kik__intern_free(a, &rs->owners);
	kik__arena_free(a, &rs->owner_text);
	kik__free(a, rs->pairs);
}

/* The number of the owner/due pair of a row in rs->attrs; its strings go to rs->attr_text. */
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
	err = kik__intern_put(a, rs->attrs, rs->attr_text, pair, owner_len + 1 + due_len, attrs);
	if (pair != small)
		kik__free(a, pair);
	if (err == 0) {
		slot->key = key;
		slot->attrs = *attrs;
		rs->pair_count++;
	}
	return err;
}

/* Phase one of a part: a row into a record of part->records (see KIK__TASK_UPDATE). */
static int part_row(kik__part *part, const kik__csv_cell *cells, size_t n)
{
	rows_state *rs = part->state;
	const kik_plan *plan = part->im->plan;
	const kik__csv_cell *title = rs->col[TITLE] < (int)n ? &cells[rs->col[TITLE]] : NULL;
	const char *due = cell(cells, n, rs, DUE);
	kik_task_kind kind;
	kik_task_state task_state;
	kik_measure *m;
	kik_task *t;
	uint32_t attrs;
	long same;
	size_t i;
	int err;
	if ((err = row_measure(part, rs, cells, n, &m)) < 0 ||
	    (err = row_kind_state(part, rs, cells, n, &kind, &task_state)) < 0)
		return err;
	if (!title || !title->len || (*due && !kik__is_iso_date(due)))
		return KIK_EPARSE;
	if (part->records.len && ((kik_task *)kik__table_at(&part->records, part->records.len - 1))->measure == m) {
		for (i = rs->run; i < part->records.len; i++) { /* the rows of this measure just above */
			const kik_task *r = kik__table_at(&part->records, i);
			if (KIK__TASK_KIND(r) == kind && strcmp(r->title, title->text) == 0)
				return KIK_EPARSE;
		}
	} else {
		rs->run = part->records.len;
	}
	if ((err = row_attrs(part, rs, cell(cells, n, rs, OWNER), cell_len(cells, n, rs, OWNER), due,
			     cell_len(cells, n, rs, DUE), &attrs)) < 0)
		return err;
	if (!(t = kik__table_push(&plan->alloc, &part->own_records, &part->records)))
		return KIK_ENOMEM;
	t->measure = m;
	same = find_same(plan, m, kind, title->text, 0, plan->tasks.len); /* the plan's tasks from before */
	if (same >= 0) {
		t->title = kik__task_at(plan, (size_t)same)->title;
		t->id = (uint32_t)same;
		t->bits = kik__task_bits(kind, task_state, KIK__TASK_UPDATE, attrs);
		return 0;
	}
	t->bits = kik__task_bits(kind, task_state, 0, attrs);
	if (!(t->title = kik__arena_strndup(&plan->alloc, part->text, title->text, title->len)))
		return KIK_ENOMEM;
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
		kik__task_at(plan, u->position)->bits = u->bits;
	}
	for (p = st->base; p < plan->tasks.len; p++) {
		kik_task *t = kik__task_at(plan, p);
		if (t->measure)
			drop_new(&t->measure->tasks, st->base);
	}
	for (p = st->base; p < plan->tasks.len; p++) {
		kik_task *t = kik__task_at(plan, p);
		if (t->measure)
			t->measure->derived = (uint8_t)kik__derive(t->measure, plan->rule);
	}
	for (i = 0; i < st->undo.len; i++) {
		kik_measure *m = kik__task_at(plan, ((const undo *)kik__table_at(&st->undo, i))->position)->measure;
		m->derived = (uint8_t)kik__derive(m, plan->rule);
	}
	kik__table_truncate(&plan->tasks, st->base);
	kik__intern_truncate(&plan->attrs, st->attrs_before);
	plan->task_count = st->count_before;
	plan->last_task_id = st->id_before;
}

/* Clears the marks of the tasks updated (after success) or undoes everything. */
static int finish(kik__import *im, state *st, int err)
{
	size_t i;
	if (err < 0)
		undo_all(im, st);
	else
		for (i = 0; i < st->undo.len; i++)
			kik__task_at(im->plan, ((const undo *)kik__table_at(&st->undo, i))->position)->bits &=
			    ~KIK__TASK_TOUCHED;
	kik__table_free(&im->plan->alloc, &st->undo);
	kik__table_free(&im->plan->alloc, &st->lines);
	kik__arena_free(&im->plan->alloc, &st->scratch);
	return err;
}

/* Records an update of the task at `position`: its old bits, then its new values. */
static int update(kik_plan *plan, state *st, size_t position, kik_task_state task_state, uint32_t attrs,
		  unsigned long line)
{
	kik_task *t = kik__task_at(plan, position);
	undo *u = kik__table_push(&plan->alloc, &st->scratch, &st->undo);
	if (!u)
		return KIK_ENOMEM;
	u->position = position;
	u->bits = t->bits;
	u->line = line;
	t->bits =
	    kik__task_bits(KIK__TASK_KIND(t), task_state, (t->bits & KIK__TASK_OWN_TITLE) | KIK__TASK_TOUCHED, attrs);
	return 0;
}

/* ---- row by row ----------------------------------------------------------------- */

/* The line where the task at `position` was read in this import. */
static unsigned long first_line(kik__import *im, state *st, size_t position)
{
	size_t i;
	if (position >= st->base)
		return *(unsigned long *)kik__table_at(&st->lines, position - st->base);
	for (i = 0; i < st->undo.len; i++)
		if (((const undo *)kik__table_at(&st->undo, i))->position == position)
			return ((const undo *)kik__table_at(&st->undo, i))->line;
	(void)im;
	return 0;
}

static int task_row(kik__import *im, state *st, kik__part *part, const kik__csv_cell *cells, size_t n)
{
	rows_state *rs = part->state;
	kik_plan *plan = im->plan;
	kik_task_desc d = KIK_TASK_DESC_INIT;
	kik_measure *m;
	kik_task *t;
	kik__pos pos;
	uint32_t attrs;
	size_t position;
	unsigned long *line;
	long same;
	int err;
	if ((err = row_measure(part, rs, cells, n, &m)) < 0 ||
	    (err = row_kind_state(part, rs, cells, n, &d.kind, &d.state)) < 0)
		return err;
	d.measure = m->id;
	d.title = cell(cells, n, rs, TITLE);
	d.due = cell(cells, n, rs, DUE);
	d.owner = cell(cells, n, rs, OWNER);
	pos = kik__import_pos(im, cells, n, !*d.title ? st->col[TITLE] : *d.due ? st->col[DUE] : st->col[TITLE]);
	same = find_same(plan, m, d.kind, d.title, 0, plan->tasks.len);
	if (same >= 0 && ((size_t)same >= st->base || (kik__task_at(plan, (size_t)same)->bits & KIK__TASK_TOUCHED)))
		return kik__error_set(plan, KIK_EPARSE, &pos, "task '%s' of %s appears twice: first on line %lu",
				      d.title, m->id, first_line(im, st, (size_t)same));
	if ((err = kik__check_task(plan, &d, &pos)) < 0)
		return err;
	if ((err = row_attrs(part, rs, d.owner, strlen(d.owner), d.due, strlen(d.due), &attrs)) < 0)
		return kik__error_set(plan, err, &pos, err == KIK_ENOMEM ? "out of memory" : "cell too long");
	if (attrs > KIK__TASK_ATTRS_MAX)
		return kik__error_set(plan, KIK_ELIMIT, &pos, "more distinct pairs of owner and due date than %u",
				      KIK__TASK_ATTRS_MAX);
	if (same >= 0) {
		if ((err = update(plan, st, (size_t)same, d.state, attrs, pos.line)) < 0)
			return kik__error_set(plan, err, &pos, "out of memory");
		m->derived = (uint8_t)kik__derive(m, plan->rule);
		return 0;
	}
	position = plan->tasks.len;
	if (kik__ids_prepare(&plan->alloc, &m->tasks, (uint32_t)position) < 0 ||
	    !(line = kik__table_push(&plan->alloc, &st->scratch, &st->lines)))
		return kik__error_set(plan, KIK_ENOMEM, &pos, "out of memory");
	*line = pos.line;
	if (!(t = kik__table_push(&plan->alloc, &plan->arena, &plan->tasks)) ||
	    !(t->title = kik__arena_strndup(&plan->alloc, part->text, d.title, strlen(d.title)))) {
		kik__table_truncate(&plan->tasks, position);
		kik__table_truncate(&st->lines, position - st->base);
		return kik__error_set(plan, KIK_ENOMEM, &pos, "out of memory");
	}
	t->measure = m;
	t->id = ++plan->last_task_id;
	t->bits = kik__task_bits(d.kind, d.state, 0, attrs);
	kik__ids_push(&plan->alloc, &m->tasks, (uint32_t)position);
	plan->task_count++;
	m->derived = (uint8_t)kik__derive(m, plan->rule);
	return 0;
}

static int row_by_row(kik__import *im, state *st)
{
	const kik__csv_cell *cells;
	rows_state rs;
	kik__part part;
	size_t n;
	int got, err = 0;
	memset(&rs, 0, sizeof(rs));
	memset(&part, 0, sizeof(part));
	rs.col = st->col;
	rs.attrs = &im->plan->attrs;
	kik__part_of_import(im, &part, NULL, 0);
	rs.attr_text = part.text;
	part.state = &rs;
	st->lines.size = sizeof(unsigned long);
	while ((got = kik__import_row(im, &cells, &n)) > 0) {
		im->rows++;
		if ((err = task_row(im, st, &part, cells, n)) < 0 && (err = kik__import_problem(im, err)) < 0)
			break;
	}
	if (err == 0 && got < 0)
		err = im->diag && got != KIK_ENOMEM && kik__import_problem(im, got) == KIK_ENOMEM ? KIK_ENOMEM : got;
	if (err == 0 && im->diag && im->diag->count)
		err = KIK_EPARSE;
	if (err == 0)
		kik__arena_adopt(&im->plan->text, &part.own_text);
	kik__arena_free(&im->plan->alloc, &part.own_text);
	rows_state_free(&im->plan->alloc, &rs);
	return err;
}

/* ---- in parts ------------------------------------------------------------------- */

/* Makes the position a hole, with the id given last (see struct kik_plan's tasks). */
static void hole(kik_plan *plan, size_t position)
{
	kik_task *t = kik__task_at(plan, position);
	memset(t, 0, sizeof(*t));
	t->id = plan->last_task_id;
}

/* Phase two for the records of one part, now at positions first.. of the plan. */
static int link_part(kik__import *im, state *st, kik__part *part, rows_state *rs, size_t first)
{
	kik_plan *plan = im->plan;
	uint32_t *numbers;
	kik_measure *previous = NULL;
	size_t i, p;
	int err = 0;
	/* the part's owner/due pairs, numbered as the plan numbers them */
	if (!(numbers = kik__malloc(&plan->alloc, (rs->own_attrs.count + 1) * sizeof(uint32_t))))
		return KIK_ENOMEM;
	for (i = 0; err == 0 && i < rs->own_attrs.count; i++)
		if ((err = kik__intern_put(&plan->alloc, &plan->attrs, part->text, rs->own_attrs.strings[i],
					   rs->own_attrs.lens[i], &numbers[i])) == 0 &&
		    numbers[i] > KIK__TASK_ATTRS_MAX)
			err = KIK_ELIMIT;
	for (p = first; err == 0 && p < plan->tasks.len; p++) {
		kik_task *t = kik__task_at(plan, p);
		kik_measure *m = t->measure;
		uint32_t attrs = numbers[KIK__TASK_ATTRS(t)];
		if (m != previous && previous)
			previous->derived = (uint8_t)kik__derive(previous, plan->rule);
		previous = m;
		if (t->bits & KIK__TASK_UPDATE) {
			kik_task *old = kik__task_at(plan, t->id);
			if (old->bits & KIK__TASK_TOUCHED) /* updated twice */
				err = KIK_EPARSE;
			else if ((err = update(plan, st, t->id, KIK__TASK_STATE(t), attrs, 0)) == 0)
				hole(plan, p); /* the record was only the new values */
			continue;
		}
		t->id = ++plan->last_task_id;
		t->bits = kik__task_bits(KIK__TASK_KIND(t), KIK__TASK_STATE(t), 0, attrs);
		/* Phase one compared the rows of a measure that came one after another in a part;
		 * a measure whose tasks came apart in the file is compared here. */
		if (m->tasks.count) {
			size_t last = kik__ids_at(&m->tasks, m->tasks.count - 1);
			if (last >= st->base && !(last + 1 == p && p > first) &&
			    find_same(plan, m, KIK__TASK_KIND(t), t->title, st->base, p) >= 0)
				err = KIK_EPARSE;
		}
		if (err == 0 && (err = kik__ids_push(&plan->alloc, &m->tasks, (uint32_t)p)) == 0)
			plan->task_count++;
	}
	if (previous)
		previous->derived = (uint8_t)kik__derive(previous, plan->rule);
	kik__free(&plan->alloc, numbers);
	return err;
}

static int in_parts(kik__import *im, state *st)
{
	kik__part parts[KIK__MOST_PARTS];
	rows_state *states; /* a few kilobytes each: not on the caller's stack */
	int k, err;
	if (!(states = kik__malloc(&im->plan->alloc, (size_t)im->parts * sizeof(*states))))
		return KIK_ENOMEM;
	memset(parts, 0, sizeof(parts));
	memset(states, 0, (size_t)im->parts * sizeof(*states));
	for (k = 0; k < im->parts; k++) {
		states[k].col = st->col;
		states[k].attrs = &states[k].own_attrs;
		states[k].attr_text = &states[k].own_attr_text;
		parts[k].state = &states[k];
	}
	err = kik__read_parts(im, parts, part_row, sizeof(kik_task));
	for (k = 0; err == 0 && k < im->parts; k++) {
		size_t first, p = im->plan->tasks.len;
		err = kik__table_adopt(&im->plan->alloc, &im->plan->tasks, &parts[k].records, &first);
		for (; err == 0 && p < first; p++) /* the rest of the chunk before the part's */
			hole(im->plan, p);
		/* the records are the plan's now, whatever follows (undoing keeps their chunks) */
		kik__arena_adopt(&im->plan->arena, &parts[k].own_records);
		if (err == 0)
			err = link_part(im, st, &parts[k], &states[k], first);
		im->rows += parts[k].rows;
	}
	if (err == 0)
		kik__parts_keep_texts(im, parts);
	for (k = 0; k < im->parts; k++)
		rows_state_free(&im->plan->alloc, &states[k]);
	kik__free(&im->plan->alloc, states);
	kik__parts_free(im, parts);
	return err;
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
	if ((err = kik__import_header(im, columns, COLUMNS, st.col)) < 0)
		return err;
	err = im->parts > 1 ? in_parts(im, &st) : row_by_row(im, &st);
	return finish(im, &st, err);
}
