/* Growing arrays: the one way lists get room for more elements. */
#ifndef PACT_ARRAY_H
#define PACT_ARRAY_H

#include <stddef.h>

/* arr, or a bigger copy of it, with room for elements 0..n (*cap elements
 * of size bytes are there now; doubled until element n fits, 16 to start).
 * NULL when out of memory or when the size in bytes would not fit in a
 * size_t: arr and *cap are then unchanged and arr is still the caller's. */
void *array_room(void *arr, size_t n, size_t *cap, size_t size);

#endif
