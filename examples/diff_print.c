/* Printing the differences between two plans (kik-diff, kik-store diff). */
#include "cli.h"

#include <string.h>

/* The tools compare what files of measures and tasks hold: the model and tasks. The
 * report's content (notes, projects, ...) is compared by the library too, but those files
 * do not carry it, so it is left out here. */
static int shown(const kik_change *c)
{
	return kik_change_object(c) <= KIK_OBJECT_TASK;
}

static size_t shown_count(const kik_diff *d)
{
	size_t i, n = 0;
	for (i = 0; i < kik_diff_count(d); i++)
		n += shown(kik_diff_get(d, i));
	return n;
}

static void delta(size_t from, size_t to)
{
	char change[32];
	snprintf(change, sizeof(change), "(%+ld)", (long)to - (long)from);
	printf("  %4zu -> %4zu %-6s", from, to, to == from ? "" : change);
}

/* The values that changed, as "text, state: ", or nothing. */
static void print_what(const kik_change *c)
{
	unsigned what = kik_change_what(c), bit;
	int first = 1;
	for (bit = 1; what && bit <= KIK_VALUE_OWNER; bit <<= 1)
		if (what & bit && bit != KIK_VALUE_STATUS) {
			printf("%s%s", first ? "" : ", ", kik_change_value_key(bit));
			first = 0;
		}
	if (!first)
		printf(": ");
}

static void print_table(const kik_plan *old_plan, const kik_plan *new_plan, const kik_diff *d)
{
	size_t i;
	int st;
	printf("from %s to %s\n\n", *kik_plan_as_of(old_plan) ? kik_plan_as_of(old_plan) : "OLD",
	       *kik_plan_as_of(new_plan) ? kik_plan_as_of(new_plan) : "NEW");
	printf("%-6s", "field");
	for (st = 0; st < KIK_STATUS_COUNT; st++)
		printf("  %-20s", kik_status_label((kik_status)st, KIK_LANG_DE));
	printf("  %s\n", "measures");
	for (i = 0; i < kik_diff_field_count(d); i++) {
		printf("%-6s", kik_diff_field_code(d, i));
		for (st = 0; st < KIK_STATUS_COUNT; st++)
			delta(kik_diff_field_old_count(d, i, (kik_status)st),
			      kik_diff_field_new_count(d, i, (kik_status)st));
		delta(kik_diff_field_old_measures(d, i), kik_diff_field_new_measures(d, i));
		printf("\n");
	}
	printf("\n%zu changes\n", shown_count(d));
	for (i = 0; i < kik_diff_count(d); i++) {
		const kik_change *c = kik_diff_get(d, i);
		const char *text = kik_change_text(c);
		if (!shown(c))
			continue;
		size_t width = cli_text_width(kik_change_id(c), 0);
		printf("%-8s %-8s ", kik_change_kind_key(kik_change_kind_of(c)),
		       kik_object_kind_key(kik_change_object(c)));
		cli_print_text(stdout, kik_change_id(c), 0); /* a group's id holds its name */
		printf("%*s ", (int)(width < 8 ? 8 - width : 0), "");
		if (kik_change_object(c) == KIK_OBJECT_MEASURE) {
			kik_status was = kik_change_old_status(c), now = kik_change_new_status(c);
			if (was != KIK_STATUS_INVALID && now != KIK_STATUS_INVALID && was != now)
				printf("%s -> %s  ", kik_status_label(was, KIK_LANG_DE),
				       kik_status_label(now, KIK_LANG_DE));
			else
				printf("%s  ", kik_status_label(now != KIK_STATUS_INVALID ? now : was, KIK_LANG_DE));
		}
		print_what(c);
		cli_print_text(stdout, text, 60);
		putchar('\n');
	}
}

