/* The report's content as a whole: title and office, texts and dates, putting records
 * all or nothing, and keeping the content in step with the model (copy, removal, free). */
#include "content.h"

#include <stdio.h>
#include <string.h>

/* ---- title and office -------------------------------------------------------- */

const char *kik_plan_title(const kik_plan *plan)
{
	return plan ? (plan->content.title ? plan->content.title : "") : NULL;
}

const char *kik_plan_office(const kik_plan *plan)
{
	return plan ? (plan->content.office ? plan->content.office : "") : NULL;
}

static int set_own(kik_plan *plan, char **slot, const char *value, const char *what)
{
	char *copy;
	kik__error_clear(plan);
	if (!plan)
		return kik__error_arg("the plan is NULL");
	if (kik__check_text(value, what) < 0)
		return KIK_EINVAL;
	if (!(copy = kik__content_text(&plan->alloc, value)))
		return kik__error_set(plan, KIK_ENOMEM, NULL, "out of memory");
	kik__free(&plan->alloc, *slot);
	*slot = copy;
	return 0;
}

int kik_plan_set_title(kik_plan *plan, const char *title)
{
	return set_own(plan, plan ? &plan->content.title : NULL, title, "the title");
}

int kik_plan_set_office(kik_plan *plan, const char *office)
{
	return set_own(plan, plan ? &plan->content.office : NULL, office, "the office");
}

/* ---- texts, dates, references -------------------------------------------------- */

char *kik__content_text(const kik_allocator *a, const char *s)
{
	size_t len = s ? strlen(s) : 0, i, n = 0;
	const char *t = s ? kik__trim(s, &len) : "";
	char *copy = kik__malloc(a, len + 1);
	if (!copy)
		return NULL;
	for (i = 0; i < len; i++) {
		if (t[i] == '\r') { /* CRLF and CR become LF */
			copy[n++] = '\n';
			if (i + 1 < len && t[i + 1] == '\n')
				i++;
		} else {
			copy[n++] = t[i];
		}
	}
	copy[n] = '\0';
	return copy;
}

