/* Field notes: per field (or plan-wide) focus points, highlights, outlook and context. */
#include "content.h"

#include <string.h>

static const char *const kind_keys[KIK_FIELD_NOTE_KIND_COUNT] = { "focus", "highlight", "outlook", "context" };
static const char *const kind_labels[2][KIK_FIELD_NOTE_KIND_COUNT] = {
	{ "Schwerpunkt", "Highlight", "Ausblick", "Kontext" },
	{ "focus", "highlight", "outlook", "context" },
};
/* the slides' headings and other names seen */
static const char *const kind_aliases[KIK_FIELD_NOTE_KIND_COUNT] = {
	"Schwerpunkte|focus point|focus points",
	"Highlights",
	"Ausblicke",
	"Einführung|Einleitung|introduction",
};

const char *kik_field_note_kind_key(kik_field_note_kind kind)
{
	return (unsigned)kind < KIK_FIELD_NOTE_KIND_COUNT ? kind_keys[kind] : NULL;
}

const char *kik_field_note_kind_label(kik_field_note_kind kind, kik_lang lang)
{
	return (unsigned)kind < KIK_FIELD_NOTE_KIND_COUNT && (unsigned)lang <= KIK_LANG_EN ? kind_labels[lang][kind]
											   : NULL;
}

int kik_field_note_kind_parse(const char *text, kik_field_note_kind *out)
{
	int i;
	kik__error_clear(NULL);
	if (!out)
		return kik__error_arg("out is NULL");
	if (kik__check_text(text, "the kind") < 0)
		return KIK_EINVAL;
	i = kik__lookup_name(text, KIK_FIELD_NOTE_KIND_COUNT, kind_keys, kind_labels[0], kind_labels[1], kind_aliases);
	if (i < 0)
		return kik__error_set(NULL, KIK_EPARSE, NULL,
				      "'%s' is not a kind of field note: expected focus, highlight, outlook or context "
				      "(or Schwerpunkt, Highlight, Ausblick, Kontext)",
				      text);
	*out = (kik_field_note_kind)i;
	return 0;
}

void kik__field_note_free(const kik_allocator *a, void *record)
{
	struct kik_field_note *n = record;
	if (!n)
		return;
	kik__free(a, n->title);
	kik__free(a, n->text);
	kik__free(a, n);
}

int kik__field_note_build(kik_plan *plan, kik_field *field, kik_field_note_kind kind, const char *title,
			  const char *text, const kik__origin *from, struct kik_field_note **out)
{
	struct kik_field_note *n;
	if ((unsigned)kind >= KIK_FIELD_NOTE_KIND_COUNT)
		return kik__content_fail(from, FIELD_NOTE_KIND, 0, KIK_EINVAL, "field note kind %d out of range",
					 (int)kind);
	if (!(n = kik__malloc(&plan->alloc, sizeof(*n))))
		return kik__error_set(plan, KIK_ENOMEM, NULL, "out of memory");
	memset(n, 0, sizeof(*n));
	n->field = field;
	n->kind = kind;
	if (!(n->title = kik__content_text(&plan->alloc, title)) ||
	    !(n->text = kik__content_text(&plan->alloc, text))) {
		kik__field_note_free(&plan->alloc, n);
		return kik__error_set(plan, KIK_ENOMEM, NULL, "out of memory");
	}
	if (!*n->text) {
		kik__field_note_free(&plan->alloc, n);
		return kik__content_fail(from, FIELD_NOTE_TEXT, 0, KIK_EINVAL,
					 "a field note needs a text: it is empty");
	}
	*out = n;
	return 0;
}

/* Whether `staged` has a note of the field and kind of `n`. */
static int named(const kik__vec *staged, const struct kik_field_note *n)
{
	size_t i;
	for (i = 0; i < staged->len; i++) {
		const struct kik_field_note *s = staged->items[i];
		if (s->field == n->field && s->kind == n->kind)
			return 1;
	}
	return 0;
}

int kik__field_notes_commit(kik_plan *plan, kik__vec *staged, int complete)
{
	kik__vec *list = &plan->content.field_notes;
	size_t i, n = 0;
	if (kik__vec_reserve(&plan->alloc, list, list->len + staged->len) < 0)
		return kik__error_set(plan, KIK_ENOMEM, NULL, "out of memory");
	for (i = 0; i < list->len; i++) {
		struct kik_field_note *note = list->items[i];
		if (complete || named(staged, note))
			kik__field_note_free(&plan->alloc, note);
		else
			list->items[n++] = note;
	}
	for (i = 0; i < staged->len; i++)
		list->items[n++] = staged->items[i];
	list->len = n;
	staged->len = 0;
	return 0;
}

/* ---- getters --------------------------------------------------------------------- */

size_t kik_plan_field_note_count(const kik_plan *plan)
{
	return plan ? plan->content.field_notes.len : 0;
}

