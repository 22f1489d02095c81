/*
 * model/driver_lib.pml - building blocks of the drivers: one inline per
 * tracee event point and per controller use of the API.  utrace.pml builds
 * its nondeterministic drivers from them; a scenario (model/scenarios/)
 * builds a fixed script from them.  This file is meant to be #include'd
 * after utrace_core.pml.
 *
 * Tracee inlines run in the tracee proctype (declare T_LOCALS; RESET_LOCALS)
 * and do nothing once T is exiting (t_exiting: SIGKILL seen, or exit()).
 * Controller inlines run in controller proctype me (declare CTL_LOCALS and
 * byte ret, r2, ev).
 */
#ifndef DRIVER_LIB_PML
#define DRIVER_LIB_PML

/* ---- tracee event points ------------------------------------------------ */

/* a system call entry: tracehook_report_syscall_entry() -> utrace (via
 * TIF_SYSCALL_TRACE, set while any engine has syscall events) */
inline t_syscall_entry()
{
	if
	:: !t_exiting ->
		if
		:: uflags & EV_SYSENTRY -> utrace_report_syscall_entry()
		:: else
		fi;
		exit_to_user()
	:: else
	fi
}

/* execve(): tracehook_report_exec() -> utrace_report_exec() if
 * UTRACE_FLAG(current, EXEC), then the return to user mode */
inline t_exec()
{
	if
	:: !t_exiting ->
		if
		:: uflags & EV_EXEC -> utrace_report_exec()
		:: else
		fi;
		exit_to_user()
	:: else
	fi
}

/* an ordinary signal is queued for T (by T itself, e.g. raise()); it is
 * dequeued on the way back to user mode (utrace_get_signal) */
inline t_signal()
{
	if
	:: !t_exiting ->
		spin_lock(siglock);
		d_step { sig_q = 1; tif_sp = 1 }
		spin_unlock(siglock);
		exit_to_user()
	:: else
	fi
}

/* pause(): TASK_INTERRUPTIBLE until a signal (SIGKILL, or an INTERRUPT's
 * signal_wake_up) wakes T; TIF_NOTIFY_RESUME does not.  Sleeping here for
 * ever is legitimate (end label).  Use once per proctype. */
inline t_pause()
{
	if
	:: !t_exiting ->
		spin_lock(siglock);
		d_step {
			if
			:: !tif_sp -> tstate = TASK_INTERRUPTIBLE
			:: else
			fi
		}
		spin_unlock(siglock);
end_pause:	atomic { tstate == TASK_RUNNING -> printf("@%d pause: woken\n", _pid) }
		exit_to_user()
	:: else
	fi
}

/* T runs in user mode until it exits (if may_exit, or when SIGKILLed):
 * interrupts bring it back for TIF_SIGPENDING / TIF_NOTIFY_RESUME work.
 * Idling here for ever is legitimate (end label), but not with a
 * marked-detached engine left on the list once every controller is done
 * (L2).  Then do_exit(): exit_notify(), utrace_report_death().  Use once. */
inline t_user_then_exit(may_exit)
{
	if
	:: may_exit && !t_exiting -> t_exiting = 1	/* exit() */
	:: true
	fi;
end_user:
	do
	:: t_exiting -> break
	:: !t_exiting && (tif_nr || tif_sp) -> exit_to_user()
	:: !t_exiting && !tif_nr && !tif_sp && g_done == NENGINES && DETACHED_LEFT ->
		CHECK(L2, false)	/* L2: that engine is never collected */
	:: !t_exiting && !tif_nr && !tif_sp && INT_OWED ->
		CHECK(L4, false)	/* L4: back in user mode, nothing pending, but a
					 * callback's UTRACE_INTERRUPT was never answered
					 * by report_signal (C14) */
	od;
	do_exit()
}

/* ---- controller uses of the API ---------------------------------------- */

/* engine data: the controller may free it only as docs/protocol.md section 6 says */
inline free_engine_data(e)
{
	d_step { CHECK(S4, g_data[e] == DATA_ALIVE); g_data[e] = DATA_FREED;
		 printf("@%d engine data freed E%d\n", _pid, e) }
}

