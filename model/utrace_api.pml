/*
 * model/utrace_api.pml - controller side of utrace: the engine API.
 * This file is meant to be #include'd (after utrace_common.pml).  One inline
 * per kernel function of utrace-3.1 kernel/utrace.c, named after it; the C
 * function of src/utrace.c has the same name; steps print the tags of
 * docs/protocol.md.
 *
 * Step rule (kernel.pml): a step holds at most one racy access; lock
 * acquire/release are steps of their own; lock-protected accesses, locals and
 * checker-only bookkeeping ride on an adjacent step.  For a controller holding
 * ulock the racy accesses are: its writes of engine->ops/flags,
 * task->utrace_flags, utrace->resume, pending_attach and TIF bits (T reads
 * them without the lock), its reads of utrace->reporting (T writes it without
 * the lock), of T's state and exit_state (SIGKILL and exit change them
 * without ulock), and of engine->ops in the barrier (the reap teardown
 * stores ops without the lock).
 *
 * Locals: a controller declares CTL_LOCALS and byte ret, r2.
 */
#ifndef UTRACE_API_PML
#define UTRACE_API_PML

#define CTL_LOCALS byte gl_ops, c_reset, c_old, c_x; RESET_LOCALS

/*
 * get_utrace_lock(target, engine, attached=true): the gate of every call but
 * utrace_barrier.  kernel: "if (unlikely(!engine->ops) ||
 * unlikely(engine->ops == &utrace_detached_ops))" under rcu_read_lock(), then
 * spin_lock(&utrace->lock), the same re-check and (c93fecc9)
 * "if (unlikely(utrace->reap))".  Leaves ulock held iff err == E_OK.
 */
inline get_utrace_lock(e, err)
{
	atomic {	/* get_utrace_lock:ops - lockless, never touches the task */
		gl_ops = eops[e];
		err = (gl_ops == OPS_LIVE -> E_OK : ESRCH);
		printf("@%d get_utrace_lock:ops E%d ops=%d\n", _pid, e, gl_ops)
	}
	if
	:: err == E_OK ->
		spin_lock(ulock);	/* get_utrace_lock:lock */
		atomic {	/* re-check under ulock (reap is under ulock) */
			if
#ifndef BUG_C7
			:: reap -> err = ESRCH
#endif
			:: eops[e] != OPS_LIVE -> err = ESRCH
			:: else -> CHECK(S7, eops[e] == OPS_LIVE && !reap)	/* S7: the gate holds */
			fi
		}
		if
		:: err != E_OK -> spin_unlock(ulock)
		:: else
		fi
	:: else
	fi
}

/* mark_engine_wants_stop(): "engine->flags |= ENGINE_STOP;
 * task->utrace_flags |= ENGINE_STOP;"  (ulock held; two visible stores) */
inline mark_engine_wants_stop(e)
{
	d_step { eflags[e] = eflags[e] | ENGINE_STOP; printf("@%d mark_engine_wants_stop:engine E%d\n", _pid, e) }
	d_step { CHECK(S8, !g_torn); uflags = uflags | ENGINE_STOP; printf("@%d mark_engine_wants_stop:uflags\n", _pid) }
}

/*
 * clear_engine_wants_stop(), ulock held.  utrace-3.1: "engine->flags &=
 * ~ENGINE_STOP" only; the stale bit left in utrace_flags is the root of C2.
 * Fixed protocol: an engine that held ENGINE_STOP also clears it in
 * utrace_flags, which forces utrace_stop() to re-check through utrace_reset()
 * (the trick C1's fix uses for DETACH).  c_x tells whether it had the bit.
 */
inline clear_engine_wants_stop(e)
{
	d_step {	/* the read is lock-protected: every writer holds ulock */
		c_x = eflags[e] & ENGINE_STOP;
		eflags[e] = eflags[e] & ~ENGINE_STOP;
		printf("@%d clear_engine_wants_stop:engine E%d had=%d\n", _pid, e, c_x)
	}
#ifndef V31_C2
	if
	:: c_x -> d_step { uflags = uflags & ~ENGINE_STOP; printf("@%d clear_engine_wants_stop:uflags (C2 fix)\n", _pid) }
	:: else
	fi;
#endif
	c_x = 0
}

