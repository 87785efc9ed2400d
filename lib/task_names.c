/* Names of task kinds, task states and rules, and their parsing. */
#include "internal.h"

static const char *const kind_keys[] = { "concept", "ag", "work_package" };
static const char *const kind_labels[2][KIK_TASK_KIND_COUNT] = {
	{ "Einzelauftrag", "AG-Auftrag", "Arbeitspaket" },
	{ "concept task", "AG task", "work package" },
};
/* further names seen in office files */
static const char *const kind_aliases[KIK_TASK_KIND_COUNT] = {
	"Einzelauftrag (aus dem Konzept)|Konzept|Konzeptauftrag|concept",
	"AG|Arbeitsgruppe|AG-Aufgabe|working group",
	"Arbeitspakete|AP|work package|package",
};

static const char *const state_keys[] = { "open", "in_progress", "done", "not_applicable" };
static const char *const state_labels[2][KIK_TASK_STATE_COUNT] = {
	{ "offen", "in Arbeit", "erledigt", "entfällt" },
	{ "open", "in progress", "done", "not applicable" },
};
static const char *const state_aliases[KIK_TASK_STATE_COUNT] = {
	"todo|nicht begonnen",
	"in Bearbeitung|begonnen|läuft|started",
	"abgeschlossen|umgesetzt|fertig|completed",
	"n/a|na|nicht zutreffend|entfaellt",
};

static const char *const rule_keys[] = { "strict", "missing_kind_satisfied" };

const char *kik_task_kind_key(kik_task_kind kind)
{
	return (unsigned)kind < KIK_TASK_KIND_COUNT ? kind_keys[kind] : NULL;
}

const char *kik_task_kind_label(kik_task_kind kind, kik_lang lang)
{
	return (unsigned)kind < KIK_TASK_KIND_COUNT && (unsigned)lang <= KIK_LANG_EN ? kind_labels[lang][kind] : NULL;
}

int kik_task_kind_parse(const char *text, kik_task_kind *out)
{
	int i;
	if (!text || !out)
		return KIK_EINVAL;
	i = kik__lookup_name(text, KIK_TASK_KIND_COUNT, kind_keys, kind_labels[0], kind_labels[1], kind_aliases);
	if (i < 0)
		return KIK_EPARSE;
	*out = (kik_task_kind)i;
	return 0;
}

const char *kik_task_state_key(kik_task_state state)
{
	return (unsigned)state < KIK_TASK_STATE_COUNT ? state_keys[state] : NULL;
}

const char *kik_task_state_label(kik_task_state state, kik_lang lang)
{
	return (unsigned)state < KIK_TASK_STATE_COUNT && (unsigned)lang <= KIK_LANG_EN ? state_labels[lang][state]
										       : NULL;
}

int kik_task_state_parse(const char *text, kik_task_state *out)
{
	int i;
	if (!text || !out)
		return KIK_EINVAL;
	i = kik__lookup_name(text, KIK_TASK_STATE_COUNT, state_keys, state_labels[0], state_labels[1], state_aliases);
	if (i < 0)
		return KIK_EPARSE;
	*out = (kik_task_state)i;
	return 0;
}

const char *kik_rule_key(kik_rule rule)
{
	return (unsigned)rule < KIK_RULE_COUNT ? rule_keys[rule] : NULL;
}

int kik_rule_parse(const char *text, kik_rule *out)
{
	int i;
	if (!text || !out)
		return KIK_EINVAL;
	i = kik__lookup_name(text, KIK_RULE_COUNT, rule_keys, NULL, NULL, NULL);
	if (i < 0)
		return KIK_EPARSE;
	*out = (kik_rule)i;
	return 0;
}
