/* What the HTML and Markdown reports write the same way: dates, the blocks of a text,
 * the figures as a table with their change, and look-ups the sections share. */
#include "content.h"
#include "report.h"

#include <stdio.h>
#include <string.h>

/* ---- dates ------------------------------------------------------------------------ */

void kik__report_date(const kik__report *r, char *out, size_t cap, const char *iso)
{
	size_t len = strlen(iso);
	int month = len >= 7 ? (iso[5] - '0') * 10 + (iso[6] - '0') : 0;
	if (month < 1 || month > 12) {
		snprintf(out, cap, "%s", iso); /* a year, or what the model would not hold */
	} else if (len == 7) {
		snprintf(out, cap, "%s %.4s", r->w->months[month - 1], iso);
	} else if (r->lang == KIK_LANG_DE) {
		snprintf(out, cap, "%.2s.%.2s.%.4s", iso + 8, iso + 5, iso);
	} else {
		snprintf(out, cap, "%d %s %.4s", (iso[8] - '0') * 10 + (iso[9] - '0'), r->w->months[month - 1], iso);
	}
}

void kik__report_range(const kik__report *r, char *out, size_t cap, const char *from, const char *until, int open)
{
	char a[64], b[64];
	kik__report_date(r, a, sizeof(a), from);
	if (open) {
		snprintf(out, cap, "%s %s", r->w->since, a);
	} else if (*until) {
		kik__report_date(r, b, sizeof(b), until);
		snprintf(out, cap, "%s – %s", a, b);
	} else {
		snprintf(out, cap, "%s", a);
	}
}

/* ---- the blocks of a text ------------------------------------------------------------ */

void kik__report_blocks(kik__report *r, const char *text, kik__block_fn emit)
{
	enum { NONE, PARAGRAPH, LIST } open = NONE;
	const char *p = text;
	while (*p) {
		const char *end = strchr(p, '\n');
		size_t len = end ? (size_t)(end - p) : strlen(p), n = len;
		const char *line = kik__trim(p, &n);
		int item = n >= 2 && line[0] == '-' && line[1] == ' ';
		if (!n) { /* an empty line ends a paragraph or list */
			if (open != NONE)
				emit(r, open == LIST ? KIK__LIST_END : KIK__PARAGRAPH_END, "", 0, 0);
			open = NONE;
		} else if (item) {
			if (open == PARAGRAPH)
				emit(r, KIK__PARAGRAPH_END, "", 0, 0);
			if (open != LIST)
				emit(r, KIK__LIST_BEGIN, "", 0, 0);
			open = LIST;
			n -= 2;
			line = kik__trim(line + 2, &n);
			emit(r, KIK__ITEM, line, n, 0);
		} else {
			int first = open != PARAGRAPH;
			if (open == LIST)
				emit(r, KIK__LIST_END, "", 0, 0);
			if (first)
				emit(r, KIK__PARAGRAPH_BEGIN, "", 0, 0);
			open = PARAGRAPH;
			emit(r, KIK__LINE, line, n, first);
		}
		p += len + (end ? 1 : 0);
	}
	if (open != NONE)
		emit(r, open == LIST ? KIK__LIST_END : KIK__PARAGRAPH_END, "", 0, 0);
}

const char *kik__report_line(kik__report *r, const char *s, size_t len)
{
	r->scratch.len = 0;
	if (kik__buf_append(&r->plan->alloc, &r->scratch, s, len) < 0 ||
	    kik__buf_append(&r->plan->alloc, &r->scratch, "", 0) < 0) {
		if (!r->o->err)
			r->o->err = kik__error_set(r->plan, KIK_ENOMEM, NULL, "out of memory");
		return NULL;
	}
	return r->scratch.data;
}

/* ---- figures --------------------------------------------------------------------------- */

static size_t index_of(const char **list, size_t n, const char *s)
{
	size_t i;
	for (i = 0; i < n && strcmp(list[i], s) != 0; i++)
		;
	return i;
}

