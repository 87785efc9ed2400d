/* Plans: creation, freeing, name and date, fields of action. */
#include "internal.h"

#include <stdio.h>
#include <string.h>

int kik_plan_new_with_allocator(kik_plan **out, const kik_allocator *allocator)
{
	kik_allocator a = { NULL, NULL, NULL, NULL };
	kik_plan *plan;
	if (!out)
		return KIK_EINVAL;
	if (allocator)
		a = *allocator;
	plan = kik__malloc(&a, sizeof(*plan));
	if (!plan)
		return KIK_ENOMEM;
	memset(plan, 0, sizeof(*plan));
	plan->alloc = a;
	plan->name = "";
	plan->as_of = "";
	plan->measures.size = sizeof(kik_measure);
	plan->tasks.size = sizeof(kik_task);
	*out = plan;
	return 0;
}

int kik_plan_new(kik_plan **out)
{
	return kik_plan_new_with_allocator(out, NULL);
}

static void free_field(const kik_allocator *a, kik_field *field)
{
	size_t i;
	/* the objects live in the arena; only their arrays are separate allocations */
	for (i = 0; i < field->groups.len; i++)
		kik__vec_free(a, &((kik_group *)field->groups.items[i])->goals);
	for (i = 0; i < field->goals.len; i++)
		kik__ids_free(a, &((kik_goal *)field->goals.items[i])->measures);
	kik__vec_free(a, &field->aliases);
	kik__vec_free(a, &field->groups);
	kik__vec_free(a, &field->goals);
}

void kik_plan_free(kik_plan *plan)
{
	kik_allocator a;
	size_t i;
	if (!plan)
		return;
	a = plan->alloc;
	kik__plan_free_tasks(plan);
	for (i = 0; i < plan->fields.len; i++)
		free_field(&a, plan->fields.items[i]);
	kik__vec_free(&a, &plan->fields);
	kik__table_free(&a, &plan->measures);
	kik__free(&a, plan->order);
	kik__index_free(&a, &plan->groups_by_key);
	kik__index_free(&a, &plan->fields_by_name);
	kik__index_free(&a, &plan->code_suffixes);
	kik__numbers_free(&a, &plan->by_number);
	kik__arena_free(&a, &plan->arena);
	kik__arena_free(&a, &plan->text);
	kik__free(&a, plan);
}

const char *kik_plan_name(const kik_plan *plan)
{
	return plan ? plan->name : "";
}

const char *kik_plan_as_of(const kik_plan *plan)
{
	return plan ? plan->as_of : "";
}

static int set_string(kik_plan *plan, const char **slot, const char *value)
{
	char *copy = kik__arena_strndup(&plan->alloc, &plan->text, value, strlen(value));
	if (!copy)
		return kik__error_set(plan, KIK_ENOMEM, NULL, "out of memory");
	*slot = copy;
	return 0;
}

int kik_plan_set_name(kik_plan *plan, const char *name)
{
	if (!plan || !name)
		return KIK_EINVAL;
	kik__error_clear(plan);
	return set_string(plan, &plan->name, name);
}

int kik_plan_set_as_of(kik_plan *plan, const char *date)
{
	if (!plan || !date)
		return KIK_EINVAL;
	kik__error_clear(plan);
	if (*date && !kik__is_iso_date(date))
		return kik__error_set(plan, KIK_EINVAL, NULL, "'%s' is not a date of the form YYYY-MM-DD", date);
	return set_string(plan, &plan->as_of, date);
}

/* ---- fields ------------------------------------------------------------ */

size_t kik_plan_field_count(const kik_plan *plan)
{
	return plan ? plan->fields.len : 0;
}

const kik_field *kik_plan_field(const kik_plan *plan, size_t i)
{
	return plan && i < plan->fields.len ? plan->fields.items[i] : NULL;
}

/* A name as fields_by_name keys it: folded (without case, punctuation, ß), at most 255 bytes. */
typedef char folded_name[256];

