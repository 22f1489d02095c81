/*
 * model/ptrace_coexist.pml - -DPTRACE_COEXIST: upstream ptrace (3.1) that
 * coexists with utrace instead of being a utrace engine (utrace-3.0 RFC v2 /
 * utrace-3.1 series; digest ../shared/docs/utrace-ground-truth.md 3.2 and
 * 4.C; seed 003, patch numbers "n/31" of the 2011-08-03 series, "n/19" of
 * the 2011-06-30 RFC v2).  One inline per kernel function, named after it.
 * Included by ptrace_coexist_model.pml after utrace_core.pml; the core hooks
 * it implements are #defined there.
 *
 * State: one task->state word with the bits __TASK_TRACED (ptrace's stop),
 * __TASK_UTRACED (utrace's) and __TASK_STOPPED (job control, not generated
 * by do_signal_stop(), ptrace_coexist_jobctl.pml); a task runs only when no bit is left (the schedule() steps block
 * until tstate == TASK_RUNNING).  T->ptrace is ptracer (PT_PTRACED),
 * pt_syscall (PT_SYSCALL_TRACE) and pt_step (PT_SINGLE_STEP).
 *
 * Race switches (model/bugs.conf), each re-introducing the code before its fix:
 *   BUG_C23  utrace's "stopped" tests are task_is_traced() (before 15/31)
 *   BUG_C24  non-selective wakeups: wake_up_quiescent() == wake_up_state(),
 *            ptrace's wakeups through signal_wake_up() (before 12/31, 17/31)
 *   BUG_C25  no schedule() in ptrace_stop()'s abort path (before 18/31)
 *   BUG_C26  no utrace_end_stop() after ptrace_stop()'s schedule() (before 16/31)
 *   BUG_C27  TIF_SYSCALL_TRACE owned by nobody: ptrace sets/clears it with no
 *            lock and unconditionally, ptrace_report_syscall() tests
 *            PT_PTRACED, utrace_reset() ignores ptrace (before 21-23/31, 17/19)
 *   BUG_C28  the tracer enables/disables the step itself in ptrace_resume()
 *            and finish_resume_report() ignores ptrace (before 27/31 and
 *            "ptrace: shift user_*_step() from ptrace_resume() to ptrace_stop()")
 *   BUG_C29  (job control, ptrace_coexist_jobctl.pml) utrace_get_signal() tests
 *            JOBCTL_STOP_PENDING only (before 20/31) and utrace_wakeup() turns
 *            a woken task into TASK_STOPPED while a group stop is in effect
 *            (V2010 code removed by 09/31)
 */
#ifndef PTRACE_COEXIST_PML
#define PTRACE_COEXIST_PML

#define PT_T_LOCALS byte t_sig, t_deliver, t_path, t_ph, t_pst, t_js; bit t_ev
#define PT_P_LOCALS byte w, wcode, k, pr_req, pr_data, chk; bit unans

/* ---- wakeups (kernel/signal.c, kernel/ptrace.c) -------------------------- */

/*
 * wake_up_quiescent(p, state), siglock held (11/31, 17/31): "unsigned int
 * quiescent = (p->state & STATE_QUIESCENT); ... if (quiescent) { state &=
 * ~TASK_INTERRUPTIBLE; if ((quiescent & ~state) != 0) { p->state &= ~state;
 * ... return 0; } } return wake_up_state(p, state);"  Used inside a d_step.
 * g_hold_pt (S16): ptrace's own stop ends when TRACED is cleared here.
 * BUG_C24: before 17/31 it was wake_up_state(p, state): any match wakes.
 */
#ifndef BUG_C24
#define WAKE_UP_QUIESCENT(st) \
	if \
	:: (tstate & (st) & __TASK_TRACED) -> g_hold_pt = 0 \
	:: else \
	fi; \
	if \
	:: (tstate & STATE_QUIESCENT) != 0 && (tstate & STATE_QUIESCENT & ~(st)) != 0 -> \
		tstate = tstate & ~(st)	/* selective: another stop bit is left */ \
	:: else -> \
		if \
		:: (tstate & (st)) != 0 -> tstate = TASK_RUNNING	/* wake_up_state() */ \
		:: else \
		fi \
	fi
