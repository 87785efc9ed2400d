/* Status keys, labels and their parsing. */
#include "internal.h"

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
	int i;
	if (!text || !out)
		return KIK_EINVAL;
	i = kik__lookup_name(text, KIK_STATUS_COUNT, keys, labels[0], labels[1], NULL);
	if (i < 0)
		return KIK_EPARSE;
	*out = (kik_status)i;
	return 0;
}
