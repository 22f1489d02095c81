/*
 * model/utrace_tracee.pml - tracee side of utrace: the report loop, stop and
 * resume, the signal path, death.  This file is meant to be #include'd.
 * One inline per kernel function of utrace-3.1 kernel/utrace.c, named after
 * it (the same names as in src/utrace.c); step tags as in docs/protocol.md.
 *
 * All these inlines run in the tracee's proctype and use its locals
 * (T_LOCALS).  struct utrace_report is the set of r_* locals.
 */
#ifndef UTRACE_TRACEE_PML
#define UTRACE_TRACEE_PML

#define T_LOCALS \
	byte r_action, r_resume_act, r_k, r_e, r_want, r_ops, r_ret, r_sr, r_nl, r_x, us_act, c_x; \
	bit r_det, r_spur, r_got, r_fcdet, r_late, r_q, t_exiting; \
	byte r_lst[NENGINES]

/* INIT_REPORT(report) */
inline init_report()
{
	d_step { r_action = UTRACE_RESUME; r_resume_act = UTRACE_RESUME; r_det = 0; r_spur = 1 }
}

/* checker hygiene: forget the report's locals once the report is over */
inline clear_report()
{
	d_step { r_action = 0; r_resume_act = 0; r_det = 0; r_spur = 0; r_k = 0; r_e = 0;
		 r_want = 0; r_ops = 0; r_ret = 0; r_sr = 0; r_nl = 0; r_x = 0; r_got = 0;
		 r_fcdet = 0; r_lst[0] = 0;
#if NENGINES > 1
		 r_lst[1] = 0;
#endif
#if NENGINES > 2
		 r_lst[2] = 0;
#endif
	}
}

/*
 * list_for_each_entry[_reverse](engine, &utrace->attached, entry): T walks the
 * attached list without a lock; S5 guarantees nobody else changes it while T
 * runs, so T may read it as a snapshot in attach order.
 */
inline list_snapshot(rev)
{
	d_step {
		r_nl = 0;
		for (r_x : 0 .. NENGINES - 1) {
			for (r_k : 0 .. NENGINES - 1) {
				if
				:: onlist[r_k] == L_ATTACHED && epos[r_k] == r_x -> r_lst[r_nl] = r_k; r_nl++
				:: else
				fi
			}
		}
		if
		:: rev && r_nl > 1 -> r_x = r_lst[0]; r_lst[0] = r_lst[r_nl - 1]; r_lst[r_nl - 1] = r_x
		:: else
		fi;
		r_x = 0; r_k = 0
	}
}

/*
 * start_report(utrace).  kernel: "enum utrace_resume_action resume =
 * utrace->resume; if (utrace->pending_attach || (resume > UTRACE_INTERRUPT &&
 * resume < UTRACE_RESUME)) { spin_lock(&utrace->lock); splice_attaching(utrace);
 * resume = utrace->resume; if (resume > UTRACE_INTERRUPT) utrace->resume =
 * UTRACE_RESUME; spin_unlock(&utrace->lock); } return resume;"
 */
inline start_report()
{
	atomic { r_sr = resume; printf("@%d start_report:resume %d\n", _pid, r_sr) }
	if
	:: pending_attach || (r_sr > UTRACE_INTERRUPT && r_sr < UTRACE_RESUME) ->
		spin_lock(ulock);	/* start_report:lock */
		d_step {	/* ulock held; only T reads resume without ulock */
			splice_attaching();
			r_sr = resume;
			if
			:: r_sr > UTRACE_INTERRUPT -> resume = UTRACE_RESUME
			:: else
			fi
		}
		spin_unlock(ulock)
	:: else
	fi
}

/* the tail of start_callback() (rides on the step that loaded want or ops):
 * "if (want & ENGINE_STOP) report->action = UTRACE_STOP; if (want & event) {
 * report->spurious = false; return ops; } utrace->reporting = NULL; return
 * NULL;" - sets r_got and enters the event callback if there is one */
#define SC_TAIL(e, event, kind) \
	if \
	:: r_want & ENGINE_STOP -> r_action = UTRACE_STOP \
	:: else \
	fi; \
	if \
	:: r_want & (event) -> r_spur = 0; r_got = 1; CB_ENTRY(e, kind, r_ops, event) \
	:: else -> r_got = 0 \
	fi

#ifdef BUG_C5
#define SC_QUIESCE_STEP (r_want & EV_QUIESCE)	/* before 2010-08-18 (C5) */
#else
#define SC_QUIESCE_STEP ((r_want & EV_QUIESCE) || r_ops == OPS_DETACHED)	/* C5 fix */
#endif

