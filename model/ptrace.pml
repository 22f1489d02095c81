/*
 * model/ptrace.pml - Promela model of ptrace over the utrace core.
 *
 * Default configuration: ptrace is a utrace engine (the 2010 ptrace-utrace
 * design, kernel/ptrace-utrace.c; digest ../shared/docs/utrace-ground-truth.md
 * section 3.1) on top of this project's utrace core (utrace_core.pml,
 * unchanged: ptrace plugs into its hooks).  Design note: model/PTRACE.md.
 * -DBUG_Cn re-introduces historical race Cn (model/bugs.conf).
 *
 * Processes (pids in this order):
 *   tracee  T: attached by P before it runs; raises SIGUSR1 (TE_SIGNAL),
 *           enters a system call (TE_SYSENTRY), then runs in user mode
 *           (single-step traps while TIF_SINGLESTEP) until it exits
 *           (TE_EXIT) or is killed.
 *   tracer  P: rounds of wait + answer (PTRACE_CONT/SYSCALL/SINGLESTEP, with
 *           or without a signal), then PTRACE_DETACH (with or without a
 *           signal) or exit (exit_ptrace: implicit detach), also at any time
 *           while T runs (P_MENU, P_BUDGET, P_FINALE).
 *   tracer2 P2 (WITH_P2): PTRACE_ATTACH once P is gone (reusing P's engine,
 *           seed 000), then the same loop (P2_*).
 *   source  S: kill(T, SIGUSR1) / kill(T, SIGKILL) at any time (S_SIGS).
 *   (reaper, killer: std_procs.pml, off here), monitor: S1 in every state;
 *   ptmon: S12 and S13 in every state.
 *
 * The coexistence design (-DPTRACE_COEXIST) is in ptrace_coexist_model.pml
 * and ptrace_coexist.pml (included below instead of everything else).
 */
#include "ptrace_params.pml"

#ifdef PTRACE_COEXIST
/* the coexistence design: its own hooks, includes and processes */
#include "ptrace_coexist_model.pml"
#else /* !PTRACE_COEXIST: ptrace as a utrace engine, to the end of the file */

/* hooks into the utrace core (see the #ifdef sites in utrace_*.pml) */
#define ENGINE_BODY(e, kind) ptrace_callback_body(e, kind)
#define ENGINE_DECIDE(e, kind, ret) ptrace_decide(e, kind, ret)
#define UTRACE_STOP_NOTIFY_HOOK() ptrace_notify_stop()
#define UTRACE_GET_SIGNAL_REPORT_HOOK() t_path = 1; t_sig = 0; t_deliver = 0
#define UTRACE_GET_SIGNAL_DEQUEUE_HOOK() \
	t_sig = LOWEST_SIG(sigpend); sigpend = sigpend & ~t_sig; sig_q = (sigpend != 0); \
	stop_dequeued = stop_dequeued | (t_sig == SIG_STOP); \
	t_path = 2; t_deliver = t_sig
#define SIGNAL_C_MODEL
/* engine design: ptrace steps through its engine's UTRACE_SINGLESTEP (no
 * PT_SINGLE_STEP of its own) */
#define PTRACE_WANTS_STEP 0
/* S5: a T that SIGKILL woke from a utrace stop waits in utrace_finish_stop()
 * for utrace->lock (B9) and reads no list before get_signal_to_deliver():
 * until then it counts as stopped (g_kwake, set by the SIGKILL wakeup) */
#define S5_LIST_WRITE_OK \
	(_pid == T_PID || (tstate & __TASK_UTRACED) || g_kwake || (exit_state != EXIT_ALIVE && !death))
/* L5: T never returns to user mode owing a signal (unless SIGKILLed) */
#define USER_MODE_HOOK() CHECK(L5, g_owed == 0 || fatal)

