/* The report's content as rows (schema version 3): notes, field notes, projects, the
 * timeline, prioritisation rounds and context figures, each a part as store_parts.c
 * describes them. Lists (a project's organisations, measures and goals, the fields of a
 * timeline entry or round) are JSON arrays of strings, which SQLite reads with json_each.
 *
 * Rows go back into the finished plan through the API, which checks them as it checks
 * any caller's; only figures are put by the internals, as a figure that is a share of
 * another may come before it. Content is report-sized: finding an item by its key
 * walks the list. */
#include "content.h"
#include "store_internal.h"

#include <stdio.h>
#include <string.h>

static int oom(void)
{
	return kik__store_fail(KIK_ENOMEM, "out of memory");
}

/* A call of the API refused a stored row: out of memory, or rows that do not make a plan. */
static int refused(int err, const char *table)
{
	const kik_error *e = kik_error_last();
	if (err == KIK_ENOMEM)
		return oom();
	return kik__store_fail(KIK_ECORRUPT, "the store's %s do not make a plan: %s", table,
			       e ? e->message : kik_error_code_name(err));
}

/* Moves a walk over a list of the plan's content on. */
static int walk(kik__cursor *c, const kik__vec *list)
{
	c->i = c->item ? c->i + 1 : 0;
	c->item = c->i < list->len ? list->items[c->i] : NULL;
	return c->item != NULL;
}

static int at(kik__cursor *c, const kik__vec *list, size_t i)
{
	c->i = i;
	c->item = list->items[i];
	return 1;
}

static const kik__content *content(const kik__cursor *c)
{
	return &c->plan->content;
}

/* ---- lists as JSON ---------------------------------------------------------------- */

/* A row's texts start anew: the last row's are no longer read. */
static void new_row(kik__cursor *c)
{
	if (c->texts)
		c->texts->buf.len = 0;
}

static int put(kik__row_texts *t, const char *s, size_t n)
{
	return kik__buf_append(t->alloc, &t->buf, s, n);
}

/* Appends the items of `list`, as `name` gives them, as a JSON array of strings ending in
 * a NUL to the row's texts; *offset is where it starts (the buffer may move until the row
 * is complete). */
static int json_list(kik__cursor *c, const kik__vec *list, kik__item_name name, size_t *offset)
{
	kik__row_texts *t = c->texts;
	size_t i;
	char buf[64];
	if (!t)
		return KIK_ENOMEM;
	*offset = t->buf.len;
	if (put(t, "[", 1) < 0)
		return KIK_ENOMEM;
	for (i = 0; i < list->len; i++) {
		const char *s = name(list->items[i], buf), *run = s;
		if (put(t, i ? ",\"" : "\"", i ? 2 : 1) < 0)
			return KIK_ENOMEM;
		for (; *s; s++) {
			unsigned char ch = (unsigned char)*s;
			char esc[8];
			if (ch >= 0x20 && ch != '"' && ch != '\\')
				continue;
			if (ch == '"' || ch == '\\')
				snprintf(esc, sizeof(esc), "\\%c", ch);
			else
				snprintf(esc, sizeof(esc), "\\u%04x", ch);
			if (put(t, run, (size_t)(s - run)) < 0 || put(t, esc, strlen(esc)) < 0)
				return KIK_ENOMEM;
			run = s + 1;
		}
		if (put(t, run, (size_t)(s - run)) < 0 || put(t, "\"", 1) < 0)
			return KIK_ENOMEM;
	}
	return put(t, "]", 2); /* with the NUL */
}

/* The strings of a stored JSON array, copied. */
typedef struct text_list {
	const kik_allocator *alloc;
	kik__buf texts;
	const char **items;
	size_t count;
} text_list;

static void free_list(text_list *l)
{
	kik__buf_free(l->alloc, &l->texts);
	kik__free(l->alloc, (void *)l->items);
	memset(l, 0, sizeof(*l));
}

