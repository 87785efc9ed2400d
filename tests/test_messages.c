/* Every error path of every importer gives a message that is not empty, names what was found
 * and holds no control character, in an import and in a validation alike. (Messages passed
 * on from a call inside the import were lost: the plan's message was formatted into
 * itself, and "f.csv:2:1: " was all that was left.)
 *
 * The cases follow the error calls of lib/import*.c, lib/csv.c, lib/encoding.c, lib/source.c
 * and the calls they make (kik_plan_add_field, kik_plan_add_field_alias, kik_plan_set_as_of,
 * kik__plan_define_field, kik__plan_put_measure, kik__check_task); the limit of 2^25 owner
 * and due date pairs is left out (a file of that many pairs is too large for a test). */
#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <kik/kik.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct error_case {
	kik_import_kind kind;
	const char *input; /* NUL bytes written as \0 need `len` */
	size_t len;        /* 0: strlen(input) */
	int code;
	const char *found; /* a fragment of the message: the value found, or what it is */
	int limit;         /* 1: a limit of 1 byte per cell, 2: 2 cells per row, 3: 1 row */
} error_case;

#define MEASURES "field;goal;measure;text;status\n"
#define TASKS "field;measure;kind;title;state;due\n"
#define PUBLISHED "field;waiting;in_progress;implemented;total\n"
#define MATRIX "Gruppe\tNummer\tZiel/Maßnahme\twartend\tin Bearbeitung\timplementiert\n"
#define SECTION "## Handlungsfeld Sprache und Bildung\n" MATRIX

