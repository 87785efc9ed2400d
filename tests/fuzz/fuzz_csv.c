/* Fuzz target: the CSV reader on any bytes, with every delimiter and encoding choice
 * taken from the first input byte. Rows must come out as NUL-terminated valid UTF-8. */
#include <stdint.h>
#include <string.h>

#include "csv.h"

typedef struct input {
	const uint8_t *data;
	size_t size, pos, chunk;
} input;

/* Hands the input out in small, uneven pieces, to exercise every chunk boundary. */
static size_t read_input(void *ctx, char *buf, size_t cap, int *failed)
{
	input *in = ctx;
	size_t n = in->size - in->pos;
	(void)failed;
	if (n > cap)
		n = cap;
	if (n > in->chunk)
		n = in->chunk;
	memcpy(buf, in->data + in->pos, n);
	in->pos += n;
	return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const kik_allocator a = { NULL, NULL, NULL, NULL };
	static const char delimiters[] = { 0, ';', ',', '\t' };
	kik_import_options o = KIK_IMPORT_OPTIONS_INIT;
	const kik__csv_cell *cells;
	kik__csv r;
	input in;
	size_t n, i;
	if (size == 0)
		return 0;
	o.delimiter = delimiters[data[0] & 3];
	o.encoding = (kik_encoding)((data[0] >> 2) % 3);
	o.max_field_bytes = 4096;
	in.data = data + 1;
	in.size = size - 1;
	in.pos = 0;
	in.chunk = 1 + (data[0] >> 4) * 7;
	if (kik__csv_open(&r, &a, &o, read_input, &in) < 0)
		return 0;
	while (kik__csv_next(&r, &cells, &n) > 0) {
		for (i = 0; i < n; i++) {
			if (strlen(cells[i].text) != cells[i].len)
				__builtin_trap();
			if (cells[i].line == 0 || cells[i].column == 0)
				__builtin_trap();
		}
	}
	kik__csv_close(&r);
	return 0;
}
