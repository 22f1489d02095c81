/*
 * model/ptrace_coexist_model.pml - the -DPTRACE_COEXIST configuration of
 * model/ptrace.pml (included by it): upstream ptrace coexisting with utrace
 * (utrace-3.0 RFC v2 / utrace-3.1 series; digest 3.2, races C23-C28).
 * The core hooks, the includes and the processes; the kernel functions are
 * in ptrace_coexist.pml.  Design note: model/PTRACE.md.
 *
 * Processes (pids in this order):
 *   tracee  T: E attached and P attached before T runs; raises SIGUSR1
 *           (TE_SIGNAL), enters a system call (TE_SYSENTRY), then runs in
 *           user mode (single-step traps while TIF_SINGLESTEP) until it
 *           exits (TE_EXIT) or is killed.
 *   ctl     C: the controller of the utrace engine E (engine 0): E_BUDGET
 *           calls from E_MENU (STOP, RESUME, SINGLESTEP, set_events with or
 *           without syscall events, barrier), then detach or resume (E_FINALE);
 *           in a scenario only C_SCRIPT (nothing without it).
 *   tracer  P: rounds of wait + answer (PTRACE_CONT/SYSCALL/SINGLESTEP, with
 *           or without a signal), then PTRACE_DETACH or exit (P_MENU,
 *           P_BUDGET, P_FINALE), exit also at any time if in the menu;
 *           in a scenario P_SCRIPT instead (ptrace_coexist_script.pml,
 *           model/scenarios/ptrace_cx_*.pml).
 *   source  S: kill(T, SIGUSR1) / SIGSTOP / SIGCONT / SIGKILL, each at most
 *           once, in this order, at any time (S_SIGS; job control:
 *           ptrace_coexist_jobctl.pml).
 *   (reaper, killer: off), monitor: S1; ptmon: S12, S16, S18; KILL and L6
 *           when nothing can move any more.
 */

/* SC_ATTACH_SIGSTOP (scenarios, default 0: no configuration uses it): P's
 * PTRACE_ATTACH, done before T runs, also sends its SIGSTOP, so the tracer's
 * first wait reports a SIGSTOP signal stop (ptrace_attach()'s send_sig_info) */
#ifndef SC_ATTACH_SIGSTOP
#define SC_ATTACH_SIGSTOP 0
#endif
#if SC_ATTACH_SIGSTOP < 0 || SC_ATTACH_SIGSTOP > 1
#error "SC_ATTACH_SIGSTOP must be 0 or 1"
#endif

/* ---- hooks into the utrace core (see the #ifdef sites in utrace_*.pml) ---- */
#define UTRACE_DO_STOP_COEXIST(stopped) coexist_do_stop(stopped)
#ifdef BUG_C23
/* before 15/31: utrace's stop was TASK_TRACED too, every "stopped by utrace"
 * test was task_is_traced() and utrace_wakeup() woke __TASK_TRACED */
#define TASK_IS_UTRACED(s) (((s) & (__TASK_TRACED | __TASK_UTRACED)) != 0)
#define UTRACE_WAKEUP_BITS (__TASK_TRACED | __TASK_UTRACED)
#endif
#ifdef BUG_C24
/* before 17/31 utrace_wakeup()'s wake_up_quiescent(target, __TASK_UTRACED)
 * was wake_up_state(): every stop bit goes */
#define UTRACE_WAKEUP_BITS STATE_QUIESCENT
#endif
#define UTRACE_RESET_SYSCALL_HOOK() utrace_reset_syscall()
#define UTRACE_SET_EVENTS_SYSCALL_HOOK(ev) utrace_set_events_syscall(ev)
#ifndef BUG_C28
/* 27/31: finish_resume_report() leaves the step alone if ptrace_wants_step() */
#define PTRACE_WANTS_STEP pt_step
#endif
/* S10: ptrace's own step counts as wanted (and the leftover of a tracer that
 * exited while T was stepping, upstream behaviour) */