/*
 * utrace_do_stop(target, utrace), ulock held.  kernel: "else if
 * (utrace->resume > UTRACE_REPORT) { utrace->resume = UTRACE_REPORT;
 * set_notify_resume(target); }" ... "return task_is_utraced(target);"
 * (The STOPPED/TRACED branch exists only in ptrace.pml, UTRACE_DO_STOP_COEXIST.)
 */
inline utrace_do_stop(stopped)
{
#ifdef UTRACE_DO_STOP_COEXIST
	/* hook (ptrace.pml): "if (task_is_stopped_or_traced(target)) { ...
	 * target->state |= TASK_UTRACED; ... } else if ..." (15/31; V2010:
	 * task_is_stopped).  Sets stopped iff T was STOPPED/TRACED. */
	UTRACE_DO_STOP_COEXIST(stopped);
	if
	:: stopped -> skip
	:: else ->
#endif
	d_step {	/* utrace_do_stop:resume (resume is written only under ulock) */
		stopped = (resume > UTRACE_REPORT);
		if
		:: stopped -> resume = UTRACE_REPORT
		:: else
		fi;
		printf("@%d utrace_do_stop:resume lowered=%d\n", _pid, stopped)
	}
	if
	:: stopped -> d_step { tif_nr = 1; printf("@%d utrace_do_stop:notify TIF_NOTIFY_RESUME\n", _pid) }
	:: else
	fi;
#ifdef UTRACE_DO_STOP_COEXIST
	fi;
#endif
	atomic { stopped = TASK_IS_UTRACED(tstate) }	/* "return task_is_utraced(target);" */
}

/* find_matching_engine() with MATCH_OPS: each controller has its own ops,
 * so the only engine that can match is its own, if live and on a list. */
#define MATCHES(e) ((onlist[e] == L_ATTACHING || onlist[e] == L_ATTACHED) && eops[e] == OPS_LIVE)

/*
 * utrace_attach_task(target, UTRACE_ATTACH_CREATE | MATCH_OPS [| EXCLUSIVE])
 * -> utrace_add_engine().  kernel: "if (!target->utrace_flags) {
 * target->utrace_flags = UTRACE_EVENT(REAP); smp_mb(); if
 * (unlikely(target->exit_state == EXIT_DEAD)) { target->utrace_flags = 0;
 * goto unlock; } } list_add_tail(&engine->entry, &utrace->attaching);
 * utrace->pending_attach = 1; utrace_engine_get(engine);"
 */
inline utrace_attach_create(e, excl, ret)
{
	/* kmalloc the engine (one reference for the caller); not yet visible */
	d_step { ref[e] = 1; eflags[e] = 0; eops[e] = OPS_LIVE; g_data[e] = DATA_ALIVE;
		 printf("@%d utrace_attach_task:alloc E%d\n", _pid, e) }
	spin_lock(ulock);	/* utrace_add_engine:lock */
	d_step {	/* lists, reap and utrace_flags are written only under ulock */
		ret = E_OK;
		if
		:: excl && MATCHES(e) -> ret = EEXIST
#ifndef V31_ATTACH_REAP
		:: reap -> ret = ESRCH	/* fixed: no attach once release_task() ran */
#endif
		:: else
		fi;
		c_x = (ret == E_OK && uflags == 0)
	}
	if
	:: c_x ->
		d_step { CHECK(S8, !g_torn); uflags = EV_REAP; printf("@%d utrace_add_engine:reap_marker\n", _pid) }
		/* smp_mb() (B3), then the racy read of exit_state */
		atomic { c_x = (exit_state == EXIT_DEAD) }
		if
		:: c_x -> d_step { uflags = 0; ret = ESRCH; printf("@%d utrace_add_engine:exit_dead undo\n", _pid) }
		:: else
		fi
	:: else
	fi;
	if
	:: ret == E_OK ->
		d_step {	/* utrace_add_engine:attaching (T reads pending_attach locklessly) */
			onlist[e] = L_ATTACHING; epos[e] = nattach; nattach++;
			pending_attach = 1; ref[e] = ref[e] + 1;
			printf("@%d utrace_add_engine:attaching E%d\n", _pid, e)
		}
	:: else
	fi;
	spin_unlock(ulock);
	if
	:: ret != E_OK ->	/* the engine is freed directly, release not called */
		d_step { ref[e] = 0; eops[e] = OPS_NULL; g_data[e] = DATA_FREED; c_x = 0 }
	:: else -> c_x = 0
	fi
}

