/*
 * model/utrace_common.pml - utrace internals used by both the tracee and the
 * controllers (and by the reaper): splice, reset, wakeup, detach marking,
 * put_detached_list, the reap teardown, and the engine callbacks.
 * This file is meant to be #include'd (after utrace_state.pml).
 *
 * Locals (declare with RESET_LOCALS in every proctype that calls these):
 *   rs_flags, rs_i, mr_go, mr_k, cb_ret, cb_ops
 */
#ifndef UTRACE_COMMON_PML
#define UTRACE_COMMON_PML

#define RESET_LOCALS byte rs_flags, rs_i, mr_go, mr_k, cb_ret, cb_ops

/* _pid of the tracee: the first active proctype (see utrace.pml / ptrace.pml) */
#define T_PID 0

/* engine e is "attached" for S10: still on utrace->attached */
#define ON_ATTACHED(e) (onlist[e] == L_ATTACHED)

/*
 * S5 (list discipline): the attached list is written only by T itself, or
 * while T is utrace-stopped (or was, until SIGKILL woke it: it then waits in
 * utrace_finish_stop() for ulock before touching anything, B9: g_kwake), or
 * once T is dead and not inside its death report.
 */
#ifndef S5_LIST_WRITE_OK	/* hook (ptrace.pml: a SIGKILL-woken T still in utrace_finish_stop) */
#define S5_LIST_WRITE_OK \
	(_pid == T_PID || (tstate & __TASK_UTRACED) || g_kwake || (exit_state != EXIT_ALIVE && !death))
#endif

/* splice_attaching(utrace): "list_splice_tail_init(&utrace->attaching,
 * &utrace->attached); utrace->pending_attach = 0;"  (ulock held; call inside
 * a d_step: the lists are only touched under ulock) */
inline splice_attaching()
{
	for (rs_i : 0 .. NENGINES - 1) {
		if
		:: onlist[rs_i] == L_ATTACHING -> CHECK(S5, S5_LIST_WRITE_OK); onlist[rs_i] = L_ATTACHED
		:: else
		fi
	}
	rs_i = 0;
	pending_attach = 0
}

/*
 * mark_engine_detached(engine), ulock held.  kernel: "engine->ops =
 * &utrace_detached_ops; smp_wmb(); engine->flags = UTRACE_EVENT(QUIESCE);"
 * Two visible stores; B5 orders them (T never sees new flags with old ops,
 * but can see old flags with new ops: that is C5).
 */
inline mark_engine_detached(e)
{
	d_step { CHECK(S7, eops[e] == OPS_LIVE); eops[e] = OPS_DETACHED; g_int_owed[e] = 0;
		 printf("@%d mark_engine_detached:ops E%d\n", _pid, e) }
	d_step { eflags[e] = EV_QUIESCE; printf("@%d mark_engine_detached:flags E%d\n", _pid, e) }
}

/*
 * utrace_wakeup(target, utrace), ulock held.  kernel (3.1):
 * "spin_lock_irq(&target->sighand->siglock); if (likely(task_is_utraced(target)))
 * wake_up_quiescent(target, __TASK_UTRACED);" - wake_up_quiescent() clears
 * only the UTRACED bit and wakes the task only if no other stop bit is left.
 */
/* ptrace.pml's BUG_C23: utrace's "stopped" tests before 15/31 (task_is_traced()) */
#ifndef TASK_IS_UTRACED
#define TASK_IS_UTRACED(s) (((s) & __TASK_UTRACED) != 0)
#endif
#ifndef UTRACE_WAKEUP_BITS
#define UTRACE_WAKEUP_BITS __TASK_UTRACED
#endif

inline utrace_wakeup()
{
	spin_lock(siglock);
	d_step {	/* utrace_reset:wakeup - siglock held: state changes are under siglock */
		if
		:: tstate & UTRACE_WAKEUP_BITS ->
			tstate = tstate & ~UTRACE_WAKEUP_BITS;
			if
			:: (tstate & STATE_QUIESCENT) == 0 -> tstate = TASK_RUNNING
			:: else
			fi
		:: else
		fi;
		printf("@%d utrace_reset:wakeup\n", _pid)
	}
	spin_unlock(siglock)
}

/* put_detached_list(list): "list_del_init(&engine->entry);
 * utrace_engine_put(engine);" for each engine moved to the private list. */
inline put_detached_list()
{
	for (rs_i : 0 .. NENGINES - 1) {
		if
		:: onlist[rs_i] == L_PRIVATE + _pid ->
			d_step { onlist[rs_i] = L_NONE };
			utrace_engine_put(rs_i)
		:: else
		fi
	}
	rs_i = 0
}

/* ptrace's own stepping (ptrace.pml, coexistence): utrace leaves the step
 * state alone while ptrace wants it (seed 003, patch 27/31) */
