/*
 * model/ptrace_engine.pml - ptrace as a utrace engine: kernel/ptrace-utrace.c
 * of the 2010 ptrace-utrace design (RHEL6 lineage; digest
 * ../shared/docs/utrace-ground-truth.md section 3.1).  One inline per kernel
 * function, named after it.  Included by ptrace.pml (default configuration)
 * after utrace_core.pml; the hooks it plugs into the core are #defined in
 * ptrace.pml before utrace_core.pml.
 *
 * Tracee-side inlines run in T's proctype and use its locals (T_LOCALS plus
 * PT_T_LOCALS); tracer-side inlines run in a tracer proctype (CTL_LOCALS plus
 * PT_P_LOCALS).
 *
 * Step rule as in the core (kernel.pml): one racy access per step.  The
 * ptrace_context fields are written by the tracer only while T is stopped in
 * a ptrace stop (ptrace_check_attach), except ctx->resume, which the implicit
 * detach (exit_ptrace) and the engine reuse (ptrace_attach) write while T may
 * run: ctx->resume accesses are steps of their own.
 */
#ifndef PTRACE_ENGINE_PML
#define PTRACE_ENGINE_PML

#define PT_T_LOCALS byte gl_ops, c_reset, c_old, t_sig, t_deliver, t_pres, t_ret, t_path, t_pe, t_ph; bit t_ev
#define PT_P_LOCALS byte w, wcode, k, pr_sig, pd_act, pt_e, pr_req

/* the ptrace engine slot that is live (at most one is: a fresh slot-1 engine
 * is attached only when the slot-0 engine could not be reused) */
#if NPT > 1
#define PT_LIVE_SLOT (MATCHES(0) -> 0 : 1)
#else
#define PT_LIVE_SLOT 0
#endif

/* ---- tracee side: the callbacks (ptrace_utrace_ops) ----------------------- */

/*
 * The body of a ptrace callback before its return (ENGINE_BODY hook).
 * ptrace_report_signal(): "enum utrace_resume_action resume = ctx->resume;"
 * (one racy load: exit_ptrace and ptrace_reuse_engine store it while T runs)
 * and, for a real signal with no event pending and resume != UTRACE_DETACH:
 * "ctx->siginfo = info; utrace_control(current, engine, UTRACE_INTERRUPT);"
 * (so that a UTRACE_SIGNAL_REPORT pass consumes siginfo after the stop).
 * The other callbacks load ctx->resume the same way (ptrace_report_quiesce
 * returns it).
 */
inline ptrace_callback_body(e, kind)
{
	atomic { t_pres = ctx_resume[e]; printf("@%d ptrace_report:resume E%d=%d\n", _pid, e, t_pres) }
	if
	:: kind == CB_SIGNAL && t_sig != 0 && ctx_stop[e] == PE_NONE && t_pres != UTRACE_DETACH ->
		d_step { ctx_siginfo[e] = 1; printf("@%d ptrace_report_signal:siginfo E%d sig=%d\n", _pid, e, t_sig) }
		utrace_control(e, UTRACE_INTERRUPT, NORET, t_ret)
	:: else
	fi
}

/*
 * The return step of a ptrace callback (ENGINE_DECIDE hook; runs inside the
 * core's atomic return step of engine_callback_return, ctx fields other than
 * resume are T's or frozen while T runs).
 *   ptrace_report_quiesce(): "if (ptrace_event_pending(ctx)) return
 *     UTRACE_STOP; return event ? UTRACE_RESUME : ctx->resume;"
 *   ptrace_report_syscall_entry(): "set_stop_code(ctx, PTRACE_EVENT_SYSCALL);
 *     return UTRACE_STOP;"
 *   ptrace_report_signal(): event pending -> "return action | UTRACE_STOP"
 *     (a UTRACE_SIGNAL_REPORT pass); UTRACE_SIGNAL_REPORT: "if
 *     (!ctx->siginfo) return resume | UTRACE_SIGNAL_IGN; ... ctx->siginfo =
 *     NULL; return resume | resume_signal(ctx, return_ka);" (delivers
 *     ctx->signr); a real signal: "if (resume == UTRACE_DETACH) return
 *     action;" (delivered as it is) else "ctx->signr = info->si_signo;
 *     ctx->stop_code = (PTRACE_EVENT_SIGNAL << 8) | ctx->signr; return
 *     UTRACE_STOP | UTRACE_SIGNAL_IGN;"
 *   other callbacks (death's quiesce): UTRACE_RESUME.
 * t_deliver is the signal disposition of the pass (the signal to deliver).
 */