#else
#define WAKE_UP_QUIESCENT(st) \
	if \
	:: (tstate & (st)) != 0 -> \
		if :: (tstate & __TASK_TRACED) -> g_hold_pt = 0 :: else fi; \
		tstate = TASK_RUNNING	/* wake_up_state(): TRACED|UTRACED -> RUNNING (C24) */ \
	:: else \
	fi
#endif

/*
 * ptrace_signal_wake_up(p, quiescent), siglock held (12/31): "set_tsk_thread_flag(p,
 * TIF_SIGPENDING); state = TASK_INTERRUPTIBLE; if (quiescent) state |=
 * (__TASK_STOPPED | __TASK_TRACED); if (!wake_up_quiescent(p, state))
 * kick_process(p);"  BUG_C24: signal_wake_up(p, quiescent): TASK_WAKEKILL
 * matches every stop state, TASK_UTRACED included.
 */
#ifndef BUG_C24
#define PTRACE_SIGNAL_WAKE_UP(q) \
	tif_sp = 1; \
	if \
	:: (q) -> WAKE_UP_QUIESCENT(__TASK_STOPPED | __TASK_TRACED) \
	:: else \
	fi
#else
#define PTRACE_SIGNAL_WAKE_UP(q) \
	tif_sp = 1; \
	if \
	:: (q) -> WAKE_UP_QUIESCENT(STATE_QUIESCENT)	/* TASK_WAKEKILL (C24) */ \
	:: else \
	fi
#endif

/* ---- core hooks (utrace.c as patched by the series) ------------------------ */

/*
 * UTRACE_DO_STOP_COEXIST: utrace_do_stop() (15/31): "if
 * (task_is_stopped_or_traced(target)) { spin_lock_irq(&target->sighand->siglock);
 * if (likely(task_is_stopped_or_traced(target))) target->state |=
 * TASK_UTRACED; spin_unlock_irq(...); } else if (utrace->resume >
 * UTRACE_REPORT) ..."  stopped: the lockless test (it selects the branch).
 * BUG_C23: before 15/31 only "task_is_stopped(target)" (no job control here:
 * never), and the caller's "return task_is_traced(target)" (TASK_IS_UTRACED).
 */
inline coexist_do_stop(stopped)
{
#ifndef BUG_C23
	atomic { stopped = ((tstate & (__TASK_STOPPED | __TASK_TRACED)) != 0) }
#else
	atomic { stopped = ((tstate & __TASK_STOPPED) != 0) }
#endif
	if
	:: stopped ->
		spin_lock(siglock);
		d_step {
			if
#ifndef BUG_C23
			:: tstate & (__TASK_STOPPED | __TASK_TRACED) -> tstate = tstate | __TASK_UTRACED
#else
			:: tstate & __TASK_STOPPED -> tstate = tstate | __TASK_UTRACED
#endif
			:: else
			fi;
			printf("@%d utrace_do_stop:add UTRACED state=%d\n", _pid, tstate)
		}
		spin_unlock(siglock)
	:: else
	fi
}

/*
 * UTRACE_RESET_SYSCALL_HOOK: utrace_reset(), ulock held: "if
 * (task->exit_state) { ... } else if (!(flags & UTRACE_EVENT_SYSCALL) &&
 * !(task->ptrace & PT_SYSCALL_TRACE) && test_tsk_thread_flag(task,
 * TIF_SYSCALL_TRACE)) clear_tsk_thread_flag(task, TIF_SYSCALL_TRACE);"
 * (23/31; BUG_C27: without the PT_SYSCALL_TRACE test)
 */
#ifndef BUG_C27
#define PT_KEEPS_SYSCALL pt_syscall
#else
#define PT_KEEPS_SYSCALL 0
#endif
inline utrace_reset_syscall()
{
	d_step {
		if
		:: exit_state == EXIT_ALIVE && !(rs_flags & EV_SYSENTRY) && !PT_KEEPS_SYSCALL && tif_st ->
			tif_st = 0; printf("@%d utrace_reset:clear TIF_SYSCALL_TRACE\n", _pid)
		:: else
		fi
	}
}