#define STEP_WANTED_PTRACE (pt_step || g_step_orphan)
#define SIGNAL_C_MODEL
#define UTRACE_GET_SIGNAL_REPORT_HOOK() t_path = 1; t_sig = 0; t_deliver = 0
#define UTRACE_GET_SIGNAL_DEQUEUE_HOOK() \
	t_sig = LOWEST_SIG(sigpend); sigpend = sigpend & ~t_sig; sig_q = (sigpend != 0); \
	stop_dequeued = stop_dequeued || (t_sig == SIG_STOP);	/* JOBCTL_STOP_DEQUEUED */ \
	t_path = 2; t_deliver = t_sig
/* C29 (ptrace_coexist_jobctl.pml): utrace_get_signal() leaves job control to
 * the caller: "unlikely(task->jobctl & JOBCTL_PENDING_MASK)" (20/31);
 * BUG_C29: "& JOBCTL_STOP_PENDING" only (09/31 before 20/31) */
#ifndef BUG_C29
#define UTRACE_JOBCTL_PENDING (jstop_pending || jtrap_stop)
#else
#define UTRACE_JOBCTL_PENDING jstop_pending
/* ... and the V2010 utrace_wakeup() that 09/31 removed: "if
 * (target->signal->flags & SIGNAL_STOP_STOPPED ||
 * target->signal->group_stop_count) target->state = TASK_STOPPED; else
 * wake_up_state(target, __TASK_TRACED);": while a group stop is in effect
 * or pending the whole state word is replaced, ptrace's TASK_TRACED
 * included.  Through the core's UTRACE_WAKEUP_BITS hook: the bits cleared
 * are UTRACED and TRACED (what the assignment does to ptrace's stop); the
 * TASK_STOPPED it would set instead is not modelled (S16 fails at that step) */
#define UTRACE_WAKEUP_BITS (__TASK_UTRACED | ((gstop || jconsume) -> __TASK_TRACED : 0))
#endif
/* S5: as in the engine design (g_kwake: SIGKILL woke T from a stop with
 * UTRACED; it waits for utrace->lock before touching anything) */
#define S5_LIST_WRITE_OK \
	(_pid == T_PID || (tstate & __TASK_UTRACED) || g_kwake || (exit_state != EXIT_ALIVE && !death))
/* at the entry to user mode: L5 (no handed-back signal lost) and the other
 * half of S10 in this design (ptrace's step is not lost either: once T
 * applied PT_SINGLE_STEP, it enters user mode stepping while ptrace wants it) */
#define USER_MODE_HOOK() \
	CHECK(L5, g_owed == 0 || fatal); \
	CHECK(S10, !(pt_step && g_pt_applied) || tif_ss || fatal)

#include "params.pml"
#include "props.pml"
#include "kernel.pml"
#include "ptrace_state.pml"	/* before the core: the hooks use its variables */

/* coexistence ghosts (S12, S16, S17, S10) */
bit g_in_pstop;		/* witnesses: T is inside ptrace_stop() */
bit pstop_oncpu;		/* kernel (p->on_cpu, for wait_task_inactive()): T is in ptrace_stop() between
			 * TASK_TRACED and its may_ptrace_stop() decision, still running; also S12 */
bit g_kwoke;		/* S17: SIGKILL woke T from a stop while a controller held utrace->lock */
bit g_pt_applied;	/* S10: T applied ptrace's PT_SINGLE_STEP (user_enable_single_step) and has not disabled it */
bit g_step_orphan;	/* S10: the tracer exited while T was stepping for it (upstream keeps TIF_SINGLESTEP) */
bit g_sys_asked;	/* S18: the tracer's latest request was PTRACE_SYSCALL */
bit jconsume;		/* JOBCTL_STOP_CONSUME == group_stop_count != 0 (one thread; ptrace_coexist_jobctl.pml) */