#ifndef PTRACE_WANTS_STEP
#define PTRACE_WANTS_STEP 0
#endif

/*
 * utrace_reset(task, utrace): ulock held on entry, released on return.
 * kernel: "splice_attaching(utrace); list_for_each_entry_safe(...) { if
 * (engine->ops == &utrace_detached_ops) { engine->ops = NULL;
 * list_move(&engine->entry, &detached); } else { flags |= engine->flags |
 * UTRACE_EVENT(REAP); ..." ... "if (task->exit_state) { BUG_ON(utrace->death);
 * flags &= UTRACE_EVENT(REAP); }" ... "if (task_is_utraced(task) && !(flags &
 * ENGINE_STOP)) { ... utrace_wakeup(task, utrace); }" ... "task->utrace_flags =
 * flags;" ... "put_detached_list(&detached); return !flags;"
 */
inline utrace_reset(noflags)
{
	d_step {	/* ulock held: attached/attaching/death only change under ulock */
		splice_attaching();
		rs_flags = 0;
		for (rs_i : 0 .. NENGINES - 1) {
			if
			:: onlist[rs_i] == L_ATTACHED && eops[rs_i] == OPS_LIVE ->
				rs_flags = rs_flags | eflags[rs_i] | EV_REAP
			:: else
			fi
		}
		rs_i = 0;
		/* exit_state: T is current, utrace-stopped or dead here, so stable */
		if
		:: exit_state != EXIT_ALIVE -> CHECK(S5, !death); rs_flags = rs_flags & EV_REAP
		:: else
		fi
	}
#ifdef UTRACE_RESET_SYSCALL_HOOK
	/* hook (ptrace.pml): "else if (!(flags & UTRACE_EVENT_SYSCALL) && !(task->ptrace
	 * & PT_SYSCALL_TRACE) && test_tsk_thread_flag(task, TIF_SYSCALL_TRACE))
	 * clear_tsk_thread_flag(task, TIF_SYSCALL_TRACE);" (23/31) */
	UTRACE_RESET_SYSCALL_HOOK();
#endif
	/* utrace_reset:unlink - "engine->ops = NULL": one store per detached
	 * engine; each is observed only by its own controller (utrace_barrier),
	 * T is quiescent, so the stores are merged into one step */
	d_step {
		for (rs_i : 0 .. NENGINES - 1) {
			if
			:: onlist[rs_i] == L_ATTACHED && eops[rs_i] == OPS_DETACHED ->
				CHECK(S5, S5_LIST_WRITE_OK);	/* S5 */
				eops[rs_i] = OPS_NULL; onlist[rs_i] = L_PRIVATE + _pid;
				printf("@%d utrace_reset:unlink E%d\n", _pid, rs_i)
			:: else
			fi
		}
		rs_i = 0
	}
	if
	:: rs_flags == 0 ->	/* no engines left: "utrace->resume = UTRACE_RESUME" */
		d_step {
			resume = UTRACE_RESUME;
#ifndef V31_C12
			/* C12 fix, T's own reset (target == current, so safe):
			 * with no engine left nobody can want a step; the REPORT
			 * that was to re-decide it dies with the last engine */
			if
			:: _pid == 0 && !PTRACE_WANTS_STEP -> tif_ss = 0
			:: else
			fi;
#endif
			printf("@%d utrace_reset:resume\n", _pid)
		}
	:: else
	fi;
	if
	:: atomic { TASK_IS_UTRACED(tstate) && !(rs_flags & ENGINE_STOP) } ->
#ifndef BUG_C12
		/* "if (utrace->resume == UTRACE_RESUME) user_disable_single_step(task)" (C12) */
		d_step {
			if
#ifndef V31_F2
			/* F2 (ptrace.pml, coexistence): "&& !ptrace_wants_step(task)",
			 * as finish_resume_report() (27/31): a step ptrace asked for
			 * is not utrace's to cancel */
			:: resume == UTRACE_RESUME && !PTRACE_WANTS_STEP -> tif_ss = 0
#else
			:: resume == UTRACE_RESUME -> tif_ss = 0
#endif
			:: else
			fi
		}
#endif
		utrace_wakeup()
	:: else
	fi;
	/* utrace_reset:uflags - rcu_read_lock(); task->utrace_flags = flags; (B8) */
	d_step { CHECK(S8, !g_torn || rs_flags == 0); uflags = rs_flags; printf("@%d utrace_reset:uflags=%d\n", _pid, rs_flags) }
	spin_unlock(ulock);
	put_detached_list();
	d_step { noflags = (rs_flags == 0); rs_flags = 0 }
}

/* Callback kinds (which ops->report_* T calls) */
#define CB_QUIESCE  1
#define CB_EXEC     2
#define CB_SYSENTRY 3
#define CB_SIGNAL   4
#define CB_DEATH    5
#define CB_REAP     6