/* UTRACE_SET_EVENTS_SYSCALL_HOOK: utrace_set_events(), ulock held: "if ((events
 * & UTRACE_EVENT_SYSCALL) && !(old_utrace_flags & UTRACE_EVENT_SYSCALL))
 * set_tsk_thread_flag(target, TIF_SYSCALL_TRACE);" */
inline utrace_set_events_syscall(events)
{
	if
	:: (events) & EV_SYSENTRY -> d_step { tif_st = 1; printf("@%d utrace_set_events:TIF_SYSCALL_TRACE\n", _pid) }
	:: else
	fi
}

#include "ptrace_coexist_jobctl.pml"	/* job control: SIGSTOP/SIGCONT, group-stop trap, C29 */

/* ---- the tracee side: ptrace_stop() and its callers ------------------------ */

/*
 * utrace_end_stop() (16/31), right after ptrace_stop()'s schedule(): "if
 * (task_utrace_flags(current)) utrace_finish_stop();" -> "if
 * (unlikely(__fatal_signal_pending(current))) spin_unlock_wait(&utrace->lock);"
 * One blocking step (the two loads of T's own fields ride on the wait).
 * BUG_C26: missing (C26).
 */
inline utrace_end_stop()
{
#ifndef BUG_C26
	atomic { (uflags == 0 || !fatal || ulock == NOBODY) ->
		 g_kwake = 0; g_kwoke = 0; printf("@%d utrace_end_stop\n", _pid) }
#else
	skip
#endif
}

/* schedule() in TASK_TRACED/TASK_UTRACED: blocks until woken; with a fatal
 * signal pending (TASK_WAKEKILL) it does not sleep: "if
 * (signal_pending_state(prev->state, prev)) prev->state = TASK_RUNNING" */
#define PT_SCHEDULE() \
	atomic { (tstate == TASK_RUNNING || fatal) -> \
		if \
		:: tstate != TASK_RUNNING ->	/* did not sleep: as a SIGKILL wakeup */ \
			g_kwake = ((tstate & __TASK_UTRACED) != 0); g_kwoke = (ulock != NOBODY); \
			tstate = TASK_RUNNING \
		:: else \
		fi; \
		printf("@%d ptrace_stop:schedule woken\n", _pid) }

/*
 * ptrace_stop(exit_code, why, clear_code, info), entered and left with
 * siglock held (kernel/signal.c, 3.1 with 11/31, 16/31, 18/31 and the step
 * patch): "set_current_state(TASK_TRACED); current->exit_code = exit_code;
 * ... spin_unlock_irq(&current->sighand->siglock); read_lock(&tasklist_lock);
 * if (may_ptrace_stop()) { do_notify_parent_cldstop(current, true, why); ...
 * read_unlock(&tasklist_lock); schedule(); } else { spin_lock_irq(siglock);
 * wake_up_quiescent(current, __TASK_TRACED); spin_unlock_irq(siglock); if
 * (clear_code) current->exit_code = 0; read_unlock(&tasklist_lock);
 * schedule(); /* 18/31 * / } utrace_end_stop(); if (current->ptrace &
 * PT_SINGLE_BLOCK) ... else if (current->ptrace & PT_SINGLE_STEP)
 * user_enable_single_step(current); else { user_disable_single_step(current);
 * if (task_utrace_flags(current)) set_thread_flag(TIF_NOTIFY_RESUME); } ...
 * spin_lock_irq(&current->sighand->siglock); ... recalc_sigpending_tsk(current);"
 * may_ptrace_stop(): current->ptrace (core dumps are not modelled).
 * Job control (3.1): "if (why == CLD_STOPPED && (current->jobctl &
 * JOBCTL_STOP_PENDING)) gstop_done = task_participate_group_stop(current);
 * /* any trap clears pending STOP trap * / task_clear_jobctl_pending(current,
 * JOBCTL_TRAP_STOP);" (gs: why == CLD_STOPPED, the group-stop trap of
 * do_jobctl_trap(); CX_PARTICIPATE in ptrace_coexist_jobctl.pml)
 */