static void json_counts(const size_t *counts, size_t measures)
{
	int st;
	printf("{");
	for (st = 0; st < KIK_STATUS_COUNT; st++)
		printf("\"%s\": %zu, ", kik_status_key((kik_status)st), counts[st]);
	printf("\"measures\": %zu}", measures);
}

static void json_plan(const char *key, const kik_plan *p)
{
	printf("\"%s\": {\"plan\": ", key);
	cli_json_string(stdout, kik_plan_name(p));
	printf(", \"as_of\": ");
	if (*kik_plan_as_of(p))
		cli_json_string(stdout, kik_plan_as_of(p));
	else
		printf("null");
	printf("}");
}

static void print_json(const kik_plan *old_plan, const kik_plan *new_plan, const kik_diff *d)
{
	size_t i, n;
	printf("{");
	json_plan("old", old_plan);
	printf(", ");
	json_plan("new", new_plan);
	printf(",\n \"fields\": [");
	for (i = 0; i < kik_diff_field_count(d); i++) {
		size_t old_count[KIK_STATUS_COUNT], new_count[KIK_STATUS_COUNT];
		int st;
		for (st = 0; st < KIK_STATUS_COUNT; st++) {
			old_count[st] = kik_diff_field_old_count(d, i, (kik_status)st);
			new_count[st] = kik_diff_field_new_count(d, i, (kik_status)st);
		}
		printf("%s\n  {\"code\": ", i ? "," : "");
		cli_json_string(stdout, kik_diff_field_code(d, i));
		printf(", \"old\": ");
		json_counts(old_count, kik_diff_field_old_measures(d, i));
		printf(", \"new\": ");
		json_counts(new_count, kik_diff_field_new_measures(d, i));
		printf("}");
	}
	printf("],\n \"changes\": [");
	for (i = 0, n = 0; i < kik_diff_count(d); i++) {
		const kik_change *c = kik_diff_get(d, i);
		unsigned bit, what = kik_change_what(c);
		if (!shown(c))
			continue;
		printf("%s\n  {\"object\": \"%s\", \"id\": ", n++ ? "," : "",
		       kik_object_kind_key(kik_change_object(c)));
		cli_json_string(stdout, kik_change_id(c));
		printf(", \"field\": ");
		cli_json_string(stdout, kik_change_field(c));
		printf(", \"change\": \"%s\"", kik_change_kind_key(kik_change_kind_of(c)));
		if (kik_change_old_status(c) != KIK_STATUS_INVALID)
			printf(", \"old_status\": \"%s\"", kik_status_key(kik_change_old_status(c)));
		if (kik_change_new_status(c) != KIK_STATUS_INVALID)
			printf(", \"new_status\": \"%s\"", kik_status_key(kik_change_new_status(c)));
		if (what) {
			printf(", \"values\": {");
			for (bit = 1; bit <= KIK_VALUE_OWNER; bit <<= 1) {
				if (!(what & bit))
					continue;
				printf("%s\"%s\": {\"old\": ", (what & (bit - 1)) ? ", " : "",
				       kik_change_value_key(bit));
				cli_json_string(stdout, kik_change_old(c, bit));
				printf(", \"new\": ");
				cli_json_string(stdout, kik_change_new(c, bit));
				printf("}");
			}
			printf("}");
		}
		printf("}");
	}
	printf("]}\n");
}

int cli_diff_differs(const kik_diff *d)
{
	size_t i;
	int st;
	if (shown_count(d))
		return 1;
	for (i = 0; i < kik_diff_field_count(d); i++)
		for (st = 0; st < KIK_STATUS_COUNT; st++)
			if (kik_diff_field_old_count(d, i, (kik_status)st) !=
			    kik_diff_field_new_count(d, i, (kik_status)st))
				return 1;
	return 0;
}

void cli_print_diff(const kik_plan *old_plan, const kik_plan *new_plan, const kik_diff *d, int json)
{
	if (json)
		print_json(old_plan, new_plan, d);
	else
		print_table(old_plan, new_plan, d);
}