/* Reads column `col` of a loaded row of `table`, a JSON array of strings (NULL: none). */
static int read_list(const kik__builder *b, sqlite3_stmt *row, int col, const char *table, text_list *out)
{
	sqlite3 *db = sqlite3_db_handle(row);
	sqlite3_stmt *st;
	size_t i, offset;
	int rc, err = 0;
	memset(out, 0, sizeof(*out));
	out->alloc = &b->plan->alloc;
	if ((err = kik__sql_prepare(db, "SELECT type = 'text', value FROM json_each(?1)", &st)) < 0)
		return err;
	sqlite3_bind_value(st, 1, sqlite3_column_value(row, col));
	while (err == 0 && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *s = kik__sql_text(st, 1);
		if (!sqlite3_column_int(st, 0))
			err = kik__store_fail(KIK_ECORRUPT, "the store's %s hold a list with an item that is no text",
					      table);
		else if (kik__buf_append(out->alloc, &out->texts, s, strlen(s) + 1) < 0)
			err = oom();
		out->count++;
	}
	if (err == 0 && rc != SQLITE_DONE)
		err = (rc & 0xFF) == SQLITE_ERROR
			  ? kik__store_fail(KIK_ECORRUPT, "the store's %s hold a list that is not one: %s", table,
					    sqlite3_errmsg(db))
			  : kik__store_sqlite(db, rc, "reading the store");
	sqlite3_finalize(st);
	if (err == 0 && out->count && !(out->items = kik__malloc(out->alloc, out->count * sizeof(char *))))
		err = oom();
	for (i = 0, offset = 0; err == 0 && i < out->count; i++) {
		out->items[i] = out->texts.data + offset;
		offset += strlen(out->items[i]) + 1;
	}
	if (err < 0)
		free_list(out);
	return err;
}

/* ---- notes of goals and measures: key (field, goal, sub), sub 0 for a goal's -------- */

static int notes_next(kik__cursor *c)
{
	return walk(c, &content(c)->notes);
}

static int notes_row(kik__cursor *c, kik__val *v)
{
	const struct kik_note *n = c->item;
	v[0] = kik__text_val(n->goal->field->code);
	v[1] = kik__int_val(n->goal->number);
	v[2] = kik__int_val(n->measure ? n->measure->sub : 0);
	v[3] = kik__int_val((int64_t)c->i);
	v[4] = kik__opt_val(n->current_state);
	v[5] = kik__opt_val(n->outlook);
	return 0;
}

static int notes_find(kik__cursor *c, const kik__val *key)
{
	const kik__vec *notes = &content(c)->notes;
	size_t i;
	for (i = 0; i < notes->len; i++) {
		const struct kik_note *n = notes->items[i];
		if (strcmp(n->goal->field->code, key[0].s) == 0 && n->goal->number == key[1].i &&
		    (n->measure ? n->measure->sub : 0) == key[2].i)
			return at(c, notes, i);
	}
	return 0;
}

static int notes_apply(kik__builder *b, sqlite3_stmt *st)
{
	const char *field = kik__sql_text(st, 0), *current = kik__sql_text(st, 4), *outlook = kik__sql_text(st, 5);
	int64_t goal = sqlite3_column_int64(st, 1), sub = sqlite3_column_int64(st, 2);
	char id[64];
	int err;
	if (goal < 1 || goal > UINT32_MAX || sub < 0 || sub > UINT32_MAX)
		return kik__store_fail(KIK_ECORRUPT, "the store holds a note of %s %lld that is not one", field,
				       (long long)goal);
	if (sub == 0) {
		err = kik_plan_put_goal_note(b->plan, field, (unsigned)goal, current, outlook);
	} else {
		snprintf(id, sizeof(id), "%.40s-%lld.%lld", field, (long long)goal, (long long)sub);
		err = kik_plan_put_measure_note(b->plan, id, current, outlook);
	}
	return err < 0 ? refused(err, "notes") : 0;
}

const kik__part kik__part_notes = {
	.table = "kik_notes",
	.columns = "field, goal, sub, pos, current_state, outlook",
	.keys = 3,
	.count = 6,
	.load_order = "pos",
	.next = notes_next,
	.row = notes_row,
	.find = notes_find,
	.apply = notes_apply,
	.finished_plan = 1,
};

/* ---- field notes: key (field, kind, place among the field's notes of the kind) ------ */

static const char *note_field(const struct kik_field_note *n)
{
	return n->field ? n->field->code : "";
}

/* The place of the i-th field note among those of its field and kind. */
static size_t place_in_kind(const kik__vec *notes, size_t i)
{
	const struct kik_field_note *n = notes->items[i];
	size_t k, place = 0;
	for (k = 0; k < i; k++) {
		const struct kik_field_note *m = notes->items[k];
		place += m->field == n->field && m->kind == n->kind;
	}
	return place;
}

