// SPDX-License-Identifier: GPL-2.0
/*
 * bench.c - cost of the tracehooks and of the API calls
 *
 * Each operation is measured two ways:
 *   bench --ns           native run: nanoseconds per operation (best of
 *                        7 repetitions; an operation that needs an untimed
 *                        set-up/undo step around it is timed one call at a
 *                        time, minus the cost of an empty timed region);
 *   bench --callgrind    under `valgrind --tool=callgrind --collect-atstart=no`:
 *                        instructions per operation, collected only inside
 *                        the operation (CALLGRIND_TOGGLE_COLLECT around it),
 *                        minus an empty region; one dump per operation.
 * Both print "name|engines|value" lines; tests/tools/run.py makes the table.
 * The reference is a bare lock/unlock pair of the same spinlock_t measured
 * in the same run.  Linked against build/c/libutrace.a (no test hooks).
 */
#include "utrace.h"

#include <stdio.h>
#include <time.h>
#if defined(__x86_64__) || defined(__i386__)
# include <x86intrin.h>
# define HAVE_TSC 1
#endif

#if defined(__has_include)
# if __has_include(<valgrind/callgrind.h>)
#  include <valgrind/callgrind.h>
#  define HAVE_CALLGRIND 1
# endif
#endif
#ifndef HAVE_CALLGRIND
# define CALLGRIND_TOGGLE_COLLECT do { } while (0)
# define CALLGRIND_DUMP_STATS_AT(x) do { (void)(x); } while (0)
#endif

#define EV(x) UTRACE_EVENT(x)

static struct pt_regs regs;
static spinlock_t bare;
static int mode_cg;

/* ------------------------------------------------------------------ */
/* Engines: every callback resumes, changing nothing                   */

static int nreleased;

static u32 b_quiesce(u32 a, struct utrace_engine *e, unsigned long ev)
{
	(void)a; (void)e; (void)ev;
	return UTRACE_RESUME;
}

static u32 b_signal(u32 a, struct utrace_engine *e, struct pt_regs *r, kernel_siginfo_t *i,
		    const struct k_sigaction *o, struct k_sigaction *k)
{
	(void)e; (void)r; (void)i; (void)o; (void)k;
	return utrace_signal_action(a) | UTRACE_RESUME;
}

static u32 b_exec(u32 a, struct utrace_engine *e, const struct linux_binprm *b,
		  struct pt_regs *r)
{
	(void)a; (void)e; (void)b; (void)r;
	return UTRACE_RESUME;
}

static u32 b_sys(u32 a, struct utrace_engine *e, struct pt_regs *r)
{
	(void)a; (void)e; (void)r;
	return UTRACE_RESUME;
}

static u32 b_exit(u32 a, struct utrace_engine *e, long o, long *c)
{
	(void)a; (void)e; (void)o; (void)c;
	return UTRACE_RESUME;
}

static u32 b_death(struct utrace_engine *e, bool g, int s)
{
	(void)e; (void)g; (void)s;
	return UTRACE_RESUME;
}

static void b_reap(struct utrace_engine *e, struct task_struct *t)
{
	(void)e; (void)t;
}

static void b_release(void *d)
{
	(void)d;
	nreleased++;
}

static const struct utrace_engine_ops bops = {
	.report_quiesce = b_quiesce,
	.report_signal = b_signal,
	.report_exec = b_exec,
	.report_syscall_entry = b_sys,
	.report_syscall_exit = b_sys,
	.report_exit = b_exit,
	.report_death = b_death,
	.report_reap = b_reap,
	.release = b_release,
};

/* The events of the tracehook benchmarks: one callback per engine per hook. */
#define HOOK_EVENTS (EV(SYSCALL_ENTRY) | EV(SYSCALL_EXIT) | EV(EXEC) | EV(EXIT) | \
		     EV(DEATH) | EV(REAP) | UTRACE_EVENT_SIGNAL_ALL)

static struct task_struct *C, *T;
static struct utrace_engine *eng[8];
static int neng;

static void die(const char *what)
{
	fprintf(stderr, "bench: %s\n", what);
	exit(1);
}

static void attach_n(struct task_struct *t, int n, unsigned long events)
{
	int i;

	for (i = 0; i < n; i++) {
		eng[i] = utrace_attach_task(t, UTRACE_ATTACH_CREATE, &bops, NULL);
		if (IS_ERR(eng[i]))
			die("attach failed");
		if (utrace_set_events(t, eng[i], events))
			die("set_events failed");
	}
	neng = n;
}