int kik__figure_table_make(kik__report *r, kik__figure_table *t)
{
	const kik_allocator *a = &r->plan->alloc;
	size_t n = kik_plan_figure_count(r->plan), i, k;
	memset(t, 0, sizeof(*t));
	t->names = kik__malloc(a, (n + 1) * sizeof(char *));
	t->dates = kik__malloc(a, (n + 1) * sizeof(char *));
	t->sources = kik__malloc(a, (n + 1) * sizeof(char *));
	if (!t->names || !t->dates || !t->sources)
		goto oom;
	for (i = 0; i < n; i++) {
		const kik_figure *f = kik_plan_figure(r->plan, i);
		if (index_of(t->names, t->name_count, f->name) == t->name_count)
			t->names[t->name_count++] = f->name;
		if (*f->source && index_of(t->sources, t->source_count, f->source) == t->source_count)
			t->sources[t->source_count++] = f->source;
		for (k = t->date_count; k > 0 && strcmp(t->dates[k - 1], f->date) > 0; k--)
			;
		if (k == 0 || strcmp(t->dates[k - 1], f->date) != 0) { /* a new date, kept in order */
			memmove(t->dates + k + 1, t->dates + k, (t->date_count - k) * sizeof(char *));
			t->dates[k] = f->date;
			t->date_count++;
		}
	}
	if (!(t->cell = kik__malloc(a, (t->name_count * t->date_count + 1) * sizeof(*t->cell))))
		goto oom;
	memset((void *)t->cell, 0, (t->name_count * t->date_count + 1) * sizeof(*t->cell));
	for (i = 0; i < n; i++) {
		const kik_figure *f = kik_plan_figure(r->plan, i);
		t->cell[index_of(t->names, t->name_count, f->name) * t->date_count +
			index_of(t->dates, t->date_count, f->date)] = f;
	}
	return 0;
oom:
	kik__figure_table_free(r, t);
	if (!r->o->err)
		r->o->err = kik__error_set(r->plan, KIK_ENOMEM, NULL, "out of memory");
	return KIK_ENOMEM;
}

void kik__figure_table_free(kik__report *r, kik__figure_table *t)
{
	kik__free(&r->plan->alloc, t->names);
	kik__free(&r->plan->alloc, t->dates);
	kik__free(&r->plan->alloc, t->sources);
	kik__free(&r->plan->alloc, (void *)t->cell);
	memset(t, 0, sizeof(*t));
}

void kik__report_value(const kik__report *r, char *out, size_t cap, const kik_figure *f)
{
	kik__figure_format(out, cap, f->scaled, f->decimals, f->unit, r->lang == KIK_LANG_DE, 0);
}

void kik__report_change(const kik__report *r, char *out, size_t cap, const kik_figure *first, const kik_figure *last)
{
	unsigned d = first->decimals > last->decimals ? first->decimals : last->decimals, k;
	int64_t a = first->scaled, b = last->scaled, diff;
	char number[64];
	for (k = first->decimals; k < d; k++)
		a *= 10;
	for (k = last->decimals; k < d; k++)
		b *= 10;
	diff = b - a;
	/* the change of a percentage is in percentage points, of a count a count */
	kik__figure_format(number, sizeof(number), diff < 0 ? -diff : diff, d, KIK_UNIT_COUNT, r->lang == KIK_LANG_DE,
			   0);
	snprintf(out, cap, "%s%s%s%s",
		 diff > 0   ? "+"
		 : diff < 0 ? "−"
			    : "±",
		 number, last->unit == KIK_UNIT_PERCENT ? " " : "", last->unit == KIK_UNIT_PERCENT ? r->w->points : "");
}

/* ---- what changed since ------------------------------------------------------------------ */

int kik__field_changes_of(kik__report *r, const kik_field *f, kik__field_changes *out)
{
	size_t n = kik_diff_count(r->diff), i;
	const char *code = kik_field_code(f);
	memset(out, 0, sizeof(*out));
	out->field = (size_t)-1;
	for (i = 0; i < kik_diff_field_count(r->diff); i++)
		if (strcmp(kik_diff_field_code(r->diff, i), code) == 0)
			out->field = i;
	out->measures = kik__malloc(&r->plan->alloc, (n + 1) * sizeof(*out->measures));
	out->added = kik__malloc(&r->plan->alloc, (n + 1) * sizeof(*out->added));
	out->ended = kik__malloc(&r->plan->alloc, (n + 1) * sizeof(*out->ended));
	if (!out->measures || !out->added || !out->ended) {
		kik__field_changes_free(r, out);
		if (!r->o->err)
			r->o->err = kik__error_set(r->plan, KIK_ENOMEM, NULL, "out of memory");
		return KIK_ENOMEM;
	}
	for (i = 0; i < n; i++) {
		const kik_change *c = kik_diff_get(r->diff, i);
		kik_change_kind kind = kik_change_kind_of(c);
		if (strcmp(kik_change_field(c), code) != 0)
			continue;
		if (kik_change_object(c) == KIK_OBJECT_MEASURE &&
		    (kind != KIK_CHANGE_CHANGED || (kik_change_what(c) & KIK_VALUE_STATUS)))
			out->measures[out->measure_count++] = c;
		else if (kik_change_object(c) == KIK_OBJECT_PROJECT && kind == KIK_CHANGE_ADDED)
			out->added[out->added_count++] = c;
		else if (kik_change_object(c) == KIK_OBJECT_PROJECT &&
			 (kind == KIK_CHANGE_REMOVED ||
			  ((kik_change_what(c) & KIK_VALUE_END) && !*kik_change_old(c, KIK_VALUE_END))))
			out->ended[out->ended_count++] = c;
	}
	return 0;
}