/* utrace_attach_task(target, MATCH_OPS) without CREATE: lookup, takes a ref.
 * kernel: "engine = find_matching_engine(...); if (engine)
 * utrace_engine_get(engine);" under ulock. */
inline utrace_attach_lookup(e, ret)
{
	spin_lock(ulock);
	d_step {
		if
		:: MATCHES(e) -> ref[e] = ref[e] + 1; ret = E_OK
		:: else -> ret = ENOENT
		fi;
		printf("@%d utrace_attach_task:lookup E%d ret=%d\n", _pid, e, ret)
	}
	spin_unlock(ulock)
}

/*
 * utrace_set_events(target, engine, events).  kernel: "if (((old_flags &
 * ~events) & _UTRACE_DEATH_EVENTS) && utrace->death) goto unlock;" ... (B7)
 * "if (unlikely(target->exit_state)) { read_unlock(&tasklist_lock); goto
 * unlock; }" ... "engine->flags = events | (engine->flags & ENGINE_STOP);
 * target->utrace_flags |= events;" ... "if ((old_flags & ~events) && target
 * != current && !task_is_utraced(target) && !target->exit_state) { smp_mb();
 * if (utrace->reporting == engine) ret = -EINPROGRESS; }"
 */
inline utrace_set_events(e, events, ret)
{
	get_utrace_lock(e, ret);
	if
	:: ret == E_OK ->
		d_step {	/* utrace_set_events:flags.  death is under ulock;
				 * exit_state is read under read_lock(&tasklist_lock)
				 * (B7), which excludes exit_notify()'s store */
			c_old = eflags[e] & ~ENGINE_STOP;
			c_x = (exit_state != EXIT_ALIVE);	/* the B7 read */
			if
			:: (c_old & ~(events) & DEATH_EVENTS) && death -> ret = EALREADY
			:: ((events) & ~c_old & DEATH_EVENTS) && c_x -> ret = EALREADY
			:: else ->
				eflags[e] = (events) | (eflags[e] & ENGINE_STOP);
				g_disabled[e] = g_disabled[e] & ~(events);
				if	/* without QUIESCE no report_signal is owed (C15, by design) */
				:: !((events) & EV_QUIESCE) -> g_int_owed[e] = 0
				:: else
				fi;
				/* B7: the DEATH/QUIESCE bits reach utrace_flags inside
				 * the read_lock(&tasklist_lock) section that saw
				 * !exit_state, so exit_notify() sees them */
				if
				:: !c_x -> uflags = uflags | ((events) & DEATH_EVENTS)
				:: else
				fi
			fi;
			printf("@%d utrace_set_events:flags E%d events=%d ret=%d\n", _pid, e, events, ret)
		}
		if
		:: ret == E_OK ->
			d_step {	/* utrace_set_events:uflags */
				CHECK(S8, !g_torn);	/* nothing sets utrace_flags after the teardown */
#ifdef V31_N4
				/* N4 (utrace-3.1 too): DEATH/QUIESCE re-enter a dead
				 * task's utrace_flags: release_task() then leaves the
				 * teardown to a death report that is already over */
				uflags = uflags | (events)
#else
				/* N4 fix: a dead task's utrace_flags keep no DEATH_EVENTS
				 * (as utrace_reset() leaves them); the engine's own flags
				 * still have them for a death report in progress */
				if
				:: c_x -> uflags = uflags | ((events) & ~DEATH_EVENTS)
				:: else -> uflags = uflags | (events)
				fi
#endif
			}
#ifdef UTRACE_SET_EVENTS_SYSCALL_HOOK
			/* hook (ptrace.pml): "if ((events & UTRACE_EVENT_SYSCALL) && !(old_utrace_flags
			 * & UTRACE_EVENT_SYSCALL)) set_tsk_thread_flag(target, TIF_SYSCALL_TRACE);" */
			UTRACE_SET_EVENTS_SYSCALL_HOOK(events);
#endif
			if
			:: (c_old & ~(events)) != 0 ->
				/* bits removed: is T running?  (one step for both reads:
				 * a stopped T woken by SIGKILL waits for ulock in
				 * utrace_finish_stop() (B9), so it cannot change
				 * exit_state between them) */
				atomic { c_x = (!TASK_IS_UTRACED(tstate) && exit_state == EXIT_ALIVE) }
				if
				:: c_x ->	/* smp_mb() (B4), then utrace_set_events:reporting */
					atomic {
						if
						:: reporting == e -> ret = EINPROGRESS
						:: else ->
							/* S9: 0 => no callback that only removed
							 * events justify is in progress or to come */
							CHECK(S9, g_in_cb[e] == 0 || (g_in_cb[e] & (events)) != 0);
							g_disabled[e] = g_disabled[e] | (c_old & ~(events))
						fi;
						printf("@%d utrace_set_events:reporting ret=%d\n", _pid, ret)
					}
				:: else ->	/* T stopped or dead: no callback can be running */
					d_step { g_disabled[e] = g_disabled[e] | (c_old & ~(events)) }
				fi
			:: else
			fi
		:: else
		fi;
		spin_unlock(ulock)
	:: else
	fi;
	d_step { c_old = 0; c_x = 0; gl_ops = 0 }
}