/* T runs a report so the engines are spliced and nothing is pending. */
static void as_tracee(void (*fn)(void))
{
	utask_bind_current(T);
	fn();
	utask_bind_current(C);
}

static void t_return(void)
{
	kernel_siginfo_t info;

	memset(&info, 0, sizeof(info));
	(void)utask_return_to_user(&regs, &info);
}

static void t_sysexit(void)
{
	utrace_hook_syscall_exit(&regs);
}

static void new_tracee(int n, unsigned long events)
{
	T = utask_create("T", 0);
	if (!T)
		die("utask_create");
	attach_n(T, n, events);
	as_tracee(t_sysexit);	/* splice */
	as_tracee(t_return);
}

static void end_tracee(void)
{
	int i;

	utask_bind_current(T);
	utask_exit(0);
	utask_bind_current(C);
	utask_release(T);
	for (i = 0; i < neng; i++)
		utrace_engine_put(eng[i]);
	neng = 0;
	utask_destroy(T);
	T = NULL;
}

/* ------------------------------------------------------------------ */
/* Operations                                                         */

struct bop {
	const char *name;
	int engines;		/* -1: not a tracehook */
	void (*setup)(int n);	/* once */
	void (*pre)(void);	/* untimed, before each op */
	void (*op)(void);	/* timed */
	void (*post)(void);	/* untimed, after each op */
	void (*teardown)(void);	/* once */
	int iters;		/* native iterations (0: default) */
};

static void hook_setup(int n)
{
	new_tracee(n, HOOK_EVENTS);
	utask_bind_current(T);
}

static void hook_teardown(void)
{
	utask_bind_current(C);
	end_tracee();
}

static void op_sysentry(void) { (void)utrace_hook_syscall_entry(&regs); }
static void op_sysexit(void) { utrace_hook_syscall_exit(&regs); }
static void op_exec(void) { utrace_hook_exec(NULL, &regs); }
static void op_notify(void) { utrace_hook_notify_resume(&regs); }
static void op_finish_stop(void) { utrace_hook_finish_stop(); }

static void op_getsig(void)
{
	kernel_siginfo_t info;
	struct k_sigaction ka;

	spin_lock_irq(task_siglock(current));
	(void)utrace_hook_get_signal(current, &regs, &info, &ka);
	spin_unlock_irq(task_siglock(current));
}

/* exit + death report + release_task teardown, on a fresh task each time */
static int exit_n;
static void exit_setup(int n) { exit_n = n; }
static void exit_pre(void)
{
	new_tracee(exit_n, HOOK_EVENTS);
	utask_bind_current(T);
}

static void op_exit(void)
{
	long code = 0;

	utrace_hook_exit(&code);
	__atomic_store_n(&T->exit_state, EXIT_ZOMBIE, __ATOMIC_SEQ_CST);
	utrace_exit_notify(T, true, SIGCHLD);
	__atomic_store_n(&T->exit_state, EXIT_DEAD, __ATOMIC_SEQ_CST);
	utrace_release_task(T);
}

static void exit_post(void)
{
	int i;

	utask_bind_current(C);
	for (i = 0; i < neng; i++)
		utrace_engine_put(eng[i]);
	neng = 0;
	utask_destroy(T);
	T = NULL;
}

/* API calls on a target with one engine (QUIESCE|EXEC), not running. */
static void api_setup(int n)
{
	(void)n;
	new_tracee(1, EV(QUIESCE) | EV(EXEC) | EV(SYSCALL_EXIT));
}

static void api_consume(void) { as_tracee(t_return); }

static void op_lookup(void)
{
	struct utrace_engine *e = utrace_attach_task(T, UTRACE_ATTACH_MATCH_OPS, &bops, NULL);

	utrace_engine_put(e);
}

static struct utrace_engine *tmp;
static void op_create(void)
{
	tmp = utrace_attach_task(T, UTRACE_ATTACH_CREATE, &bops, NULL);
}

static void create_post(void)
{
	if (IS_ERR(tmp))
		die("attach");
	utrace_control(T, tmp, UTRACE_DETACH);
	as_tracee(t_return);	/* collect */
	utrace_engine_put(tmp);
}

static void detach_pre(void)
{
	tmp = utrace_attach_task(T, UTRACE_ATTACH_CREATE, &bops, NULL);
	if (IS_ERR(tmp))
		die("attach");
}

