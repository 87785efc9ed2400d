/* Look-ups by name, code and number give the same answers whatever the order and shape of
 * the input: fields by a hash of their folded names, derived codes without trying every
 * number, goals and measures by number out of order. (That they take linear time is
 * checked by the benchmark driver's scaling check, bench/run.py --shapes.) */
#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <kik/kik.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static kik_plan *plan;

static void setup(void)
{
	cr_assert(eq(int, kik_plan_new(&plan), 0));
}

static void teardown(void)
{
	kik_plan_free(plan);
}

TestSuite(lookup, .init = setup, .fini = teardown);

typedef struct text {
	char *data;
	size_t len;
} text;

static void put(text *t, const char *fmt, ...)
{
	va_list ap;
	int n;
	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	t->data = realloc(t->data, t->len + (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(t->data + t->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	t->len += (size_t)n;
}

static int load(kik_import_kind kind, const text *t)
{
	return kik_plan_import_buffer(plan, kind, t->data, t->len, "m.csv", NULL);
}

/* "Feld aaa", "Feld aab", ...: every name's initials are F. */
static void same_initials(text *t, unsigned from, unsigned to)
{
	unsigned i;
	for (i = from; i < to; i++)
		put(t, "Feld %c%c%c;1;1.1;Text;waiting\n", 'a' + i / 676 % 26, 'a' + i / 26 % 26, 'a' + i % 26);
}

Test(lookup, fields_of_the_same_initials_get_the_next_free_code_across_imports)
{
	text fields = { NULL, 0 }, first = { NULL, 0 }, second = { NULL, 0 };
	unsigned i;
	put(&fields, "code;name\nF3;Drei\nF7;Sieben\n");
	put(&first, "field;goal;measure;text;status\n");
	same_initials(&first, 0, 300);
	put(&second, "field;goal;measure;text;status\n");
	same_initials(&second, 300, 400);
	cr_assert(eq(int, load(KIK_IMPORT_FIELDS, &fields), 0));
	cr_assert(eq(int, load(KIK_IMPORT_MEASURES, &first), 0));
	cr_assert(eq(int, load(KIK_IMPORT_MEASURES, &second), 0), "%s", kik_error_last()->message);
	cr_assert(eq(sz, kik_plan_field_count(plan), 402));
	for (i = 0; i < 400; i++) {
		char name[16], code[16];
		/* F, F2, then the numbers F3 and F7 leave free */
		unsigned n = i == 0 ? 1 : i + 1 + (i + 1 >= 3) + (i + 2 >= 7);
		const kik_field *f;
		snprintf(name, sizeof(name), "feld %c%c%c", 'a' + i / 676 % 26, 'a' + i / 26 % 26, 'a' + i % 26);
		f = kik_plan_find_field(plan, name);
		cr_assert(ne(ptr, (void *)f, NULL), "%s", name);
		if (n == 1)
			snprintf(code, sizeof(code), "F");
		else
			snprintf(code, sizeof(code), "F%u", n);
		cr_assert(eq(str, (char *)kik_field_code(f), code), "%s", name);
		cr_assert(eq(ptr, (void *)kik_plan_find_field(plan, code), (void *)f));
	}
	free(fields.data);
	free(first.data);
	free(second.data);
}

Test(lookup, fields_are_found_by_code_name_and_alias_in_any_spelling)
{
	static const char table[] = "code;name;aliases\nSB;Sprache und Bildung;Bildung und Sprache|BuS\n"
				    "GP;Gesundheit und Pflege;Gesundheit\n";
	text t = { NULL, 0 };
	const kik_field *sb;
	put(&t, "%s", table);
	cr_assert(eq(int, load(KIK_IMPORT_FIELDS, &t), 0));
	sb = kik_plan_find_field(plan, "SB");
	cr_assert(ne(ptr, (void *)sb, NULL));
	cr_assert(eq(ptr, (void *)kik_plan_find_field(plan, "sb"), (void *)sb));
	cr_assert(eq(ptr, (void *)kik_plan_find_field(plan, "  SPRACHE und bildung! "), (void *)sb));
	cr_assert(eq(ptr, (void *)kik_plan_find_field(plan, "Bildung-und-Sprache"), (void *)sb));
	cr_assert(eq(ptr, (void *)kik_plan_find_field(plan, "bus"), (void *)sb));
	cr_assert(eq(str, (char *)kik_field_code(kik_plan_find_field(plan, "gesundheit")), "GP"));
	cr_assert(eq(ptr, (void *)kik_plan_find_field(plan, "Gesundheit und"), NULL));
	cr_assert(eq(ptr, (void *)kik_plan_find_field(plan, "!!"), NULL)); /* folds to nothing */
	cr_assert(eq(ptr, (void *)kik_plan_find_field(plan, ""), NULL));
	/* a failed add leaves nothing behind that a look-up could find */
	cr_assert(eq(int, kik_plan_add_field(plan, "NEU", "Gesundheit", NULL), KIK_EEXISTS));
	cr_assert(eq(ptr, (void *)kik_plan_find_field(plan, "NEU"), NULL));
	cr_assert(eq(int, kik_plan_add_field_alias(plan, "SB", "Gesundheit und Pflege"), KIK_EEXISTS));
	cr_assert(eq(str, (char *)kik_field_code(kik_plan_find_field(plan, "Gesundheit und Pflege")), "GP"));
	free(t.data);
}

Test(lookup, a_measure_id_names_a_field_by_its_code_only)
{
	text t = { NULL, 0 };
	put(&t, "field;field_name;goal;measure;text;status\nSB;Sprache und Bildung;4;4.6;Text;waiting\n");
	cr_assert(eq(int, load(KIK_IMPORT_MEASURES, &t), 0));
	cr_assert(ne(ptr, (void *)kik_plan_find_measure(plan, "SB-4.6"), NULL));
	cr_assert(ne(ptr, (void *)kik_plan_find_measure(plan, "sb-4.6"), NULL));
	cr_assert(eq(ptr, (void *)kik_plan_find_measure(plan, "Sprache und Bildung-4.6"), NULL));
	cr_assert(eq(ptr, (void *)kik_plan_find_measure(plan, "S.B-4.6"), NULL));
	cr_assert(eq(ptr, (void *)kik_plan_find_measure(plan, "SB-4.7"), NULL));
	free(t.data);
}

/* Goals and measures numbered in the order given by `order` (0 ascending, 1 descending, 2
 * interleaved from both ends). */
static unsigned nth(unsigned i, unsigned n, int order)
{
	if (order == 0)
		return i + 1;
	if (order == 1)
		return n - i;
	return i % 2 ? n - i / 2 : i / 2 + 1;
}

Test(lookup, goals_and_measures_in_any_order_are_found_and_kept_in_file_order)
{
	int order;
	for (order = 0; order < 3; order++) {
		text t = { NULL, 0 };
		unsigned n = 2000, i, k;
		const kik_field *sb;
		kik_plan_free(plan);
		cr_assert(eq(int, kik_plan_new(&plan), 0));
		put(&t, "field;goal;measure;text;status\n");
		for (i = 0; i < n; i++) /* goals of one measure each, then one goal of many measures */
			put(&t, "SB;%u;%u.1;Ziel %u;waiting\n", nth(i, n, order), nth(i, n, order), nth(i, n, order));
		for (i = 0; i < n; i++)
			put(&t, "AA;7;7.%u;Massnahme %u;waiting\n", nth(i, n, order), nth(i, n, order));
		cr_assert(eq(int, load(KIK_IMPORT_MEASURES, &t), 0));
		sb = kik_plan_find_field(plan, "SB");
		for (i = 0; i < n; i++) {
			char id[32], want[32];
			const kik_goal *goal = kik_field_goal(sb, i);
			cr_assert(eq(uint, kik_goal_number(goal), nth(i, n, order)), "order %d", order);
			cr_assert(eq(ptr, (void *)kik_field_find_goal(sb, nth(i, n, order)), (void *)goal));
			for (k = 0; k < 2; k++) {
				unsigned number = nth(i, n, order);
				snprintf(id, sizeof(id), k ? "AA-7.%u" : "SB-%u.1", number);
				snprintf(want, sizeof(want), k ? "Massnahme %u" : "Ziel %u", number);
				cr_assert(eq(str, (char *)kik_measure_text(kik_plan_find_measure(plan, id)), want));
			}
		}
		cr_assert(eq(ptr, (void *)kik_field_find_goal(sb, n + 1), NULL));
		cr_assert(eq(ptr, (void *)kik_plan_find_measure(plan, "AA-7.0"), NULL));
		cr_assert(eq(ptr, (void *)kik_plan_find_measure(plan, "AA-8.1"), NULL));
		/* a measure twice is found out of order as in order */
		put(&t, "AA;7;7.%u;Noch einmal;waiting\n", n / 3);
		cr_assert(eq(int, load(KIK_IMPORT_MEASURES, &t), KIK_EPARSE));
		cr_assert(ne(ptr, strstr(kik_error_last()->message, "appears twice"), NULL));
		free(t.data);
	}
}

Test(lookup, a_reimport_out_of_order_updates_each_measure_in_place)
{
	text first = { NULL, 0 }, again = { NULL, 0 };
	unsigned i;
	put(&first, "field;goal;measure;text;status\n");
	put(&again, "field;goal;measure;text;status\n");
	for (i = 0; i < 500; i++) {
		put(&first, "SB;%u;%u.1;alt %u;waiting\n", 500 - i, 500 - i, 500 - i);
		put(&again, "SB;%u;%u.1;neu %u;implemented\n", nth(i, 500, 2), nth(i, 500, 2), nth(i, 500, 2));
	}
	put(&again, "SB;501;501.1;neu 501;implemented\n");
	cr_assert(eq(int, load(KIK_IMPORT_MEASURES, &first), 0));
	cr_assert(eq(int, load(KIK_IMPORT_MEASURES, &again), 0));
	cr_assert(eq(sz, kik_plan_measure_count(plan), 501));
	for (i = 1; i <= 501; i++) {
		char id[32], want[32];
		const kik_measure *m;
		snprintf(id, sizeof(id), "SB-%u.1", i);
		snprintf(want, sizeof(want), "neu %u", i);
		m = kik_plan_find_measure(plan, id);
		cr_assert(eq(str, (char *)kik_measure_text(m), want));
		cr_assert(eq(int, kik_measure_status(m), KIK_STATUS_IMPLEMENTED));
	}
	free(first.data);
	free(again.data);
}

Test(lookup, names_follow_renames_removals_and_failed_imports)
{
	static const char table[] = "code;name;aliases\nSB;Sprache und Bildung;Bildung und Sprache|Neu\n"
				    "GP;Gesundheit und Pflege;Gesundheit\n";
	static const char bad[] = "code;name;aliases\nXY;Ganz neu;Noch neuer\nSB;Sprache und Bildung;Gesundheit\n";
	text t = { NULL, 0 }, b = { NULL, 0 };
	const kik_field *sb;
	put(&t, "%s", table);
	put(&b, "%s", bad);
	cr_assert(eq(int, load(KIK_IMPORT_FIELDS, &t), 0));
	sb = kik_plan_find_field(plan, "SB");
	/* renamed: the new name finds it, the old one not, and an alias that became the name
	 * still finds it */
	cr_assert(eq(int, kik_plan_set_field_name(plan, "SB", "Neu"), 0));
	cr_assert(eq(ptr, (void *)kik_plan_find_field(plan, "neu"), (void *)sb));
	cr_assert(eq(ptr, (void *)kik_plan_find_field(plan, "Sprache und Bildung"), NULL));
	cr_assert(eq(ptr, (void *)kik_plan_find_field(plan, "Bildung und Sprache"), (void *)sb));
	cr_assert(eq(int, kik_plan_add_field(plan, "SU", "Sprache und Bildung", NULL), 0));
	cr_assert(eq(str, (char *)kik_field_code(kik_plan_find_field(plan, "Sprache und Bildung")), "SU"));
	/* removed: none of its names finds it, and they are free again */
	cr_assert(eq(int, kik_plan_remove_field(plan, "GP"), 0));
	cr_assert(eq(ptr, (void *)kik_plan_find_field(plan, "GP"), NULL));
	cr_assert(eq(ptr, (void *)kik_plan_find_field(plan, "Gesundheit und Pflege"), NULL));
	cr_assert(eq(ptr, (void *)kik_plan_find_field(plan, "gesundheit"), NULL));
	cr_assert(eq(int, kik_plan_add_field(plan, "GE", "Gesundheit", NULL), 0));
	/* a failed import in place: the names its first row added find nothing */
	cr_assert(eq(int, load(KIK_IMPORT_FIELDS, &b), KIK_EPARSE));
	cr_assert(eq(ptr, (void *)kik_plan_find_field(plan, "XY"), NULL));
	cr_assert(eq(ptr, (void *)kik_plan_find_field(plan, "Ganz neu"), NULL));
	cr_assert(eq(ptr, (void *)kik_plan_find_field(plan, "Noch neuer"), NULL));
	cr_assert(eq(int, kik_plan_add_field(plan, "XY", "Ganz neu", NULL), 0));
	cr_assert(eq(str, (char *)kik_field_code(kik_plan_find_field(plan, "ganz neu")), "XY"));
	free(t.data);
	free(b.data);
}

Test(lookup, removed_measures_and_goals_out_of_order_are_not_found)
{
	text t = { NULL, 0 };
	unsigned i;
	put(&t, "field;goal;measure;text;status\n");
	for (i = 300; i > 0; i--)
		put(&t, "SB;%u;%u.%u;Text;waiting\nSB;%u;%u.%u;Text;waiting\n", i, i, 2, i, i, 1);
	cr_assert(eq(int, load(KIK_IMPORT_MEASURES, &t), 0));
	cr_assert(eq(int, kik_plan_remove_measure(plan, "SB-150.1"), 0));
	cr_assert(eq(ptr, (void *)kik_plan_find_measure(plan, "SB-150.1"), NULL));
	cr_assert(ne(ptr, (void *)kik_plan_find_measure(plan, "SB-150.2"), NULL));
	cr_assert(eq(int, kik_plan_remove_measure(plan, "SB-150.2"), 0));
	cr_assert(eq(int, kik_plan_remove_goal(plan, "SB", 150), 0));
	cr_assert(eq(ptr, (void *)kik_field_find_goal(kik_plan_find_field(plan, "SB"), 150), NULL));
	cr_assert(ne(ptr, (void *)kik_field_find_goal(kik_plan_find_field(plan, "SB"), 149), NULL));
	for (i = 1; i <= 300; i++) {
		char id[16];
		snprintf(id, sizeof(id), "SB-%u.2", i);
		cr_assert(eq(int, kik_plan_find_measure(plan, id) != NULL, i != 150), "%s", id);
	}
	free(t.data);
}