/*
 * utrace_control(target, engine, action).  kernel: "reset =
 * task_is_utraced(target);" ... "if (unlikely(target->exit_state)) { ret =
 * utrace_control_dead(target, utrace, action); ... reset = true; }" then the
 * switch on action; "if (reset) utrace_reset(target, utrace); else
 * spin_unlock(&utrace->lock);"
 *
 * wish: the engine's own bookkeeping (the action its callbacks should return
 * from now on), stored just before the call; its store is merged into the
 * call's first step, whose other access (the QUIESCE bit of the caller's own
 * engine, changed only by the caller itself) is not racy.
 */
inline utrace_control(e, action, wish, ret)
{
	atomic {	/* pre-checks without the lock: REPORT..BLOCKSTEP need QUIESCE */
		if
		:: (wish) != NORET -> cwant[e] = (wish)
		:: else
		fi;
		if
		:: (action) >= UTRACE_REPORT && (action) < UTRACE_RESUME && !(eflags[e] & EV_QUIESCE) -> ret = EINVAL
		:: else -> ret = E_OK
		fi
	}
	if
	:: ret == E_OK -> get_utrace_lock(e, ret)
	:: else
	fi;
	if
	:: ret == E_OK ->
		atomic {	/* utrace_control:state.  One step for both reads of the
				 * task (see utrace_set_events); death is under ulock */
			c_reset = TASK_IS_UTRACED(tstate);
			if
			:: exit_state != EXIT_ALIVE ->	/* utrace_control_dead() */
				if
				:: (action) != UTRACE_DETACH -> ret = ESRCH
				:: (action) == UTRACE_DETACH && death -> ret = EALREADY
				:: else -> c_reset = 1
				fi
			:: else
			fi;
			CHECK(CRET, ret != EALREADY || death);	/* -EALREADY: report_death runs or will */
			if	/* C-EALREADY bookkeeping: a death-pass callback is owed */
			:: ret == EALREADY && (eflags[e] & DEATH_EVENTS) -> g_ealready[e] = 1
			:: else
			fi;
			/* S10 bookkeeping: a control on a stopped T decides how it resumes */
			if
			:: ret == E_OK && c_reset -> g_step[e] = ((action) == UTRACE_SINGLESTEP || (action) == UTRACE_BLOCKSTEP)
			:: else
			fi;
			printf("@%d utrace_control:state E%d action=%d utraced=%d ret=%d\n", _pid, e, action, c_reset, ret)
		}
		if
		:: ret != E_OK -> spin_unlock(ulock)
		:: else ->
			if
			:: (action) == UTRACE_STOP ->
				mark_engine_wants_stop(e);
				if
				:: !c_reset ->
					utrace_do_stop(c_x);
					if
					:: !c_x -> ret = EINPROGRESS
					:: else
					fi
				:: else
				fi;
				c_reset = 0	/* STOP never resets */
			:: (action) == UTRACE_DETACH ->
				d_step {	/* utrace_control:detach_flags - one store:
						 * C1 "target->utrace_flags &= ~ENGINE_STOP" if the
						 * engine wanted the stop; C11 fix: | QUIESCE, so every
						 * report pass visits the detached engine and resets */
					if
					:: eflags[e] & ENGINE_STOP -> uflags = uflags & ~ENGINE_STOP
					:: else
					fi;
#ifndef V31_C11
#ifdef BUG_N3
					uflags = uflags | EV_QUIESCE;
#else
					/* N3 fix: under read_lock(&tasklist_lock) (B7), only
					 * while !exit_state: a QUIESCE added after exit_notify()'s
					 * check would make release_task() wait for a death
					 * report that never comes.  A dead T's detached engine
					 * is collected by the death report or the reap. */
					if
					:: exit_state == EXIT_ALIVE -> uflags = uflags | EV_QUIESCE
					:: else
					fi;
#endif
#endif
					printf("@%d utrace_control:detach_flags\n", _pid)
				}
				mark_engine_detached(e);
				if
				:: !c_reset -> utrace_do_stop(c_reset)
				:: else
				fi;
				if
				:: !c_reset ->	/* smp_mb() (B4), then utrace_control:reporting */
					atomic {
						if
						:: reporting == e -> ret = EINPROGRESS
						:: else ->	/* S9: 0 means no callback, ever again */
							CHECK(S9, g_in_cb[e] == 0);
							g_disabled[e] = 255
						fi;
						printf("@%d utrace_control:reporting ret=%d\n", _pid, ret)
					}
				:: else -> d_step { CHECK(S9, g_in_cb[e] == 0); g_disabled[e] = 255; g_step[e] = 0 }
				fi
			:: (action) == UTRACE_RESUME ->
				clear_engine_wants_stop(e);
				if
#ifndef V31_F2
				/* utrace_control(RESUME), F2 (ptrace.pml, coexistence): not a step ptrace wants */
				:: c_reset && !PTRACE_WANTS_STEP -> d_step { tif_ss = 0 }	/* user_disable_single_step(): T is stopped */
#else
				:: c_reset -> d_step { tif_ss = 0 }	/* user_disable_single_step(): T is stopped */
#endif
				:: else
				fi
			:: (action) == UTRACE_REPORT || (action) == UTRACE_SINGLESTEP || (action) == UTRACE_BLOCKSTEP ->
				clear_engine_wants_stop(e);
				d_step {	/* utrace_control:resume */
#ifdef V31_C13
					c_x = (action);
#else
					c_x = UTRACE_REPORT;	/* C13: never store *STEP in utrace->resume */
#endif
					if
					:: c_x < resume -> resume = c_x
					:: else -> c_x = 0
					fi;
					printf("@%d utrace_control:resume set=%d\n", _pid, c_x)
				}
				if
				:: c_x -> d_step { tif_nr = 1; c_x = 0; printf("@%d utrace_control:notify TIF_NOTIFY_RESUME\n", _pid) }
				:: else
				fi
			:: (action) == UTRACE_INTERRUPT ->
				clear_engine_wants_stop(e);
				d_step {	/* utrace_control:resume */
					c_x = (resume != UTRACE_INTERRUPT);
					if
					:: c_x -> resume = UTRACE_INTERRUPT
					:: else
					fi;
					printf("@%d utrace_control:resume INTERRUPT set=%d\n", _pid, c_x)
				}
				if
				:: c_x && c_reset -> d_step { tif_sp = 1; c_x = 0 }	/* T sees it after wakeup */
				:: c_x && !c_reset ->
					/* B10: signal_wake_up(target, 0) under siglock */
					spin_lock(siglock);
					d_step {	/* utrace_control:interrupt */
						tif_sp = 1; c_x = 0;
						if
						:: tstate == TASK_INTERRUPTIBLE -> tstate = TASK_RUNNING
						:: else
						fi;
						printf("@%d utrace_control:interrupt signal_wake_up\n", _pid)
					}
					spin_unlock(siglock)
				:: else
				fi
			fi;
			if
			:: c_reset -> utrace_reset(c_x)	/* releases ulock, may wake T */
			:: else -> spin_unlock(ulock)
			fi;
			/* C-RET: STOP returns 0 only if T is stopped (or SIGKILLed) */
			d_step { CHECK(CRET, (action) != UTRACE_STOP || ret == EINPROGRESS || (tstate & __TASK_UTRACED) || fatal) }
		fi
	:: else
	fi;
	d_step { c_reset = 0; c_x = 0; c_old = 0; gl_ops = 0 }
}

