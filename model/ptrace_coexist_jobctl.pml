/*
 * model/ptrace_coexist_jobctl.pml - job control (group stop, SIGSTOP/SIGCONT)
 * in the -DPTRACE_COEXIST design: the 3.1 signal code after Tejun's jobctl
 * rework, with the utrace-3.1 series applied (seed 003: 09/31, 11/31, 16/31,
 * 19/31, 20/31; digest ../shared/docs/utrace-ground-truth.md 3.2, 3.3, 4.C
 * C29; seed 002 for L6).  One inline or macro per kernel function.  Included
 * by ptrace_coexist.pml before ptrace_stop() (which uses CX_PARTICIPATE).
 *
 * T is single-threaded and PTRACE_ATTACHed (not seized: no PTRACE_EVENT_STOP,
 * INTERRUPT, LISTEN, TRAP_NOTIFY).  State (ptrace_state.pml):
 *   jstop_pending  T->jobctl & JOBCTL_STOP_PENDING
 *   jconsume       T->jobctl & JOBCTL_STOP_CONSUME; with one thread this is
 *                  also signal->group_stop_count != 0 (declared in
 *                  ptrace_coexist_model.pml: the core's hooks read it)
 *   jtrap_stop     T->jobctl & JOBCTL_TRAP_STOP
 *   stop_dequeued  T->jobctl & JOBCTL_STOP_DEQUEUED
 *   gstop, gcont   signal->flags & SIGNAL_STOP_STOPPED / SIGNAL_STOP_CONTINUED
 * 3.1 task_clear_jobctl_pending(): "if (mask & JOBCTL_STOP_PENDING) mask |=
 * JOBCTL_STOP_CONSUME | JOBCTL_STOP_DEQUEUED;".
 *
 * A ptraced T never sleeps in TASK_STOPPED: do_signal_stop() schedules
 * JOBCTL_TRAP_STOP and do_jobctl_trap() enters ptrace_stop(CLD_STOPPED)
 * (TASK_TRACED), where T participates in the group stop; the tracer's wait
 * reports it (WSTOPSIG SIGSTOP, EC_GSTOP here).  An untraced T sleeps in
 * TASK_STOPPED until SIGCONT (or SIGKILL); a legitimate end.
 */
#ifndef PTRACE_COEXIST_JOBCTL_PML
#define PTRACE_COEXIST_JOBCTL_PML

bit g_cx_gseen;	/* witness: the tracer's wait reported a group-stop trap with the group stop in effect */
bit g_cx_kept;	/* witness: T sleeps in TASK_STOPPED after its tracer detached from the group stop */
bit g_cx_wcont;	/* witness: the tracer's wait reported WIFCONTINUED for a group stop it saw (L6 discharged) */

/* t_js: what this round of get_signal_to_deliver() does for job control */
#define JS_NONE  0
#define JS_TRAP  1	/* do_jobctl_trap() */
#define JS_SLEEP 2	/* do_signal_stop() sleeps in TASK_STOPPED */

/* recalc_sigpending_tsk(): "if ((t->jobctl & JOBCTL_PENDING_MASK) || ...)" */
#define CX_JOBCTL_PENDING (jstop_pending || jtrap_stop)

/*
 * task_participate_group_stop(task), siglock held: "bool consume =
 * task->jobctl & JOBCTL_STOP_CONSUME; task_clear_jobctl_pending(task,
 * JOBCTL_STOP_PENDING); if (!consume) return false; if
 * (!WARN_ON_ONCE(sig->group_stop_count == 0)) sig->group_stop_count--; if
 * (!sig->group_stop_count && !(sig->flags & SIGNAL_STOP_STOPPED)) {
 * sig->flags = SIGNAL_STOP_STOPPED; return true; } return false;"
 * (the CLD_STOPPED notification of the real parent is not modelled)
 */
#define CX_PARTICIPATE() \
	jstop_pending = 0; stop_dequeued = 0; \
	if \
	:: jconsume -> jconsume = 0; \
		if \
		:: !gstop -> gstop = 1; gcont = 0; printf("@%d task_participate_group_stop: SIGNAL_STOP_STOPPED\n", _pid) \
		:: else \
		fi \
	:: else \
	fi