static int field_notes_next(kik__cursor *c)
{
	return walk(c, &content(c)->field_notes);
}

static int field_notes_row(kik__cursor *c, kik__val *v)
{
	const struct kik_field_note *n = c->item;
	v[0] = kik__text_val(note_field(n));
	v[1] = kik__int_val(n->kind);
	v[2] = kik__int_val((int64_t)place_in_kind(&content(c)->field_notes, c->i));
	v[3] = kik__int_val((int64_t)c->i);
	v[4] = kik__opt_val(n->title);
	v[5] = kik__text_val(n->text);
	return 0;
}

static int field_notes_find(kik__cursor *c, const kik__val *key)
{
	const kik__vec *notes = &content(c)->field_notes;
	int64_t place = 0;
	size_t i;
	for (i = 0; i < notes->len; i++) {
		const struct kik_field_note *n = notes->items[i];
		if (strcmp(note_field(n), key[0].s) != 0 || n->kind != key[1].i)
			continue;
		if (place++ == key[2].i)
			return at(c, notes, i);
	}
	return 0;
}

static int field_notes_apply(kik__builder *b, sqlite3_stmt *st)
{
	int kind = sqlite3_column_int(st, 1);
	int err;
	if (kind < 0 || kind >= KIK_FIELD_NOTE_KIND_COUNT)
		return kik__store_fail(KIK_ECORRUPT, "the store holds a field note of kind %d", kind);
	err = kik_plan_add_field_note(b->plan, kik__sql_text(st, 0), (kik_field_note_kind)kind, kik__sql_text(st, 4),
				      kik__sql_text(st, 5), NULL);
	return err < 0 ? refused(err, "field notes") : 0;
}

const kik__part kik__part_field_notes = {
	.table = "kik_field_notes",
	.columns = "field, kind, pos, seq, title, text",
	.keys = 3,
	.count = 6,
	.load_order = "seq",
	.next = field_notes_next,
	.row = field_notes_row,
	.find = field_notes_find,
	.apply = field_notes_apply,
	.finished_plan = 1,
};

/* ---- projects: key name ------------------------------------------------------------ */

static int projects_next(kik__cursor *c)
{
	return walk(c, &content(c)->projects);
}

static int projects_row(kik__cursor *c, kik__val *v)
{
	const struct kik_project *p = c->item;
	size_t organisations, measures, goals;
	new_row(c);
	if (json_list(c, &p->organisations, kik__name_text, &organisations) < 0 ||
	    json_list(c, &p->measures, kik__name_measure, &measures) < 0 ||
	    json_list(c, &p->goals, kik__name_goal, &goals) < 0)
		return KIK_ENOMEM;
	v[0] = kik__text_val(p->name);
	v[1] = kik__int_val((int64_t)c->i);
	v[2] = kik__opt_val(p->field ? p->field->code : NULL);
	v[3] = kik__text_val(c->texts->buf.data + organisations);
	v[4] = kik__opt_val(p->description);
	v[5] = kik__opt_val(p->start);
	v[6] = kik__opt_val(p->end);
	v[7] = kik__text_val(c->texts->buf.data + measures);
	v[8] = kik__text_val(c->texts->buf.data + goals);
	return 0;
}

static int projects_find(kik__cursor *c, const kik__val *key)
{
	long i = kik__content_named(&content(c)->projects, key[0].s);
	return i >= 0 ? at(c, &content(c)->projects, (size_t)i) : 0;
}

static int projects_apply(kik__builder *b, sqlite3_stmt *st)
{
	kik_project_desc d = KIK_PROJECT_DESC_INIT;
	text_list organisations, measures, goals;
	int err;
	if ((err = read_list(b, st, 3, "projects", &organisations)) < 0)
		return err;
	if ((err = read_list(b, st, 7, "projects", &measures)) < 0) {
		free_list(&organisations);
		return err;
	}
	if ((err = read_list(b, st, 8, "projects", &goals)) == 0) {
		d.name = kik__sql_text(st, 0);
		d.field = kik__sql_text(st, 2);
		d.organisations = organisations.items;
		d.organisation_count = organisations.count;
		d.description = kik__sql_text(st, 4);
		d.start = kik__sql_text(st, 5);
		d.end = kik__sql_text(st, 6);
		d.measures = measures.items;
		d.measure_count = measures.count;
		d.goals = goals.items;
		d.goal_count = goals.count;
		if ((err = kik_plan_put_project(b->plan, &d, NULL)) < 0)
			err = refused(err, "projects");
		free_list(&goals);
	}
	free_list(&organisations);
	free_list(&measures);
	return err;
}