#include "utrace_core.pml"
#include "driver_lib.pml"
#include "ptrace_coexist.pml"
#include "ptrace_coexist_script.pml"	/* the scenario interface (sc_*) */

/* E's events: E_EVENTS 1: QUIESCE|SIGNAL (+ SYSENTRY with E_SYSCALL) */
#define E_EV (EV_QUIESCE | EV_SIGNAL | EV_REAP | (E_SYSCALL -> EV_SYSENTRY : 0))

/* ---- T ------------------------------------------------------------------ */

active proctype tracee()
{
	T_LOCALS;
	RESET_LOCALS;
	PT_T_LOCALS;

	/* E attached with its events (utrace_attach_task + utrace_set_events, the
	 * controller holds a reference) and P attached (PTRACE_ATTACH; its SIGSTOP
	 * only with SC_ATTACH_SIGSTOP), before T runs */
	d_step {
		ref[0] = 2; eops[0] = OPS_LIVE; g_data[0] = DATA_ALIVE;
		onlist[0] = L_ATTACHED; epos[0] = nattach; nattach++;
		eflags[0] = E_EV; uflags = E_EV;
		tif_st = ((E_EV & EV_SYSENTRY) != 0);
		ptracer = 1; g_npre = 1; g_setup = 1;
#if SC_ATTACH_SIGSTOP
		/* PTRACE_ATTACH (not PTRACE_SEIZE) queues a SIGSTOP: 3.1
		 * kernel/ptrace.c ptrace_attach(): "if (!seize)
		 * send_sig_info(SIGSTOP, SEND_SIG_FORCED, task, 1);" (upstream source,
		 * not in the seeds; the digest's section 3.1 says the same of
		 * ptrace-utrace: "link, send SIGSTOP"); send_signal() +
		 * signal_wake_up(t, 0) */
		sigpend = sigpend | SIG_STOP; sig_q = 1; tif_sp = 1;
		printf("@%d ptrace_attach: send_sig_info(SIGSTOP)\n", _pid);
#endif
		printf("@%d E0 attached, P attached (before T runs)\n", _pid)
	}
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
			/* a system call: "if (test_thread_flag(TIF_SYSCALL_TRACE) &&
			 * tracehook_report_syscall_entry(regs))": "if
			 * ((task_utrace_flags(current) & UTRACE_EVENT(SYSCALL_ENTRY)) &&
			 * utrace_report_syscall_entry(regs)) return 1;
			 * ptrace_report_syscall(regs);" */
			if
			:: atomic { (T_EVENTS & TE_SYSENTRY) && tif_st } ->
				if
				:: atomic { uflags & EV_SYSENTRY } -> t_ev = 1; utrace_report_syscall_entry(); t_ev = 0
				:: else
				fi;
				ptrace_report_syscall()
			:: else
			fi
		:: t_ph == 2 && (tif_nr || tif_sp) -> skip
		:: t_ph == 2 && !tif_nr && !tif_sp && tif_ss ->	/* step trap */
			t_send_sig(SIG_TRAP)
		:: t_ph == 2 && (T_EVENTS & TE_EXIT) && !tif_nr && !tif_sp -> t_exiting = 1	/* exit() */
		fi;
		if
		:: !t_exiting -> exit_to_user()
		:: else
		fi
	od;
	t_ev = 1;
	do_exit()
}

/* ---- C: the controller of the utrace engine E ---------------------------------- */

