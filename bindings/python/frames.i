/* The columns of data frames, built in C where plans are large: measures, tasks, and
 * summaries per field, group or goal. Numbers come as raw little arrays (bytes) that
 * numpy reads without a copy; texts as lists of str; repeated names as (codes, names). */

%{
/* A growable array of fixed-size items, freed by the caller. */
typedef struct kik_py_array {
	char *data;
	size_t len, cap, size;
} kik_py_array;

static void *kik_py_push(kik_py_array *a)
{
	if (a->len == a->cap) {
		size_t cap = a->cap ? 2 * a->cap : 256;
		char *bigger = realloc(a->data, cap * a->size);
		if (!bigger)
			return NULL;
		a->data = bigger;
		a->cap = cap;
	}
	return a->data + a->size * a->len++;
}

/* The array's items as bytes. */
static PyObject *kik_py_array_bytes(const kik_py_array *a)
{
	return PyBytes_FromStringAndSize(a->data ? a->data : "", (Py_ssize_t)(a->len * a->size));
}

/* Appends a new reference; 0, or -1 with the error set (the reference is dropped). */
static int kik_py_append(PyObject *list, PyObject *item)
{
	int err = item ? PyList_Append(list, item) : -1;
	Py_XDECREF(item);
	return err;
}

/* Texts by number: each distinct text gets the next number, in the order first seen. An
 * open-addressing table of the texts' hashes; the texts themselves live in the plan. */
typedef struct kik_py_names {
	const char **texts;
	int32_t *codes;
	size_t cap, count;
	PyObject *list; /* the texts as str, by number */
} kik_py_names;

static uint64_t kik_py_hash(const char *s)
{
	uint64_t h = 1469598103934665603ULL;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h;
}

/* The number of `text`, numbering it if new; -1 with the error set. */
static int32_t kik_py_name_code(kik_py_names *n, const char *text)
{
	size_t i;
	if (2 * (n->count + 1) > n->cap) {
		size_t cap = n->cap ? 2 * n->cap : 64, k;
		const char **texts = calloc(cap, sizeof(*texts));
		int32_t *codes = calloc(cap, sizeof(*codes));
		if (!texts || !codes) {
			free(texts);
			free(codes);
			PyErr_NoMemory();
			return -1;
		}
		for (k = 0; k < n->cap; k++) {
			if (!n->texts[k])
				continue;
			for (i = kik_py_hash(n->texts[k]) & (cap - 1); texts[i]; i = (i + 1) & (cap - 1))
				;
			texts[i] = n->texts[k];
			codes[i] = n->codes[k];
		}
		free(n->texts);
		free(n->codes);
		n->texts = texts;
		n->codes = codes;
		n->cap = cap;
	}
	for (i = kik_py_hash(text) & (n->cap - 1); n->texts[i]; i = (i + 1) & (n->cap - 1))
		if (strcmp(n->texts[i], text) == 0)
			return n->codes[i];
	if (kik_py_append(n->list, kik_py_str(text)) < 0)
		return -1;
	n->texts[i] = text;
	n->codes[i] = (int32_t)n->count;
	return (int32_t)n->count++;
}

static void kik_py_names_free(kik_py_names *n)
{
	free(n->texts);
	free(n->codes);
	Py_XDECREF(n->list);
}

/* The number of the `n` digits at `s`. */
static long kik_py_digits(const char *s, int n)
{
	long v = 0;
	while (n--)
		v = v * 10 + (*s++ - '0');
	return v;
}

/* Days since 1970-01-01 of an ISO date "YYYY-MM-DD" (the library checks the form), or
 * INT64_MIN (NaT) for "". */
static int64_t kik_py_days(const char *date)
{
	long y, m, d, era;
	unsigned yoe, doy, doe;
	if (!date[0])
		return INT64_MIN;
	y = kik_py_digits(date, 4);
	m = kik_py_digits(date + 5, 2);
	d = kik_py_digits(date + 8, 2);
	/* days_from_civil (H. Hinnant) */
	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned)(y - era * 400);
	doy = (unsigned)((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1);
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (int64_t)era * 146097 + (int64_t)doe - 719468;
}

/* The number of measure `number` ("4.6") within its goal: 6. */
static uint32_t kik_py_measure_no(const char *number)
{
	const char *dot = strchr(number, '.');
	return dot ? (uint32_t)strtoul(dot + 1, NULL, 10) : 0;
}
%}

