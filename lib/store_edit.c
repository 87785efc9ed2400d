/* Edits of the working state through the store, and the change log. The store keeps the
 * working state it loaded for the first edit, applies each edit to it with the plan's own
 * call (so the checks and errors are the plan's), writes the rows the edit changed, and
 * logs the edit, all in one transaction. */
#include "store_internal.h"

#include <stdio.h>
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

/* ---- the change log ------------------------------------------------------------ */

int kik__store_log(kik_store *s, int64_t plan_id, int64_t version, const kik_edit_info *info, const kik__log_entry *e)
{
	static const char sql[] = "INSERT INTO kik_changes (plan_id, version, at, author, action, object, measure, "
				  "task_id, what, old, new, status, state, note) "
				  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)";
	/* ?10 .. ?13: NULL where the entry has none */
	const char *optional[] = { e->old_value, e->new_value, e->status, e->state };
	sqlite3_stmt *st;
	char now[32];
	int k, err;
	kik__store_now(now);
	if ((err = kik__sql_prepare(s->db, sql, &st)) < 0)
		return err;
	sqlite3_bind_int64(st, 1, plan_id);
	sqlite3_bind_int64(st, 2, version);
	sqlite3_bind_text(st, 3, now, -1, SQLITE_STATIC); /* bound without a copy: none can fail */
	sqlite3_bind_text(st, 4, info && info->author ? info->author : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, e->action, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, e->object ? e->object : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, e->measure ? e->measure : "", -1, SQLITE_STATIC);
	if (e->task_id)
		sqlite3_bind_int64(st, 8, (int64_t)e->task_id);
	sqlite3_bind_text(st, 9, e->what ? e->what : "", -1, SQLITE_STATIC);
	for (k = 0; k < 4; k++)
		if (optional[k])
			sqlite3_bind_text(st, 10 + k, optional[k], -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 14, info && info->note ? info->note : "", -1, SQLITE_STATIC);
	err = kik__sql_step(s->db, st, "writing the change log");
	sqlite3_finalize(st);
	return err < 0 ? err : 0;
}

/* ---- an edit ---------------------------------------------------------------------- */

typedef struct edit {
	kik_store *store;
	kik__sync sync;
	kik_plan *work;
	const kik_edit_info *info;
	kik__log_entry log;
	char old_text[512], new_text[512], object[64];
} edit;

/* Starts an edit of plan `plan`: the write lock, the plan, its working state. */
static int begin(edit *e, kik_store *store, const char *plan, const kik_edit_info *info)
{
	int err;
	memset(e, 0, sizeof(*e));
	e->store = store;
	e->info = info;
	e->sync.store = store;
	if (!store)
		return kik__store_fail(KIK_EINVAL, "an edit needs a store");
	if (!kik__utf8_ok(plan))
		return kik__store_fail(KIK_EINVAL, "a plan's name must be UTF-8");
	if ((err = kik__check_edit_info(info)) < 0 || (err = kik__store_enter(store, 1)) < 0)
		return err;
	if ((err = kik__store_begin(store, 1)) < 0) {
		kik__store_leave(store);
		return err;
	}
	if ((err = kik__store_find_plan(store, plan, 0, &e->sync.plan_id, &e->sync.head)) < 0 ||
	    (err = kik__store_work(store, e->sync.plan_id, e->sync.head, &e->work)) < 0) {
		kik__store_rollback(store);
		kik__store_leave(store);
	}
	return err;
}

/* Ends an edit. `changed`: the working state kept was changed, so it must be forgotten
 * unless the edit commits. */
static int end(edit *e, int err, int changed)
{
	if (err == 0)
		err = kik__store_log(e->store, e->sync.plan_id, e->sync.head, e->info, &e->log);
	if (err == 0)
		err = kik__store_commit(e->store);
	if (err < 0) {
		kik__store_rollback(e->store);
		if (changed)
			kik__store_forget_work(e->store);
	}
	kik__store_leave(e->store);
	if (err == 0)
		kik__store_ok();
	return err;
}

/* Writes the row of the item with this key as the working state has it now. */
static int write_item(edit *e, const kik__part *p, const kik__val *key)
{
	kik__cursor c;
	memset(&c, 0, sizeof(c));
	c.plan = e->work;
	return p->find(&c, key) ? kik__sync_item(&e->sync, p, &c) : 0;
}