const kik__part kik__part_projects = {
	.table = "kik_projects",
	.columns = "name, pos, field, organisations, description, start, end, measures, goals",
	.keys = 1,
	.count = 9,
	.load_order = "pos",
	.next = projects_next,
	.row = projects_row,
	.find = projects_find,
	.apply = projects_apply,
	.finished_plan = 1,
};

/* ---- the timeline: key the entry's place (entries have no other identity) ----------- */

static int timeline_next(kik__cursor *c)
{
	return walk(c, &content(c)->timeline);
}

static int timeline_row(kik__cursor *c, kik__val *v)
{
	const struct kik_timeline_entry *e = c->item;
	size_t fields;
	new_row(c);
	if (json_list(c, &e->fields, kik__name_field, &fields) < 0)
		return KIK_ENOMEM;
	v[0] = kik__int_val((int64_t)c->i);
	v[1] = kik__text_val(e->date);
	v[2] = kik__opt_val(e->until);
	v[3] = kik__int_val(e->open);
	v[4] = kik__text_val(e->text);
	v[5] = kik__text_val(c->texts->buf.data + fields);
	return 0;
}

static int timeline_find(kik__cursor *c, const kik__val *key)
{
	const kik__vec *entries = &content(c)->timeline;
	return key[0].i >= 0 && (size_t)key[0].i < entries->len ? at(c, entries, (size_t)key[0].i) : 0;
}

static int timeline_apply(kik__builder *b, sqlite3_stmt *st)
{
	kik_timeline_desc d = KIK_TIMELINE_DESC_INIT;
	text_list fields;
	int err;
	if ((err = read_list(b, st, 5, "timeline entries", &fields)) < 0)
		return err;
	d.date = kik__sql_text(st, 1);
	d.until = kik__sql_text(st, 2);
	d.open = sqlite3_column_int(st, 3) != 0;
	d.text = kik__sql_text(st, 4);
	d.fields = fields.items;
	d.field_count = fields.count;
	if ((err = kik_plan_add_timeline_entry(b->plan, &d, NULL)) < 0)
		err = refused(err, "timeline entries");
	free_list(&fields);
	return err;
}

const kik__part kik__part_timeline = {
	.table = "kik_timeline",
	.columns = "pos, date, until, open, text, fields",
	.keys = 1,
	.count = 6,
	.load_order = "pos",
	.next = timeline_next,
	.row = timeline_row,
	.find = timeline_find,
	.apply = timeline_apply,
	.finished_plan = 1,
};

/* ---- prioritisation rounds: key name ---------------------------------------------------- */

static int rounds_next(kik__cursor *c)
{
	return walk(c, &content(c)->rounds);
}

static int rounds_row(kik__cursor *c, kik__val *v)
{
	const struct kik_round *r = c->item;
	size_t fields, measures;
	new_row(c);
	if (json_list(c, &r->fields, kik__name_field, &fields) < 0 ||
	    json_list(c, &r->measures, kik__name_measure, &measures) < 0)
		return KIK_ENOMEM;
	v[0] = kik__text_val(r->name);
	v[1] = kik__int_val((int64_t)c->i);
	v[2] = kik__text_val(r->from);
	v[3] = kik__opt_val(r->until);
	v[4] = kik__int_val(r->open);
	v[5] = kik__text_val(c->texts->buf.data + fields);
	v[6] = kik__text_val(c->texts->buf.data + measures);
	return 0;
}

static int rounds_find(kik__cursor *c, const kik__val *key)
{
	long i = kik__content_named(&content(c)->rounds, key[0].s);
	return i >= 0 ? at(c, &content(c)->rounds, (size_t)i) : 0;
}

static int rounds_apply(kik__builder *b, sqlite3_stmt *st)
{
	kik_round_desc d = KIK_ROUND_DESC_INIT;
	text_list fields, measures;
	int err;
	if ((err = read_list(b, st, 5, "rounds", &fields)) < 0)
		return err;
	if ((err = read_list(b, st, 6, "rounds", &measures)) == 0) {
		d.name = kik__sql_text(st, 0);
		d.from = kik__sql_text(st, 2);
		d.until = kik__sql_text(st, 3);
		d.open = sqlite3_column_int(st, 4) != 0;
		d.fields = fields.items;
		d.field_count = fields.count;
		d.measures = measures.items;
		d.measure_count = measures.count;
		if ((err = kik_plan_put_round(b->plan, &d, NULL)) < 0)
			err = refused(err, "rounds");
		free_list(&measures);
	}
	free_list(&fields);
	return err;
}