/*
 * start_callback(utrace, report, engine, task, event).  kernel:
 * "utrace->reporting = engine; smp_mb(); want = engine->flags; smp_rmb(); ops =
 * engine->ops; if ((want & UTRACE_EVENT(QUIESCE)) || ops ==
 * &utrace_detached_ops) { if (finish_callback(task, utrace, report, engine,
 * (*ops->report_quiesce)(report->action, engine, event))) return NULL; if
 * (!event) { report->spurious = false; return NULL; } utrace->reporting =
 * engine; smp_mb(); want = engine->flags; }" + the tail.
 * Sets r_got when the caller must make the event callback (kind) via r_ops;
 * that callback's entry has then already been taken.
 */
inline start_callback(e, event, kind)
{
	d_step { r_got = 0; reporting = e; printf("@%d start_callback:reporting E%d\n", _pid, e) }	/* B4 */
	atomic { r_want = eflags[e]; printf("@%d start_callback:flags E%d=%d\n", _pid, e, r_want) }
	atomic {	/* start_callback:ops (B5) */
		r_ops = eops[e];
		if
		:: SC_QUIESCE_STEP -> r_q = 1; CB_ENTRY(e, CB_QUIESCE, r_ops, EV_QUIESCE)
		:: else -> r_q = 0; SC_TAIL(e, event, kind)
		fi;
		printf("@%d start_callback:ops E%d=%d\n", _pid, e, r_ops)
	}
	if
	:: r_q ->
		engine_callback_return(e, CB_QUIESCE, r_ops, r_ret);
		finish_callback(e, r_ret);
		if
		:: r_fcdet -> skip	/* return NULL */
		:: !r_fcdet && (event) == 0 ->
#ifdef BUG_C10
			/* 47c593ee: "if (want & (event ?: UTRACE_EVENT(QUIESCE)))":
			 * reporting is published again and left set */
			d_step { reporting = e; printf("@%d start_callback:reporting2 E%d (C10)\n", _pid, e) }
			atomic {
				r_want = eflags[e];
				if
				:: r_want & ENGINE_STOP -> r_action = UTRACE_STOP
				:: else
				fi;
				if
				:: r_want & EV_QUIESCE -> r_spur = 0; r_got = 1	/* ops returned, ignored */
				:: else -> r_got = 0
				fi
			}
			if
			:: !r_got -> d_step { reporting = NOENG }
			:: else
			fi
#else
			r_spur = 0	/* "We only got here to report QUIESCE" (C10 fix) */
#endif
		:: !r_fcdet && (event) != 0 ->
			d_step { reporting = e; printf("@%d start_callback:reporting2 E%d\n", _pid, e) }
			atomic { r_want = eflags[e]; SC_TAIL(e, event, kind);
				 printf("@%d start_callback:flags2 E%d=%d\n", _pid, e, r_want) }
			if
			:: !r_got -> d_step { reporting = NOENG; printf("@%d start_callback:clear\n", _pid) }
			:: else
			fi
		fi
	:: else ->
		if
		:: !r_got -> d_step { reporting = NOENG; printf("@%d start_callback:clear\n", _pid) }
		:: else
		fi
	fi;
	r_q = 0
}

/*
 * finish_callback_report(task, utrace, report, engine, action).  kernel: "if
 * (action == UTRACE_DETACH) { spin_lock(&utrace->lock); engine->ops =
 * &utrace_detached_ops; spin_unlock(&utrace->lock); } if (engine->ops ==
 * &utrace_detached_ops) { report->detaches = true; return; } if (action <
 * report->action) report->action = action; if (action != UTRACE_STOP) { ... if
 * (engine_wants_stop(engine)) { spin_lock(...); clear_engine_wants_stop(engine);
 * ... } return; } if (!engine_wants_stop(engine)) { spin_lock(...); if
 * (unlikely(engine->ops == &utrace_detached_ops)) report->detaches = true; else
 * mark_engine_wants_stop(task, engine); ..."
 */
