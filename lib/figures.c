/* Context figures: units, values in German and English notation, and the records. */
#include "content.h"

#include <stdio.h>
#include <string.h>

static const char *const unit_keys[] = { "count", "percent" };
static const char *const unit_labels[2][2] = { { "Anzahl", "Prozent" }, { "count", "percent" } };
static const char *const unit_aliases[] = { "Zahl|number|Anz.", "%|Prozentsatz|Anteil|share|pct" };

const char *kik_figure_unit_key(kik_figure_unit unit)
{
	return (unsigned)unit <= KIK_UNIT_PERCENT ? unit_keys[unit] : NULL;
}

const char *kik_figure_unit_label(kik_figure_unit unit, kik_lang lang)
{
	return (unsigned)unit <= KIK_UNIT_PERCENT && (unsigned)lang <= KIK_LANG_EN ? unit_labels[lang][unit] : NULL;
}

int kik_figure_unit_parse(const char *text, kik_figure_unit *out)
{
	int i;
	kik__error_clear(NULL);
	if (!out)
		return kik__error_arg("out is NULL");
	if (kik__check_text(text, "the unit") < 0)
		return KIK_EINVAL;
	/* "%" folds to nothing: compare it as written */
	i = strcmp(text, "%") == 0 ? KIK_UNIT_PERCENT
				   : kik__lookup_name(text, 2, unit_keys, unit_labels[0], unit_labels[1], unit_aliases);
	if (i < 0)
		return kik__error_set(NULL, KIK_EPARSE, NULL,
				      "'%s' is not a unit: expected count or percent (Anzahl or Prozent)", text);
	*out = (kik_figure_unit)i;
	return 0;
}

/* ---- reading values ---------------------------------------------------------------- */

/* The length of a space that groups digits at s (space, no-break, thin, narrow no-break), or 0. */
static size_t group_space(const unsigned char *s, const unsigned char *end)
{
	if (s < end && s[0] == ' ')
		return 1;
	if (end - s >= 2 && s[0] == 0xC2 && s[1] == 0xA0)
		return 2;
	if (end - s >= 3 && s[0] == 0xE2 && s[1] == 0x80 && (s[2] == 0x89 || s[2] == 0xAF))
		return 3;
	return 0;
}

/* The length of such a space that ends at `end`, or 0. */
static size_t space_before(const unsigned char *start, const unsigned char *end)
{
	size_t k;
	for (k = 1; k <= 3 && end - start >= (long)k; k++)
		if (group_space(end - k, end) == k)
			return k;
	return 0;
}

enum { MOST_RUNS = 9 };

/* A number as written: runs of digits and the separators between them. */
typedef struct written {
	const char *run[MOST_RUNS];
	size_t len[MOST_RUNS];
	char sep[MOST_RUNS]; /* after run i: '.', ',' or ' ' (any space) */
	int runs, negative, percent_sign;
} written;

static int split_number(const char *text, written *w)
{
	const unsigned char *p, *end;
	size_t n = strlen(text), k;
	memset(w, 0, sizeof(*w));
	p = (const unsigned char *)kik__trim(text, &n);
	end = p + n;
	if (p < end && end[-1] == '%') { /* "38,2 %", "38,2%" */
		w->percent_sign = 1;
		for (end--; (k = space_before(p, end)); end -= k)
			;
	}
	if (p < end && (*p == '-' || *p == '+'))
		w->negative = *p++ == '-';
	else if (end - p >= 3 && p[0] == 0xE2 && p[1] == 0x88 && p[2] == 0x92) /* U+2212 minus */
		w->negative = 1, p += 3;
	for (;;) {
		const unsigned char *start = p;
		while (p < end && *p >= '0' && *p <= '9')
			p++;
		if (p == start || w->runs == MOST_RUNS)
			return -1;
		w->run[w->runs] = (const char *)start;
		w->len[w->runs++] = (size_t)(p - start);
		if (p == end)
			return 0;
		if (*p == '.' || *p == ',')
			w->sep[w->runs - 1] = (char)*p++;
		else if ((k = group_space(p, end)))
			w->sep[w->runs - 1] = ' ', p += k;
		else
			return -1;
	}
}

/* Whether runs [0, n), n > 1, are digits grouped by thousands with one separator: 1 to 3
 * digits not starting with 0, then groups of three. */
static int grouped(const written *w, int n)
{
	int i;
	if (w->len[0] > 3 || w->run[0][0] == '0')
		return 0;
	for (i = 1; i < n; i++)
		if (w->len[i] != 3 || w->sep[i - 1] != w->sep[0])
			return 0;
	return 1;
}