kik_field *kik__plan_find_field(const kik_plan *plan, const char *code_or_name)
{
	folded_name folded;
	kik__fold_name(code_or_name, folded, sizeof(folded));
	return *folded ? kik__index_get(&plan->fields_by_name, folded) : NULL;
}

/* `name` folded, copied as a key of fields_by_name; "" when it folds to nothing (then it
 * names no field), NULL when out of memory. */
static const char *name_key(kik_plan *plan, const char *name)
{
	folded_name folded;
	kik__fold_name(name, folded, sizeof(folded));
	return *folded ? kik__arena_strndup(&plan->alloc, &plan->text, folded, strlen(folded)) : "";
}

/* Makes `field` found by `key` (room reserved). */
static void index_name(kik_plan *plan, kik_field *field, const char *key)
{
	if (*key)
		kik__index_put(&plan->alloc, &plan->fields_by_name, key, field);
}

const kik_field *kik_plan_find_field(const kik_plan *plan, const char *code_or_name)
{
	if (!plan || !code_or_name)
		return NULL;
	return kik__plan_find_field(plan, code_or_name);
}

static int valid_code(const char *code)
{
	size_t n = 0;
	for (; *code; code++, n++)
		if (!((*code >= 'A' && *code <= 'Z') || (*code >= 'a' && *code <= 'z') ||
		      (*code >= '0' && *code <= '9')))
			return 0;
	return n > 0 && n <= 16;
}

int kik_plan_add_field(kik_plan *plan, const char *code, const char *name, const kik_field **out)
{
	kik_field *field;
	const char *code_key, *name_index_key;
	if (!plan || !code || !name)
		return KIK_EINVAL;
	kik__error_clear(plan);
	if (!valid_code(code))
		return kik__error_set(plan, KIK_EINVAL, NULL, "field code '%s' is not 1 to 16 letters or digits", code);
	if (!*name)
		return kik__error_set(plan, KIK_EINVAL, NULL, "field '%s' has an empty name", code);
	if (kik__plan_find_field(plan, code) || kik__plan_find_field(plan, name))
		return kik__error_set(plan, KIK_EINVAL, NULL, "field '%s' (%s) is already defined", code, name);
	field = kik__arena_alloc(&plan->alloc, &plan->arena, sizeof(*field));
	if (!field || !(field->code = kik__arena_strndup(&plan->alloc, &plan->text, code, strlen(code))) ||
	    !(field->name = kik__arena_strndup(&plan->alloc, &plan->text, name, strlen(name))) ||
	    !(code_key = name_key(plan, code)) || !(name_index_key = name_key(plan, name)) ||
	    kik__vec_reserve(&plan->alloc, &plan->fields, plan->fields.len + 1) < 0 ||
	    kik__index_reserve(&plan->alloc, &plan->fields_by_name, 2) < 0)
		return kik__error_set(plan, KIK_ENOMEM, NULL, "out of memory");
	index_name(plan, field, code_key);
	index_name(plan, field, name_index_key);
	plan->fields.items[plan->fields.len++] = field;
	field->plan = plan;
	field->by_number = 1;
	if (out)
		*out = field;
	return 0;
}

int kik_plan_add_field_alias(kik_plan *plan, const kik_field *field, const char *alias)
{
	const kik_field *other;
	const char *key;
	char *copy;
	if (!plan || !field || !alias)
		return KIK_EINVAL;
	kik__error_clear(plan);
	if (!*alias)
		return kik__error_set(plan, KIK_EINVAL, NULL, "empty alias for field '%s'", field->code);
	other = kik__plan_find_field(plan, alias);
	if (other == field)
		return 0;
	if (other)
		return kik__error_set(plan, KIK_EINVAL, NULL, "'%s' already names field '%s'", alias, other->code);
	copy = kik__arena_strndup(&plan->alloc, &plan->text, alias, strlen(alias));
	if (!copy || !(key = name_key(plan, alias)) ||
	    kik__vec_reserve(&plan->alloc, &((kik_field *)field)->aliases, field->aliases.len + 1) < 0 ||
	    kik__index_reserve(&plan->alloc, &plan->fields_by_name, 1) < 0)
		return kik__error_set(plan, KIK_ENOMEM, NULL, "out of memory");
	index_name(plan, (kik_field *)field, key);
	((kik_field *)field)->aliases.items[((kik_field *)field)->aliases.len++] = copy;
	return 0;
}