%inline %{
/** The measures as columns in document order: a dict with lists of str (id, measure,
 * text), raw arrays as bytes (goal and measure_no uint32, tasks uint32, status and
 * recorded_status int8 codes) and (int32 codes, names) for field, group and goal_text. */
PyObject *kik_py_measure_columns(const kik_plan *plan)
{
	size_t n = kik_plan_measure_count(plan), f, g, i, row = 0;
	PyObject *result = NULL, *ids = PyList_New((Py_ssize_t)n), *numbers = PyList_New((Py_ssize_t)n),
		 *texts = PyList_New((Py_ssize_t)n), *fields = PyList_New(0);
	kik_py_names groups = { 0 }, goal_texts = { 0 };
	int32_t *field_codes = malloc(n * 4 + 1), *group_codes = malloc(n * 4 + 1), *goal_codes = malloc(n * 4 + 1);
	uint32_t *goal_numbers = malloc(n * 4 + 1), *measure_nos = malloc(n * 4 + 1), *task_counts = malloc(n * 4 + 1);
	int8_t *status = malloc(n + 1), *recorded = malloc(n + 1);
	groups.list = PyList_New(0);
	goal_texts.list = PyList_New(0);
	if (!ids || !numbers || !texts || !fields || !groups.list || !goal_texts.list || !field_codes || !group_codes ||
	    !goal_codes || !goal_numbers || !measure_nos || !task_counts || !status || !recorded) {
		PyErr_NoMemory();
		goto done;
	}
	/* fields, goals and measures in document order: the plan's own order */
	for (f = 0; f < kik_plan_field_count(plan); f++) {
		const kik_field *field = kik_plan_field(plan, f);
		if (kik_py_append(fields, kik_py_str(kik_field_code(field))) < 0)
			goto done;
		for (g = 0; g < kik_field_goal_count(field); g++) {
			const kik_goal *goal = kik_field_goal(field, g);
			const kik_group *group = kik_goal_group(goal);
			int32_t group_code = group ? kik_py_name_code(&groups, kik_group_name(group)) : -1;
			int32_t text_code = kik_py_name_code(&goal_texts, kik_goal_text(goal));
			if (PyErr_Occurred())
				goto done;
			for (i = 0; i < kik_goal_measure_count(goal) && row < n; i++, row++) {
				const kik_measure *m = kik_goal_measure(goal, i);
				PyList_SET_ITEM(ids, (Py_ssize_t)row, kik_py_ascii(kik_measure_id(m)));
				PyList_SET_ITEM(numbers, (Py_ssize_t)row, kik_py_ascii(kik_measure_number(m)));
				PyList_SET_ITEM(texts, (Py_ssize_t)row, kik_py_str(kik_measure_text(m)));
				if (!PyList_GET_ITEM(ids, row) || !PyList_GET_ITEM(numbers, row) || !PyList_GET_ITEM(texts, row))
					goto done;
				field_codes[row] = (int32_t)f;
				group_codes[row] = group_code;
				goal_codes[row] = text_code;
				goal_numbers[row] = kik_goal_number(goal);
				measure_nos[row] = kik_py_measure_no(kik_measure_number(m));
				task_counts[row] = (uint32_t)kik_measure_task_count(m);
				status[row] = (int8_t)kik_measure_status(m);
				recorded[row] = (int8_t)kik_measure_recorded_status(m);
			}
		}
	}
	result = Py_BuildValue("{s:O,s:O,s:O,s:(y#O),s:(y#O),s:(y#O),s:y#,s:y#,s:y#,s:y#,s:y#}", "id", ids, "measure",
			       numbers, "text", texts, "field", (const char *)field_codes, (Py_ssize_t)(n * 4), fields,
			       "group", (const char *)group_codes, (Py_ssize_t)(n * 4), groups.list, "goal_text",
			       (const char *)goal_codes, (Py_ssize_t)(n * 4), goal_texts.list, "goal",
			       (const char *)goal_numbers, (Py_ssize_t)(n * 4), "measure_no", (const char *)measure_nos,
			       (Py_ssize_t)(n * 4), "tasks", (const char *)task_counts, (Py_ssize_t)(n * 4), "status",
			       (const char *)status, (Py_ssize_t)n, "recorded_status", (const char *)recorded,
			       (Py_ssize_t)n);
done:
	Py_XDECREF(ids);
	Py_XDECREF(numbers);
	Py_XDECREF(texts);
	Py_XDECREF(fields);
	kik_py_names_free(&groups);
	kik_py_names_free(&goal_texts);
	free(field_codes);
	free(group_codes);
	free(goal_codes);
	free(goal_numbers);
	free(measure_nos);
	free(task_counts);
	free(status);
	free(recorded);
	return result;
}

/** The tasks as columns, measure by measure in document order: task_id (uint32), kind and
 * state (int8 codes), due (int64 days since 1970, INT64_MIN for none) as bytes; title as
 * a list of str; (int32 codes, names) for field, measure (all the plan's ids) and owner
 * (-1 for none). */
PyObject *kik_py_task_columns(const kik_plan *plan)
{
	size_t n = kik_plan_task_count(plan), measures = kik_plan_measure_count(plan), f, g, i, t, row = 0;
	PyObject *result = NULL, *titles = PyList_New((Py_ssize_t)n), *fields = PyList_New(0),
		 *ids = PyList_New((Py_ssize_t)measures);
	kik_py_names owners = { 0 };
	const char *last_owner = NULL; /* tasks in a row mostly share an owner: its number */
	int32_t last_code = -1;
	uint32_t *task_ids = malloc(n * 4 + 1);
	int32_t *field_codes = malloc(n * 4 + 1), *measure_codes = malloc(n * 4 + 1), *owner_codes = malloc(n * 4 + 1);
	int8_t *kinds = malloc(n + 1), *states = malloc(n + 1);
	int64_t *due = malloc(n * 8 + 1);
	size_t m = 0;
	owners.list = PyList_New(0);
	if (!titles || !fields || !ids || !owners.list || !task_ids || !field_codes || !measure_codes || !owner_codes ||
	    !kinds || !states || !due) {
		PyErr_NoMemory();
		goto done;
	}
	for (f = 0; f < kik_plan_field_count(plan); f++) {
		const kik_field *field = kik_plan_field(plan, f);
		if (kik_py_append(fields, kik_py_str(kik_field_code(field))) < 0)
			goto done;
		for (g = 0; g < kik_field_goal_count(field); g++) {
			const kik_goal *goal = kik_field_goal(field, g);
			for (i = 0; i < kik_goal_measure_count(goal) && m < measures; i++, m++) {
				const kik_measure *measure = kik_goal_measure(goal, i);
				PyObject *id = kik_py_ascii(kik_measure_id(measure));
				if (!id)
					goto done;
				PyList_SET_ITEM(ids, (Py_ssize_t)m, id);
				for (t = 0; t < kik_measure_task_count(measure) && row < n; t++, row++) {
					const kik_task *task = kik_measure_task(measure, t);
					const char *owner = kik_task_owner(task);
					PyObject *title = kik_py_str(kik_task_title(task));
					if (!title)
						goto done;
					PyList_SET_ITEM(titles, (Py_ssize_t)row, title);
					task_ids[row] = (uint32_t)kik_task_id(task);
					field_codes[row] = (int32_t)f;
					measure_codes[row] = (int32_t)m;
					kinds[row] = (int8_t)kik_task_kind_of(task);
					states[row] = (int8_t)kik_task_state_of(task);
					due[row] = kik_py_days(kik_task_due(task));
					if (owner != last_owner) {
						last_code = *owner ? kik_py_name_code(&owners, owner) : -1;
						last_owner = owner;
						if (PyErr_Occurred())
							goto done;
					}
					owner_codes[row] = last_code;
				}
			}
		}
	}
	if (row != n) { /* the plan's count and its measures' tasks disagree: never */
		PyErr_SetString(PyExc_RuntimeError, "the plan's tasks could not all be found");
		goto done;
	}
	result = Py_BuildValue("{s:y#,s:(y#O),s:(y#O),s:y#,s:y#,s:O,s:y#,s:(y#O)}", "task_id", (const char *)task_ids,
			       (Py_ssize_t)(n * 4), "field", (const char *)field_codes, (Py_ssize_t)(n * 4), fields,
			       "measure", (const char *)measure_codes, (Py_ssize_t)(n * 4), ids, "kind",
			       (const char *)kinds, (Py_ssize_t)n, "state", (const char *)states, (Py_ssize_t)n, "title",
			       titles, "due", (const char *)due, (Py_ssize_t)(n * 8), "owner", (const char *)owner_codes,
			       (Py_ssize_t)(n * 4), owners.list);
done:
	Py_XDECREF(titles);
	Py_XDECREF(fields);
	Py_XDECREF(ids);
	kik_py_names_free(&owners);
	free(task_ids);
	free(field_codes);
	free(measure_codes);
	free(owner_codes);
	free(kinds);
	free(states);
	free(due);
	return result;
}

/** Summaries as columns, one row per field (level 0), group (1) or goal (2), in document
 * order: "counts" is int64 bytes of 8 per row (goals, measures, the three counts and the
 * three whole percentages); "field" int32 field numbers; "group" a list of group names
 * (None for a goal without one); "goal" uint32 numbers and "goal_text" a list of str. */
PyObject *kik_py_summary_columns(const kik_plan *plan, int level)
{
	kik_py_array counts = { NULL, 0, 0, 8 * sizeof(int64_t) }, field_codes = { NULL, 0, 0, sizeof(int32_t) },
		     numbers = { NULL, 0, 0, sizeof(uint32_t) };
	PyObject *result = NULL, *groups = PyList_New(0), *goal_texts = PyList_New(0);
	size_t f, k, st;
	if (!groups || !goal_texts)
		goto done;
	for (f = 0; f < kik_plan_field_count(plan); f++) {
		const kik_field *field = kik_plan_field(plan, f);
		size_t rows = level == 0 ? 1 : level == 1 ? kik_field_group_count(field) : kik_field_goal_count(field);
		for (k = 0; k < rows; k++) {
			kik_summary *s = NULL;
			int64_t *c = kik_py_push(&counts);
			int32_t *code = kik_py_push(&field_codes);
			uint32_t *number = kik_py_push(&numbers);
			int err;
			if (!c || !code || !number) {
				PyErr_NoMemory();
				goto done;
			}
			*code = (int32_t)f;
			*number = 0;
			if (level == 0) {
				err = kik_summary_of_field(field, &s);
			} else if (level == 1) {
				const kik_group *group = kik_field_group(field, k);
				err = kik_summary_of_group(group, &s);
				if (kik_py_append(groups, kik_py_str(kik_group_name(group))) < 0)
					err = 1;
			} else {
				const kik_goal *goal = kik_field_goal(field, k);
				const kik_group *group = kik_goal_group(goal);
				err = kik_summary_of_goal(goal, &s);
				*number = kik_goal_number(goal);
				if (kik_py_append(groups, group ? kik_py_str(kik_group_name(group))
								: (Py_INCREF(Py_None), Py_None)) < 0 ||
				    kik_py_append(goal_texts, kik_py_str(kik_goal_text(goal))) < 0)
					err = 1;
			}
			if (err) {
				if (err < 0)
					kik_py_raise(err, kik_error_last());
				kik_summary_free(s);
				goto done;
			}
			c[0] = (int64_t)kik_summary_goals(s);
			c[1] = (int64_t)kik_summary_measures(s);
			for (st = 0; st < 3; st++) {
				c[2 + st] = (int64_t)kik_summary_count(s, (kik_status)st);
				c[5 + st] = (int64_t)kik_summary_percent(s, (kik_status)st);
			}
			kik_summary_free(s);
		}
	}
	result = Py_BuildValue("{s:N,s:N,s:O,s:N,s:O}", "counts", kik_py_array_bytes(&counts), "field",
			       kik_py_array_bytes(&field_codes), "group", groups, "goal", kik_py_array_bytes(&numbers),
			       "goal_text", goal_texts);
done:
	Py_XDECREF(groups);
	Py_XDECREF(goal_texts);
	free(counts.data);
	free(field_codes.data);
	free(numbers.data);
	return result;
}
%}
