/* SPDX-License-Identifier: GPL-2.0 */
/*
 * th.h - test harness for the utrace C core (user-space face)
 *
 * Shared by the contract tests, the race scenarios and the stress test:
 *
 *  - CHECK* macros that work inside a forked child (th_run_forked): a
 *    failure records the message and ends the child, the parent (a cmocka
 *    test) reports it; every child runs under a wall-clock bound, so a
 *    deadlock or a lost wake-up is a failure, never a hang;
 *  - scripted test engines (struct teng): per-callback return scripts,
 *    call counters, release counting, engine-data poisoning;
 *  - a tracee driver (struct tracee) for sequential tests with a real
 *    tracee thread, and gates to hold the tracee inside a callback;
 *  - state snapshots to prove "no state change" after a rejected call;
 *  - lock tracking and the lock invariant checked at the end of every
 *    utrace->lock critical section (wrap.c, link with TH_WRAP_LDFLAGS).
 */
#ifndef TH_H
#define TH_H

#include "utrace.h"

#include <stdarg.h>
#include <stdio.h>

/* ------------------------------------------------------------------ */
/* Checks (usable in forked children and in plain threads)            */

void th_fail(const char *file, int line, const char *fmt, ...)
	__attribute__((noreturn, format(printf, 3, 4)));

#define CHECK(c) do { if (!(c)) \
	th_fail(__FILE__, __LINE__, "CHECK(%s) failed", #c); } while (0)
#define CHECK_MSG(c, ...) do { if (!(c)) \
	th_fail(__FILE__, __LINE__, __VA_ARGS__); } while (0)