active proctype ctl()
{
	CTL_LOCALS;
	byte ret, r2, k;

	g_npre > 0;
#ifdef P_SCRIPT
	/* a scenario (model/scenarios/ptrace_*.pml, ptrace_coexist_script.pml):
	 * C does what C_SCRIPT says, nothing without it (E stays attached, idle) */
#ifdef C_SCRIPT
	C_SCRIPT;
#endif
	d_step { k = 0 }
	c_done()
#else
	k = 0;
	do
	:: k >= E_BUDGET -> break
	:: k < E_BUDGET ->
		k++;
		if
		:: (E_MENU & M_STOP) ->
			utrace_control(0, UTRACE_STOP, UTRACE_STOP, ret);
			d_step { g_ut_hold = g_ut_hold || (ret == E_OK) }	/* S16: E believes T stopped */
		:: (E_MENU & M_RESUME) ->
			d_step { g_ut_hold = 0 }
			utrace_control(0, UTRACE_RESUME, UTRACE_RESUME, ret)
		:: (E_MENU & M_STEP) ->
			d_step { g_ut_hold = 0 }
			utrace_control(0, UTRACE_SINGLESTEP, UTRACE_SINGLESTEP, ret)
		:: (E_MENU & M_SET_EVENTS) -> utrace_set_events(0, E_EV | EV_SYSENTRY, ret)
		:: (E_MENU & M_SET_EVENTS) -> utrace_set_events(0, E_EV & ~EV_SYSENTRY, ret)
		:: (E_MENU & M_BARRIER) -> utrace_barrier(0, ret)
		fi
	od;
	skip;	/* (break may not jump into a d_step) */
	d_step { g_ut_hold = 0 }
	if
	:: (E_FINALE & 1) -> c_detach(0)
	:: (E_FINALE & 2) -> c_resume_idle(0)
	fi;
	d_step { k = 0 }
	c_done()
#endif
}

/* ---- P: the tracer ---------------------------------------------------------- */

active proctype tracer()
{
	PT_P_LOCALS;

	g_npre > 0;
#ifdef P_SCRIPT
	P_SCRIPT;	/* a scenario (model/scenarios/ptrace_*.pml, ptrace_coexist_script.pml) */
#else
	k = 0;
	do
	:: (P_MENU & R_EXIT) || (k >= P_BUDGET && (P_FINALE & 2)) ->
		pr_req = R_EXIT; break	/* the tracer exits, T running or not */
	:: k < P_BUDGET || (P_FINALE & 1) ->
end_wait:	atomic { CX_WAIT_COND(1) -> CX_WAIT_TAKE(1) }
		if
		:: w == W_EXITED -> pr_req = 0; break
		:: w == W_CONT -> goto next	/* WIFCONTINUED: nothing to answer */
		:: else
		fi;
		if
		:: k < P_BUDGET ->
			k++;
			if
			:: (P_MENU & R_CONT) -> pr_req = R_CONT
			:: (P_MENU & R_CONTSIG) -> pr_req = R_CONTSIG
			:: (P_MENU & R_SYSCALL) -> pr_req = R_SYSCALL
			:: (P_MENU & R_STEP) -> pr_req = R_STEP
			:: (P_MENU & R_DETACH) -> pr_req = R_DETACH
			:: (P_MENU & R_DETSIG) -> pr_req = R_DETSIG
			:: (P_MENU & R_EXIT) -> pr_req = R_EXIT
			fi
		:: k >= P_BUDGET && (P_FINALE & 1) ->
			if
			:: pr_req = R_DETACH
			:: (P_MENU & R_DETSIG) -> pr_req = R_DETSIG
			fi
		:: k >= P_BUDGET && !(P_FINALE & 1) -> pr_req = R_EXIT
		fi;
		/* the data: the stop's signal (signal stop) or SIGUSR1 (syscall stop);
		 * none for the group-stop trap (do_jobctl_trap() discards it) */
		pr_data = ((wcode != EC_GSTOP && (pr_req == R_CONTSIG || pr_req == R_DETSIG)) -> ((wcode == EC_SYSCALL) -> SIG_USR : wcode) : 0);
		if
		:: pr_req & (R_CONT | R_CONTSIG | R_SYSCALL | R_STEP) ->
			ptrace_check_attach(1);
			if
			:: chk == E_OK -> ptrace_resume(pr_req, pr_data)
			:: else	/* SIGKILLed meanwhile: -ESRCH */
			fi
		:: else -> break
		fi;
next:		skip
	od;
	if
	:: pr_req & (R_DETACH | R_DETSIG) ->
		ptrace_check_attach(1);
		if
		:: chk == E_OK -> ptrace_detach(pr_data)
		:: else
		fi
	:: pr_req == R_EXIT -> exit_ptrace(1)
	:: else
	fi;
#endif
	d_step { g_p_done = 1; k = 0; w = 0; wcode = 0; pr_req = 0; pr_data = 0; chk = 0; unans = 0 }
}

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
	:: cx_kill_sigstop()
	:: true
	fi;
