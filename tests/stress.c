// SPDX-License-Identifier: GPL-2.0
/*
 * stress.c - random concurrent use of the utrace C core
 *
 * Generations of: 3 tracees doing random events (syscall entry/exit, exec,
 * the return-to-user work loop, the signal path, exit), 4 controllers doing
 * random API calls following the documented protocol (attach, set_events,
 * every utrace_control action, barrier, lookups, DETACH with the
 * engine-data protocol of docs/protocol.md section 6), a reaper
 * (release_task as soon as a tracee is a zombie, often during its death
 * report) and a signal source (SIGKILL, job-control stop/continue, other
 * signals): 9 threads.  Engine callbacks return random actions (STOP,
 * REPORT, INTERRUPT, SINGLESTEP, DETACH, syscall abort, signal actions).
 * Every hook point of utrace.c may yield (widening race windows).
 *
 * Checked:
 *  - every return code is in the documented set for the call and action;
 *  - the lock invariant at the end of EVERY utrace->lock critical section
 *    (wrap.c: utrace_test_check_invariants with the lock still held);
 *  - engine data: a callback never runs after the controller was allowed
 *    to free the data (the payload is really freed: ASan sees a late use);
 *  - release() exactly once per successful attach, never for a failed one;
 *  - at the end of each generation no tracee stays stopped once no engine
 *    wants it stopped (every controller detached: each tracee must finish,
 *    bounded wait), every task's engine lists are empty and utrace_flags 0.
 * The seed is printed; --seed reproduces each thread's random stream.
 *
 * Known C-core bugs N3/N4 (tests/PATCHES.md) lose a reaped task's teardown:
 * by default a test-side lock keeps the controllers out of their windows;
 * with --expose-known the run stops with exit status 3 when it hits one.
 *
 * Usage: stress [--seconds N] [--seed S] [--tracees N] [--controllers N]
 *               [--ops N] [--expose-known] [--watchdog SECONDS]
 */
#include "th.h"

#include <getopt.h>
#include <sched.h>
#include <time.h>
#include <unistd.h>

#define MAXT	8
#define MAXC	8
#define ESTOP	(1UL << _UTRACE_NEVENTS)
#define EV(x)	UTRACE_EVENT(x)
#define DATA_MAGIC 0x5eedda7aU

static int ntr = 3, nctl = 4;
static double seconds = 60;
static unsigned long long seed;
static int ops_per_gen = 3000;
/* Keep controllers out of the windows of the known lost-teardown bugs N3/N4
 * (tests/PATCHES.md): a test-side lock orders DETACH/set_events against the
 * tracee's exit_state store + utrace_exit_notify(), and no DEATH/QUIESCE is
 * set on a task that has exited.  --expose-known drops it. */
static int avoid_known = 1;
static int watchdog_fired;
static double watchdog_s = 30;

/* ------------------------------------------------------------------ */
/* Random numbers: xorshift64*, one stream per thread                  */

static __thread unsigned long long rs;

static unsigned long long rnd(void)
{
	rs ^= rs >> 12;
	rs ^= rs << 25;
	rs ^= rs >> 27;
	return rs * 2685821657736338717ULL;
}

static unsigned int rn(unsigned int n)
{
	return (unsigned int)(rnd() % n);
}

static void rnd_seed(unsigned long long a, unsigned long long b)
{
	rs = seed ^ (a * 0x9E3779B97F4A7C15ULL) ^ (b * 0xC2B2AE3D27D4EB4FULL) ^ 0x1234567ULL;
	if (!rs)
		rs = 1;
	rnd();
}

/* ------------------------------------------------------------------ */
/* Statistics                                                         */

static unsigned long st_calls, st_callbacks, st_stops, st_kills, st_attach, st_release,
	st_detach_protocol, st_deferred_reaps, st_gens, st_events, st_selfdetach;
static unsigned long st_rc[8][16];	/* per call kind, per result */
static int violations;
static char violation_msg[512];

#define ADD(x, n) __atomic_fetch_add(&(x), (n), __ATOMIC_RELAXED)