/* Which run begins the decimals (w->runs when there are none); -1 when ambiguous. A '.'
 * or ',' is the decimal separator when it is the last separator and appears once while
 * something else groups the thousands; a lone one followed by other than three digits,
 * or after what cannot be thousands ("0,125", "1234.5"), too. A lone one followed by three
 * digits after one to three ("1.234") groups the thousands of a count and is ambiguous
 * for a percentage. */
static int decimals_from(const written *w, kik_figure_unit unit)
{
	int i, same = 0, other = 0;
	char last;
	if (w->runs == 1)
		return 1;
	last = w->sep[w->runs - 2];
	if (last == ' ')
		return w->runs;
	for (i = 0; i + 1 < w->runs; i++)
		if (w->sep[i] == last)
			same++;
		else
			other++;
	if (other)
		return w->runs - 1;
	if (same > 1)
		return w->runs;
	if (w->len[1] != 3 || !grouped(w, 2))
		return 1;
	return unit == KIK_UNIT_COUNT ? w->runs : -1;
}

int kik__figure_parse(const char *text, kik_figure_unit unit, int64_t *scaled, unsigned *decimals, char *why,
		      size_t cap)
{
	written w;
	int i, from;
	int64_t v = 0;
	unsigned places;
	if (split_number(text, &w) < 0) {
		snprintf(why, cap, "'%s' is not a number: expected digits such as 70.787, 70787 or 38,2 %%", text);
		return KIK_EPARSE;
	}
	if (w.percent_sign && unit != KIK_UNIT_PERCENT) {
		snprintf(why, cap, "'%s' has a percent sign, but the unit is a count", text);
		return KIK_EPARSE;
	}
	if ((from = decimals_from(&w, unit)) < 0) {
		snprintf(why, cap,
			 "'%s' is ambiguous: %.*s%.*s with a German thousands separator or %.*s.%.*s with an English "
			 "decimal point; write it without the thousands separator, or with at most two decimal places",
			 text, (int)w.len[0], w.run[0], (int)w.len[1], w.run[1], (int)w.len[0], w.run[0], (int)w.len[1],
			 w.run[1]);
		return KIK_EPARSE;
	}
	if (from > 1 && !grouped(&w, from)) {
		snprintf(why, cap, "'%s' is not a number: thousands are grouped by three digits (70.787, 1.234.567)",
			 text);
		return KIK_EPARSE;
	}
	places = from < w.runs ? (unsigned)w.len[from] : 0;
	if (unit == KIK_UNIT_COUNT && places) {
		snprintf(why, cap, "'%s' is not a count: expected a whole number", text);
		return KIK_EPARSE;
	}
	if (places > 2) {
		snprintf(why, cap, "'%s' has %u decimal places: expected at most two", text, places);
		return KIK_EPARSE;
	}
	for (i = 0; i < w.runs; i++) {
		size_t k;
		for (k = 0; k < w.len[i]; k++) {
			v = v * 10 + (w.run[i][k] - '0');
			if (v >= KIK__FIGURE_MAX) {
				snprintf(why, cap, "'%s' is too large: expected less than 10^15 in its last place",
					 text);
				return KIK_EPARSE;
			}
		}
	}
	*scaled = w.negative ? -v : v;
	*decimals = places;
	return 0;
}

int kik_figure_value_parse(const char *text, kik_figure_unit unit, double *value, unsigned *decimals)
{
	char why[300];
	int64_t scaled;
	unsigned places, k;
	double v;
	kik__error_clear(NULL);
	if (!value || !decimals)
		return kik__error_arg("value or decimals is NULL");
	if (kik__check_text(text, "the value") < 0)
		return KIK_EINVAL;
	if ((unsigned)unit > KIK_UNIT_PERCENT)
		return kik__error_set(NULL, KIK_EINVAL, NULL, "unit %d out of range", (int)unit);
	if (kik__figure_parse(text, unit, &scaled, &places, why, sizeof(why)) < 0)
		return kik__error_set(NULL, KIK_EPARSE, NULL, "%s", why);
	for (v = (double)scaled, k = 0; k < places; k++)
		v /= 10;
	*value = v;
	*decimals = places;
	return 0;
}

/* ---- writing values ------------------------------------------------------------------ */

void kik__figure_format(char *out, size_t cap, int64_t scaled, unsigned decimals, kik_figure_unit unit, int german,
			int for_file)
{
	char digits[32], body[64];
	uint64_t v = scaled < 0 ? (uint64_t)(-scaled) : (uint64_t)scaled;
	size_t len, whole, i, n = 0;
	int group = !for_file || (german && unit == KIK_UNIT_COUNT);
	len = (size_t)snprintf(digits, sizeof(digits), "%0*llu", (int)decimals + 1, (unsigned long long)v);
	whole = len - decimals;
	for (i = 0; i < whole; i++) {
		if (group && i && (whole - i) % 3 == 0)
			body[n++] = german ? '.' : ',';
		body[n++] = digits[i];
	}
	if (decimals) {
		body[n++] = german ? ',' : '.';
		memcpy(body + n, digits + whole, decimals);
		n += decimals;
	}
	body[n] = '\0';
	snprintf(out, cap, "%s%s%s", scaled < 0 ? "-" : "", body,
		 unit != KIK_UNIT_PERCENT || (for_file && !german) ? ""
		 : german                                          ? " %"
								   : "%");
}

