/*
 * model/ptrace_jobctl.pml - job control (group stop) for ptrace.pml in the
 * design where ptrace is a utrace engine (ptrace-utrace 2010 over the
 * 2.6.3x signal code; digest ../shared/docs/utrace-ground-truth.md 3.1,
 * 3.3, 4.D C32; seed 002).  One inline per kernel function.  Included by
 * ptrace.pml after utrace_core.pml (it uses the core's inlines) and before
 * ptrace_engine.pml (whose wait and ptrace_wake_up use the macros below).
 *
 * T is single-threaded, so do_signal_stop() initiates and completes the
 * group stop in one siglock section (group_stop_count never outlives it).
 * State (ptrace_state.pml): gstop = SIGNAL_STOP_STOPPED, gcont =
 * SIGNAL_STOP_CONTINUED (the CONTINUED wait state), stop_dequeued =
 * SIGNAL_STOP_DEQUEUED; T sleeps in the group stop in __TASK_STOPPED.
 *
 * V2010 utrace_wakeup(): "if (target->signal->flags & SIGNAL_STOP_STOPPED ||
 * target->signal->group_stop_count) target->state = TASK_STOPPED; else
 * wake_up_state(target, __TASK_TRACED);".  The model keeps the core's
 * 3.1-style wakeup (clear __TASK_UTRACED, wake iff no other stop bit is
 * left) and keeps, while T is utrace-stopped, the __TASK_STOPPED bit equal to
 * SIGNAL_STOP_STOPPED: both give the same outcome.  A group-stopped T becomes
 * utrace-stopped only through ptrace_check_attach() (utrace_do_stop(): "if
 * (task_is_stopped(target)) ... __set_task_state(target, TASK_TRACED)").
 *
 * L6 (seed 002, Denys Vlasenko: "if tracer did see group stop, it MUST see
 * cont (or kill) - cont should never be missed. But it's ok to miss whole
 * pairs of stop+cont"), ghost state: g_saw_gstop (the tracer's wait reported
 * the group stop in effect), g_cont_owed (that stop was ended by SIGCONT and
 * the tracer has not seen the CONTINUED state yet).  A cont is owed only
 * for a stop the tracer saw; it is discharged by the tracer's WIFCONTINUED,
 * by a new group stop it sees (a cont+stop pair coalesced), by T's death,
 * or by the tracer giving T up (detach, exit).  Checked when nothing can
 * move any more (PT_FINAL_CHECKS, from ptmon): a tracer blocked in its wait
 * for ever while a cont is owed has missed it.
 */
#ifndef PTRACE_JOBCTL_PML
#define PTRACE_JOBCTL_PML

bit g_wcont;	/* witness: the tracer's wait reported WIFCONTINUED after a group stop it saw */

/* ---- T: kernel/signal.c ------------------------------------------------- */

/*
 * do_signal_stop(signr), siglock held (released on return), single thread,
 * 2.6.3x: "if (!sig->group_stop_count) { if (!likely(sig->flags &
 * SIGNAL_STOP_DEQUEUED) || unlikely(signal_group_exit(sig))) return 0;
 * sig->group_exit_code = signr; sig->group_stop_count = 1; ... }
 * notify = sig->group_stop_count == 1 ? CLD_STOPPED : 0; notify =
 * tracehook_notify_jctl(notify, CLD_STOPPED); if (sig->group_stop_count) {
 * if (!--sig->group_stop_count) sig->flags = SIGNAL_STOP_STOPPED;
 * current->exit_code = sig->group_exit_code; __set_current_state(TASK_STOPPED);
 * } spin_unlock_irq(&current->sighand->siglock); if (notify) {
 * do_notify_parent_cldstop(current, notify); } do { schedule(); } while
 * (try_to_freeze()); tracehook_finish_jctl(); current->exit_code = 0;
 * return 1;"  ("sig->flags = SIGNAL_STOP_STOPPED" also clears a pending
 * SIGNAL_STOP_CONTINUED.)  The CLD_STOPPED notification goes to the tracer
 * when ptraced (tracehook_notify_jctl: "task_ptrace(current) ? why"); the
 * model's wait is a condition on the state, so it needs no message.
 * BUG_KILLSTOP: the signal_group_exit() test is missing: a SIGKILL that came
 * while utrace_get_signal() had dropped siglock has already done its wakeup,
 * and T sleeps in the group stop for ever (KILL).
 * After the wakeup T goes back to "relock" (TIF_SIGPENDING set here: one more
 * round of get_signal_to_deliver(), which is where CLD_CONTINUED would be
 * sent, SIGNAL_CLD_MASK).
 */
