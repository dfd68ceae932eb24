/* UUIDs and timestamps. */
#include "stamp.h"

#include <stdio.h>
#include <string.h>
#include <sys/random.h>

void stamp_random(void *buf, size_t n)
{
	unsigned char *b = buf;
	size_t got = 0;

	while (got < n) {
		ssize_t r = getrandom(b + got, n - got, 0);
		if (r > 0)
			got += (size_t)r;
	}
}

static void format_uuid(const unsigned char *b, char out[37])
{
	snprintf(out, 37,
		 "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", b[0], b[1],
		 b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14],
		 b[15]);
}

void stamp_uuid(char out[37])
{
	unsigned char b[16];

	stamp_random(b, sizeof b);
	b[6] = (unsigned char)((b[6] & 0x0F) | 0x40);
	b[8] = (unsigned char)((b[8] & 0x3F) | 0x80);
	format_uuid(b, out);
}

void stamp_uuid_ordered(char out[37])
{
	static uint64_t last_ms;
	static unsigned counter; /* 12 bits: rand_a */
	unsigned char b[16];
	struct timespec ts;
	uint64_t ms;

	clock_gettime(CLOCK_REALTIME, &ts);
	ms = (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
	stamp_random(b, sizeof b);
	if (ms > last_ms) {
		last_ms = ms;
		counter = ((unsigned)b[6] << 8 | b[7]) & 0x7FF; /* room to count up */
	} else if (++counter > 0xFFF) { /* the clock went back, or 4096 in a millisecond */
		last_ms++;
		counter = 0;
	}
	for (int i = 0; i < 6; i++)
		b[i] = (unsigned char)(last_ms >> (40 - 8 * i));
	b[6] = (unsigned char)(0x70 | (counter >> 8));
	b[7] = (unsigned char)(counter & 0xFF);
	b[8] = (unsigned char)((b[8] & 0x3F) | 0x80);
	format_uuid(b, out);
}

bool stamp_order_private(const char *table)
{
	static const char *const private_tables[] = { "ballot", "participant", "person", NULL };

	for (int i = 0; private_tables[i]; i++)
		if (strcmp(table, private_tables[i]) == 0)
			return true;
	return false;
}

void stamp_iso(time_t t, char out[21])
{
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

void stamp_date(time_t t, char out[11])
{
	struct tm tm;

	localtime_r(&t, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

bool stamp_date_valid(const char *s)
{
	static const int days[12] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int y, m, d, n = 0;

	for (int i = 0; s[i] && i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return false;
	if (strlen(s) != 10 || sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 || n != 10)
		return false;
	if (s[4] != '-' || s[7] != '-' || y < 1900 || m < 1 || m > 12 || d < 1 || d > days[m - 1])
		return false;
	return !(m == 2 && d == 29 && !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)));
}