inline finish_callback_report(e, action)
{
	if
	:: (action) == UTRACE_DETACH ->
#ifdef BUG_C4
		/* V2008/V2009: the store is done without ulock and without a
		 * barrier before "reporting = NULL": it may become visible to
		 * other CPUs after that store (T itself sees it at once) */
		if
		:: d_step { eops[e] = OPS_DETACHED; g_pend[e] = NORET;
			    printf("@%d finish_callback_report:detach (no lock)\n", _pid) }
		:: r_late = 1
		fi
#else
		spin_lock(ulock);
		d_step { eops[e] = OPS_DETACHED; g_pend[e] = NORET;
			 printf("@%d finish_callback_report:detach E%d\n", _pid, e) }
		spin_unlock(ulock)
#endif
	:: else
	fi;
	/* "if (engine->ops == &utrace_detached_ops)" and "engine_wants_stop(engine)":
	 * one step for the two lockless loads - the only store that can come
	 * between them is a DETACH's ops/flags, after which the outcome equals
	 * reading both after it (the locked re-check below and finish_callback
	 * see the detach) */
	atomic {
		r_q = (eops[e] == OPS_DETACHED || r_late);
		if
		:: r_q ->
			r_det = 1; r_x = 0;
			if
			:: !r_late -> g_pend[e] = NORET
			:: else
			fi
		:: else ->
			if
			:: (action) < r_action -> r_action = (action)
			:: else
			fi;
			if
			:: (action) != UTRACE_STOP ->
				if
				:: (action) < r_resume_act -> r_resume_act = (action)
				:: else
				fi;
				r_x = ((eflags[e] & ENGINE_STOP) != 0)	/* must clear it */
			:: else ->
				r_x = ((eflags[e] & ENGINE_STOP) == 0)	/* must mark it */
			fi;
			if
			:: !r_x -> g_pend[e] = NORET	/* nothing to apply */
			:: else
			fi
		fi;
		printf("@%d finish_callback_report:ops E%d detached=%d apply=%d\n", _pid, e, r_q, r_x)
	}
	if
	:: r_x ->
		/* the result is applied under ulock: utrace_barrier cannot look
		 * before the unlock, so g_pend may be cleared with the acquire */
		atomic { ulock == NOBODY -> ulock = _pid; g_pend[e] = NORET }
		if
		:: (action) != UTRACE_STOP ->
			clear_engine_wants_stop(e)	/* finish_callback_report:resume (C2) */
		:: else ->
			d_step {	/* ops is stored only under ulock while T lives */
				r_q = (eops[e] == OPS_DETACHED);
				if
				:: r_q -> r_det = 1
				:: else -> eflags[e] = eflags[e] | ENGINE_STOP	/* finish_callback_report:stop */
				fi;
				printf("@%d finish_callback_report:stop E%d detached=%d\n", _pid, e, r_q)
			}
			if
			:: !r_q -> d_step { CHECK(S8, !g_torn); uflags = uflags | ENGINE_STOP;
					    printf("@%d mark_engine_wants_stop:uflags\n", _pid) }
			:: else
			fi
		fi;
		spin_unlock(ulock)
	:: else
	fi;
	d_step { r_x = 0; r_q = 0 }
}

/*
 * finish_callback(task, utrace, report, engine, ret).  kernel: "report->result
 * = ret & ~UTRACE_RESUME_MASK; finish_callback_report(task, utrace, report,
 * engine, utrace_resume_action(ret)); utrace->reporting = NULL; ... return
 * engine->ops == &utrace_detached_ops;"  Sets r_fcdet.
 */
inline finish_callback(e, ret)
{
#ifdef BUG_C3
	/* V2008: "reporting" cleared before the return value is applied */
	d_step { reporting = NOENG; printf("@%d finish_callback:clear (before apply, C3)\n", _pid) }
#endif
	finish_callback_report(e, ret);
#ifndef BUG_C3
	d_step { reporting = NOENG; printf("@%d finish_callback:clear\n", _pid) }	/* B6 */
#endif
#ifdef BUG_C4
	if
	:: r_late ->	/* the buffered ops store drains only now */
		d_step { eops[e] = OPS_DETACHED; g_pend[e] = NORET; r_late = 0;
			 printf("@%d finish_callback_report:detach visible late (C4)\n", _pid) }
	:: else
	fi;
#endif
	atomic {
		r_fcdet = (eops[e] == OPS_DETACHED);
#ifndef V31_C11
		if
		:: r_fcdet -> r_det = 1	/* C11: never "detached" without report->detaches */
		:: else
		fi;
#endif
		printf("@%d finish_callback:ops detached=%d\n", _pid, r_fcdet)
	}
}

/*
 * REPORT_CALLBACKS(rev, task, utrace, report, event, callback, ...):
 * "list_for_each_entry##rev(engine, &utrace->attached, entry) { ops =
 * start_callback(utrace, report, engine, task, event); if (!ops) continue;
 * finish_callback(task, utrace, report, engine, (*ops->callback)(...)); }"
 */
inline report_callbacks(event, kind, rev)
{
	list_snapshot(rev);
	r_k = 0;
	do
	:: r_k < r_nl ->
		r_e = r_lst[r_k];
		start_callback(r_e, event, kind);
		if
		:: r_got ->
			engine_callback_return(r_e, kind, r_ops, r_ret);
			finish_callback(r_e, r_ret)
		:: else
		fi;
		r_k++
	:: else -> break
	od
}

/* finish_report_reset(): "if (unlikely(report->spurious || report->detaches))
 * { spin_lock(&utrace->lock); if (utrace_reset(task, utrace)) report->action =
 * UTRACE_RESUME; }" */