void kik__field_changes_free(kik__report *r, kik__field_changes *c)
{
	kik__free(&r->plan->alloc, (void *)c->measures);
	kik__free(&r->plan->alloc, (void *)c->added);
	kik__free(&r->plan->alloc, (void *)c->ended);
	memset(c, 0, sizeof(*c));
}

void kik__report_count_change(char *out, size_t cap, size_t was, size_t now)
{
	snprintf(out, cap, "%s%zu", now > was ? "+" : now < was ? "−" : "±", now > was ? now - was : was - now);
}

void kik__report_project_end(const kik__report *r, char *out, size_t cap, const kik_change *c)
{
	const char *end = kik_change_new(c, KIK_VALUE_END);
	char date[64];
	*out = '\0';
	if (end && *end) {
		kik__report_date(r, date, sizeof(date), end);
		snprintf(out, cap, " (%s: %s)", r->w->end, date);
	}
}

void kik__report_reasons(kik__report *r, const char *measure, void (*emit)(kik__report *r, const char *reason))
{
	const kik_measure *m = kik_plan_find_measure(r->plan, measure);
	kik_explanation *e = NULL;
	size_t i;
	int err;
	if (!m || !kik_measure_has_tasks(m) || r->o->err)
		return;
	if ((err = kik_plan_explain(r->plan, m, &e)) < 0) {
		if (!r->o->err)
			r->o->err = err;
		return;
	}
	for (i = 0; i < kik_explanation_count(e); i++)
		emit(r, kik_reason_message(kik_explanation_reason(e, i), r->lang));
	kik_explanation_free(e);
}

/* ---- look-ups ------------------------------------------------------------------------- */

/* The plan-wide context text after which the figures go, or -1 for none. */
static long figures_after(const kik_plan *plan)
{
	long last = -1;
	size_t i;
	for (i = 0; i < kik_plan_field_note_count(plan); i++) {
		const kik_field_note *n = kik_plan_field_note(plan, i);
		size_t len = strlen(n->text);
		if (n->field || n->kind != KIK_FIELD_NOTE_CONTEXT)
			continue;
		if (len && n->text[len - 1] == ':')
			return (long)i;
		last = (long)i;
	}
	return last;
}

int kik__report_context(kik__report *r, void (*text)(kik__report *r, const kik_field_note *note),
			void (*figures)(kik__report *r))
{
	long after = figures_after(r->plan);
	int has_figures = kik_plan_figure_count(r->plan) > 0;
	size_t i;
	if (after < 0 && !has_figures)
		return 0;
	for (i = 0; i < kik_plan_field_note_count(r->plan); i++) {
		const kik_field_note *n = kik_plan_field_note(r->plan, i);
		if (n->field || n->kind != KIK_FIELD_NOTE_CONTEXT)
			continue;
		text(r, n);
		if ((long)i == after && has_figures)
			figures(r);
	}
	if (after < 0 && has_figures)
		figures(r);
	return 1;
}

const kik_project *kik__report_project_named(const kik_plan *plan, const char *title, size_t *index)
{
	size_t i;
	for (i = 0; *title && i < kik_plan_project_count(plan); i++) {
		if (strcmp(kik_project_name(kik_plan_project(plan, i)), title) == 0) {
			*index = i;
			return kik_plan_project(plan, i);
		}
	}
	return NULL;
}

int kik__report_has_field_notes(const kik_plan *plan, const kik_field *field, kik_field_note_kind kind)
{
	size_t i;
	for (i = 0; i < kik_plan_field_note_count(plan); i++) {
		const kik_field_note *n = kik_plan_field_note(plan, i);
		if (n->field == field && n->kind == kind)
			return 1;
	}
	return 0;
}

const kik_note *kik__report_earlier_note(const kik__report *r, const kik_note *note)
{
	const kik_field *field;
	const kik_goal *goal;
	if (!r->since)
		return NULL;
	field = kik_plan_find_field(r->since, note->goal->field->code);
	goal = kik_field_find_goal(field, note->goal->number);
	if (!note->measure)
		return kik_goal_note(goal);
	return kik_measure_note(kik_plan_find_measure(r->since, note->measure->id));
}
