// SPDX-License-Identifier: GPL-2.0
/*
 * scenarios.c - the catalogued races as deterministic scenarios
 *
 * Built once per library variant of mk/c.mk (default = the fixed protocol,
 * and one per switch: V31_*, UTRACE_V31, BUG_C*), with -DVARIANT="<switch>".
 * Each scenario is a small set of participants (T the tracee, C0..C2
 * controllers, R the reaper, K a signal sender: the model's names), a
 * setup, and a schedule (tsched.h) that forces the racy interleaving at the
 * step boundaries of docs/protocol.md.  Built with the scenario's switch,
 * the run shows the bad outcome; built without it, the same schedule
 * shows the correct one.  Each scenario runs in a forked child under a
 * wall-clock bound (tests/lib/th.c), so a crash or a hang fails one test.
 *
 * Usage:
 *   scen-<variant>                        all scenarios (cmocka)
 *   scen-<variant> --list
 *   scen-<variant> --run C1 [--trace]     one scenario, print its trace
 *   scen-<variant> --run C1 --schedule FILE [--lenient]
 *                                         drive it with another schedule
 *                                         (e.g. a model trail narrative)
 */
#include "tsched.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#ifndef VARIANT
# define VARIANT "default"
#endif

/* ------------------------------------------------------------------ */
/* Scenario context                                                   */

#define NENG 3

struct sc {
	struct task_struct *D;		/* the director (this thread) */
	struct task_struct *T, *C[3], *R, *K;
	struct teng e[NENG];
	int neng;			/* engines attached by setup */
	kernel_siginfo_t info;		/* T's info buffer for the signal paths */
	long t_res[4];			/* results of T's kernel paths */
	int ret[3][6];			/* return codes of controller calls */
	struct utrace_engine *late;	/* engine attached during the run */
	long late_err;
	bool misuse;			/* BUG_C6: controller misuses -EALREADY */
	enum sched_status st;
	bool ran_all;			/* status OK */
};

struct scen {
	const char *name;
	const char *sw;			/* the switch that re-introduces it */
	const char *also;		/* other switches whose bug this schedule also shows */
	const char *absent;		/* known bug: switches under which it cannot happen */
	const char *race;		/* one line: what the race is */
	const char *schedule;
	void (*setup)(struct sc *);
	void (*fn[5])(void *);		/* T, C0, C1, C2, R; K is fn_k */
	void (*fn_k)(void *);
	/* Returns true if the BAD outcome is observed (why filled); CHECKs
	 * everything else it can (return codes, states) for both outcomes. */
	bool (*check)(struct sc *, char *why, size_t n);
	bool lenient;			/* the schedule is a model trail (trail mode) */
};

static const char *const part_names[5] = { "T", "C0", "C1", "C2", "R" };

static struct pt_regs regs0;

static bool sw_on(const char *sw)
{
	if (!sw)
		return false;
	if (!strcmp(VARIANT, sw))
		return true;
	return !strcmp(VARIANT, "UTRACE_V31") && !strncmp(sw, "V31_", 4);
}

static bool sw_list_on(const char *list)
{
	char buf[128], *s, *save = NULL;

	if (!list)
		return false;
	snprintf(buf, sizeof(buf), "%s", list);
	for (s = strtok_r(buf, " ,", &save); s; s = strtok_r(NULL, " ,", &save))
		if (sw_on(s))
			return true;
	return false;
}

/* Known C-core bugs (tests/known-bugs.txt): shown in every build. */
static bool known_bug(const char *id)
{
	char line[128];
	FILE *f = fopen(TH_KNOWN_BUGS, "r");
	bool found = false;

	if (!f)
		return false;
	while (fgets(line, sizeof(line), f)) {
		char *c = strpbrk(line, " \t\r\n#");

		if (c)
			*c = 0;
		if (!strcmp(line, id))
			found = true;
	}
	fclose(f);
	return found;
}

#define W(...) snprintf(why, n, __VA_ARGS__)
#define SC(a) ((struct sc *)(a))
#define ENG(i) (sc->e[i].e)

static void attach(struct sc *sc, int i, unsigned long events)
{
	char name[8];

	snprintf(name, sizeof(name), "E%d", i);
	teng_init(&sc->e[i], name);
	sc->e[i].hook = true;
	th_attach(sc->T, &sc->e[i], events);
	if (sc->neng < i + 1)
		sc->neng = i + 1;
}

static bool t_asleep(void)
{
	return sched_state("T") == P_ASLEEP;
}

static bool t_done(void)
{
	return sched_state("T") == P_DONE;
}

/* ------------------------------------------------------------------ */
/* C1: DETACH between the stop decision and utrace_stop               */

static void c1_setup(struct sc *sc)
{
	attach(sc, 0, UTRACE_EVENT(SYSCALL_ENTRY));
	teng_script(&sc->e[0], CB_SYSENTRY, UTRACE_STOP);
}

static void t_syscall_entry(void *a)
{
	SC(a)->t_res[0] = utask_syscall_entry(&regs0);
	sched_point("user:running");
}

static void c0_detach(void *a)
{
	struct sc *sc = a;

	sc->ret[0][0] = utrace_control(sc->T, ENG(0), UTRACE_DETACH);
}

static bool c1_check(struct sc *sc, char *why, size_t n)
{
	CHECK_EQ(sc->st, SCHED_OK);
	CHECK_EQ(sc->ret[0][0], 0);	/* DETACH on a running T, no callback */
	if (t_asleep() && utask_is_utraced(sc->T)) {
		CHECK(utrace_test_engine_state(ENG(0)) != UTRACE_TEST_ENGINE_LIVE);
		CHECK(th_inv_violations() > 0);
		W("leaked stop: T sleeps in utrace_stop although E0 detached; %s", th_inv_first());
		return true;
	}
	CHECK(t_done());
	CHECK(!utask_is_utraced(sc->T));
	CHECK_EQ(utrace_test_engine_state(ENG(0)), UTRACE_TEST_ENGINE_GONE);
	CHECK_HEX(utask_utrace_flags(sc->T), 0);
	CHECK(sched_find("T", "utrace_stop:recheck", 0) >= 0);
	CHECK_EQ(sched_count("T", "utrace_stop:sleep"), 0);
	W("T re-checked under utrace->lock, collected E0 and did not stop");
	return false;
}

/* ------------------------------------------------------------------ */
/* C2: RESUME between the stop decision and utrace_stop               */

static void c0_barrier_resume(void *a)
{
	struct sc *sc = a;

	sc->ret[0][0] = utrace_barrier(sc->T, ENG(0));
	sc->ret[0][1] = utrace_control(sc->T, ENG(0), UTRACE_RESUME);
}

static bool leaked_stop_check(struct sc *sc, char *why, size_t n, const char *name)
{
	CHECK_EQ(sc->st, SCHED_OK);
	CHECK_EQ(sc->ret[0][0], 0);	/* barrier */
	CHECK_EQ(sc->ret[0][1], 0);	/* RESUME */
	CHECK_EQ(utrace_test_engine_state(ENG(0)), UTRACE_TEST_ENGINE_LIVE);
	if (t_asleep() && utask_is_utraced(sc->T)) {
		W("%s: T sleeps in utrace_stop after the controller's utrace_barrier() = 0 and "
		  "UTRACE_RESUME = 0 (E0 flags %#lx, utrace_flags %#lx)%s%s", name,
		  utrace_test_engine_flags(ENG(0)), utask_utrace_flags(sc->T),
		  th_inv_violations() ? "; " : "", th_inv_violations() ? th_inv_first() : "");
		return true;
	}
	CHECK(t_done());
	CHECK(!utask_is_utraced(sc->T));
	CHECK_EQ(utrace_test_engine_flags(ENG(0)) & (1UL << _UTRACE_NEVENTS), 0);
	CHECK_EQ(utask_utrace_flags(sc->T) & (1UL << _UTRACE_NEVENTS), 0);
	W("the RESUME undid the callback's stop: T did not stop");
	return false;
}

static bool c2_check(struct sc *sc, char *why, size_t n)
{
	return leaked_stop_check(sc, why, n, "leaked stop");
}

/* ------------------------------------------------------------------ */
/* C3: barrier returns before the callback's STOP is applied          */

static bool c3_check(struct sc *sc, char *why, size_t n)
{
	return leaked_stop_check(sc, why, n, "barrier returned too early");
}

/* ------------------------------------------------------------------ */
/* C4: callback-initiated DETACH invisible to utrace_barrier          */

static void c4_setup(struct sc *sc)
{
	attach(sc, 0, UTRACE_EVENT(SYSCALL_EXIT));
	teng_script(&sc->e[0], CB_SYSEXIT, UTRACE_DETACH);
}