inline finish_report_reset()
{
	if
	:: r_spur || r_det ->
		spin_lock(ulock);
		utrace_reset(r_x);
		if
		:: r_x -> r_action = UTRACE_RESUME;
#ifndef V31_C12
			/* C12 fix: no engine is left, so none can want a step:
			 * a step asked for by an engine collected in this pass
			 * must not survive it (the pending REPORT that was to
			 * decide again dies with the last engine) */
			r_resume_act = UTRACE_RESUME
#else
			skip
#endif
		:: else
		fi
	:: else
	fi
}

/*
 * finish_report(task, utrace, report, will_not_stop).  kernel: "enum
 * utrace_resume_action resume = report->action; if (resume == UTRACE_STOP)
 * resume = will_not_stop ? UTRACE_REPORT : UTRACE_RESUME; if (resume <
 * utrace->resume) { spin_lock(&utrace->lock); utrace->resume = resume; if
 * (resume == UTRACE_INTERRUPT) set_tsk_thread_flag(task, TIF_SIGPENDING); else
 * set_tsk_thread_flag(task, TIF_NOTIFY_RESUME); spin_unlock(&utrace->lock); }
 * finish_report_reset(task, utrace, report);"
 */
inline finish_report(wns)
{
	atomic {	/* finish_report:resume - lockless compare */
		r_x = r_action;
		if
		:: r_x == UTRACE_STOP -> r_x = (wns -> UTRACE_REPORT : UTRACE_RESUME)
		:: else
		fi;
		r_q = (r_x < resume)
	}
	if
	:: r_q ->
		spin_lock(ulock);
		d_step {	/* ulock held; only T reads resume without ulock */
#ifdef V31_O2
			if
			:: true ->
#else
			if
			:: r_x < resume ->	/* O2: re-compare under the lock */
#endif
				if
				:: r_x == UTRACE_INTERRUPT -> tif_sp = 1
				:: else ->
#ifndef V31_C13
					r_x = UTRACE_REPORT;	/* C13 */
#endif
					tif_nr = 1
				fi;
				resume = r_x
			:: else
			fi;
			printf("@%d finish_report:resume resume=%d\n", _pid, resume)
		}
		spin_unlock(ulock)
	:: else
	fi;
	d_step { r_q = 0; r_x = 0 }
	finish_report_reset();
#ifndef V31_C12
	d_step {
		/* C12 (the part utrace-3.1 left open: event reports bypass
		 * finish_resume_report): every report decides the step state,
		 * after finish_report_reset() (an engine collected there cannot
		 * want a step).  A pass in which no engine asked for a step
		 * disables it (T is current: safe); one that did re-armed a
		 * report (C13) that decides again. */
		if
		:: r_action != UTRACE_SINGLESTEP && r_action != UTRACE_BLOCKSTEP &&
		   r_resume_act != UTRACE_SINGLESTEP && r_resume_act != UTRACE_BLOCKSTEP &&
		   !PTRACE_WANTS_STEP -> tif_ss = 0	/* (not a step ptrace wants, 27/31) */
		:: else
		fi
	}
#endif
}

/* recalc_sigpending() under siglock: TIF_SIGPENDING stays set for real
 * signals, SIGKILL, and a pending UTRACE_INTERRUPT (utrace_interrupt_pending(),
 * patch 05/31, B10) */
inline recalc_sigpending()
{
	spin_lock(siglock);
	atomic { tif_sp = (sig_q || fatal || resume == UTRACE_INTERRUPT) }
	spin_unlock(siglock)
}

/* utrace_finish_stop(): "if (unlikely(__fatal_signal_pending(current))) {
 * struct utrace *utrace = task_utrace_struct(current);
 * spin_unlock_wait(&utrace->lock); }"  (B9) */
inline utrace_finish_stop()
{
	if
	:: fatal -> atomic { ulock == NOBODY -> g_kwake = 0; printf("@%d utrace_finish_stop:wait\n", _pid) }
	:: else
	fi
}

/*
 * utrace_stop(task, utrace, action).  kernel: "relock: spin_lock(&utrace->lock);
 * if (action < utrace->resume) { utrace->resume = action; if (action ==
 * UTRACE_INTERRUPT) set_thread_flag(TIF_SIGPENDING); else
 * set_thread_flag(TIF_NOTIFY_RESUME); } if (unlikely(!(task->utrace_flags &
 * ENGINE_STOP))) { utrace_reset(task, utrace); if (task->utrace_flags &
 * ENGINE_STOP) goto relock; return; } spin_lock_irq(&task->sighand->siglock);
 * if (unlikely(__fatal_signal_pending(task))) { ... return; }
 * __set_current_state(TASK_UTRACED); spin_unlock_irq(...);
 * spin_unlock(&utrace->lock); schedule(); utrace_finish_stop(); ...
 * recalc_sigpending();"
 */