inline ptrace_stop(code, clear_code, gs)
{
	d_step {	/* siglock held */
		if
		:: (gs) && jstop_pending -> CX_PARTICIPATE()
		:: else
		fi;
		jtrap_stop = 0;
		tstate = tstate | __TASK_TRACED; exit_code = code;
		g_hold_pt = 1; pstop_oncpu = 1; g_ptstop = 1; g_in_pstop = 1;	/* NOTIFY: to be reported (wait may see it from now) */
		printf("@%d ptrace_stop:TASK_TRACED code=%d\n", _pid, code)
	}
	spin_unlock(siglock);
	if
	:: atomic { ptracer != 0 -> pstop_oncpu = 0; CX_TRAP_NOTIFIED(); printf("@%d ptrace_stop:may_ptrace_stop notify\n", _pid) }
		PT_SCHEDULE()
	:: atomic { ptracer == 0 -> printf("@%d ptrace_stop:tracer gone\n", _pid) }
		spin_lock(siglock);
		d_step {
			WAKE_UP_QUIESCENT(__TASK_TRACED);
			pstop_oncpu = 0; g_ptstop = 0;
			if
			:: clear_code -> exit_code = EC_NONE
			:: else
			fi;
			printf("@%d ptrace_stop:abort wake_up_quiescent state=%d\n", _pid, tstate)
		}
		spin_unlock(siglock);
#ifndef BUG_C25
		PT_SCHEDULE()	/* 18/31: "we need to block in this case" */
#endif
	fi;
	utrace_end_stop();
	/* T's first step after the stop: S16 (it never runs with a stop bit
	 * left, unless SIGKILLed) and S17 (SIGKILL did not let it run inside a
	 * controller's critical section under utrace->lock) */
	atomic {
		CHECK(S16, (tstate & STATE_QUIESCENT) == 0 || fatal);
		CHECK(S17, !g_kwoke || ulock == NOBODY || uflags == 0);
		g_kwoke = 0; g_kwake = 0; g_hold_pt = 0; g_in_pstop = 0;
		t_pst = pt_step	/* current->ptrace & PT_SINGLE_STEP */
	}
#ifndef BUG_C28
	d_step {	/* "user_enable_single_step(current)" / "user_disable_single_step(current);
			 * if (task_utrace_flags(current)) set_thread_flag(TIF_NOTIFY_RESUME);" */
		if
		:: t_pst -> tif_ss = 1; g_pt_applied = 1
		:: else ->
			tif_ss = 0; g_pt_applied = 0;
			if
			:: uflags != 0 -> tif_nr = 1	/* engines re-assert their stepping */
			:: else
			fi
		fi;
		t_pst = 0;
		printf("@%d ptrace_stop:step state %d\n", _pid, tif_ss)
	}
#else
	t_pst = 0;
#endif
	spin_lock(siglock);
	d_step { sig_q = (sigpend != 0); tif_sp = (sig_q || fatal || resume == UTRACE_INTERRUPT || CX_JOBCTL_PENDING) }	/* recalc_sigpending_tsk(): "(t->jobctl & JOBCTL_PENDING_MASK) || PENDING(...)" */
}

/* send_sig(sig, current, 1) / force_sig_info(): queue for T (caller: T) */
inline t_send_sig(sig)
{
	spin_lock(siglock);
	d_step { sigpend = sigpend | (sig); sig_q = 1; tif_sp = 1; printf("@%d send_sig %d to self\n", _pid, sig) }
	spin_unlock(siglock)
}

/*
 * ptrace_report_syscall(regs) from tracehook_report_syscall_entry() (22/31):
 * "int ptrace = current->ptrace; if (!(ptrace & PT_SYSCALL_TRACE)) return;
 * ptrace_notify(SIGTRAP | ...); if (current->exit_code) {
 * send_sig(current->exit_code, current, 1); current->exit_code = 0; }"
 * ptrace_notify(): "spin_lock_irq(siglock); ptrace_stop(exit_code,
 * CLD_TRAPPED, 1, &info); spin_unlock_irq(siglock);"
 * BUG_C27: "if (!(ptrace & PT_PTRACED)) return;" (before 22/31).
 * S18: a ptrace syscall stop only if the tracer asked PTRACE_SYSCALL.
 */