/* ---- records ------------------------------------------------------------------------- */

void kik__figure_free(const kik_allocator *a, void *record)
{
	struct kik_figure *f = record;
	if (!f)
		return;
	kik__free(a, f->name);
	kik__free(a, f->date);
	kik__free(a, f->source);
	kik__free(a, f->share_of);
	kik__free(a, f);
}

int kik__figure_same(const void *x, const void *y)
{
	const struct kik_figure *a = x, *b = y;
	return strcmp(a->name, b->name) == 0 && strcmp(a->date, b->date) == 0;
}

int kik__figure_named(const kik_plan *plan, const kik__vec *more, const char *name)
{
	size_t i;
	for (i = 0; i < plan->content.figures.len; i++)
		if (strcmp(((const struct kik_figure *)plan->content.figures.items[i])->name, name) == 0)
			return 1;
	for (i = 0; more && i < more->len; i++)
		if (strcmp(((const struct kik_figure *)more->items[i])->name, name) == 0)
			return 1;
	return 0;
}

/* The scaled value of a description; an error set when it does not fit its unit. */
static int scale(const kik_figure_desc *d, const kik__origin *from, int64_t *out)
{
	double x = d->value;
	unsigned k;
	if (d->unit == KIK_UNIT_COUNT && d->decimals)
		return kik__content_fail(from, FIGURE_VALUE, 0, KIK_EINVAL, "a count has no decimal places (%u given)",
					 d->decimals);
	if (d->decimals > 2)
		return kik__content_fail(from, FIGURE_VALUE, 0, KIK_EINVAL,
					 "%u decimal places: a percentage has at most two", d->decimals);
	for (k = 0; k < d->decimals; k++)
		x *= 10;
	if (!(x > -(double)KIK__FIGURE_MAX && x < (double)KIK__FIGURE_MAX)) /* NaN too */
		return kik__content_fail(from, FIGURE_VALUE, 0, KIK_EINVAL,
					 "the value is out of range: expected less "
					 "than 10^15 in its last decimal place");
	*out = (int64_t)(x < 0 ? x - 0.5 : x + 0.5);
	if (d->unit == KIK_UNIT_COUNT && (double)*out != x)
		return kik__content_fail(from, FIGURE_VALUE, 0, KIK_EINVAL, "a count is a whole number: %g is not",
					 d->value);
	return 0;
}

int kik__figure_build(kik_plan *plan, const kik_figure_desc *d, const kik__origin *from, struct kik_figure **out)
{
	const kik_allocator *a = &plan->alloc;
	struct kik_figure *f;
	int err;
	if ((unsigned)d->unit > KIK_UNIT_PERCENT)
		return kik__content_fail(from, FIGURE_UNIT, 0, KIK_EINVAL, "unit %d out of range", (int)d->unit);
	if (!(f = kik__malloc(a, sizeof(*f))))
		return kik__error_set(plan, KIK_ENOMEM, NULL, "out of memory");
	memset(f, 0, sizeof(*f));
	f->unit = d->unit;
	f->decimals = d->decimals;
	if (!(f->name = kik__content_text(a, d->name)) || !(f->date = kik__content_text(a, d->date)) ||
	    !(f->source = kik__content_text(a, d->source)) || !(f->share_of = kik__content_text(a, d->share_of)))
		err = kik__error_set(plan, KIK_ENOMEM, NULL, "out of memory");
	else if (!*f->name)
		err = kik__content_fail(from, FIGURE_NAME, 0, KIK_EINVAL, "a figure needs a name: it is empty");
	else if (!kik__is_iso_date(f->date))
		err = kik__content_fail(from, FIGURE_DATE, 0, KIK_EINVAL, "'%s' is not a date: expected YYYY-MM-DD",
					f->date);
	else if (*f->share_of && f->unit != KIK_UNIT_PERCENT)
		err = kik__content_fail(from, FIGURE_SHARE_OF, 0, KIK_EINVAL,
					"only a percentage is a share of another figure; '%s' is a count", f->name);
	else if (strcmp(f->share_of, f->name) == 0)
		err = kik__content_fail(from, FIGURE_SHARE_OF, 0, KIK_EINVAL, "figure '%s' is a share of itself",
					f->name);
	else
		err = scale(d, from, &f->scaled);
	if (err < 0) {
		kik__figure_free(a, f);
		return err;
	}
	*out = f;
	return 0;
}