const kik_field_note *kik_plan_field_note(const kik_plan *plan, size_t i)
{
	return plan && i < plan->content.field_notes.len ? plan->content.field_notes.items[i] : NULL;
}

const kik_field *kik_field_note_field(const kik_field_note *note)
{
	return note ? note->field : NULL;
}

kik_field_note_kind kik_field_note_kind_of(const kik_field_note *note)
{
	return note ? note->kind : KIK_FIELD_NOTE_INVALID;
}

const char *kik_field_note_title(const kik_field_note *note)
{
	return note ? note->title : NULL;
}

const char *kik_field_note_text(const kik_field_note *note)
{
	return note ? note->text : NULL;
}

/* ---- changes ----------------------------------------------------------------------- */

/* The field an argument names (NULL or "": none, plan-wide); 0, or an error set. */
static int field_arg(kik_plan *plan, const char *field, kik_field **out)
{
	*out = NULL;
	if (!field || !*field)
		return 0;
	if (kik__check_text(field, "the field") < 0)
		return KIK_EINVAL;
	if (!(*out = kik__content_field(plan, field)))
		return kik__error_set(plan, KIK_ENOTFOUND, NULL, "no field '%s'", field);
	return 0;
}

static int check_args(kik_plan *plan, kik_field_note_kind kind, const char *title, const char *text)
{
	if (!plan)
		return kik__error_arg("the plan is NULL");
	if ((unsigned)kind >= KIK_FIELD_NOTE_KIND_COUNT)
		return kik__error_set(plan, KIK_EINVAL, NULL, "field note kind %d out of range", (int)kind);
	if ((title && kik__check_text(title, "the title") < 0) || (text && kik__check_text(text, "the text") < 0))
		return KIK_EINVAL;
	return 0;
}

/* The position in the plan's list of the index-th note of a field and kind; -1 if none. */
static long position_of(const kik_plan *plan, const kik_field *field, kik_field_note_kind kind, size_t index)
{
	size_t i;
	for (i = 0; i < plan->content.field_notes.len; i++) {
		const struct kik_field_note *n = plan->content.field_notes.items[i];
		if (n->field == field && n->kind == kind && index-- == 0)
			return (long)i;
	}
	return -1;
}

int kik_plan_add_field_note(kik_plan *plan, const char *field, kik_field_note_kind kind, const char *title,
			    const char *text, const kik_field_note **out)
{
	struct kik_field_note *n;
	kik_field *f;
	int err;
	kik__error_clear(plan);
	if ((err = check_args(plan, kind, title, text)) < 0 || (err = field_arg(plan, field, &f)) < 0)
		return err;
	if (!text)
		return kik__error_arg("the text is NULL");
	if ((err = kik__field_note_build(plan, f, kind, title, text, NULL, &n)) < 0)
		return err;
	if (kik__vec_push(&plan->alloc, &plan->content.field_notes, n) < 0) {
		kik__field_note_free(&plan->alloc, n);
		return kik__error_set(plan, KIK_ENOMEM, NULL, "out of memory");
	}
	if (out)
		*out = n;
	return 0;
}

/* The position of the note that set and remove name, with the arguments checked. */
static long named_note(kik_plan *plan, const char *field, kik_field_note_kind kind, size_t index, const char *title,
		       const char *text, kik_field **f)
{
	long at;
	int err;
	if ((err = check_args(plan, kind, title, text)) < 0 || (err = field_arg(plan, field, f)) < 0)
		return err;
	if ((at = position_of(plan, *f, kind, index)) < 0)
		return kik__error_set(plan, KIK_ENOTFOUND, NULL, "there is no %s note %zu of %s", kind_keys[kind],
				      index, *f ? (*f)->code : "the plan");
	return at;
}

int kik_plan_set_field_note(kik_plan *plan, const char *field, kik_field_note_kind kind, size_t index,
			    const char *title, const char *text)
{
	struct kik_field_note *n;
	kik_field *f;
	long at;
	int err;
	kik__error_clear(plan);
	if (plan && !text)
		return kik__error_arg("the text is NULL");
	if ((at = named_note(plan, field, kind, index, title, text, &f)) < 0)
		return (int)at;
	if ((err = kik__field_note_build(plan, f, kind, title, text, NULL, &n)) < 0)
		return err;
	kik__field_note_free(&plan->alloc, plan->content.field_notes.items[at]);
	plan->content.field_notes.items[at] = n;
	return 0;
}

int kik_plan_remove_field_note(kik_plan *plan, const char *field, kik_field_note_kind kind, size_t index)
{
	kik_field *f;
	long at;
	kik__error_clear(plan);
	if ((at = named_note(plan, field, kind, index, NULL, NULL, &f)) < 0)
		return (int)at;
	kik__content_remove_at(&plan->alloc, &plan->content.field_notes, (size_t)at, kik__field_note_free);
	return 0;
}