static int write_task(edit *e, unsigned long id)
{
	kik__val key = { KIK__INT, (int64_t)id, NULL };
	return write_item(e, &kik__part_tasks, &key);
}

/* The rows of every task of a measure: their places in its list moved. */
static int write_tasks_of(edit *e, const kik_measure *m)
{
	size_t j;
	int err = 0;
	for (j = 0; err == 0 && j < kik_measure_task_count(m); j++)
		err = write_task(e, kik_task_id(kik_measure_task(m, j)));
	return err;
}

/* The row of a measure (its status may have changed). */
static int write_measure(edit *e, const kik_measure *m)
{
	kik__val key[3] = { { KIK__TEXT, 0, kik_field_code(kik_measure_field(m)) },
			    { KIK__INT, kik_goal_number(kik_measure_goal(m)), NULL },
			    { KIK__INT, m->sub, NULL } };
	return write_item(e, &kik__part_measures, key);
}

/* The rows of the measures of a goal, and of the goals and groups of its field: a measure
 * put or removed may have moved its siblings, made a goal or a group, or changed them. */
static int write_around(edit *e, const kik_field *field, const kik_goal *goal)
{
	kik__cursor scope;
	int err = 0;
	memset(&scope, 0, sizeof(scope));
	scope.plan = e->work;
	scope.field = field;
	scope.goal = goal;
	if (goal)
		err = kik__sync_part(&e->sync, &kik__part_measures, &scope);
	scope.goal = NULL;
	if (err == 0)
		err = kik__sync_part(&e->sync, &kik__part_goals, &scope);
	if (err == 0)
		err = kik__sync_part(&e->sync, &kik__part_groups, &scope);
	return err;
}

/* Drops the row of a task that the plan no longer has. */
static int drop_task(edit *e, unsigned long id)
{
	kik__val key = { KIK__INT, (int64_t)id, NULL };
	return kik__sync_drop(&e->sync, &kik__part_tasks, &key);
}

static int write_info(edit *e)
{
	kik__cursor scope;
	memset(&scope, 0, sizeof(scope));
	scope.plan = e->work;
	return kik__sync_part(&e->sync, &kik__part_info, &scope);
}

/* The rows of the report's content: a removed measure takes its note with it and leaves
 * the projects and rounds that named it. */
static int write_content(edit *e)
{
	kik__cursor scope;
	size_t i;
	int err = 0;
	memset(&scope, 0, sizeof(scope));
	scope.plan = e->work;
	for (i = 0; err == 0 && i < kik__part_count; i++)
		if (kik__parts[i]->finished_plan)
			err = kik__sync_part(&e->sync, kik__parts[i], &scope);
	return err;
}

/* "ag: Fachtag (open, due 2024-03-15, AG Bildung)" */
static void describe_task(const kik_task *t, char *out, size_t cap)
{
	const char *due = kik_task_due(t), *owner = kik_task_owner(t);
	snprintf(out, cap, "%s: %s (%s%s%s%s%s)", kik_task_kind_key(kik_task_kind_of(t)), kik_task_title(t),
		 kik_task_state_key(kik_task_state_of(t)), *due ? ", due " : "", due, *owner ? ", " : "", owner);
}

/* "in_progress: Angebote werden gesammelt" (the recorded status) */
static void describe_measure(const kik_measure *m, char *out, size_t cap)
{
	snprintf(out, cap, "%s: %s", kik_status_key(kik_measure_recorded_status(m)), kik_measure_text(m));
}

/* The log's view of the task and its measure after an edit. */
static void log_task(edit *e, const char *action, const kik_task *t, unsigned long id, const char *measure)
{
	snprintf(e->object, sizeof(e->object), "%lu", id);
	e->log.action = action;
	e->log.object = e->object;
	e->log.task_id = id;
	e->log.measure = measure;
	e->log.state = t ? kik_task_state_key(kik_task_state_of(t)) : NULL;
	e->log.status = measure ? kik_status_key(kik_measure_status(kik_plan_find_measure(e->work, measure))) : NULL;
}