static void t_syscall_exit(void *a)
{
	(void)a;
	utask_syscall_exit(&regs0);
	sched_point("user:running");
}

static void c0_barrier(void *a)
{
	struct sc *sc = a;

	sc->ret[0][0] = utrace_barrier(sc->T, ENG(0));
}

static bool c4_check(struct sc *sc, char *why, size_t n)
{
	CHECK_EQ(sc->st, SCHED_OK);
	CHECK(t_done());
	CHECK_EQ(teng_calls(&sc->e[0], CB_SYSEXIT), 1);
	CHECK_EQ(utrace_test_engine_state(ENG(0)), UTRACE_TEST_ENGINE_GONE);
	if (sc->ret[0][0] == 0) {
		W("utrace_barrier() = 0 although E0's callback returned UTRACE_DETACH "
		  "(reporting was cleared before the detached ops were visible under the lock)");
		return true;
	}
	CHECK_EQ(sc->ret[0][0], -ESRCH);
	W("utrace_barrier() waited for the callback and returned -ESRCH (detached)");
	return false;
}

/* ------------------------------------------------------------------ */
/* C5: mark_engine_detached vs start_callback                         */

static void c5_setup(struct sc *sc)
{
	attach(sc, 0, UTRACE_EVENT(EXEC));	/* no QUIESCE */
}

static void t_exec(void *a)
{
	(void)a;
	utask_exec();
	sched_point("user:running");
}

static bool c5_check(struct sc *sc, char *why, size_t n)
{
	int ops = sched_find("T", "start_callback:ops", 0);

	CHECK_EQ(sc->st, SCHED_OK);
	CHECK(t_done());
	CHECK(ops >= 0);
	CHECK_EQ(sc->ret[0][0], -EINPROGRESS);	/* reporting == E0 */
	CHECK_EQ(teng_calls(&sc->e[0], CB_EXEC), 0);	/* never the engine's own code */
	CHECK_EQ(utrace_test_engine_state(ENG(0)), UTRACE_TEST_ENGINE_GONE);
	if (sched_find("T", "finish_callback_report:detach", ops) < 0) {
		W("T saw E0's old flags (EXEC) with the new ops and dispatched the EXEC "
		  "callback through utrace_detached_ops (no report_quiesce/DETACH step; "
		  "this C core survives it only because call_report_event() treats a NULL "
		  "report_exec as a no-op; utrace-3.1 would oops)");
		return true;
	}
	W("T ran the detached ops' report_quiesce (DETACH) and made no EXEC callback");
	return false;
}

/* ------------------------------------------------------------------ */
/* C6: DETACH -> -EALREADY; a controller that then barriers and frees  */

static void c6_setup(struct sc *sc)
{
	attach(sc, 0, UTRACE_EVENT(DEATH));
	sc->misuse = sw_on("BUG_C6");
}

static void t_exit(void *a)
{
	(void)a;
	utask_exit(0);
}

static void c0_detach_c6(void *a)
{
	struct sc *sc = a;

	sc->ret[0][0] = utrace_control(sc->T, ENG(0), UTRACE_DETACH);
	if (sc->ret[0][0] == -EALREADY && sc->misuse) {
		/* BUG_C6: misuse of the contract */
		sc->ret[0][1] = utrace_barrier(sc->T, ENG(0));
		if (sc->ret[0][1] == 0)
			__atomic_store_n(&sc->e[0].data_freed, 1, __ATOMIC_SEQ_CST);
	}
	/* Correct: after -EALREADY the engine's report_death cleans up. */
}

static bool c6_check(struct sc *sc, char *why, size_t n)
{
	CHECK_EQ(sc->st, SCHED_OK);
	CHECK(t_done());
	CHECK_EQ(sc->ret[0][0], -EALREADY);
	CHECK_EQ(teng_calls(&sc->e[0], CB_DEATH), 1);
	if (sc->e[0].uaf) {
		CHECK(sc->misuse);
		W("use after free: the controller freed E0's data after -EALREADY + "
		  "utrace_barrier() = %d, then report_death used it (%s)",
		  sc->ret[0][1], sc->e[0].uaf_what);
		return true;
	}
	W("the controller left the cleanup to report_death after -EALREADY");
	return false;
}

/* ------------------------------------------------------------------ */
/* C7: API calls succeed after release_task() started                 */

static void c7_setup(struct sc *sc)
{
	attach(sc, 0, UTRACE_EVENT(EXEC) | UTRACE_EVENT(REAP));
	/* T exits with no death report: utrace_flags keep EXEC|REAP. */
	utask_bind_current(sc->T);
	utask_exit(0);
	utask_bind_current(sc->D);
}

static void r_release(void *a)
{
	utask_release(SC(a)->T);
}

static void c0_set_events(void *a)
{
	struct sc *sc = a;

	sc->ret[0][0] = utrace_set_events(sc->T, ENG(0), UTRACE_EVENT(EXEC) |
					  UTRACE_EVENT(REAP) | UTRACE_EVENT(SYSCALL_EXIT));
}

static bool c7_check(struct sc *sc, char *why, size_t n)
{
	CHECK_EQ(sc->st, SCHED_OK);
	CHECK_EQ(sched_state("R"), P_DONE);
	CHECK_EQ(teng_calls(&sc->e[0], CB_REAP), 1);
	CHECK_EQ(utrace_test_engine_state(ENG(0)), UTRACE_TEST_ENGINE_GONE);
	if (sc->ret[0][0] == 0) {
		W("utrace_set_events() = 0 during the reap teardown; utrace_flags of the "
		  "reaped task = %#lx%s%s", utask_utrace_flags(sc->T),
		  th_inv_violations() ? "; " : "", th_inv_violations() ? th_inv_first() : "");
		return true;
	}
	CHECK_EQ(sc->ret[0][0], -ESRCH);
	CHECK_HEX(utask_utrace_flags(sc->T), 0);
	W("utrace_set_events() = -ESRCH once release_task() ran");
	return false;
}

/* ------------------------------------------------------------------ */
/* C8: barrier returns -ESRCH while report_death still runs            */

static void c8_setup(struct sc *sc)
{
	attach(sc, 0, UTRACE_EVENT(DEATH) | UTRACE_EVENT(REAP));
}

/* A controller following the engine-data protocol (docs/protocol.md 6). */
static void c0_detach_protocol(void *a)
{
	struct sc *sc = a;
	int r, b = 1;

	r = sc->ret[0][0] = utrace_control(sc->T, ENG(0), UTRACE_DETACH);
	if (r == -EINPROGRESS || r == -ESRCH)
		b = sc->ret[0][1] = utrace_barrier(sc->T, ENG(0));
	if (r == 0 || ((r == -EINPROGRESS || r == -ESRCH) && (b == 0 || b == -ESRCH)))
		__atomic_store_n(&sc->e[0].data_freed, 1, __ATOMIC_SEQ_CST);
}

static bool c8_check(struct sc *sc, char *why, size_t n)
{
	CHECK_EQ(sc->st, SCHED_OK);
	CHECK(t_done());
	CHECK_EQ(teng_calls(&sc->e[0], CB_DEATH), 1);
	if (sc->ret[0][0] != -ESRCH) {
		W("utrace_control(DETACH) after release_task() = %s, not -ESRCH",
		  th_errname(sc->ret[0][0]));
		return true;
	}
	CHECK_EQ(sc->ret[0][1], -ESRCH);
	if (sc->e[0].uaf) {
		W("use after free: utrace_barrier() returned -ESRCH while E0's report_death "
		  "was running; the controller freed the data, then %s used it",
		  sc->e[0].uaf_what);
		return true;
	}
	CHECK_EQ(teng_calls(&sc->e[0], CB_REAP), 1);
	CHECK(sched_find("C0", "utrace_barrier:wait", 0) >= 0);
	W("utrace_barrier() waited for report_death and report_reap, then returned -ESRCH");
	return false;
}

/* ------------------------------------------------------------------ */
/* C9: barrier spins on a marked-detached engine                      */

static void c9_setup(struct sc *sc)
{
	attach(sc, 0, UTRACE_EVENT(SYSCALL_ENTRY));
}

static void t_user(void *a)
{
	(void)a;
	sched_point("user:running");
}

static void c0_detach_barrier(void *a)
{
	struct sc *sc = a;

	sc->ret[0][0] = utrace_control(sc->T, ENG(0), UTRACE_DETACH);
	sc->ret[0][1] = utrace_barrier(sc->T, ENG(0));
}

