/* Explanations: why a measure has its status, as reasons with German and English messages. */
#include "internal.h"

#include <stdio.h>
#include <string.h>

struct kik_reason {
	kik_reason_code code;
	kik_task_kind kind;
	const kik_task *task;
	char *message[2]; /* by kik_lang */
};

struct kik_explanation {
	kik_allocator alloc;
	kik_status status;
	kik_reason *reasons;
	size_t count, cap;
};

static int add(kik_explanation *e, kik_reason_code code, kik_task_kind kind, const kik_task *task, const char *de,
	       const char *en)
{
	kik_reason *r;
	if (e->count == e->cap) {
		size_t cap = e->cap ? e->cap * 2 : 8;
		kik_reason *reasons = kik__realloc(&e->alloc, e->reasons, cap * sizeof(*reasons));
		if (!reasons)
			return KIK_ENOMEM;
		e->reasons = reasons;
		e->cap = cap;
	}
	r = &e->reasons[e->count];
	r->code = code;
	r->kind = kind;
	r->task = task;
	r->message[KIK_LANG_DE] = kik__strndup(&e->alloc, de, strlen(de));
	r->message[KIK_LANG_EN] = kik__strndup(&e->alloc, en, strlen(en));
	if (!r->message[KIK_LANG_DE] || !r->message[KIK_LANG_EN]) {
		kik__free(&e->alloc, r->message[KIK_LANG_DE]);
		kik__free(&e->alloc, r->message[KIK_LANG_EN]);
		return KIK_ENOMEM;
	}
	/* a long title may have been cut in the middle of a character */
	kik__utf8_cut(r->message[KIK_LANG_DE], strlen(de));
	kik__utf8_cut(r->message[KIK_LANG_EN], strlen(en));
	e->count++;
	return 0;
}

/* The reasons of one kind of task. */
static int explain_kind(kik_explanation *e, const kik_measure *m, kik_task_kind kind, kik_rule rule)
{
	const char *de = kik_task_kind_label(kind, KIK_LANG_DE), *en = kik_task_kind_label(kind, KIK_LANG_EN);
	char msg_de[600], msg_en[600];
	size_t i, seen = 0, done = 0, not_applicable = 0;
	int err;
	for (i = 0; i < m->tasks.count; i++) {
		const kik_task *t = kik__measure_task(m, i);
		kik_task_state state = KIK__TASK_STATE(t);
		if (KIK__TASK_KIND(t) != kind)
			continue;
		seen++;
		done += state == KIK_TASK_DONE;
		not_applicable += state == KIK_TASK_NOT_APPLICABLE;
		if (state == KIK_TASK_OPEN || state == KIK_TASK_IN_PROGRESS) {
			int open = state == KIK_TASK_OPEN;
			snprintf(msg_de, sizeof(msg_de), "%s \xE2\x80\x9E%s\xE2\x80\x9C ist %s.", de, t->title,
				 open ? "offen" : "in Arbeit");
			snprintf(msg_en, sizeof(msg_en), "%s '%s' is %s.", en, t->title, open ? "open" : "in progress");
			err =
			    add(e, open ? KIK_REASON_TASK_OPEN : KIK_REASON_TASK_IN_PROGRESS, kind, t, msg_de, msg_en);
			if (err < 0)
				return err;
		}
	}
	if (seen == 0 && rule == KIK_RULE_STRICT) {
		snprintf(msg_de, sizeof(msg_de), "Kein %s erfasst.", de);
		snprintf(msg_en, sizeof(msg_en), "No %s recorded.", en);
		return add(e, KIK_REASON_KIND_MISSING, kind, NULL, msg_de, msg_en);
	}
	if (seen == 0) {
		snprintf(msg_de, sizeof(msg_de),
			 "Kein %s erfasst; nach der gew\xC3\xA4hlten Regel gilt das als erf\xC3\xBCllt.", de);
		snprintf(msg_en, sizeof(msg_en), "No %s recorded; the chosen rule counts that as satisfied.", en);
		return add(e, KIK_REASON_KIND_NOT_TRACKED, kind, NULL, msg_de, msg_en);
	}
	if (not_applicable == seen) {
		snprintf(msg_de, sizeof(msg_de), "%s: entf\xC3\xA4llt f\xC3\xBCr diese Ma\xC3\x9Fnahme.", de);
		snprintf(msg_en, sizeof(msg_en), "%s: not applicable to this measure.", en);
		return add(e, KIK_REASON_KIND_NOT_APPLICABLE, kind, NULL, msg_de, msg_en);
	}
	if (done + not_applicable == seen) {
		snprintf(msg_de, sizeof(msg_de), "%s: alle erledigt (%zu).", de, done);
		snprintf(msg_en, sizeof(msg_en), "%s: all done (%zu).", en, done);
		return add(e, KIK_REASON_KIND_DONE, kind, NULL, msg_de, msg_en);
	}
	return 0;
}