static const error_case cases[] = {
	/* the reader, through any importer */
	{ KIK_IMPORT_MEASURES, "", 0, KIK_EPARSE, "the file is empty", 0 },
	{ KIK_IMPORT_MEASURES, "field;goal;measure;text\nSB;1;1.1;a\n", 0, KIK_EPARSE, "missing column 'status'", 0 },
	{ KIK_IMPORT_MEASURES, MEASURES "SB;1;1.1;\"offen", 0, KIK_EPARSE, "never closed", 0 },
	{ KIK_IMPORT_MEASURES, MEASURES "SB;1;1.1;\"a\"b;waiting\n", 0, KIK_EPARSE, "after a closing quote", 0 },
	{ KIK_IMPORT_MEASURES, MEASURES "SB;1;1.1;a\0b;waiting\n", sizeof(MEASURES) + 20, KIK_EPARSE, "NUL byte", 0 },
	{ KIK_IMPORT_MEASURES, MEASURES "SB;1;1.1;\xC3\xBC\xFC;waiting\n", 0, KIK_EPARSE, "byte 0xFC", 0 },
	{ KIK_IMPORT_MEASURES, MEASURES "SB;1;1.1;\xFC;waiting\nSB;1;1.2;\xC3\xBC;waiting\n", 0, KIK_EPARSE,
	  "line 3 holds UTF-8", 0 },
	{ KIK_IMPORT_MEASURES, MEASURES "SB;1;1.1;\x81;waiting\n", 0, KIK_EPARSE, "byte 0x81", 0 },
	{ KIK_IMPORT_MEASURES, MEASURES "\xEF\xBB\xBFSB;1;1.1;a;waiting\n", 0, KIK_EPARSE, "byte order mark", 0 },
	{ KIK_IMPORT_MEASURES,
	  "\xFF\xFE"
	  "f\0",
	  4, KIK_EPARSE, "UTF-16", 0 },
	{ KIK_IMPORT_MEASURES, "\xFF\xFE\0\0f\0\0\0", 8, KIK_EPARSE, "UTF-32", 0 },
	{ KIK_IMPORT_MEASURES, MEASURES "SB;1;1.1;lang;waiting\n", 0, KIK_ELIMIT, "limit on cell size", 1 },
	{ KIK_IMPORT_MEASURES, MEASURES "SB;1;1.1;a;waiting\n", 0, KIK_ELIMIT, "too many cells", 2 },
	{ KIK_IMPORT_MEASURES, MEASURES "SB;1;1.1;a;waiting\nSB;1;1.2;b;waiting\n", 0, KIK_ELIMIT, "more rows", 3 },
	/* measures */
	{ KIK_IMPORT_MEASURES, MEASURES ";1;1.1;a;waiting\n", 0, KIK_EPARSE, "field cell is empty", 0 },
	{ KIK_IMPORT_MEASURES, "field;field_name;goal;measure;text;status\nX Y;Neu;1;1.1;a;waiting\n", 0, KIK_EPARSE,
	  "'X Y'", 0 },
	{ KIK_IMPORT_MEASURES, MEASURES "---;1;1.1;a;waiting\n", 0, KIK_EPARSE, "'---'", 0 },
	{ KIK_IMPORT_MEASURES, MEASURES "SB;eins;1.1;a;waiting\n", 0, KIK_EPARSE, "'eins'", 0 },
	{ KIK_IMPORT_MEASURES, MEASURES "SB;1;1.x;a;waiting\n", 0, KIK_EPARSE, "'1.x'", 0 },
	{ KIK_IMPORT_MEASURES, MEASURES "SB;4;5.1;a;waiting\n", 0, KIK_EPARSE, "measure 5.1 does not belong to goal 4",
	  0 },
	{ KIK_IMPORT_MEASURES, MEASURES "SB;1;1.1;;waiting\n", 0, KIK_EPARSE, "text of measure SB-1.1", 0 },
	{ KIK_IMPORT_MEASURES, MEASURES "SB;1;1.1;a;fertig\n", 0, KIK_EPARSE, "'fertig'", 0 },
	{ KIK_IMPORT_MEASURES, MEASURES "SB;1;AA-1.1;a;waiting\n", 0, KIK_EPARSE, "'AA-1.1'", 0 },
	{ KIK_IMPORT_MEASURES, MEASURES "SB;1;1.1;a;waiting\nSB;1;1.1;b;waiting\n", 0, KIK_EPARSE,
	  "measure SB-1.1 appears twice", 0 },
	{ KIK_IMPORT_MEASURES,
	  "field;goal;goal_text;measure;text;status\nSB;1;Eins;1.1;a;waiting\nSB;1;Zwei;1.2;b;waiting\n", 0, KIK_EPARSE,
	  "goal 1 of field SB has another text", 0 },
	{ KIK_IMPORT_MEASURES, "field;group;goal;measure;text;status\nSB;G1;1;1.1;a;waiting\nSB;G2;1;1.2;b;waiting\n",
	  0, KIK_EPARSE, "not in 'G2'", 0 },
	{ KIK_IMPORT_MEASURES, MEASURES, 0, KIK_EPARSE, "no measures in the file", 0 },
	{ KIK_IMPORT_MEASURES, MEASURES "SB;1;1.1;a;\x1b]0;x\x07\n", 0, KIK_EPARSE, "'\\x1b]0'", 0 },
	/* fields */
	{ KIK_IMPORT_FIELDS, "code;name\nS B;Neu\n", 0, KIK_EPARSE, "'S B'", 0 },
	{ KIK_IMPORT_FIELDS, "code;name\nXY;\n", 0, KIK_EPARSE, "field 'XY' has an empty name", 0 },
	{ KIK_IMPORT_FIELDS, "code;name\nNEU;Sprache und Bildung\n", 0, KIK_EPARSE, "'NEU' (Sprache und Bildung)", 0 },
	{ KIK_IMPORT_FIELDS, "code;name;aliases\nSB;Sprache und Bildung;Gesundheit\n", 0, KIK_EPARSE,
	  "'Gesundheit' already names field 'GP'", 0 },
	{ KIK_IMPORT_FIELDS, "code;name\nSB;Gesundheit und Pflege\n", 0, KIK_EPARSE, "'Gesundheit und Pflege'", 0 },
	/* plan information */
	{ KIK_IMPORT_PLAN_INFO, "key;value\nas_of;05.10.2023\n", 0, KIK_EPARSE, "'05.10.2023'", 0 },
	/* tasks */
	{ KIK_IMPORT_TASKS, TASKS "SB;x;ag;T;open;\n", 0, KIK_EPARSE, "'x' is not a measure", 0 },
	{ KIK_IMPORT_TASKS, TASKS "ZZ;1.1;ag;T;open;\n", 0, KIK_EPARSE, "unknown field 'ZZ'", 0 },
	{ KIK_IMPORT_TASKS, TASKS "SB;42.1;ag;T;open;\n", 0, KIK_EPARSE, "no measure 'SB-42.1'", 0 },
	{ KIK_IMPORT_TASKS, TASKS "SB;4.6;foo;T;open;\n", 0, KIK_EPARSE, "'foo'", 0 },
	{ KIK_IMPORT_TASKS, TASKS "SB;4.6;ag;T;bar;\n", 0, KIK_EPARSE, "'bar'", 0 },
	{ KIK_IMPORT_TASKS, TASKS "SB;4.6;ag;;open;\n", 0, KIK_EPARSE, "needs a title", 0 },
	{ KIK_IMPORT_TASKS, TASKS "SB;4.6;ag;T;open;2024-13-01\n", 0, KIK_EPARSE, "'2024-13-01'", 0 },
	{ KIK_IMPORT_TASKS, TASKS "SB;4.6;ag;T;open;\nSB;4.6;ag;T;done;\n", 0, KIK_EPARSE,
	  "task 'T' (ag) of SB-4.6 appears twice", 0 },
	/* published figures */
	{ KIK_IMPORT_PUBLISHED, PUBLISHED "ZZ;1;2;3;\n", 0, KIK_EPARSE, "unknown field 'ZZ'", 0 },
	{ KIK_IMPORT_PUBLISHED, PUBLISHED "SB;1;zwei;3;\n", 0, KIK_EPARSE, "'zwei'", 0 },
	{ KIK_IMPORT_PUBLISHED, PUBLISHED "SB;1;2;3;sechs\n", 0, KIK_EPARSE, "'sechs'", 0 },
	{ KIK_IMPORT_PUBLISHED, PUBLISHED "SB;12;11;7;31\n", 0, KIK_EPARSE, "the total 31 is not 12 + 11 + 7", 0 },
	{ KIK_IMPORT_PUBLISHED, PUBLISHED "SB;12;11;7;30\nSprache und Bildung;1;1;1;\n", 0, KIK_EPARSE,
	  "field SB ('Sprache und Bildung') appears twice: first on line 2", 0 },
	/* the status matrix */
	{ KIK_IMPORT_MATRIX, SECTION "\t\tText\tx\t\t\n", 0, KIK_EPARSE, "status mark in a row without", 0 },
	{ KIK_IMPORT_MATRIX, MATRIX "\t1.\tZiel\t\t\t\n", 0, KIK_EPARSE, "row '1.' comes before any field", 0 },
	{ KIK_IMPORT_MATRIX, SECTION "\t1.\t\t\t\t\n", 0, KIK_EPARSE, "after the number '1.'", 0 },
	{ KIK_IMPORT_MATRIX, SECTION "\t1.\tZiel\tx\t\t\n", 0, KIK_EPARSE, "goal 1. carries a status mark", 0 },
	{ KIK_IMPORT_MATRIX, SECTION "\t1.\tZiel\t\t\t\n\t1.1.\tText\t\t\t\n", 0, KIK_EPARSE,
	  "measure 1.1. has no status mark", 0 },
	{ KIK_IMPORT_MATRIX, SECTION "\t1.\tZiel\t\t\t\n\t1.1.\tText\tx\tx\t\n", 0, KIK_EPARSE, "several status marks",
	  0 },
	{ KIK_IMPORT_MATRIX, SECTION "\t1.\tZiel\t\t\t\n\t1.1.\tText\t\t\t\tx\n", 0, KIK_EPARSE,
	  "a mark outside the status columns", 0 },
	{ KIK_IMPORT_MATRIX, SECTION "\t1.1.\tText\tx\t\t\n", 0, KIK_EPARSE, "measure 1.1. comes before any goal row",
	  0 },
	{ KIK_IMPORT_MATRIX, SECTION "\t1.\tZiel\t\t\t\n\t2.1.\tText\tx\t\t\n", 0, KIK_EPARSE,
	  "measure 2.1. does not belong to goal 1", 0 },
	{ KIK_IMPORT_MATRIX, "## Handlungsfeld ---\n" MATRIX, 0, KIK_EPARSE, "'---'", 0 },
	{ KIK_IMPORT_MATRIX, "Handlungsfeld\t" MATRIX "--\t\t1.\tZiel\t\t\t\n", 0, KIK_EPARSE, "'--'", 0 },
	{ KIK_IMPORT_MATRIX, SECTION "\t1.\tZiel\t\t\t\n\t1.1.\tText\tx\t\t\n\t1.1.\tNoch\tx\t\t\n", 0, KIK_EPARSE,
	  "measure SB-1.1 appears twice", 0 },
	{ KIK_IMPORT_MATRIX, SECTION, 0, KIK_EPARSE, "no measures in the file", 0 },
};

