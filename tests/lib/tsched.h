/* SPDX-License-Identifier: GPL-2.0 */
/*
 * tsched.h - deterministic test scheduler for the utrace C core
 *
 * utrace.c built with -DUTRACE_TEST_HOOKS calls utrace_test_step(tag)
 * immediately before every tagged step of docs/protocol.md.  Each thread
 * of a scenario (T, C0, C1, C2, R, K: the model's process names) is a
 * "participant"; it parks in the hook and runs only when the director
 * (the test's main thread) grants it one step.  Exactly one participant
 * runs at a time: from one hook to its next hook ("one step"), or until
 * it blocks (sleeps in schedule(), or needs a lock that a parked
 * participant holds), or finishes.  The lock and schedule() wrappers of
 * wrap.c tell the scheduler about blocking, so a thread that needs a lock
 * held by a parked thread is seen at once (never a hang).
 *
 * Schedule format (tests/README.md): one entry per line,
 *     [NNN]  WHO  tag  [details...]     WHO executes the step `tag`
 *     WHO  *                            WHO executes its next step, whatever it is
 *     WHO  ->  tag[|tag...]             WHO runs until it is parked at `tag`
 *                                       (or at any of the alternatives)
 *     run  [WHO...]                     run these (default: all) to completion
 *     # comment
 * The first form is the line format of the model's trail narrative
 * (scripts/spinrun.py bugs prints "NNN  WHO  tag  details";
 * tests/tools/trail2sched.py converts a `spin -t` replay), so a trail can be
 * fed as a schedule.  In lenient (trail) mode: lines naming a tag the C code
 * does not have, or a process the scenario does not have, are skipped and
 * listed; "WHO tag" first lets WHO execute the C-only steps it meets before
 * `tag` (the model folds them into its own steps); a line naming the step
 * WHO sleeps in is its wake-up.  After the last entry everybody runs to
 * completion ("run" of all participants).
 *
 * "run" policy: the first listed participant that can make progress
 * executes one step; a participant polling in utrace_barrier (it just
 * executed utrace_barrier:wait) yields to everybody else until some other
 * participant executes a step.  Bounded by SCHED_MAX_STEPS steps: a
 * barrier that polls forever is reported as SCHED_LIVELOCK (a hang
 * detected by a bound, deterministically).
 */
#ifndef TH_TSCHED_H
#define TH_TSCHED_H

#include "th.h"

#define SCHED_MAXP	8
#define SCHED_MAX_STEPS	4000
#define SCHED_STEP_TIMEOUT 5.0	/* s: a granted step must end within this */

enum sched_pstate {
	P_NONE,		/* no such participant */
	P_NEW,		/* thread created, not yet checked in */
	P_RUNNABLE,	/* ready: at its start, or woken from schedule() */
	P_PARKED,	/* in the hook, before step `tag` */
	P_ASLEEP,	/* in schedule() (after step `tag`) */
	P_LOCKWAIT,	/* needs a lock another participant holds */
	P_RUNNING,	/* the one thread running */
	P_DONE		/* its function returned */
};

enum sched_status {
	SCHED_OK,	/* schedule executed, everybody done or asleep */
	SCHED_ERROR,	/* the schedule could not be followed (see sched_error) */
	SCHED_LIVELOCK,	/* step bound reached (e.g. a barrier polling forever) */
	SCHED_HANG,	/* a participant did not come back within the time bound */
	SCHED_DEADLOCK	/* nobody can run, somebody waits for a lock */
};

void sched_reset(void);
/* Add participant `name` running fn(arg) as task t; its thread starts now
 * but is held before its first instruction. */
void sched_add(const char *name, struct task_struct *t, void (*fn)(void *), void *arg);
/* Parse a schedule (appends to the current one).  Returns 0 or -1 with err. */
int sched_parse(const char *text, bool lenient, char *err, size_t errlen);
/* Execute the schedule, then run everyone to completion (bounded). */
enum sched_status sched_run(void);
const char *sched_status_name(enum sched_status s);
const char *sched_error(void);
const char *sched_trace(void);		/* executed steps, "NNN  WHO  tag" */
const char *sched_skipped(void);	/* lenient mode: skipped lines */
int sched_nsteps(void);
enum sched_pstate sched_state(const char *name);
const char *sched_where(const char *name);	/* tag parked at / asleep after */
const char *sched_describe(void);	/* every participant's state */
/* Did `who` execute step `tag` (count)? */
int sched_count(const char *who, const char *tag);
/* Index in the trace of the first step `tag` by `who` after index `from`, or -1. */
int sched_find(const char *who, const char *tag, int from);
/* Release everybody (hooks become no-ops) and join the threads, bounded.
 * Returns true if every thread finished. */
bool sched_finish(double timeout_s);
/* A pseudo-step in test code (e.g. "user:running"). */
void sched_point(const char *tag);
bool sched_is_spec_tag(const char *tag);

/* For wrap.c */
void sched_hook(const char *tag);
int sched_lock(spinlock_t *l);		/* 1: lock taken for the caller */
void sched_locked(spinlock_t *l);
void sched_unlocked(spinlock_t *l);
int sched_sleep_begin(void);		/* 1: call __real_schedule then sched_sleep_end */
void sched_sleep_end(void);
int sched_active_self(void);
const char *sched_last_tag(void);

#endif /* TH_TSCHED_H */