#include "params.pml"
#include "props.pml"
#include "kernel.pml"
#include "ptrace_state.pml"	/* before the core: the hooks use its constants */
#define PT_ECTL_HOOKS
#include "ptrace_ectl.pml"	/* WITH_E: E's hook and preattach (engine design) */
#undef PT_ECTL_HOOKS
#include "utrace_core.pml"
#include "driver_lib.pml"	/* c_detach, c_resume_idle, c_done (CE) */
#include "ptrace_jobctl.pml"	/* group stop, SIGSTOP/SIGCONT, L6, KILL (engine design) */
#include "ptrace_engine.pml"
#include "ptrace_signal.pml"
#include "ptrace_script.pml"

#define PT_SLOT_BIT(e) (1 << (e))

/* S14 at T's idle point: engine e unlinked (ops NULL, on no list) but with a
 * reference left although every holder is done */
#define PT_LEAKED1(e) (eops[e] == OPS_NULL && onlist[e] == L_NONE && ref[e] != 0)
#if NPT > 1
#define PT_LEAKED (PT_LEAKED1(0) || PT_LEAKED1(1))
#else
#define PT_LEAKED PT_LEAKED1(0)
#endif

/* S12 (no stop on behalf of a departed tracer): T asleep in a utrace stop,
 * no lock held, no SIGKILL, held only by a ptrace engine whose tracer
 * completed ptrace_detach_task() */
#if NPT > 1
#define PT_HELD_DEPARTED ((ESTOP_LIVE(0) && (g_departed & 1)) || (ESTOP_LIVE(1) && (g_departed & 2)))
#else
#define PT_HELD_DEPARTED (ESTOP_LIVE(0) && (g_departed & 1))
#endif
#define S12_HOLDS (!(tstate & __TASK_UTRACED) || ulock != NOBODY || fatal || !PT_HELD_DEPARTED)
/* S13 (a successful attach means attached): until the tracer detaches, its
 * engine is live or T is dead */
#define S13_HOLDS (g_s13 == 0 || eops[g_s13 - 1] == OPS_LIVE || exit_state != EXIT_ALIVE)

/* ---- T ------------------------------------------------------------------ */

active proctype tracee()
{
	T_LOCALS;
	RESET_LOCALS;
	PT_T_LOCALS;

	/* P_PREATTACH: PTRACE_ATTACH done before T runs (engine 0 attached,
	 * ptrace_set_events(), linked; P holds no engine reference) */
	d_step {
		ref[0] = 1; eops[0] = OPS_LIVE; g_data[0] = DATA_ALIVE;
		onlist[0] = L_ATTACHED; epos[0] = nattach; nattach++;
		eflags[0] = PT_EVENTS; uflags = uflags | PT_EVENTS | EV_REAP;
		ptracer = 1; g_npre = 1;
		PT_E_PREATTACH();	/* WITH_E: E attached too (ptrace_ectl.pml) */
		printf("@%d ptrace_attach (before T runs): E0\n", _pid)
	}
	/* T's script, one event per round, each followed by the return to user
	 * mode (one call site of exit_to_user(): SPIN's d_step code limit);
	 * then user mode: interrupts bring T back for TIF work; with
	 * TIF_SINGLESTEP each instruction traps (SIGTRAP, force_sig_info) */
	do
	:: t_exiting -> break
	:: else ->
end_user:	if
		:: t_ph == 0 -> t_ph = 1;
			if
			:: (T_EVENTS & TE_SIGNAL) ->	/* raise(SIGUSR1) */
				spin_lock(siglock);
				d_step { sigpend = sigpend | SIG_USR; sig_q = 1; tif_sp = 1; printf("@%d raise SIGUSR1\n", _pid) }
				spin_unlock(siglock)
			:: else
			fi
		:: t_ph == 1 -> t_ph = 2;
			if	/* a system call: tracehook_report_syscall_entry() */
			:: (T_EVENTS & TE_SYSENTRY) && (uflags & EV_SYSENTRY) ->
				t_ev = 1; utrace_report_syscall_entry(); t_ev = 0
			:: else
			fi
		:: t_ph == 2 && (tif_nr || tif_sp) -> skip
		:: t_ph == 2 && !tif_nr && !tif_sp && tif_ss ->	/* step trap */
			spin_lock(siglock);
			d_step { sigpend = sigpend | SIG_TRAP; sig_q = 1; tif_sp = 1; printf("@%d step trap\n", _pid) }
			spin_unlock(siglock)
		:: t_ph == 2 && (T_EVENTS & TE_EXIT) && !tif_nr && !tif_sp -> t_exiting = 1	/* exit() */
		:: t_ph == 2 && !tif_nr && !tif_sp && g_p_done && (!WITH_P2 || g_p2_done) && g_done >= WITH_E && PT_LEAKED ->
			CHECK(S14, false)	/* S14: an unlinked ptrace engine nobody holds is never released */
		fi;
		if
		:: !t_exiting -> exit_to_user()
		:: else
		fi
	od;
	t_ev = 1;
	do_exit()
}

