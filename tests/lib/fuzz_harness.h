/* For the fuzz targets that hand their input to a reader of files: up to
 * FUZZ_FILES files in /tmp, named after the process (fuzzing jobs run side
 * by side) and removed when it exits. Everything here is static inline, so
 * a target includes it and uses what it needs. */
#ifndef PACT_FUZZ_HARNESS_H
#define PACT_FUZZ_HARNESS_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

enum { FUZZ_FILES = 2 };

static char fuzz_paths[FUZZ_FILES][64];

static inline void fuzz_remove_files(void)
{
	for (int i = 0; i < FUZZ_FILES; i++)
		if (fuzz_paths[i][0])
			unlink(fuzz_paths[i]);
}

/* The path of file slot i (0 or 1), "/tmp/pact-fuzz-PID-NAME", made on the
 * first call; the files are removed at exit. */
static inline const char *fuzz_path(int i, const char *name)
{
	static bool registered;

	if (!fuzz_paths[i][0])
		snprintf(fuzz_paths[i], sizeof fuzz_paths[i], "/tmp/pact-fuzz-%d-%s", (int)getpid(),
			 name);
	if (!registered)
		registered = atexit(fuzz_remove_files) == 0;
	return fuzz_paths[i];
}

/* The size bytes at data as the whole file path; false when it could not
 * be written (the input is then skipped). */
static inline bool fuzz_write_file(const char *path, const uint8_t *data, size_t size)
{
	FILE *f = fopen(path, "wb");
	bool ok = f && fwrite(data, 1, size, f) == size;

	if (f && fclose(f) != 0)
		ok = false;
	return ok;
}

#endif
