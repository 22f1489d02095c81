// SPDX-License-Identifier: GPL-2.0
/*
 * contract.c - API contract tests of the utrace C core
 *
 * Every row of the return-code tables of docs/protocol.md section 5 and of
 * the kernel-doc in src/utrace.h, against a tracee that is running,
 * stopped, dying (report_death in progress), dead and reaped; bad input
 * (NULL engine, an engine of another task, a detached engine, an action out
 * of range, a reaped task, a second DETACH) gets the documented error and
 * changes nothing (th_snap_same: utrace_flags, task state, TIF bits, the
 * utrace bits, list lengths, every engine's state/flags/refs, release
 * calls, the invariant); the engine-data protocol (release() exactly once
 * per successful attach); and the tracee-side behaviour the API promises.
 *
 * Each test runs in a forked child with a real tracee thread (th.h) under
 * a wall-clock bound; the lock invariant is checked at the end of every
 * utrace->lock critical section (wrap.c).
 */
#include "tcase.h"

#include <limits.h>

#define ESTOP		(1UL << _UTRACE_NEVENTS)
#define EV(x)		UTRACE_EVENT(x)


static struct utrace_test_state ST(struct task_struct *t)
{
	struct utrace_test_state s;

	utrace_test_get_state(t, &s);
	return s;
}

/* End of a test: T exits (if not yet), is reaped and destroyed; our
 * references are dropped; every engine must be released exactly once. */
static void finish(struct tracee *tr, struct teng *te, int n)
{
	int i;

	th_tracee_finish(tr);
	for (i = 0; i < n; i++)
		if (te[i].e)
			utrace_engine_put(te[i].e);
	for (i = 0; i < n; i++)
		if (te[i].e)
			CHECK_MSG(te[i].released == 1, "%s released %d times", te[i].name,
				  te[i].released);
	/* th_released_total == th_attached_total is checked after every test */
}

static void engines(struct teng *te, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		char name[8];

		snprintf(name, sizeof(name), "E%d", i);
		teng_init(&te[i], name);
	}
}

/* T stopped in utrace_stop at syscall entry by te (script STOP). */
static void make_stopped(struct tracee *tr, struct teng *te)
{
	teng_script(te, CB_SYSENTRY, UTRACE_STOP);
	th_tracee_post(tr, TC_SYSCALL_ENTRY);
	th_wait_utraced(tr->t);
	CHECK(utrace_test_engine_flags(te->e) & ESTOP);
}

/* T inside te's report_death, held by gate g. */
static void make_dying(struct tracee *tr, struct teng *te, struct th_gate *g)
{
	th_gate_init(g);
	te->gate[CB_DEATH] = g;
	th_tracee_post(tr, TC_EXIT);
	th_gate_wait_entered(g, 1, 10.0);
	CHECK(ST(tr->t).death);
}

/* A barrier (or any call) on a helper thread bound to its own task. */
struct bthread {
	pthread_t th;
	struct task_struct *C;
	struct task_struct *T;
	struct utrace_engine *e;
	int ret;
	int done;
};

static void *bthread_main(void *a)
{
	struct bthread *b = a;

	utask_bind_current(b->C);
	b->ret = utrace_barrier(b->T, b->e);
	__atomic_store_n(&b->done, 1, __ATOMIC_SEQ_CST);
	return NULL;
}

static void bthread_start(struct bthread *b, struct task_struct *T, struct utrace_engine *e)
{
	memset(b, 0, sizeof(*b));
	b->C = th_task("B", 0);
	b->T = T;
	b->e = e;
	CHECK_EQ(pthread_create(&b->th, NULL, bthread_main, b), 0);
}

static int bthread_join(struct bthread *b)
{
	TH_WAIT(__atomic_load_n(&b->done, __ATOMIC_SEQ_CST), 10.0, "utrace_barrier to return");
	pthread_join(b->th, NULL);
	return b->ret;
}

/* ================================================================== */
/* utrace_attach_task                                                 */

FTEST(attach_lookup_no_engine)
{
	struct tracee *tr = th_tracee_new("T");
	struct teng te[1];
	struct th_snap a, b;

	engines(te, 1);
	th_snap_take(&a, tr->t, NULL, 0);
	CHECK_ERR(utrace_attach_task(tr->t, 0, &te[0].ops, te), -ENOENT);
	CHECK_ERR(utrace_attach_task(tr->t, UTRACE_ATTACH_MATCH_OPS, &te[0].ops, te), -ENOENT);
	CHECK_ERR(utrace_attach_task(tr->t, UTRACE_ATTACH_MATCH_DATA, NULL, te), -ENOENT);
	CHECK_ERR(utrace_attach_task(tr->t, UTRACE_ATTACH_EXCLUSIVE, &te[0].ops, te), -ENOENT);
	th_snap_take(&b, tr->t, NULL, 0);
	th_snap_same(&a, &b, "lookup with no engine");
	CHECK_HEX(utask_utrace_flags(tr->t), 0);
	finish(tr, te, 1);
}

FTEST(attach_create_state)
{
	struct tracee *tr = th_tracee_new("T");
	struct teng te[1];
	struct utrace_engine *e;
	struct utrace_test_state st;

	engines(te, 1);
	e = utrace_attach_task(tr->t, UTRACE_ATTACH_CREATE, &te[0].ops, &te[0]);
	CHECK_OK_PTR(e);
	th_attached_total++;
	te[0].e = e;
	CHECK(e->ops == &te[0].ops);
	CHECK(e->data == &te[0]);
	CHECK_EQ(utrace_test_engine_refs(e), 2);	/* caller + attach */
	CHECK_EQ(utrace_test_engine_state(e), UTRACE_TEST_ENGINE_LIVE);
	CHECK_HEX(utrace_test_engine_flags(e), 0);
	CHECK_HEX(utask_utrace_flags(tr->t), EV(REAP));
	st = ST(tr->t);
	CHECK_EQ(st.nr_attaching, 1);
	CHECK_EQ(st.nr_attached, 0);
	CHECK(st.pending_attach);
	CHECK_EQ(st.resume, UTRACE_RESUME);
	CHECK_EQ(te[0].released, 0);
	CHECK_EQ(utrace_test_check_invariants(tr->t), 0);
	/* No events yet: no callback, no report (T does not even splice it). */
	th_tracee_do(tr, TC_SYSCALL_ENTRY);
	th_tracee_do(tr, TC_RETURN_TO_USER);
	th_tracee_do(tr, TC_EXEC);
	CHECK_EQ(te[0].nlog, 0);
	CHECK_EQ(ST(tr->t).nr_attaching, 1);
	/* With an event: T's next report splices it and calls it. */
	CHECK_EQ(utrace_set_events(tr->t, e, EV(EXEC)), 0);
	th_tracee_do(tr, TC_EXEC);
	CHECK_EQ(teng_calls(&te[0], CB_EXEC), 1);
	st = ST(tr->t);
	CHECK_EQ(st.nr_attaching, 0);
	CHECK_EQ(st.nr_attached, 1);
	CHECK(!st.pending_attach);
	finish(tr, te, 1);
}

/* The flag matrix: 16 flag combinations x 3 situations. */
struct amx {
	int flags;
	int sit;		/* 0: no engine, 1: a matching engine, 2: a non-matching one */
	char name[80];
};

static struct amx amx_cases[48];

static void amx_body(const struct amx *c)
{
	struct tracee *tr = th_tracee_new("T");
	struct teng te[2];
	struct utrace_engine *e, *old = NULL;
	struct th_snap a, b;
	bool create = c->flags & UTRACE_ATTACH_CREATE;
	bool excl = c->flags & UTRACE_ATTACH_EXCLUSIVE;
	bool match_ops = c->flags & UTRACE_ATTACH_MATCH_OPS;
	bool match_data = c->flags & UTRACE_ATTACH_MATCH_DATA;
	bool matches = false;

	engines(te, 2);
	if (c->sit == 1) {
		old = th_attach(tr->t, &te[0], 0);
		matches = true;
	} else if (c->sit == 2) {
		/* other ops and other data: matches only a lookup with no MATCH_* */
		old = th_attach(tr->t, &te[1], 0);
		matches = !match_ops && !match_data;
	}
	th_snap_take(&a, tr->t, &old, old ? 1 : 0);
	e = utrace_attach_task(tr->t, c->flags, &te[0].ops, &te[0]);
	if (!create) {
		if (!matches) {
			CHECK_ERR(e, -ENOENT);
		} else {
			CHECK(e == old);
			CHECK_EQ(utrace_test_engine_refs(old), a.eng[0].refs + 1);
			utrace_engine_put(e);
		}
		th_snap_take(&b, tr->t, &old, old ? 1 : 0);
		th_snap_same(&a, &b, "lookup");
	} else if (excl && matches) {
		CHECK_ERR(e, -EEXIST);
		th_snap_take(&b, tr->t, &old, old ? 1 : 0);
		th_snap_same(&a, &b, "rejected exclusive attach");
	} else {
		CHECK_OK_PTR(e);
		CHECK(e != old);
		th_attached_total++;
		CHECK_EQ(utrace_test_engine_refs(e), 2);
		CHECK_HEX(utrace_test_engine_flags(e), 0);
		CHECK_EQ(ST(tr->t).nr_attaching, c->sit ? 2 : 1);
		if (c->sit == 1) {
			/* a second engine with the same ops and data */
			th_tracee_finish(tr);
			utrace_engine_put(e);
			utrace_engine_put(old);
			CHECK_EQ(te[0].released, 2);
			CHECK_EQ(th_released_total, th_attached_total);
			return;
		}
		te[0].e = e;
	}
	finish(tr, te, 2);
}

static void amx_b(const void *a)
{
	amx_body(a);
}

static void amx_test(void **state)
{
	const struct amx *c = *state;

	tc_run(c->name, amx_b, c, NULL);
}

