/*
 * model/scenarios/c5.pml - "fix mark_engine_detached() vs start_callback()
 * race" (seed 003, Oleg Nesterov, 2010-08-18):
 *
 *   Suppose that engine->flags == UTRACE_EVENT(EXEC), QUIESCE bit is not set.
 *   1. start_callback() reads want = engine->flags (== EXEC)
 *   2. mark_engine_detached() sets engine->ops = &utrace_detached_ops
 *   3. start_callback() gets ops = &utrace_detached_ops
 *   After that start_callback() skips "if (want & UTRACE_EVENT(QUIESCE))"
 *   block and returns &utrace_detached_ops, then ->report_exec == NULL
 *   will be called.
 *
 * Script: one engine with only EXEC (and REAP); the tracee execs; the
 * controller detaches (documented protocol) at any moment.  SPIN checks every
 * property over every interleaving of this script.
 *
 *   make scenario S=c5                      the fixed protocol: passes
 *   make scenario S=c5 FLAGS=-DBUG_C5       S3 fails: report_exec through
 *                                           utrace_detached_ops
 */
#define NENGINES 1
#define WITH_SIGKILL 0
#define WITH_REAPER 0
#define SELF_DETACH 0
#include "../utrace_core.pml"
#include "../driver_lib.pml"

active proctype tracee()
{
	T_LOCALS;
	RESET_LOCALS;
	t_exec();			/* execve(): utrace_report_exec() */
	t_user_then_exit(0)		/* then user mode for ever */
}

active proctype controller()
{
	byte me = 0;
	byte ret, r2;
	CTL_LOCALS;
	c_setup(me, EV_EXEC | EV_REAP);	/* engine->flags == UTRACE_EVENT(EXEC), no QUIESCE */
	c_detach(me);			/* utrace_control(DETACH) + barrier + free */
	c_done()
}

#include "../std_procs.pml"