static bool c9_check(struct sc *sc, char *why, size_t n)
{
	if (sc->st == SCHED_LIVELOCK) {
		CHECK_EQ(sc->ret[0][0], 0);
		CHECK(sched_count("C0", "utrace_barrier:wait") > 100);
		W("barrier hang detected by the step bound: C0 polled utrace_barrier() %d "
		  "times on the detached E0 while T runs in user mode",
		  sched_count("C0", "utrace_barrier:wait"));
		return true;
	}
	CHECK_EQ(sc->st, SCHED_OK);
	CHECK_EQ(sc->ret[0][0], 0);
	CHECK_EQ(sc->ret[0][1], -ESRCH);
	CHECK_EQ(sched_count("C0", "utrace_barrier:wait"), 0);
	CHECK_EQ(utrace_test_engine_state(ENG(0)), UTRACE_TEST_ENGINE_DETACHED);
	W("utrace_barrier() = -ESRCH at once for the detached engine");
	return false;
}

/* ------------------------------------------------------------------ */
/* C10: reporting left set by utrace_resume                           */

static void c10_setup(struct sc *sc)
{
	attach(sc, 0, UTRACE_EVENT(QUIESCE) | UTRACE_EVENT(SYSCALL_EXIT));
}

static void t_return(void *a)
{
	struct sc *sc = a;

	sc->t_res[0] = utask_return_to_user(&regs0, &sc->info);
	sched_point("user:running");
}

static void c0_report_then_barrier(void *a)
{
	struct sc *sc = a;

	sc->ret[0][0] = utrace_control(sc->T, ENG(0), UTRACE_REPORT);
	sched_point("test:requested");
	sc->ret[0][1] = utrace_barrier(sc->T, ENG(0));
}

static bool c10_check(struct sc *sc, char *why, size_t n)
{
	CHECK_EQ(sc->ret[0][0], 0);
	CHECK_EQ(teng_calls(&sc->e[0], CB_QUIESCE), 1);
	CHECK_EQ(sc->e[0].last_event, 0);
	if (sc->st == SCHED_LIVELOCK) {
		W("barrier hang detected by the step bound: T returned to user mode with "
		  "utrace->reporting still E0 (C0 polled %d times)",
		  sched_count("C0", "utrace_barrier:wait"));
		return true;
	}
	CHECK_EQ(sc->st, SCHED_OK);
	CHECK_EQ(sc->ret[0][1], 0);
	W("the quiesce pass cleared utrace->reporting; utrace_barrier() = 0");
	return false;
}

/* ------------------------------------------------------------------ */
/* C11: marked-detached engine never collected                        */

static void c11_setup(struct sc *sc)
{
	attach(sc, 0, UTRACE_EVENT(SYSCALL_ENTRY));	/* no QUIESCE */
	sc->T->sighand->action[SIGUSR1 - 1].sa.sa_handler = SIG_IGN;
}

static void k_sigusr1(void *a)
{
	utask_send_signal(SC(a)->T, SIGUSR1);
}

static void t_signal_then_return(void *a)
{
	struct sc *sc = a;
	struct k_sigaction ka;

	/* like the kernel's exit work: a pending signal is handled first */
	sc->t_res[0] = utask_get_signal(&regs0, &sc->info, &ka);
	sc->t_res[1] = utask_return_to_user(&regs0, &sc->info);
	sched_point("user:running");
}

static bool c11_check(struct sc *sc, char *why, size_t n)
{
	CHECK_EQ(sc->st, SCHED_OK);
	CHECK(t_done());
	CHECK_EQ(sc->ret[0][0], 0);
	CHECK_EQ(sc->t_res[0], 0);
	CHECK_EQ(sc->t_res[1], 0);
	if (utrace_test_engine_state(ENG(0)) == UTRACE_TEST_ENGINE_DETACHED) {
		W("E0 stays linked, marked detached, after T's signal and notify-resume work "
		  "(utrace_flags %#lx lack QUIESCE; attach reference and release() delayed "
		  "indefinitely)", utask_utrace_flags(sc->T));
		return true;
	}
	CHECK_EQ(utrace_test_engine_state(ENG(0)), UTRACE_TEST_ENGINE_GONE);
	CHECK_HEX(utask_utrace_flags(sc->T), 0);
	CHECK_EQ(utrace_test_engine_refs(ENG(0)), 1);	/* only ours */
	W("the signal pass visited the detached E0 and utrace_reset() collected it");
	return false;
}

/* ------------------------------------------------------------------ */
/* C12: single-step left set after the last engine detaches           */

static void c12_setup(struct sc *sc)
{
	attach(sc, 0, UTRACE_EVENT(QUIESCE) | UTRACE_EVENT(SYSCALL_ENTRY));
	/* stepping (as PTRACE_SINGLESTEP), and still stepping when it stops */
	teng_script(&sc->e[0], CB_QUIESCE, UTRACE_SINGLESTEP);
	teng_script(&sc->e[0], CB_QUIESCE, UTRACE_SINGLESTEP);
	teng_script(&sc->e[0], CB_SYSENTRY, UTRACE_STOP);
}

static void t_return_then_syscall(void *a)
{
	struct sc *sc = a;

	sc->t_res[0] = utask_return_to_user(&regs0, &sc->info);
	sched_point("user:stepping");
	sc->t_res[1] = utask_syscall_entry(&regs0);
	sc->t_res[2] = utask_return_to_user(&regs0, &sc->info);
	sched_point("user:running");
}

static void c0_step_then_detach(void *a)
{
	struct sc *sc = a;

	sc->ret[0][0] = utrace_control(sc->T, ENG(0), UTRACE_SINGLESTEP);
	sched_point("test:requested");
	sc->ret[0][1] = utrace_control(sc->T, ENG(0), UTRACE_DETACH);
}

static bool c12_check(struct sc *sc, char *why, size_t n)
{
	CHECK_EQ(sc->st, SCHED_OK);
	CHECK(t_done());
	CHECK_EQ(sc->ret[0][0], 0);
	CHECK_EQ(sc->ret[0][1], 0);
	CHECK_EQ(teng_calls(&sc->e[0], CB_SYSENTRY), 1);
	CHECK_EQ(sched_count("T", "utrace_stop:sleep"), 1);
	CHECK_EQ(utrace_test_engine_state(ENG(0)), UTRACE_TEST_ENGINE_GONE);
	CHECK_HEX(utask_utrace_flags(sc->T), 0);
	if (utask_test_tif(sc->T, TIF_SINGLESTEP)) {
		W("unwanted trap: T returns to user mode with TIF_SINGLESTEP and no engine");
		return true;
	}
	W("utrace_reset() disabled single-step before waking T");
	return false;
}

/* ------------------------------------------------------------------ */
/* C12b (V31_C12): an event report collects the last stepping engine  */
/* and T returns to user mode single-stepping                          */

static void c12b_setup(struct sc *sc)
{
	attach(sc, 0, UTRACE_EVENT(QUIESCE) | UTRACE_EVENT(SYSCALL_ENTRY));
	teng_script(&sc->e[0], CB_QUIESCE, UTRACE_SINGLESTEP);
}

static bool c12b_check(struct sc *sc, char *why, size_t n)
{
	CHECK_EQ(sc->st, SCHED_OK);
	CHECK(t_done());
	CHECK_EQ(sc->ret[0][0], 0);
	/* -EINPROGRESS under BUG_C10 (reporting left set): legal for DETACH */
	CHECK(sc->ret[0][1] == 0 || sc->ret[0][1] == -EINPROGRESS);
	/* V31_C13 keeps SINGLESTEP in resume: stepping without a quiesce call */
	CHECK(teng_calls(&sc->e[0], CB_QUIESCE) <= 1);
	CHECK_EQ(utrace_test_engine_state(ENG(0)), UTRACE_TEST_ENGINE_GONE);
	CHECK_HEX(utask_utrace_flags(sc->T), 0);
	if (utask_test_tif(sc->T, TIF_SINGLESTEP)) {
		W("unwanted trap: the syscall-entry report collected the detached stepping "
		  "engine and T returns to user mode with TIF_SINGLESTEP and no engine");
		return true;
	}
	W("the syscall-entry report decided the step state: disabled");
	return false;
}

/* ------------------------------------------------------------------ */
/* C12c (V31_C12): the engine that asks for the step in a syscall-entry */
/* pass is detached during that pass; no engine is left                */

static void c12c_setup(struct sc *sc)
{
	attach(sc, 0, UTRACE_EVENT(QUIESCE) | UTRACE_EVENT(SYSCALL_ENTRY));
	teng_script(&sc->e[0], CB_QUIESCE, UTRACE_SINGLESTEP);
	teng_script(&sc->e[0], CB_SYSENTRY, UTRACE_SINGLESTEP);
}

