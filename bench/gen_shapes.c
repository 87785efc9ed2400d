/* Generates the input shapes that once took quadratic or cubic time (issue 19), for the
 * driver's scaling check (bench/run.py --shapes): each shape at N rows must take time
 * proportional to N.
 *
 *   gen_shapes SHAPE N DIR    writes DIR/measures.csv and, for some shapes, DIR/tasks.csv,
 *                             DIR/other.csv (a second snapshot) or DIR/matrix.txt
 *
 * Shapes: same-initials (N fields whose names give the same code), distinct-fields (N
 * fields with codes and names), goals-descending (N goals of one field, last first),
 * measures-descending (N measures of one goal, last first), tasks-one-measure (N tasks of
 * one measure), matrix-tags (N matrix rows, one cell of N times "<a<a<a" and no ">"), colliding-owners
 * (N tasks whose owners collide in the unseeded hash libkik interned them with before). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static FILE *create(const char *dir, const char *name)
{
	char path[4096];
	FILE *f;
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	if (!(f = fopen(path, "w"))) {
		perror(path);
		exit(2);
	}
	return f;
}

static void finish(FILE *f)
{
	if (fclose(f) != 0) {
		perror("gen_shapes");
		exit(2);
	}
}

/* "Feld aaaa", "Feld aaab", ...: capitalised only in the first word, so every name's code
 * is F, F2, F3, ... */
static void same_initials(unsigned long n, const char *dir)
{
	FILE *f = create(dir, "measures.csv");
	unsigned long i;
	fputs("field;goal;measure;text;status\n", f);
	for (i = 0; i < n; i++)
		fprintf(f, "Feld %c%c%c%c;1;1.1;Maßnahme;waiting\n", (char)('a' + i / 17576 % 26),
			(char)('a' + i / 676 % 26), (char)('a' + i / 26 % 26), (char)('a' + i % 26));
	finish(f);
}

/* The export's columns: a code and a name for each field; other.csv has every status moved on. */
static void distinct_fields(unsigned long n, const char *dir)
{
	static const char *const statuses[] = { "waiting", "in_progress", "implemented" };
	FILE *m = create(dir, "measures.csv"), *o = create(dir, "other.csv");
	unsigned long i;
	fputs("field;field_name;goal;measure;text;status\n", m);
	fputs("field;field_name;goal;measure;text;status\n", o);
	for (i = 0; i < n; i++) {
		fprintf(m, "F%lu;Handlungsfeld %lu;1;1.1;Maßnahme;%s\n", i, i, statuses[i % 3]);
		fprintf(o, "F%lu;Handlungsfeld %lu;1;1.1;Maßnahme;%s\n", i, i, statuses[(i + 1) % 3]);
	}
	finish(m);
	finish(o);
}

/* Goals of one field (`of_goals`) or measures of one goal, numbered n down to 1. */
static void descending(unsigned long n, const char *dir, int of_goals)
{
	FILE *f = create(dir, "measures.csv");
	unsigned long i;
	fputs("field;goal;measure;text;status\n", f);
	for (i = n; i > 0; i--)
		fprintf(f, "SB;%lu;%lu.%lu;Maßnahme;waiting\n", of_goals ? i : 1, of_goals ? i : 1, of_goals ? 1 : i);
	finish(f);
}

static void goals_descending(unsigned long n, const char *dir)
{
	descending(n, dir, 1);
}

static void measures_descending(unsigned long n, const char *dir)
{
	descending(n, dir, 0);
}

static void tasks_one_measure(unsigned long n, const char *dir)
{
	FILE *m = create(dir, "measures.csv"), *t = create(dir, "tasks.csv");
	unsigned long i;
	fputs("field;goal;measure;text;status\nSB;1;1.1;Maßnahme;waiting\n", m);
	fputs("measure;kind;title;state\n", t);
	for (i = 0; i < n; i++)
		fprintf(t, "SB-1.1;ag;Aufgabe %lu;open\n", i);
	finish(m);
	finish(t);
}

/* N measure rows of a matrix, the first of whose texts is N times "<a<a<a" with no ">":
 * the cell grows with the rows, so stripping that costs the square of a cell's length
 * shows as time per row that grows (alone, the cell is too quick to time reliably). */