static void op_detach(void) { (void)utrace_control(T, tmp, UTRACE_DETACH); }
static void detach_post(void) { as_tracee(t_return); utrace_engine_put(tmp); }
static void op_events(void) { (void)utrace_set_events(T, eng[0], EV(QUIESCE) | EV(EXEC) | EV(SYSCALL_EXIT)); }
static void op_resume(void) { (void)utrace_control(T, eng[0], UTRACE_RESUME); }
static void op_stop(void) { (void)utrace_control(T, eng[0], UTRACE_STOP); }
static void stop_post(void) { utrace_control(T, eng[0], UTRACE_RESUME); api_consume(); }
static void op_report(void) { (void)utrace_control(T, eng[0], UTRACE_REPORT); }
static void op_interrupt(void) { (void)utrace_control(T, eng[0], UTRACE_INTERRUPT); }
static void op_barrier(void) { (void)utrace_barrier(T, eng[0]); }
static void op_getput(void) { utrace_engine_get(eng[0]); utrace_engine_put(eng[0]); }
static void op_bare(void) { spin_lock(&bare); spin_unlock(&bare); }
static void op_empty(void) { }
static void noop_setup(int n) { (void)n; }
static void noop(void) { }

static const struct bop ops[] = {
	{ "bare spin_lock+spin_unlock pair", -1, noop_setup, NULL, op_bare, NULL, noop, 0 },
#define HOOK(nm, fn) \
	{ nm, 0, hook_setup, NULL, fn, NULL, hook_teardown, 0 }, \
	{ nm, 1, hook_setup, NULL, fn, NULL, hook_teardown, 0 }, \
	{ nm, 4, hook_setup, NULL, fn, NULL, hook_teardown, 0 }
	HOOK("tracehook syscall_entry", op_sysentry),
	HOOK("tracehook syscall_exit", op_sysexit),
	HOOK("tracehook exec", op_exec),
	HOOK("tracehook notify_resume (nothing pending)", op_notify),
	HOOK("tracehook get_signal (no signal pending)", op_getsig),
	HOOK("tracehook finish_stop", op_finish_stop),
#undef HOOK
	{ "tracehooks exit+death+release_task", 0, exit_setup, exit_pre, op_exit, exit_post, noop, 2000 },
	{ "tracehooks exit+death+release_task", 1, exit_setup, exit_pre, op_exit, exit_post, noop, 2000 },
	{ "tracehooks exit+death+release_task", 4, exit_setup, exit_pre, op_exit, exit_post, noop, 2000 },
	{ "utrace_attach_task lookup (+engine_put)", -1, api_setup, NULL, op_lookup, NULL, end_tracee, 0 },
	{ "utrace_attach_task CREATE", -1, api_setup, NULL, op_create, create_post, end_tracee, 20000 },
	{ "utrace_set_events (same mask)", -1, api_setup, NULL, op_events, NULL, end_tracee, 0 },
	{ "utrace_control RESUME (no stop pending)", -1, api_setup, NULL, op_resume, NULL, end_tracee, 0 },
	{ "utrace_control STOP (running: -EINPROGRESS)", -1, api_setup, NULL, op_stop, stop_post, end_tracee, 20000 },
	{ "utrace_control REPORT", -1, api_setup, NULL, op_report, api_consume, end_tracee, 20000 },
	{ "utrace_control INTERRUPT", -1, api_setup, NULL, op_interrupt, api_consume, end_tracee, 20000 },
	{ "utrace_control DETACH (running)", -1, api_setup, detach_pre, op_detach, detach_post, end_tracee, 20000 },
	{ "utrace_barrier (no callback running)", -1, api_setup, NULL, op_barrier, NULL, end_tracee, 0 },
	{ "utrace_engine_get+put", -1, api_setup, NULL, op_getput, NULL, end_tracee, 0 },
};

#define NOPS ((int)(sizeof(ops) / sizeof(ops[0])))

static double now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

/* Per-call timer: the TSC (serialised by lfence) in ns, else CLOCK_MONOTONIC. */
static double tsc_ns_per_tick = 0;

static inline double tick(void)
{
#ifdef HAVE_TSC
	unsigned long long t;

	_mm_lfence();
	t = __rdtsc();
	_mm_lfence();
	return (double)t * tsc_ns_per_tick;
#else
	return now_ns();
#endif
}

