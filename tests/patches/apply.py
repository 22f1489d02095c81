#!/usr/bin/env python3
"""Apply the proposed fixes of tests/PATCHES.md to a copy of src/ (by text anchors)."""
import sys
root = sys.argv[1]
which = sys.argv[2].split(",") if len(sys.argv) > 2 else ["ORDER", "N3", "N4", "SIGREPORT"]

def sub(path, old, new, count=1):
    p = root + "/" + path
    s = open(p).read()
    if s.count(old) != count:
        sys.exit("%s: expected %d occurrence(s) of:\n%s" % (path, count, old))
    s = s.replace(old, new)
    open(p, "w").write(s)

if "ORDER" in which:
    sub("env/env_user.h", "#define smp_store_release(p, v)\t__atomic_store_n((p), (v), __ATOMIC_RELEASE)\n",
        "#define smp_store_release(p, v)\t__atomic_store_n((p), (v), __ATOMIC_RELEASE)\n"
        "#define smp_load_acquire(p)\t__atomic_load_n((p), __ATOMIC_ACQUIRE)\n")
    sub("env/env_framac.h", "#define smp_store_release(p, v)\t(*(p) = (v))\n",
        "#define smp_store_release(p, v)\t(*(p) = (v))\n"
        "#define smp_load_acquire(p)\t(__fc_interfere(), *(p))\n")
    sub("utrace.c", """static int task_exit_state(struct task_struct *task)
{
	return READ_ONCE(task->exit_state);
}""", """static int task_exit_state(struct task_struct *task)
{
	/* acquire: a dead task's last callback happened before (ORDER) */
	return smp_load_acquire(&task->exit_state);
}""")
    sub("utrace.c", """static struct utrace_engine *utrace_reporting(struct utrace *utrace)
{
	return READ_ONCE(utrace->reporting);
}""", """static struct utrace_engine *utrace_reporting(struct utrace *utrace)
{
	/* acquire: pairs with utrace_set_reporting() (ORDER) */
	return smp_load_acquire(&utrace->reporting);
}""")
    sub("utrace.c", """{
	WRITE_ONCE(utrace->reporting, engine);
}""", """{
	/*
	 * Release (ORDER): whoever sees this value also sees every access of
	 * the callbacks T made before, so a controller that reads "not
	 * reporting to my engine" (DETACH -> 0, utrace_barrier -> 0) may free
	 * the engine's data.  Every store, not only NULL: a reader may see
	 * the next engine's value.
	 */
	smp_store_release(&utrace->reporting, engine);
}""")
    sub("utrace.c", """			WRITE_ONCE(engine->ops, NULL);
			list_move_tail(&engine->entry, &detached);""",
        """			/* release: pairs with utrace_barrier() (ORDER, as C8) */
			smp_store_release(&engine->ops, NULL);
			list_move_tail(&engine->entry, &detached);""")
    sub("utrace.c", """		if (!READ_ONCE(engine->ops))
			return -ESRCH;	/* all callbacks finished */""",
        """		if (!smp_load_acquire(&engine->ops))
			return -ESRCH;	/* all callbacks finished */""")
    sub("utrace.c", """static const struct utrace_engine_ops *engine_ops_racy(struct utrace_engine *engine)
{
	return READ_ONCE(engine->ops);
}""", """static const struct utrace_engine_ops *engine_ops_racy(struct utrace_engine *engine)
{
	/* acquire: pairs with the ops = NULL release stores (ORDER, C8) */
	return smp_load_acquire(&engine->ops);
}""")

