/* Text helpers: name folding for matching headers and field names, trimming, UTF-8 lengths. */
#include "encoding.h"

#include <stdio.h>
#include <string.h>

static int is_alnum_ascii(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

void kik__fold_name(const char *s, char *out, size_t cap)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = 0;
	if (cap == 0)
		return;
	while (*p && n + 2 < cap) {
		if (p[0] == 0xC3 && p[1]) {
			unsigned char c = p[1];
			if (c == 0x9F) { /* ß -> ss */
				out[n++] = 's';
				out[n++] = 's';
			} else if (c >= 0x80 && c <= 0x9E) { /* upper-case Latin-1 letter -> lower */
				out[n++] = (char)0xC3;
				out[n++] = (char)(c + 0x20);
			} else {
				out[n++] = (char)0xC3;
				out[n++] = (char)c;
			}
			p += 2;
		} else if (*p >= 0x80) {
			out[n++] = (char)*p++; /* other non-ASCII bytes are kept as they are */
		} else {
			if (is_alnum_ascii(*p))
				out[n++] = (char)((*p >= 'A' && *p <= 'Z') ? *p - 'A' + 'a' : *p);
			p++;
		}
	}
	out[n] = '\0';
}

const char *kik__trim(const char *s, size_t *len)
{
	size_t n = *len;
	for (;;) {
		if (n && (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')) {
			s++, n--;
		} else if (n >= 2 && (unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA0) {
			s += 2, n -= 2; /* no-break space, common in Word exports */
		} else {
			break;
		}
	}
	for (;;) {
		if (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n'))
			n--;
		else if (n >= 2 && (unsigned char)s[n - 2] == 0xC2 && (unsigned char)s[n - 1] == 0xA0)
			n -= 2;
		else
			break;
	}
	*len = n;
	return s;
}

const char *kik__find_word(const char *s, size_t len, const char *word)
{
	size_t i, k, n = strlen(word);
	for (i = 0; i + n <= len; i++) {
		for (k = 0; k < n && (s[i + k] | 0x20) == (word[k] | 0x20); k++)
			;
		if (k == n)
			return s + i;
	}
	return NULL;
}

int kik__is_iso_date(const char *s)
{
	static const unsigned char days[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int i, month, day;
	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return 0;
	month = (s[5] - '0') * 10 + (s[6] - '0');
	day = (s[8] - '0') * 10 + (s[9] - '0');
	if (month < 1 || month > 12 || day < 1 || day > days[month - 1])
		return 0;
	if (month == 2 && day == 29) {
		int year = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
		return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
	}
	return 1;
}

/* strcmp(a, b) == 0 inlined: the keys are short and it runs for cells of every row */
static int same_text(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return *a == *b;
}

/* Index of the first entry whose key, labels or aliases fold to the same as `text`; -1 if none. */
int kik__lookup_name(const char *text, int n, const char *const *keys, const char *const *labels_de,
		     const char *const *labels_en, const char *const *aliases)
{
	char folded[128], want[128];
	int i;
	for (i = 0; i < n; i++) /* the keys as written, the common case, need no folding */
		if (same_text(text, keys[i]))
			return i;
	kik__fold_name(text, folded, sizeof(folded));
	if (!*folded)
		return -1;
	for (i = 0; i < n; i++) {
		char names[256], *name, *save = NULL;
		const char *fixed[3] = { keys[i], labels_de ? labels_de[i] : NULL, labels_en ? labels_en[i] : NULL };
		int k;
		for (k = 0; k < 3; k++) {
			if (!fixed[k])
				continue;
			kik__fold_name(fixed[k], want, sizeof(want));
			if (strcmp(folded, want) == 0)
				return i;
		}
		if (!aliases)
			continue;
		snprintf(names, sizeof(names), "%s", aliases[i]);
		for (name = strtok_r(names, "|", &save); name; name = strtok_r(NULL, "|", &save)) {
			kik__fold_name(name, want, sizeof(want));
			if (strcmp(folded, want) == 0)
				return i;
		}
	}
	return -1;
}

static char *put_uint(char *p, unsigned long v)
{
	char digits[24];
	int n = 0;
	do
		digits[n++] = (char)('0' + v % 10);
	while ((v /= 10));
	while (n)
		*p++ = digits[--n];
	return p;
}

size_t kik__format_id(char *out, size_t cap, const char *prefix, char sep, unsigned long a, unsigned long b)
{
	size_t len = strlen(prefix);
	char *p;
	if (len + 44 > cap) { /* room for the separator, two numbers, a dot and the NUL */
		out[0] = '\0';
		return 0;
	}
	memcpy(out, prefix, len);
	p = out + len;
	if (sep)
		*p++ = sep;
	p = put_uint(p, a);
	if (b) {
		*p++ = '.';
		p = put_uint(p, b);
	}
	*p = '\0';
	return (size_t)(p - out);
}

int kik__utf8_valid(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		unsigned c = *p, need, cp;
		if (c < 0x80) {
			p++;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF)
			need = 1, cp = c & 0x1F;
		else if (c >= 0xE0 && c <= 0xEF)
			need = 2, cp = c & 0x0F;
		else if (c >= 0xF0 && c <= 0xF4)
			need = 3, cp = c & 0x07;
		else
			return 0;
		for (p++; need; need--, p++) {
			if ((*p & 0xC0) != 0x80)
				return 0; /* also the terminating NUL: a sequence cut short */
			cp = cp << 6 | (*p & 0x3Fu);
		}
		/* overlong forms, surrogates and beyond U+10FFFF */
		if ((c >= 0xE0 && cp < 0x800) || (cp >= 0xD800 && cp <= 0xDFFF) || (c >= 0xF0 && cp < 0x10000) ||
		    cp > 0x10FFFF)
			return 0;
	}
	return 1;
}

int kik__check_text(const char *s, const char *what)
{
	if (!s)
		return kik__error_set(NULL, KIK_EINVAL, NULL, "%s is NULL", what);
	if (!kik__utf8_valid(s))
		return kik__error_set(NULL, KIK_EINVAL, NULL, "%s is not valid UTF-8", what);
	return 0;
}

void kik__utf8_cut(char *s, size_t len)
{
	size_t start = len, need;
	/* the last lead byte within the last four, and whether its sequence is whole */
	while (start > 0 && len - start < 4 && ((unsigned char)s[start - 1] & 0xC0) == 0x80)
		start--;
	if (start == 0 || ((unsigned char)s[start - 1] & 0x80) == 0)
		return;
	start--;
	need = ((unsigned char)s[start] >= 0xF0) ? 4 : ((unsigned char)s[start] >= 0xE0) ? 3 : 2;
	if (len - start < need)
		s[start] = '\0';
}

/* The bytes that show `in`'s character at in[0..len) without acting on a terminal, or 0
 * when the character can stay as it is (*n: its length). */
static size_t escape_of(const unsigned char *in, size_t len, size_t *n, char *piece)
{
	int seq;
	*n = 1;
	if (in[0] < 0x20 || in[0] == 0x7F)
		return (size_t)snprintf(piece, 8, "\\x%02x", in[0]);
	if (in[0] < 0x80)
		return 0;
	if ((seq = kik__utf8_sequence(in, len)) <= 0)
		return (size_t)snprintf(piece, 8, "\\x%02x", in[0]); /* not UTF-8 */
	*n = (size_t)seq;
	if (in[0] == 0xC2 && in[1] < 0xA0) /* C1 controls, U+0080..U+009F: 0x9B starts a sequence */
		return (size_t)snprintf(piece, 8, "\\u%04x", in[1]);
	return 0;
}

size_t kik__visible(char *out, size_t cap, const char *in)
{
	const unsigned char *p = (const unsigned char *)in;
	size_t used = 0, len = strlen(in);
	if (!cap)
		return 0;
	while (*p) {
		char piece[8];
		size_t n, escaped = escape_of(p, len, &n, piece), take = escaped ? escaped : n;
		if (used + take >= cap)
			break; /* never half an escape or half a character */
		memcpy(out + used, escaped ? piece : (const char *)p, take);
		used += take;
		p += n;
		len -= n;
	}
	out[used] = '\0';
	return used;
}