static void matrix_tags(unsigned long n, const char *dir)
{
	FILE *f = create(dir, "matrix.txt");
	unsigned long i;
	fputs("## Handlungsfeld Sprache und Bildung\nGruppe\tNummer\tZiel/Maßnahme\twartend\tin Bearbeitung\t"
	      "implementiert\n\t1.\tZiel\t\t\t\n\t1.1.\t",
	      f);
	for (i = 0; i < n; i++)
		fputs("<a<a<a", f);
	fputs("\tx\t\t\n", f);
	for (i = 2; i <= n; i++)
		fprintf(f, "\t1.%lu.\tText\tx\t\t\n", i);
	finish(f);
}

/* The hash libkik's interned strings had before issue 19: fixed, unseeded. For eight bytes
 * it is a bijection of the word followed by a fold, so it can be run backwards. */
static const uint64_t K = 0x9E3779B97F4A7C15ULL, M1 = 0xFF51AFD7ED558CCDULL;

static uint64_t inverse(uint64_t a) /* of an odd number, modulo 2^64 (Newton's method) */
{
	uint64_t x = a;
	int i;
	for (i = 0; i < 6; i++)
		x *= 2 - a * x;
	return x;
}

static uint64_t xorshift_back(uint64_t y, int s) /* x from y = x ^ (x >> s) */
{
	uint64_t x = y;
	int k;
	for (k = s; k < 64; k += s)
		x = y ^ (x >> s);
	return x;
}

static int allowed(unsigned char c)
{
	return c > ' ' && c < 0x7F && c != ';' && c != ',' && c != '"' && c != '\'' && c != '=' && c != '+' &&
	       c != '-' && c != '@';
}

/* Eight printable bytes whose old hash has its low 20 bits 0: every table up to 2^20 slots
 * puts them all in one place. */
static void colliding_owner(uint64_t *state, char out[9])
{
	const uint64_t back = inverse(M1);
	for (;;) {
		uint64_t h3, w;
		int k;
		*state ^= *state >> 12;
		*state ^= *state << 25;
		*state ^= *state >> 27;
		h3 = *state * 0x2545F4914F6CDD1DULL;
		/* low 32 bits of h3 ^ (h3 >> 32) are the hash: make its low 20 bits 0 */
		h3 = (h3 & ~0xFFFFFULL) | ((h3 >> 32) & 0xFFFFF);
		w = (xorshift_back(xorshift_back(h3, 29), 32) * back) ^ (K ^ 8);
		for (k = 0; k < 8 && allowed((unsigned char)(w >> (8 * k))); k++)
			out[k] = (char)(w >> (8 * k));
		if (k == 8) {
			out[8] = '\0';
			return;
		}
	}
}

static void colliding_owners(unsigned long n, const char *dir)
{
	FILE *m = create(dir, "measures.csv"), *t = create(dir, "tasks.csv");
	uint64_t state = 0x2545F4914F6CDD1DULL;
	unsigned long i;
	char owner[9];
	fputs("field;goal;measure;text;status\n", m);
	fputs("measure;kind;title;state;owner\n", t);
	for (i = 0; i < (n + 4) / 5; i++)
		fprintf(m, "SB;%lu;%lu.1;Maßnahme;waiting\n", i + 1, i + 1);
	for (i = 0; i < n; i++) {
		colliding_owner(&state, owner);
		fprintf(t, "SB-%lu.1;ag;Aufgabe %lu;open;%s\n", i / 5 + 1, i % 5, owner);
	}
	finish(m);
	finish(t);
}

int main(int argc, char **argv)
{
	static const struct {
		const char *name;
		void (*make)(unsigned long, const char *);
	} shapes[] = {
		{ "same-initials", same_initials },         { "distinct-fields", distinct_fields },
		{ "goals-descending", goals_descending },   { "measures-descending", measures_descending },
		{ "tasks-one-measure", tasks_one_measure }, { "matrix-tags", matrix_tags },
		{ "colliding-owners", colliding_owners },
	};
	size_t k;
	if (argc == 4)
		for (k = 0; k < sizeof(shapes) / sizeof(shapes[0]); k++)
			if (strcmp(argv[1], shapes[k].name) == 0) {
				shapes[k].make(strtoul(argv[2], NULL, 10), argv[3]);
				return 0;
			}
	fprintf(stderr, "usage: gen_shapes SHAPE N DIR\nshapes:");
	for (k = 0; k < sizeof(shapes) / sizeof(shapes[0]); k++)
		fprintf(stderr, " %s", shapes[k].name);
	fputc('\n', stderr);
	return 2;
}