FTEST(attach_einval_ops)
{
	struct tracee *tr = th_tracee_new("T");
	struct teng te[2];
	struct utrace_engine *e;
	const struct utrace_engine_ops *detached;
	struct th_snap a, b;

	engines(te, 2);
	/* Get &utrace_detached_ops: the ops of a marked-detached engine. */
	e = th_attach(tr->t, &te[0], EV(EXEC));
	CHECK_EQ(utrace_control(tr->t, e, UTRACE_DETACH), 0);
	CHECK_EQ(utrace_test_engine_state(e), UTRACE_TEST_ENGINE_DETACHED);
	detached = READ_ONCE(e->ops);
	CHECK(detached && detached != &te[0].ops);

	th_snap_take(&a, tr->t, &e, 1);
	CHECK_ERR(utrace_attach_task(tr->t, UTRACE_ATTACH_CREATE, NULL, &te[1]), -EINVAL);
	CHECK_ERR(utrace_attach_task(tr->t, UTRACE_ATTACH_CREATE | UTRACE_ATTACH_EXCLUSIVE,
				     NULL, &te[1]), -EINVAL);
	CHECK_ERR(utrace_attach_task(tr->t, UTRACE_ATTACH_CREATE, detached, &te[1]), -EINVAL);
	CHECK_ERR(utrace_attach_task(tr->t, UTRACE_ATTACH_CREATE | UTRACE_ATTACH_EXCLUSIVE |
				     UTRACE_ATTACH_MATCH_OPS, detached, &te[1]), -EINVAL);
	/* Detached engines never match a lookup. */
	CHECK_ERR(utrace_attach_task(tr->t, UTRACE_ATTACH_MATCH_OPS, detached, NULL), -ENOENT);
	CHECK_ERR(utrace_attach_task(tr->t, UTRACE_ATTACH_MATCH_OPS, &te[0].ops, NULL), -ENOENT);
	CHECK_ERR(utrace_attach_task(tr->t, UTRACE_ATTACH_MATCH_DATA, NULL, &te[0]), -ENOENT);
	CHECK_ERR(utrace_attach_task(tr->t, 0, NULL, NULL), -ENOENT);
	th_snap_take(&b, tr->t, &e, 1);
	th_snap_same(&a, &b, "attach with NULL / detached ops");
	/* EXCLUSIVE does not see the detached engine either (its ops changed). */
	CHECK_OK_PTR(te[1].e = utrace_attach_task(tr->t, UTRACE_ATTACH_CREATE |
						  UTRACE_ATTACH_EXCLUSIVE |
						  UTRACE_ATTACH_MATCH_OPS, &te[0].ops, &te[1]));
	th_attached_total++;
	finish(tr, te, 2);
}

FTEST(attach_eperm_kthread)
{
	struct task_struct *k = th_task("kthread", PF_KTHREAD);
	struct teng te[1];
	struct th_snap a, b;

	engines(te, 1);
	th_snap_take(&a, k, NULL, 0);
	CHECK_ERR(utrace_attach_task(k, UTRACE_ATTACH_CREATE, &te[0].ops, te), -EPERM);
	CHECK_ERR(utrace_attach_task(k, UTRACE_ATTACH_CREATE | UTRACE_ATTACH_EXCLUSIVE,
				     &te[0].ops, te), -EPERM);
	/* -EINVAL is checked before -EPERM, -EPERM before the allocation. */
	CHECK_ERR(utrace_attach_task(k, UTRACE_ATTACH_CREATE, NULL, te), -EINVAL);
	utask_fail_alloc(1);
	CHECK_ERR(utrace_attach_task(k, UTRACE_ATTACH_CREATE, &te[0].ops, te), -EPERM);
	utask_fail_alloc(0);
	CHECK_ERR(utrace_attach_task(k, 0, &te[0].ops, te), -ENOENT);
	th_snap_take(&b, k, NULL, 0);
	th_snap_same(&a, &b, "attach to a kernel thread");
	CHECK_EQ(th_released_total, 0);
	th_task_unregister(k);
	utask_destroy(k);
}

FTEST(attach_enomem)
{
	struct tracee *tr = th_tracee_new("T");
	struct teng te[2];
	struct utrace_engine *e0;
	struct th_snap a, b;

	engines(te, 2);
	e0 = th_attach(tr->t, &te[0], EV(EXEC));
	th_snap_take(&a, tr->t, &e0, 1);
	utask_fail_alloc(1);
	CHECK_ERR(utrace_attach_task(tr->t, UTRACE_ATTACH_CREATE, &te[1].ops, &te[1]), -ENOMEM);
	th_snap_take(&b, tr->t, &e0, 1);
	th_snap_same(&a, &b, "attach with allocation failure");
	CHECK_EQ(te[1].released, 0);	/* never linked: no release() */
	/* On a task with no engine, the REAP marker is not left behind. */
	{
		struct tracee *t2 = th_tracee_new("T2");

		utask_fail_alloc(1);
		CHECK_ERR(utrace_attach_task(t2->t, UTRACE_ATTACH_CREATE, &te[1].ops, &te[1]),
			  -ENOMEM);
		CHECK_HEX(utask_utrace_flags(t2->t), 0);
		finish(t2, NULL, 0);
	}
	/* The failure was one-shot. */
	th_attach(tr->t, &te[1], EV(EXEC));
	finish(tr, te, 2);
}

FTEST(attach_eexist)
{
	struct tracee *tr = th_tracee_new("T");
	struct teng te[3];
	struct utrace_engine *e0, *e1;
	struct th_snap a, b;

	engines(te, 3);
	e0 = th_attach(tr->t, &te[0], EV(EXEC));
	th_snap_take(&a, tr->t, &e0, 1);
	CHECK_ERR(utrace_attach_task(tr->t, UTRACE_ATTACH_CREATE | UTRACE_ATTACH_EXCLUSIVE |
				     UTRACE_ATTACH_MATCH_OPS, &te[0].ops, &te[1]), -EEXIST);
	CHECK_ERR(utrace_attach_task(tr->t, UTRACE_ATTACH_CREATE | UTRACE_ATTACH_EXCLUSIVE |
				     UTRACE_ATTACH_MATCH_DATA, &te[1].ops, &te[0]), -EEXIST);
	CHECK_ERR(utrace_attach_task(tr->t, UTRACE_ATTACH_CREATE | UTRACE_ATTACH_EXCLUSIVE,
				     &te[1].ops, &te[1]), -EEXIST);	/* no MATCH_*: any */
	th_snap_take(&b, tr->t, &e0, 1);
	th_snap_same(&a, &b, "rejected exclusive attach");
	/* Same data, other ops, both filters: no match, allowed.  (Its data is
	 * &te[0]: te[0] gets two release() calls, see below.) */
	CHECK_OK_PTR(e1 = utrace_attach_task(tr->t, UTRACE_ATTACH_CREATE |
					     UTRACE_ATTACH_EXCLUSIVE |
					     UTRACE_ATTACH_MATCH_OPS |
					     UTRACE_ATTACH_MATCH_DATA,
					     &te[1].ops, &te[0]));
	th_attached_total++;
	CHECK_EQ(utrace_set_events(tr->t, e1, EV(EXEC)), 0);
	/* Once T spliced them (attached list), still found. */
	th_tracee_do(tr, TC_SYSCALL_EXIT);
	th_tracee_do(tr, TC_EXEC);
	CHECK_EQ(ST(tr->t).nr_attached, 2);
	CHECK_ERR(utrace_attach_task(tr->t, UTRACE_ATTACH_CREATE | UTRACE_ATTACH_EXCLUSIVE |
				     UTRACE_ATTACH_MATCH_OPS, &te[1].ops, &te[2]), -EEXIST);
	CHECK(utrace_attach_task(tr->t, UTRACE_ATTACH_MATCH_DATA, NULL, &te[0]) == e0);
	utrace_engine_put(e0);
	CHECK(utrace_attach_task(tr->t, UTRACE_ATTACH_MATCH_OPS, &te[1].ops, NULL) == e1);
	utrace_engine_put(e1);
	th_tracee_finish(tr);
	utrace_engine_put(e0);
	utrace_engine_put(e1);
	CHECK_EQ(te[0].released, 2);
	CHECK_EQ(te[1].released, 0);
}

FTEST(attach_esrch)
{
	struct tracee *tr = th_tracee_new("T"), *t2;
	struct teng te[3];
	struct th_snap a, b;

	engines(te, 3);
	CHECK_ERR(utrace_attach_task(NULL, UTRACE_ATTACH_CREATE, &te[1].ops, &te[1]), -ESRCH);
	CHECK_ERR(utrace_attach_task(NULL, 0, &te[1].ops, &te[1]), -ESRCH);

	/* Reaped with an engine: release_task() set reap and tore down. */
	th_attach(tr->t, &te[0], EV(EXEC));
	th_tracee_do(tr, TC_EXIT);
	th_tracee_quit(tr);
	utask_release(tr->t);
	CHECK(ST(tr->t).reap);
	CHECK_EQ(utrace_test_engine_state(te[0].e), UTRACE_TEST_ENGINE_GONE);
	th_snap_take(&a, tr->t, NULL, 0);
	CHECK_ERR(utrace_attach_task(tr->t, UTRACE_ATTACH_CREATE, &te[1].ops, &te[1]), -ESRCH);
	CHECK_ERR(utrace_attach_task(tr->t, 0, &te[0].ops, &te[0]), -ENOENT);
	th_snap_take(&b, tr->t, NULL, 0);
	th_snap_same(&a, &b, "attach to a reaped task");

	/* EXIT_DEAD with no engine ever (reap never set): the B3 back-out. */
	t2 = th_tracee_new("T2");
	th_tracee_do(t2, TC_EXIT);
	th_tracee_quit(t2);
	utask_release(t2->t);
	CHECK(!ST(t2->t).reap);
	th_snap_take(&a, t2->t, NULL, 0);
	CHECK_ERR(utrace_attach_task(t2->t, UTRACE_ATTACH_CREATE, &te[2].ops, &te[2]), -ESRCH);
	th_snap_take(&b, t2->t, NULL, 0);
	th_snap_same(&a, &b, "attach to an EXIT_DEAD task with no engine");
	finish(t2, NULL, 0);
	finish(tr, te, 3);
}

FTEST(attach_zombie)
{
	struct tracee *tr = th_tracee_new("T");
	struct teng te[1];

	engines(te, 1);
	th_tracee_do(tr, TC_EXIT);
	CHECK_EQ(utask_exit_state(tr->t), EXIT_ZOMBIE);
	/* Not reaped yet: attaching works; DEATH/QUIESCE can no longer be set. */
	CHECK_OK_PTR(te[0].e = utrace_attach_task(tr->t, UTRACE_ATTACH_CREATE, &te[0].ops, &te[0]));
	th_attached_total++;
	CHECK_EQ(utrace_set_events(tr->t, te[0].e, EV(DEATH)), -EALREADY);
	CHECK_EQ(utrace_set_events(tr->t, te[0].e, EV(REAP)), 0);
	finish(tr, te, 1);
	CHECK_EQ(teng_calls(&te[0], CB_REAP), 1);
}

FTEST(attach_during_deferred_reap)
{
	struct tracee *tr = th_tracee_new("T");
	struct teng te[2];
	struct th_gate g;
	struct utrace_engine *e;

	engines(te, 2);
	th_attach(tr->t, &te[0], EV(DEATH));
	make_dying(tr, &te[0], &g);
	utask_release(tr->t);	/* reap set; T tears down later */
	CHECK(ST(tr->t).reap);
	CHECK_ERR(utrace_attach_task(tr->t, UTRACE_ATTACH_CREATE, &te[1].ops, &te[1]), -ESRCH);
	/* A lookup still finds the live engine until the teardown. */
	e = utrace_attach_task(tr->t, UTRACE_ATTACH_MATCH_OPS, &te[0].ops, NULL);
	CHECK(e == te[0].e);
	utrace_engine_put(e);
	th_gate_open(&g);
	th_tracee_wait_idle(tr);
	CHECK_EQ(utrace_test_engine_state(te[0].e), UTRACE_TEST_ENGINE_GONE);
	finish(tr, te, 2);
}