/* attach engine me and set its events (ev, chosen by the caller); ret != 0
 * if the attach failed.  With PREATTACH both happen in one step, before T's
 * first event (a configuration restriction, see params.pml). */
inline c_setup(me, events)
{
#if PREATTACH
	atomic {
		ref[me] = 2; eops[me] = OPS_LIVE; g_data[me] = DATA_ALIVE;
		onlist[me] = L_ATTACHED; epos[me] = nattach; nattach++;
		eflags[me] = events; uflags = uflags | (events) | EV_REAP;
		g_setup++; ret = E_OK;
		printf("@%d preattached E%d events=%d\n", _pid, me, events)
	}
#else
	/* utrace_attach_task(T, UTRACE_ATTACH_CREATE | UTRACE_ATTACH_EXCLUSIVE |
	 * UTRACE_ATTACH_MATCH_OPS, &my_ops, my_data) */
	utrace_attach_create(me, 1, ret);
	if
	:: ret == E_OK -> utrace_set_events(me, events, ret)
	:: else
	fi
#endif
}

/* the documented detach protocol (docs/protocol.md section 6), in its
 * careful form: DETACH, then utrace_barrier() whatever DETACH said (legal
 * after 0 too), free the data after DETACH's 0 or the barrier's 0/-ESRCH;
 * never after -EALREADY: the engine's report_death cleans up; then drop the
 * caller's reference */
inline c_detach(e)
{
	utrace_control(e, UTRACE_DETACH, NORET, ret);
	if
	:: ret == E_OK || ret == EINPROGRESS || ret == ESRCH ->
		utrace_barrier(e, r2);
		if
		:: ret == E_OK || r2 == E_OK || r2 == ESRCH -> free_engine_data(e)
		:: else
		fi
	:: ret == EALREADY ->
#ifdef BUG_C6
		/* C6: the contract misused - barrier after -EALREADY, then free */
		utrace_barrier(e, r2);
		if
		:: r2 == E_OK -> free_engine_data(e)
		:: else
		fi
#else
		d_step { handover[e] = 1 }	/* engine data: report_death cleans up */
#endif
	:: else
	fi;
	utrace_engine_put(e)
}

/* resume and leave the engine attached: first make sure no callback still
 * acts on an old wish (Roland, seed 001: "call utrace_barrier followed by
 * utrace_control(,,UTRACE_RESUME)") */
inline c_resume_idle(e)
{
	cwant[e] = UTRACE_RESUME;
	utrace_barrier(e, r2);
	utrace_control(e, UTRACE_RESUME, NORET, ret)
}

/* UTRACE_INTERRUPT and, if the engine has QUIESCE, wait for the
 * report_signal it guarantees (L4: a lost interrupt blocks here for ever).
 * An engine that will wait must first make sure no callback still acts on
 * an older wish (barrier, then control). */
inline c_interrupt_wait(e, has_quiesce)
{
	d_step { cwant[e] = UTRACE_INTERRUPT; got_sig[e] = 0 }
	utrace_barrier(e, r2);
	utrace_control(e, UTRACE_INTERRUPT, NORET, ret);
	if
	:: ret == E_OK && has_quiesce ->
		atomic { (got_sig[e] || eops[e] != OPS_LIVE || exit_state != EXIT_ALIVE || fatal) ->
			 printf("@%d wait_interrupt: done\n", _pid) }
	:: else
	fi;
	cwant[e] = UTRACE_RESUME
}

/* utrace_attach_task() lookup (no CREATE), then drop the extra reference */
inline c_lookup(e)
{
	utrace_attach_lookup(e, ret);
	if
	:: ret == E_OK -> utrace_engine_put(e)
	:: else
	fi
}

/* the controller is done (for the L2 check) */
inline c_done()
{
	d_step { g_done++; ret = 0; r2 = 0 }
}

#endif /* DRIVER_LIB_PML */
