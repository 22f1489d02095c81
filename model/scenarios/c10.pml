/*
 * model/scenarios/c10.pml - "utrace_resume()->start_callback() must clear
 * ->reporting" (seed 003, Oleg Nesterov, 2010-10-11/12):
 *
 *   with this change utrace_resume()->start_callback() returns with
 *   utrace->reporting != NULL !!! This obviously breaks utrace_barrier(),
 *   it can hang forever.
 *
 * Script: one engine with QUIESCE; the controller asks for a report
 * (UTRACE_REPORT sets TIF_NOTIFY_RESUME, so T makes a pure quiesce pass in
 * utrace_resume), then calls utrace_barrier, then detaches; T runs in user
 * mode and handles the notification.
 *
 *   make scenario S=c10                     the fixed protocol: passes
 *   make scenario S=c10 FLAGS=-DBUG_C10     invalid end state: the controller
 *                                           blocked in utrace_barrier (L3)
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
	t_user_then_exit(0)		/* user mode; TIF_NOTIFY_RESUME -> utrace_resume */
}

active proctype controller()
{
	byte me = 0;
	byte ret, r2;
	CTL_LOCALS;
	c_setup(me, EV_QUIESCE | EV_REAP);
	utrace_control(me, UTRACE_REPORT, UTRACE_RESUME, ret);	/* a report_quiesce pass soon */
	utrace_barrier(me, ret);	/* must return once that callback is over */
	c_detach(me);
	c_done()
}

#include "../std_procs.pml"
