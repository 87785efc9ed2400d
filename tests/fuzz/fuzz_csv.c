/* Fuzz target: the CSV reader on any bytes, with the delimiter, encoding and block size
 * taken from the first input byte (small blocks cut rows and UTF-8 sequences anywhere).
 * Rows must come out as NUL-terminated cells with positions. */
#include <stdint.h>
#include <string.h>

#include "csv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const kik_allocator a = KIK_ALLOCATOR_INIT;
	static const char delimiters[] = { 0, ';', ',', '\t' };
	kik_import_options o = KIK_IMPORT_OPTIONS_INIT;
	const kik__csv_cell *cells;
	kik__source src;
	kik__csv r;
	size_t n, i;
	if (size == 0)
		return 0;
	o.delimiter = delimiters[data[0] & 3];
	o.encoding = (kik_encoding)((data[0] >> 2) % 3);
	o.max_field_bytes = 4096;
	kik__source_memory(&src, (const char *)data + 1, size - 1);
	if (kik__csv_open(&r, &a, &o, &src, 0, UINT64_MAX) < 0)
		return 0;
	r.block = 1 + (data[0] >> 4) * 7;
	while (kik__csv_next(&r, &cells, &n) > 0) {
		for (i = 0; i < n; i++) {
			if (strlen(cells[i].text) != cells[i].len)
				__builtin_trap();
			if (cells[i].line == 0 || kik__csv_column(&r, &cells[i]) == 0)
				__builtin_trap();
		}
	}
	kik__csv_close(&r);
	return 0;
}