/*
 * do_signal_stop(signr), siglock held, the decision part (3.1): "if
 * (!(current->jobctl & JOBCTL_STOP_PENDING)) { if (!likely(current->jobctl &
 * JOBCTL_STOP_DEQUEUED) || unlikely(signal_group_exit(sig))) return 0; ...
 * sig->group_stop_count = 0; if (task_set_jobctl_pending(current, signr |
 * gstop)) sig->group_stop_count++; ... } if (likely(!current->ptrace)) {
 * int notify = 0; if (task_participate_group_stop(current)) notify =
 * CLD_STOPPED; __set_current_state(TASK_STOPPED);
 * spin_unlock_irq(&current->sighand->siglock); ... schedule(); ...
 * return 1; } else { task_set_jobctl_pending(current, JOBCTL_TRAP_STOP);
 * return 0; }"  signr: SIG_STOP when a dequeued SIGSTOP is delivered, 0 from
 * the loop's "if (unlikely(current->jobctl & JOBCTL_STOP_PENDING) &&
 * do_signal_stop(0))".  The sleep is CX_GSTOP_SLEEP, at the end of the round.
 * g_hold_js (S16): a group stop only SIGCONT (or SIGKILL) ends.
 */
#define CX_DO_SIGNAL_STOP(signr) \
	if \
	:: !jstop_pending && (signr) != 0 && stop_dequeued && !fatal -> \
		jstop_pending = 1; jconsume = 1	/* initiate: group_stop_count = 1 */ \
	:: else \
	fi; \
	if \
	:: jstop_pending && ptracer == 0 -> \
		CX_PARTICIPATE(); \
		tstate = tstate | __TASK_STOPPED; g_hold_js = 1; t_js = JS_SLEEP; \
		g_cx_kept = (g_departed != 0); \
		printf("@%d do_signal_stop: TASK_STOPPED\n", _pid) \
	:: jstop_pending && ptracer != 0 -> \
		jtrap_stop = 1; printf("@%d do_signal_stop: JOBCTL_TRAP_STOP (ptraced)\n", _pid) \
	:: else \
	fi

/* do_signal_stop()'s "schedule();" (siglock released) until SIGCONT or
 * SIGKILL wakes T, then utrace_end_stop() (16/31: "after every wakeup in
 * do_signal_stop"), "return 1" -> goto relock (TIF_SIGPENDING: next round) */
inline cx_gstop_sleep()
{
	skip;
end_gstop:
	atomic { tstate == TASK_RUNNING ->
		g_hold_js = 0; g_cx_kept = 0;
		printf("@%d do_signal_stop: woken\n", _pid) }
	utrace_end_stop();
	d_step { tif_sp = 1; t_js = JS_NONE }
}

/*
 * do_jobctl_trap() (non-seized), siglock held: "int signr = current->jobctl
 * & JOBCTL_STOP_SIGMASK; ... ptrace_stop(signr, CLD_STOPPED, 0, NULL);
 * current->exit_code = 0;"  The tracer's data is discarded.
 */
inline do_jobctl_trap()
{
	ptrace_stop(EC_GSTOP, 0, 1);
	d_step { exit_code = EC_NONE; t_js = JS_NONE }
}

/* ---- kill(2) of SIGSTOP and SIGCONT from S ---------------------------------- */

/* kill(T, SIGSTOP): prepare_signal(): "if (sig_kernel_stop(sig)) { ...
 * rm_from_queue(sigmask(SIGCONT), &t->pending); }", queued,
 * signal_wake_up(t, 0) (wakes no stopped task) */
inline cx_kill_sigstop()
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
 * kill(T, SIGCONT): prepare_signal() (3.1 with 11/31): "rm_from_queue(
 * SIG_KERNEL_STOP_MASK, ...); task_clear_jobctl_pending(t,
 * JOBCTL_STOP_PENDING); rm_from_queue(SIG_KERNEL_STOP_MASK, &t->pending); if
 * (likely(!(t->ptrace & PT_SEIZED))) wake_up_quiescent(t, __TASK_STOPPED);
 * ... why = 0; if (signal->flags & SIGNAL_STOP_STOPPED) why |=
 * SIGNAL_CLD_CONTINUED; else if (signal->group_stop_count) why |=
 * SIGNAL_CLD_STOPPED; if (why) { signal->flags = why | SIGNAL_STOP_CONTINUED;
 * signal->group_stop_count = 0; ... }"  wake_up_quiescent(__TASK_STOPPED)
 * wakes neither TASK_TRACED nor TASK_UTRACED (S16).  Then SIGCONT is queued
 * unless ignored: sig_ignored() "return !t->ptrace && !UTRACE_FLAG(t,
 * SIGNAL_IGN);" (05/31; E's EV_SIGNAL stands for SIGNAL_ALL).
 * L6: a group stop the tracer saw is ended by SIGCONT: the cont is owed.
 */