inline ptrace_decide(e, kind, ret)
{
	if
	:: kind == CB_QUIESCE ->
		if
		:: ctx_stop[e] != PE_NONE -> ret = UTRACE_STOP
		:: else -> ret = (t_ev -> UTRACE_RESUME : t_pres)
		fi
	:: kind == CB_SYSENTRY -> ctx_stop[e] = PE_SYSCALL; ret = UTRACE_STOP
	:: kind == CB_SIGNAL ->
		if
		:: ctx_stop[e] != PE_NONE -> ret = UTRACE_STOP
		:: ctx_stop[e] == PE_NONE && t_sig == 0 ->	/* UTRACE_SIGNAL_REPORT */
			if
			:: ctx_siginfo[e] -> t_deliver = ctx_signr[e]; ctx_siginfo[e] = 0; ctx_signr[e] = 0
			:: else
			fi;
			ret = t_pres
		:: ctx_stop[e] == PE_NONE && t_sig != 0 && t_pres == UTRACE_DETACH ->
			ret = UTRACE_RESUME	/* "return action": not reported, delivered */
		:: ctx_stop[e] == PE_NONE && t_sig != 0 && t_pres != UTRACE_DETACH ->
			ctx_signr[e] = t_sig; ctx_stop[e] = PE_SIGNAL;
			t_deliver = 0;			/* UTRACE_SIGNAL_IGN */
			g_owed = g_owed | t_sig;	/* L5: swallowed for the tracer */
			ret = UTRACE_STOP
		fi
	:: else -> ret = UTRACE_RESUME
	fi;
	/* S2: ptrace_report_signal never stops T once the tracer is detaching */
	CHECK(S2, !(kind == CB_SIGNAL && ret == UTRACE_STOP && t_pres == UTRACE_DETACH));
	t_pres = 0
}

/*
 * ptrace_notify_stop(tracee), called by utrace_stop() after TASK_TRACED is
 * set and every lock dropped (UTRACE_STOP_NOTIFY_HOOK): "engine =
 * ptrace_lookup_engine(tracee); ... tracee->exit_code = ctx->stop_code &
 * PTRACE_EVENT_MASK; ... read_lock(&tasklist_lock); if (tracee->ptrace)
 * do_notify_parent_cldstop(tracee, CLD_TRAPPED); read_unlock(...);
 * utrace_engine_put(engine);"  BUG_C20: the put is missing (engine leak).
 */
inline ptrace_notify_stop()
{
	atomic { t_pe = PT_LIVE_SLOT }
	utrace_attach_lookup(t_pe, t_ret);	/* ptrace_lookup_engine() */
	if
	:: t_ret == E_OK ->
		d_step {	/* exit_code and the CLD_TRAPPED notification: siglock /
				 * tasklist_lock, the waiter reads both under them */
			exit_code = (ctx_stop[t_pe] == PE_SIGNAL -> ctx_signr[t_pe] :
				    (ctx_stop[t_pe] == PE_SYSCALL -> EC_SYSCALL : EC_NONE));
			/* NOTIFY: this stop is to be reported (CLD_TRAPPED only if
			 * ptraced; a tracer that links later still finds it by wait) */
			g_ptstop = (exit_code != EC_NONE -> 1 : 0);
			JCTL_TRAP_NOTIFIED();	/* BUG_C32 only (ptrace_jobctl.pml) */
			printf("@%d ptrace_notify_stop: exit_code=%d tracer=%d\n", _pid, exit_code, ptracer)
		}
#ifndef BUG_C20
		utrace_engine_put(t_pe)
#endif
	:: else
	fi;
	d_step { t_pe = 0; t_ret = 0 }
}

