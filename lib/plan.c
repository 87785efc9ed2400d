/* Plans: creation, freeing, name and date, fields of action. */
#include "internal.h"

#include <stdio.h>
#include <string.h>

int kik__allocator_read(const kik_allocator *in, kik_allocator *out)
{
	kik_allocator a = KIK_ALLOCATOR_INIT;
	if (in) {
		if (in->version < 1 || in->version > KIK_ALLOCATOR_VERSION)
			return kik__error_set(NULL, KIK_EINVAL, NULL, "allocator of version %u: expected 1 to %u",
					      in->version, KIK_ALLOCATOR_VERSION);
		if (!in->malloc != !in->realloc || !in->malloc != !in->free)
			return kik__error_arg("an allocator needs malloc, realloc and free, or none of them");
		a = *in;
	}
	*out = a;
	return 0;
}

int kik_plan_new_with_allocator(kik_plan **out, const kik_allocator *allocator)
{
	kik_allocator a;
	kik_plan *plan;
	kik__error_clear(NULL);
	if (!out)
		return kik__error_arg("out is NULL");
	if (kik__allocator_read(allocator, &a) < 0)
		return KIK_EINVAL;
	plan = kik__malloc(&a, sizeof(*plan));
	if (!plan)
		return kik__error_set(NULL, KIK_ENOMEM, NULL, "out of memory");
	memset(plan, 0, sizeof(*plan));
	plan->alloc = a;
	plan->measures.size = sizeof(kik_measure);
	plan->tasks.size = sizeof(kik_task);
	kik__hash_key_new(&plan->task_key, plan);
	*out = plan;
	return 0;
}

int kik_plan_new(kik_plan **out)
{
	return kik_plan_new_with_allocator(out, NULL);
}

void kik__field_free_lists(const kik_allocator *a, kik_field *field)
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
	kik__content_free(plan);
	kik__plan_free_tasks(plan);
	for (i = 0; i < plan->fields.len; i++)
		kik__field_free_lists(&a, plan->fields.items[i]);
	kik__vec_free(&a, &plan->fields);
	kik__table_free(&a, &plan->measures);
	kik__free(&a, plan->order);
	kik__index_free(&a, &plan->groups_by_key);
	kik__index_free(&a, &plan->fields_by_name);
	kik__index_free(&a, &plan->code_suffixes);
	kik__numbers_free(&a, &plan->by_number);
	kik__arena_free(&a, &plan->arena);
	kik__arena_free(&a, &plan->text);
	kik__free(&a, plan->name);
	kik__free(&a, plan->as_of);
	kik__free(&a, plan);
}

const char *kik_plan_name(const kik_plan *plan)
{
	return plan ? (plan->name ? plan->name : "") : NULL;
}

const char *kik_plan_as_of(const kik_plan *plan)
{
	return plan ? (plan->as_of ? plan->as_of : "") : NULL;
}

/* Replaces an own string of the plan: the old one is freed, so repeated calls do not grow.
 * Surrounding white space is dropped, as the importers drop it from every cell. */
static int set_string(kik_plan *plan, char **slot, const char *value)
{
	size_t len = strlen(value);
	const char *trimmed = kik__trim(value, &len);
	char *copy = kik__strndup(&plan->alloc, trimmed, len);
	if (!copy)
		return kik__error_set(plan, KIK_ENOMEM, NULL, "out of memory");
	kik__free(&plan->alloc, *slot);
	*slot = copy;
	return 0;
}

int kik_plan_set_name(kik_plan *plan, const char *name)
{
	kik__error_clear(plan);
	if (!plan)
		return kik__error_arg("the plan is NULL");
	if (kik__check_text(name, "the name") < 0)
		return KIK_EINVAL;
	return set_string(plan, &plan->name, name);
}

