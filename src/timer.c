/* Timer arithmetic. */
#include "timer.h"

#include <stdio.h>
#include <string.h>

int64_t timer_elapsed(const struct timer *t, int64_t now)
{
	int64_t until = now;

	if (!t->started_at)
		return 0;
	if (t->ended_at)
		until = t->ended_at;
	else if (t->paused_at)
		until = t->paused_at;
	until -= t->started_at + t->paused_total;
	return until > 0 ? until : 0;
}

int64_t timer_remaining(const struct timer *t, int64_t now)
{
	int64_t left = t->seconds + t->extra - timer_elapsed(t, now);

	return left > 0 ? left : 0;
}

enum timer_state timer_state(const struct timer *t, int64_t now)
{
	if (!t->started_at)
		return TIMER_IDLE;
	if (t->ended_at)
		return TIMER_ENDED;
	if (timer_remaining(t, now) == 0)
		return TIMER_UP;
	return t->paused_at ? TIMER_PAUSED : TIMER_RUNNING;
}

void timer_start(struct timer *t, int64_t now)
{
	t->started_at = now;
	t->paused_at = 0;
	t->paused_total = 0;
	t->extra = 0;
	t->ended_at = 0;
}

void timer_pause(struct timer *t, int64_t now)
{
	if (timer_state(t, now) == TIMER_RUNNING)
		t->paused_at = now;
}

void timer_resume(struct timer *t, int64_t now)
{
	if (t->paused_at && !t->ended_at) {
		t->paused_total += now - t->paused_at;
		t->paused_at = 0;
	}
}

void timer_extend(struct timer *t, int64_t seconds, int64_t now)
{
	enum timer_state s = timer_state(t, now);

	if (s == TIMER_IDLE || s == TIMER_ENDED)
		return;
	if (s == TIMER_UP) {
		/* The clock stood at 0:00 since the time was up; count from now. */
		int64_t over = timer_elapsed(t, now) - (t->seconds + t->extra);
		t->paused_total += over;
	}
	t->extra += seconds;
}

void timer_end(struct timer *t, int64_t now)
{
	if (t->started_at && !t->ended_at) {
		timer_resume(t, now);
		t->ended_at = now;
	}
}

bool timer_parse(const char *s, int64_t *seconds)
{
	int m, sec, n = 0;

	if (sscanf(s, " %3d:%2d %n", &m, &sec, &n) == 2 && s[n] == '\0' && sec < 60 && m >= 0) {
		*seconds = (int64_t)m * 60 + sec;
	} else if (n = 0, sscanf(s, " %3d %n", &m, &n) == 1 && s[n] == '\0' && m >= 0) {
		*seconds = (int64_t)m * 60;
	} else {
		return false;
	}
	return *seconds > 0 && strchr(s, '-') == NULL && strchr(s, '+') == NULL;
}

void timer_format(int64_t seconds, char out[16])
{
	int minutes;

	if (seconds < 0)
		seconds = 0;
	minutes = seconds / 60 > 99999 ? 99999 : (int)(seconds / 60);
	snprintf(out, 16, "%02d:%02d", minutes, (int)(seconds % 60));
}