/* ---- getters ----------------------------------------------------------------------- */

size_t kik_plan_figure_count(const kik_plan *plan)
{
	return plan ? plan->content.figures.len : 0;
}

const kik_figure *kik_plan_figure(const kik_plan *plan, size_t i)
{
	return plan && i < plan->content.figures.len ? plan->content.figures.items[i] : NULL;
}

const kik_figure *kik_plan_find_figure(const kik_plan *plan, const char *name, const char *date)
{
	size_t i;
	for (i = 0; plan && name && date && i < plan->content.figures.len; i++) {
		const struct kik_figure *f = plan->content.figures.items[i];
		if (strcmp(f->name, name) == 0 && strcmp(f->date, date) == 0)
			return f;
	}
	return NULL;
}

const char *kik_figure_name(const kik_figure *f)
{
	return f ? f->name : NULL;
}

kik_figure_unit kik_figure_unit_of(const kik_figure *f)
{
	return f ? f->unit : KIK_UNIT_INVALID;
}

const char *kik_figure_date(const kik_figure *f)
{
	return f ? f->date : NULL;
}

double kik_figure_value(const kik_figure *f)
{
	double v;
	unsigned k;
	if (!f)
		return 0;
	for (v = (double)f->scaled, k = 0; k < f->decimals; k++)
		v /= 10;
	return v;
}

unsigned kik_figure_decimals(const kik_figure *f)
{
	return f ? f->decimals : 0;
}

const char *kik_figure_source(const kik_figure *f)
{
	return f ? f->source : NULL;
}

const char *kik_figure_share_of(const kik_figure *f)
{
	return f ? f->share_of : NULL;
}

/* ---- changes ----------------------------------------------------------------------- */

int kik_plan_put_figure(kik_plan *plan, const kik_figure_desc *desc, const kik_figure **out)
{
	struct kik_figure *f;
	int err;
	kik__error_clear(plan);
	if (!plan || !desc)
		return kik__error_arg(plan ? "the description is NULL" : "the plan is NULL");
	if (desc->version < 1 || desc->version > KIK_FIGURE_DESC_VERSION)
		return kik__error_set(plan, KIK_EINVAL, NULL, "figure description of version %u: expected 1 to %u",
				      desc->version, KIK_FIGURE_DESC_VERSION);
	if (kik__check_text(desc->name, "the name") < 0 || kik__check_text(desc->date, "the date") < 0 ||
	    (desc->source && kik__check_text(desc->source, "the source") < 0) ||
	    (desc->share_of && kik__check_text(desc->share_of, "share_of") < 0))
		return KIK_EINVAL;
	if ((err = kik__figure_build(plan, desc, NULL, &f)) < 0)
		return err;
	if (*f->share_of && !kik__figure_named(plan, NULL, f->share_of)) {
		kik__error_set(plan, KIK_ENOTFOUND, NULL, "no figure '%s' for '%s' to be a share of", f->share_of,
			       f->name);
		kik__figure_free(&plan->alloc, f);
		return KIK_ENOTFOUND;
	}
	if ((err = kik__content_put_one(plan, &plan->content.figures, f, kik__figure_same, kik__figure_free)) < 0)
		return err;
	if (out)
		*out = f;
	return 0;
}

int kik_plan_remove_figure(kik_plan *plan, const char *name, const char *date)
{
	kik__vec *list;
	size_t i, k, same_name = 0;
	long at = -1;
	kik__error_clear(plan);
	if (!plan)
		return kik__error_arg("the plan is NULL");
	if (kik__check_text(name, "the name") < 0 || kik__check_text(date, "the date") < 0)
		return KIK_EINVAL;
	list = &plan->content.figures;
	for (i = 0; i < list->len; i++) {
		const struct kik_figure *f = list->items[i];
		if (strcmp(f->name, name) == 0) {
			same_name++;
			if (strcmp(f->date, date) == 0)
				at = (long)i;
		}
	}
	if (at < 0)
		return kik__error_set(plan, KIK_ENOTFOUND, NULL, "no figure '%s' of %s", name, date);
	for (k = 0; same_name == 1 && k < list->len; k++)
		if (strcmp(((const struct kik_figure *)list->items[k])->share_of, name) == 0)
			return kik__error_set(plan, KIK_ENOTEMPTY, NULL,
					      "figure '%s' is a share of '%s': remove it first",
					      ((const struct kik_figure *)list->items[k])->name, name);
	kik__content_remove_at(&plan->alloc, list, (size_t)at, kik__figure_free);
	return 0;
}
