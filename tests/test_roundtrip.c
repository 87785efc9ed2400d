/* The API cannot make a plan its export cannot read back: random sequences of edits, then
 * every part exported and imported into a new plan, which must export the same again. */
#include "sink.h"

#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <kik/kik.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { SEQUENCES = 500, EDITS = 80 };

static uint64_t state;

static unsigned next(unsigned n)
{
	state ^= state << 13;
	state ^= state >> 7;
	state ^= state << 17;
	return (unsigned)(state % n);
}

static const char *pick(const char *const *pool, size_t n)
{
	return pool[next((unsigned)n)];
}

#define PICK(pool) pick(pool, sizeof(pool) / sizeof(pool[0]))

static const char *const fields[] = { "A", "B", "C" };
static const char *const groups[] = { NULL, "", "Gruppe eins", "Gruppe; zwei", "Gruppe \"drei\"" };
static const char *const texts[] = { "Text",        "Straße und Grün",     "=SUMME(A1)",      "mit; Semikolon",
				     "\"zitiert\"", "zwei\nZeilen",        "  Leerzeichen  ", "-minus",
				     "'=schon",     "Ende mit Anführung\"" };
static const char *const titles[] = { "t1", "t2", "t3", "Fachtag; Teil 2", "+plus" };
static const char *const owners[] = { "", "Amt", "AG Bildung", "Müller; Meier" };
static const char *const dues[] = { "", "2024-01-31", "2025-12-31" };

/* A measure number "g.s" of few goals and measures, so that edits meet each other. */
static void number(char *out, size_t cap, unsigned *goal)
{
	*goal = 1 + next(3);
	snprintf(out, cap, "%u.%u", *goal, 1 + next(3));
}

/* The id of a random measure of the plan, or NULL. */
static const char *some_measure(const kik_plan *p)
{
	size_t n = kik_plan_measure_count(p);
	return n ? kik_measure_id(kik_plan_measure(p, next((unsigned)n))) : NULL;
}

static unsigned long some_task(void)
{
	return 1 + next(40); /* often one that exists, sometimes one that does not */
}

/* One random edit; returns its result. */
static int edit(kik_plan *p)
{
	kik_measure_desc m = KIK_MEASURE_DESC_INIT;
	kik_task_desc t = KIK_TASK_DESC_INIT;
	char num[16], id[24];
	size_t counts[3] = { next(5), next(5), next(5) };
	unsigned goal;
	const char *measure;
	switch (next(16)) {
	case 0:
	case 1:
	case 2:
		number(num, sizeof(num), &goal);
		m.field = PICK(fields);
		m.group = PICK(groups);
		m.goal = next(2) ? goal : 0;
		m.goal_text = next(2) ? PICK(texts) : NULL;
		m.number = num;
		m.text = PICK(texts);
		m.status = (kik_status)next(3);
		return next(2) ? kik_plan_put_measure(p, &m, NULL) : kik_plan_add_measure(p, &m, NULL);
	case 3: return (measure = some_measure(p)) ? kik_plan_remove_measure(p, measure) : 0;
	case 4:
	case 5:
	case 6:
		t.measure = some_measure(p);
		t.kind = (kik_task_kind)next(3);
		t.state = (kik_task_state)next(4);
		t.title = PICK(titles);
		t.due = PICK(dues);
		t.owner = PICK(owners);
		t.id = next(3) ? 0 : 1 + next(60);
		return t.measure ? kik_plan_add_task(p, &t, NULL) : 0;
	case 7:
		t.measure = next(2) ? some_measure(p) : NULL;
		t.kind = (kik_task_kind)next(3);
		t.state = (kik_task_state)next(4);
		t.title = PICK(titles);
		t.due = PICK(dues);
		t.owner = PICK(owners);
		return kik_plan_update_task(p, some_task(), &t);
	case 8:
		switch (next(4)) {
		case 0: return kik_plan_set_task_state(p, some_task(), (kik_task_state)next(4));
		case 1: return kik_plan_set_task_due(p, some_task(), PICK(dues));
		case 2: return kik_plan_set_task_owner(p, some_task(), PICK(owners));
		default: return kik_plan_set_task_title(p, some_task(), PICK(titles));
		}
	case 9: return kik_plan_remove_task(p, some_task());
	case 10:
		return (measure = some_measure(p)) ? kik_plan_set_recorded_status(p, measure, (kik_status)next(3), NULL)
						   : 0;
	case 11:
		snprintf(id, sizeof(id), "%s", PICK(fields));
		switch (next(3)) {
		case 0: return kik_plan_remove_goal(p, id, 1 + next(3));
		case 1: return kik_plan_remove_group(p, id, "Gruppe eins");
		default: return kik_plan_remove_field(p, id);
		}
	case 12:
		switch (next(3)) {
		case 0: return kik_plan_add_field(p, PICK(fields), PICK(texts), NULL);
		case 1: return kik_plan_add_field_alias(p, PICK(fields), PICK(texts));
		default: return kik_plan_set_field_name(p, PICK(fields), PICK(texts));
		}
	case 13:
		if (!next(3))
			return kik_plan_clear_published(p, PICK(fields));
		/* a total is 0 (none published) or the sum; now and then a wrong one, refused */
		return kik_plan_set_published(p, PICK(fields), counts, 3,
					      next(2)   ? counts[0] + counts[1] + counts[2]
					      : next(4) ? 0
							: next(20));
	case 14:
		if (next(2))
			return kik_plan_set_goal_text(p, PICK(fields), 1 + next(3), PICK(texts));
		return kik_plan_set_rule(p, (kik_rule)next(2));
	default:
		return next(2) ? kik_plan_set_name(p, PICK(texts)) : kik_plan_set_as_of(p, next(2) ? "2025-01-01" : "");
	}
}

