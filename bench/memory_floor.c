/* The least the job can cost on this machine, whatever does it: read both files on two
 * threads in 1 MiB blocks (as libkik does) and copy KEEP_MB of their bytes into memory the
 * process has not touched before (as much as the plan keeps). No parsing at all.
 *
 *   memory_floor MEASURES TASKS KEEP_MB    prints {"seconds": S}
 *
 * On a virtual machine whose host takes back the memory the guest frees, fresh memory can
 * cost more than all the reading; this shows how much, next to the tools' times. */
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

enum { BLOCK = 1 << 20, THREADS = 2 };

typedef struct half {
	int fd;
	off_t from, to;   /* the bytes of the file this thread reads */
	char *keep;       /* where its share of the kept bytes goes */
	size_t keep_size; /* its share: proportional to the bytes it reads */
	int failed;
} half;

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

/* Pages in [p, p + n) before it is written, as libkik pages in its large blocks. */
static void prefault(char *p, size_t n)
{
#if defined(MADV_POPULATE_WRITE)
	size_t page = 4096, start = (size_t)p & ~(page - 1), end = ((size_t)p + n + page - 1) & ~(page - 1);
	(void)madvise((void *)start, end - start, MADV_POPULATE_WRITE);
#else
	(void)p;
	(void)n;
#endif
}

static void *read_half(void *arg)
{
	half *h = arg;
	char *block = malloc(BLOCK);
	size_t kept = 0, span = (size_t)(h->to - h->from);
	off_t at;
	if (!block) {
		h->failed = 1;
		return NULL;
	}
	for (at = h->from; at < h->to;) {
		size_t want = (size_t)(h->to - at) < BLOCK ? (size_t)(h->to - at) : BLOCK, share;
		ssize_t n = pread(h->fd, block, want, at);
		if (n <= 0) {
			h->failed = 1;
			break;
		}
		at += n;
		/* the kept bytes grow with the bytes read, as a plan's do */
		share = (size_t)((double)h->keep_size * (double)(at - h->from) / (double)span) - kept;
		while (share) {
			size_t piece = share < (size_t)n ? share : (size_t)n;
			prefault(h->keep + kept, piece);
			memcpy(h->keep + kept, block, piece);
			kept += piece;
			share -= piece;
		}
	}
	free(block);
	return NULL;
}

int main(int argc, char **argv)
{
	const char *paths[2];
	off_t sizes[2], total = 0;
	size_t keep_size, offset = 0;
	char *keep;
	double start;
	int f, k, failed = 0;
	if (argc != 4 || atof(argv[3]) <= 0) {
		fprintf(stderr, "usage: memory_floor MEASURES TASKS KEEP_MB\n");
		return 2;
	}
	paths[0] = argv[1];
	paths[1] = argv[2];
	keep_size = (size_t)(atof(argv[3]) * 1e6);
	for (f = 0; f < 2; f++) {
		struct stat st;
		if (stat(paths[f], &st) < 0) {
			perror(paths[f]);
			return 2;
		}
		sizes[f] = st.st_size;
		total += st.st_size;
	}
	if (total == 0) { /* the shares below are fractions of it */
		fprintf(stderr, "memory_floor: both files are empty\n");
		return 2;
	}
	start = now();
	if (!(keep = malloc(keep_size))) {
		fprintf(stderr, "memory_floor: out of memory\n");
		return 2;
	}
	for (f = 0; f < 2; f++) {
		half halves[THREADS];
		pthread_t threads[THREADS];
		int fd = open(paths[f], O_RDONLY);
		if (fd < 0) {
			perror(paths[f]);
			return 2;
		}
		for (k = 0; k < THREADS; k++) {
			halves[k].fd = fd;
			halves[k].from = sizes[f] * k / THREADS;
			halves[k].to = sizes[f] * (k + 1) / THREADS;
			halves[k].keep = keep + offset;
			halves[k].keep_size =
			    (size_t)((double)keep_size * (double)(halves[k].to - halves[k].from) / (double)total);
			halves[k].failed = 0;
			offset += halves[k].keep_size;
			if (pthread_create(&threads[k], NULL, read_half, &halves[k]) != 0) {
				fprintf(stderr, "memory_floor: no thread\n");
				return 2;
			}
		}
		for (k = 0; k < THREADS; k++) {
			pthread_join(threads[k], NULL);
			failed |= halves[k].failed;
		}
		close(fd);
	}
	if (failed) {
		fprintf(stderr, "memory_floor: a file could not be read\n");
		return 2;
	}
	printf("{\"seconds\": %.6f}\n", now() - start);
	/* like the libkik job, the process ends without freeing what it kept */
	return 0;
}
