/* Fuzz target: pact tally's readers and counts. The first byte chooses the
 * method and whether an options file comes first; the options file (if
 * any) ends at the first NUL byte, the rest is the ballots file. Both are
 * written to files, as pact tally reads them. */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "ballot_file.h"
#include "fuzz_harness.h"
#include "tally.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const enum tally_method methods[] = {
		TALLY_DOT, TALLY_APPROVAL, TALLY_SCORE,    TALLY_BORDA,
		TALLY_IRV, TALLY_SCHULZE,  TALLY_PB_GREEDY, TALLY_PB_MES,
	};
	const char *options_path = fuzz_path(0, "options.csv");
	const char *ballots_path = fuzz_path(1, "ballots.csv");
	struct tally_input in = { 0 };
	struct tally_result r = { 0 };
	struct ballots b;
	struct pact_err err;
	const uint8_t *nul;
	size_t mark, opt_len = 0;
	bool with_options, pb;
	int rc;

	if (size < 1)
		return 0;
	in.method = methods[(data[0] & 0x0f) % (sizeof methods / sizeof methods[0])];
	pb = in.method == TALLY_PB_GREEDY || in.method == TALLY_PB_MES;
	with_options = pb || (data[0] & 0x10);
	in.budget = 1000;
	in.dots = in.max_per_option = 5;
	in.lo = 0;
	in.hi = 5;
	in.complete = data[0] & 0x40 ? TALLY_COMPLETE_NONE : TALLY_COMPLETE_ADD1;
	in.lot = data[0] & 0x20;
	in.seed = 42;
	data++;
	size--;
	if (with_options) {
		nul = memchr(data, 0, size);
		opt_len = nul ? (size_t)(nul - data) : size;
		if (!fuzz_write_file(options_path, data, opt_len))
			return 0;
		data += nul ? opt_len + 1 : opt_len;
		size -= nul ? opt_len + 1 : opt_len;
	}
	if (!fuzz_write_file(ballots_path, data, size))
		return 0;
	ballots_init(&b);
	rc = with_options ? ballots_read_options(&b, options_path, pb, &err) : 0;
	if (rc == 0)
		rc = ballots_read(&b, ballots_path, &err);
	if (rc == 0)
		rc = ballots_finish(&b, &in, &err);
	if (rc == 0)
		rc = tally_check(&in, &mark, &err);
	if (rc == 0 && tally_run(&in, &r, &err) == 0)
		tally_free(&r);
	ballots_free(&b);
	return 0;
}