static bool c12c_check(struct sc *sc, char *why, size_t n)
{
	CHECK_EQ(sc->st, SCHED_OK);
	CHECK(t_done());
	CHECK_EQ(sc->ret[0][0], 0);
	/* DETACH during E0's callback */
	CHECK(sc->ret[0][1] == 0 || sc->ret[0][1] == -EINPROGRESS);
	CHECK_EQ(teng_calls(&sc->e[0], CB_SYSENTRY), 1);
	CHECK_EQ(utrace_test_engine_state(ENG(0)), UTRACE_TEST_ENGINE_GONE);
	CHECK_HEX(utask_utrace_flags(sc->T), 0);
	if (utask_test_tif(sc->T, TIF_SINGLESTEP)) {
		W("unwanted trap: E0 asked for a step in the syscall-entry pass and was "
		  "collected by it; T returns to user mode with TIF_SINGLESTEP and no engine");
		return true;
	}
	W("no engine left: T's utrace_reset() disabled single-step");
	return false;
}

/* ------------------------------------------------------------------ */
/* C13: UTRACE_SINGLESTEP kept in utrace->resume across a stop        */

static void c13_setup(struct sc *sc)
{
	attach(sc, 0, UTRACE_EVENT(QUIESCE) | UTRACE_EVENT(SYSCALL_ENTRY));
	attach(sc, 1, UTRACE_EVENT(QUIESCE) | UTRACE_EVENT(SYSCALL_ENTRY));
	teng_script(&sc->e[0], CB_SYSENTRY, UTRACE_SINGLESTEP);
	teng_script(&sc->e[1], CB_SYSENTRY, UTRACE_STOP);
}

static void t_syscall_then_return(void *a)
{
	struct sc *sc = a;

	sc->t_res[0] = utask_syscall_entry(&regs0);
	sc->t_res[1] = utask_return_to_user(&regs0, &sc->info);
	sched_point("user:running");
}

static void c0_stop_then_resume(void *a)
{
	struct sc *sc = a;

	sc->ret[0][0] = utrace_control(sc->T, ENG(0), UTRACE_STOP);
	sched_point("test:stopped");
	sc->ret[0][1] = utrace_control(sc->T, ENG(0), UTRACE_RESUME);
}

static void c1_resume(void *a)
{
	struct sc *sc = a;

	sc->ret[1][0] = utrace_control(sc->T, ENG(1), UTRACE_RESUME);
}

static bool c13_check(struct sc *sc, char *why, size_t n)
{
	CHECK_EQ(sc->st, SCHED_OK);
	CHECK(t_done());
	CHECK_EQ(sc->ret[0][0], 0);	/* STOP on a stopped T */
	CHECK_EQ(sc->ret[0][1], 0);
	CHECK_EQ(sc->ret[1][0], 0);
	CHECK_EQ(sched_count("T", "utrace_stop:sleep"), 1);
	CHECK_EQ(utrace_test_engine_state(ENG(0)), UTRACE_TEST_ENGINE_LIVE);
	if (utask_test_tif(sc->T, TIF_SINGLESTEP)) {
		W("unwanted trap: T returns to user mode single-stepping although E0 resumed "
		  "with UTRACE_RESUME (the SINGLESTEP of the stopped pass was kept in "
		  "utrace->resume)");
		return true;
	}
	W("the request was stored as REPORT: engines re-asserted (not) stepping, no step");
	return false;
}

/* ------------------------------------------------------------------ */
/* C14: INTERRUPT lost when another engine stops T                    */

static void c14_setup(struct sc *sc)
{
	attach(sc, 0, UTRACE_EVENT(QUIESCE) | UTRACE_EVENT(SYSCALL_ENTRY));
	attach(sc, 1, UTRACE_EVENT(SYSCALL_ENTRY));
	teng_script(&sc->e[0], CB_SYSENTRY, UTRACE_INTERRUPT);
	teng_script(&sc->e[1], CB_SYSENTRY, UTRACE_STOP);
}

static bool c14_check(struct sc *sc, char *why, size_t n)
{
	CHECK_EQ(sc->st, SCHED_OK);
	CHECK(t_done());
	CHECK_EQ(sc->ret[1][0], 0);
	CHECK_EQ(sched_count("T", "utrace_stop:sleep"), 1);
	if (teng_calls(&sc->e[0], CB_SIGNAL) == 0) {
		W("lost interrupt: E0's UTRACE_INTERRUPT was consumed by the pass in which E1 "
		  "stopped T; E0 never got report_signal");
		return true;
	}
	CHECK_EQ(teng_calls(&sc->e[0], CB_SIGNAL), 1);
	CHECK_HEX(utrace_signal_action(sc->e[0].last_action[CB_SIGNAL]), UTRACE_SIGNAL_REPORT);
	W("utrace_stop() re-armed the INTERRUPT: E0 got its report_signal after the stop");
	return false;
}

/* ------------------------------------------------------------------ */
/* O2: finish_report downgrades a concurrent INTERRUPT                 */

static void o2_setup(struct sc *sc)
{
	attach(sc, 0, UTRACE_EVENT(SYSCALL_EXIT));
	attach(sc, 1, UTRACE_EVENT(QUIESCE));
	teng_script(&sc->e[0], CB_SYSEXIT, UTRACE_REPORT);
}

static void t_syscall_exit_return(void *a)
{
	struct sc *sc = a;

	utask_syscall_exit(&regs0);
	sc->t_res[0] = utask_return_to_user(&regs0, &sc->info);
	sched_point("user:running");
}

static void c1_interrupt(void *a)
{
	struct sc *sc = a;

	sc->ret[1][0] = utrace_control(sc->T, ENG(1), UTRACE_INTERRUPT);
}

static bool o2_check(struct sc *sc, char *why, size_t n)
{
	CHECK_EQ(sc->st, SCHED_OK);
	CHECK(t_done());
	CHECK_EQ(sc->ret[1][0], 0);
	CHECK_EQ(teng_calls(&sc->e[0], CB_SYSEXIT), 1);
	if (teng_calls(&sc->e[1], CB_SIGNAL) == 0) {
		W("lost interrupt: finish_report() stored REPORT over C1's INTERRUPT (compared "
		  "without the lock); E1 never got report_signal");
		return true;
	}
	CHECK_EQ(teng_calls(&sc->e[1], CB_SIGNAL), 1);
	W("finish_report() re-compared under the lock and kept INTERRUPT");
	return false;
}

/* ------------------------------------------------------------------ */
/* N1: reap teardown while report_death runs                          */

static void n1_setup(struct sc *sc)
{
	attach(sc, 0, UTRACE_EVENT(EXEC));
	attach(sc, 1, UTRACE_EVENT(DEATH) | UTRACE_EVENT(REAP));
}

static bool n1_check(struct sc *sc, char *why, size_t n)
{
	CHECK_EQ(sc->ret[0][0], 0);	/* DETACH on a dead T before its death report */
	CHECK_EQ(sched_state("R"), P_DONE);
	if (sc->e[1].reap_during_death) {
		W("release_task() tore the engines down while T was inside E1's report_death "
		  "(report_reap ran during report_death, E1 unlinked under T's list walk%s)",
		  sc->st == SCHED_LIVELOCK ? "; T then loops forever on the unlinked entry" : "");
		return true;
	}
	CHECK_EQ(sc->st, SCHED_OK);
	CHECK(t_done());
	CHECK_EQ(teng_calls(&sc->e[1], CB_DEATH), 1);
	CHECK_EQ(teng_calls(&sc->e[1], CB_REAP), 1);
	CHECK(sc->e[1].log[0] == CB_DEATH && sc->e[1].log[1] == CB_REAP);
	CHECK_HEX(utask_utrace_flags(sc->T), 0);
	W("release_task() deferred the teardown to T; report_reap came after report_death");
	return false;
}

/* ------------------------------------------------------------------ */
/* ATTACH_REAP: attach after release_task() while the teardown is deferred */

static void ar_setup(struct sc *sc)
{
	attach(sc, 0, UTRACE_EVENT(DEATH));
	teng_init(&sc->e[1], "E1");
}

static void c1_attach(void *a)
{
	struct sc *sc = a;
	struct utrace_engine *e;

	e = utrace_attach_task(sc->T, UTRACE_ATTACH_CREATE, &sc->e[1].ops, &sc->e[1]);
	if (IS_ERR(e)) {
		sc->late_err = PTR_ERR(e);
	} else {
		sc->late = e;
		__atomic_fetch_add(&th_attached_total, 1, __ATOMIC_SEQ_CST);
	}
}

static bool ar_check(struct sc *sc, char *why, size_t n)
{
	CHECK_EQ(sc->st, SCHED_OK);
	CHECK(t_done());
	if (sc->late) {
		W("utrace_attach_task() succeeded on a task already released (reap set)");
		return true;
	}
	CHECK_EQ(sc->late_err, -ESRCH);
	W("utrace_attach_task() = -ESRCH once release_task() ran");
	return false;
}

