/* Growing arrays: the one way lists read from the database get room for
 * one more element. */
#ifndef PACT_ARRAY_H
#define PACT_ARRAY_H

#include <stddef.h>

/* arr, or a bigger copy of it, with room for element n (*cap elements of
 * size bytes are there now; doubled when full, 16 to start). NULL when out
 * of memory: arr is then unchanged and still the caller's. */
void *array_room(void *arr, size_t n, size_t *cap, size_t size);

#endif