static void tsc_calibrate(void)
{
#ifdef HAVE_TSC
	double t0 = now_ns(), t1;
	unsigned long long c0 = __rdtsc(), c1;

	do
		t1 = now_ns();
	while (t1 - t0 < 50e6);
	c1 = __rdtsc();
	tsc_ns_per_tick = (t1 - t0) / (double)(c1 - c0);
#endif
}

static int cmpd(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* Mean of the middle 80%: per-call timings are quantised by the timer
 * (about 10 ns here); the mean of many dithered samples is not. */
static double trimmed_mean(double *v, int n)
{
	double sum = 0;
	int i, lo = n / 10, hi = n - n / 10;

	qsort(v, (size_t)n, sizeof(double), cmpd);
	for (i = lo; i < hi; i++)
		sum += v[i];
	return sum / (hi - lo);
}

/* Native: ns per op. */
static double measure_ns(const struct bop *b)
{
	double rep[7];
	int r, i, n = b->iters ? b->iters : 200000;

	b->setup(b->engines < 0 ? 1 : b->engines);
	for (r = 0; r < 7; r++) {
		if (!b->pre && !b->post) {
			double t0;

			for (i = 0; i < n / 10; i++)	/* warm-up */
				b->op();
			t0 = now_ns();
			for (i = 0; i < n; i++)
				b->op();
			rep[r] = (now_ns() - t0) / n;
		} else {
			double *v = malloc((size_t)n * sizeof(double)), *e = malloc(4096 * sizeof(double));
			double over;

			for (i = 0; i < 4096; i++) {
				double t0 = tick();

				op_empty();
				e[i] = tick() - t0;
			}
			over = trimmed_mean(e, 4096);
			for (i = 0; i < n; i++) {
				double t0;

				if (b->pre)
					b->pre();
				t0 = tick();
				b->op();
				v[i] = tick() - t0 - over;
				if (b->post)
					b->post();
			}
			rep[r] = trimmed_mean(v, n);
			free(v);
			free(e);
		}
	}
	b->teardown();
	/* best of 7: the machine may be shared */
	qsort(rep, 7, sizeof(double), cmpd);
	return rep[0];
}

/* Under callgrind: instructions of the op only. */
static void measure_cg(const struct bop *b, int idx)
{
	char name[160];
	int i, n = 200;

	b->setup(b->engines < 0 ? 1 : b->engines);
	for (i = 0; i < 20; i++) {	/* warm-up, not collected */
		if (b->pre)
			b->pre();
		b->op();
		if (b->post)
			b->post();
	}
	CALLGRIND_DUMP_STATS_AT("discard");
	for (i = 0; i < n; i++) {
		if (b->pre)
			b->pre();
		CALLGRIND_TOGGLE_COLLECT;
		b->op();
		CALLGRIND_TOGGLE_COLLECT;
		if (b->post)
			b->post();
	}
	snprintf(name, sizeof(name), "op%d n=%d", idx, n);
	CALLGRIND_DUMP_STATS_AT(name);
	b->teardown();
}

int main(int argc, char **argv)
{
	int i;

	if (argc != 2 || (strcmp(argv[1], "--ns") && strcmp(argv[1], "--callgrind") &&
			  strcmp(argv[1], "--list"))) {
		fprintf(stderr, "usage: %s --ns | --callgrind | --list\n", argv[0]);
		return 2;
	}
	mode_cg = !strcmp(argv[1], "--callgrind");
	if (!mode_cg)
		tsc_calibrate();
	spin_lock_init(&bare);
	C = utask_create("C", 0);
	utask_bind_current(C);
	if (!strcmp(argv[1], "--list")) {
		for (i = 0; i < NOPS; i++)
			printf("op%d|%s|%d\n", i, ops[i].name, ops[i].engines);
		return 0;
	}
	if (mode_cg) {
		/* calibration: an empty collected region */
		struct bop empty = { "empty", -1, noop_setup, NULL, op_empty, NULL, noop, 0 };

		measure_cg(&empty, -1);
		for (i = 0; i < NOPS; i++)
			measure_cg(&ops[i], i);
	} else {
		struct bop empty = { "empty", -1, noop_setup, noop, op_empty, noop, noop, 100000 };

		printf("empty|-1|%.2f\n", measure_ns(&empty));
		for (i = 0; i < NOPS; i++)
			printf("op%d|%d|%.2f\n", i, ops[i].engines, measure_ns(&ops[i]));
	}
	utask_bind_current(NULL);
	utask_destroy(C);
	if (nreleased < 0)
		return 1;
	return 0;
}