inline do_signal_stop()
{
	d_step {	/* siglock held */
#ifndef BUG_KILLSTOP
		t_deliver = (stop_dequeued && !fatal -> SIG_STOP : 0);
#else
		t_deliver = (stop_dequeued -> SIG_STOP : 0);
#endif
		if
		:: t_deliver != 0 ->
			gstop = 1; gcont = 0;	/* sig->flags = SIGNAL_STOP_STOPPED */
			exit_code = EC_GSTOP;	/* current->exit_code = sig->group_exit_code */
			tstate = __TASK_STOPPED;
			printf("@%d do_signal_stop: group stop, TASK_STOPPED\n", _pid)
		:: else -> printf("@%d do_signal_stop: no stop (SIGCONT or SIGKILL came first)\n", _pid)
		fi
	}
	spin_unlock(siglock);
	if
	:: t_deliver != 0 ->
		/* schedule() until SIGCONT, SIGKILL or (utrace era) a ptrace resume /
		 * detach wakes T; sleeping here for ever is a legitimate end */
end_gstop:	atomic { tstate == TASK_RUNNING -> printf("@%d do_signal_stop: woken\n", _pid) }
		utrace_finish_stop();	/* tracehook_finish_jctl() -> utrace_finish_jctl() (takes utrace->lock) */
		d_step { exit_code = EC_NONE; tif_sp = 1; t_deliver = 0 }	/* current->exit_code = 0; goto relock */
	:: else
	fi
}

/* ---- S: kill(2) of SIGSTOP and SIGCONT ------------------------------------ */

/* kill(T, SIGSTOP): prepare_signal(): "if (sig_kernel_stop(sig)) { ...
 * rm_from_queue(sigmask(SIGCONT), ...) }", then queued; signal_wake_up(t, 0)
 * does not wake a stopped task */
inline s_kill_sigstop()
{
	spin_lock(siglock);
	d_step {
		if
		:: exit_state == EXIT_ALIVE && !fatal ->
			sigpend = (sigpend & ~SIG_CONT) | SIG_STOP; sig_q = 1; tif_sp = 1
		:: else
		fi;
		printf("@%d kill SIGSTOP\n", _pid)
	}
	spin_unlock(siglock)
}

/*
 * kill(T, SIGCONT): prepare_signal(): "rm_from_queue(SIG_KERNEL_STOP_MASK,
 * ...); ... wake_up_state(t, __TASK_STOPPED); ... why = 0; if
 * (signal->flags & SIGNAL_STOP_STOPPED) why |= SIGNAL_CLD_CONTINUED; else if
 * (signal->group_stop_count) ...; if (why) { signal->flags = why |
 * SIGNAL_STOP_CONTINUED; ... } else { signal->flags &= ~SIGNAL_STOP_DEQUEUED; }"
 * A utrace-stopped T (TASK_TRACED) is not woken, but its stop no longer
 * ends in the group stop (V2010 utrace_wakeup reads SIGNAL_STOP_STOPPED:
 * the __TASK_STOPPED bit is cleared).  Then SIGCONT is queued: for a traced
 * task it is not ignored ("Tracers may want to know about even ignored
 * signals": the engine has UTRACE_EVENT(SIGNAL_IGN), EV_SIGNAL here), so the
 * tracer sees a SIGCONT signal stop; otherwise it is dropped.
 */
inline s_kill_sigcont()
{
	spin_lock(siglock);
	d_step {
		if
		:: exit_state == EXIT_ALIVE ->
			sigpend = sigpend & ~SIG_STOP;
			if
			:: tstate & __TASK_STOPPED ->
				tstate = tstate & ~__TASK_STOPPED;
				if
				:: (tstate & STATE_QUIESCENT) == 0 -> tstate = TASK_RUNNING
				:: else
				fi
			:: else
			fi;
			if
			:: gstop ->
				gstop = 0; gcont = 1;
				/* L6: a group stop the tracer saw is ended by SIGCONT */
				g_cont_owed = g_saw_gstop; g_saw_gstop = 0
			:: else -> stop_dequeued = 0
			fi;
			if
			:: uflags & EV_SIGNAL -> sigpend = sigpend | SIG_CONT; sig_q = 1; tif_sp = 1
			:: else
			fi
		:: else
		fi;
		printf("@%d kill SIGCONT\n", _pid)
	}
	spin_unlock(siglock)
}

/* ---- the tracer: kernel/ptrace-utrace.c ------------------------------------- */

/*
 * ptrace_check_attach(child, 0) on a tracee the tracer's wait reported
 * group-stopped: "if (!task_is_stopped_or_traced(child)) goto out; if
 * (!utrace_control(child, engine, UTRACE_STOP) && !utrace_prepare_examine(...))
 * ret = 0;" with utrace_do_stop() (V2010): "if (task_is_stopped(target)) {
 * spin_lock_irq(&target->sighand->siglock); if (likely(task_is_stopped(target)))
 * __set_task_state(target, TASK_TRACED); ...}".  Result ret: E_OK (T is now
 * utrace-stopped, held by the ptrace engine's ENGINE_STOP) or ESRCH (SIGCONT
 * or SIGKILL woke T first: the request fails and the tracer waits again).
 * Simplification: the test and the conversion are one step (the window in
 * which utrace_control(STOP) returns -EINPROGRESS after a SIGCONT is not
 * modelled).  For the other stops (ptrace traps) check_attach is not
 * modelled (PTRACE.md, Limits): only SIGKILL can end them behind the tracer.
 */