const kik__part kik__part_rounds = {
	.table = "kik_rounds",
	.columns = "name, pos, date, until, open, fields, measures",
	.keys = 1,
	.count = 7,
	.load_order = "pos",
	.next = rounds_next,
	.row = rounds_row,
	.find = rounds_find,
	.apply = rounds_apply,
	.finished_plan = 1,
};

/* ---- context figures: key (name, date); the value exact, times 10^decimals ------------- */

static int figures_next(kik__cursor *c)
{
	return walk(c, &content(c)->figures);
}

static int figures_row(kik__cursor *c, kik__val *v)
{
	const struct kik_figure *f = c->item;
	v[0] = kik__text_val(f->name);
	v[1] = kik__text_val(f->date);
	v[2] = kik__int_val((int64_t)c->i);
	v[3] = kik__int_val(f->unit);
	v[4] = kik__int_val(f->scaled);
	v[5] = kik__int_val(f->decimals);
	v[6] = kik__opt_val(f->source);
	v[7] = kik__opt_val(f->share_of);
	return 0;
}

static int figures_find(kik__cursor *c, const kik__val *key)
{
	const kik__vec *figures = &content(c)->figures;
	size_t i;
	for (i = 0; i < figures->len; i++) {
		const struct kik_figure *f = figures->items[i];
		if (strcmp(f->name, key[0].s) == 0 && strcmp(f->date, key[1].s) == 0)
			return at(c, figures, i);
	}
	return 0;
}

/* A figure may be a share of one put after it: its base is checked once all are loaded
 * (kik__content_loaded), so figures go in by the internals, unchecked against the others. */
static int figures_apply(kik__builder *b, sqlite3_stmt *st)
{
	kik_figure_desc d = KIK_FIGURE_DESC_INIT;
	struct kik_figure *f;
	int64_t scaled = sqlite3_column_int64(st, 4);
	int unit = sqlite3_column_int(st, 3), decimals = sqlite3_column_int(st, 5), err;
	if ((unit != KIK_UNIT_COUNT && unit != KIK_UNIT_PERCENT) || decimals < 0 || decimals > 2 ||
	    scaled <= -KIK__FIGURE_MAX || scaled >= KIK__FIGURE_MAX)
		return kik__store_fail(KIK_ECORRUPT, "the store holds a figure '%s' that is not one",
				       kik__sql_text(st, 0));
	d.name = kik__sql_text(st, 0);
	d.date = kik__sql_text(st, 1);
	d.unit = (kik_figure_unit)unit;
	d.value = (double)scaled;
	for (err = 0; err < decimals; err++)
		d.value /= 10;
	d.decimals = (unsigned)decimals;
	d.source = kik__sql_text(st, 6);
	d.share_of = kik__sql_text(st, 7);
	if ((err = kik__figure_build(b->plan, &d, NULL, &f)) < 0)
		return refused(err, "figures");
	f->scaled = scaled; /* exactly as stored */
	err = kik__content_put_one(b->plan, &b->plan->content.figures, f, kik__figure_same, kik__figure_free);
	return err < 0 ? refused(err, "figures") : 0;
}

const kik__part kik__part_figures = {
	.table = "kik_figures",
	.columns = "name, date, pos, unit, scaled, decimals, source, share_of",
	.keys = 2,
	.count = 8,
	.load_order = "pos",
	.next = figures_next,
	.row = figures_row,
	.find = figures_find,
	.apply = figures_apply,
	.finished_plan = 1,
};

int kik__content_loaded(const kik_plan *plan)
{
	const kik__vec *figures = &plan->content.figures;
	size_t i;
	for (i = 0; i < figures->len; i++) {
		const struct kik_figure *f = figures->items[i];
		if (*f->share_of && (strcmp(f->share_of, f->name) == 0 || !kik__figure_named(plan, NULL, f->share_of)))
			return kik__store_fail(KIK_ECORRUPT,
					       "the store's figure '%s' is a share of '%s', which it does not hold",
					       f->name, f->share_of);
	}
	return 0;
}