inline utrace_stop(act)
{
	d_step {
		us_act = act;
#ifndef L4_STRICT
		/* L4 bookkeeping (C14): the pass asked for a signal report and
		 * T stops first: every live QUIESCE engine is owed report_signal */
		if
		:: act == UTRACE_INTERRUPT ->
			g_int_owed[0] = (eops[0] == OPS_LIVE && (eflags[0] & EV_QUIESCE) != 0);
			if :: NENGINES > 1 -> g_int_owed[1 % NENGINES] = (eops[1 % NENGINES] == OPS_LIVE && (eflags[1 % NENGINES] & EV_QUIESCE) != 0) :: else fi;
			if :: NENGINES > 2 -> g_int_owed[2 % NENGINES] = (eops[2 % NENGINES] == OPS_LIVE && (eflags[2 % NENGINES] & EV_QUIESCE) != 0) :: else fi
		:: else
		fi
#endif
	}
	do
	:: spin_lock(ulock);	/* utrace_stop:lock */
		d_step {	/* ulock held; only T reads resume without ulock */
#ifndef BUG_C14
			/* 8ad60bbd (C14): keep the pass's request across the stop */
			if
			:: us_act < resume ->
				if
				:: us_act == UTRACE_INTERRUPT -> tif_sp = 1
				:: else ->
#ifndef V31_C13
					us_act = UTRACE_REPORT;	/* C13 */
#endif
					tif_nr = 1
				fi;
				resume = us_act
			:: else
			fi;
#endif
			r_q = ((uflags & ENGINE_STOP) == 0);	/* utrace_stop:recheck (C1) */
			printf("@%d utrace_stop:recheck no_estop=%d\n", _pid, r_q)
		}
		if
#ifndef BUG_C1
		:: r_q ->
			utrace_reset(r_x);
			if
			:: uflags & ENGINE_STOP -> skip	/* goto relock */
			:: else -> break
			fi
		:: else ->
#else
		:: true ->	/* 2008 design: stop without re-checking (C1) */
#endif
			spin_lock(siglock);	/* utrace_stop:siglock */
			if
			:: fatal ->	/* SIGKILL wins over UTRACE_STOP */
				spin_unlock(siglock);
				spin_unlock(ulock);
				break
			:: else ->
				d_step { tstate = tstate | __TASK_UTRACED; printf("@%d utrace_stop:sleep TASK_UTRACED\n", _pid) }
				spin_unlock(siglock);
				spin_unlock(ulock);
#ifdef UTRACE_STOP_NOTIFY_HOOK
				/* hook (ptrace.pml, ptrace-over-utrace): "ptrace_notify_stop(task)"
				 * after the state is set and all locks are dropped */
				UTRACE_STOP_NOTIFY_HOOK();
#endif
				/* utrace_stop:schedule - blocks until woken */
				atomic { tstate == TASK_RUNNING -> printf("@%d utrace_stop:schedule woken\n", _pid) }
				utrace_finish_stop();
				recalc_sigpending();
				break
			fi
		fi
	od;
	skip;	/* (break may not jump into a d_step) */
	d_step { us_act = 0; r_q = 0 }
}

/*
 * finish_resume_report(task, utrace, report).  kernel: "finish_report_reset(task,
 * utrace, report); switch (report->action) { case UTRACE_STOP: utrace_stop(task,
 * utrace, report->resume_action); break; case UTRACE_INTERRUPT: if
 * (!signal_pending(task)) set_tsk_thread_flag(task, TIF_SIGPENDING); break; case
 * UTRACE_BLOCKSTEP: ... user_enable_block_step(task); ... case
 * UTRACE_SINGLESTEP: ... user_enable_single_step(task); ... default:
 * user_disable_single_step(task); break; }"  (V3.1, 27/31: each user_*_step()
 * only "if (!ptrace_wants_step(task))": PTRACE_WANTS_STEP, ptrace.pml.)
 */
#ifndef PTRACE_WANTS_STEP
#define PTRACE_WANTS_STEP 0
#endif
inline finish_resume_report()
{
	finish_report_reset();
	if
	:: r_action == UTRACE_STOP ->
		utrace_stop(r_resume_act);
#ifndef V31_N2
		/* N2: whether T really stopped or the stop was called off
		 * (utrace_stop's re-check), the pass's resume_action decides
		 * the step state; a *STEP request re-arms a report (C13 fix),
		 * which decides again. */
		d_step {
			if
			:: r_resume_act != UTRACE_SINGLESTEP && r_resume_act != UTRACE_BLOCKSTEP && !PTRACE_WANTS_STEP -> tif_ss = 0
			:: else
			fi
		}
#endif
	:: r_action == UTRACE_INTERRUPT ->
		d_step {
			tif_sp = 1
			/* Open question N5 (README, -DL4_STRICT): utrace-3.1 only
			 * sets TIF_SIGPENDING here; utrace->resume stays RESUME,
			 * so utrace_get_signal() makes no report pass unless a
			 * signal is queued */
		}
	:: r_action == UTRACE_SINGLESTEP || r_action == UTRACE_BLOCKSTEP ->
		d_step { if :: !PTRACE_WANTS_STEP -> tif_ss = 1 :: else fi; printf("@%d finish_resume_report:step enable\n", _pid) }
	:: else -> d_step { if :: !PTRACE_WANTS_STEP -> tif_ss = 0 :: else fi }
	fi
}