inline ptrace_check_attach_gstop(e)
{
	spin_lock(ulock);	/* get_utrace_lock() */
	spin_lock(siglock);
	d_step {
		if
		:: tstate == __TASK_STOPPED && ptracer != 0 ->
			tstate = __TASK_STOPPED | __TASK_UTRACED; ret = E_OK
		:: else -> ret = ESRCH
		fi;
		printf("@%d ptrace_check_attach (group stop): ret=%d\n", _pid, ret)
	}
	spin_unlock(siglock);
	if
	:: ret == E_OK -> mark_engine_wants_stop(e)
	:: else
	fi;
	spin_unlock(ulock)
}

/*
 * ptrace_wake_up(tracee, engine, action, force_wakeup), first part: "if
 * (force_wakeup) { /* Preserve the compatibility bug. Historically ptrace
 * wakes up the tracee even if it should not. Clear SIGNAL_STOP_STOPPED for
 * utrace_wakeup(). * / if (lock_task_sighand(tracee, &flags)) {
 * tracee->signal->flags &= ~SIGNAL_STOP_STOPPED; ...} }"  (explicit:
 * PTRACE_CONT/SYSCALL/SINGLESTEP/DETACH; not the implicit detach of
 * exit_ptrace.)  This is the utrace-era half of the generation split: an
 * explicit request, PTRACE_DETACH included, ends the group stop.
 */
inline ptrace_wake_up_jctl(explicit)
{
	if
	:: (explicit) && gstop ->	/* unlocked pre-test: T is stopped (or dying), gstop cannot become 1 now */
		spin_lock(siglock);
		d_step {
			if
			:: gstop ->
				gstop = 0; g_saw_gstop = 0;	/* L6: the tracer ended the stop itself */
				if
				:: tstate & __TASK_UTRACED -> tstate = tstate & ~__TASK_STOPPED
				:: else
				fi;
				printf("@%d ptrace_wake_up: clear SIGNAL_STOP_STOPPED\n", _pid)
			:: else
			fi
		}
		spin_unlock(siglock)
	:: else
	fi
}

/* ---- the tracer's wait: do_wait -> wait_consider_task(ptrace=1) --------------- */

/*
 * 2.6.3x: "if (task_stopped_code(p, ptrace)) return wait_task_stopped(wo,
 * ptrace, p); return wait_task_continued(wo, p);"  task_stopped_code(p, 1):
 * "if (task_is_stopped_or_traced(p)) return &p->exit_code;"
 * wait_task_stopped(): "exit_code = p->exit_code; if (!exit_code) goto
 * unlock_sig; ... p->exit_code = 0;"  wait_task_continued() (the tracer
 * waits with WCONTINUED): "if (!(p->signal->flags & SIGNAL_STOP_CONTINUED))
 * return 0; ... p->signal->flags &= ~SIGNAL_STOP_CONTINUED;"
 * So the CONTINUED state is visible only while T is neither stopped nor
 * traced, and it stays until consumed or overwritten by the next group stop.
 */
#define JCTL_STOPPED_OR_TRACED ((tstate & (__TASK_UTRACED | __TASK_STOPPED)) != 0)
#define JCTL_WAIT_CONT(me) \
	(ptracer == (me) && gcont && !JCTL_STOPPED_OR_TRACED && exit_state == EXIT_ALIVE)
/* the report of a stop whose exit_code the wait consumed (wcode): a group
 * stop is not a ptrace stop (not NOTIFY's) */
#define JCTL_TAKE_GSTOP() \
	g_saw_gstop = 1; g_cont_owed = 0	/* L6: seen (a cont+stop pair may have been coalesced) */
#define JCTL_TAKE_CONT() \
	w = W_CONT; gcont = 0; g_wcont = g_wcont | g_cont_owed; g_cont_owed = 0
/* the tracer gives T up (detach, exit) or T is gone: no cont owed to it */
#define JCTL_FORGET() g_saw_gstop = 0; g_cont_owed = 0

/* BUG_C32 (Tejun's scenario in seed 002, "wait states don't queue"): the
 * child has one wait state; the notification of a new trap replaces an
 * unconsumed CONTINUED state (SIGCONT woke T, T trapped for another reason
 * before the tracer's wait: the continue is lost).  Used in
 * ptrace_notify_stop. */
#ifdef BUG_C32
#define JCTL_TRAP_NOTIFIED() gcont = 0
#else
#define JCTL_TRAP_NOTIFIED() skip
#endif

/*
 * The checks made when nothing can move any more (ptmon, `timeout`):
 * KILL: a SIGKILLed tracee always exits, whatever tracers and engines want;
 * L6: no cont owed to a tracer (it is blocked in its wait for ever).
 */
#define PT_FINAL_CHECKS() \
	CHECK(KILL, !fatal || exit_state != EXIT_ALIVE); \
	CHECK(L6, !g_cont_owed || exit_state != EXIT_ALIVE)

#endif /* PTRACE_JOBCTL_PML */