#ifndef BUG_C27
#define PT_REPORTS_SYSCALL pt_syscall
#else
#define PT_REPORTS_SYSCALL (ptracer != 0)
#endif
inline ptrace_report_syscall()
{
	if
	:: atomic { PT_REPORTS_SYSCALL -> CHECK(S18, g_sys_asked) }
		spin_lock(siglock);
		ptrace_stop(EC_SYSCALL, 1, 0);
		spin_unlock(siglock);
		if
		:: atomic { exit_code != EC_NONE -> t_deliver = exit_code; exit_code = EC_NONE }
			t_send_sig(t_deliver); t_deliver = 0
		:: else
		fi
	:: else
	fi
}

/*
 * ptrace_signal(signr, info, regs, cookie), siglock held: "if
 * (!current->ptrace) return signr; ... ptrace_stop(signr, CLD_TRAPPED, 0,
 * info); signr = current->exit_code; if (signr == 0) return signr;
 * current->exit_code = 0; ... return signr;"  (the caller tested ->ptrace)
 */
inline ptrace_signal()
{
	ptrace_stop(t_deliver, 0, 0);
	d_step { t_deliver = exit_code; exit_code = EC_NONE; printf("@%d ptrace_signal: signr=%d\n", _pid, t_deliver) }
}

/*
 * get_signal_to_deliver() (19/31, 3.1 jobctl): "for (;;) { signr =
 * utrace_hook_signal(current, regs, info, return_ka); if (unlikely(signr <
 * 0)) goto relock; if (unlikely(signr != 0)) ka = return_ka; else { if
 * (unlikely(current->jobctl & JOBCTL_STOP_PENDING) && do_signal_stop(0))
 * goto relock; if (unlikely(current->jobctl & JOBCTL_TRAP_MASK)) {
 * do_jobctl_trap(); spin_unlock_irq(&sighand->siglock); goto relock; } signr
 * = dequeue_signal(current, &current->blocked, info); ... } if (!signr)
 * break; if (signr != SIGKILL) { signr = ptrace_signal(signr, info, regs,
 * cookie); if (!signr) continue; ... } ... if (sig_kernel_stop(signr)) { ...
 * if (likely(do_signal_stop(info->si_signo))) { /* It released the siglock. * /
 * goto relock; } continue; } ... deliver }"
 * "roughly, ptrace acts as if it is the last attached engine".  SIGKILL
 * first (do_group_exit).  utrace_get_signal() returns with siglock released;
 * its hooks record the path (t_path: 0 returned 0, 1 returned -1, 2 returned
 * the signal t_deliver).  Delivery: SIGUSR1 runs its handler, SIGTRAP is
 * discarded (its core dump is not modelled), SIGCONT is ignored (its work
 * was done by prepare_signal()), SIGSTOP is do_signal_stop(SIGSTOP).  One
 * round of the model is one iteration of the loop: "relock" and "continue"
 * are the caller's next round (exit_to_user(): TIF_SIGPENDING stays set while
 * a signal or JOBCTL_PENDING_MASK is pending).  dequeue_signal(): "if
 * (sig_kernel_stop(signr)) current->jobctl |= JOBCTL_STOP_DEQUEUED;".
 */