/* the event bit that justifies a callback of kind k (for S9) */
#define CB_EVENT(k) ((k) == CB_QUIESCE -> EV_QUIESCE : ((k) == CB_EXEC -> EV_EXEC : \
	((k) == CB_SYSENTRY -> EV_SYSENTRY : ((k) == CB_SIGNAL -> (EV_SIGNAL | EV_QUIESCE) : \
	((k) == CB_DEATH -> EV_DEATH : EV_REAP)))))

/*
 * An engine callback, "(*ops->report_xxx)(...)": engine code run by T (or by
 * the reap teardown) with no lock held.  ops_seen is the ops vector the caller
 * loaded.  Detached ops run no engine code: utrace_detached_quiesce() returns
 * UTRACE_DETACH, utrace_detached_reap() does nothing; every other member of
 * utrace_detached_ops is NULL (calling one is the C5 oops).
 *
 * The engine is modelled like Oleg's example engine (seed 003, "utrace
 * unwanted traps"): a callback returns what its controller last asked for
 * (cwant: STOP, SINGLESTEP or RESUME; an engine waiting for report_signal
 * after UTRACE_INTERRUPT returns INTERRUPT from its other callbacks, as ugdb
 * does), or, if SELF_DETACH, may detach itself.
 * Its report_death does the engine's cleanup (frees the data and detaches)
 * when the controller handed over after -EALREADY.
 *
 * CB_ENTRY is the checker-only entry (S3, S4, S9; the engine is now running);
 * it rides on the caller's step that loaded ops.  engine_callback_return is
 * the callback's own step: it reads the engine data and picks the result.
 */
#define CB_ENTRY(e, kind, ops_seen, justify) \
	CHECK(S3, ops_seen != OPS_NULL);	/* never call through NULL ops */ \
	CHECK(S3, ops_seen == OPS_LIVE || kind == CB_QUIESCE || kind == CB_REAP || kind == CB_SIGNAL); \
	if \
	:: ops_seen == OPS_LIVE -> \
		CHECK(S4, g_data[e] == DATA_ALIVE); \
		CHECK(S9, ((justify) & ~g_disabled[e]) != 0); \
		g_in_cb[e] = (justify); \
		if \
		:: death -> g_deathcb[e] = 1 \
		:: else \
		fi \
	:: else \
	fi; \
	printf("@%d report:%d E%d entry ops=%d\n", _pid, kind, e, ops_seen)

inline engine_callback_return(e, kind, ops_seen, ret)
{
#ifdef ENGINE_BODY
	/* hook (ptrace.pml): the steps of a custom engine's callback body before
	 * its return (e.g. ptrace_report_signal's utrace_control(current,
	 * engine, UTRACE_INTERRUPT)); ENGINE_DECIDE is its return step */
	if
	:: ops_seen == OPS_LIVE && CUSTOM_ENGINE(e) -> ENGINE_BODY(e, kind)
	:: else
	fi;
#endif
	atomic {	/* engine code: reads its data (cwant/handover, racy with its controller) */
		if
		:: ops_seen != OPS_LIVE -> ret = (kind == CB_REAP -> NORET : UTRACE_DETACH)
		:: else ->
			CHECK(S4, g_data[e] == DATA_ALIVE);	/* data still alive on return */
#ifdef ENGINE_DECIDE
			/* a model built on this core (ptrace.pml) gives some engines
			 * their own callback logic */
			if
			:: CUSTOM_ENGINE(e) -> ENGINE_DECIDE(e, kind, ret)
			:: else ->
#endif
			if
			:: kind == CB_REAP -> ret = NORET
			:: kind == CB_DEATH && handover[e] ->
				g_data[e] = DATA_FREED; ret = UTRACE_DETACH	/* the engine's own cleanup */
			:: else ->
				if
				:: cwant[e] == UTRACE_STOP -> ret = UTRACE_STOP
				:: cwant[e] == UTRACE_SINGLESTEP -> ret = UTRACE_SINGLESTEP
				:: cwant[e] == UTRACE_INTERRUPT && kind != CB_SIGNAL ->
					ret = UTRACE_INTERRUPT	/* still waiting for report_signal */
				:: else -> ret = UTRACE_RESUME
				fi
			fi;
			if
			:: MAY_SELF_DETACH(e) && kind != CB_REAP -> ret = UTRACE_DETACH
			:: true
			fi;
#ifdef ENGINE_DECIDE
			fi;
#endif
			if
			:: kind == CB_SIGNAL -> got_sig[e] = 1; g_int_owed[e] = 0	/* engine data: tell the controller */
#ifdef L4_STRICT
			:: kind != CB_SIGNAL && ret == UTRACE_INTERRUPT && (eflags[e] & EV_QUIESCE) ->
				g_int_owed[e] = 1	/* L4 (strict): every callback's INTERRUPT is owed a report_signal */
#endif
			:: else
			fi;
			g_in_cb[e] = 0;
			if
			:: ret != NORET ->
				g_pend[e] = ret;
				g_step[e] = (ret == UTRACE_SINGLESTEP || ret == UTRACE_BLOCKSTEP)
			:: else
			fi
		fi;
		printf("@%d report:%d E%d returns %d\n", _pid, kind, e, ret)
	}
}

