/* Fuzz target: the stretch-prompt deck loader. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "brainstorm_deck.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);
	struct pact_err err;
	struct deck d;

	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	if (deck_parse(text, size, "fuzz.txt", &d, &err) == 0) {
		uint64_t seed = size;
		size_t card = deck_draw(&d, (size_t)-1, &seed);
		deck_text(&d, card, "nl");
		deck_draw(&d, card, &seed);
		deck_free(&d);
	}
	free(text);
	return 0;
}