/* S6 at the linearisation point of utrace_barrier (the locked read of
 * reporting, or the lockless read of ops == NULL): 0 => no callback in
 * progress and the result of every earlier callback applied; -ESRCH => the
 * same, and no callback can start any more. */
#define BARRIER_DECIDED(e, r) \
	CHECK(S6, g_in_cb[e] == 0 && g_pend[e] == NORET); \
	if \
	:: (r) == ESRCH -> g_disabled[e] = 255 \
	:: else \
	fi

/*
 * utrace_barrier(target, engine).  utrace-3.1: "utrace = get_utrace_lock(target,
 * engine, false); ... if (utrace->reporting != engine) ret = 0; ... if (ret !=
 * -ERESTARTSYS) break; schedule_timeout_interruptible(1);" where
 * get_utrace_lock(..., false) returns -ERESTARTSYS for detached ops and -ESRCH
 * once utrace->reap is set.  Fixed protocol: docs/protocol.md section 3.
 *
 * The poll (schedule_timeout_interruptible(1) then retry) is modelled as a
 * blocking wait for a change of what the next poll tests: the poll is pure,
 * so waking on a change is equivalent to polling under fairness, and a poll
 * that can never succeed leaves the controller blocked: an invalid end state
 * (L3).  -ERESTARTSYS (a signal for the caller) is not generated: the model's
 * controllers have no signals; the C tests cover it.
 */