inline get_signal_to_deliver()
{
	d_step { g_kwake = 0; g_kwoke = 0 }
	spin_lock(siglock);
	if
	:: fatal -> spin_unlock(siglock); t_exiting = 1	/* do_group_exit(SIGKILL) */
	:: else ->
		d_step { t_path = 0; t_sig = 0; t_deliver = 0; t_js = JS_NONE }
		if
		:: uflags != 0 -> utrace_get_signal()	/* utrace_hook_signal() first */
		:: else -> spin_unlock(siglock)
		fi;
		spin_lock(siglock);
		d_step {	/* utrace returned 0: job control, then dequeue_signal() */
			if
			:: t_path == 0 && jstop_pending -> CX_DO_SIGNAL_STOP(0)
			:: else
			fi;
			if
			:: t_path == 0 && t_js == JS_NONE && jtrap_stop -> t_js = JS_TRAP
			:: t_path == 0 && t_js == JS_NONE && !jtrap_stop && sigpend != 0 ->
				t_deliver = LOWEST_SIG(sigpend); sigpend = sigpend & ~t_deliver;
				stop_dequeued = stop_dequeued || (t_deliver == SIG_STOP)
			:: else
			fi
		}
		if
		:: t_js == JS_TRAP -> do_jobctl_trap()
		:: t_js == JS_NONE && t_deliver != 0 && ptracer != 0 -> ptrace_signal()	/* ptrace_signal() last */
		:: else
		fi;
		d_step {	/* siglock held: deliver, recalc_sigpending() */
			if
			:: t_deliver != 0 && !fatal ->
				g_owed = g_owed & ~t_deliver;
				if
				:: t_deliver == SIG_USR -> g_nusr++
				:: t_deliver == SIG_STOP -> CX_DO_SIGNAL_STOP(SIG_STOP)
				:: else
				fi;
				printf("@%d get_signal_to_deliver: deliver %d\n", _pid, t_deliver)
			:: else
			fi;
			sig_q = (sigpend != 0);
			tif_sp = (sig_q || fatal || resume == UTRACE_INTERRUPT || CX_JOBCTL_PENDING);
			t_path = 0; t_sig = 0; t_deliver = 0
		}
		spin_unlock(siglock);
		if
		:: t_js == JS_SLEEP -> cx_gstop_sleep()
		:: else
		fi
	fi
}

/* kill(T, sig) from a third process S: send_signal() + signal_wake_up(t, 0)
 * (an ordinary signal does not wake a stopped task) */
inline s_kill_sig(sig)
{
	spin_lock(siglock);
	d_step {
		if
		:: exit_state == EXIT_ALIVE -> sigpend = sigpend | (sig); sig_q = 1; tif_sp = 1
		:: else
		fi;
		printf("@%d kill %d\n", _pid, sig)
	}
	spin_unlock(siglock)
}

/* kill(T, SIGKILL): complete_signal() ends job control (group exit), then
 * "signal_wake_up(t, 1)": TASK_WAKEKILL wakes every stop
 * state (the only wakeup that still uses it, 12/31).  g_kwake (S5): woken from
 * a utrace stop; g_kwoke (S17): woken from a stop while a controller holds
 * utrace->lock */
inline s_kill_sigkill()
{
	spin_lock(siglock);
	d_step {
		if
		:: exit_state == EXIT_ALIVE ->
			fatal = 1; tif_sp = 1;
			/* complete_signal(): "signal->flags = SIGNAL_GROUP_EXIT; ...
			 * signal->group_stop_count = 0; ... task_clear_jobctl_pending(t,
			 * JOBCTL_PENDING_MASK);" */
			jstop_pending = 0; jconsume = 0; jtrap_stop = 0; stop_dequeued = 0;
			gstop = 0; gcont = 0; g_hold_js = 0;
			if
			:: tstate != TASK_RUNNING ->
				g_kwake = ((tstate & __TASK_UTRACED) != 0);
				g_kwoke = (ulock != NOBODY);
				tstate = TASK_RUNNING
			:: else
			fi
		:: else
		fi;
		printf("@%d SIGKILL\n", _pid)
	}
	spin_unlock(siglock)
}

/* ---- the tracer side (kernel/ptrace.c) ------------------------------------ */

/*
 * The tracer's wait (do_wait -> wait_task_stopped(ptrace=1)): "if
 * (task_is_stopped_or_traced(p)) ... exit_code = *p_code; if (!exit_code)
 * goto unlock_sig; if (!(wo->wo_flags & WNOWAIT)) *p_code = 0;" (siglock) or
 * T has exited.  Sleeping here for ever is legitimate (end label).
 * NOTIFY: a stop is reported only once and only if T entered it.
 */
#define CX_WAIT_STOP(me) \
	((tstate & __TASK_TRACED) && exit_code != EC_NONE && ptracer == (me) && siglock == NOBODY)
#define CX_WAIT_COND(me) \
	(CX_WAIT_STOP(me) || CX_WAIT_CONT(me) || exit_state != EXIT_ALIVE)