/*
 * utrace_resume(task, regs), called on TIF_NOTIFY_RESUME.  kernel:
 * "report.action = start_report(utrace); switch (report.action) { case
 * UTRACE_RESUME: return; case UTRACE_REPORT: if
 * (unlikely(!(task->utrace_flags & UTRACE_EVENT(QUIESCE)))) break;
 * report.action = UTRACE_RESUME; list_for_each_entry(engine,
 * &utrace->attached, entry) start_callback(utrace, &report, engine, task, 0);
 * break; default: report.spurious = false; break; }
 * finish_resume_report(task, utrace, &report);"
 */
inline utrace_resume()
{
	init_report();
	start_report();
	d_step { r_action = r_sr; printf("@%d utrace_resume: request %d\n", _pid, r_sr) }
	if
	:: r_sr == UTRACE_RESUME -> skip
	:: r_sr == UTRACE_REPORT ->
		if
		:: !(uflags & EV_QUIESCE) -> skip
		:: else ->
			d_step { r_action = UTRACE_RESUME }
			list_snapshot(0);
			r_k = 0;
			do
			:: r_k < r_nl -> r_e = r_lst[r_k]; start_callback(r_e, 0, CB_QUIESCE); r_k++
			:: else -> break
			od
		fi;
		finish_resume_report()
	:: r_sr != UTRACE_RESUME && r_sr != UTRACE_REPORT ->
		d_step { r_spur = 0 }
		finish_resume_report()
	fi;
	clear_report()
}

/*
 * The engine loop of utrace_get_signal(): "list_for_each_entry(engine,
 * &utrace->attached, entry) { utrace->reporting = engine; smp_mb(); want =
 * engine->flags; smp_rmb(); ops = engine->ops; if ((want & (event |
 * UTRACE_EVENT(QUIESCE))) == 0) { utrace->reporting = NULL; continue; } if
 * (ops->report_signal) ret = (*ops->report_signal)(...); else ret = ... 
 * (*ops->report_quiesce)(...); switch (utrace_resume_action(ret)) { ... case
 * UTRACE_INTERRUPT: case UTRACE_REPORT: ret = ... UTRACE_RESUME; } finish_callback(...); }"
 */
inline signal_pass(event)
{
	list_snapshot(0);
	r_k = 0;
	do
	:: r_k < r_nl ->
		r_e = r_lst[r_k];
		d_step { reporting = r_e; printf("@%d utrace_get_signal:reporting E%d\n", _pid, r_e) }
		atomic { r_want = eflags[r_e] }
		atomic {
			r_ops = eops[r_e];
			r_q = ((r_want & ((event) | EV_QUIESCE)) != 0);
			if
			:: r_q -> CB_ENTRY(r_e, CB_SIGNAL, r_ops, r_want & ((event) | EV_QUIESCE))
			:: else
			fi
		}
		if
		:: !r_q -> d_step { reporting = NOENG }
		:: else ->
			/* "REPORT/INTERRUPT returns are demoted to RESUME": the
			 * model's engines never return those two, nothing to do */
			engine_callback_return(r_e, CB_SIGNAL, r_ops, r_ret);
			finish_callback(r_e, r_ret)
		fi;
		r_q = 0;
		r_k++
	:: else -> break
	od
}

/*
 * utrace_get_signal(task, regs, info, return_ka): entered with siglock held
 * (the model returns with it released).  kernel: "if
 * (unlikely(utrace->resume < UTRACE_RESUME) || unlikely(utrace->pending_attach)
 * || unlikely(utrace->signal_handler)) { ... spin_unlock_irq(...);
 * spin_lock(&utrace->lock); splice_attaching(utrace); ... resume =
 * utrace->resume; utrace->resume = UTRACE_RESUME; spin_unlock(&utrace->lock);
 * ... if (resume > UTRACE_REPORT) { report.action = resume; report.spurious =
 * false; finish_resume_report(task, utrace, &report); return -1; } else if
 * (!(task->utrace_flags & UTRACE_EVENT(QUIESCE))) { return -1; } event = 0; ...
 * } else if (!(task->utrace_flags & UTRACE_EVENT_SIGNAL_ALL) || ...) return 0;
 * else { signr = dequeue_signal(...); ... }"  The signal's final disposition
 * is modelled as "reported, then ignored" (finish_resume_report); the
 * UTRACE_SIGNAL_HANDLER pass (signal_handler) is not modelled.
 */