FTEST(engine_get_put_refs)
{
	struct tracee *tr = th_tracee_new("T");
	struct teng te[1];
	struct utrace_engine *e;

	engines(te, 1);
	e = th_attach(tr->t, &te[0], EV(EXEC));
	CHECK_EQ(utrace_test_engine_refs(e), 2);
	utrace_engine_get(e);
	CHECK_EQ(utrace_test_engine_refs(e), 3);
	CHECK(utrace_attach_task(tr->t, UTRACE_ATTACH_MATCH_OPS, &te[0].ops, NULL) == e);
	CHECK_EQ(utrace_test_engine_refs(e), 4);
	utrace_engine_put(e);
	utrace_engine_put(e);
	CHECK_EQ(utrace_test_engine_refs(e), 2);
	CHECK_EQ(utrace_control(tr->t, e, UTRACE_DETACH), 0);
	CHECK_EQ(utrace_test_engine_refs(e), 2);	/* the attach ref until collected */
	th_tracee_do(tr, TC_RETURN_TO_USER);
	CHECK_EQ(utrace_test_engine_state(e), UTRACE_TEST_ENGINE_GONE);
	CHECK_EQ(utrace_test_engine_refs(e), 1);
	CHECK_EQ(te[0].released, 0);
	finish(tr, te, 1);
}

/* ================================================================== */
/* utrace_set_events                                                  */

FTEST(set_events_applied)
{
	struct tracee *tr = th_tracee_new("T");
	struct teng te[2];
	struct utrace_engine *e;

	engines(te, 2);
	e = th_attach(tr->t, &te[0], 0);
	CHECK(!utask_test_tif(tr->t, TIF_SYSCALL_TRACE));
	CHECK_EQ(utrace_set_events(tr->t, e, EV(EXEC) | EV(SYSCALL_ENTRY)), 0);
	CHECK_HEX(utrace_test_engine_flags(e), EV(EXEC) | EV(SYSCALL_ENTRY));
	CHECK_HEX(utask_utrace_flags(tr->t), EV(EXEC) | EV(SYSCALL_ENTRY) | EV(REAP));
	CHECK(utask_test_tif(tr->t, TIF_SYSCALL_TRACE));
	/* ENGINE_STOP is internal: ignored in @events. */
	CHECK_EQ(utrace_set_events(tr->t, e, EV(EXEC) | ESTOP), 0);
	CHECK_HEX(utrace_test_engine_flags(e), EV(EXEC));
	CHECK_EQ(utask_utrace_flags(tr->t) & ESTOP, 0);
	/* Removing bits never removes them from utrace_flags here. */
	CHECK_HEX(utask_utrace_flags(tr->t), EV(EXEC) | EV(SYSCALL_ENTRY) | EV(REAP));
	/* ...a report recomputes it (spurious syscall report resets). */
	th_tracee_do(tr, TC_SYSCALL_ENTRY);
	CHECK_EQ(teng_calls(&te[0], CB_SYSENTRY), 0);
	CHECK_HEX(utask_utrace_flags(tr->t), EV(EXEC) | EV(REAP));
	CHECK(!utask_test_tif(tr->t, TIF_SYSCALL_TRACE));
	/* Events are per engine. */
	th_attach(tr->t, &te[1], EV(SYSCALL_EXIT));
	th_tracee_do(tr, TC_EXEC);
	th_tracee_do(tr, TC_SYSCALL_EXIT);
	CHECK_EQ(teng_calls(&te[0], CB_EXEC), 1);
	CHECK_EQ(teng_calls(&te[0], CB_SYSEXIT), 0);
	CHECK_EQ(teng_calls(&te[1], CB_EXEC), 0);
	CHECK_EQ(teng_calls(&te[1], CB_SYSEXIT), 1);
	/* A preserved stop request survives set_events. */
	CHECK_EQ(utrace_control(tr->t, e, UTRACE_STOP), -EINPROGRESS);
	CHECK_EQ(utrace_set_events(tr->t, e, EV(QUIESCE)), 0);
	CHECK_HEX(utrace_test_engine_flags(e), EV(QUIESCE) | ESTOP);
	CHECK_EQ(utrace_control(tr->t, e, UTRACE_RESUME), 0);
	finish(tr, te, 2);
}

FTEST(set_events_remove_while_running)
{
	struct tracee *tr = th_tracee_new("T");
	struct teng te[1];
	struct utrace_engine *e;

	engines(te, 1);
	e = th_attach(tr->t, &te[0], EV(EXEC) | EV(SYSCALL_EXIT));
	th_tracee_do(tr, TC_EXEC);
	CHECK_EQ(utrace_set_events(tr->t, e, EV(SYSCALL_EXIT)), 0);
	th_tracee_do(tr, TC_EXEC);
	CHECK_EQ(teng_calls(&te[0], CB_EXEC), 1);	/* no callback any more */
	CHECK_EQ(utrace_set_events(tr->t, e, 0), 0);
	th_tracee_do(tr, TC_SYSCALL_EXIT);
	CHECK_EQ(teng_calls(&te[0], CB_SYSEXIT), 0);
	finish(tr, te, 1);
}

FTEST(set_events_einprogress)
{
	struct tracee *tr = th_tracee_new("T");
	struct teng te[2];
	struct th_gate g;
	struct utrace_engine *e;

	engines(te, 2);
	e = th_attach(tr->t, &te[0], EV(EXEC) | EV(SYSCALL_EXIT));
	th_attach(tr->t, &te[1], EV(EXEC));
	th_gate_init(&g);
	te[0].gate[CB_EXEC] = &g;
	th_tracee_post(tr, TC_EXEC);
	th_gate_wait_entered(&g, 1, 10.0);
	CHECK(ST(tr->t).reporting == e);
	/* Adding bits: 0.  Removing bits while T is in our callback: -EINPROGRESS,
	 * but the new mask is applied. */
	CHECK_EQ(utrace_set_events(tr->t, e, EV(EXEC) | EV(SYSCALL_EXIT) | EV(SYSCALL_ENTRY)), 0);
	CHECK_EQ(utrace_set_events(tr->t, e, EV(EXEC)), -EINPROGRESS);
	CHECK_HEX(utrace_test_engine_flags(e), EV(EXEC));
	/* Another engine's removal while T is in E0's callback: 0. */
	CHECK_EQ(utrace_set_events(tr->t, te[1].e, 0), 0);
	th_gate_open(&g);
	th_tracee_wait_idle(tr);
	/* Not in a callback any more: 0. */
	CHECK_EQ(utrace_set_events(tr->t, e, 0), 0);
	finish(tr, te, 2);
}

static void remove_own_events(struct tracee *tr, void *arg)
{
	struct teng *te = arg;

	(void)tr;
	/* Called by T itself: target == current, never -EINPROGRESS. */
	te->inject_signo = utrace_set_events(current, te->e, 0);
}

FTEST(set_events_by_tracee_itself)
{
	struct tracee *tr = th_tracee_new("T");
	struct teng te[1];

	engines(te, 1);
	th_attach(tr->t, &te[0], EV(EXEC));
	te[0].inject_signo = 99;
	th_tracee_post_fn(tr, remove_own_events, &te[0]);
	th_tracee_wait_idle(tr);
	CHECK_EQ(te[0].inject_signo, 0);
	finish(tr, te, 1);
}

FTEST(set_events_stopped_target)
{
	struct tracee *tr = th_tracee_new("T");
	struct teng te[1];
	struct utrace_engine *e;

	engines(te, 1);
	e = th_attach(tr->t, &te[0], EV(SYSCALL_ENTRY) | EV(EXEC));
	make_stopped(tr, &te[0]);
	/* Removing bits of a stopped T: 0, ENGINE_STOP kept. */
	CHECK_EQ(utrace_set_events(tr->t, e, EV(SYSCALL_ENTRY)), 0);
	CHECK_HEX(utrace_test_engine_flags(e), EV(SYSCALL_ENTRY) | ESTOP);
	CHECK(utask_is_utraced(tr->t));
	CHECK_EQ(utrace_control(tr->t, e, UTRACE_RESUME), 0);
	th_tracee_wait_idle(tr);
	finish(tr, te, 1);
}

FTEST(set_events_ealready_dying)
{
	struct tracee *tr = th_tracee_new("T");
	struct teng te[1];
	struct th_gate g;
	struct utrace_engine *e;
	struct th_snap a, b;

	engines(te, 1);
	e = th_attach(tr->t, &te[0], EV(DEATH) | EV(QUIESCE) | EV(EXEC));
	make_dying(tr, &te[0], &g);
	th_snap_take(&a, tr->t, &e, 1);
	CHECK_EQ(utrace_set_events(tr->t, e, EV(QUIESCE) | EV(EXEC)), -EALREADY);
	CHECK_EQ(utrace_set_events(tr->t, e, EV(DEATH) | EV(EXEC)), -EALREADY);
	CHECK_EQ(utrace_set_events(tr->t, e, 0), -EALREADY);
	th_snap_take(&b, tr->t, &e, 1);
	th_snap_same(&a, &b, "clearing DEATH/QUIESCE during report_death");
	/* Keeping them: allowed. */
	CHECK_EQ(utrace_set_events(tr->t, e, EV(DEATH) | EV(QUIESCE)), 0);
	CHECK_HEX(utrace_test_engine_flags(e), EV(DEATH) | EV(QUIESCE));
	th_gate_open(&g);
	th_tracee_wait_idle(tr);
	finish(tr, te, 1);
}

FTEST(set_events_ealready_zombie)
{
	struct tracee *tr = th_tracee_new("T");
	struct teng te[1];
	struct utrace_engine *e;
	struct th_snap a, b;

	engines(te, 1);
	e = th_attach(tr->t, &te[0], EV(EXEC));
	th_tracee_do(tr, TC_EXIT);
	th_snap_take(&a, tr->t, &e, 1);
	CHECK_EQ(utrace_set_events(tr->t, e, EV(EXEC) | EV(DEATH)), -EALREADY);
	CHECK_EQ(utrace_set_events(tr->t, e, EV(EXEC) | EV(QUIESCE)), -EALREADY);
	th_snap_take(&b, tr->t, &e, 1);
	th_snap_same(&a, &b, "setting DEATH/QUIESCE on a zombie");
	CHECK_EQ(utrace_set_events(tr->t, e, EV(REAP)), 0);
	finish(tr, te, 1);
	CHECK_EQ(teng_calls(&te[0], CB_DEATH), 0);
	CHECK_EQ(teng_calls(&te[0], CB_REAP), 1);
}

FTEST(set_events_esrch_detached)
{
	struct tracee *tr = th_tracee_new("T");
	struct teng te[1];
	struct utrace_engine *e;
	struct th_snap a, b;

	engines(te, 1);
	e = th_attach(tr->t, &te[0], EV(EXEC));
	CHECK_EQ(utrace_control(tr->t, e, UTRACE_DETACH), 0);
	th_snap_take(&a, tr->t, &e, 1);
	CHECK_EQ(utrace_set_events(tr->t, e, EV(EXEC) | EV(SYSCALL_EXIT)), -ESRCH);
	CHECK_EQ(utrace_set_events(tr->t, e, 0), -ESRCH);
	th_snap_take(&b, tr->t, &e, 1);
	th_snap_same(&a, &b, "set_events on a marked-detached engine");
	th_tracee_do(tr, TC_RETURN_TO_USER);	/* collects it */
	CHECK_EQ(utrace_test_engine_state(e), UTRACE_TEST_ENGINE_GONE);
	th_snap_take(&a, tr->t, &e, 1);
	CHECK_EQ(utrace_set_events(tr->t, e, EV(EXEC)), -ESRCH);
	th_snap_take(&b, tr->t, &e, 1);
	th_snap_same(&a, &b, "set_events on an unlinked engine");
	finish(tr, te, 1);
}