#define CX_WAIT_TAKE(me) \
	if \
	:: exit_state != EXIT_ALIVE -> w = W_EXITED \
	:: else -> \
		if \
		:: CX_WAIT_STOP(me) -> \
			w = W_STOP; CHECK(NOTIFY, g_ptstop == 1); g_ptstop = 2; wcode = exit_code; exit_code = EC_NONE; unans = 1; \
			if \
			:: wcode == EC_GSTOP -> CX_TAKE_GSTOP() \
			:: else \
			fi \
		:: else -> CX_TAKE_CONT() \
		fi \
	fi; \
	printf("@%d ptrace_wait: %d code %d\n", _pid, w, wcode)

/* ptrace_check_attach(child, 0): "if (child->ptrace && child->parent ==
 * current) { spin_lock_irq(siglock); if (task_is_traced(child) &&
 * !sigkill_pending(child)) ret = 0; ... } if (!ret && !ignore_state) { if
 * (!wait_task_inactive(child, TASK_TRACED)) ret = -ESRCH; }"
 * wait_task_inactive() (06/19: "state & match_state"): waits while T is still
 * on its CPU in ptrace_stop() before its may_ptrace_stop() decision
 * (pstop_oncpu); a T that left TASK_TRACED meanwhile gives -ESRCH */
inline ptrace_check_attach(me)
{
	atomic { siglock == NOBODY -> chk = (((tstate & __TASK_TRACED) && !fatal && ptracer == (me)) -> E_OK : ESRCH) }
	if
	:: chk == E_OK ->
		atomic { !pstop_oncpu -> chk = ((tstate & __TASK_TRACED) -> E_OK : ESRCH) }
	:: else
	fi
}

/* task_utrace_lock(task) (24/31): T has a struct utrace here (E is
 * attached), so "spin_lock(&utrace->lock)" */
#define task_utrace_lock() spin_lock(ulock)
#define task_utrace_unlock() spin_unlock(ulock)

/*
 * ptrace_set_syscall_trace(p, on) (21/31, 22/31, 17/19): "task_utrace_lock(p);
 * if (on) { p->ptrace |= PT_SYSCALL_TRACE; set_tsk_thread_flag(p,
 * TIF_SYSCALL_TRACE); } else { p->ptrace &= ~PT_SYSCALL_TRACE; if
 * (!(task_utrace_flags(p) & UTRACE_EVENT_SYSCALL))
 * clear_tsk_thread_flag(p, TIF_SYSCALL_TRACE); } task_utrace_unlock(p);"
 * BUG_C27 (before 21-23/31): "if (request == PTRACE_SYSCALL)
 * set_tsk_thread_flag(child, TIF_SYSCALL_TRACE); else
 * clear_tsk_thread_flag(child, TIF_SYSCALL_TRACE);" (no lock, no
 * PT_SYSCALL_TRACE).  g_sys_asked: S18's record of what the tracer asked.
 */
inline ptrace_set_syscall_trace(on)
{
#ifndef BUG_C27
	task_utrace_lock();
	if
	:: on ->
		d_step { pt_syscall = 1; g_sys_asked = 1 }
		d_step { tif_st = 1; printf("@%d ptrace_set_syscall_trace:on\n", _pid) }
	:: else ->
		d_step { pt_syscall = 0; g_sys_asked = 0 }
		d_step {
			if
			:: !(uflags & EV_SYSENTRY) -> tif_st = 0
			:: else
			fi;
			printf("@%d ptrace_set_syscall_trace:off tif=%d\n", _pid, tif_st)
		}
	fi;
	task_utrace_unlock()
#else
	d_step { g_pt_sys_busy = 1; g_sys_asked = (on) }
	d_step { tif_st = (on); g_pt_sys_busy = 0; printf("@%d ptrace_resume:TIF_SYSCALL_TRACE=%d (C27)\n", _pid, tif_st) }
#endif
}

/* L5: the tracer hands a signal back (data) or cancels the stop's (wcode) */
#define PT_OWED_ANSWER(data) \
	if \
	:: wcode != EC_SYSCALL && unans -> g_owed = g_owed & ~wcode \
	:: else \
	fi; \
	g_owed = g_owed | (data); unans = 0

