/* The round timer as arithmetic on stored wall-clock times: nothing
 * counts down in memory, so leaving the screen, resizing or restarting pact
 * neither resets nor drifts it. All times are Unix seconds; 0 means unset. */
#ifndef PACT_TIMER_H
#define PACT_TIMER_H

#include <stdbool.h>
#include <stdint.h>

struct timer {
	int64_t seconds;      /* the timebox */
	int64_t extra;        /* time added with +1:00 */
	int64_t started_at;
	int64_t paused_at;    /* set while paused */
	int64_t paused_total; /* seconds spent paused before paused_at */
	int64_t ended_at;     /* set by "end now" */
};

enum timer_state {
	TIMER_IDLE,    /* not started */
	TIMER_RUNNING,
	TIMER_PAUSED,
	TIMER_UP,      /* reached 0:00; ideas now are late */
	TIMER_ENDED,   /* ended by hand; ideas now are late */
};

int64_t timer_elapsed(const struct timer *t, int64_t now);
/* Seconds left, never below 0. */
int64_t timer_remaining(const struct timer *t, int64_t now);
enum timer_state timer_state(const struct timer *t, int64_t now);

/* (Re)start from the full timebox. */
void timer_start(struct timer *t, int64_t now);
void timer_pause(struct timer *t, int64_t now);
void timer_resume(struct timer *t, int64_t now);
/* Add seconds; a timer that was up runs again. */
void timer_extend(struct timer *t, int64_t seconds, int64_t now);
void timer_end(struct timer *t, int64_t now);

/* "m:ss", "mm:ss" or whole minutes "m"; false when it is none of these or
 * is not between 0:01 and 999:59. */
bool timer_parse(const char *s, int64_t *seconds);

/* seconds as "mm:ss" (at least two digits of minutes). */
void timer_format(int64_t seconds, char out[16]);

#endif