/* ---- tracer side ------------------------------------------------------------ */

/*
 * The tracer's wait (do_wait -> wait_task_stopped(ptrace=1)): blocks until
 * its tracee is TASK_TRACED or TASK_STOPPED (group stop) with a nonzero
 * exit_code (consumed: "exit_code = 0"), or runs with the CONTINUED state
 * set (WCONTINUED, ptrace_jobctl.pml), or has exited.  Sleeping here for
 * ever is legitimate (end label at the caller).  NOTIFY: a ptrace stop is
 * reported only once and only if notified.
 */
#define PTRACE_WAIT_COND(me) \
	((JCTL_STOPPED_OR_TRACED && exit_code != EC_NONE && ptracer == (me)) || JCTL_WAIT_CONT(me) || exit_state != EXIT_ALIVE)
#define PTRACE_WAIT_TAKE(me) \
	if \
	:: exit_state != EXIT_ALIVE -> w = W_EXITED; JCTL_FORGET() \
	:: else -> \
		if \
		:: JCTL_STOPPED_OR_TRACED && exit_code != EC_NONE -> \
			w = W_STOP; wcode = exit_code; exit_code = EC_NONE; \
			if \
			:: wcode == EC_GSTOP -> JCTL_TAKE_GSTOP() \
			:: else -> CHECK(NOTIFY, g_ptstop == 1); g_ptstop = 2 \
			fi \
		:: else -> JCTL_TAKE_CONT() \
		fi \
	fi; \
	printf("@%d ptrace_wait: %d code %d\n", _pid, w, wcode)

/* send_sig_info(sig, SEND_SIG_PRIV, tracee): queue, signal_wake_up(t, 0)
 * (does not wake a stopped task) */
inline pt_send_sig(sig)
{
	spin_lock(siglock);
	d_step { sigpend = sigpend | (sig); sig_q = 1; tif_sp = 1; g_owed = g_owed | (sig);
		 printf("@%d send_sig %d\n", _pid, sig) }
	spin_unlock(siglock)
}

/*
 * ptrace_wake_up(tracee, engine, action, explicit): "if (action !=
 * UTRACE_REPORT) ptrace_context(engine)->stop_code = 0; ...
 * utrace_control(tracee, engine, action);"  The SIGNAL_STOP_STOPPED part for
 * explicit requests: ptrace_wake_up_jctl() (ptrace_jobctl.pml).
 */
inline ptrace_wake_up(e, action, explicit)
{
	ptrace_wake_up_jctl(explicit);	/* SIGNAL_STOP_STOPPED (ptrace_jobctl.pml) */
	if
	:: (action) != UTRACE_REPORT -> d_step { ctx_stop[e] = PE_NONE; printf("@%d ptrace_wake_up:stop_code E%d\n", _pid, e) }
	:: else
	fi;
	utrace_control(e, action, NORET, ret)
}

/*
 * ptrace_resume(child, request, data) for PTRACE_CONT / PTRACE_SYSCALL /
 * PTRACE_SINGLESTEP on a tracee our wait reported stopped (ptrace_check_attach
 * is not modelled: T is stopped unless SIGKILL woke it, and then every call
 * below is harmless).  "ptrace_set_events(...)" (syscall bits per request);
 * the pending event: "case PTRACE_EVENT_SYSCALL: if (data)
 * send_sig_info(data, ...); case PTRACE_EVENT_SIGNAL: ctx->signr = data;";
 * "ctx->resume = action; ptrace_wake_up(child, engine, action, true);"
 * withsig: data is the stop's signal (signal stop) or SIGUSR1 (syscall stop).
 */
