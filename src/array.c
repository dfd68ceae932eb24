/* Growing arrays. */
#include "array.h"

#include <stdlib.h>

void *array_room(void *arr, size_t n, size_t *cap, size_t size)
{
	size_t bigger = *cap ? *cap * 2 : 16;

	if (n < *cap)
		return arr;
	if (!(arr = realloc(arr, bigger * size)))
		return NULL;
	*cap = bigger;
	return arr;
}
