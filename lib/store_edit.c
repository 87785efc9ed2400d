/* Edits of the working state through the store. The store keeps the working state it
 * loaded for the first edit, applies each edit to it with the plan's own call (so the
 * checks and errors are the plan's), and writes what the edit changed. */
#include "store.h"

#include <string.h>

void kik__store_forget_work(kik_store *s)
{
	kik_plan_free(s->work);
	s->work = NULL;
}

/* PRAGMA data_version: changes when another connection commits. */
static int data_version(kik_store *s, int64_t *out)
{
	sqlite3_stmt *st;
	int err;
	if ((err = kik__sql_prepare(s->db, "PRAGMA data_version", &st)) < 0)
		return err;
	if ((err = kik__sql_step(s->db, st, "reading the store")) > 0)
		*out = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return err < 0 ? err : 0;
}

int kik__store_work(kik_store *s, int64_t plan_id, int64_t head, kik_plan **out)
{
	int64_t version = 0;
	int err;
	if ((err = data_version(s, &version)) < 0)
		return err;
	if (!s->work || s->work_plan_id != plan_id || s->work_data_version != version) {
		kik__store_forget_work(s);
		if ((err = kik__store_load_version(s, plan_id, head, &s->work)) < 0)
			return err;
		s->work_plan_id = plan_id;
		s->work_data_version = version;
	}
	*out = s->work;
	return 0;
}