inline ptrace_resume(e, action, sysc, withsig)
{
	utrace_set_events(e, PT_EVENTS | ((sysc) -> EV_SYSENTRY : 0), ret);
	d_step {	/* T is stopped: the context is the tracer's */
		pr_sig = 0;
		if
		:: ctx_stop[e] == PE_SIGNAL ->
			if
			:: withsig -> skip	/* ctx->signr = data (the same signal) */
			:: else -> g_owed = g_owed & ~ctx_signr[e]; ctx_signr[e] = 0	/* cancelled by the tracer */
			fi
		:: ctx_stop[e] == PE_SYSCALL && (withsig) -> pr_sig = SIG_USR
		:: else
		fi;
		printf("@%d ptrace_resume E%d action=%d syscall=%d sig=%d\n", _pid, e, action, sysc, withsig)
	}
	if
	:: pr_sig != 0 -> pt_send_sig(pr_sig)
	:: else
	fi;
	d_step { ctx_resume[e] = (action); pr_sig = 0 }	/* racy: T loads it in its callbacks */
	ptrace_wake_up(e, action, 1)
}

/*
 * ptrace_detach_task(tracee, sig), sig < 0 (implicit, from exit_ptrace) or
 * >= 0 (PTRACE_DETACH; withsig: the stop's signal or SIGUSR1).  See the digest
 * 3.1 and the fix of C18: the implicit detach "ctx->resume = UTRACE_DETACH;
 * err = utrace_barrier_uninterruptible(tracee, engine); if (!err &&
 * ctx->siginfo) action = UTRACE_RESUME;"; the explicit one with a signal at a
 * PTRACE_EVENT_SIGNAL stop "ctx->signr = sig; ctx->resume = UTRACE_DETACH;
 * action = UTRACE_RESUME;"; then "ptrace_wake_up(tracee, engine, action,
 * explicit); if (action != UTRACE_DETACH) ctx->options = PTRACE_O_DETACHED;"
 */
inline ptrace_detach_task(e, explicit, withsig)
{
	pd_act = UTRACE_DETACH;
	if
	:: !(explicit) ->
#ifndef BUG_C18
		d_step { ctx_resume[e] = UTRACE_DETACH; printf("@%d ptrace_detach_task:resume=DETACH E%d\n", _pid, e) }
		utrace_barrier(e, r2);	/* utrace_barrier_uninterruptible() */
		atomic {
			if
			:: r2 == E_OK && ctx_siginfo[e] -> pd_act = UTRACE_RESUME
			:: else
			fi;
			printf("@%d ptrace_detach_task:implicit barrier=%d action=%d\n", _pid, r2, pd_act)
		}
#else
		/* before 2010-12 (C18): trust get_stop_event(ctx); T may be running */
		atomic {
			if
			:: ctx_stop[e] == PE_SIGNAL -> ctx_resume[e] = UTRACE_DETACH; pd_act = UTRACE_RESUME
			:: else
			fi;
			printf("@%d ptrace_detach_task:implicit (C18) action=%d\n", _pid, pd_act)
		}
#endif
	:: (explicit) && (withsig) ->
		if
		:: d_step { ctx_stop[e] == PE_SYSCALL -> pr_sig = SIG_USR }
			pt_send_sig(pr_sig); pr_sig = 0
		:: d_step { ctx_stop[e] == PE_SIGNAL -> pd_act = UTRACE_RESUME }	/* ctx->signr = sig (the same) */
			d_step { ctx_resume[e] = UTRACE_DETACH; printf("@%d ptrace_detach_task:parting signal E%d\n", _pid, e) }
		:: else
		fi
	:: (explicit) && !(withsig) ->
		d_step {
			if
			:: ctx_stop[e] == PE_SIGNAL -> g_owed = g_owed & ~ctx_signr[e]	/* cancelled by the tracer */
			:: else
			fi
		}
	fi;
	ptrace_wake_up(e, pd_act, explicit);
	d_step {
		if
		:: pd_act != UTRACE_DETACH -> ctx_detached[e] = 1	/* PTRACE_O_DETACHED: reusable */
		:: else
		fi;
		g_departed = g_departed | (1 << (e));
		pd_act = 0;
		printf("@%d ptrace_detach_task: done E%d\n", _pid, e)
	}
}

/* PTRACE_DETACH: ptrace_detach() -> ptrace_do_detach(): "__ptrace_unlink()"
 * under write_lock(tasklist_lock), then ptrace_detach_task(tracee, sig) */
