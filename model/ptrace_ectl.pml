/*
 * model/ptrace_ectl.pml - the other utrace engine E and its controller CE
 * in the design where ptrace is a utrace engine (WITH_E=1; E is engine slot
 * E_ENG = NPT, after the ptrace slots).  Included twice by ptrace.pml:
 * with PT_ECTL_HOOKS defined before the utrace core (the core hook), then
 * without it after the tracer processes (CE's proctype, so that T keeps
 * pid 0).  E is attached before T runs (E_PREATTACH=1 only), with E_EV
 * events; its callbacks are the core's ordinary engine callbacks (they
 * return what CE last asked for: cwant).
 *
 * V2010 utrace_do_stop() (utrace.c of the ptrace-utrace era): "if
 * (task_is_stopped(target)) { /* Stopped is considered quiescent; when it
 * wakes up, it will go through utrace_finish_stop() before doing anything
 * else. * / spin_lock_irq(&target->sighand->siglock); if
 * (likely(task_is_stopped(target))) __set_task_state(target, TASK_TRACED);
 * spin_unlock_irq(...); } else if (utrace->resume > UTRACE_REPORT) {...}
 * return task_is_traced(target);"  Modelled through the core's
 * UTRACE_DO_STOP_COEXIST hook: a group-stopped T becomes STOPPED|UTRACED
 * (ptrace_jobctl.pml: the STOPPED bit mirrors SIGNAL_STOP_STOPPED while
 * utrace holds T).  Only with WITH_E: without E the only other callers are
 * ptrace's own DETACH (conversion then immediate reset: no net effect) and
 * ptrace_check_attach, which ptrace_jobctl.pml models directly.
 */
#ifdef PT_ECTL_HOOKS
#ifndef PTRACE_ECTL_HOOKS_PML
#define PTRACE_ECTL_HOOKS_PML
#if WITH_E
#ifdef PTRACE_COEXIST
#error "ptrace_ectl.pml is the engine design's E"
#endif
#if E_PREATTACH != 1
#error "WITH_E in the engine design: E_PREATTACH=1 only"
#endif
#define UTRACE_DO_STOP_COEXIST(stopped) v2010_do_stop_stopped(stopped)

/* utrace_do_stop()'s V2010 first branch (ulock held): stopped = 1 iff T was
 * group-stopped and is now TASK_TRACED */
inline v2010_do_stop_stopped(stopped)
{
	spin_lock(siglock);
	d_step {
		stopped = (tstate == __TASK_STOPPED);
		if
		:: stopped -> tstate = tstate | __TASK_UTRACED; printf("@%d utrace_do_stop: TASK_STOPPED -> TASK_TRACED\n", _pid)
		:: else
		fi
	}
	spin_unlock(siglock)
}

/* E's events: QUIESCE|SIGNAL|REAP (+ SYSCALL_ENTRY with E_SYSCALL) */
#define E_EV_ENG (EV_QUIESCE | EV_SIGNAL | EV_REAP | (E_SYSCALL -> EV_SYSENTRY : 0))
/* E attached before T runs (in T's first step): utrace_attach_task +
 * utrace_set_events, CE holds a reference */
#define PT_E_PREATTACH() \
	ref[E_ENG] = 2; eops[E_ENG] = OPS_LIVE; g_data[E_ENG] = DATA_ALIVE; \
	onlist[E_ENG] = L_ATTACHED; epos[E_ENG] = nattach; nattach++; \
	eflags[E_ENG] = E_EV_ENG; uflags = uflags | E_EV_ENG; g_setup = 1
#else
#define PT_E_PREATTACH() skip
#endif
#endif
#else /* the inline and CE's proctype */
#ifndef PTRACE_ECTL_PML
#define PTRACE_ECTL_PML
#if WITH_E

/* CE: E_BUDGET calls from E_MENU (M_STOP, M_RESUME, M_STEP, M_BARRIER),
 * then detach (docs/protocol.md section 6) or resume and stay (E_FINALE) */
active proctype ectl()
{
	CTL_LOCALS;
	byte ret, r2, k;

	g_npre > 0;
	k = 0;
	do
	:: k >= E_BUDGET -> break
	:: k < E_BUDGET ->
		k++;
		if
		:: (E_MENU & M_STOP) -> utrace_control(E_ENG, UTRACE_STOP, UTRACE_STOP, ret)
		:: (E_MENU & M_RESUME) -> utrace_control(E_ENG, UTRACE_RESUME, UTRACE_RESUME, ret)
		:: (E_MENU & M_STEP) -> utrace_control(E_ENG, UTRACE_SINGLESTEP, UTRACE_SINGLESTEP, ret)
		:: (E_MENU & M_BARRIER) -> utrace_barrier(E_ENG, ret)
		fi
	od;
	skip;	/* (break may not jump into a d_step) */
	if
	:: (E_FINALE & 1) -> c_detach(E_ENG)
	:: (E_FINALE & 2) -> c_resume_idle(E_ENG)
	fi;
	d_step { k = 0 }
	c_done()
}

#endif
#endif
#endif
