/* Status keys, labels and their parsing. */
#include "internal.h"

#include <string.h>

static const char *const keys[KIK_STATUS_COUNT] = { "waiting", "in_progress", "implemented" };
static const char *const labels[2][KIK_STATUS_COUNT] = {
	{ "wartend", "in Bearbeitung", "implementiert" },
	{ "waiting", "in progress", "implemented" },
};

const char *kik_status_key(kik_status status)
{
	return (unsigned)status < KIK_STATUS_COUNT ? keys[status] : NULL;
}

const char *kik_status_label(kik_status status, kik_lang lang)
{
	if ((unsigned)status >= KIK_STATUS_COUNT || (unsigned)lang > KIK_LANG_EN)
		return NULL;
	return labels[lang][status];
}

int kik_status_parse(const char *text, kik_status *out)
{
	char folded[64], want[64];
	int s, lang;
	if (!text || !out)
		return KIK_EINVAL;
	kik__fold_name(text, folded, sizeof(folded));
	for (s = 0; s < KIK_STATUS_COUNT; s++) {
		kik__fold_name(keys[s], want, sizeof(want));
		if (strcmp(folded, want) == 0)
			goto found;
		for (lang = 0; lang < 2; lang++) {
			kik__fold_name(labels[lang][s], want, sizeof(want));
			if (strcmp(folded, want) == 0)
				goto found;
		}
	}
	return KIK_EPARSE;
found:
	*out = (kik_status)s;
	return 0;
}