/* ------------------------------------------------------------------ */
/* N2: single-step left enabled when a stop is called off             */

static void n2_setup(struct sc *sc)
{
	attach(sc, 0, UTRACE_EVENT(QUIESCE));
	attach(sc, 1, UTRACE_EVENT(QUIESCE));
	teng_script(&sc->e[0], CB_QUIESCE, UTRACE_SINGLESTEP);
	teng_script(&sc->e[0], CB_QUIESCE, UTRACE_RESUME);
	teng_script(&sc->e[1], CB_QUIESCE, UTRACE_RESUME);
	teng_script(&sc->e[1], CB_QUIESCE, UTRACE_STOP);
}

static void t_two_returns(void *a)
{
	struct sc *sc = a;

	sc->t_res[0] = utask_return_to_user(&regs0, &sc->info);
	sched_point("user:stepping");
	sc->t_res[1] = utask_return_to_user(&regs0, &sc->info);
	sched_point("user:running");
}

static void c0_report_report(void *a)
{
	struct sc *sc = a;

	sc->ret[0][0] = utrace_control(sc->T, ENG(0), UTRACE_REPORT);
	sched_point("test:requested");
	sc->ret[0][1] = utrace_control(sc->T, ENG(0), UTRACE_REPORT);
}

static bool n2_check(struct sc *sc, char *why, size_t n)
{
	CHECK_EQ(sc->ret[0][0], 0);
	CHECK_EQ(sc->ret[0][1], 0);
	CHECK_EQ(sc->ret[1][0], 0);
	CHECK_EQ(teng_calls(&sc->e[0], CB_QUIESCE), 2);
	CHECK_EQ(teng_calls(&sc->e[1], CB_QUIESCE), 2);
	if (utask_test_tif(sc->T, TIF_SINGLESTEP)) {
		W("unwanted step: in the last pass E0 returned UTRACE_RESUME and E1 "
		  "UTRACE_STOP; E1's RESUME called the stop off, and T %s with TIF_SINGLESTEP "
		  "still set from the earlier pass", t_done() ? "returns to user mode" : "sleeps");
		return true;
	}
	CHECK_EQ(sc->st, SCHED_OK);
	CHECK(t_done());
	W("no engine asked for stepping in the last pass: single-step disabled");
	return false;
}

static bool lost_teardown_check(struct sc *sc, char *why, size_t n, const char *how);

/* ------------------------------------------------------------------ */
/* N3: DETACH's QUIESCE vs utrace_exit_notify: teardown never happens  */

static void n3_setup(struct sc *sc)
{
	attach(sc, 0, UTRACE_EVENT(EXEC));		/* no DEATH/QUIESCE */
	attach(sc, 1, UTRACE_EVENT(EXIT));		/* gives T steps in its exit */
}

static bool n3_check(struct sc *sc, char *why, size_t n)
{
	struct utrace_test_state st;

	CHECK_EQ(sc->st, SCHED_OK);
	CHECK(t_done());
	CHECK_EQ(sched_state("R"), P_DONE);
	CHECK_EQ(sc->ret[0][0], 0);
	CHECK_EQ(teng_calls(&sc->e[1], CB_EXIT), 1);
	CHECK_EQ(teng_calls(&sc->e[1], CB_DEATH), 0);
	(void)st;
	return lost_teardown_check(sc, why, n, "T's utrace_exit_notify() saw no DEATH/QUIESCE "
				   "before C0's DETACH (which had read exit_state == 0) added QUIESCE "
				   "to utrace_flags");
}

/* ------------------------------------------------------------------ */
/* N4: set_events re-adds DEATH to a zombie's utrace_flags             */

static void n4_setup(struct sc *sc)
{
	attach(sc, 0, UTRACE_EVENT(DEATH) | UTRACE_EVENT(REAP));
}

static void c0_set_events_death(void *a)
{
	struct sc *sc = a;

	/* the engine keeps the events it has, adds EXEC */
	sc->ret[0][0] = utrace_set_events(sc->T, ENG(0), UTRACE_EVENT(DEATH) |
					  UTRACE_EVENT(REAP) | UTRACE_EVENT(EXEC));
}

static bool lost_teardown_check(struct sc *sc, char *why, size_t n, const char *how)
{
	struct utrace_test_state st;

	utrace_test_get_state(sc->T, &st);
	CHECK(st.reap);
	CHECK(!st.death);
	if (st.nr_attached || st.nr_attaching) {
		W("lost teardown: %s; release_task() then deferred the teardown to T, which "
		  "has finished: %d engine(s) stay linked forever (utrace_flags %#lx), release() "
		  "never called, utrace_barrier() on a live engine waits forever", how,
		  st.nr_attached + st.nr_attaching, utask_utrace_flags(sc->T));
		return true;
	}
	CHECK_HEX(utask_utrace_flags(sc->T), 0);
	W("release_task() tore the engines down");
	return false;
}

static bool n4_check(struct sc *sc, char *why, size_t n)
{
	CHECK_EQ(sc->st, SCHED_OK);
	CHECK(t_done());
	CHECK_EQ(sched_state("R"), P_DONE);
	CHECK_EQ(teng_calls(&sc->e[0], CB_DEATH), 1);
	if (sc->ret[0][0] == -EALREADY) {
		/* A fix may refuse the call instead: then nothing may change. */
		CHECK_EQ(teng_calls(&sc->e[0], CB_REAP), 1);
	} else {
		CHECK_EQ(sc->ret[0][0], 0);
	}
	return lost_teardown_check(sc, why, n, "after T's death report, utrace_set_events() "
				   "on the zombie put the engine's DEATH bit back into utrace_flags");
}

/* ------------------------------------------------------------------ */
/* C11b: DETACH after finish_callback_report, before finish_callback   */
/* re-reads ops: "detached" returned without report->detaches          */

static void c11b_setup(struct sc *sc)
{
	attach(sc, 0, UTRACE_EVENT(SYSCALL_EXIT));
}

static void t_syscall_exit_probe(void *a)
{
	struct sc *sc = a;

	utask_syscall_exit(&regs0);
	/* the state right after the report pass that saw E0 detached */
	sc->t_res[1] = utrace_test_engine_state(sc->e[0].e);
	sc->t_res[0] = utask_return_to_user(&regs0, &sc->info);
	sched_point("user:running");
}

static bool c11b_check(struct sc *sc, char *why, size_t n)
{
	CHECK_EQ(sc->st, SCHED_OK);
	CHECK(t_done());
	CHECK_EQ(sc->ret[0][0], 0);		/* reporting already cleared */
	CHECK_EQ(teng_calls(&sc->e[0], CB_SYSEXIT), 1);
	CHECK_EQ(utrace_test_engine_state(ENG(0)), UTRACE_TEST_ENGINE_GONE);
	if (sc->t_res[1] != UTRACE_TEST_ENGINE_GONE) {
		W("finish_callback() saw E0 detached but did not set report->detaches: the "
		  "report pass left it linked (%s); only a later spurious report collects it",
		  sc->t_res[1] == UTRACE_TEST_ENGINE_DETACHED ? "marked detached" : "live");
		return true;
	}
	W("the report pass that saw E0 detached collected it at once");
	return false;
}

/* ------------------------------------------------------------------ */
/* GATE: the engine detaches between get_utrace_lock's lockless check  */
/* and its lock: the re-check under utrace->lock must give -ESRCH      */

static void gate_setup(struct sc *sc)
{
	attach(sc, 0, UTRACE_EVENT(EXEC));
	teng_script(&sc->e[0], CB_EXEC, UTRACE_DETACH);
}

static void c0_stop(void *a)
{
	struct sc *sc = a;

	sc->ret[0][0] = utrace_control(sc->T, ENG(0), UTRACE_STOP);
}

static bool gate_check(struct sc *sc, char *why, size_t n)
{
	CHECK_EQ(sc->st, SCHED_OK);
	CHECK(t_done());
	CHECK(!utask_is_utraced(sc->T));
	CHECK_EQ(utrace_test_engine_state(ENG(0)), UTRACE_TEST_ENGINE_GONE);
	if (sc->ret[0][0] != -ESRCH || (utask_utrace_flags(sc->T) & (1UL << _UTRACE_NEVENTS))) {
		W("utrace_control(STOP) = %s on an engine that detached itself while the call "
		  "waited for utrace->lock (utrace_flags %#lx)", th_errname(sc->ret[0][0]),
		  utask_utrace_flags(sc->T));
		return true;
	}
	W("get_utrace_lock() re-checked under the lock: -ESRCH");
	return false;
}

/* ------------------------------------------------------------------ */
/* C5M: C5 driven by the model's own trail (model/scenarios/c5.pml)    */

/* The processes of model/scenarios/c5.pml: the controller attaches with
 * EXEC|REAP, then c_detach() (DETACH, barrier, free as the protocol says);
 * the tracee execs, then goes back to user mode. */