int kik__plan_define_field(kik_plan *plan, const char *name, kik_field **out)
{
	/* Code from the initials of the capitalised words ("Sprache und Bildung" -> "SB");
	 * a name that is itself a valid short code is its own code. When the code is taken,
	 * the initials get a number: 2, 3, ... */
	char base[9], code[24]; /* base: at most 8 initials */
	size_t n = 0, len = strlen(name);
	uintptr_t suffix;
	const char *p, *key;
	folded_name folded;
	int err;
	/* a name of no letters or digits could never be found again: each row would add a field */
	kik__fold_name(name, folded, sizeof(folded));
	if (!*folded)
		return kik__error_set(plan, KIK_EINVAL, NULL, "'%s' cannot name a field: expected letters or digits",
				      name);
	if (len <= 4 && valid_code(name)) {
		memcpy(base, name, len + 1);
	} else {
		for (p = name; *p && n < 8; p++)
			if ((p == name || p[-1] == ' ' || p[-1] == '-') && *p >= 'A' && *p <= 'Z')
				base[n++] = *p;
		if (n == 0)
			base[n++] = 'F';
		base[n] = '\0';
	}
	/* start after the numbers found taken before (fields are never removed): trying every
	 * number from 2 for each new field made many fields of the same initials cubic */
	suffix = (uintptr_t)kik__index_get(&plan->code_suffixes, base);
	if (!(key = kik__arena_strndup(&plan->alloc, &plan->text, base, strlen(base))) ||
	    kik__index_reserve(&plan->alloc, &plan->code_suffixes, 1) < 0)
		return kik__error_set(plan, KIK_ENOMEM, NULL, "out of memory");
	for (suffix = suffix ? suffix : 1;; suffix++) {
		if (suffix == 1)
			memcpy(code, base, strlen(base) + 1);
		else
			snprintf(code, sizeof(code), "%s%lu", base, (unsigned long)suffix);
		if (!kik__plan_find_field(plan, code))
			break;
	}
	if ((err = kik_plan_add_field(plan, code, name, (const kik_field **)out)) < 0)
		return err;
	kik__index_put(&plan->alloc, &plan->code_suffixes, key, (void *)(suffix + 1));
	return 0;
}

/* ---- field getters ----------------------------------------------------- */

const char *kik_field_code(const kik_field *field)
{
	return field ? field->code : "";
}
const char *kik_field_name(const kik_field *field)
{
	return field ? field->name : "";
}
size_t kik_field_alias_count(const kik_field *field)
{
	return field ? field->aliases.len : 0;
}
size_t kik_field_group_count(const kik_field *field)
{
	return field ? field->groups.len : 0;
}
size_t kik_field_goal_count(const kik_field *field)
{
	return field ? field->goals.len : 0;
}
size_t kik_field_measure_count(const kik_field *field)
{
	return field ? field->measure_count : 0;
}

const char *kik_field_alias(const kik_field *field, size_t i)
{
	return field && i < field->aliases.len ? field->aliases.items[i] : NULL;
}

const kik_group *kik_field_group(const kik_field *field, size_t i)
{
	return field && i < field->groups.len ? field->groups.items[i] : NULL;
}

const kik_goal *kik_field_goal(const kik_field *field, size_t i)
{
	return field && i < field->goals.len ? field->goals.items[i] : NULL;
}

const kik_goal *kik_field_find_goal(const kik_field *field, unsigned number)
{
	return field ? kik__field_find_goal(field, number) : NULL;
}
