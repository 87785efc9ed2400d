/* Where an import's bytes come from: a regular file read at any offset, or memory. */
#ifndef KIK_SOURCE_H
#define KIK_SOURCE_H

#include "internal.h"

typedef struct kik__source {
	const char *data; /* memory: the caller's buffer, or a stream read whole */
	uint64_t size;
	int fd;      /* a regular file, read with pread() so that parts can read at once; else -1 */
	char *owned; /* the bytes of a stream, freed by close */
} kik__source;

void kik__source_memory(kik__source *s, const char *data, size_t size);
/* Opens a file; a pipe or device is read whole into memory, up to `most` bytes. 0, KIK_EIO
 * (errno kept), KIK_ELIMIT (longer than `most`) or KIK_ENOMEM. */
int kik__source_file(kik__source *s, const kik_allocator *a, const char *path, uint64_t most);
/* Reads up to `cap` bytes at `offset`: the count (0 at the end), or -1 when reading failed. */
long kik__source_read(const kik__source *s, char *buf, size_t cap, uint64_t offset);
void kik__source_close(kik__source *s, const kik_allocator *a);

#endif