#define CHECK_EQ(a, b) do { long long _a = (long long)(a), _b = (long long)(b); \
	if (_a != _b) th_fail(__FILE__, __LINE__, "%s = %lld, expected %s = %lld", \
			      #a, _a, #b, _b); } while (0)
#define CHECK_HEX(a, b) do { unsigned long long _a = (unsigned long long)(a), \
	_b = (unsigned long long)(b); \
	if (_a != _b) th_fail(__FILE__, __LINE__, "%s = %#llx, expected %s = %#llx", \
			      #a, _a, #b, _b); } while (0)
/* An ERR_PTR result: CHECK_ERR(ptr, -ESRCH) */
#define CHECK_ERR(p, err) do { const void *_p = (p); \
	if (!IS_ERR(_p) || PTR_ERR(_p) != (err)) \
		th_fail(__FILE__, __LINE__, "%s = %s%ld, expected %s (%d)", #p, \
			IS_ERR(_p) ? "error " : "engine ", \
			IS_ERR(_p) ? PTR_ERR(_p) : 0L, #err, (err)); } while (0)
#define CHECK_OK_PTR(p) do { const void *_p = (p); \
	if (!_p || IS_ERR(_p)) th_fail(__FILE__, __LINE__, "%s = error %ld, expected an engine", \
				       #p, _p ? PTR_ERR(_p) : 0L); } while (0)

const char *th_errname(long err);

/*
 * Run fn(arg) in a forked child, bounded by timeout_s seconds of wall
 * time.  Returns 0 if the child exited 0; otherwise writes a reason into
 * msg (the CHECK message, the signal that killed it, or "timeout").  The
 * child's stdout+stderr are captured into out (may be NULL).
 */
int th_run_forked(void (*fn)(void *), void *arg, double timeout_s,
		  char *msg, size_t msglen, char *out, size_t outlen);
/* In a child: append a line to the report the parent receives in out. */
void th_report(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
extern int th_in_child;

/* Sleep / time helpers. */
double th_now(void);
void th_msleep(int ms);
/* Poll cond() every 50us until true, at most timeout_s: the hang detector. */
#define TH_WAIT(cond, timeout_s, what) do { double _d = th_now() + (timeout_s); \
	while (!(cond)) { if (th_now() > _d) \
		th_fail(__FILE__, __LINE__, "timeout (%.1fs) waiting for %s: %s", \
			(double)(timeout_s), what, #cond); th_usleep(50); } } while (0)
void th_usleep(int us);

/* ------------------------------------------------------------------ */
/* Tasks                                                              */

/* utask_create + register for lock tracking / invariant checks. */
struct task_struct *th_task(const char *comm, unsigned int flags);
void th_task_unregister(struct task_struct *t);
/* utrace->lock of t, as learned by the lock wrapper. */
spinlock_t *th_ulock(struct task_struct *t);
/* Fail if t's utrace->lock or siglock is held by anyone. */
void th_check_unlocked_at(const char *file, int line, struct task_struct *t);
#define th_check_unlocked(t) th_check_unlocked_at(__FILE__, __LINE__, (t))

/* ------------------------------------------------------------------ */
/* Invariant checking at the end of every utrace->lock critical section */

extern int th_inv_enabled;		/* set by tests */
unsigned long th_inv_checks(void);	/* number of checks made */
unsigned long th_inv_violations(void);	/* number of violations seen */
const char *th_inv_first(void);		/* description of the first one */
void th_inv_reset(void);
/* Describe the bits of utrace_test_check_invariants(). */
const char *th_inv_names(unsigned int bad);
/* Lock operations on utrace locks (statistics). */
unsigned long th_lock_ops(void);

/* Per-step hook: utrace_test_step() calls this if set. */
extern void (*th_step_hook)(const char *tag);

/* ------------------------------------------------------------------ */
/* Scripted engines                                                   */

enum th_cb {
	CB_QUIESCE, CB_SIGNAL, CB_EXEC, CB_SYSENTRY, CB_SYSEXIT, CB_EXIT,
	CB_DEATH, CB_REAP, CB_N
};
extern const char *const th_cb_names[CB_N];

struct th_gate {
	pthread_mutex_t m;
	pthread_cond_t cv;
	int entered;	/* times a thread entered */
	int open;	/* passes allowed */
};
void th_gate_init(struct th_gate *g);
/* Wait until someone has entered the gate n times (bounded). */
void th_gate_wait_entered(struct th_gate *g, int n, double timeout_s);
void th_gate_open(struct th_gate *g);

#define TH_SCRIPT_MAX 8
#define TH_LOG_MAX 64

struct teng {
	char name[16];
	struct utrace_engine_ops ops;	/* own copy: MATCH_OPS is per engine */
	struct utrace_engine *e;	/* set by th_attach() */
	struct task_struct *target;
	/* return values per callback; after the script: neutral resume */
	u32 script[CB_N][TH_SCRIPT_MAX];
	int nscript[CB_N];
	int calls[CB_N];		/* atomics */
	u32 last_action[CB_N];		/* @action argument of the last call */
	unsigned long last_event;	/* report_quiesce @event */
	int released;			/* release(data) calls */
	/* sequence of callbacks (CB_*), for ordering checks */
	int log[TH_LOG_MAX];
	int nlog;
	/* gates: hold the calling thread inside the callback */
	struct th_gate *gate[CB_N];
	/* scheduler hook "engine:report_x" at callback entry */
	bool hook;
	/* engine-data protocol: the controller poisons the data when the
	 * protocol says it may free it; a callback that runs afterwards
	 * counts as a use after free. */
	int data_freed;
	int uaf;
	char uaf_what[64];
	int in_death;			/* inside report_death */
	int reap_during_death;		/* report_reap started while in report_death */
	int callbacks_after_release;
	/* signal injection for report_signal */
	int inject_signo;
};

void teng_init(struct teng *te, const char *name);
/* Append a return value for callback cb. */
void teng_script(struct teng *te, enum th_cb cb, u32 ret);
int teng_calls(struct teng *te, enum th_cb cb);

/* Attach (CREATE) te to t with flags (CREATE added), set events. */
struct utrace_engine *th_attach(struct task_struct *t, struct teng *te,
				unsigned long events);
extern int th_released_total;		/* release() calls, all engines */
extern int th_attached_total;		/* successful CREATE attaches */

/* Same ops table shape, for tests that need an ops pointer with no state. */
extern const struct utrace_engine_ops th_plain_ops;

/* ------------------------------------------------------------------ */
/* Tracee driver: a tracee thread running commands sent by the test.   */

enum th_cmd {
	TC_NONE, TC_SYSCALL_ENTRY, TC_SYSCALL_EXIT, TC_EXEC, TC_RETURN_TO_USER,
	TC_GET_SIGNAL, TC_EXIT, TC_FN, TC_QUIT
};

struct tracee {
	struct task_struct *t;
	pthread_mutex_t m;
	pthread_cond_t cv;
	enum th_cmd cmd;
	int seq, done;		/* commands posted / completed */
	long result;		/* syscall entry: abort; signals: signr */
	long exit_code;
	kernel_siginfo_t info;	/* the info buffer passed to the signal paths */
	void (*fn)(struct tracee *tr, void *arg);
	void *fn_arg;
	bool started;
};

/* Create the task and start its thread (idle, waiting for commands). */
struct tracee *th_tracee_new(const char *comm);
/* Post a command; returns at once. */
void th_tracee_post(struct tracee *tr, enum th_cmd cmd);
void th_tracee_post_fn(struct tracee *tr, void (*fn)(struct tracee *, void *), void *arg);
/* Wait until every posted command completed (bounded). */
void th_tracee_wait_idle_at(const char *file, int line, struct tracee *tr, double timeout_s);
#define th_tracee_wait_idle(tr) th_tracee_wait_idle_at(__FILE__, __LINE__, (tr), 10.0)
bool th_tracee_idle(struct tracee *tr);
/* Post and wait. */
long th_tracee_do(struct tracee *tr, enum th_cmd cmd);
/* Wait until the tracee is utrace-stopped (in utrace_stop, asleep). */
void th_wait_utraced_at(const char *file, int line, struct task_struct *t, double timeout_s);
#define th_wait_utraced(t) th_wait_utraced_at(__FILE__, __LINE__, (t), 10.0)
/* Stop the thread (TC_QUIT) and join it; the task stays. */
void th_tracee_quit(struct tracee *tr);
/* Quit, make sure it is dead and reaped, destroy. */
void th_tracee_finish(struct tracee *tr);

/* ------------------------------------------------------------------ */
/* Snapshots                                                          */

#define TH_SNAP_ENG 8
struct th_snap {
	unsigned long uflags;
	unsigned int tstate;
	unsigned long tif;
	int exit_state;
	struct utrace_test_state st;
	unsigned int inv;
	int neng;
	struct {
		int state;
		unsigned long flags;
		int refs;
	} eng[TH_SNAP_ENG];
	int released_total;
};
void th_snap_take(struct th_snap *s, struct task_struct *t,
		  struct utrace_engine *const *engs, int n);
void th_snap_same_at(const char *file, int line, const struct th_snap *a,
		     const struct th_snap *b, const char *what);
#define th_snap_same(a, b, what) th_snap_same_at(__FILE__, __LINE__, (a), (b), (what))

/* Engine state as text. */
const char *th_estate(struct utrace_engine *e);

/* Bind the calling thread to a fresh controller task. */
struct task_struct *th_controller(const char *comm);

/* Lock helpers exported by wrap.c for the scheduler. */
int th_lock_try(spinlock_t *l);		/* 0 if it was free (left unlocked) */
const char *th_lock_name(spinlock_t *l);

#endif /* TH_H */