/* "|| unlikely(task->jobctl & JOBCTL_PENDING_MASK)" (20/31): job control
 * first; only ptrace.pml has job control (C29) */
#ifndef UTRACE_JOBCTL_PENDING
#define UTRACE_JOBCTL_PENDING 0
#endif

inline utrace_get_signal()
{
	init_report();
	atomic { r_sr = resume; printf("@%d utrace_get_signal:resume %d\n", _pid, r_sr) }
	if
	:: r_sr < UTRACE_RESUME || pending_attach ->
		spin_unlock(siglock);
		spin_lock(ulock);	/* utrace_get_signal:lock */
		d_step {	/* ulock held */
			splice_attaching();
			r_sr = resume; resume = UTRACE_RESUME;
#ifdef UTRACE_GET_SIGNAL_REPORT_HOOK
			UTRACE_GET_SIGNAL_REPORT_HOOK();	/* ptrace.pml: a UTRACE_SIGNAL_REPORT pass, nothing to deliver yet */
#endif
			printf("@%d utrace_get_signal:consume %d\n", _pid, r_sr)
		}
		spin_unlock(ulock);
		recalc_sigpending();
		if
		:: r_sr > UTRACE_REPORT ->
			d_step { r_action = r_sr; r_spur = 0 }
			finish_resume_report()
		:: else ->
			if
			:: !(uflags & EV_QUIESCE) ->	/* "We only got here to clear utrace->signal_handler" (C11, C15) */
#ifndef V31_C12
				/* F1 (ptrace model): a REPORT consumed here may be the
				 * one that was to re-decide the step state (C13); with no
				 * QUIESCE engine no report can ask for a step again, so
				 * decide now as finish_resume_report() would (T is current) */
				d_step { if :: r_sr == UTRACE_REPORT && !PTRACE_WANTS_STEP -> tif_ss = 0 :: else fi }
#else
				skip
#endif
			:: else ->
				signal_pass(0);
				finish_resume_report()
			fi
		fi
	:: else ->
		if
		:: sig_q && (uflags & EV_SIGNAL) && !UTRACE_JOBCTL_PENDING ->
#ifdef UTRACE_GET_SIGNAL_DEQUEUE_HOOK
			/* ptrace.pml: which signal dequeue_signal() takes (sig_q = more pending) */
			d_step { sig_q = 0; UTRACE_GET_SIGNAL_DEQUEUE_HOOK(); printf("@%d utrace_get_signal:dequeue\n", _pid) }
#else
			d_step { sig_q = 0; printf("@%d utrace_get_signal:dequeue\n", _pid) }
#endif
			if
			:: uflags & (EV_SIGNAL | EV_QUIESCE) ->
				spin_unlock(siglock);
				signal_pass(EV_SIGNAL);
				finish_resume_report()
			:: else -> spin_unlock(siglock)
			fi
		:: else -> spin_unlock(siglock)
		fi
	fi;
	clear_report()
}

/* get_signal_to_deliver(): SIGKILL first; then the utrace hook; then the
 * remaining (ordinary) signal is delivered with its default action, which the
 * model takes to be "ignore".  (ptrace.pml brings its own signal.c:
 * SIGNAL_C_MODEL.) */
#ifndef SIGNAL_C_MODEL
inline get_signal_to_deliver()
{
	spin_lock(siglock);
	if
	:: fatal -> spin_unlock(siglock); t_exiting = 1	/* do_group_exit(SIGKILL) */
	:: else ->
		if
		:: uflags != 0 -> utrace_get_signal()	/* utrace_hook_signal() */
		:: else -> spin_unlock(siglock)
		fi;
		spin_lock(siglock);
		atomic { sig_q = 0; tif_sp = (fatal || resume == UTRACE_INTERRUPT) }	/* dequeue + recalc */
		spin_unlock(siglock)
	fi
}
#endif

/* The engine that wants single-step must still be on the attached list (S10).
 * STEP_WANTED_PTRACE: ptrace's own PT_SINGLE_STEP (ptrace.pml, coexistence). */