int kik_plan_set_as_of(kik_plan *plan, const char *date)
{
	kik__error_clear(plan);
	if (!plan)
		return kik__error_arg("the plan is NULL");
	if (kik__check_text(date, "the date") < 0)
		return KIK_EINVAL;
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

static int name_matches(const char *name, const char *folded)
{
	char mine[256];
	kik__fold_name(name, mine, sizeof(mine));
	return *folded && strcmp(mine, folded) == 0;
}

/* A name as fields_by_name keys it: folded (without case, punctuation, ß), at most 255 bytes.
 * Every field's code, name and aliases are keys there, and no key names two fields (adding
 * refuses a name another field has), so a look-up is one probe, not a scan of every field
 * folding every name (which made many fields, and codes derived for them, cubic). */
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

/* Whether the code, name or an alias of `field` folds to the same as `name`. */
static int names_field(const kik_field *field, const char *name)
{
	folded_name folded;
	size_t i;
	kik__fold_name(name, folded, sizeof(folded));
	if (name_matches(field->code, folded) || name_matches(field->name, folded))
		return 1;
	for (i = 0; i < field->aliases.len; i++)
		if (name_matches(field->aliases.items[i], folded))
			return 1;
	return 0;
}

/* Makes `name` find nothing, when it found `field`. */
static void unindex_name(kik_plan *plan, const kik_field *field, const char *name)
{
	folded_name folded;
	kik__fold_name(name, folded, sizeof(folded));
	if (*folded && kik__index_get(&plan->fields_by_name, folded) == field)
		kik__index_remove(&plan->fields_by_name, folded);
}

void kik__plan_unindex_aliases(kik_plan *plan, const kik_field *field, size_t from)
{
	size_t i;
	for (i = from; i < field->aliases.len; i++)
		unindex_name(plan, field, field->aliases.items[i]);
}

void kik__plan_unindex_field(kik_plan *plan, const kik_field *field)
{
	kik__plan_unindex_aliases(plan, field, 0);
	unindex_name(plan, field, field->code);
	unindex_name(plan, field, field->name);
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

int kik__plan_add_field(kik_plan *plan, const char *code, const char *name, kik_field **out)
{
	const char *code_key, *name_index_key;
	kik_field *field;
	if (!valid_code(code))
		return kik__error_set(plan, KIK_EINVAL, NULL, "field code '%s' is not 1 to 16 letters or digits", code);
	if (!*name)
		return kik__error_set(plan, KIK_EINVAL, NULL, "field '%s' has an empty name", code);
	if (kik__plan_find_field(plan, code) || kik__plan_find_field(plan, name))
		return kik__error_set(plan, KIK_EEXISTS, NULL, "field '%s' (%s) is already defined", code, name);
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

/* A copy of `s` without surrounding white space, as the importers read cells; errors set. */
static char *trimmed_copy(kik_plan *plan, const char *s)
{
	size_t len = strlen(s);
	const char *t = kik__trim(s, &len);
	char *copy = kik__strndup(&plan->alloc, t, len);
	if (!copy)
		kik__error_set(plan, KIK_ENOMEM, NULL, "out of memory");
	return copy;
}

int kik_plan_add_field(kik_plan *plan, const char *code, const char *name, const kik_field **out)
{
	char *trimmed;
	int err;
	kik__error_clear(plan);
	if (!plan)
		return kik__error_arg("the plan is NULL");
	if (kik__check_text(code, "the field code") < 0 || kik__check_text(name, "the field name") < 0)
		return KIK_EINVAL;
	if (!(trimmed = trimmed_copy(plan, name)))
		return KIK_ENOMEM;
	err = kik__plan_add_field(plan, code, trimmed, (kik_field **)out);
	kik__free(&plan->alloc, trimmed);
	return err;
}

/* The field with this code (exactly, or without regard to case); errors set. */
static kik_field *field_by_code(kik_plan *plan, const char *code)
{
	kik_field *field;
	size_t k;
	if (kik__check_text(code, "the field code") < 0)
		return NULL;
	/* the field the code folds to: the one with that code, or one with such a name */
	if ((field = kik__plan_find_field(plan, code))) {
		for (k = 0; field->code[k] && (field->code[k] | 0x20) == (code[k] | 0x20); k++)
			;
		if (!field->code[k] && !code[k])
			return field;
	}
	kik__error_set(plan, KIK_ENOTFOUND, NULL, "no field with code '%s'", code);
	return NULL;
}

int kik__plan_add_alias(kik_plan *plan, kik_field *field, const char *alias)
{
	const kik_field *other;
	const char *key;
	char *copy;
	if (!*alias)
		return kik__error_set(plan, KIK_EINVAL, NULL, "empty alias for field '%s'", field->code);
	other = kik__plan_find_field(plan, alias);
	if (other == field)
		return 0;
	if (other)
		return kik__error_set(plan, KIK_EEXISTS, NULL, "'%s' already names field '%s'", alias, other->code);
	copy = kik__arena_strndup(&plan->alloc, &plan->text, alias, strlen(alias));
	if (!copy || !(key = name_key(plan, alias)) ||
	    kik__vec_reserve(&plan->alloc, &field->aliases, field->aliases.len + 1) < 0 ||
	    kik__index_reserve(&plan->alloc, &plan->fields_by_name, 1) < 0)
		return kik__error_set(plan, KIK_ENOMEM, NULL, "out of memory");
	index_name(plan, field, key);
	field->aliases.items[field->aliases.len++] = copy;
	return 0;
}

int kik_plan_add_field_alias(kik_plan *plan, const char *field, const char *alias)
{
	kik_field *f;
	kik__error_clear(plan);
	if (!plan)
		return kik__error_arg("the plan is NULL");
	char *trimmed;
	int err;
	if (!(f = field_by_code(plan, field)))
		return kik_error_last()->code;
	if (kik__check_text(alias, "the alias") < 0)
		return KIK_EINVAL;
	if (!(trimmed = trimmed_copy(plan, alias)))
		return KIK_ENOMEM;
	err = kik__plan_add_alias(plan, f, trimmed);
	kik__free(&plan->alloc, trimmed);
	return err;
}

/* Removes the aliases of `field` that fold to the same as `name`. */
static void drop_aliases_like(kik_field *field, const char *name)
{
	char folded[256];
	size_t i, kept = 0;
	kik__fold_name(name, folded, sizeof(folded));
	for (i = 0; i < field->aliases.len; i++)
		if (!name_matches(field->aliases.items[i], folded))
			field->aliases.items[kept++] = field->aliases.items[i];
	field->aliases.len = kept;
}

int kik_plan_set_field_name(kik_plan *plan, const char *field, const char *name)
{
	const kik_field *other;
	kik_field *f;
	char *copy;
	const char *key, *old;
	kik__error_clear(plan);
	if (!plan)
		return kik__error_arg("the plan is NULL");
	if (!(f = field_by_code(plan, field)))
		return kik_error_last()->code;
	size_t len;
	const char *t;
	if (kik__check_text(name, "the field name") < 0)
		return KIK_EINVAL;
	len = strlen(name);
	t = kik__trim(name, &len);
	if (!len)
		return kik__error_set(plan, KIK_EINVAL, NULL, "field '%s' needs a name", f->code);
	if (!(copy = kik__arena_strndup(&plan->alloc, &plan->text, t, len)))
		return kik__error_set(plan, KIK_ENOMEM, NULL, "out of memory");
	if ((other = kik__plan_find_field(plan, copy)) && other != f)
		return kik__error_set(plan, KIK_EEXISTS, NULL, "'%s' already names field '%s'", copy, other->code);
	if (!(key = name_key(plan, copy)) || kik__index_reserve(&plan->alloc, &plan->fields_by_name, 1) < 0)
		return kik__error_set(plan, KIK_ENOMEM, NULL, "out of memory");
	old = f->name;
	f->name = copy;
	drop_aliases_like(f, copy); /* an alias that is now the name says nothing more */
	/* the old name finds the field no more, unless its code or an alias says the same */
	if (!names_field(f, old))
		unindex_name(plan, f, old);
	index_name(plan, f, key);
	return 0;
}

int kik_plan_remove_field(kik_plan *plan, const char *field)
{
	kik_field *f;
	size_t i;
	kik__error_clear(plan);
	if (!plan)
		return kik__error_arg("the plan is NULL");
	if (!(f = field_by_code(plan, field)))
		return kik_error_last()->code;
	if (f->goals.len)
		return kik__error_set(plan, KIK_ENOTEMPTY, NULL, "field '%s' still has %zu goals", f->code,
				      f->goals.len);
	kik__content_forget(plan, f, NULL, NULL); /* its field notes; lists lose it */
	for (i = 0; plan->fields.items[i] != f; i++)
		;
	memmove(plan->fields.items + i, plan->fields.items + i + 1, (plan->fields.len - i - 1) * sizeof(void *));
	plan->fields.len--;
	kik__plan_unindex_field(plan, f);
	for (i = 0; i < f->groups.len; i++)
		kik__plan_forget_group(plan, f->groups.items[i]);
	if (plan->recent_field == f) {
		plan->recent_field = NULL;
		plan->recent_goal = NULL;
		plan->recent_group = NULL;
	}
	kik__field_free_lists(&plan->alloc, f);
	return 0;
}

kik_field *kik__plan_field_by_code(kik_plan *plan, const char *code)
{
	return field_by_code(plan, code);
}

int kik__plan_define_field(kik_plan *plan, const char *name, kik_field **out)
{
	/* Code from the initials of the capitalised words ("Sprache und Bildung" -> "SB"),
	 * capital Latin-1 letters folded to their base letter ("Öffnung" -> "O"); a name
	 * that is itself a valid short code is its own code. When the code is taken, the
	 * initials get a number: 2, 3, ... */
	static const char latin1_base[] = "AAAAAAACEEEEIIIIDNOOOOO\0OUUUUYT"; /* U+00C0 .. U+00DE */
	char base[9], code[24];                                               /* base: at most 8 initials */
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
		for (p = name; *p && n < 8; p++) {
			unsigned char c = (unsigned char)p[1];
			if (p != name && p[-1] != ' ' && p[-1] != '-')
				continue;
			if (*p >= 'A' && *p <= 'Z')
				base[n++] = *p;
			else if ((unsigned char)*p == 0xC3 && c >= 0x80 && c <= 0x9E && latin1_base[c - 0x80])
				base[n++] = latin1_base[c - 0x80];
		}
		if (n == 0)
			base[n++] = 'F';
		base[n] = '\0';
	}
	/* start after the numbers found taken before (a code freed by a removed field is not
	 * given again): trying every number from 2 for each new field made many fields of the
	 * same initials cubic */
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
	if ((err = kik__plan_add_field(plan, code, name, out)) < 0)
		return err;
	kik__index_put(&plan->alloc, &plan->code_suffixes, key, (void *)(suffix + 1));
	return 0;
}

/* ---- field getters ----------------------------------------------------- */

const char *kik_field_code(const kik_field *field)
{
	return field ? field->code : NULL;
}
const char *kik_field_name(const kik_field *field)
{
	return field ? field->name : NULL;
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

const kik_group *kik_field_find_group(const kik_field *field, const char *name)
{
	size_t i;
	for (i = 0; field && name && i < field->groups.len; i++)
		if (strcmp(((const kik_group *)field->groups.items[i])->name, name) == 0)
			return field->groups.items[i];
	return NULL;
}