static kik_import_options options_of(const error_case *c)
{
	kik_import_options o = KIK_IMPORT_OPTIONS_INIT;
	o.max_field_bytes = c->limit == 1 ? 1 : 0;
	o.max_columns = c->limit == 2 ? 2 : 0;
	o.max_rows = c->limit == 3 ? 1 : 0;
	return o;
}

/* A message is whole: not empty, naming `found`, with no byte that acts on a terminal. */
static void assert_whole(const kik_error *e, int code, const char *found, size_t i)
{
	const unsigned char *p;
	cr_assert(ne(ptr, (void *)e, NULL), "case %zu", i);
	cr_assert(eq(int, e->code, code), "case %zu: %s", i, e->message);
	cr_assert(gt(sz, strlen(e->message), strlen(found)), "case %zu: '%s'", i, e->message);
	cr_assert(ne(ptr, strstr(e->message, found), NULL), "case %zu: '%s' does not name '%s'", i, e->message, found);
	for (p = (const unsigned char *)e->message; *p; p++)
		cr_assert(ge(uint, *p, 0x20), "case %zu: a control character in '%s'", i, e->message);
}

Test(messages, every_error_of_every_importer_names_what_it_found)
{
	size_t i;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const error_case *c = &cases[i];
		kik_import_options o = options_of(c);
		size_t len = c->len ? c->len : strlen(c->input);
		kik_diagnostics *d;
		kik_plan *plan;
		int err;
		cr_assert(eq(int, kik_plan_new_default(&plan), 0));
		err = kik_plan_import_buffer(plan, c->kind, c->input, len, "f.csv", &o);
		cr_assert(eq(int, err, c->code), "case %zu", i);
		assert_whole(kik_error_last(), c->code, c->found, i);
		cr_assert(eq(str, (char *)kik_error_last()->file, "f.csv"), "case %zu", i);
		/* validation reports the same problem */
		err = kik_plan_validate_buffer(plan, c->kind, c->input, len, "f.csv", &o, 0, &d);
		cr_assert(ne(int, err, 0), "case %zu", i);
		cr_assert(ge(sz, kik_diagnostics_count(d), 1), "case %zu", i);
		assert_whole(kik_diagnostics_get(d, 0), c->code, c->found, i);
		kik_diagnostics_free(d);
		kik_plan_free(plan);
	}
}

