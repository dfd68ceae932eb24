/* Growing arrays. */
#include "array.h"

#include <stdint.h>
#include <stdlib.h>

void *array_room(void *arr, size_t n, size_t *cap, size_t size)
{
	size_t bigger = *cap ? *cap : 16;

	if (n < *cap)
		return arr;
	while (bigger <= n) {
		if (bigger > SIZE_MAX / 2)
			return NULL;
		bigger *= 2;
	}
	if (size == 0 || bigger > SIZE_MAX / size)
		return NULL;
	if (!(arr = realloc(arr, bigger * size)))
		return NULL;
	*cap = bigger;
	return arr;
}