FTEST(set_events_esrch_reaped)
{
	struct tracee *tr = th_tracee_new("T");
	struct teng te[1];
	struct th_gate g;
	struct utrace_engine *e;
	struct th_snap a, b;

	engines(te, 1);
	e = th_attach(tr->t, &te[0], EV(DEATH) | EV(EXEC));
	make_dying(tr, &te[0], &g);
	utask_release(tr->t);	/* deferred: the engine is still live */
	CHECK_EQ(utrace_test_engine_state(e), UTRACE_TEST_ENGINE_LIVE);
	th_snap_take(&a, tr->t, &e, 1);
	CHECK_EQ(utrace_set_events(tr->t, e, EV(DEATH) | EV(EXEC) | EV(SYSCALL_EXIT)), -ESRCH);
	CHECK_EQ(utrace_set_events(tr->t, e, EV(DEATH)), -ESRCH);
	th_snap_take(&b, tr->t, &e, 1);
	th_snap_same(&a, &b, "set_events after release_task");
	th_gate_open(&g);
	th_tracee_wait_idle(tr);
	CHECK_EQ(utrace_test_engine_state(e), UTRACE_TEST_ENGINE_GONE);
	CHECK_EQ(utrace_set_events(tr->t, e, EV(EXEC)), -ESRCH);
	finish(tr, te, 1);
}

FTEST(bad_engine_einval)
{
	struct tracee *tr = th_tracee_new("T"), *t2 = th_tracee_new("T2");
	struct teng te[2];
	struct utrace_engine *e, *e2;
	struct th_snap a, b, a2, b2;
	int act;

	engines(te, 2);
	e = th_attach(tr->t, &te[0], EV(EXEC) | EV(QUIESCE));
	e2 = th_attach(t2->t, &te[1], EV(EXEC) | EV(QUIESCE));
	th_snap_take(&a, tr->t, &e, 1);
	th_snap_take(&a2, t2->t, &e2, 1);
	CHECK_EQ(utrace_set_events(tr->t, NULL, EV(EXEC)), -EINVAL);
	CHECK_EQ(utrace_set_events(tr->t, e2, EV(SYSCALL_EXIT)), -EINVAL);
	for (act = 0; act < UTRACE_RESUME_MAX; act++) {
		CHECK_EQ(utrace_control(tr->t, NULL, (enum utrace_resume_action)act), -EINVAL);
		CHECK_EQ(utrace_control(tr->t, e2, (enum utrace_resume_action)act), -EINVAL);
	}
	CHECK_EQ(utrace_barrier(tr->t, NULL), -EINVAL);
	CHECK_EQ(utrace_barrier(tr->t, e2), -EINVAL);
	CHECK_EQ(utrace_barrier(NULL, e), -EINVAL);
	CHECK_EQ(utrace_set_events(NULL, e, EV(EXEC)), -EINVAL);
	CHECK_EQ(utrace_control(NULL, e, UTRACE_STOP), -EINVAL);
	th_snap_take(&b, tr->t, &e, 1);
	th_snap_take(&b2, t2->t, &e2, 1);
	th_snap_same(&a, &b, "NULL / foreign engine (target)");
	th_snap_same(&a2, &b2, "NULL / foreign engine (engine's own task)");
	/* a foreign engine that is detached: still -EINVAL, not -ESRCH */
	CHECK_EQ(utrace_control(t2->t, e2, UTRACE_DETACH), 0);
	CHECK_EQ(utrace_control(tr->t, e2, UTRACE_DETACH), -EINVAL);
	CHECK_EQ(utrace_barrier(tr->t, e2), -EINVAL);
	finish(t2, &te[1], 1);
	finish(tr, te, 1);
}

/* ================================================================== */
/* utrace_control: argument checks                                    */

FTEST(control_action_out_of_range)
{
	struct tracee *tr = th_tracee_new("T");
	struct teng te[1];
	struct utrace_engine *e;
	struct th_snap a, b;
	static const long bad[] = { UTRACE_RESUME_MAX, UTRACE_RESUME_MAX + 1, 8, 15, 16, 100,
				    INT_MAX, -1, -2, -7, INT_MIN, 0x80000000L, 0xffffffffL };
	size_t i;

	engines(te, 1);
	e = th_attach(tr->t, &te[0], EV(EXEC) | EV(QUIESCE));
	CHECK_EQ(utrace_control(tr->t, e, UTRACE_STOP), -EINPROGRESS);
	th_snap_take(&a, tr->t, &e, 1);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		int r = utrace_control(tr->t, e, (enum utrace_resume_action)bad[i]);

		CHECK_MSG(r == -EINVAL, "utrace_control(action %ld) = %s, expected -EINVAL",
			  bad[i], th_errname(r));
	}
	th_snap_take(&b, tr->t, &e, 1);
	th_snap_same(&a, &b, "action out of range");
	CHECK_EQ(utrace_control(tr->t, e, UTRACE_RESUME), 0);
	finish(tr, te, 1);
}

FTEST(control_needs_quiesce)
{
	struct tracee *tr = th_tracee_new("T");
	struct teng te[1];
	struct utrace_engine *e;
	struct th_snap a, b;

	engines(te, 1);
	e = th_attach(tr->t, &te[0], EV(EXEC) | EV(SIGNAL));
	th_snap_take(&a, tr->t, &e, 1);
	CHECK_EQ(utrace_control(tr->t, e, UTRACE_REPORT), -EINVAL);
	CHECK_EQ(utrace_control(tr->t, e, UTRACE_SINGLESTEP), -EINVAL);
	CHECK_EQ(utrace_control(tr->t, e, UTRACE_BLOCKSTEP), -EINVAL);
	/* -EINVAL before -EOPNOTSUPP */
	utask_set_arch_step(false, false);
	CHECK_EQ(utrace_control(tr->t, e, UTRACE_SINGLESTEP), -EINVAL);
	CHECK_EQ(utrace_control(tr->t, e, UTRACE_BLOCKSTEP), -EINVAL);
	utask_set_arch_step(true, true);
	th_snap_take(&b, tr->t, &e, 1);
	th_snap_same(&a, &b, "REPORT/STEP without QUIESCE");
	/* INTERRUPT, STOP, RESUME do not need QUIESCE. */
	CHECK_EQ(utrace_control(tr->t, e, UTRACE_INTERRUPT), 0);
	CHECK_EQ(utrace_control(tr->t, e, UTRACE_STOP), -EINPROGRESS);
	CHECK_EQ(utrace_control(tr->t, e, UTRACE_RESUME), 0);
	CHECK_EQ(utrace_set_events(tr->t, e, EV(EXEC) | EV(QUIESCE)), 0);
	CHECK_EQ(utrace_control(tr->t, e, UTRACE_REPORT), 0);
	CHECK_EQ(utrace_control(tr->t, e, UTRACE_SINGLESTEP), 0);
	CHECK_EQ(utrace_control(tr->t, e, UTRACE_BLOCKSTEP), 0);
	th_tracee_do(tr, TC_RETURN_TO_USER);
	finish(tr, te, 1);
}

FTEST(control_eopnotsupp)
{
	struct tracee *tr = th_tracee_new("T");
	struct teng te[1];
	struct utrace_engine *e;
	struct th_snap a, b;

	engines(te, 1);
	e = th_attach(tr->t, &te[0], EV(QUIESCE));
	th_snap_take(&a, tr->t, &e, 1);
	utask_set_arch_step(false, false);
	CHECK_EQ(utrace_control(tr->t, e, UTRACE_SINGLESTEP), -EOPNOTSUPP);
	CHECK_EQ(utrace_control(tr->t, e, UTRACE_BLOCKSTEP), -EOPNOTSUPP);
	utask_set_arch_step(true, false);
	CHECK_EQ(utrace_control(tr->t, e, UTRACE_BLOCKSTEP), -EOPNOTSUPP);
	th_snap_take(&b, tr->t, &e, 1);
	th_snap_same(&a, &b, "STEP not supported");
	CHECK_EQ(utrace_control(tr->t, e, UTRACE_SINGLESTEP), 0);
	utask_set_arch_step(false, true);
	CHECK_EQ(utrace_control(tr->t, e, UTRACE_BLOCKSTEP), 0);
	utask_set_arch_step(true, true);
	finish(tr, te, 1);
}

/* ================================================================== */
/* utrace_control: every action x every target state                  */

enum tstate { TS_RUNNING, TS_STOPPED, TS_DYING, TS_DEAD, TS_REAPED, TS_DEFERRED, TS_N };
static const char *const ts_names[TS_N] = {
	"running", "stopped", "dying", "dead", "reaped", "reaped_during_death"
};
static const char *const act_names[UTRACE_RESUME_MAX] = {
	"STOP", "INTERRUPT", "REPORT", "SINGLESTEP", "BLOCKSTEP", "RESUME", "DETACH"
};

struct cmx {
	int ts;
	int act;
	char name[64];
};
static struct cmx cmx_cases[TS_N * UTRACE_RESUME_MAX];