int kik_store_set_task_state(kik_store *store, const char *plan, unsigned long id, kik_task_state state,
			     const kik_edit_info *info)
{
	const kik_task *t;
	kik_task_state before;
	edit e;
	int err;
	if ((err = begin(&e, store, plan, info)) < 0)
		return err;
	before = kik_task_state_of(kik_plan_find_task(e.work, id));
	if ((err = kik_plan_set_task_state(e.work, id, state)) < 0)
		return end(&e, err, 0);
	t = kik_plan_find_task(e.work, id);
	if ((err = write_task(&e, id)) == 0)
		err = write_measure(&e, kik_task_measure(t));
	log_task(&e, "set_task_state", t, id, kik_measure_id(kik_task_measure(t)));
	e.log.what = "state";
	e.log.old_value = kik_task_state_key(before);
	e.log.new_value = kik_task_state_key(state);
	return end(&e, err, 1);
}

int kik_store_add_task(kik_store *store, const char *plan, const kik_task_desc *desc, const kik_edit_info *info,
		       unsigned long *id)
{
	const kik_task *t;
	unsigned long added;
	edit e;
	int err;
	if ((err = begin(&e, store, plan, info)) < 0)
		return err;
	if ((err = kik_plan_add_task(e.work, desc, &t)) < 0)
		return end(&e, err, 0);
	if ((err = write_task(&e, kik_task_id(t))) == 0 && (err = write_measure(&e, kik_task_measure(t))) == 0)
		err = write_info(&e);
	describe_task(t, e.new_text, sizeof(e.new_text));
	log_task(&e, "add_task", t, kik_task_id(t), kik_measure_id(kik_task_measure(t)));
	e.log.what = "task";
	e.log.new_value = e.new_text;
	added = kik_task_id(t);
	if ((err = end(&e, err, 1)) == 0 && id) /* only for a change that was committed */
		*id = added;
	return err;
}

/* The task `id` as it was before an edit: described in e->old_text, its measure's id in
 * measure[0..cap) ("" when there is no such task: the edit then fails). */
static void task_before(edit *e, unsigned long id, char *measure, size_t cap)
{
	const kik_task *t = kik_plan_find_task(e->work, id);
	if (t) {
		describe_task(t, e->old_text, sizeof(e->old_text));
		snprintf(measure, cap, "%s", kik_measure_id(kik_task_measure(t)));
	}
}

int kik_store_update_task(kik_store *store, const char *plan, unsigned long id, const kik_task_desc *desc,
			  const kik_edit_info *info)
{
	const kik_task *t;
	const kik_measure *from;
	char from_id[64] = "";
	edit e;
	int err;
	if ((err = begin(&e, store, plan, info)) < 0)
		return err;
	task_before(&e, id, from_id, sizeof(from_id));
	if ((err = kik_plan_update_task(e.work, id, desc)) < 0)
		return end(&e, err, 0);
	t = kik_plan_find_task(e.work, id);
	from = kik_plan_find_measure(e.work, from_id);
	if ((err = write_task(&e, id)) == 0 && (err = write_measure(&e, kik_task_measure(t))) == 0 &&
	    from != kik_task_measure(t) && (err = write_tasks_of(&e, from)) == 0)
		err = write_measure(&e, from); /* moved: the old measure's list and status changed too */
	describe_task(t, e.new_text, sizeof(e.new_text));
	log_task(&e, "update_task", t, id, kik_measure_id(kik_task_measure(t)));
	e.log.what = "task";
	e.log.old_value = e.old_text;
	e.log.new_value = e.new_text;
	return end(&e, err, 1);
}

int kik_store_remove_task(kik_store *store, const char *plan, unsigned long id, const kik_edit_info *info)
{
	const kik_measure *m;
	char measure[64] = "";
	edit e;
	int err;
	if ((err = begin(&e, store, plan, info)) < 0)
		return err;
	task_before(&e, id, measure, sizeof(measure));
	if ((err = kik_plan_remove_task(e.work, id)) < 0)
		return end(&e, err, 0);
	m = kik_plan_find_measure(e.work, measure);
	if ((err = drop_task(&e, id)) == 0 && (err = write_tasks_of(&e, m)) == 0)
		err = write_measure(&e, m);
	log_task(&e, "remove_task", NULL, id, measure);
	e.log.what = "task";
	e.log.old_value = e.old_text;
	return end(&e, err, 1);
}

