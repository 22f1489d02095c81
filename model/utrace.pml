/*
 * model/utrace.pml - Promela model of the utrace engine life cycle.
 *
 * Kernel: utrace-3.1 (Oleg Nesterov's utrace-3.1 branch, kernel/utrace.c,
 * 2011-08; digest ../shared/docs/utrace-ground-truth.md sections 1-2) and, by
 * default, this project's fixed protocol (docs/protocol.md), which is what
 * src/utrace.c implements.  -DUTRACE_V31 gives utrace-3.1 as it was; -DBUG_Cn
 * re-introduces historical race Cn at the line it breaks.
 *
 * Processes (pids in this order):
 *   tracee      T: a bounded script of event points (T_EVENTS, in this
 *               order: exec, syscall entry, an ordinary signal, a blocking
 *               pause()), each
 *               followed by the return to user mode (utrace_get_signal,
 *               utrace_resume); then it runs in user mode for ever or exits
 *               (TE_EXIT), unless SIGKILL makes it exit earlier.  It stops in
 *               utrace_stop and is woken by utrace_wakeup (from utrace_reset)
 *               or SIGKILL; it dies through utrace_report_death.
 *   controller  C0..C(NENGINES-1): attach one engine and set its events;
 *               then BUDGET nondeterministic API calls from MENU; then the
 *               finale: detach following the documented protocol, or resume
 *               and leave the engine attached.
 *   reaper      R: the parent's wait() + release_task() -> utrace_maybe_reap().
 *   killer      K: may send SIGKILL once, at any time.
 *   monitor     checks the state invariant S1 in every state.
 *
 * Files: params.pml (parameters, switches), props.pml (property switches),
 * kernel.pml (constants, locks), utrace_state.pml (state), utrace_common.pml
 * (reset, wakeup, teardown, engine callbacks), utrace_api.pml (controller
 * side), utrace_tracee.pml (tracee side), utrace_core.pml (all of these),
 * driver_lib.pml (driver building blocks), std_procs.pml (R, K, monitor),
 * witness.pml (reachability claims).
 */
#include "utrace_core.pml"
#include "driver_lib.pml"

active proctype tracee()
{
	T_LOCALS;
	RESET_LOCALS;

#if PREATTACH
	(g_setup == NENGINES);	/* configuration restriction: engines attached first */
#endif
	/* T starts in user mode: its first event is a kernel entry */
#if T_EVENTS & TE_EXEC
	t_exec();
#endif
#if T_EVENTS & TE_SYSENTRY
	t_syscall_entry();
#endif
#if T_EVENTS & TE_SIGNAL
	t_signal();
#endif
#if T_EVENTS & TE_PAUSE
	t_pause();
#endif
	t_user_then_exit((T_EVENTS & TE_EXIT) != 0)
}

active [NENGINES] proctype controller()
{
	byte me = _pid - 1;
	byte ret, r2, k, ev;
	CTL_LOCALS;

	if
	:: ev = EVS_ALL
	:: ev = EVS_NOQ
	fi;
	c_setup(me, ev);
	if
	:: ret != E_OK -> goto done	/* attach failed: T is already reaped */
	:: else
	fi;
	if	/* WISHES: engine data, what the callbacks return from now on */
	:: HAS_WISHES(me) -> cwant[me] = UTRACE_STOP
	:: HAS_WISHES(me) -> cwant[me] = UTRACE_SINGLESTEP
	:: HAS_WISHES(me) && WISH_INTERRUPT -> cwant[me] = UTRACE_INTERRUPT
	:: true
	fi;
	if
	:: IS_PASSIVE(me) -> goto done	/* engine left attached, nothing more */
	:: else
	fi;
	k = 0;
	do
	:: k == BUDGET_OF(me) -> break
	:: k < BUDGET_OF(me) ->
		k++;
		if
		:: (MENU & M_SET_EVENTS) ->
			if
			:: ev = EVS_ALL
			:: ev = EVS_NOQ
			:: ev = EVS_NONE
			fi;
			utrace_set_events(me, ev, ret)
		:: (MENU & M_STOP) -> utrace_control(me, UTRACE_STOP, UTRACE_STOP, ret)
		:: (MENU & M_RESUME) -> utrace_control(me, UTRACE_RESUME, UTRACE_RESUME, ret)
		:: (MENU & M_REPORT) -> utrace_control(me, UTRACE_REPORT, UTRACE_RESUME, ret)
		:: (MENU & M_INTERRUPT) -> c_interrupt_wait(me, (ev & EV_QUIESCE) != 0)
		:: (MENU & M_STEP) -> utrace_control(me, UTRACE_SINGLESTEP, UTRACE_SINGLESTEP, ret)
		:: (MENU & M_BLOCKSTEP) -> utrace_control(me, UTRACE_BLOCKSTEP, UTRACE_SINGLESTEP, ret)
		:: (MENU & M_BARRIER) -> utrace_barrier(me, ret)
		:: (MENU & M_LOOKUP) -> c_lookup(me)
		fi
	od;
	if
	:: (FINALE & 1) -> c_detach(me)
	:: (FINALE & 2) -> c_resume_idle(me)
	fi;
done:	skip;
	d_step { k = 0; ev = 0 }
	c_done()
}

#include "std_procs.pml"
#include "witness.pml"