inline ptrace_detach(e, withsig)
{
	d_step { ptracer = 0; g_s13 = 0; JCTL_FORGET(); printf("@%d ptrace_detach: unlink\n", _pid) }
	ptrace_detach_task(e, 1, withsig)
}

/* exit_ptrace(tracer): for the traced child: unlink, ptrace_detach_task(-1) */
inline exit_ptrace(me, e)
{
	if
	:: d_step { ptracer == (me) -> ptracer = 0; g_s13 = 0; JCTL_FORGET(); printf("@%d exit_ptrace: unlink\n", _pid) }
		ptrace_detach_task(e, 0, 0)
	:: else
	fi
}

/*
 * ptrace_attach_task(tracee) -> ptrace_attach_engine(): "if
 * (unlikely(task_utrace_flags(tracee))) { engine = ptrace_reuse_engine(tracee);
 * ... }" else / on failure a fresh engine: "utrace_attach_task(tracee,
 * UTRACE_ATTACH_CREATE | UTRACE_ATTACH_EXCLUSIVE | UTRACE_ATTACH_MATCH_OPS,
 * &ptrace_utrace_ops, ctx)"; then "ptrace_set_events(tracee, engine, 0)".
 * ptrace_reuse_engine() (seed 000, final form): "engine = ptrace_lookup_engine();
 * ... if (ctx->options == PTRACE_O_DETACHED) { ctx->options = 0; ...
 * utrace_set_events(tracee, engine, UTRACE_EVENT(QUIESCE)); ctx->resume =
 * UTRACE_RESUME; err = utrace_barrier_uninterruptible(tracee, engine); if
 * (!err) return engine (WARN if ops changed) } utrace_engine_put(engine);"
 * BUG_C19: no barrier (the first version of the branch).
 * Result: ret (E_OK or not), pt_e the engine slot.
 */
inline ptrace_attach_task(me)
{
	pt_e = 1;	/* the fresh slot unless the reuse succeeds */
	if
	:: atomic { uflags != 0 } ->
		utrace_attach_lookup(0, ret);
		if
		:: ret == E_OK && ctx_detached[0] ->
			d_step { ctx_detached[0] = 0 }
			utrace_set_events(0, EV_QUIESCE, r2);
			d_step { ctx_resume[0] = UTRACE_RESUME; printf("@%d ptrace_reuse_engine:resume E0\n", _pid) }
#ifndef BUG_C19
			utrace_barrier(0, r2);
			atomic { if :: r2 == E_OK && eops[0] == OPS_LIVE -> pt_e = 0 :: else fi }
#else
			pt_e = 0
#endif
		:: else
		fi;
		if
		:: ret == E_OK -> utrace_engine_put(0)	/* the lookup's reference */
		:: else
		fi
	:: else
	fi;
	if
	:: pt_e == 1 ->
		d_step { ctx_resume[1] = UTRACE_RESUME; ctx_signr[1] = 0; ctx_siginfo[1] = 0; ctx_stop[1] = PE_NONE }
		utrace_attach_create(1, 1, ret);
		if
		:: ret == E_OK -> utrace_engine_put(1)	/* ptrace keeps no reference */
		:: else
		fi
	:: else -> ret = E_OK; d_step { g_departed = g_departed & ~1 }
	fi;
	if
	:: ret == E_OK -> utrace_set_events(pt_e, PT_EVENTS, r2)	/* ptrace_set_events() */
	:: else
	fi;
	/* write_lock(&tasklist_lock): "if (unlikely(task->exit_state)) retval =
	 * -EPERM; else { task->ptrace = PT_UTRACED; __ptrace_link(task, current); }" */
	if
	:: ret == E_OK ->
		d_step {
			if
			:: exit_state != EXIT_ALIVE -> ret = EINVAL
			:: else -> ptracer = (me); g_s13 = pt_e + 1
			fi;
			printf("@%d ptrace_attach: E%d ret=%d\n", _pid, pt_e, ret)
		}
	:: else
	fi
}

#endif /* PTRACE_ENGINE_PML */