/* ---- the tracers ------------------------------------------------------------- */

/*
 * A tracer's life once attached to T with engine pt_e: rounds of "wait for a
 * stop, answer it" (budget rounds; answers from menu), then the finale
 * (finale & 1: wait, then PTRACE_DETACH; finale & 2: exit).  With R_EXIT in
 * the menu it may also exit at any time, T running or not.
 */
inline tracer_loop(me, budget, menu, finale)
{
	k = 0;
	do
	:: ((menu) & R_EXIT) || (k >= (budget) && ((finale) & 2)) ->
		pr_req = R_EXIT; break	/* the tracer exits, T running or not */
	:: k < (budget) || ((finale) & 1) ->
end_wait:	atomic { PTRACE_WAIT_COND(me) -> PTRACE_WAIT_TAKE(me) }
		if
		:: w == W_EXITED -> pr_req = 0; break
		:: w == W_CONT -> pr_req = R_WAIT	/* WIFCONTINUED: nothing to answer */
		:: else ->
		/* the answer (one call site per request kind: pr_req) */
		if
		:: k < (budget) ->
			k++;
			if
			:: ((menu) & R_CONT) -> pr_req = R_CONT
			:: ((menu) & R_CONTSIG) -> pr_req = R_CONTSIG
			:: ((menu) & R_SYSCALL) -> pr_req = R_SYSCALL
			:: ((menu) & R_STEP) -> pr_req = R_STEP
			:: ((menu) & R_DETACH) -> pr_req = R_DETACH
			:: ((menu) & R_DETSIG) -> pr_req = R_DETSIG
			:: ((menu) & R_EXIT) -> pr_req = R_EXIT
			:: ((menu) & R_WAIT) && wcode == EC_GSTOP -> pr_req = R_WAIT	/* wait for the continue */
			fi
		:: k >= (budget) && ((finale) & 1) ->
			if
			:: pr_req = R_DETACH
			:: ((menu) & R_DETSIG) -> pr_req = R_DETSIG
			fi
		:: k >= (budget) && !((finale) & 1) -> pr_req = R_EXIT
		fi;
		/* a request to a group-stopped tracee: ptrace_check_attach() first
		 * (-ESRCH if SIGCONT or SIGKILL woke it: wait again) */
		if
		:: wcode == EC_GSTOP && pr_req != R_EXIT && pr_req != R_WAIT ->
			ptrace_check_attach_gstop(pt_e);
			if
			:: ret != E_OK -> pr_req = R_WAIT
			:: else
			fi
		:: else
		fi
		fi;
		if
		:: pr_req == R_WAIT -> wcode = 0
		:: pr_req & (R_CONT | R_CONTSIG | R_SYSCALL | R_STEP) ->
			ptrace_resume(pt_e, ((pr_req == R_STEP) -> UTRACE_SINGLESTEP : UTRACE_RESUME),
				      (pr_req == R_SYSCALL), (pr_req == R_CONTSIG))
		:: else -> break
		fi
	od;
	if
	:: pr_req & (R_DETACH | R_DETSIG) -> ptrace_detach(pt_e, (pr_req == R_DETSIG))
	:: pr_req == R_EXIT -> exit_ptrace(me, pt_e)
	:: else
	fi;
	pr_req = 0
}