static void cmx_body(const struct cmx *c)
{
	struct tracee *tr = th_tracee_new("T");
	struct teng te[2];
	struct th_gate g;
	struct utrace_engine *e;
	struct th_snap a, b;
	enum utrace_resume_action act = (enum utrace_resume_action)c->act;
	unsigned long ev = EV(QUIESCE) | EV(SYSCALL_ENTRY) | EV(DEATH) | EV(REAP);
	int r, expect;
	struct utrace_test_state st;

	engines(te, 2);
	e = th_attach(tr->t, &te[0], ev);
	th_attach(tr->t, &te[1], EV(EXEC));	/* a bystander engine */
	switch (c->ts) {
	case TS_RUNNING:
		break;
	case TS_STOPPED:
		make_stopped(tr, &te[0]);
		user_enable_single_step(tr->t);	/* left over from an earlier step */
		break;
	case TS_DYING:
		make_dying(tr, &te[0], &g);
		break;
	case TS_DEAD:
		th_tracee_do(tr, TC_EXIT);
		CHECK_HEX(utask_utrace_flags(tr->t), EV(REAP));
		break;
	case TS_REAPED:
		th_tracee_do(tr, TC_EXIT);
		th_tracee_quit(tr);
		utask_release(tr->t);
		CHECK_EQ(utrace_test_engine_state(e), UTRACE_TEST_ENGINE_GONE);
		break;
	case TS_DEFERRED:
		make_dying(tr, &te[0], &g);
		utask_release(tr->t);
		CHECK(ST(tr->t).reap);
		break;
	}
	th_snap_take(&a, tr->t, &e, 1);
	r = utrace_control(tr->t, e, act);
	th_check_unlocked(tr->t);
	st = ST(tr->t);

	/* Rejections (docs/protocol.md 5): nothing may change. */
	expect = 1;	/* "accepted" */
	if (c->ts == TS_DYING)
		expect = act == UTRACE_DETACH ? -EALREADY : -ESRCH;
	else if (c->ts == TS_DEAD && act != UTRACE_DETACH)
		expect = -ESRCH;
	else if (c->ts == TS_REAPED)
		/* flags are 0 after the teardown: the QUIESCE check comes first */
		expect = (act >= UTRACE_REPORT && act < UTRACE_RESUME) ? -EINVAL : -ESRCH;
	else if (c->ts == TS_DEFERRED)
		expect = -ESRCH;
	if (expect != 1) {
		CHECK_MSG(r == expect, "%s on a %s T = %s, expected %s", act_names[act],
			  ts_names[c->ts], th_errname(r), th_errname(expect));
		th_snap_take(&b, tr->t, &e, 1);
		th_snap_same(&a, &b, "rejected utrace_control");
		goto out;
	}

	switch (c->ts) {
	case TS_RUNNING:
		CHECK_MSG(r == (act == UTRACE_STOP ? -EINPROGRESS : 0), "%s on a running T = %s",
			  act_names[act], th_errname(r));
		CHECK(!utask_is_utraced(tr->t));
		switch (act) {
		case UTRACE_STOP:
			CHECK_HEX(utrace_test_engine_flags(e), ev | ESTOP);
			CHECK(utask_utrace_flags(tr->t) & ESTOP);
			CHECK_EQ(st.resume, UTRACE_REPORT);
			CHECK(utask_test_tif(tr->t, TIF_NOTIFY_RESUME));
			/* T stops at its next report if the callback says STOP */
			teng_script(&te[0], CB_QUIESCE, UTRACE_STOP);
			th_tracee_post(tr, TC_RETURN_TO_USER);
			th_wait_utraced(tr->t);
			CHECK_EQ(te[0].last_event, 0);
			CHECK_EQ(utrace_control(tr->t, e, UTRACE_RESUME), 0);
			th_tracee_wait_idle(tr);
			break;
		case UTRACE_DETACH:
			CHECK_EQ(utrace_test_engine_state(e), UTRACE_TEST_ENGINE_DETACHED);
			CHECK_HEX(utrace_test_engine_flags(e), EV(QUIESCE));
			CHECK(utask_utrace_flags(tr->t) & EV(QUIESCE));
			CHECK_EQ(st.resume, UTRACE_REPORT);
			CHECK(utask_test_tif(tr->t, TIF_NOTIFY_RESUME));
			CHECK_EQ(utrace_test_engine_refs(e), 2);
			th_tracee_do(tr, TC_RETURN_TO_USER);
			CHECK_EQ(utrace_test_engine_state(e), UTRACE_TEST_ENGINE_GONE);
			CHECK_EQ(utrace_test_engine_refs(e), 1);
			CHECK_HEX(utask_utrace_flags(tr->t), EV(EXEC) | EV(REAP));
			CHECK_EQ(te[0].nlog, 0);	/* no callback after DETACH */
			break;
		case UTRACE_RESUME:
			th_snap_take(&b, tr->t, &e, 1);
			th_snap_same(&a, &b, "RESUME of a running T with no stop request");
			break;
		case UTRACE_REPORT:
		case UTRACE_SINGLESTEP:
		case UTRACE_BLOCKSTEP:
			CHECK_EQ(st.resume, UTRACE_REPORT);	/* never *STEP (C13) */
			CHECK(utask_test_tif(tr->t, TIF_NOTIFY_RESUME));
			if (act != UTRACE_REPORT)
				teng_script(&te[0], CB_QUIESCE, act);
			th_tracee_do(tr, TC_RETURN_TO_USER);
			CHECK_EQ(teng_calls(&te[0], CB_QUIESCE), 1);
			CHECK_EQ(te[0].last_event, 0);
			CHECK_EQ(utask_test_tif(tr->t, TIF_SINGLESTEP), act != UTRACE_REPORT);
			CHECK_EQ(utask_test_tif(tr->t, TIF_BLOCKSTEP), act == UTRACE_BLOCKSTEP);
			CHECK_EQ(ST(tr->t).resume, UTRACE_RESUME);
			/* the next pass without a step request disables it */
			CHECK_EQ(utrace_control(tr->t, e, UTRACE_REPORT), 0);
			th_tracee_do(tr, TC_RETURN_TO_USER);
			CHECK(!utask_test_tif(tr->t, TIF_SINGLESTEP));
			break;
		case UTRACE_INTERRUPT:
			CHECK_EQ(st.resume, UTRACE_INTERRUPT);
			CHECK(utask_test_tif(tr->t, TIF_SIGPENDING));
			/* a weaker request does not override it */
			CHECK_EQ(utrace_control(tr->t, e, UTRACE_REPORT), 0);
			CHECK_EQ(ST(tr->t).resume, UTRACE_INTERRUPT);
			CHECK_EQ(utrace_control(tr->t, e, UTRACE_INTERRUPT), 0);
			CHECK_EQ(th_tracee_do(tr, TC_RETURN_TO_USER), 0);
			CHECK_EQ(teng_calls(&te[0], CB_SIGNAL), 1);
			CHECK_HEX(utrace_signal_action(te[0].last_action[CB_SIGNAL]),
				  UTRACE_SIGNAL_REPORT);
			CHECK(!utask_test_tif(tr->t, TIF_SIGPENDING));
			CHECK_EQ(ST(tr->t).resume, UTRACE_RESUME);
			break;
		default:
			break;
		}
		break;
	case TS_STOPPED:
		CHECK_MSG(r == 0, "%s on a stopped T = %s", act_names[act], th_errname(r));
		if (act == UTRACE_STOP) {
			CHECK(utask_is_utraced(tr->t));
			CHECK(!th_tracee_idle(tr));
			CHECK_HEX(utrace_test_engine_flags(e), ev | ESTOP);
			CHECK_EQ(utrace_control(tr->t, e, UTRACE_RESUME), 0);
			th_tracee_wait_idle(tr);
			break;
		}
		th_tracee_wait_idle(tr);	/* woken: the syscall entry returns */
		CHECK(!utask_is_utraced(tr->t));
		CHECK_EQ(utrace_test_engine_flags(e) & ESTOP, 0);
		CHECK_EQ(utask_utrace_flags(tr->t) & ESTOP, 0);
		switch (act) {
		case UTRACE_DETACH:
			CHECK_EQ(utrace_test_engine_state(e), UTRACE_TEST_ENGINE_GONE);
			CHECK_EQ(utrace_test_engine_refs(e), 1);
			CHECK(!utask_test_tif(tr->t, TIF_SINGLESTEP));	/* C12 */
			CHECK_EQ(teng_calls(&te[0], CB_SYSENTRY), 1);
			break;
		case UTRACE_RESUME:
			CHECK(!utask_test_tif(tr->t, TIF_SINGLESTEP));
			CHECK_EQ(teng_calls(&te[0], CB_SYSENTRY), 1);
			CHECK_EQ(ST(tr->t).resume, UTRACE_RESUME);
			break;
		case UTRACE_REPORT:
		case UTRACE_SINGLESTEP:
		case UTRACE_BLOCKSTEP:
			/* the syscall entry is reported again, marked RESUMED */
			CHECK_EQ(teng_calls(&te[0], CB_SYSENTRY), 2);
			CHECK(te[0].last_action[CB_SYSENTRY] & UTRACE_SYSCALL_RESUMED);
			break;
		case UTRACE_INTERRUPT:
			CHECK_EQ(teng_calls(&te[0], CB_SYSENTRY), 2);
			CHECK(utask_test_tif(tr->t, TIF_SIGPENDING));
			CHECK_EQ(ST(tr->t).resume, UTRACE_INTERRUPT);
			CHECK_EQ(th_tracee_do(tr, TC_RETURN_TO_USER), 0);
			CHECK_EQ(teng_calls(&te[0], CB_SIGNAL), 1);
			break;
		default:
			break;
		}
		break;
	case TS_DEAD:
		CHECK_MSG(r == 0, "DETACH of a dead T = %s", th_errname(r));
		CHECK_EQ(utrace_test_engine_state(e), UTRACE_TEST_ENGINE_GONE);
		CHECK_EQ(utrace_test_engine_refs(e), 1);
		CHECK_HEX(utask_utrace_flags(tr->t), EV(REAP));	/* the bystander */
		break;
	}
out:
	if (c->ts == TS_DYING || c->ts == TS_DEFERRED) {
		th_gate_open(&g);
		th_tracee_wait_idle(tr);
	}
	finish(tr, te, 2);
	if (c->ts == TS_DEAD || c->ts == TS_REAPED || c->ts == TS_DEFERRED || c->ts == TS_DYING)
		CHECK_EQ(teng_calls(&te[0], CB_REAP),
			 (c->ts == TS_DEAD && act == UTRACE_DETACH) ? 0 : 1);
}

static void cmx_b(const void *a)
{
	cmx_body(a);
}

static void cmx_test(void **state)
{
	const struct cmx *c = *state;

	tc_run(c->name, cmx_b, c, NULL);
}

/* ================================================================== */
/* DETACH specifics                                                   */

FTEST(control_detach_twice)
{
	struct tracee *tr = th_tracee_new("T");
	struct teng te[1];
	struct utrace_engine *e;
	struct th_snap a, b;
	int act;

	engines(te, 1);
	e = th_attach(tr->t, &te[0], EV(QUIESCE) | EV(EXEC));
	CHECK_EQ(utrace_control(tr->t, e, UTRACE_DETACH), 0);
	th_snap_take(&a, tr->t, &e, 1);
	CHECK_EQ(utrace_control(tr->t, e, UTRACE_DETACH), -ESRCH);
	for (act = 0; act < UTRACE_DETACH; act++)
		CHECK_EQ(utrace_control(tr->t, e, (enum utrace_resume_action)act), -ESRCH);
	th_snap_take(&b, tr->t, &e, 1);
	th_snap_same(&a, &b, "second DETACH / any action on a detached engine");
	th_tracee_do(tr, TC_RETURN_TO_USER);
	th_snap_take(&a, tr->t, &e, 1);
	CHECK_EQ(utrace_control(tr->t, e, UTRACE_DETACH), -ESRCH);
	CHECK_EQ(utrace_control(tr->t, e, UTRACE_STOP), -ESRCH);
	CHECK_EQ(utrace_barrier(tr->t, e), -ESRCH);
	th_snap_take(&b, tr->t, &e, 1);
	th_snap_same(&a, &b, "DETACH of an unlinked engine");
	finish(tr, te, 1);
}

FTEST(control_detach_clears_stop)
{
	struct tracee *tr = th_tracee_new("T");
	struct teng te[2];
	struct utrace_engine *e;

	engines(te, 2);
	e = th_attach(tr->t, &te[0], EV(QUIESCE) | EV(EXEC));
	th_attach(tr->t, &te[1], EV(EXEC));
	CHECK_EQ(utrace_control(tr->t, e, UTRACE_STOP), -EINPROGRESS);
	CHECK(utask_utrace_flags(tr->t) & ESTOP);
	CHECK_EQ(utrace_control(tr->t, e, UTRACE_DETACH), 0);
	CHECK_EQ(utask_utrace_flags(tr->t) & ESTOP, 0);	/* C1 */
	th_tracee_do(tr, TC_RETURN_TO_USER);	/* does not stop */
	CHECK(!utask_is_utraced(tr->t));
	CHECK_EQ(utrace_test_engine_state(e), UTRACE_TEST_ENGINE_GONE);
	finish(tr, te, 2);
}