static void c0_c5m(void *a)
{
	struct sc *sc = a;
	struct utrace_engine *e;
	int r, b = 1;

	teng_init(&sc->e[0], "E0");
	sc->e[0].hook = true;
	e = utrace_attach_task(sc->T, UTRACE_ATTACH_CREATE | UTRACE_ATTACH_EXCLUSIVE |
			       UTRACE_ATTACH_MATCH_OPS, &sc->e[0].ops, &sc->e[0]);
	CHECK_OK_PTR(e);
	__atomic_fetch_add(&th_attached_total, 1, __ATOMIC_SEQ_CST);
	sc->e[0].e = e;
	sc->neng = 1;
	CHECK_EQ(utrace_set_events(sc->T, e, UTRACE_EVENT(EXEC) | UTRACE_EVENT(REAP)), 0);
	r = sc->ret[0][0] = utrace_control(sc->T, e, UTRACE_DETACH);
	if (r == 0 || r == -EINPROGRESS || r == -ESRCH)
		b = sc->ret[0][1] = utrace_barrier(sc->T, e);
	if (r == 0 || b == 0 || b == -ESRCH)
		__atomic_store_n(&sc->e[0].data_freed, 1, __ATOMIC_SEQ_CST);
}

static void t_exec_return(void *a)
{
	struct sc *sc = a;

	utask_exec();
	sc->t_res[0] = utask_return_to_user(&regs0, &sc->info);
	sched_point("user:running");
}

static void no_setup(struct sc *sc)
{
	(void)sc;
}

static bool c5m_check(struct sc *sc, char *why, size_t n)
{
	CHECK_EQ(sc->e[0].uaf, 0);
	CHECK_EQ(sc->ret[0][1], -ESRCH);
	return c5_check(sc, why, n);
}

/* ------------------------------------------------------------------ */
/* The table                                                          */