static int digits(const char *s, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

int kik__content_date(const char *s, int year_ok)
{
	size_t len = strlen(s);
	if (len == 10)
		return kik__is_iso_date(s);
	if (len == 7 && digits(s, 4) && s[4] == '-' && digits(s + 5, 2))
		return (s[5] == '0' && s[6] >= '1') || (s[5] == '1' && s[6] <= '2');
	return year_ok && len == 4 && digits(s, 4);
}

int kik__content_date_before(const char *until, const char *from)
{
	size_t a = strlen(until), b = strlen(from);
	return strncmp(until, from, a < b ? a : b) < 0;
}

kik_field *kik__content_field(const kik_plan *plan, const char *name)
{
	return kik__plan_find_field(plan, name);
}

/* The field whose code is code[0..len), without regard to case; NULL if none. */
static kik_field *field_with_code(const kik_plan *plan, const char *code, size_t len)
{
	size_t i, k;
	for (i = 0; i < plan->fields.len; i++) {
		kik_field *field = plan->fields.items[i];
		if (strlen(field->code) != len)
			continue;
		for (k = 0; k < len && (code[k] | 0x20) == (field->code[k] | 0x20); k++)
			;
		if (k == len)
			return field;
	}
	return NULL;
}

kik_goal *kik__content_goal(const kik_plan *plan, const char *id)
{
	const char *dash = strrchr(id, '-');
	kik_field *field;
	unsigned number;
	if (!dash || kik__parse_goal_number(dash + 1, &number) < 0 ||
	    !(field = field_with_code(plan, id, (size_t)(dash - id))))
		return NULL;
	return kik__field_find_goal(field, number);
}

int kik__content_fail(const kik__origin *from, int what, size_t item, int code, const char *fmt, ...)
{
	va_list ap;
	kik__pos pos;
	if (from && code != KIK_ENOMEM)
		pos = from->at(from, what, item);
	va_start(ap, fmt);
	code = kik__error_vset(from && code != KIK_ENOMEM ? KIK_EPARSE : code, from && code != KIK_ENOMEM ? &pos : NULL,
			       0, fmt, ap);
	va_end(ap);
	return code;
}

/* ---- putting records all or nothing ----------------------------------------------- */

int kik__content_commit(const kik_allocator *a, kik__vec *list, kik__vec *staged,
			int (*same)(const void *x, const void *y), kik__record_free release, int complete)
{
	size_t i, j, added = 0, kept;
	unsigned char *replaced;
	/* where each staged record goes, found before anything changes */
	size_t *slot = kik__malloc(a, (staged->len ? staged->len : 1) * sizeof(size_t));
	if (!slot || !(replaced = kik__malloc(a, list->len + 1))) {
		kik__free(a, slot);
		return KIK_ENOMEM;
	}
	memset(replaced, 0, list->len + 1);
	for (i = 0; i < staged->len; i++) {
		for (j = 0; j < list->len && !same(list->items[j], staged->items[i]); j++)
			;
		slot[i] = j;
		added += j == list->len;
	}
	if (kik__vec_reserve(a, list, list->len + added) < 0) {
		kik__free(a, slot);
		kik__free(a, replaced);
		return KIK_ENOMEM;
	}
	kept = list->len;
	for (i = 0; i < staged->len; i++) {
		if (slot[i] < kept) {
			release(a, list->items[slot[i]]);
			list->items[slot[i]] = staged->items[i];
			replaced[slot[i]] = 1;
		} else {
			list->items[list->len++] = staged->items[i];
		}
	}
	if (complete) { /* the file is the whole list: what it did not name goes */
		size_t n = 0;
		for (j = 0; j < list->len; j++) {
			if (j < kept && !replaced[j])
				release(a, list->items[j]);
			else
				list->items[n++] = list->items[j];
		}
		list->len = n;
	}
	staged->len = 0;
	kik__free(a, slot);
	kik__free(a, replaced);
	return 0;
}

int kik__content_put_one(kik_plan *plan, kik__vec *list, void *record, int (*same)(const void *x, const void *y),
			 kik__record_free release)
{
	kik__vec staged = { &record, 1, 1 }; /* on the stack: commit only reads and empties it */
	if (kik__content_commit(&plan->alloc, list, &staged, same, release, 0) < 0) {
		release(&plan->alloc, record);
		return kik__error_set(plan, KIK_ENOMEM, NULL, "out of memory");
	}
	return 0;
}

int kik__content_join(const kik_allocator *a, kik__buf *out, const kik__vec *items, kik__item_name name)
{
	size_t i;
	out->len = 0;
	if (kik__buf_append(a, out, "", 0) < 0)
		return KIK_ENOMEM;
	for (i = 0; i < items->len; i++) {
		char buf[64];
		const char *text = name(items->items[i], buf);
		if ((i && kik__buf_append(a, out, "|", 1) < 0) || kik__buf_append(a, out, text, strlen(text)) < 0)
			return KIK_ENOMEM;
	}
	return 0;
}

const char *kik__name_text(const void *item, char buf[64])
{
	(void)buf;
	return item;
}

const char *kik__name_field(const void *item, char buf[64])
{
	(void)buf;
	return ((const kik_field *)item)->code;
}

const char *kik__name_measure(const void *item, char buf[64])
{
	(void)buf;
	return ((const kik_measure *)item)->id;
}

const char *kik__name_goal(const void *item, char buf[64])
{
	const kik_goal *g = item;
	kik__format_id(buf, 64, g->field->code, '-', g->number, 0);
	return buf;
}

void kik__content_remove_at(const kik_allocator *a, kik__vec *list, size_t i, kik__record_free release)
{
	void *record = list->items[i];
	memmove(list->items + i, list->items + i + 1, (list->len - i - 1) * sizeof(void *));
	list->len--;
	release(a, record);
}

long kik__content_named(const kik__vec *list, const char *name)
{
	size_t i;
	for (i = 0; i < list->len; i++)
		if (strcmp(*(char *const *)list->items[i], name) == 0) /* the name is the first member */
			return (long)i;
	return -1;
}

void kik__content_free_all(const kik_allocator *a, kik__vec *v, kik__record_free release)
{
	size_t i;
	for (i = 0; i < v->len; i++)
		release(a, v->items[i]);
	kik__vec_free(a, v);
}

/* ---- copies: the same content over the copy's model --------------------------------- */

kik_field *kik__content_map_field(kik_plan *copy, const kik_field *f)
{
	return f ? kik__plan_field_by_code(copy, f->code) : NULL;
}

kik_goal *kik__content_map_goal(kik_plan *copy, const kik_goal *g)
{
	return kik__field_find_goal(kik__plan_field_by_code(copy, g->field->code), g->number);
}

kik_measure *kik__content_map_measure(kik_plan *copy, const kik_measure *m)
{
	return kik__find_measure(copy, kik__plan_field_by_code(copy, m->goal->field->code), m->goal->number, m->sub);
}

int kik__content_map_fields(kik_plan *copy, const kik__vec *from, kik__vec *to)
{
	size_t i;
	if (kik__vec_reserve(&copy->alloc, to, from->len) < 0)
		return KIK_ENOMEM;
	for (i = 0; i < from->len; i++)
		to->items[to->len++] = kik__content_map_field(copy, from->items[i]);
	return 0;
}

int kik__content_map_measures(kik_plan *copy, const kik__vec *from, kik__vec *to)
{
	size_t i;
	if (kik__vec_reserve(&copy->alloc, to, from->len) < 0)
		return KIK_ENOMEM;
	for (i = 0; i < from->len; i++)
		to->items[to->len++] = kik__content_map_measure(copy, from->items[i]);
	return 0;
}

int kik__content_map_goals(kik_plan *copy, const kik__vec *from, kik__vec *to)
{
	size_t i;
	if (kik__vec_reserve(&copy->alloc, to, from->len) < 0)
		return KIK_ENOMEM;
	for (i = 0; i < from->len; i++)
		to->items[to->len++] = kik__content_map_goal(copy, from->items[i]);
	return 0;
}

static char *dup(kik_plan *copy, const char *s)
{
	return s ? kik__strndup(&copy->alloc, s, strlen(s)) : NULL;
}

/* Each record copied as the API would put it, but without checking again. */
static int clone_records(const kik_plan *plan, kik_plan *copy)
{
	const kik__content *c = &plan->content;
	kik__content *to = &copy->content;
	const kik_allocator *a = &copy->alloc;
	size_t i, k;
	int err = 0;
	if ((c->title && !(to->title = dup(copy, c->title))) || (c->office && !(to->office = dup(copy, c->office))) ||
	    kik__vec_reserve(a, &to->notes, c->notes.len) < 0 ||
	    kik__vec_reserve(a, &to->field_notes, c->field_notes.len) < 0 ||
	    kik__vec_reserve(a, &to->projects, c->projects.len) < 0 ||
	    kik__vec_reserve(a, &to->timeline, c->timeline.len) < 0 ||
	    kik__vec_reserve(a, &to->rounds, c->rounds.len) < 0 ||
	    kik__vec_reserve(a, &to->figures, c->figures.len) < 0)
		return KIK_ENOMEM;
	for (i = 0; err == 0 && i < c->notes.len; i++) {
		const struct kik_note *n = c->notes.items[i];
		struct kik_note *m = kik__malloc(a, sizeof(*m));
		if (!m)
			return KIK_ENOMEM;
		memset(m, 0, sizeof(*m));
		to->notes.items[to->notes.len++] = m;
		m->goal = kik__content_map_goal(copy, n->goal);
		m->measure = n->measure ? kik__content_map_measure(copy, n->measure) : NULL;
		if (!(m->current_state = dup(copy, n->current_state)) || !(m->outlook = dup(copy, n->outlook)))
			err = KIK_ENOMEM;
	}
	for (i = 0; err == 0 && i < c->field_notes.len; i++) {
		const struct kik_field_note *n = c->field_notes.items[i];
		struct kik_field_note *m = kik__malloc(a, sizeof(*m));
		if (!m)
			return KIK_ENOMEM;
		memset(m, 0, sizeof(*m));
		to->field_notes.items[to->field_notes.len++] = m;
		m->field = kik__content_map_field(copy, n->field);
		m->kind = n->kind;
		if (!(m->title = dup(copy, n->title)) || !(m->text = dup(copy, n->text)))
			err = KIK_ENOMEM;
	}
	for (i = 0; err == 0 && i < c->projects.len; i++) {
		const struct kik_project *p = c->projects.items[i];
		struct kik_project *q = kik__malloc(a, sizeof(*q));
		if (!q)
			return KIK_ENOMEM;
		memset(q, 0, sizeof(*q));
		to->projects.items[to->projects.len++] = q;
		q->field = kik__content_map_field(copy, p->field);
		if (!(q->name = dup(copy, p->name)) || !(q->description = dup(copy, p->description)) ||
		    !(q->start = dup(copy, p->start)) || !(q->end = dup(copy, p->end)) ||
		    kik__vec_reserve(a, &q->organisations, p->organisations.len) < 0 ||
		    kik__content_map_measures(copy, &p->measures, &q->measures) < 0 ||
		    kik__content_map_goals(copy, &p->goals, &q->goals) < 0)
			err = KIK_ENOMEM;
		for (k = 0; err == 0 && k < p->organisations.len; k++)
			if (!(q->organisations.items[q->organisations.len++] = dup(copy, p->organisations.items[k])))
				err = KIK_ENOMEM;
	}
	for (i = 0; err == 0 && i < c->timeline.len; i++) {
		const struct kik_timeline_entry *e = c->timeline.items[i];
		struct kik_timeline_entry *f = kik__malloc(a, sizeof(*f));
		if (!f)
			return KIK_ENOMEM;
		memset(f, 0, sizeof(*f));
		to->timeline.items[to->timeline.len++] = f;
		f->open = e->open;
		if (!(f->date = dup(copy, e->date)) || !(f->until = dup(copy, e->until)) ||
		    !(f->text = dup(copy, e->text)) || kik__content_map_fields(copy, &e->fields, &f->fields) < 0)
			err = KIK_ENOMEM;
	}
	for (i = 0; err == 0 && i < c->rounds.len; i++) {
		const struct kik_round *r = c->rounds.items[i];
		struct kik_round *s = kik__malloc(a, sizeof(*s));
		if (!s)
			return KIK_ENOMEM;
		memset(s, 0, sizeof(*s));
		to->rounds.items[to->rounds.len++] = s;
		s->open = r->open;
		if (!(s->name = dup(copy, r->name)) || !(s->from = dup(copy, r->from)) ||
		    !(s->until = dup(copy, r->until)) || kik__content_map_fields(copy, &r->fields, &s->fields) < 0 ||
		    kik__content_map_measures(copy, &r->measures, &s->measures) < 0)
			err = KIK_ENOMEM;
	}
	for (i = 0; err == 0 && i < c->figures.len; i++) {
		const struct kik_figure *f = c->figures.items[i];
		struct kik_figure *g = kik__malloc(a, sizeof(*g));
		if (!g)
			return KIK_ENOMEM;
		*g = *f;
		g->name = g->date = g->source = g->share_of = NULL;
		to->figures.items[to->figures.len++] = g;
		if (!(g->name = dup(copy, f->name)) || !(g->date = dup(copy, f->date)) ||
		    !(g->source = dup(copy, f->source)) || !(g->share_of = dup(copy, f->share_of)))
			err = KIK_ENOMEM;
	}
	return err;
}

int kik__content_clone(const kik_plan *plan, kik_plan *copy)
{
	return clone_records(plan, copy); /* a failure leaves what it made to kik_plan_free(copy) */
}

void kik__content_free(kik_plan *plan)
{
	kik__content *c = &plan->content;
	const kik_allocator *a = &plan->alloc;
	kik__free(a, c->title);
	kik__free(a, c->office);
	kik__content_free_all(a, &c->notes, kik__note_free);
	kik__content_free_all(a, &c->field_notes, kik__field_note_free);
	kik__content_free_all(a, &c->projects, kik__project_free);
	kik__content_free_all(a, &c->timeline, kik__timeline_entry_free);
	kik__content_free_all(a, &c->rounds, kik__round_free);
	kik__content_free_all(a, &c->figures, kik__figure_free);
	memset(c, 0, sizeof(*c));
}

/* ---- removal of model objects -------------------------------------------------------- */

/* Drops the items of `v` equal to `item`, in place. */
static void drop(kik__vec *v, const void *item)
{
	size_t i, n = 0;
	for (i = 0; i < v->len; i++)
		if (v->items[i] != item)
			v->items[n++] = v->items[i];
	v->len = n;
}

void kik__content_forget(kik_plan *plan, const kik_field *field, const kik_goal *goal, const kik_measure *measure)
{
	kik__content *c = &plan->content;
	const kik_allocator *a = &plan->alloc;
	size_t i, n = 0;
	for (i = 0; i < c->notes.len; i++) {
		struct kik_note *note = c->notes.items[i];
		int gone = measure ? note->measure == measure : goal ? note->goal == goal && !note->measure : 0;
		if (gone)
			kik__note_free(a, note);
		else
			c->notes.items[n++] = note;
	}
	c->notes.len = n;
	for (i = 0, n = 0; field && i < c->field_notes.len; i++) {
		struct kik_field_note *note = c->field_notes.items[i];
		if (note->field == field)
			kik__field_note_free(a, note);
		else
			c->field_notes.items[n++] = note;
	}
	if (field)
		c->field_notes.len = n;
	for (i = 0; i < c->projects.len; i++) {
		struct kik_project *p = c->projects.items[i];
		if (measure)
			drop(&p->measures, measure);
		if (goal && !measure)
			drop(&p->goals, goal);
		if (field && p->field == field)
			p->field = NULL;
	}
	for (i = 0; i < c->rounds.len; i++) {
		struct kik_round *r = c->rounds.items[i];
		if (measure)
			drop(&r->measures, measure);
		if (field)
			drop(&r->fields, field);
	}
	for (i = 0; field && i < c->timeline.len; i++)
		drop(&((struct kik_timeline_entry *)c->timeline.items[i])->fields, field);
}