#ifndef STEP_WANTED_PTRACE
#define STEP_WANTED_PTRACE 0
#endif
#if NENGINES == 1
#define STEP_WANTED (ON_ATTACHED(0) && g_step[0])
#define DETACHED_LEFT (ON_ATTACHED(0) && eops[0] == OPS_DETACHED)
#elif NENGINES == 2
#define STEP_WANTED ((ON_ATTACHED(0) && g_step[0]) || (ON_ATTACHED(1) && g_step[1]))
#define DETACHED_LEFT ((ON_ATTACHED(0) && eops[0] == OPS_DETACHED) || (ON_ATTACHED(1) && eops[1] == OPS_DETACHED))
#else
#define STEP_WANTED ((ON_ATTACHED(0) && g_step[0]) || (ON_ATTACHED(1) && g_step[1]) || (ON_ATTACHED(2) && g_step[2]))
#define DETACHED_LEFT ((ON_ATTACHED(0) && eops[0] == OPS_DETACHED) || (ON_ATTACHED(1) && eops[1] == OPS_DETACHED) || (ON_ATTACHED(2) && eops[2] == OPS_DETACHED))
#endif

/*
 * The return to user mode (exit_to_user_mode_loop / do_notify_resume): the
 * thread-flags word is loaded once per round; TIF_SIGPENDING ->
 * get_signal_to_deliver(); TIF_NOTIFY_RESUME -> clear it,
 * tracehook_notify_resume() -> utrace_resume() if utrace_flags.  When no work
 * is left T enters user mode: S10 is checked there.
 */
inline exit_to_user()
{
	do
	:: atomic { r_x = tif_sp * 2 + tif_nr }
		if
		:: r_x >= 2 ->
			get_signal_to_deliver();
			if
			:: t_exiting -> break
			:: else
			fi
		:: r_x == 1 ->
			d_step { tif_nr = 0 }
			if
			:: uflags != 0 -> utrace_resume()	/* tracehook_notify_resume() */
			:: else
			fi
		:: r_x == 0 ->
			d_step {	/* enter user mode */
				/* S10: never return to user mode single-stepping unless an
				 * engine still attached asked for it in its latest word */
				CHECK(S10, !tif_ss || STEP_WANTED || STEP_WANTED_PTRACE);	/* S10 */
#ifdef USER_MODE_HOOK
				USER_MODE_HOOK();	/* ptrace.pml: checks at the entry to user mode */
#endif
				printf("@%d user mode\n", _pid)
			}
			break
		fi
	od;
	skip;	/* (break may not jump into a d_step) */
	d_step { r_x = 0 }
}

/*
 * utrace_report_syscall_entry(regs): reverse engine order, then "finish_report(
 * task, utrace, &report, false); ... if (report.action == UTRACE_STOP) {
 * utrace_stop(task, utrace, report.resume_action); ..."  (The
 * UTRACE_SYSCALL_RESUMED repeat after a stop is not modelled.)
 */
inline utrace_report_syscall_entry()
{
	init_report();
	start_report();
	report_callbacks(EV_SYSENTRY, CB_SYSENTRY, 1);
	finish_report(0);
	if
	:: r_action == UTRACE_STOP -> utrace_stop(r_resume_act)
	:: else
	fi;
	clear_report()
}

/* utrace_report_exec(): REPORT(task, utrace, &report, UTRACE_EVENT(EXEC),
 * report_exec, ...) = start_report + REPORT_CALLBACKS + finish_report(true) */
inline utrace_report_exec()
{
	init_report();
	start_report();
	report_callbacks(EV_EXEC, CB_EXEC, 0);
	finish_report(1);
	clear_report()
}

/*
 * utrace_report_death(task, group_dead, signal).  kernel: "spin_lock(&utrace->lock);
 * BUG_ON(utrace->death); utrace->death = 1; utrace->resume = UTRACE_RESUME;
 * splice_attaching(utrace); spin_unlock(&utrace->lock);
 * REPORT_CALLBACKS(, task, utrace, &report, UTRACE_EVENT(DEATH), report_death,
 * ...); utrace_maybe_reap(task, utrace, false);"
 */
inline utrace_report_death()
{
	spin_lock(ulock);	/* utrace_report_death:lock */
	d_step {
		CHECK(S8, !death);	/* BUG_ON(utrace->death) */
		death = 1; resume = UTRACE_RESUME;
		splice_attaching();
		printf("@%d utrace_report_death:lock death=1\n", _pid)
	}
	spin_unlock(ulock);
	init_report();
	report_callbacks(EV_DEATH, CB_DEATH, 0);
	clear_report();
	utrace_maybe_reap(0)
}

/* do_exit() -> exit_notify() (exit_state set under write_lock(tasklist_lock))
 * -> utrace_exit_notify(): "smp_mb(); if (task_utrace_flags(task) &
 * _UTRACE_DEATH_EVENTS) utrace_report_death(...)" */
inline do_exit()
{
	d_step { exit_state = EXIT_ZOMBIE; printf("@%d exit_notify: zombie\n", _pid) }
	if
	:: uflags & DEATH_EVENTS -> utrace_report_death()
	:: else
	fi;
	d_step { t_gone = 1 }	/* checker bookkeeping (L7) */
}

#endif /* UTRACE_TRACEE_PML */