Test(messages, errors_outside_the_rows_name_what_they_found)
{
	kik_import_options o = KIK_IMPORT_OPTIONS_INIT, old = KIK_IMPORT_OPTIONS_INIT;
	kik_plan *plan;
	int fds[2];
	char path[64];
	cr_assert(eq(int, kik_plan_new(&plan), 0));
	cr_assert(eq(int, kik_plan_import_file(plan, KIK_IMPORT_MEASURES, "/no/such/file.csv", NULL), KIK_EIO));
	assert_whole(kik_error_last(), KIK_EIO, "cannot open the file", 0);
	cr_assert(eq(int, kik_plan_import_buffer(plan, (kik_import_kind)99, "", 0, NULL, NULL), KIK_EINVAL));
	assert_whole(kik_error_last(), KIK_EINVAL, "unknown import kind 99", 0);
	old.version = 0;
	cr_assert(eq(int, kik_plan_import_buffer(plan, KIK_IMPORT_MEASURES, "", 0, NULL, &old), KIK_EINVAL));
	assert_whole(kik_error_last(), KIK_EINVAL, "of version 0", 0);
	/* a pipe longer than max_input_bytes */
	cr_assert(eq(int, pipe(fds), 0));
	cr_assert(eq(long, (long)write(fds[1], MEASURES "SB;1;1.1;a;waiting\n", 50), 50));
	close(fds[1]);
	snprintf(path, sizeof(path), "/dev/fd/%d", fds[0]);
	o.max_input_bytes = 40;
	cr_assert(eq(int, kik_plan_import_file(plan, KIK_IMPORT_MEASURES, path, &o), KIK_ELIMIT));
	assert_whole(kik_error_last(), KIK_ELIMIT, "more than 40 bytes from a pipe or device", 0);
	close(fds[0]);
	kik_plan_free(plan);
}