int kik_plan_explain(const kik_plan *plan, const kik_measure *m, kik_explanation **out)
{
	kik_explanation *e;
	char msg_de[300], msg_en[300];
	int err = 0, k;
	kik__error_clear(plan);
	if (!plan || !m || !out)
		return kik__error_arg(!plan ? "the plan is NULL" : !m ? "the measure is NULL" : "out is NULL");
	if (m->goal->field->plan != plan)
		return kik__error_arg("the measure is not one of this plan's");
	e = kik__malloc(&plan->alloc, sizeof(*e));
	if (!e)
		return kik__error_set(plan, KIK_ENOMEM, NULL, "out of memory");
	memset(e, 0, sizeof(*e));
	e->alloc = plan->alloc;
	e->status = kik_measure_status(m);
	if (!m->tasks.count) {
		snprintf(msg_de, sizeof(msg_de),
			 "F\xC3\xBCr diese Ma\xC3\x9Fnahme werden keine Aufgaben gef\xC3\xBChrt; es gilt der erfasste "
			 "Status "
			 "\xE2\x80\x9E%s\xE2\x80\x9C.",
			 kik_status_label((kik_status)m->recorded, KIK_LANG_DE));
		snprintf(msg_en, sizeof(msg_en),
			 "No tasks are tracked for this measure; its recorded status '%s' holds.",
			 kik_status_label((kik_status)m->recorded, KIK_LANG_EN));
		err = add(e, KIK_REASON_NO_TASKS, KIK_TASK_KIND_INVALID, NULL, msg_de, msg_en);
	}
	for (k = 0; m->tasks.count && k < KIK_TASK_KIND_COUNT && err == 0; k++)
		err = explain_kind(e, m, (kik_task_kind)k, plan->rule);
	if (err == 0 && m->tasks.count && m->recorded != m->derived) {
		snprintf(msg_de, sizeof(msg_de),
			 "Der erfasste Status \xE2\x80\x9E%s\xE2\x80\x9C weicht vom abgeleiteten Status "
			 "\xE2\x80\x9E%s\xE2\x80\x9C ab.",
			 kik_status_label((kik_status)m->recorded, KIK_LANG_DE),
			 kik_status_label((kik_status)m->derived, KIK_LANG_DE));
		snprintf(msg_en, sizeof(msg_en), "The recorded status '%s' differs from the derived status '%s'.",
			 kik_status_label((kik_status)m->recorded, KIK_LANG_EN),
			 kik_status_label((kik_status)m->derived, KIK_LANG_EN));
		err = add(e, KIK_REASON_STATUS_DISAGREES, KIK_TASK_KIND_INVALID, NULL, msg_de, msg_en);
	}
	if (err < 0) {
		kik_explanation_free(e);
		return kik__error_set(plan, err, NULL, "out of memory");
	}
	*out = e;
	return 0;
}

void kik_explanation_free(kik_explanation *e)
{
	size_t i;
	kik_allocator a;
	if (!e)
		return;
	a = e->alloc;
	for (i = 0; i < e->count; i++) {
		kik__free(&a, e->reasons[i].message[KIK_LANG_DE]);
		kik__free(&a, e->reasons[i].message[KIK_LANG_EN]);
	}
	kik__free(&a, e->reasons);
	kik__free(&a, e);
}

kik_status kik_explanation_status(const kik_explanation *e)
{
	return e ? e->status : KIK_STATUS_INVALID;
}

size_t kik_explanation_count(const kik_explanation *e)
{
	return e ? e->count : 0;
}

const kik_reason *kik_explanation_reason(const kik_explanation *e, size_t i)
{
	return e && i < e->count ? &e->reasons[i] : NULL;
}

kik_reason_code kik_reason_code_of(const kik_reason *r)
{
	return r ? r->code : KIK_REASON_INVALID;
}

kik_task_kind kik_reason_kind(const kik_reason *r)
{
	return r ? r->kind : KIK_TASK_KIND_INVALID;
}

const kik_task *kik_reason_task(const kik_reason *r)
{
	return r ? r->task : NULL;
}

const char *kik_reason_message(const kik_reason *r, kik_lang lang)
{
	return r && (unsigned)lang <= KIK_LANG_EN ? r->message[lang] : NULL;
}

const char *kik_reason_code_key(kik_reason_code code)
{
	static const char *const keys[] = { "no_tasks",  "kind_missing", "kind_not_tracked", "kind_not_applicable",
					    "kind_done", "task_open",    "task_in_progress", "status_disagrees" };
	return (unsigned)code < sizeof(keys) / sizeof(keys[0]) ? keys[code] : NULL;
}