inline cx_kill_sigcont()
{
	spin_lock(siglock);
	d_step {
		if
		:: exit_state == EXIT_ALIVE ->
			sigpend = sigpend & ~SIG_STOP;
			jstop_pending = 0; stop_dequeued = 0;	/* task_clear_jobctl_pending(STOP_PENDING) */
			g_hold_js = 0;
			WAKE_UP_QUIESCENT(__TASK_STOPPED);
			if
			:: gstop ->	/* CLD_CONTINUED */
				gstop = 0; gcont = 1; jconsume = 0;
				g_cont_owed = g_saw_gstop; g_saw_gstop = 0
			:: !gstop && jconsume ->	/* CLD_STOPPED: the stop had not completed */
				gcont = 1; jconsume = 0
			:: else
			fi;
			if
			:: ptracer != 0 || (uflags & EV_SIGNAL) -> sigpend = sigpend | SIG_CONT; sig_q = 1; tif_sp = 1
			:: else
			fi
		:: else
		fi;
		printf("@%d kill SIGCONT state=%d\n", _pid, tstate)
	}
	spin_unlock(siglock)
}

/* ---- the tracer's wait (3.1 wait_consider_task, ptrace == 1) ----------------- */

/*
 * "ret = wait_task_stopped(wo, ptrace, p); if (ret) return ret; /* ... There's
 * only one continued state and the ptracer can consume it ... * / return
 * wait_task_continued(wo, p);"  wait_task_stopped(ptrace=1) reports a
 * TASK_TRACED p with a nonzero exit_code (CX_WAIT_COND in
 * ptrace_coexist.pml); wait_task_continued(): "if (!(p->signal->flags &
 * SIGNAL_STOP_CONTINUED)) return 0; ... p->signal->flags &=
 * ~SIGNAL_STOP_CONTINUED;" (the tracer waits with WCONTINUED).
 */
#define CX_WAIT_CONT(me) \
	(ptracer == (me) && gcont && exit_state == EXIT_ALIVE && siglock == NOBODY && \
	 !((tstate & __TASK_TRACED) && exit_code != EC_NONE))
/* L6 ghosts when the wait reports the group-stop trap: seen if the group stop
 * is in effect; if SIGCONT came before T participated ("We act as if SIGCONT
 * is received after TASK_TRACED is entered"), the cont is owed at once */
#define CX_TAKE_GSTOP() \
	g_saw_gstop = gstop; g_cont_owed = (!gstop && gcont); g_cx_gseen = g_cx_gseen || gstop
#define CX_TAKE_CONT() \
	w = W_CONT; gcont = 0; g_cx_wcont = g_cx_wcont || g_cont_owed; g_cont_owed = 0; printf("@%d ptrace_wait: WIFCONTINUED\n", _pid)

/* BUG_C32 (seed 002, Tejun's reading, as in ptrace_jobctl.pml): one wait
 * state per child, the notification of a new trap (ptrace_stop()'s
 * do_notify_parent_cldstop()) replaces an unconsumed CONTINUED state */
#ifdef BUG_C32
#define CX_TRAP_NOTIFIED() gcont = 0
#else
#define CX_TRAP_NOTIFIED() skip
#endif

/* ---- __ptrace_unlink()'s job-control part (3.1), siglock held ---------------- */

/*
 * "task_clear_jobctl_pending(child, JOBCTL_TRAP_MASK); ... if
 * (!(child->flags & PF_EXITING) && (child->signal->flags &
 * SIGNAL_STOP_STOPPED || child->signal->group_stop_count))
 * child->jobctl |= JOBCTL_STOP_PENDING; if (child->jobctl &
 * JOBCTL_STOP_PENDING || task_is_traced(child)) ptrace_signal_wake_up(child,
 * true);"  The current-kernel half of the generation split: a T detached in
 * its group-stop trap re-enters the group stop (TASK_STOPPED) until SIGCONT.
 * L6: the tracer gives T up, no cont is owed to it.
 */
#define CX_UNLINK_JOBCTL() \
	jtrap_stop = 0; \
	if \
	:: exit_state == EXIT_ALIVE && (gstop || jconsume) -> jstop_pending = 1 \
	:: else \
	fi; \
	g_saw_gstop = 0; g_cont_owed = 0

/* ---- C29 (20/31 and 09/31) ------------------------------------------------- */

/*
 * The core's UTRACE_JOBCTL_PENDING (utrace_get_signal(): "} else if
 * (!(task->utrace_flags & UTRACE_EVENT_SIGNAL_ALL) || unlikely(task->jobctl
 * & JOBCTL_PENDING_MASK)) { ... return 0;" 20/31): job control first, the
 * caller takes the stop or the trap.  BUG_C29: "& JOBCTL_STOP_PENDING" (09/31
 * before 20/31): a scheduled JOBCTL_TRAP_STOP (SIGCONT cleared STOP_PENDING)
 * does not keep utrace from dequeuing and reporting the next signal first.
 * Defined in ptrace_coexist_model.pml (before the core).
 */

#endif /* PTRACE_COEXIST_JOBCTL_PML */