/* Every part exported from `from` and imported into a new plan. */
static kik_plan *reload(const kik_plan *from, const kik_export_options *o, unsigned long seq)
{
	static const kik_import_kind kinds[] = { KIK_IMPORT_PLAN_INFO, KIK_IMPORT_FIELDS, KIK_IMPORT_MEASURES,
						 KIK_IMPORT_TASKS, KIK_IMPORT_PUBLISHED };
	kik_plan *to;
	size_t i;
	cr_assert(eq(int, kik_plan_new(&to), 0));
	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
		sink s = { NULL, 0, 0 };
		cr_assert(eq(int, kik_plan_export(from, kinds[i], to_sink, &s, o), 0), "sequence %lu", seq);
		if (kinds[i] == KIK_IMPORT_MEASURES && kik_plan_measure_count(from) == 0) {
			free(s.data); /* a measures file needs a measure: an empty plan has nothing to give */
			continue;
		}
		cr_assert(eq(int, kik_plan_import_buffer(to, kinds[i], s.data, s.len, "saved.csv", NULL), 0),
			  "sequence %lu, %s: %s\n%s", seq, kik_import_kind_key(kinds[i]), kik_error_last()->message,
			  s.data);
		free(s.data);
	}
	return to;
}

Test(roundtrip, random_edits_never_make_a_plan_the_export_cannot_read_back)
{
	static const int allowed[] = { 0, KIK_EEXISTS, KIK_ENOTFOUND, KIK_ENOTEMPTY, KIK_EINVAL };
	kik_export_options o = KIK_EXPORT_OPTIONS_INIT;
	size_t measures = 0, tasks = 0, fields_removed = 0;
	unsigned long seq;
	for (seq = 0; seq < SEQUENCES; seq++) {
		kik_plan *p, *back;
		char *before, *after;
		int e;
		state = 0x9E3779B97F4A7C15ULL ^ (seq * 0x2545F4914F6CDD1DULL) ^ 1;
		cr_assert(eq(int, kik_plan_new(&p), 0));
		cr_assert(eq(int, kik_plan_add_field(p, "A", "Alpha", NULL), 0));
		cr_assert(eq(int, kik_plan_add_field(p, "B", "Beta und Gamma", NULL), 0));
		cr_assert(eq(int, kik_plan_add_field(p, "C", "Zeta", NULL), 0));
		for (e = 0; e < EDITS; e++) {
			int err = edit(p);
			size_t k;
			for (k = 0; k < sizeof(allowed) / sizeof(allowed[0]) && allowed[k] != err; k++)
				;
			cr_assert(lt(sz, k, sizeof(allowed) / sizeof(allowed[0])), "sequence %lu edit %d: %d %s", seq,
				  e, err, kik_error_last() ? kik_error_last()->message : "");
		}
		/* the other dialects too, now and then */
		o.delimiter = seq % 3 == 1 ? ',' : seq % 3 == 2 ? '\t' : ';';
		o.crlf = (int)(seq % 2);
		o.labels = seq % 4 == 3 ? KIK_EXPORT_GERMAN : KIK_EXPORT_KEYS;
		measures += kik_plan_measure_count(p);
		tasks += kik_plan_task_count(p);
		fields_removed += kik_plan_field_count(p) < 3;
		back = reload(p, &o, seq);
		before = fingerprint(p);
		after = fingerprint(back);
		{
			char what[48];
			snprintf(what, sizeof(what), "sequence %lu", seq);

			assert_same_content(after, before, what);
		}
		free(before);
		free(after);
		kik_plan_free(back);
		kik_plan_free(p);
	}
	/* the sequences made plans worth comparing */
	cr_assert(lt(sz, 3 * SEQUENCES, measures), "%zu measures", measures);
	cr_assert(lt(sz, 3 * SEQUENCES, tasks), "%zu tasks", tasks);
	cr_assert(lt(sz, 0, fields_removed));
}