/*
 * ptrace_resume(child, request, data) (3.1 with 11/31, 21/31, the step
 * patches): "ptrace_set_syscall_trace(child, request == PTRACE_SYSCALL);
 * child->ptrace &= ~(PT_SINGLE_STEP | PT_SINGLE_BLOCK); if
 * (is_singlestep(request)) child->ptrace |= PT_SINGLE_STEP;
 * child->exit_code = data; if (lock_task_sighand(child, &flags)) {
 * wake_up_quiescent(child, __TASK_TRACED); unlock_task_sighand(...); }"
 * BUG_C28: "user_enable_single_step(child)" / "user_disable_single_step(child)"
 * here, by the tracer, on a T that may also be UTRACED.
 */
inline ptrace_resume(req, data)
{
	ptrace_set_syscall_trace(req == R_SYSCALL);
	d_step {
		pt_step = (req == R_STEP); exit_code = (data);
		PT_OWED_ANSWER(data);
		printf("@%d ptrace_resume req=%d data=%d\n", _pid, req, data)
	}
#ifdef BUG_C28
	d_step { tif_ss = (req == R_STEP); g_pt_applied = (req == R_STEP); printf("@%d ptrace_resume:user_*_step (C28)\n", _pid) }
#endif
	spin_lock(siglock);
	d_step { WAKE_UP_QUIESCENT(__TASK_TRACED); printf("@%d ptrace_resume:wake_up_quiescent state=%d\n", _pid, tstate) }
	spin_unlock(siglock)
}

/*
 * __ptrace_unlink(child) under write_lock_irq(&tasklist_lock) (one step with
 * its siglock section: T's may_ptrace_stop() reads under read_lock):
 * "child->ptrace = 0; ... spin_lock(&child->sighand->siglock); ... if
 * (child->jobctl & JOBCTL_STOP_PENDING || task_is_traced(child))
 * ptrace_signal_wake_up(child, task_is_traced(child)); spin_unlock(...)"
 * (job control: CX_UNLINK_JOBCTL, ptrace_coexist_jobctl.pml)
 */
inline __ptrace_unlink()
{
	atomic { siglock == NOBODY ->
		ptracer = 0; pt_syscall = 0; pt_step = 0; g_sys_asked = 0;
		CX_UNLINK_JOBCTL();
		if
		:: jstop_pending || (tstate & __TASK_TRACED) -> PTRACE_SIGNAL_WAKE_UP(1)
		:: else
		fi;
		g_departed = 1;
		printf("@%d __ptrace_unlink state=%d\n", _pid, tstate)
	}
}

/*
 * ptrace_detach(child, data): "ptrace_disable(child);
 * ptrace_set_syscall_trace(child, false); write_lock_irq(&tasklist_lock); if
 * (child->ptrace) { child->exit_code = data; dead = __ptrace_detach(current,
 * child); } ..."  ptrace_disable() (x86, 18/19 and "ptrace_disable: no need
 * to disable stepping"): "child->ptrace &= ~(PT_SINGLE_STEP | PT_SINGLE_BLOCK);"
 * BUG_C28: ptrace_disable() also does user_disable_single_step(child).
 */
inline ptrace_detach(data)
{
	d_step { pt_step = 0; printf("@%d ptrace_disable\n", _pid) }
#ifdef BUG_C28
	d_step { tif_ss = 0; g_pt_applied = 0 }
#endif
	ptrace_set_syscall_trace(0);
	d_step { exit_code = (data); PT_OWED_ANSWER(data) }
	__ptrace_unlink()
}

/* exit_ptrace(tracer) -> __ptrace_detach() -> __ptrace_unlink() (no
 * ptrace_disable(): a T still single-stepping keeps TIF_SINGLESTEP, upstream
 * behaviour: g_step_orphan exempts that step from S10).  A stop the tracer
 * waited for and did not answer loses its signal (exit_code is 0). */
inline exit_ptrace(me)
{
	if
	:: atomic { ptracer == (me) -> 
		if
		:: unans && wcode != EC_SYSCALL -> g_owed = g_owed & ~wcode
		:: else
		fi;
		unans = 0;
		g_step_orphan = (pt_step && !(tstate & __TASK_TRACED)) }
		__ptrace_unlink()
	:: else
	fi
}

#endif /* PTRACE_COEXIST_PML */
