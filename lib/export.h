/* What export.c lends the exporters of other files: writing cells and rows (private). */
#ifndef KIK_EXPORT_INTERNAL_H
#define KIK_EXPORT_INTERNAL_H

#include "internal.h"

struct writer;

/* A text cell (defused, quoted as needed), the end of a row, a header in English keys or
 * German names as the options ask; 0 or an error set. */
int kik__export_cell(struct writer *w, const char *text);
/* A number's cell: never defused (a minus sign starts a number, not a formula). */
int kik__export_number(struct writer *w, const char *number);
int kik__export_end_row(struct writer *w);
int kik__export_header(struct writer *w, const char *const *keys, const char *const *german);
/* Whether the options ask for German headers and values. */
int kik__export_german(const struct writer *w);
const kik_plan *kik__export_plan(const struct writer *w);
/* KIK_ENOMEM, set. */
int kik__export_oom(struct writer *w);

/* Writes a content kind (KIK_IMPORT_NOTES ... KIK_IMPORT_FIGURES). (export_content.c) */
int kik__export_content(struct writer *w, kik_import_kind kind);

#endif