inline utrace_barrier(e, ret)
{
	do
	:: atomic {	/* utrace_barrier:ops */
		gl_ops = eops[e];
		if
		:: gl_ops == OPS_NULL -> ret = ESRCH; BARRIER_DECIDED(e, ESRCH)
		:: else -> ret = WAITING
		fi;
		printf("@%d utrace_barrier:ops E%d ops=%d\n", _pid, e, gl_ops)
	   }
		if
		:: ret == ESRCH -> break
#ifdef V31_C9
		:: ret != ESRCH && gl_ops == OPS_DETACHED ->	/* -ERESTARTSYS: poll */
			atomic { eops[e] != OPS_DETACHED -> printf("@%d utrace_barrier:wait (detached)\n", _pid) }
#endif
		:: else ->
			spin_lock(ulock);	/* utrace_barrier:lock */
			atomic {	/* utrace_barrier:reporting - reporting and ops are racy even under ulock */
				if
				:: eops[e] == OPS_NULL -> ret = ESRCH
#ifdef V31_C8
				:: eops[e] != OPS_NULL && reap -> ret = ESRCH	/* get_utrace_lock's reap check */
				:: eops[e] != OPS_NULL && !reap ->
#else
				:: eops[e] != OPS_NULL ->
#endif
					if
					:: reporting == e -> ret = WAITING
					:: reporting != e && eops[e] == OPS_DETACHED ->
#ifdef V31_C9
						ret = WAITING	/* -ERESTARTSYS: poll until unlinked */
#else
						ret = ESRCH	/* C9 fix */
#endif
					:: reporting != e && eops[e] == OPS_LIVE && reap ->
						ret = WAITING	/* C8 fix: teardown pending */
					:: reporting != e && eops[e] == OPS_LIVE && !reap -> ret = E_OK
					fi
				fi;
				c_x = reap;
				if
				:: ret != WAITING -> BARRIER_DECIDED(e, ret)
				:: else
				fi;
				printf("@%d utrace_barrier:reporting E%d ret=%d\n", _pid, e, ret)
			}
			spin_unlock(ulock);
			if
			:: ret == WAITING ->	/* utrace_barrier:wait */
				atomic { (reporting != e || eops[e] != gl_ops || reap != c_x) ->
					 printf("@%d utrace_barrier:wait done\n", _pid) }
			:: else -> break
			fi
		fi
	od;
	skip;	/* (break may not jump into a d_step) */
	d_step { gl_ops = 0; c_x = 0 }
}

/* utrace_engine_put(): kref_put(&engine->kref, __utrace_engine_release);
 * "BUG_ON(!list_empty(&engine->entry))" then "if (engine->release)
 * (*engine->release)(engine->data);" */
inline utrace_engine_put(e)
{
	d_step {
		CHECK(S14, ref[e] > 0);
		ref[e]--;
		if
		:: ref[e] == 0 ->
			CHECK(S14, onlist[e] == L_NONE);	/* not on any list */
			CHECK(S14, !g_released[e]);	/* release exactly once */
			g_released[e] = 1;
			printf("@%d utrace_engine_put:release E%d\n", _pid, e)
		:: else
		fi
	}
}

#endif /* UTRACE_API_PML */