active proctype tracer()
{
	CTL_LOCALS;
	byte ret, r2;
	PT_P_LOCALS;

	g_npre > 0;
	pt_e = 0;
#ifdef P_SCRIPT
	P_SCRIPT;	/* a scenario (model/scenarios/ptrace_*.pml, ptrace_script.pml) */
#else
	tracer_loop(1, P_BUDGET, P_MENU, P_FINALE);
#endif
	d_step { g_p_done = 1; k = 0; w = 0; ret = 0; r2 = 0 }
}

#if WITH_P2
active proctype tracer2()
{
	CTL_LOCALS;
	byte ret, r2;
	PT_P_LOCALS;

end_idle:
	g_p_done;	/* P has detached or exited */
#ifdef P2_SCRIPT
	P2_SCRIPT;	/* a scenario */
#else
	ptrace_attach_task(2);
	if
	:: ret == E_OK -> tracer_loop(2, P2_BUDGET, P2_MENU, P2_FINALE)
	:: else
	fi;
#endif
	d_step { g_p2_done = 1; k = 0; w = 0; ret = 0; r2 = 0; pt_e = 0 }
}
#endif

#include "ptrace_ectl.pml"	/* WITH_E: CE, the controller of engine E */

/* ---- S: kill(2) from a third process ------------------------------------------ */

active proctype source()
{
#if S_SIGS & S_USR
	if
	:: s_kill_sig(SIG_USR)
	:: true
	fi;
#endif
#if S_SIGS & S_STOP
	if
	:: s_kill_sigstop()	/* ptrace_jobctl.pml */
	:: true
	fi;
#endif
#if S_SIGS & S_CONT
	if
	:: s_kill_sigcont()	/* ptrace_jobctl.pml */
	:: true
	fi;
#endif
#if S_SIGS & S_KILL
	if
	:: s_kill_sigkill()
	:: true
	fi;
#endif
	skip
}

#include "std_procs.pml"

/* S12 and S13 in every state; KILL and L6 when nothing can move any more
 * (timeout: every other process has ended or is blocked for ever) */
active proctype ptmon()
{
end_ptmon:
	if
	:: atomic { !(S12_HOLDS && S13_HOLDS) -> CHECK(S12, S12_HOLDS); CHECK(S13, S13_HOLDS) }
	:: atomic { timeout -> PT_FINAL_CHECKS() }	/* ptrace_jobctl.pml */
	fi
}

/* reachability witnesses (model/witness.conf): claims EXPECTED TO FAIL */
#ifdef WITNESS
ltl w_pt_reported { [] !(g_ptstop == 2) }		/* a ptrace stop is reported to the tracer's wait */
ltl w_parting     { [] !(ctx_detached[0]) }		/* a detach keeps the engine for a parting signal */
ltl w_handed_back { [] !(g_nusr > 0 && g_p_done) }	/* SIGUSR1 delivered after the tracer is gone */
ltl w_step_trap   { [] !(sigpend & SIG_TRAP) }		/* a single-step trap */
ltl w_killed_pt   { [] !(fatal && (tstate & __TASK_UTRACED) == 0 && g_kwake) }	/* SIGKILL wakes a ptrace stop */
ltl w_gstop_seen  { [] !(g_saw_gstop) }		/* the tracer's wait reports a group stop */
ltl w_cont_seen   { [] !(g_wcont) }			/* ... and then the CONTINUED state (WCONTINUED) */
#if NPT > 1
ltl w_reused      { [] !(g_s13 == 1 && ptracer == 2) }	/* P2 re-uses P's engine */
#endif
#endif
#endif /* PTRACE_COEXIST */