static void violation(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void violation(const char *fmt, ...)
{
	va_list ap;

	if (__atomic_fetch_add(&violations, 1, __ATOMIC_SEQ_CST) == 0) {
		va_start(ap, fmt);
		vsnprintf(violation_msg, sizeof(violation_msg), fmt, ap);
		va_end(ap);
		fprintf(stderr, "stress: VIOLATION: %s\n", violation_msg);
	}
}

/* ------------------------------------------------------------------ */
/* Engines and their data                                             */

struct sdata {
	unsigned int magic;
	int *payload;			/* freed when the protocol allows it */
	int ctl;
	int in_cb;			/* callbacks of this engine under way */
	const char *cb;			/* the last one */
	struct task_struct *cb_task;	/* the thread making it */
};

static struct utrace_engine_ops ops[MAXC];

static void cb_end(struct utrace_engine *e)
{
	struct sdata *d = e->data;

	__atomic_fetch_sub(&d->in_cb, 1, __ATOMIC_RELAXED);
}

#define RET(e, v) do { u32 _v = (v); cb_end(e); return _v; } while (0)

static void touch(struct utrace_engine *e, const char *cb)
{
	struct sdata *d = e->data;
	int *p;

	__atomic_fetch_add(&d->in_cb, 1, __ATOMIC_RELAXED);
	__atomic_store_n(&d->cb, cb, __ATOMIC_RELAXED);
	__atomic_store_n(&d->cb_task, current, __ATOMIC_RELAXED);
	ADD(st_callbacks, 1);
	if (d->magic != DATA_MAGIC) {
		violation("%s: engine data corrupted (magic %#x)", cb, d->magic);
		return;
	}
	p = __atomic_load_n(&d->payload, __ATOMIC_ACQUIRE);
	if (!p) {
		violation("%s called after the controller was allowed to free the data "
			  "(engine-data protocol, docs/protocol.md 6)", cb);
		return;
	}
	__atomic_fetch_add(p, 1, __ATOMIC_RELAXED);
}

static u32 rand_resume(void)
{
	unsigned int r = rn(100);

	if (r < 55)
		return UTRACE_RESUME;
	if (r < 72)
		return UTRACE_STOP;
	if (r < 80)
		return UTRACE_REPORT;
	if (r < 86)
		return UTRACE_INTERRUPT;
	if (r < 92)
		return UTRACE_SINGLESTEP;
	if (r < 95)
		return UTRACE_BLOCKSTEP;
	ADD(st_selfdetach, 1);
	return UTRACE_DETACH;
}

static u32 s_quiesce(u32 action, struct utrace_engine *e, unsigned long event)
{
	(void)action;
	(void)event;
	touch(e, "report_quiesce");
	RET(e, rand_resume());
}

static u32 s_signal(u32 action, struct utrace_engine *e, struct pt_regs *regs,
		    kernel_siginfo_t *info, const struct k_sigaction *orig_ka,
		    struct k_sigaction *return_ka)
{
	u32 sa = utrace_signal_action(action);

	(void)regs;
	(void)info;
	(void)orig_ka;
	(void)return_ka;
	touch(e, "report_signal");
	/* In a REPORT/HANDLER pass keep the signal action (the engine API rule). */
	if (sa != UTRACE_SIGNAL_REPORT && sa != UTRACE_SIGNAL_HANDLER && rn(4) == 0)
		sa = rn(2) ? UTRACE_SIGNAL_IGN : UTRACE_SIGNAL_DELIVER;
	RET(e, sa | rand_resume());
}

static u32 s_exec(u32 action, struct utrace_engine *e, const struct linux_binprm *b,
		  struct pt_regs *regs)
{
	(void)action;
	(void)b;
	(void)regs;
	touch(e, "report_exec");
	RET(e, rand_resume());
}

static u32 s_sysentry(u32 action, struct utrace_engine *e, struct pt_regs *regs)
{
	(void)action;
	(void)regs;
	touch(e, "report_syscall_entry");
	RET(e, (rn(8) ? UTRACE_SYSCALL_RUN : UTRACE_SYSCALL_ABORT) | rand_resume());
}

static u32 s_sysexit(u32 action, struct utrace_engine *e, struct pt_regs *regs)
{
	(void)action;
	(void)regs;
	touch(e, "report_syscall_exit");
	RET(e, rand_resume());
}

static u32 s_exit(u32 action, struct utrace_engine *e, long orig, long *code)
{
	(void)action;
	(void)orig;
	(void)code;
	touch(e, "report_exit");
	RET(e, rand_resume());
}

static u32 s_death(struct utrace_engine *e, bool group_dead, int signal)
{
	(void)group_dead;
	(void)signal;
	touch(e, "report_death");
	RET(e, rn(4) ? UTRACE_RESUME : UTRACE_DETACH);
}

static void s_reap(struct utrace_engine *e, struct task_struct *t)
{
	(void)t;
	touch(e, "report_reap");
	cb_end(e);
}

static void s_release(void *data)
{
	struct sdata *d = data;

	if (d->magic != DATA_MAGIC)
		violation("release: engine data corrupted or released twice");
	d->magic = 0;
	free(__atomic_exchange_n(&d->payload, NULL, __ATOMIC_ACQ_REL));
	free(d);
	ADD(st_release, 1);
}

static void ops_init(void)
{
	int i;

	for (i = 0; i < MAXC; i++) {
		ops[i].report_quiesce = s_quiesce;
		ops[i].report_signal = s_signal;
		ops[i].report_exec = s_exec;
		ops[i].report_syscall_entry = s_sysentry;
		ops[i].report_syscall_exit = s_sysexit;
		ops[i].report_exit = s_exit;
		ops[i].report_death = s_death;
		ops[i].report_reap = s_reap;
		ops[i].release = s_release;
	}
}

/* ------------------------------------------------------------------ */
/* A generation                                                       */

struct tracee_s {
	pthread_rwlock_t exit_lock;	/* avoid_known only */
	struct task_struct *t;
	int idx;
	int stop;		/* the generation ends: exit */
	int exited;		/* utask_exit() done */
	int released;		/* the reaper ran release_task() */
	unsigned long events;
};

struct gen {
	int no;
	struct tracee_s tr[MAXT];
	struct task_struct *ctl[MAXC], *reaper, *killer;
	int ctl_done;
	int all_released;
};

static struct gen *G;
static void sig_handler_dummy(int sig) { (void)sig; }

static void tracee_fn(struct task_struct *t, void *arg)
{
	struct tracee_s *ts = arg;
	struct pt_regs regs = { 0, 0, 0, 0 };
	kernel_siginfo_t info;
	struct k_sigaction ka;
	long code = 0;

	rnd_seed(1000 + (unsigned long long)G->no, (unsigned long long)ts->idx);
	memset(&info, 0, sizeof(info));
	while (!__atomic_load_n(&ts->stop, __ATOMIC_ACQUIRE)) {
		if (utask_fatal_pending(t))
			break;
		ADD(st_events, 1);
		switch (rn(10)) {
		case 0:
		case 1:
			(void)utask_syscall_entry(&regs);
			break;
		case 2:
		case 3:
			utask_syscall_exit(&regs);
			break;
		case 4:
			utask_exec();
			break;
		case 5:
			/* A fresh info buffer: see the SIGREPORT known bug. */
			memset(&info, 0, sizeof(info));
			(void)utask_get_signal(&regs, &info, &ka);
			break;
		default:
			memset(&info, 0, sizeof(info));
			(void)utask_return_to_user(&regs, &info);
			break;
		}
		if (rn(40000) == 0)
			break;		/* exits on its own */
		if (rn(8) == 0)
			sched_yield();
	}
	if (avoid_known) {
		/* utask_exit(), with the exit_state store and utrace_exit_notify()
		 * inside the test's exit lock */
		utrace_hook_exit(&code);
		pthread_rwlock_wrlock(&ts->exit_lock);
		write_lock(&tasklist_lock);
		__atomic_store_n(&t->exit_state, EXIT_ZOMBIE, __ATOMIC_SEQ_CST);
		write_unlock(&tasklist_lock);
		utrace_exit_notify(t, true, SIGCHLD);
		pthread_rwlock_unlock(&ts->exit_lock);
	} else {
		utask_exit(code);
	}
	__atomic_store_n(&ts->exited, 1, __ATOMIC_RELEASE);
}

static void exit_lock(struct tracee_s *ts)
{
	if (avoid_known)
		pthread_rwlock_rdlock(&ts->exit_lock);
}

static void exit_unlock(struct tracee_s *ts)
{
	if (avoid_known)
		pthread_rwlock_unlock(&ts->exit_lock);
}

/* N4 avoidance: never DEATH/QUIESCE on a task that has exited. */
static unsigned long mask_known(struct task_struct *t, unsigned long ev)
{
	if (avoid_known && utask_exit_state(t))
		ev &= ~_UTRACE_DEATH_EVENTS;
	return ev;
}

/* The allowed results (docs/protocol.md section 5). */
static int rc_idx(int r)
{
	switch (r) {
	case 0: return 0;
	case -EINPROGRESS: return 1;
	case -EALREADY: return 2;
	case -ESRCH: return 3;
	case -EINVAL: return 4;
	case -EEXIST: return 5;
	case -ENOMEM: return 6;
	case -ENOENT: return 7;
	case -ERESTARTSYS: return 8;
	case -EOPNOTSUPP: return 9;
	default: return 15;
	}
}

enum { K_ATTACH, K_EVENTS, K_CONTROL, K_BARRIER, K_DETACH, K_LOOKUP, K_N };
static const char *const k_names[K_N] = { "attach", "set_events", "control", "barrier",
					  "detach", "lookup" };

static void expect_rc(int kind, int r, unsigned int allowed, const char *what)
{
	ADD(st_calls, 1);
	ADD(st_rc[kind][rc_idx(r)], 1);
	if (!(allowed & (1U << rc_idx(r))))
		violation("%s returned %s, not in the documented set", what, th_errname(r));
}

#define A(i) (1U << (i))

struct slot {
	struct utrace_engine *e;
	struct sdata *d;
	unsigned long events;
};

static __thread const char *cur_what;

static void free_payload(struct sdata *d)
{
	int n = __atomic_load_n(&d->in_cb, __ATOMIC_RELAXED);

	if (n) {
		struct task_struct *ct = __atomic_load_n(&d->cb_task, __ATOMIC_RELAXED);

		violation("%s: the protocol allowed freeing the engine data while %d callback(s) "
			  "(%s by %s) were running", cur_what, n,
			  __atomic_load_n(&d->cb, __ATOMIC_RELAXED), ct ? ct->comm : "?");
	}
	free(__atomic_exchange_n(&d->payload, NULL, __ATOMIC_ACQ_REL));
}

/* DETACH following the engine-data protocol; drops our reference. */
static void detach_protocol(struct tracee_s *ts, struct slot *s)
{
	struct task_struct *t = ts->t;
	int r;

	exit_lock(ts);
	r = utrace_control(t, s->e, UTRACE_DETACH);
	exit_unlock(ts);
	expect_rc(K_DETACH, r, A(0) | A(1) | A(2) | A(3), "utrace_control(DETACH)");
	if (r == -EINPROGRESS || r == -ESRCH) {
		int b = utrace_barrier(t, s->e);

		/* -ERESTARTSYS only once the watchdog signalled us: give up */
		expect_rc(K_BARRIER, b, A(0) | A(3) |
			  (__atomic_load_n(&watchdog_fired, __ATOMIC_RELAXED) ? A(8) : 0),
			  "utrace_barrier after DETACH");
		if (b == 0 || b == -ESRCH) {
			cur_what = b ? "DETACH then barrier -ESRCH" : "DETACH then barrier 0";
			free_payload(s->d);
		}
	} else if (r == 0) {
		cur_what = "DETACH 0";
		free_payload(s->d);
	}
	/* -EALREADY: report_death (or the release) cleans up. */
	ADD(st_detach_protocol, 1);
	utrace_engine_put(s->e);
	s->e = NULL;
	s->d = NULL;
}

static unsigned long rand_events(void)
{
	static const unsigned long bits[] = {
		EV(QUIESCE), EV(REAP), EV(EXEC), EV(EXIT), EV(DEATH), EV(SYSCALL_ENTRY),
		EV(SYSCALL_EXIT), EV(SIGNAL), EV(SIGNAL_IGN), EV(SIGNAL_STOP), EV(SIGNAL_TERM),
		EV(SIGNAL_CORE)
	};
	unsigned long ev = 0;
	unsigned int i;

	for (i = 0; i < sizeof(bits) / sizeof(bits[0]); i++)
		if (rn(3) == 0)
			ev |= bits[i];
	return ev;
}

static void controller_fn(struct task_struct *me, void *arg)
{
	int c = (int)(long)arg;
	struct slot slots[MAXT];
	int op, i;

	(void)me;
	memset(slots, 0, sizeof(slots));
	rnd_seed(2000 + (unsigned long long)G->no, (unsigned long long)c);
	for (op = 0; op < ops_per_gen; op++) {
		struct tracee_s *ts = &G->tr[rn((unsigned int)ntr)];
		struct task_struct *t = ts->t;
		struct slot *s = &slots[ts->idx];
		int r;

		if (!s->e) {
			struct sdata *d = calloc(1, sizeof(*d));
			struct utrace_engine *e;

			d->magic = DATA_MAGIC;
			d->payload = calloc(1, sizeof(int));
			d->ctl = c;
			if (rn(50) == 0)
				utask_fail_alloc(1);
			e = utrace_attach_task(t, UTRACE_ATTACH_CREATE | UTRACE_ATTACH_EXCLUSIVE |
					       UTRACE_ATTACH_MATCH_OPS, &ops[c], d);
			utask_fail_alloc(0);
			if (IS_ERR(e)) {
				expect_rc(K_ATTACH, (int)PTR_ERR(e), A(3) | A(5) | A(6),
					  "utrace_attach_task(CREATE|EXCLUSIVE)");
				free(d->payload);
				free(d);	/* never linked: no release() */
				continue;
			}
			expect_rc(K_ATTACH, 0, A(0), "attach");
			ADD(st_attach, 1);
			s->e = e;
			s->d = d;
			exit_lock(ts);
			s->events = mask_known(t, rand_events());
			r = utrace_set_events(t, e, s->events);
			exit_unlock(ts);
			expect_rc(K_EVENTS, r, A(0) | A(2) | A(3), "utrace_set_events (new engine)");
			continue;
		}
		switch (rn(20)) {
		case 0:
		case 1:
		case 2: {
			unsigned long ev;

			exit_lock(ts);
			ev = mask_known(t, rand_events());
			r = utrace_set_events(t, s->e, ev);
			exit_unlock(ts);
			expect_rc(K_EVENTS, r, A(0) | A(1) | A(2) | A(3), "utrace_set_events");
			if (!r || r == -EINPROGRESS)
				s->events = ev;
			if (r == -EINPROGRESS) {
				r = utrace_barrier(t, s->e);
				expect_rc(K_BARRIER, r, A(0) | A(3) |
					  (__atomic_load_n(&watchdog_fired, __ATOMIC_RELAXED) ? A(8) : 0),
					  "utrace_barrier");
			}
			break;
		}
		case 3:
		case 4:
		case 5:
		case 6:
		case 7:
		case 8:
		case 9: {
			enum utrace_resume_action a = (enum utrace_resume_action)rn(UTRACE_DETACH);
			unsigned int ok = A(0) | A(3);

			if (a == UTRACE_STOP) {
				ok |= A(1);
				ADD(st_stops, 1);
			}
			if (a >= UTRACE_REPORT && a < UTRACE_RESUME)
				ok |= A(4);	/* without QUIESCE */
			r = utrace_control(t, s->e, a);
			expect_rc(K_CONTROL, r, ok, "utrace_control");
			if (r == -EINVAL && (s->events & EV(QUIESCE)) &&
			    utrace_test_engine_state(s->e) == UTRACE_TEST_ENGINE_LIVE &&
			    utrace_test_engine_flags(s->e) & EV(QUIESCE))
				violation("utrace_control(%d) = -EINVAL with QUIESCE set", a);
			break;
		}
		case 10:
		case 11:
		case 12:
			r = utrace_barrier(t, s->e);
			expect_rc(K_BARRIER, r, A(0) | A(3) |
				  (__atomic_load_n(&watchdog_fired, __ATOMIC_RELAXED) ? A(8) : 0),
				  "utrace_barrier");
			break;
		case 13: {
			struct utrace_engine *e = utrace_attach_task(t, UTRACE_ATTACH_MATCH_OPS,
								     &ops[c], NULL);

			if (IS_ERR(e)) {
				expect_rc(K_LOOKUP, (int)PTR_ERR(e), A(7), "lookup");
			} else {
				expect_rc(K_LOOKUP, 0, A(0), "lookup");
				if (e != s->e)
					violation("lookup found an engine that is not ours");
				utrace_engine_put(e);
			}
			break;
		}
		case 14: {
			/* RESUME what we stopped, or a random bad call that must be refused */
			static const long bad[] = { 7, 8, -1, 1000 };

			r = utrace_control(t, s->e, (enum utrace_resume_action)bad[rn(4)]);
			expect_rc(K_CONTROL, r, A(4), "utrace_control(out of range)");
			r = utrace_control(t, NULL, UTRACE_RESUME);
			expect_rc(K_CONTROL, r, A(4), "utrace_control(NULL engine)");
			r = utrace_control(t, s->e, UTRACE_RESUME);
			expect_rc(K_CONTROL, r, A(0) | A(3), "utrace_control(RESUME)");
			break;
		}
		default:
			detach_protocol(ts, s);
			break;
		}
		if (rn(16) == 0)
			sched_yield();
	}
	/* End of the generation: let go of every tracee. */
	for (i = 0; i < ntr; i++)
		if (slots[i].e)
			detach_protocol(&G->tr[i], &slots[i]);
	__atomic_fetch_add(&G->ctl_done, 1, __ATOMIC_SEQ_CST);
}

static void reaper_fn(struct task_struct *me, void *arg)
{
	int done = 0, i;

	(void)me;
	(void)arg;
	rnd_seed(3000 + (unsigned long long)G->no, 0);
	while (done < ntr) {
		for (i = 0; i < ntr; i++) {
			struct tracee_s *ts = &G->tr[i];

			if (ts->released || !utask_exit_state(ts->t))
				continue;
			if (!__atomic_load_n(&ts->exited, __ATOMIC_ACQUIRE))
				ADD(st_deferred_reaps, 1);	/* T may be in report_death */
			utask_release(ts->t);
			__atomic_store_n(&ts->released, 1, __ATOMIC_RELEASE);
			done++;
		}
		if (rn(4) == 0)
			sched_yield();
		else
			th_usleep(20);
	}
	__atomic_store_n(&G->all_released, 1, __ATOMIC_RELEASE);
}

static void killer_fn(struct task_struct *me, void *arg)
{
	(void)me;
	(void)arg;
	rnd_seed(4000 + (unsigned long long)G->no, 0);
	while (!__atomic_load_n(&G->all_released, __ATOMIC_ACQUIRE)) {
		struct tracee_s *ts = &G->tr[rn((unsigned int)ntr)];
		unsigned int r = rn(1000);

		if (utask_exit_state(ts->t)) {
			th_usleep(50);
			continue;
		}
		if (r < 1) {
			utask_send_signal(ts->t, SIGKILL);
			ADD(st_kills, 1);
		} else if (r < 40) {
			static const int sigs[] = { SIGUSR1, SIGUSR2, SIGCHLD, SIGTERM, SIGSTOP,
						    SIGTSTP, SIGQUIT };

			utask_send_signal(ts->t, sigs[rn(sizeof(sigs) / sizeof(sigs[0]))]);
		} else if (r < 80) {
			utask_group_continue(ts->t);
		}
		th_usleep(30 + (int)rn(200));
	}
}

static bool wait_for(int *flag, double timeout_s)
{
	double d = th_now() + timeout_s;

	while (!__atomic_load_n(flag, __ATOMIC_ACQUIRE)) {
		if (th_now() > d)
			return false;
		th_usleep(200);
	}
	return true;
}

static void dump_stuck(struct gen *g)
{
	int i;

	for (i = 0; i < ntr; i++) {
		struct task_struct *t = g->tr[i].t;
		struct utrace_test_state st;
		unsigned int inv;

		if (th_lock_try(th_ulock(t))) {
			fprintf(stderr, "  tracee %d: state %#x, utrace->lock is held\n", i,
				utask_state(t));
			continue;
		}
		utrace_test_get_state(t, &st);
		inv = utrace_test_check_invariants(t);
		fprintf(stderr, "  tracee %d: state %#x exit_state %d utrace_flags %#lx "
			"attached %d attaching %d resume %u death %d reap %d exited %d "
			"released %d invariants %s\n", i, utask_state(t), utask_exit_state(t),
			utask_utrace_flags(t), st.nr_attached, st.nr_attaching, st.resume,
			st.death, st.reap, g->tr[i].exited, g->tr[i].released,
			inv ? th_inv_names(inv) : "ok");
	}
}

static void fatal(struct gen *g, const char *what)
{
	fprintf(stderr, "stress: FAIL (seed %llu, generation %d): %s\n", seed, g->no, what);
	dump_stuck(g);
	fflush(stderr);
	_exit(1);
}

static void generation(int no)
{
	struct gen *g = calloc(1, sizeof(*g));
	int i, c;

	g->no = no;
	G = g;
	for (i = 0; i < ntr; i++) {
		char name[16];

		snprintf(name, sizeof(name), "T%d", i);
		g->tr[i].t = th_task(strdup(name), 0);
		g->tr[i].idx = i;
		pthread_rwlock_init(&g->tr[i].exit_lock, NULL);
		/* a handler for SIGUSR2: the DELIVER-with-handler path */
		g->tr[i].t->sighand->action[SIGUSR2 - 1].sa.sa_handler = sig_handler_dummy;
		if (rn(2))
			g->tr[i].t->sighand->action[SIGCHLD - 1].sa.sa_handler = SIG_IGN;
	}
	for (c = 0; c < nctl; c++)
		g->ctl[c] = th_task("C", 0);
	g->reaper = th_task("R", 0);
	g->killer = th_task("K", 0);

	for (i = 0; i < ntr; i++)
		CHECK_EQ(utask_start(g->tr[i].t, tracee_fn, &g->tr[i]), 0);
	for (c = 0; c < nctl; c++)
		CHECK_EQ(utask_start(g->ctl[c], controller_fn, (void *)(long)c), 0);
	CHECK_EQ(utask_start(g->reaper, reaper_fn, NULL), 0);
	CHECK_EQ(utask_start(g->killer, killer_fn, NULL), 0);

	/* Controllers finish their operations and detach everything.  A
	 * controller that does not finish is polling utrace_barrier() forever:
	 * the watchdog interrupts it (-ERESTARTSYS) so the state can be shown. */
	{
		double d = th_now() + watchdog_s;

		while (__atomic_load_n(&g->ctl_done, __ATOMIC_SEQ_CST) < nctl) {
			if (th_now() > d && !watchdog_fired) {
				fprintf(stderr, "stress: watchdog: controllers still busy after %.0fs: "
					"interrupting their utrace_barrier() polls\n", watchdog_s);
				__atomic_store_n(&watchdog_fired, 1, __ATOMIC_SEQ_CST);
				for (c = 0; c < nctl; c++)
					utask_send_signal(g->ctl[c], SIGUSR1);
			}
			if (th_now() > d + 30.0)
				fatal(g, "controllers did not finish even after the watchdog (hang)");
			th_usleep(500);
		}
	}
	for (c = 0; c < nctl; c++)
		utask_join(g->ctl[c]);
	/* No engine wants any tracee stopped any more: they must all finish. */
	for (i = 0; i < ntr; i++)
		__atomic_store_n(&g->tr[i].stop, 1, __ATOMIC_RELEASE);
	for (i = 0; i < ntr; i++) {
		double d = th_now() + 20.0;

		while (!__atomic_load_n(&g->tr[i].exited, __ATOMIC_ACQUIRE)) {
			if (th_now() > d) {
				if (utask_is_utraced(g->tr[i].t))
					fatal(g, "leaked stop: a tracee stays in utrace_stop although "
					      "every engine was detached");
				fatal(g, "a tracee did not finish within 20s");
			}
			/* job-control stops are not ours: continue them */
			utask_group_continue(g->tr[i].t);
			th_usleep(200);
		}
	}
	if (!wait_for(&g->all_released, 20.0))
		fatal(g, "the reaper did not release every tracee");
	for (i = 0; i < ntr; i++)
		utask_join(g->tr[i].t);
	utask_join(g->reaper);
	utask_join(g->killer);

	for (i = 0; i < ntr; i++) {
		struct task_struct *t = g->tr[i].t;
		struct utrace_test_state st;
		unsigned int inv = utrace_test_check_invariants(t);

		utrace_test_get_state(t, &st);
		if (inv)
			fatal(g, "lock invariant broken at the end of the generation");
		if ((st.nr_attached || st.nr_attaching) && st.reap && !st.death &&
		    (utask_utrace_flags(t) & _UTRACE_DEATH_EVENTS)) {
			fprintf(stderr, "stress: known bug N3/N4 reproduced (seed %llu, generation "
				"%d): lost teardown: tracee %d is reaped and its death report is "
				"over, but utrace_flags %#lx hold DEATH/QUIESCE, so release_task() "
				"left the teardown to it; %d engine(s) stay linked forever\n",
				seed, g->no, i, utask_utrace_flags(t),
				st.nr_attached + st.nr_attaching);
			dump_stuck(g);
			fflush(stderr);
			_exit(3);
		}
		if (st.nr_attached || st.nr_attaching || utask_utrace_flags(t) || st.death)
			fatal(g, "engines left on a reaped task");
		if (utask_is_utraced(t))
			fatal(g, "a dead task is still marked utrace-stopped");
	}
	for (i = 0; i < ntr; i++) {
		struct task_struct *t = g->tr[i].t;

		th_task_unregister(t);
		free((void *)t->comm);
		utask_destroy(t);
		pthread_rwlock_destroy(&g->tr[i].exit_lock);
	}
	for (c = 0; c < nctl; c++) {
		th_task_unregister(g->ctl[c]);
		utask_destroy(g->ctl[c]);
	}
	th_task_unregister(g->reaper);
	utask_destroy(g->reaper);
	th_task_unregister(g->killer);
	utask_destroy(g->killer);
	G = NULL;
	free(g);
	if (__atomic_load_n(&st_attach, __ATOMIC_SEQ_CST) !=
	    __atomic_load_n(&st_release, __ATOMIC_SEQ_CST)) {
		fprintf(stderr, "stress: FAIL (seed %llu, generation %d): release() calls %lu "
			"!= successful attaches %lu\n", seed, no, st_release, st_attach);
		_exit(1);
	}
	if (violations || th_inv_violations()) {
		fprintf(stderr, "stress: FAIL (seed %llu, generation %d): %s\n", seed, no,
			violations ? violation_msg : th_inv_first());
		_exit(1);
	}
}

static void yield_hook(const char *tag)
{
	(void)tag;
	if (rn(16) == 0)
		sched_yield();
}

int main(int argc, char **argv)
{
	static const struct option lo[] = {
		{ "seconds", required_argument, NULL, 's' },
		{ "seed", required_argument, NULL, 'S' },
		{ "tracees", required_argument, NULL, 't' },
		{ "controllers", required_argument, NULL, 'c' },
		{ "ops", required_argument, NULL, 'o' },
		{ "expose-known", no_argument, NULL, 'x' },
		{ "watchdog", required_argument, NULL, 'w' },
		{ NULL, 0, NULL, 0 }
	};
	double t0;
	int o, k, gen = 0;

	seed = (unsigned long long)time(NULL) ^ ((unsigned long long)getpid() << 16);
	while ((o = getopt_long(argc, argv, "", lo, NULL)) != -1) {
		switch (o) {
		case 's': seconds = atof(optarg); break;
		case 'S': seed = strtoull(optarg, NULL, 0); break;
		case 't': ntr = atoi(optarg); break;
		case 'c': nctl = atoi(optarg); break;
		case 'o': ops_per_gen = atoi(optarg); break;
		case 'x': avoid_known = 0; break;
		case 'w': watchdog_s = atof(optarg); break;
		default:
			fprintf(stderr, "usage: %s [--seconds N] [--seed S] [--tracees N] "
				"[--controllers N] [--ops N]\n", argv[0]);
			return 2;
		}
	}
	if (ntr < 1 || ntr > MAXT || nctl < 1 || nctl > MAXC)
		return 2;
	printf("stress: seed %llu (reproduce: --seed %llu%s), %d threads: %d tracees, "
	       "%d controllers, a reaper, a signal source; %.0fs; known lost-teardown "
	       "windows (N3/N4) %s\n", seed, seed, avoid_known ? "" : " --expose-known",
	       ntr + nctl + 2, ntr, nctl, seconds, avoid_known ? "avoided" : "exposed");
	fflush(stdout);
	ops_init();
	rnd_seed(0, 0);
	th_step_hook = yield_hook;
	th_inv_enabled = 1;
	{
		struct task_struct *mainc = th_task("main", 0);

		utask_bind_current(mainc);
		t0 = th_now();
		do {
			generation(gen++);
			ADD(st_gens, 1);
		} while (th_now() - t0 < seconds);
		utask_bind_current(NULL);
		th_task_unregister(mainc);
		utask_destroy(mainc);
	}
	printf("stress: PASS seed %llu: %lu generations, %.0fs, %lu tracee events, %lu API "
	       "calls, %lu callbacks, %lu attaches = %lu release() calls, %lu DETACH with "
	       "the data protocol, %lu self-detaches, %lu stop requests, %lu SIGKILLs, %lu "
	       "release_task() before the death report ended, %lu invariant checks "
	       "(0 violations)\n", seed, st_gens, th_now() - t0, st_events, st_calls,
	       st_callbacks, st_attach, st_release, st_detach_protocol, st_selfdetach,
	       st_stops, st_kills, st_deferred_reaps, th_inv_checks());
	for (k = 0; k < K_N; k++) {
		static const char *const rcn[] = { "0", "-EINPROGRESS", "-EALREADY", "-ESRCH",
			"-EINVAL", "-EEXIST", "-ENOMEM", "-ENOENT", "-ERESTARTSYS", "-EOPNOTSUPP" };
		int j;

		printf("  %-10s", k_names[k]);
		for (j = 0; j < 10; j++)
			if (st_rc[k][j])
				printf(" %s:%lu", rcn[j], st_rc[k][j]);
		printf("\n");
	}
	return 0;
}