if "N3" in which:
    sub("utrace.c", """	if (engine->flags & ENGINE_STOP)
		flags &= ~ENGINE_STOP;
#ifndef V31_C11
	flags |= UTRACE_EVENT(QUIESCE);
#endif
	UTRACE_STEP("utrace_control:detach_flags");	/* model: utrace_control:detach_flags */
	WRITE_ONCE(task_uflags(target), flags);""", """	if (engine->flags & ENGINE_STOP)
		flags &= ~ENGINE_STOP;
	UTRACE_STEP("utrace_control:detach_flags");	/* model: utrace_control:detach_flags */
	/*
	 * N3: B7 as in utrace_set_events(): QUIESCE only while exit_state is
	 * 0, or release_task() waits for a death report utrace_exit_notify()
	 * already decided not to make.
	 */
	read_lock(&tasklist_lock);
#ifndef V31_C11
	if (!task_exit_state(target))
		flags |= UTRACE_EVENT(QUIESCE);
#endif
	WRITE_ONCE(task_uflags(target), flags);
	read_unlock(&tasklist_lock);""")

if "N4" in which:
    sub("utrace.c", """	unsigned long old_flags, old_utrace_flags;

	old_utrace_flags = task_uflags(target);""", """	unsigned long old_flags, old_utrace_flags, uevents = events;

	old_utrace_flags = task_uflags(target);""")
    sub("utrace.c", """	if (events & ~old_flags & _UTRACE_DEATH_EVENTS) {
		/*
		 * B7: with tasklist_lock held, exit_notify() cannot set
		 * exit_state under us; if it has not, utrace_exit_notify()
		 * will see these bits and report the death.
		 */
		read_lock(&tasklist_lock);
		if (unlikely(task_exit_state(target))) {
			read_unlock(&tasklist_lock);
			return -EALREADY;
		}
		UTRACE_STEP("utrace_set_events:death_bits");	/* model: utrace_set_events:death_bits */
		WRITE_ONCE(task_uflags(target), task_uflags(target) | events);
		read_unlock(&tasklist_lock);
	}""", """	if (events & _UTRACE_DEATH_EVENTS) {
		/*
		 * B7: with tasklist_lock held, exit_notify() cannot set
		 * exit_state under us; if it has not, utrace_exit_notify()
		 * will see these bits and report the death.  Once exit_state
		 * is set, DEATH/QUIESCE never (re)enter utrace_flags, even for
		 * an engine that already had them (N4): release_task() would
		 * wait for a death report that is over or will not come.
		 */
		read_lock(&tasklist_lock);
		if (unlikely(task_exit_state(target))) {
			read_unlock(&tasklist_lock);
			if (events & ~old_flags & _UTRACE_DEATH_EVENTS)
				return -EALREADY;
			uevents &= ~_UTRACE_DEATH_EVENTS;
		} else {
			UTRACE_STEP("utrace_set_events:death_bits");	/* model: utrace_set_events:death_bits */
			WRITE_ONCE(task_uflags(target), task_uflags(target) | events);
			read_unlock(&tasklist_lock);
		}
	}""")
    sub("utrace.c", """	UTRACE_STEP("utrace_set_events:uflags");	/* model: utrace_set_events:uflags */
	WRITE_ONCE(task_uflags(target), task_uflags(target) | events);""",
        """	UTRACE_STEP("utrace_set_events:uflags");	/* model: utrace_set_events:uflags */
	WRITE_ONCE(task_uflags(target), task_uflags(target) | uevents);""")

if "SIGREPORT" in which:
    sub("utrace.c", """	if (ops->report_signal)
		return ops->report_signal(action, engine, sa->regs, sa->info,
					  sa->orig_ka, sa->return_ka);
	return call_report_quiesce(ops, action, engine, event);""", """	if (ops->report_signal)
		return ops->report_signal(action, engine, sa->regs, sa->info,
					  sa->orig_ka, sa->return_ka);
	/*
	 * SIGREPORT: as utrace-3.1 ("report.result | report_quiesce(
	 * report.action, ...)"): report_quiesce() gets the resume action and
	 * cannot change the signal action.  Otherwise its plain resume value
	 * (and the detached ops' UTRACE_DETACH) turns a REPORT/HANDLER pass
	 * into UTRACE_SIGNAL_DELIVER of a stale info->si_signo.
	 */
	return (action & ~UTRACE_RESUME_MASK) |
		call_report_quiesce(ops, utrace_resume_action(action), engine, event);""")
print("applied:", " ".join(which))