FTEST(control_resume_clears_stop_in_utrace_flags)
{
	struct tracee *tr = th_tracee_new("T");
	struct teng te[2];

	engines(te, 2);
	th_attach(tr->t, &te[0], EV(QUIESCE));
	th_attach(tr->t, &te[1], EV(QUIESCE));
	CHECK_EQ(utrace_control(tr->t, te[0].e, UTRACE_STOP), -EINPROGRESS);
	CHECK_EQ(utrace_control(tr->t, te[1].e, UTRACE_STOP), -EINPROGRESS);
	CHECK_EQ(utrace_control(tr->t, te[0].e, UTRACE_RESUME), 0);
	/* C2 fix: any clear also clears utrace_flags; the next reset recomputes */
	CHECK_EQ(utask_utrace_flags(tr->t) & ESTOP, 0);
	CHECK(utrace_test_engine_flags(te[1].e) & ESTOP);
	teng_script(&te[1], CB_QUIESCE, UTRACE_STOP);
	th_tracee_post(tr, TC_RETURN_TO_USER);
	th_wait_utraced(tr->t);		/* E1 still wants the stop */
	CHECK(utask_utrace_flags(tr->t) & ESTOP);
	CHECK_EQ(utrace_control(tr->t, te[1].e, UTRACE_RESUME), 0);
	th_tracee_wait_idle(tr);
	finish(tr, te, 2);
}

FTEST(control_stop_two_engines)
{
	struct tracee *tr = th_tracee_new("T");
	struct teng te[2];

	engines(te, 2);
	th_attach(tr->t, &te[0], EV(SYSCALL_ENTRY));
	th_attach(tr->t, &te[1], EV(SYSCALL_ENTRY));
	teng_script(&te[1], CB_SYSENTRY, UTRACE_STOP);
	make_stopped(tr, &te[0]);
	CHECK(utrace_test_engine_flags(te[1].e) & ESTOP);
	CHECK_EQ(utrace_control(tr->t, te[0].e, UTRACE_RESUME), 0);
	th_msleep(5);
	CHECK(utask_is_utraced(tr->t));		/* E1 holds it */
	CHECK(!th_tracee_idle(tr));
	CHECK_EQ(utrace_control(tr->t, te[1].e, UTRACE_DETACH), 0);
	th_tracee_wait_idle(tr);
	CHECK(!utask_is_utraced(tr->t));
	CHECK_EQ(tr->result, 0);
	finish(tr, te, 2);
}

FTEST(control_detach_during_callback)
{
	struct tracee *tr = th_tracee_new("T");
	struct teng te[1];
	struct th_gate g;
	struct bthread b;
	struct utrace_engine *e;

	engines(te, 1);
	e = th_attach(tr->t, &te[0], EV(EXEC));
	teng_script(&te[0], CB_EXEC, UTRACE_STOP);	/* ignored: detached */
	th_gate_init(&g);
	te[0].gate[CB_EXEC] = &g;
	th_tracee_post(tr, TC_EXEC);
	th_gate_wait_entered(&g, 1, 10.0);
	CHECK_EQ(utrace_control(tr->t, e, UTRACE_DETACH), -EINPROGRESS);
	CHECK_EQ(utrace_test_engine_state(e), UTRACE_TEST_ENGINE_DETACHED);
	bthread_start(&b, tr->t, e);
	th_msleep(5);
	CHECK(!__atomic_load_n(&b.done, __ATOMIC_SEQ_CST));	/* waits for the callback */
	th_gate_open(&g);
	CHECK_EQ(bthread_join(&b), -ESRCH);
	th_tracee_wait_idle(tr);
	CHECK(!utask_is_utraced(tr->t));	/* the STOP of a detached engine is ignored */
	CHECK_EQ(utrace_test_engine_state(e), UTRACE_TEST_ENGINE_GONE);
	finish(tr, te, 1);
}

FTEST(callback_detach_self)
{
	struct tracee *tr = th_tracee_new("T");
	struct teng te[2];

	engines(te, 2);
	th_attach(tr->t, &te[0], EV(EXEC) | EV(DEATH) | EV(REAP));
	th_attach(tr->t, &te[1], EV(EXEC));
	teng_script(&te[0], CB_EXEC, UTRACE_DETACH);
	th_tracee_do(tr, TC_EXEC);
	CHECK_EQ(utrace_test_engine_state(te[0].e), UTRACE_TEST_ENGINE_GONE);
	CHECK_EQ(utrace_test_engine_refs(te[0].e), 1);
	CHECK_EQ(utrace_barrier(tr->t, te[0].e), -ESRCH);
	CHECK_HEX(utask_utrace_flags(tr->t), EV(EXEC) | EV(REAP));
	th_tracee_do(tr, TC_EXEC);
	CHECK_EQ(teng_calls(&te[0], CB_EXEC), 1);
	CHECK_EQ(teng_calls(&te[1], CB_EXEC), 2);
	finish(tr, te, 2);
	CHECK_EQ(teng_calls(&te[0], CB_DEATH), 0);
	CHECK_EQ(teng_calls(&te[0], CB_REAP), 0);
}

/* ================================================================== */
/* utrace_barrier                                                     */

FTEST(barrier_idle_and_self)
{
	struct tracee *tr = th_tracee_new("T");
	struct teng te[1];
	struct utrace_engine *e;
	struct th_snap a, b;

	engines(te, 1);
	e = th_attach(tr->t, &te[0], EV(EXEC));
	th_snap_take(&a, tr->t, &e, 1);
	CHECK_EQ(utrace_barrier(tr->t, e), 0);
	/* a pending signal does not matter when there is nothing to wait for */
	utask_send_signal(current, SIGUSR1);
	CHECK_EQ(utrace_barrier(tr->t, e), 0);
	th_snap_take(&b, tr->t, &e, 1);
	th_snap_same(&a, &b, "utrace_barrier");
	finish(tr, te, 1);
}

static void barrier_on_self(struct tracee *tr, void *arg)
{
	struct teng *te = arg;

	te->inject_signo = utrace_barrier(tr->t, te->e);
}

FTEST(barrier_target_is_current)
{
	struct tracee *tr = th_tracee_new("T");
	struct teng te[1];

	engines(te, 1);
	th_attach(tr->t, &te[0], EV(EXEC));
	te[0].inject_signo = 99;
	th_tracee_post_fn(tr, barrier_on_self, &te[0]);
	th_tracee_wait_idle(tr);
	CHECK_EQ(te[0].inject_signo, 0);
	finish(tr, te, 1);
}

FTEST(barrier_waits_for_callback)
{
	struct tracee *tr = th_tracee_new("T");
	struct teng te[1];
	struct th_gate g;
	struct bthread b;
	struct utrace_engine *e;

	engines(te, 1);
	e = th_attach(tr->t, &te[0], EV(SYSCALL_ENTRY));
	teng_script(&te[0], CB_SYSENTRY, UTRACE_STOP);
	th_gate_init(&g);
	te[0].gate[CB_SYSENTRY] = &g;
	th_tracee_post(tr, TC_SYSCALL_ENTRY);
	th_gate_wait_entered(&g, 1, 10.0);
	bthread_start(&b, tr->t, e);
	th_msleep(5);
	CHECK(!__atomic_load_n(&b.done, __ATOMIC_SEQ_CST));
	th_gate_open(&g);
	CHECK_EQ(bthread_join(&b), 0);
	/* The callback's return value is applied when the barrier returns. */
	CHECK(utrace_test_engine_flags(e) & ESTOP);
	CHECK_EQ(utrace_control(tr->t, e, UTRACE_RESUME), 0);
	th_tracee_wait_idle(tr);
	CHECK(!utask_is_utraced(tr->t));
	finish(tr, te, 1);
}

FTEST(barrier_erestartsys)
{
	struct tracee *tr = th_tracee_new("T");
	struct teng te[1];
	struct th_gate g;
	struct utrace_engine *e;
	struct th_snap a, b;

	engines(te, 1);
	e = th_attach(tr->t, &te[0], EV(EXEC));
	th_gate_init(&g);
	te[0].gate[CB_EXEC] = &g;
	th_tracee_post(tr, TC_EXEC);
	th_gate_wait_entered(&g, 1, 10.0);
	utask_send_signal(current, SIGUSR1);
	CHECK(signal_pending(current));
	th_snap_take(&a, tr->t, &e, 1);
	CHECK_EQ(utrace_barrier(tr->t, e), -ERESTARTSYS);
	th_snap_take(&b, tr->t, &e, 1);
	th_snap_same(&a, &b, "utrace_barrier -ERESTARTSYS");
	th_gate_open(&g);
	th_tracee_wait_idle(tr);
	finish(tr, te, 1);
}

FTEST(barrier_detached)
{
	struct tracee *tr = th_tracee_new("T");
	struct teng te[1];
	struct utrace_engine *e;
	struct th_snap a, b;

	engines(te, 1);
	e = th_attach(tr->t, &te[0], EV(EXEC));
	CHECK_EQ(utrace_control(tr->t, e, UTRACE_DETACH), 0);
	th_snap_take(&a, tr->t, &e, 1);
	/* marked detached, T never reports: -ESRCH at once (C9) */
	CHECK_EQ(utrace_barrier(tr->t, e), -ESRCH);
	th_snap_take(&b, tr->t, &e, 1);
	th_snap_same(&a, &b, "utrace_barrier on a detached engine");
	th_tracee_do(tr, TC_RETURN_TO_USER);
	CHECK_EQ(utrace_barrier(tr->t, e), -ESRCH);
	finish(tr, te, 1);
}

FTEST(barrier_dying)
{
	struct tracee *tr = th_tracee_new("T");
	struct teng te[2];
	struct th_gate g;
	struct bthread b;

	engines(te, 2);
	th_attach(tr->t, &te[0], EV(DEATH));
	th_attach(tr->t, &te[1], EV(DEATH));
	make_dying(tr, &te[0], &g);
	CHECK_EQ(utrace_barrier(tr->t, te[1].e), 0);	/* not in E1's callback */
	bthread_start(&b, tr->t, te[0].e);
	th_msleep(5);
	CHECK(!__atomic_load_n(&b.done, __ATOMIC_SEQ_CST));
	th_gate_open(&g);
	CHECK_EQ(bthread_join(&b), 0);
	th_tracee_wait_idle(tr);
	CHECK_EQ(utrace_barrier(tr->t, te[0].e), 0);	/* zombie, no callback */
	finish(tr, te, 2);
}