static const struct scen scens[] = {
{ "C1", "BUG_C1", NULL, NULL,
  "DETACH between the stop decision and utrace_stop: leaked stop",
  "# E0's report_syscall_entry returned UTRACE_STOP: T decided to stop\n"
  "T  -> utrace_stop:lock\n"
  "# C0: utrace_control(E0, DETACH) on the running T\n"
  "C0 get_utrace_lock:ops\n"
  "C0 get_utrace_lock:lock\n"
  "C0 utrace_control:state\n"
  "C0 utrace_control:detach_flags\n"
  "C0 -> utrace_do_stop:notify\n"
  "C0 utrace_do_stop:notify\n"
  "# T takes utrace->lock in utrace_stop\n"
  "T  utrace_stop:lock\n"
  "T  utrace_stop:recheck\n"
  "run T C0\n",
  c1_setup, { t_syscall_entry, c0_detach, NULL, NULL, NULL }, NULL, c1_check, false },

{ "C2", "V31_C2", "BUG_C1", NULL,
  "RESUME between the stop decision and utrace_stop: leaked stop",
  "# E0's callback returned UTRACE_STOP, applied; T is on its way to utrace_stop\n"
  "T  -> utrace_stop:lock\n"
  "# C0: utrace_barrier() = 0, then UTRACE_RESUME on the (not yet stopped) T\n"
  "run C0\n"
  "T  utrace_stop:lock\n"
  "T  utrace_stop:recheck\n"
  "run T\n",
  c1_setup, { t_syscall_entry, c0_barrier_resume, NULL, NULL, NULL }, NULL, c2_check, false },

{ "C3", "BUG_C3", "V31_C2 BUG_C1", NULL,
  "barrier returns before the callback's STOP is applied: leaked stop",
  "# E0's callback returned UTRACE_STOP; T is about to apply it\n"
  "T  -> finish_callback_report:stop\n"
  "# C0 has priority: utrace_barrier(), then UTRACE_RESUME\n"
  "run C0 T\n",
  c1_setup, { t_syscall_entry, c0_barrier_resume, NULL, NULL, NULL }, NULL, c3_check, false },

{ "C4", "BUG_C4", "BUG_C3", NULL,
  "callback-initiated DETACH invisible to utrace_barrier: barrier returns 0",
  "# E0's report_syscall_exit returned UTRACE_DETACH\n"
  "T  -> finish_callback_report:detach\n"
  "# C0's utrace_barrier holds utrace->lock and has read E0's ops\n"
  "C0 -> utrace_barrier:reporting\n"
  "# T stores the detached ops (BUG_C4: without the lock; fixed: waits for it)\n"
  "T  finish_callback_report:detach\n"
  "run T C0\n",
  c4_setup, { t_syscall_exit, c0_barrier, NULL, NULL, NULL }, NULL, c4_check, false },

{ "C5", "BUG_C5", NULL, NULL,
  "mark_engine_detached vs start_callback: event callback through detached ops",
  "# T published reporting = E0 and read want = EXEC\n"
  "T  -> start_callback:ops\n"
  "# C0: utrace_control(E0, DETACH): ops = detached, flags = QUIESCE\n"
  "run C0\n"
  "T  start_callback:ops\n"
  "run T\n",
  c5_setup, { t_exec, c0_detach, NULL, NULL, NULL }, NULL, c5_check, false },

{ "C6", "BUG_C6", NULL, NULL,
  "DETACH -> -EALREADY; misuse (barrier, free): use after free in report_death",
  "# T is dying: death = 1, report_death not called yet\n"
  "T  -> utrace_report_death:lock\n"
  "T  utrace_report_death:lock\n"
  "run C0\n"
  "run T\n",
  c6_setup, { t_exit, c0_detach_c6, NULL, NULL, NULL }, NULL, c6_check, false },

{ "C7", "BUG_C7", NULL, NULL,
  "API calls succeed after release_task(): stale utrace_flags on a reaped task",
  "# R: release_task(); the teardown has zeroed utrace_flags, R is in report_reap\n"
  "R  -> engine:report_reap\n"
  "run C0\n"
  "run R\n",
  c7_setup, { NULL, c0_set_events, NULL, NULL, r_release }, NULL, c7_check, false },

{ "C8", "V31_C8", "BUG_C7", NULL,
  "barrier returns -ESRCH while report_death runs: use after free",
  "# T is inside E0's report_death\n"
  "T  -> engine:report_death\n"
  "# R: release_task(): reap = 1, the teardown is deferred to T\n"
  "run R\n"
  "# C0: DETACH (-ESRCH: reaped), utrace_barrier, frees the data on -ESRCH\n"
  "run C0 T\n",
  c8_setup, { t_exit, c0_detach_protocol, NULL, NULL, r_release }, NULL, c8_check, false },

{ "C9", "V31_C9", NULL, NULL,
  "barrier spins on a marked-detached engine: barrier hang",
  "T  -> user:running\n"
  "# C0: DETACH (T runs in user mode, no report), then utrace_barrier\n"
  "run C0\n",
  c9_setup, { t_user, c0_detach_barrier, NULL, NULL, NULL }, NULL, c9_check, false },

{ "C10", "BUG_C10", NULL, NULL,
  "reporting left set by utrace_resume: barrier hang",
  "C0 -> test:requested\n"
  "# T: the UTRACE_REPORT quiesce pass, back to user mode\n"
  "T  -> user:running\n"
  "run C0\n",
  c10_setup, { t_return, c0_report_then_barrier, NULL, NULL, NULL }, NULL, c10_check, false },

{ "C11", "V31_C11", NULL, NULL,
  "detached engine never collected (signal path skips the report)",
  "# C0: DETACH on a running T: resume = REPORT, TIF_NOTIFY_RESUME\n"
  "run C0\n"
  "# K: a signal; T handles it before the notify-resume work\n"
  "run K\n"
  "run T\n",
  c11_setup, { t_signal_then_return, c0_detach, NULL, NULL, NULL }, k_sigusr1, c11_check, false },

{ "C11b", "V31_C11", NULL, NULL,
  "DETACH before finish_callback re-reads ops: no report->detaches, not collected",
  "# E0's report_syscall_exit returned; reporting is cleared\n"
  "T  -> finish_callback:ops\n"
  "# C0: DETACH (no callback in progress: 0)\n"
  "run C0\n"
  "run T\n",
  c11b_setup, { t_syscall_exit_probe, c0_detach, NULL, NULL, NULL }, NULL, c11b_check, false },

{ "GATE", NULL, NULL, NULL,
  "an engine detaches between get_utrace_lock's lockless check and the lock",
  "# C0: utrace_control(E0, STOP) passed the lockless ops check\n"
  "C0 -> get_utrace_lock:lock\n"
  "# T: E0's report_exec returns UTRACE_DETACH; T collects it\n"
  "run T\n"
  "run C0\n",
  gate_setup, { t_exec, c0_stop, NULL, NULL, NULL }, NULL, gate_check, false },

{ "C12", "BUG_C12", NULL, NULL,
  "TIF_SINGLESTEP left set after the last engine detaches: unwanted trap",
  "C0 -> test:requested\n"
  "# T: E0 asks for a single-step in its quiesce report, then stops at syscall entry\n"
  "T  -> utrace_stop:schedule\n"
  "T  utrace_stop:schedule\n"
  "# C0: DETACH of the stopped T: utrace_reset wakes it\n"
  "run C0\n"
  "run T\n",
  c12_setup, { t_return_then_syscall, c0_step_then_detach, NULL, NULL, NULL }, NULL, c12_check, false },

{ "C12b", "V31_C12", NULL, NULL,
  "the open half of C12: an event report collects the last stepping engine",
  "C0 -> test:requested\n"
  "# T: E0 asks for a single-step in its quiesce report\n"
  "T  -> user:stepping\n"
  "# C0: DETACH of the running T (a REPORT request is left)\n"
  "run C0\n"
  "# T: syscall entry: the report consumes it and collects E0\n"
  "run T\n",
  c12b_setup, { t_return_then_syscall, c0_step_then_detach, NULL, NULL, NULL }, NULL,
  c12b_check, false },

{ "C12c", "V31_C12", NULL, NULL,
  "C12, open half: the stepping engine is detached during its syscall-entry callback",
  "C0 -> test:requested\n"
  "# T: E0 asks for a single-step in its quiesce report, then enters E0's\n"
  "# report_syscall_entry (which returns SINGLESTEP)\n"
  "T  -> engine:report_syscall_entry\n"
  "# C0: DETACH during the callback\n"
  "run C0\n"
  "# T: the pass collects E0; no engine is left\n"
  "run T\n",
  c12c_setup, { t_return_then_syscall, c0_step_then_detach, NULL, NULL, NULL }, NULL,
  c12c_check, false },

{ "C13", "V31_C13", NULL, NULL,
  "SINGLESTEP kept in utrace->resume across a stop: unwanted trap",
  "# syscall entry: E1 returns STOP, E0 returns SINGLESTEP: T stops\n"
  "T  -> utrace_stop:schedule\n"
  "T  utrace_stop:schedule\n"
  "# C0: STOP (T is stopped: 0); C1: RESUME (E0 still holds T); C0: RESUME\n"
  "C0 -> test:stopped\n"
  "run C1\n"
  "run C0\n"
  "run T\n",
  c13_setup, { t_syscall_then_return, c0_stop_then_resume, c1_resume, NULL, NULL }, NULL,
  c13_check, false },

{ "C14", "BUG_C14", NULL, NULL,
  "INTERRUPT lost when another engine stops T in the same pass",
  "# syscall entry: E1 returns STOP, E0 returns INTERRUPT: T stops\n"
  "T  -> utrace_stop:schedule\n"
  "T  utrace_stop:schedule\n"
  "run C1\n"
  "run T\n",
  c14_setup, { t_syscall_then_return, NULL, c1_resume, NULL, NULL }, NULL, c14_check, false },

{ "O2", "V31_O2", NULL, NULL,
  "finish_report stores REPORT over a concurrent INTERRUPT: lost interrupt",
  "# E0's report_syscall_exit returned UTRACE_REPORT\n"
  "T  -> finish_report:resume\n"
  "# C1: utrace_control(E1, INTERRUPT) holds utrace->lock, resume still RESUME\n"
  "C1 -> utrace_control:resume\n"
  "# T compares without the lock, then waits for it\n"
  "T  finish_report:resume\n"
  "run C1\n"
  "run T\n",
  o2_setup, { t_syscall_exit_return, NULL, c1_interrupt, NULL, NULL }, NULL, o2_check, false },

{ "N1", "V31_N1", NULL, NULL,
  "release_task tears down while report_death runs (utrace_flags lost DEATH)",
  "# T has set exit_state and saw DEATH in utrace_flags\n"
  "T  -> utrace_report_death:lock\n"
  "# C0: DETACH E0 on the dead T: utrace_reset leaves only REAP in utrace_flags\n"
  "run C0\n"
  "T  -> engine:report_death\n"
  "run R\n"
  "run T\n",
  n1_setup, { t_exit, c0_detach, NULL, NULL, r_release }, NULL, n1_check, false },

{ "ATTACH_REAP", "V31_ATTACH_REAP", NULL, NULL,
  "attach succeeds after release_task() while the teardown is deferred",
  "T  -> engine:report_death\n"
  "run R\n"
  "run C1\n"
  "run T\n",
  ar_setup, { t_exit, NULL, c1_attach, NULL, r_release }, NULL, ar_check, false },

{ "C5M", "BUG_C5", NULL, NULL,
  "C5 driven by the SPIN trail of model/scenarios/c5.pml (BUG_C5), trail mode",
  "# tests/tools/trail2sched.py build/model/scenario/c5/replay.out --names T,C0\n"
  "   1  C0  utrace_attach_task:alloc           E0\n"
  "   2  C0  utrace_add_engine:reap_marker\n"
  "   3  C0  utrace_add_engine:attaching        E0\n"
  "   4  C0  get_utrace_lock:ops                E0 ops=1\n"
  "   5  C0  utrace_set_events:flags            E0 events=6 ret=0\n"
  "   6  C0  get_utrace_lock:ops                E0 ops=1\n"
  "   7  T   start_report:resume                5\n"
  "# edit 1: the model folds T's splice under the lock into line 7\n"
  "      T   start_report:lock\n"
  "   8  C0  utrace_control:state               E0 action=6 utraced=0 ret=0\n"
  "# edit 2: line 9 moved below line 12.  The C code has no step boundary\n"
  "# inside mark_engine_detached(): its utrace_control:detach_flags step also\n"
  "# stores ops AND flags (the model's lines 10 and 13), so it goes where 13 is.\n"
  "  10  C0  mark_engine_detached:ops           E0\n"
  "  11  T   start_callback:reporting           E0\n"
  "  12  T   start_callback:flags               E0=6\n"
  "   9  C0  utrace_control:detach_flags\n"
  "  13  C0  mark_engine_detached:flags         E0\n"
  "  14  C0  utrace_do_stop:resume              lowered=1\n"
  "  15  C0  utrace_do_stop:notify              TIF_NOTIFY_RESUME\n"
  "  16  C0  utrace_control:reporting           ret=2\n"
  "  17  C0  utrace_barrier:ops                 E0 ops=2\n"
  "  18  C0  utrace_barrier:reporting           E0 ret=8\n"
  "***  spin: utrace_tracee.pml:129, Error: assertion violated\n",
  no_setup, { t_exec_return, c0_c5m, NULL, NULL, NULL }, NULL, c5m_check, true },

{ "N3", "BUG_N3", NULL, NULL,
  "DETACH adds QUIESCE after utrace_exit_notify decided: nobody tears down",
  "# T is in its exit report (E1 has EXIT), not dead yet\n"
  "T  -> finish_report:resume\n"
  "# C0: utrace_control(E0, DETACH) has read exit_state == 0 under utrace->lock\n"
  "C0 -> utrace_control:detach_flags\n"
  "# T: exit_state = EXIT_ZOMBIE; utrace_exit_notify sees no DEATH/QUIESCE: no death report\n"
  "run T\n"
  "# C0 adds QUIESCE to utrace_flags (not under V31_C11)\n"
  "run C0\n"
  "# R: release_task() sees QUIESCE: defers the teardown to T\n"
  "run R\n",
  n3_setup, { t_exit, c0_detach, NULL, NULL, r_release }, NULL, n3_check, false },

{ "N4", "V31_N4", NULL, NULL,
  "set_events on a zombie puts DEATH back into utrace_flags: nobody tears down",
  "# T exits: E0's report_death, then utrace_reset leaves only REAP in utrace_flags\n"
  "run T\n"
  "# C0: utrace_set_events(E0, DEATH|REAP|EXEC): DEATH is not new for E0: no B7 check\n"
  "run C0\n"
  "# R: release_task() sees DEATH in utrace_flags: defers the teardown to T\n"
  "run R\n",
  n4_setup, { t_exit, c0_set_events_death, NULL, NULL, r_release }, NULL, n4_check, false },

{ "N2", "V31_N2", "V31_C2 BUG_C1", NULL,
  "single-step left enabled when utrace_stop is called off (model: V31_N2)",
  "C0 -> test:requested\n"
  "# pass 1: E0 asks for single-step\n"
  "T  -> user:stepping\n"
  "run C0\n"
  "# pass 2: E0 returns RESUME, E1 returns STOP\n"
  "T  -> utrace_stop:lock\n"
  "# C1: UTRACE_RESUME before T takes the lock: the stop is called off\n"
  "run C1\n"
  "run T\n",
  n2_setup, { t_two_returns, c0_report_report, c1_resume, NULL, NULL }, NULL, n2_check, false },
};