/* add_measure and put_measure: `add` refuses an existing id. */
static int put_measure(kik_store *store, const char *plan, const kik_measure_desc *desc, const kik_edit_info *info,
		       int add)
{
	const kik_measure *m;
	edit e;
	int err;
	if ((err = begin(&e, store, plan, info)) < 0)
		return err;
	if (!add && desc && desc->field && desc->number && kik_plan_find_field(e.work, desc->field)) {
		/* the measure before, when it was there */
		snprintf(e.object, sizeof(e.object), "%s-%s", kik_field_code(kik_plan_find_field(e.work, desc->field)),
			 desc->number);
		if ((m = kik_plan_find_measure(e.work, e.object))) {
			describe_measure(m, e.old_text, sizeof(e.old_text));
			e.log.old_value = e.old_text;
		}
	}
	err = add ? kik_plan_add_measure(e.work, desc, &m) : kik_plan_put_measure(e.work, desc, &m);
	if (err < 0)
		return end(&e, err, 0);
	err = write_around(&e, kik_measure_field(m), kik_measure_goal(m));
	snprintf(e.object, sizeof(e.object), "%s", kik_measure_id(m));
	describe_measure(m, e.new_text, sizeof(e.new_text));
	e.log.action = add ? "add_measure" : "put_measure";
	e.log.object = e.object;
	e.log.measure = e.object;
	e.log.what = "measure";
	e.log.new_value = e.new_text;
	e.log.status = kik_status_key(kik_measure_status(m));
	return end(&e, err, 1);
}

int kik_store_add_measure(kik_store *store, const char *plan, const kik_measure_desc *desc, const kik_edit_info *info)
{
	return put_measure(store, plan, desc, info, 1);
}

int kik_store_put_measure(kik_store *store, const char *plan, const kik_measure_desc *desc, const kik_edit_info *info)
{
	return put_measure(store, plan, desc, info, 0);
}

int kik_store_remove_measure(kik_store *store, const char *plan, const char *id, const kik_edit_info *info)
{
	const kik_measure *m;
	const kik_field *field = NULL;
	const kik_goal *goal = NULL;
	unsigned long *tasks = NULL;
	size_t n = 0, i;
	edit e;
	int err;
	if ((err = begin(&e, store, plan, info)) < 0)
		return err;
	if (id && (m = kik_plan_find_measure(e.work, id))) {
		/* its tasks go with it: their ids, to drop their rows */
		n = kik_measure_task_count(m);
		if (n && !(tasks = kik__malloc(&store->alloc, n * sizeof(*tasks))))
			return end(&e, kik__store_fail(KIK_ENOMEM, "out of memory"), 0);
		for (i = 0; i < n; i++)
			tasks[i] = kik_task_id(kik_measure_task(m, i));
		describe_measure(m, e.old_text, sizeof(e.old_text));
		snprintf(e.object, sizeof(e.object), "%s", kik_measure_id(m));
		field = kik_measure_field(m);
		goal = kik_measure_goal(m);
	}
	if ((err = kik_plan_remove_measure(e.work, id)) < 0) {
		kik__free(&store->alloc, tasks);
		return end(&e, err, 0);
	}
	for (i = 0; err == 0 && i < n; i++)
		err = drop_task(&e, tasks[i]);
	kik__free(&store->alloc, tasks);
	/* its goal stays: the goal's other measures' places may have moved */
	if (err == 0)
		err = write_around(&e, field, goal);
	if (err == 0)
		err = write_content(&e);
	e.log.action = "remove_measure";
	e.log.object = e.object;
	e.log.measure = e.object;
	e.log.what = "measure";
	e.log.old_value = e.old_text;
	return end(&e, err, 1);
}

int kik_store_set_recorded_status(kik_store *store, const char *plan, const char *id, kik_status status,
				  kik_status *counted, const kik_edit_info *info)
{
	const kik_measure *m;
	kik_status before, now_counted;
	edit e;
	int err;
	if ((err = begin(&e, store, plan, info)) < 0)
		return err;
	before = kik_measure_recorded_status(kik_plan_find_measure(e.work, id));
	if ((err = kik_plan_set_recorded_status(e.work, id, status, &now_counted)) < 0)
		return end(&e, err, 0);
	m = kik_plan_find_measure(e.work, id);
	err = write_measure(&e, m);
	snprintf(e.object, sizeof(e.object), "%s", kik_measure_id(m));
	e.log.action = "set_recorded_status";
	e.log.object = e.object;
	e.log.measure = e.object;
	e.log.what = "recorded";
	e.log.old_value = kik_status_key(before);
	e.log.new_value = kik_status_key(status);
	e.log.status = kik_status_key(kik_measure_status(m));
	if ((err = end(&e, err, 1)) == 0 && counted) /* only for a change that was committed */
		*counted = now_counted;
	return err;
}