FTEST(barrier_reaped)
{
	struct tracee *tr = th_tracee_new("T");
	struct teng te[1];
	struct th_gate g, gr;
	struct bthread b;
	struct utrace_engine *e;

	engines(te, 1);
	e = th_attach(tr->t, &te[0], EV(DEATH) | EV(REAP));
	make_dying(tr, &te[0], &g);
	th_gate_init(&gr);
	te[0].gate[CB_REAP] = &gr;
	utask_release(tr->t);	/* deferred */
	bthread_start(&b, tr->t, e);
	th_gate_open(&g);	/* report_death returns; T runs the teardown */
	th_gate_wait_entered(&gr, 1, 10.0);
	th_msleep(5);
	/* report_reap in progress: still waiting (C8) */
	CHECK(!__atomic_load_n(&b.done, __ATOMIC_SEQ_CST));
	th_gate_open(&gr);
	CHECK_EQ(bthread_join(&b), -ESRCH);
	th_tracee_wait_idle(tr);
	CHECK_EQ(utrace_test_engine_state(e), UTRACE_TEST_ENGINE_GONE);
	CHECK_EQ(utrace_barrier(tr->t, e), -ESRCH);
	finish(tr, te, 1);
}

/* ================================================================== */
/* Engine-data protocol: release() once per successful attach          */

FTEST(release_once_every_path)
{
	struct tracee *tr = th_tracee_new("T");
	struct teng te[8];
	struct th_gate g;
	int i;

	engines(te, 8);
	th_attach(tr->t, &te[0], EV(EXEC));			/* detached by control */
	th_attach(tr->t, &te[1], EV(EXEC));			/* detaches itself */
	th_attach(tr->t, &te[2], EV(DEATH));			/* detaches in report_death */
	th_attach(tr->t, &te[3], EV(DEATH) | EV(REAP));		/* torn down at reap */
	th_attach(tr->t, &te[4], 0);				/* never any event */
	th_attach(tr->t, &te[5], EV(SYSCALL_ENTRY));		/* detached while stopped */
	th_attach(tr->t, &te[6], EV(QUIESCE) | EV(DEATH));	/* -EALREADY, death cleans */
	utask_fail_alloc(1);
	CHECK_ERR(utrace_attach_task(tr->t, UTRACE_ATTACH_CREATE, &te[7].ops, &te[7]), -ENOMEM);
	CHECK_ERR(utrace_attach_task(tr->t, UTRACE_ATTACH_CREATE | UTRACE_ATTACH_EXCLUSIVE |
				     UTRACE_ATTACH_MATCH_OPS, &te[0].ops, &te[7]), -EEXIST);
	teng_script(&te[1], CB_EXEC, UTRACE_DETACH);
	teng_script(&te[2], CB_DEATH, UTRACE_DETACH);
	CHECK_EQ(utrace_control(tr->t, te[0].e, UTRACE_DETACH), 0);
	th_tracee_do(tr, TC_EXEC);
	make_stopped(tr, &te[5]);
	CHECK_EQ(utrace_control(tr->t, te[5].e, UTRACE_DETACH), 0);
	th_tracee_wait_idle(tr);
	make_dying(tr, &te[6], &g);
	CHECK_EQ(utrace_control(tr->t, te[6].e, UTRACE_DETACH), -EALREADY);
	th_gate_open(&g);
	th_tracee_wait_idle(tr);
	for (i = 0; i < 7; i++)
		CHECK_MSG(te[i].released == 0, "E%d released while we hold a reference", i);
	finish(tr, te, 7);
	CHECK_EQ(te[7].released, 0);
	CHECK_EQ(th_attached_total, 7);
	CHECK_EQ(teng_calls(&te[3], CB_REAP), 1);
	CHECK_EQ(teng_calls(&te[2], CB_REAP), 0);
	for (i = 0; i < 7; i++)
		CHECK_EQ(te[i].callbacks_after_release, 0);
}

FTEST(release_after_last_put_only)
{
	struct tracee *tr = th_tracee_new("T");
	struct teng te[1];
	struct utrace_engine *e;

	engines(te, 1);
	teng_script(&te[0], CB_EXEC, UTRACE_RESUME);
	teng_script(&te[0], CB_EXEC, UTRACE_DETACH);
	e = th_attach(tr->t, &te[0], EV(EXEC));
	utrace_engine_put(e);			/* drop ours: the attach ref remains */
	CHECK_EQ(te[0].released, 0);
	te[0].e = NULL;
	th_tracee_do(tr, TC_EXEC);
	CHECK_EQ(teng_calls(&te[0], CB_EXEC), 1);
	CHECK_EQ(te[0].released, 0);
	th_tracee_do(tr, TC_EXEC);
	CHECK_EQ(te[0].released, 1);		/* unlinked: last reference */
	finish(tr, te, 1);
}

/* ================================================================== */
/* Tracee side                                                        */

FTEST(tracehooks_no_engine)
{
	struct tracee *tr = th_tracee_new("T");

	CHECK_EQ(th_tracee_do(tr, TC_SYSCALL_ENTRY), 0);
	th_tracee_do(tr, TC_SYSCALL_EXIT);
	th_tracee_do(tr, TC_EXEC);
	CHECK_EQ(th_tracee_do(tr, TC_RETURN_TO_USER), 0);
	CHECK_HEX(utask_utrace_flags(tr->t), 0);
	CHECK_EQ(utask_nr_wakeups(tr->t), 0);
	finish(tr, NULL, 0);
}

FTEST(report_order_and_quiesce)
{
	struct tracee *tr = th_tracee_new("T");
	struct teng te[2];

	engines(te, 2);
	th_attach(tr->t, &te[0], EV(SYSCALL_ENTRY) | EV(SYSCALL_EXIT));
	th_attach(tr->t, &te[1], EV(SYSCALL_ENTRY) | EV(SYSCALL_EXIT) | EV(QUIESCE));
	/* Entry runs in reverse attach order: E1 (quiesce, then entry), then E0,
	 * which sees E1's syscall action in its @action and aborts. */
	teng_script(&te[1], CB_SYSENTRY, UTRACE_SYSCALL_RUN | UTRACE_RESUME);
	teng_script(&te[0], CB_SYSENTRY, UTRACE_SYSCALL_ABORT | UTRACE_RESUME);
	CHECK_EQ(th_tracee_do(tr, TC_SYSCALL_ENTRY), 1);
	CHECK_EQ(te[1].log[0], CB_QUIESCE);
	CHECK_EQ(te[1].log[1], CB_SYSENTRY);
	CHECK_HEX(te[1].last_event, EV(SYSCALL_ENTRY));
	CHECK_EQ(te[0].nlog, 1);
	CHECK_EQ(utrace_syscall_action(te[0].last_action[CB_SYSENTRY]), UTRACE_SYSCALL_RUN);
	/* exit runs in attach order: E0 first; E1 sees E0's result */
	th_tracee_do(tr, TC_SYSCALL_EXIT);
	CHECK_EQ(te[0].log[1], CB_SYSEXIT);
	CHECK_EQ(te[1].log[2], CB_QUIESCE);
	CHECK_EQ(te[1].log[3], CB_SYSEXIT);
	CHECK_HEX(te[1].last_event, EV(SYSCALL_EXIT));
	CHECK_EQ(teng_calls(&te[0], CB_QUIESCE), 0);
	/* a single engine's abort */
	teng_script(&te[0], CB_SYSENTRY, UTRACE_SYSCALL_RUN | UTRACE_RESUME);
	CHECK_EQ(th_tracee_do(tr, TC_SYSCALL_ENTRY), 0);
	finish(tr, te, 2);
}

FTEST(stop_then_sigkill)
{
	struct tracee *tr = th_tracee_new("T");
	struct teng te[1];

	engines(te, 1);
	th_attach(tr->t, &te[0], EV(SYSCALL_ENTRY) | EV(DEATH));
	make_stopped(tr, &te[0]);
	utask_send_signal(tr->t, SIGKILL);
	th_tracee_wait_idle(tr);
	CHECK_EQ(tr->result, 1);	/* killed while stopped: the syscall is aborted */
	CHECK(!utask_is_utraced(tr->t));
	th_tracee_do(tr, TC_EXIT);
	CHECK_EQ(teng_calls(&te[0], CB_DEATH), 1);
	finish(tr, te, 1);
}

/* SIGKILL pending when T decides to stop: utrace_stop() must not sleep. */
FTEST(stop_with_sigkill_pending_does_not_sleep)
{
	struct tracee *tr = th_tracee_new("T");
	struct teng te[1];
	struct th_gate g;

	engines(te, 1);
	th_attach(tr->t, &te[0], EV(SYSCALL_ENTRY));
	teng_script(&te[0], CB_SYSENTRY, UTRACE_STOP);
	th_gate_init(&g);
	te[0].gate[CB_SYSENTRY] = &g;
	th_tracee_post(tr, TC_SYSCALL_ENTRY);
	th_gate_wait_entered(&g, 1, 10.0);
	utask_send_signal(tr->t, SIGKILL);
	th_gate_open(&g);
	th_tracee_wait_idle(tr);
	CHECK_EQ(tr->result, 1);		/* killed: the syscall is aborted */
	CHECK(!utask_is_utraced(tr->t));
	CHECK(utrace_test_engine_flags(te[0].e) & ESTOP);	/* the STOP was applied */
	CHECK_EQ(utask_nr_wakeups(tr->t), 0);	/* it never slept */
	finish(tr, te, 1);
}

/* A stop request holds T at its next report even if the engine gets no
 * callback there (start_callback: ENGINE_STOP -> UTRACE_STOP). */
FTEST(stop_request_held_without_callback)
{
	struct tracee *tr = th_tracee_new("T");
	struct teng te[2];

	engines(te, 2);
	th_attach(tr->t, &te[0], EV(SYSCALL_EXIT));
	th_attach(tr->t, &te[1], EV(SYSCALL_ENTRY));
	CHECK_EQ(utrace_control(tr->t, te[0].e, UTRACE_STOP), -EINPROGRESS);
	th_tracee_post(tr, TC_SYSCALL_ENTRY);
	th_wait_utraced(tr->t);
	CHECK_EQ(teng_calls(&te[0], CB_SYSENTRY), 0);
	CHECK_EQ(teng_calls(&te[1], CB_SYSENTRY), 1);
	CHECK_EQ(utrace_control(tr->t, te[1].e, UTRACE_RESUME), 0);
	th_msleep(5);
	CHECK(utask_is_utraced(tr->t));		/* E0 holds it */
	CHECK_EQ(utrace_control(tr->t, te[0].e, UTRACE_RESUME), 0);
	th_tracee_wait_idle(tr);
	CHECK(!utask_is_utraced(tr->t));
	finish(tr, te, 2);
}

FTEST(death_then_reap_order)
{
	struct tracee *tr = th_tracee_new("T");
	struct teng te[2];

	engines(te, 2);
	th_attach(tr->t, &te[0], EV(DEATH) | EV(REAP) | EV(QUIESCE));
	th_attach(tr->t, &te[1], EV(DEATH));
	teng_script(&te[1], CB_DEATH, UTRACE_DETACH);
	th_tracee_do(tr, TC_EXIT);
	CHECK_EQ(teng_calls(&te[0], CB_DEATH), 1);
	CHECK_EQ(utrace_test_engine_state(te[1].e), UTRACE_TEST_ENGINE_GONE);
	CHECK_HEX(utask_utrace_flags(tr->t), EV(REAP));
	CHECK(!ST(tr->t).death);
	th_tracee_quit(tr);
	utask_release(tr->t);
	CHECK_EQ(teng_calls(&te[0], CB_REAP), 1);
	CHECK_EQ(te[0].log[te[0].nlog - 1], CB_REAP);
	CHECK_EQ(teng_calls(&te[1], CB_REAP), 0);
	finish(tr, te, 2);
}

