/* Loading a plan from the store: the rows of each part valid at one version, in the order
 * the plan is built in; and the differences between two loaded versions. */
#include "store_internal.h"

#include <stdio.h>
#include <string.h>

/* Feeds the rows of one part valid at `version` to the builder: the plan's range of rows,
 * in the order written (the builder puts them in place), small parts by their places. */
static int load_part(kik_store *s, const kik__part *p, int64_t plan_id, int64_t version, kik__builder *b)
{
	char sql[1024];
	sqlite3_stmt *st;
	int err;
	snprintf(sql, sizeof(sql),
		 "SELECT %s FROM %s WHERE row_id BETWEEN ?1 AND ?2 AND valid_from <= ?3 AND "
		 "(valid_to IS NULL OR valid_to > ?3)%s%s",
		 p->columns, p->table, p->load_order ? " ORDER BY " : "", p->load_order ? p->load_order : "");
	if ((err = kik__sql_prepare(s->db, sql, &st)) < 0)
		return err;
	sqlite3_bind_int64(st, 1, kik__plan_rows(plan_id));
	sqlite3_bind_int64(st, 2, kik__plan_rows_end(plan_id));
	sqlite3_bind_int64(st, 3, version);
	while ((err = kik__sql_step(s->db, st, "reading the store")) > 0)
		if ((err = p->apply(b, st)) < 0)
			break;
	sqlite3_finalize(st);
	return err;
}

/* A snapshot's plan is as of the snapshot's date (which may have been given apart from
 * the plan's own). */
static int date_of_snapshot(kik_store *s, int64_t plan_id, int64_t version, kik_plan *plan)
{
	sqlite3_stmt *st;
	int err;
	if ((err = kik__sql_prepare(s->db, "SELECT as_of FROM kik_snapshots WHERE plan_id = ?1 AND version = ?2",
				    &st)) < 0)
		return err;
	sqlite3_bind_int64(st, 1, plan_id);
	sqlite3_bind_int64(st, 2, version);
	if ((err = kik__sql_step(s->db, st, "reading the store")) > 0 &&
	    strcmp(kik_plan_as_of(plan), kik__sql_text(st, 0)) != 0 &&
	    (err = kik_plan_set_as_of(plan, kik__sql_text(st, 0))) < 0 && err != KIK_ENOMEM)
		err = kik__store_fail(KIK_ECORRUPT, "the store has a snapshot dated '%s'", kik__sql_text(st, 0));
	sqlite3_finalize(st);
	return err < 0 ? err : 0;
}

int kik__store_load_version(kik_store *s, int64_t plan_id, int64_t version, kik_plan **out)
{
	kik__builder b;
	size_t i;
	int err;
	if ((err = kik__build_start(&b, &s->alloc)) < 0)
		return err;
	for (i = 0; i < kik__part_count; i++) {
		if (!kik__parts[i]->finished_plan && (err = load_part(s, kik__parts[i], plan_id, version, &b)) < 0) {
			kik__build_free(&b);
			return err;
		}
	}
	if ((err = kik__build_finish(&b, out)) < 0) {
		kik__build_free(&b);
		return err;
	}
	/* the report's content names measures and goals: it goes into the finished plan */
	b.plan = *out;
	for (i = 0; err == 0 && i < kik__part_count; i++)
		if (kik__parts[i]->finished_plan)
			err = load_part(s, kik__parts[i], plan_id, version, &b);
	b.plan = NULL;
	if (err < 0 || (err = kik__content_loaded(*out)) < 0 ||
	    (err = date_of_snapshot(s, plan_id, version, *out)) < 0) {
		kik_plan_free(*out);
		*out = NULL;
	}
	return err;
}

int kik_store_load(const kik_store *store, const char *plan, const char *snapshot, kik_plan **out)
{
	kik_store *s = (kik_store *)store;
	int64_t plan_id, version;
	int err;
	if (!store || !out)
		return kik__store_fail(KIK_EINVAL, "kik_store_load needs a store and `out`");
	if (!kik__utf8_ok(plan))
		return kik__store_fail(KIK_EINVAL, "a plan's name must be UTF-8");
	if ((err = kik__store_enter(store, 0)) < 0)
		return err;
	if ((err = kik__store_begin(s, 0)) == 0) {
		if ((err = kik__store_find_plan(s, plan, 0, &plan_id, &version)) == 0 &&
		    (err = kik__store_find_version(s, plan_id, snapshot, &version)) == 0)
			err = kik__store_load_version(s, plan_id, version, out);
		err = kik__store_end_read(s, err); /* a read: nothing to keep */
	}
	kik__store_leave(store);
	if (err == 0)
		kik__store_ok();
	return err;
}

int kik_store_diff(const kik_store *store, const char *plan, const char *from, const char *to, kik_diff **out)
{
	kik_store *s = (kik_store *)store;
	kik_plan *old_plan = NULL, *new_plan = NULL;
	int64_t plan_id, head, v_from, v_to;
	int err;
	if (!store || !out)
		return kik__store_fail(KIK_EINVAL, "kik_store_diff needs a store and `out`");
	if (!kik__utf8_ok(plan))
		return kik__store_fail(KIK_EINVAL, "a plan's name must be UTF-8");
	if ((err = kik__store_enter(store, 0)) < 0)
		return err;
	if ((err = kik__store_begin(s, 0)) == 0) {
		if ((err = kik__store_find_plan(s, plan, 0, &plan_id, &head)) == 0) {
			v_from = v_to = head;
			if ((err = kik__store_find_version(s, plan_id, from, &v_from)) == 0 &&
			    (err = kik__store_find_version(s, plan_id, to, &v_to)) == 0 &&
			    (err = kik__store_load_version(s, plan_id, v_from, &old_plan)) == 0)
				err = kik__store_load_version(s, plan_id, v_to, &new_plan);
		}
		err = kik__store_end_read(s, err); /* a read: nothing to keep */
	}
	kik__store_leave(store);
	/* (API 1.0: kik_plan_diff() reports its own errors) */
	if (err == 0 && (err = kik_plan_diff(old_plan, new_plan, out)) < 0)
		kik__store_fail(err, "out of memory");
	kik_plan_free(old_plan);
	kik_plan_free(new_plan);
	if (err == 0)
		kik__store_ok();
	return err;
}