/*
 * utrace_maybe_reap(target, utrace, reap) - T at the end of its death report
 * (reap = 0) or R in release_task() (reap = 1).  kernel: "if (reap) {
 * utrace->reap = 1; if (target->utrace_flags & _UTRACE_DEATH_EVENTS) {
 * spin_unlock(&utrace->lock); return; } } else { utrace->death = 0; if
 * (!utrace->reap) { utrace_reset(target, utrace); return; } }
 * target->utrace_flags = 0; list_replace_init(...); ... spin_unlock(...);
 * list_for_each_entry_safe(...) { if (engine->flags & UTRACE_EVENT(REAP))
 * engine->ops->report_reap(engine, target); engine->ops = NULL; engine->flags
 * = 0; list_del_init(&engine->entry); utrace_engine_put(engine); }"
 */
inline utrace_maybe_reap(is_reap)
{
	spin_lock(ulock);	/* utrace_maybe_reap:lock */
	d_step {	/* ulock held: death, reap, utrace_flags' writers all hold ulock */
		if
		:: is_reap ->
			reap = 1;
			if
#ifdef V31_N1
			:: (uflags & DEATH_EVENTS) -> mr_go = 0
#else
			:: (uflags & DEATH_EVENTS) || death -> mr_go = 0	/* N1 fix */
#endif
			:: else -> mr_go = 1
			fi
		:: else ->
			/* C-EALREADY: -EALREADY promised a death-pass callback to
			 * every engine that had DEATH/QUIESCE; the pass is over */
			for (mr_k : 0 .. NENGINES - 1) {
				CHECK(CEALREADY, !g_ealready[mr_k] || g_deathcb[mr_k])
			}
			mr_k = 0;
			death = 0;
			if
			:: !reap -> mr_go = 2
			:: else -> mr_go = 1
			fi
		fi;
		printf("@%d utrace_maybe_reap:lock reap=%d go=%d\n", _pid, is_reap, mr_go)
	}
	if
	:: mr_go == 0 -> spin_unlock(ulock)	/* the dying T will tear down */
	:: mr_go == 2 -> utrace_reset(cb_ret)
	:: mr_go == 1 ->
		d_step { uflags = 0; printf("@%d utrace_maybe_reap:teardown\n", _pid) }
		d_step {	/* ulock held: make the lists private */
			for (rs_i : 0 .. NENGINES - 1) {
				if
				:: onlist[rs_i] == L_ATTACHED || onlist[rs_i] == L_ATTACHING ->
					CHECK(S5, S5_LIST_WRITE_OK);	/* S5, S8: never while T reports death */
					onlist[rs_i] = L_REAPING + _pid
				:: else
				fi
			}
			rs_i = 0
		}
		spin_unlock(ulock);
		/* the private list, in attach order (engines are few; order by epos) */
		for (mr_k : 0 .. NENGINES - 1) {
			for (rs_i : 0 .. NENGINES - 1) {
				if
				:: onlist[rs_i] == L_REAPING + _pid && epos[rs_i] == mr_k ->
					atomic {	/* the teardown owns the engine now: only this
							 * thread writes its flags and ops */
						cb_ops = eops[rs_i];
						if
						:: eflags[rs_i] & EV_REAP -> cb_ret = 1; CB_ENTRY(rs_i, CB_REAP, cb_ops, EV_REAP)
						:: else -> cb_ret = 0
						fi
					}
					if
					:: cb_ret -> engine_callback_return(rs_i, CB_REAP, cb_ops, cb_ret)
					:: else
					fi;
					/* utrace_maybe_reap:ops_null - after report_reap returned (C8) */
					d_step { eops[rs_i] = OPS_NULL; eflags[rs_i] = 0; onlist[rs_i] = L_NONE;
						 printf("@%d utrace_maybe_reap:ops_null E%d\n", _pid, rs_i) }
					utrace_engine_put(rs_i)
				:: else
				fi
			}
		}
		skip;	/* (a loop may not jump into a d_step) */
		d_step { g_torn = 1; rs_i = 0; mr_k = 0; cb_ops = 0; cb_ret = 0 }
	fi;
	d_step { mr_go = 0 }
}

#endif /* UTRACE_COMMON_PML */