#endif
#if S_SIGS & S_CONT
	if
	:: cx_kill_sigcont()
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

/* S12 (no stop on behalf of a departed tracer): T is not left TRACED once its
 * tracer is gone, except inside ptrace_stop() before its own decision */
#define CX_S12_HOLDS (!(tstate & __TASK_TRACED) || ptracer != 0 || pstop_oncpu || fatal)
/* S16 (a stop is ended only by its owner): ptrace's stop stays TRACED until
 * ptrace ends it; T stays UTRACED while E's STOP is granted and not released */
#define CX_S16_HOLDS ((!g_hold_pt || fatal || (tstate & __TASK_TRACED)) && \
		      (!g_ut_hold || fatal || (tstate & __TASK_UTRACED)) && \
		      (!g_hold_js || fatal || (tstate & __TASK_STOPPED)))
/* S18 (syscall-trace flag ownership): TIF_SYSCALL_TRACE is set whenever
 * ptrace asked PTRACE_SYSCALL or an engine has syscall events (checked when
 * no utrace->lock section and no flag update is in progress) */
#define CX_S18_HOLDS (ulock != NOBODY || g_pt_sys_busy || tif_st || exit_state != EXIT_ALIVE || \
		      (!(uflags & EV_SYSENTRY) && !pt_syscall))

active proctype ptmon()
{
end_ptmon:
	if
	:: atomic { !(CX_S12_HOLDS && CX_S16_HOLDS && CX_S18_HOLDS) ->
		 CHECK(S12, CX_S12_HOLDS); CHECK(S16, CX_S16_HOLDS); CHECK(S18, CX_S18_HOLDS) }
	/* KILL: once nothing can move any more, a SIGKILLed T has exited */
	/* L6 (seed 002): no cont owed to a tracer that saw the group stop */
	:: atomic { timeout -> CHECK(KILL, !fatal || exit_state != EXIT_ALIVE);
		    CHECK(L6, !g_cont_owed || exit_state != EXIT_ALIVE) }
	fi
}

/* reachability witnesses (model/witness.conf): claims EXPECTED TO FAIL */
#ifdef WITNESS
ltl w_cx_both      { [] !((tstate & __TASK_TRACED) && (tstate & __TASK_UTRACED)) }	/* T TRACED|UTRACED at once */
ltl w_cx_pt_resume { [] !(g_in_pstop && !pstop_oncpu && tstate == __TASK_UTRACED && ptracer == 1) }	/* P's resume leaves T asleep for utrace */
ltl w_cx_reported  { [] !(g_ptstop == 2) }	/* a ptrace stop is reported to the tracer's wait */
ltl w_cx_step      { [] !(g_pt_applied && tif_ss) }	/* T applies ptrace's step itself */
ltl w_cx_kill_lock { [] !(g_kwoke && g_in_pstop) }	/* SIGKILL wakes T in ptrace_stop() while C holds utrace->lock (S17's case) */
ltl w_cx_gstop     { [] !g_cx_gseen }	/* the tracer's wait reports the group-stop trap, group stop in effect */
ltl w_cx_cont      { [] !g_cx_wcont }	/* the tracer that saw the group stop sees WIFCONTINUED (L6 not vacuous) */
ltl w_cx_kept      { [] !(g_cx_kept && tstate == __TASK_STOPPED) }	/* detached from the group stop, T sleeps in TASK_STOPPED (current kernels) */
#endif