FTEST(signal_report_pass)
{
	struct tracee *tr = th_tracee_new("T");
	struct teng te[2];

	engines(te, 2);
	th_attach(tr->t, &te[0], EV(SIGNAL_TERM) | EV(SIGNAL_IGN));
	th_attach(tr->t, &te[1], EV(QUIESCE));
	/* SIGUSR1, default action terminate: E0 sees TERM and ignores it */
	teng_script(&te[0], CB_SIGNAL, UTRACE_SIGNAL_IGN | UTRACE_RESUME);
	utask_send_signal(tr->t, SIGUSR1);
	CHECK_EQ(th_tracee_do(tr, TC_RETURN_TO_USER), 0);
	CHECK_EQ(teng_calls(&te[0], CB_SIGNAL), 1);
	CHECK_HEX(utrace_signal_action(te[0].last_action[CB_SIGNAL]), UTRACE_SIGNAL_TERM);
	/* E1 has QUIESCE: it got the signal report too (quiesce fallback) */
	CHECK_EQ(teng_calls(&te[1], CB_SIGNAL), 1);
	/* not ignored: delivered, as the representative signal of its action */
	utask_send_signal(tr->t, SIGUSR2);
	CHECK_EQ(th_tracee_do(tr, TC_RETURN_TO_USER), SIGTERM);
	CHECK_EQ(tr->info.si_signo, SIGUSR2);
	finish(tr, te, 2);
}

/* An INTERRUPT/REPORT signal pass must not deliver a signal nobody sent. */
KTEST(signal_report_pass_no_phantom_signal, "SIGREPORT")
{
	struct tracee *tr = th_tracee_new("T");
	struct teng te[1];

	engines(te, 1);
	te[0].ops.report_signal = NULL;	/* quiesce-only engine */
	th_attach(tr->t, &te[0], EV(QUIESCE));
	/* get_signal's info buffer holds stale data (kernel stack) */
	tr->info.si_signo = SIGTERM;
	CHECK_EQ(utrace_control(tr->t, te[0].e, UTRACE_INTERRUPT), 0);
	CHECK_EQ(th_tracee_do(tr, TC_RETURN_TO_USER), 0);
	CHECK_EQ(teng_calls(&te[0], CB_QUIESCE), 1);
	finish(tr, te, 1);
}

KTEST(signal_report_pass_detached_engine_no_phantom, "SIGREPORT")
{
	struct tracee *tr = th_tracee_new("T");
	struct teng te[2];

	engines(te, 2);
	th_attach(tr->t, &te[0], EV(SYSCALL_ENTRY));
	th_attach(tr->t, &te[1], EV(QUIESCE));
	tr->info.si_signo = SIGTERM;
	CHECK_EQ(utrace_control(tr->t, te[0].e, UTRACE_DETACH), 0);
	/* a REPORT signal pass visits the detached engine (C11 fix) */
	CHECK_EQ(utrace_control(tr->t, te[1].e, UTRACE_INTERRUPT), 0);
	CHECK_EQ(th_tracee_do(tr, TC_GET_SIGNAL), 0);
	CHECK_EQ(utrace_test_engine_state(te[0].e), UTRACE_TEST_ENGINE_GONE);
	finish(tr, te, 2);
}

/* N4: after the death report, set_events() with the engine's own DEATH bit
 * must not keep release_task() from tearing the engines down. */
KTEST(set_events_on_zombie_keeps_teardown, "N4")
{
	struct tracee *tr = th_tracee_new("T");
	struct teng te[1];
	struct utrace_engine *e;
	int r;

	engines(te, 1);
	e = th_attach(tr->t, &te[0], EV(DEATH) | EV(REAP));
	th_tracee_do(tr, TC_EXIT);
	CHECK_EQ(teng_calls(&te[0], CB_DEATH), 1);
	CHECK_HEX(utask_utrace_flags(tr->t), EV(REAP));
	r = utrace_set_events(tr->t, e, EV(DEATH) | EV(REAP) | EV(EXEC));
	CHECK_MSG(r == 0 || r == -EALREADY, "set_events = %s", th_errname(r));
	CHECK_EQ(utask_utrace_flags(tr->t) & _UTRACE_DEATH_EVENTS, 0);
	th_tracee_quit(tr);
	utask_release(tr->t);
	CHECK_MSG(utrace_test_engine_state(e) == UTRACE_TEST_ENGINE_GONE,
		  "release_task() left the engine %s (utrace_flags %#lx): nobody will tear "
		  "it down", th_estate(e), utask_utrace_flags(tr->t));
	CHECK_EQ(teng_calls(&te[0], CB_REAP), 1);
	finish(tr, te, 1);
}

FTEST(attach_during_report_no_callback)
{
	struct tracee *tr = th_tracee_new("T");
	struct teng te[2];
	struct th_gate g;

	engines(te, 2);
	th_attach(tr->t, &te[0], EV(EXEC));
	th_gate_init(&g);
	te[0].gate[CB_EXEC] = &g;
	th_tracee_post(tr, TC_EXEC);
	th_gate_wait_entered(&g, 1, 10.0);
	th_attach(tr->t, &te[1], EV(EXEC));
	CHECK_EQ(ST(tr->t).nr_attaching, 1);
	th_gate_open(&g);
	th_tracee_wait_idle(tr);
	CHECK_EQ(teng_calls(&te[1], CB_EXEC), 0);	/* not for the event under way */
	th_gate_open(&g);
	th_tracee_do(tr, TC_EXEC);
	CHECK_EQ(teng_calls(&te[1], CB_EXEC), 1);
	finish(tr, te, 2);
}

FTEST(stop_from_exec_needs_quiesce)
{
	struct tracee *tr = th_tracee_new("T");
	struct teng te[1];

	engines(te, 1);
	th_attach(tr->t, &te[0], EV(EXEC) | EV(QUIESCE));
	teng_script(&te[0], CB_EXEC, UTRACE_STOP);
	teng_script(&te[0], CB_QUIESCE, UTRACE_RESUME);	/* before exec */
	teng_script(&te[0], CB_QUIESCE, UTRACE_STOP);	/* the resume-time pass */
	th_tracee_do(tr, TC_EXEC);
	/* exec does not stop at once: the stop happens on the way to user mode */
	CHECK(!utask_is_utraced(tr->t));
	CHECK(utask_test_tif(tr->t, TIF_NOTIFY_RESUME));
	th_tracee_post(tr, TC_RETURN_TO_USER);
	th_wait_utraced(tr->t);
	CHECK_EQ(utrace_control(tr->t, te[0].e, UTRACE_RESUME), 0);
	th_tracee_wait_idle(tr);
	finish(tr, te, 1);
}

/* ================================================================== */

int main(void)
{
	static struct CMUnitTest tests[400];
	size_t n = 0;
	int i, k;
	const struct CMUnitTest fixed[] = {
		T(attach_lookup_no_engine), T(attach_create_state), T(attach_einval_ops),
		T(attach_eperm_kthread), T(attach_enomem), T(attach_eexist), T(attach_esrch),
		T(attach_zombie), T(attach_during_deferred_reap), T(engine_get_put_refs),
		T(set_events_applied), T(set_events_remove_while_running),
		T(set_events_einprogress), T(set_events_by_tracee_itself),
		T(set_events_stopped_target), T(set_events_ealready_dying),
		T(set_events_ealready_zombie), T(set_events_esrch_detached),
		T(set_events_esrch_reaped), T(bad_engine_einval),
		T(control_action_out_of_range), T(control_needs_quiesce), T(control_eopnotsupp),
		T(control_detach_twice), T(control_detach_clears_stop),
		T(control_resume_clears_stop_in_utrace_flags), T(control_stop_two_engines),
		T(control_detach_during_callback), T(callback_detach_self),
		T(barrier_idle_and_self), T(barrier_target_is_current),
		T(barrier_waits_for_callback), T(barrier_erestartsys), T(barrier_detached),
		T(barrier_dying), T(barrier_reaped),
		T(release_once_every_path), T(release_after_last_put_only),
		T(tracehooks_no_engine), T(report_order_and_quiesce), T(stop_then_sigkill),
		T(death_then_reap_order), T(signal_report_pass),
		T(stop_with_sigkill_pending_does_not_sleep), T(stop_request_held_without_callback),
		T(signal_report_pass_no_phantom_signal),
		T(signal_report_pass_detached_engine_no_phantom),
		T(set_events_on_zombie_keeps_teardown),
		T(attach_during_report_no_callback), T(stop_from_exec_needs_quiesce),
	};
	static const char *const sit[3] = { "no-engine", "matching-engine", "other-engine" };

	for (i = 0; i < (int)(sizeof(fixed) / sizeof(fixed[0])); i++)
		tests[n++] = fixed[i];
	/* attach flag matrix */
	for (i = 0; i < 16; i++)
		for (k = 0; k < 3; k++) {
			struct amx *c = &amx_cases[i * 3 + k];
			int f = (i & 1 ? UTRACE_ATTACH_MATCH_OPS : 0) |
				(i & 2 ? UTRACE_ATTACH_MATCH_DATA : 0) |
				(i & 4 ? UTRACE_ATTACH_CREATE : 0) |
				(i & 8 ? UTRACE_ATTACH_EXCLUSIVE : 0);

			c->flags = f;
			c->sit = k;
			snprintf(c->name, sizeof(c->name), "attach_flags[%s%s%s%s%s/%s]",
				 f & UTRACE_ATTACH_CREATE ? "CREATE" : "LOOKUP",
				 f & UTRACE_ATTACH_EXCLUSIVE ? "|EXCL" : "",
				 f & UTRACE_ATTACH_MATCH_OPS ? "|OPS" : "",
				 f & UTRACE_ATTACH_MATCH_DATA ? "|DATA" : "",
				 "", sit[k]);
			tests[n].name = c->name;
			tests[n].test_func = amx_test;
			tests[n].setup_func = NULL;
			tests[n].teardown_func = NULL;
			tests[n].initial_state = c;
			n++;
		}
	/* control action x target state matrix */
	for (i = 0; i < TS_N; i++)
		for (k = 0; k < UTRACE_RESUME_MAX; k++) {
			struct cmx *c = &cmx_cases[i * UTRACE_RESUME_MAX + k];

			c->ts = i;
			c->act = k;
			snprintf(c->name, sizeof(c->name), "control[%s/%s]", act_names[k],
				 ts_names[i]);
			tests[n].name = c->name;
			tests[n].test_func = cmx_test;
			tests[n].setup_func = NULL;
			tests[n].teardown_func = NULL;
			tests[n].initial_state = c;
			n++;
		}
	return _cmocka_run_group_tests("contract", tests, n, NULL, NULL);
}