#define NSCEN ((int)(sizeof(scens) / sizeof(scens[0])))

/* ------------------------------------------------------------------ */
/* Runner                                                             */

struct run_arg {
	const struct scen *s;
	const char *schedule;	/* override */
	bool lenient;
	bool trace;
};

static bool expect_bad(const struct scen *s)
{
	return sw_on(s->sw) || sw_list_on(s->also) ||
	       (known_bug(s->name) && !sw_list_on(s->absent));
}

static void teardown(struct sc *sc)
{
	int i;

	CHECK_MSG(sched_finish(5.0), "participants did not finish: %s", sched_describe());
	utask_bind_current(sc->D);
	if (!utask_exit_state(sc->T)) {
		utask_bind_current(sc->T);
		utask_exit(0);
		utask_bind_current(sc->D);
	}
	if (utask_exit_state(sc->T) != EXIT_DEAD)
		utask_release(sc->T);
	for (i = 0; i < sc->neng; i++)
		if (sc->e[i].e)
			utrace_engine_put(sc->e[i].e);
	if (sc->late)
		utrace_engine_put(sc->late);
	for (i = 0; i < sc->neng; i++)
		if (sc->e[i].e)
			CHECK_MSG(sc->e[i].released == 1, "engine E%d released %d times", i,
				  sc->e[i].released);
	CHECK_EQ(th_released_total, th_attached_total);
	CHECK_EQ(utrace_test_check_invariants(sc->T), 0);
	CHECK_HEX(utask_utrace_flags(sc->T), 0);
	CHECK_MSG(th_inv_violations() == 0, "%s", th_inv_first());
	th_task_unregister(sc->T);
	utask_destroy(sc->T);
}

static void run_scenario(void *arg)
{
	struct run_arg *ra = arg;
	const struct scen *s = ra->s;
	static struct sc scx;
	struct sc *sc = &scx;
	char err[256], why[512];
	bool bad, want = expect_bad(s);
	int i;

	memset(sc, 0, sizeof(*sc));
	sc->D = th_controller("D");
	sc->T = th_task("T", 0);
	for (i = 0; i < 3; i++) {
		static const char *const cn[3] = { "C0", "C1", "C2" };

		sc->C[i] = th_task(cn[i], 0);
	}
	sc->R = th_task("R", 0);
	sc->K = th_task("K", 0);
	s->setup(sc);
	th_inv_reset();

	sched_reset();
	for (i = 0; i < 5; i++) {
		struct task_struct *t = i == 0 ? sc->T : i == 4 ? sc->R : sc->C[i - 1];

		if (s->fn[i])
			sched_add(part_names[i], t, s->fn[i], sc);
	}
	if (s->fn_k)
		sched_add("K", sc->K, s->fn_k, sc);
	if (sched_parse(ra->schedule ? ra->schedule : s->schedule,
			ra->schedule ? ra->lenient : s->lenient, err, sizeof(err)))
		th_fail(__FILE__, __LINE__, "schedule: %s", err);
	sc->st = sched_run();
	if (ra->trace || sc->st == SCHED_ERROR || sc->st == SCHED_HANG ||
	    sc->st == SCHED_DEADLOCK)
		th_report("trace:\n%s", sched_trace());
	if (*sched_skipped())
		th_report("skipped:\n%s", sched_skipped());
	th_report("status: %s%s%s", sched_status_name(sc->st), *sched_error() ? ": " : "",
		  sched_error());
	if (sc->st == SCHED_ERROR || sc->st == SCHED_HANG || sc->st == SCHED_DEADLOCK)
		th_fail(__FILE__, __LINE__, "%s: schedule not followed: %s", s->name, sched_error());
	why[0] = 0;
	bad = s->check(sc, why, sizeof(why));
	th_report("OUTCOME %s %s: %s", s->name, bad ? "BAD" : "GOOD", why);
	if (bad != want)
		th_fail(__FILE__, __LINE__, "%s built %s: expected the %s outcome, observed the %s "
			"one: %s%s%s", s->name, VARIANT, want ? "bad" : "correct",
			bad ? "bad" : "correct", why, *sched_error() ? "; " : "", sched_error());
	if (!bad)
		teardown(sc);
}

static void record(const struct scen *s, bool want, const char *outcome_line)
{
	const char *res = getenv("TH_RESULTS");
	FILE *f;

	if (!res || !(f = fopen(res, "a")))
		return;
	fprintf(f, "%s\t%s\t%s\t%s\t%s\t%s\n", VARIANT, s->name, s->sw ? s->sw : "-",
		want ? "BAD" : "GOOD", known_bug(s->name) ? "known" : "-", outcome_line);
	fclose(f);
}

static void scen_test(void **state)
{
	const struct scen *s = *state;
	struct run_arg ra = { s, NULL, false, false };
	static char out[1 << 16];
	char msg[1024];
	const char *o;
	char oline[600] = "?";
	int r;

	r = th_run_forked(run_scenario, &ra, 30.0, msg, sizeof(msg), out, sizeof(out));
	o = strstr(out, "OUTCOME ");
	if (o) {
		const char *e = strchr(o, '\n');

		snprintf(oline, sizeof(oline), "%.*s", e ? (int)(e - o - 8) : 500, o + 8);
	}
	if (getenv("TH_VERBOSE") || r)
		print_message("%s", out);
	record(s, expect_bad(s), r ? msg : oline);
	if (r)
		fail_msg("%s", msg);
	print_message("[ %-8s ] %s\n", expect_bad(s) ? "SHOWN" : "ABSENT", oline);
}

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "r");
	char *buf;
	long n;

	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = calloc(1, (size_t)n + 1);
	if (fread(buf, 1, (size_t)n, f) != (size_t)n) {
		fclose(f);
		free(buf);
		return NULL;
	}
	fclose(f);
	return buf;
}

int main(int argc, char **argv)
{
	static struct CMUnitTest tests[NSCEN];
	static char names[NSCEN][96];
	const char *only = NULL, *schedfile = NULL;
	bool lenient = false, list = false;
	int i, n = 0;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--run") && i + 1 < argc)
			only = argv[++i];
		else if (!strcmp(argv[i], "--schedule") && i + 1 < argc)
			schedfile = argv[++i];
		else if (!strcmp(argv[i], "--lenient"))
			lenient = true;
		else if (!strcmp(argv[i], "--trace"))
			;	/* --run always prints the trace */
		else if (!strcmp(argv[i], "--list"))
			list = true;
		else {
			fprintf(stderr, "usage: %s [--list] [--run NAME [--trace] "
				"[--schedule FILE [--lenient]]]\n", argv[0]);
			return 2;
		}
	}
	if (list) {
		for (i = 0; i < NSCEN; i++)
			printf("%-12s %-16s %s\n%s\n", scens[i].name, scens[i].sw, scens[i].race,
			       scens[i].schedule);
		return 0;
	}
	if (only) {
		struct run_arg ra = { NULL, NULL, lenient, true };
		static char out[1 << 18];
		char msg[1024];
		int r;

		for (i = 0; i < NSCEN; i++)
			if (!strcmp(scens[i].name, only))
				ra.s = &scens[i];
		if (!ra.s) {
			fprintf(stderr, "no scenario %s\n", only);
			return 2;
		}
		if (schedfile && !(ra.schedule = slurp(schedfile))) {
			fprintf(stderr, "cannot read %s\n", schedfile);
			return 2;
		}
		printf("scenario %s (build %s): %s\nexpected outcome in this build: %s\n",
		       ra.s->name, VARIANT, ra.s->race, expect_bad(ra.s) ? "bad" : "correct");
		printf("schedule:\n%s\n", ra.schedule ? ra.schedule : ra.s->schedule);
		r = th_run_forked(run_scenario, &ra, 30.0, msg, sizeof(msg), out, sizeof(out));
		fputs(out, stdout);
		printf("%s\n", r ? msg : "PASS");
		return r ? 1 : 0;
	}
	for (i = 0; i < NSCEN; i++) {
		snprintf(names[i], sizeof(names[i]), "%s[%s]%s", scens[i].name, VARIANT,
			 expect_bad(&scens[i]) ? " shown" : " absent");
		tests[n].name = names[i];
		tests[n].test_func = scen_test;
		tests[n].setup_func = NULL;
		tests[n].teardown_func = NULL;
		tests[n].initial_state = (void *)&scens[i];
		n++;
	}
	return _cmocka_run_group_tests("scenarios-" VARIANT, tests, (size_t)n, NULL, NULL);
}
