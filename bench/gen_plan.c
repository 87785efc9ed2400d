/* A deterministic generator of synthetic plans in the CSV contract, for benchmarks.
 *
 *   gen_plan N DIR    writes DIR/measures.csv (N measures in six fields, goals of 2 to 8
 *                     measures) and DIR/tasks.csv (about 5 tasks per measure over the three
 *                     kinds), German texts, some quoted with delimiters, quotes and line
 *                     breaks. The same N always gives the same bytes. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t state = 0x9E3779B97F4A7C15ULL;

static uint32_t next(void)
{
	/* xorshift64*: fast, and the same sequence everywhere */
	state ^= state >> 12;
	state ^= state << 25;
	state ^= state >> 27;
	return (uint32_t)((state * 0x2545F4914F6CDD1DULL) >> 32);
}

static unsigned below(unsigned n)
{
	return next() % n;
}

static const char *const fields[] = { "SB", "AA", "GP", "BE", "GT", "IO" };
static const char *const words[] = {
	"Angebote",
	"werden",
	"für",
	"Familien",
	"mit",
	"Migrationsgeschichte",
	"gemeinsam",
	"entwickelt",
	"und",
	"bekannt",
	"gemacht",
	"Beratung",
	"Sprachförderung",
	"Kindertagesstätten",
	"Schulen",
	"Übergänge",
	"Ehrenamt",
	"Vernetzung",
	"Arbeitsmarkt",
	"Ausbildung",
	"Gesundheit",
	"Pflege",
	"Begegnung",
	"Teilhabe",
	"interkulturelle",
	"Öffnung",
	"Verwaltung",
	"regelmäßig",
	"überprüft",
	"mehrsprachig",
	"Informationen",
	"Stadtteil",
	"Quartier",
	"Unterstützung",
	"niederschwellig",
	"Zugänge",
	"Fachkräfte",
	"Dolmetscher-Pool",
};
static const char *const statuses[] = { "waiting", "in_progress", "implemented" };
static const char *const kinds[] = { "concept", "ag", "work_package" };
static const char *const states[] = { "open", "in_progress", "done", "not_applicable" };
static const char *const owners[] = { "Amt für Integration", "AG Bildung", "AG Arbeit", "Jobcenter", "" };

/* A sentence of n words after `prefix`; one in twenty gets a delimiter, a quote and a
 * line break, and so quotes. */
static void text(FILE *f, const char *prefix, unsigned n)
{
	unsigned i, tricky = below(20) == 0;
	if (tricky)
		fputc('"', f);
	fputs(prefix, f);
	for (i = 0; i < n; i++) {
		if (i)
			fputc(' ', f);
		fputs(words[below(sizeof(words) / sizeof(words[0]))], f);
		if (tricky && i == 1)
			fputs("; \"\"so genannt\"\"\nzweite Zeile", f);
	}
	fputc('.', f);
	if (tricky)
		fputc('"', f);
}

int main(int argc, char **argv)
{
	unsigned long n, made = 0, per_field, f, task_total = 0;
	char path[4096];
	FILE *measures, *tasks;
	if (argc != 3 || (n = strtoul(argv[1], NULL, 10)) == 0) {
		fprintf(stderr, "usage: gen_plan N DIR\n");
		return 2;
	}
	snprintf(path, sizeof(path), "%s/measures.csv", argv[2]);
	measures = fopen(path, "w");
	snprintf(path, sizeof(path), "%s/tasks.csv", argv[2]);
	tasks = fopen(path, "w");
	if (!measures || !tasks) {
		perror(path);
		return 2;
	}
	fputs("field;group;goal;goal_text;measure;text;status\n", measures);
	fputs("field;measure;kind;title;state;due;owner\n", tasks);
	per_field = (n + 5) / 6;
	for (f = 0; f < 6 && made < n; f++) {
		unsigned long in_field = 0, goal = 0;
		while (in_field < per_field && made < n) {
			unsigned size = 2 + below(7), m, group = (unsigned)(goal / 4) + 1;
			goal++;
			for (m = 1; m <= size && in_field < per_field && made < n; m++, in_field++, made++) {
				unsigned t, task_count = below(20) == 0 ? 0 : 2 + below(7);
				fprintf(measures, "%s;Gruppe %u;%lu;", fields[f], group, goal);
				if (m == 1)
					text(measures, "", 8 + below(8));
				fprintf(measures, ";%lu.%u;", goal, m);
				text(measures, "", 12 + below(12));
				fprintf(measures, ";%s\n", statuses[below(3)]);
				for (t = 0; t < task_count; t++) {
					/* mostly done once a measure is under way, so all three statuses occur */
					unsigned roll = below(10);
					const char *st = roll < 6   ? states[2]
							 : roll < 8 ? states[1]
							 : roll < 9 ? states[0]
								    : states[3];
					char prefix[32];
					snprintf(prefix, sizeof(prefix), "Aufgabe %u: ", t + 1);
					fprintf(tasks, "%s;%lu.%u;%s;", fields[f], goal, m, kinds[t % 3]);
					text(tasks, prefix, 2 + below(4));
					fprintf(tasks, ";%s;", st);
					if (below(3) == 0)
						fprintf(tasks, "2024-%02u-%02u", 1 + below(12), 1 + below(28));
					fprintf(tasks, ";%s\n", owners[below(5)]);
					task_total++;
				}
			}
		}
	}
	if (fclose(measures) != 0 || fclose(tasks) != 0) {
		perror("write");
		return 2;
	}
	printf("%lu measures, %lu tasks\n", made, task_total); /* the driver reads the task count */
	return 0;
}
