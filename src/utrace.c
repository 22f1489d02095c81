// SPDX-License-Identifier: GPL-2.0
/*
 * utrace.c - the utrace engine layer: locking core
 *
 * A fresh implementation of the "fixed protocol" of docs/protocol.md
 * (utrace-3.1 plus fixes).  Every step another thread can observe carries
 * the step tag of docs/protocol.md in a comment, and UTRACE_STEP(tag)
 * just before it (the deterministic test scheduler's hook, empty in the
 * kernel).  The ACSL contracts are in utrace.acsl.h.
 *
 * Locks (lock order: utrace->lock -> tasklist_lock (read) -> siglock;
 * never take utrace->lock with siglock or tasklist_lock held):
 *
 *  utrace->lock	engine lists (attached, attaching), engine ->flags and
 *			->ops (but see the reap teardown), task->utrace_flags,
 *			utrace->{resume,pending_attach,signal_handler,death,reap}.
 *			Plain spin_lock: never taken from irq context.
 *  siglock		task state transitions into and out of __TASK_UTRACED
 *			(set holding both locks, cleared by utrace_wakeup() under
 *			both or by SIGKILL under siglock), TIF_SIGPENDING.
 *  tasklist_lock	(read) exit_state vs enabling DEATH/QUIESCE (B7).
 *
 *  utrace->reporting is written only by the traced task itself, without
 *  any lock; utrace->attached is only changed under utrace->lock by the
 *  traced task, or while it is utrace-stopped, or dead and not reporting
 *  its death (I14), so the traced task walks it without the lock.
 *
 * Barrier pairs (docs: B1-B10 of the digest; B1/B2 do not apply because
 * struct utrace is allocated with the task, see utrace_init_task()):
 *
 *  B3  utrace_add_engine(): REAP marker, smp_mb(), read exit_state
 *      <-> utrace_release_task(): EXIT_DEAD, smp_mb(), read utrace_flags.
 *  B4  start_callback()/utrace_signal_one(): reporting = engine, smp_mb(),
 *      read flags <-> utrace_set_events()/utrace_control(DETACH): write
 *      flags/ops, smp_mb(), read reporting.
 *  B5  mark_engine_detached(): ops, smp_wmb(), flags <-> start_callback():
 *      flags, smp_rmb(), ops.
 *  B6  finish_callback(): apply the return value (under utrace->lock),
 *      then reporting = NULL <-> utrace_barrier() reads reporting under
 *      utrace->lock.
 *  B7  utrace_set_events(): DEATH/QUIESCE under read_lock(tasklist_lock)
 *      after checking exit_state <-> exit_notify() sets exit_state under
 *      write_lock, then utrace_exit_notify(): smp_mb(), read utrace_flags.
 *  B8  utrace_reset(): final utrace_flags store inside rcu_read_lock()
 *      until utrace->lock is dropped <-> release path reads utrace_flags.
 *  B9  a controller holds utrace->lock while manipulating a stopped task
 *      <-> utrace_finish_stop() waits for utrace->lock when SIGKILLed.
 *  B10 utrace_control(INTERRUPT): resume = INTERRUPT under utrace->lock,
 *      then signal_wake_up() under siglock <-> recalc_sigpending() under
 *      siglock consults utrace_interrupt_pending().
 *  C8  utrace_maybe_reap() teardown: report_reap(), then
 *      smp_store_release(&engine->ops, NULL) <-> utrace_barrier():
 *      READ_ONCE(engine->ops).
 *
 * Switches (docs/protocol.md section 1): the default build is the fixed
 * protocol; V31_* re-introduce one utrace-3.1 behaviour each (UTRACE_V31:
 * all of them), BUG_C* one historical bug each.  Each #ifdef sits at the
 * line it breaks.
 */
#include "utrace.h"

#ifdef UTRACE_V31
# define V31_C2
# define V31_C8
# define V31_C9
# define V31_C11
# define V31_C13
# define V31_O2
# define V31_N1
# define V31_N2
# define V31_C12
# define V31_ATTACH_REAP
# define V31_N4		/* utrace-3.1 has N4 too; BUG_N3 is standalone (not in 3.1) */
#endif

/*
 * Internal flag bit in engine->flags and task->utrace_flags: the engine
 * wants the task stopped.  Only utrace_reset() recomputes it in
 * utrace_flags; every path that clears it in an engine also clears it in
 * utrace_flags (C1 for DETACH; C2 for all other actions, unless V31_C2).
 */
#define ENGINE_STOP		(1UL << _UTRACE_NEVENTS)

/*
 * Per-task utrace state, allocated with the task (utrace_init_task()).
 */
struct utrace {
	spinlock_t lock;
	struct list_head attached;	/* engines T reports to */
	struct list_head attaching;	/* engines attached since T last looked */

	/* Engine T is calling back right now; written only by T, no lock. */
	struct utrace_engine *reporting;

	/*
	 * Strongest pending resume request, INTERRUPT..RESUME (never STOP
	 * or DETACH; in the fixed protocol never SINGLESTEP/BLOCKSTEP).
	 * The bits below are written under the lock and read locklessly by
	 * T; full words rather than bitfields so the lockless readers and
	 * the proof see independent memory locations.
	 */
	unsigned int resume;
	unsigned int pending_attach;	/* attaching may be non-empty */
	unsigned int signal_handler;	/* a handler frame was just set up */
	unsigned int death;		/* in utrace_report_death() */
	unsigned int reap;		/* release_task() has run */
};

/*
 * Per-pass state of one report (on T's stack).
 */
struct utrace_report {
	u32 result;				/* event bits of the last return */
	enum utrace_resume_action action;	/* strongest action so far */
	enum utrace_resume_action resume_action; /* strongest non-STOP */
	bool detaches;				/* an engine was seen detached */
	bool spurious;				/* no engine had a callback */
};

#define INIT_REPORT(var)					\
	struct utrace_report var = {				\
		.action = UTRACE_RESUME,			\
		.resume_action = UTRACE_RESUME,			\
		.spurious = true				\
	}

/* Arguments of the event callbacks, for report_callbacks(). */
struct utrace_event_args {
	struct pt_regs *regs;
	const struct linux_binprm *bprm;
	long orig_code;
	long *code;
	bool group_dead;
	int signal;
	u32 resume_report;		/* UTRACE_SYSCALL_RESUMED or 0 */
};

/* utrace_barrier_check(): poll again. */
#define UTRACE_BARRIER_WAIT	1

/* Arguments of report_signal(), for utrace_signal_callbacks(). */
struct utrace_signal_args {
	struct pt_regs *regs;
	kernel_siginfo_t *info;
	const struct k_sigaction *orig_ka;
	struct k_sigaction *return_ka;
};

static const struct utrace_engine_ops utrace_detached_ops;

#include "utrace.acsl.h"

/* SINGLESTEP or BLOCKSTEP: the only actions that keep the step state. */
static inline bool utrace_action_is_step(enum utrace_resume_action a)
{
	return a == UTRACE_SINGLESTEP || a == UTRACE_BLOCKSTEP;
}

/*
 * The ops of a marked-detached engine: its quiesce callback detaches it,
 * its reap callback does nothing, it has no other callback.  Never
 * accepted by utrace_attach_task(), never matched by a lookup.
 */
static u32 utrace_detached_quiesce(u32 action, struct utrace_engine *engine,
				   unsigned long event)
{
	(void)action;
	(void)engine;
	(void)event;
	return UTRACE_DETACH;
}

static void utrace_detached_reap(struct utrace_engine *engine,
				 struct task_struct *task)
{
	(void)engine;
	(void)task;
}

static const struct utrace_engine_ops utrace_detached_ops = {
	.report_quiesce = &utrace_detached_quiesce,
	.report_reap = &utrace_detached_reap,
};

/*
 * ======================================================================
 * The boundary: calls into engine code and the allocator.  Frama-C does
 * not look at these bodies; it uses their contracts in utrace.acsl.h
 * (proofs/trusted.txt).
 * A callback an engine left NULL behaves as if it returned the incoming
 * event bits with UTRACE_STOP if the engine holds a stop request, else
 * UTRACE_RESUME: it changes nothing.
 * ======================================================================
 */
#ifndef __FRAMAC__
/* The neutral answer: keep the event bits and the engine's stop request. */
static u32 utrace_default_return(u32 action, struct utrace_engine *engine)
{
	return (action & ~UTRACE_RESUME_MASK) |
		((READ_ONCE(engine->flags) & ENGINE_STOP) ? UTRACE_STOP : UTRACE_RESUME);
}

static u32 call_report_quiesce(const struct utrace_engine_ops *ops, u32 action,
			       struct utrace_engine *engine, unsigned long event)
{
	if (unlikely(!ops->report_quiesce))
		return utrace_default_return(action, engine);
	return ops->report_quiesce(action, engine, event);
}

/* report_signal, or report_quiesce for an engine without one (C5). */
static u32 call_report_signal(const struct utrace_engine_ops *ops, u32 action,
			      struct utrace_engine *engine,
			      struct utrace_signal_args *sa, unsigned long event)
{
	if (ops->report_signal)
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
		call_report_quiesce(ops, utrace_resume_action(action), engine, event);
}

static u32 call_report_event(const struct utrace_engine_ops *ops, u32 action,
			     struct utrace_engine *engine, unsigned long event,
			     const struct utrace_event_args *args)
{
	switch (event) {
	case UTRACE_EVENT(EXEC):
		if (ops->report_exec)
			return ops->report_exec(action, engine, args->bprm,
						args->regs);
		break;
	case UTRACE_EVENT(SYSCALL_ENTRY):
		if (ops->report_syscall_entry)
			return ops->report_syscall_entry(action, engine,
							 args->regs);
		break;
	case UTRACE_EVENT(SYSCALL_EXIT):
		if (ops->report_syscall_exit)
			return ops->report_syscall_exit(action, engine,
							args->regs);
		break;
	case UTRACE_EVENT(EXIT):
		if (ops->report_exit)
			return ops->report_exit(action, engine, args->orig_code,
						args->code);
		break;
	case UTRACE_EVENT(DEATH):
		if (ops->report_death)
			return ops->report_death(engine, args->group_dead,
						 args->signal);
		break;
	default:
		break;
	}
	return utrace_default_return(action, engine);
}

static void call_report_reap(const struct utrace_engine_ops *ops,
			     struct utrace_engine *engine,
			     struct task_struct *task)
{
	if (ops->report_reap)
		ops->report_reap(engine, task);
}

static void call_release(void (*release)(void *), void *data)
{
	release(data);
}

static struct utrace_engine *utrace_engine_alloc(void)
{
	return kmalloc(sizeof(struct utrace_engine), GFP_KERNEL);
}

static void utrace_engine_free(struct utrace_engine *engine)
{
	kfree(engine);
}

/*
 * Racy reads of fields other threads write without utrace->lock:
 * exit_state (the task itself, under tasklist_lock) and reporting (the
 * task itself, no lock).  Frama-C models each by its own contract.
 */
static int task_exit_state(struct task_struct *task)
{
	/* acquire: a dead task's last callback happened before (ORDER) */
	return smp_load_acquire(&task->exit_state);
}

static struct utrace_engine *utrace_reporting(struct utrace *utrace)
{
	/* acquire: pairs with utrace_set_reporting() (ORDER) */
	return smp_load_acquire(&utrace->reporting);
}

/* ops: written under utrace->lock, except by the reap teardown (NULL). */
static const struct utrace_engine_ops *engine_ops_racy(struct utrace_engine *engine)
{
	/* acquire: pairs with the ops = NULL release stores (ORDER, C8) */
	return smp_load_acquire(&engine->ops);
}

static struct utrace *utrace_alloc(void)
{
	return kmalloc(sizeof(struct utrace), GFP_KERNEL);
}

static void utrace_free(struct utrace *utrace)
{
	kfree(utrace);
}
#endif /* !__FRAMAC__ */

/*
 * ======================================================================
 * Engines and their flags
 * ======================================================================
 */

/* The last reference is gone: the engine is on no list any more. */
static void utrace_engine_release(struct utrace_engine *engine)
{
	void (*release)(void *) = engine->release;
	void *data = engine->data;

	/* "== 0" rather than "!": no branch for WP's smoke test to find dead. */
	BUG_ON(list_empty(&engine->entry) == 0);
	/* The callback gets only @data: free the engine first. */
	utrace_engine_free(engine);
	/* proof: freeing an unlinked engine is a step of the rely */
	//@ assert step: env_rt{Pre,Here};
	if (release)
		call_release(release, data);
}

void utrace_engine_get(struct utrace_engine *engine)
{
	kref_get(&engine->kref);
}
EXPORT_SYMBOL_GPL(utrace_engine_get);

void utrace_engine_put(struct utrace_engine *engine)
{
	bool last = refcount_dec_and_test(&engine->kref.refcount);

	/* proof: dropping a reference is a step of the rely (prv_stable_trans) */
	//@ assert step: env_rt{Pre,Here};
	if (last)
		utrace_engine_release(engine);
}
EXPORT_SYMBOL_GPL(utrace_engine_put);

/*
 * The engine handle is unusable for @target: NULL, or attached to another
 * task (engine->target is set once, under utrace->lock, when the engine is
 * linked; it is only compared, never dereferenced).
 */
static bool engine_foreign(struct task_struct *target,
			   struct utrace_engine *engine)
{
	return !engine || engine->target != target;
}

/* Lockless: T in finish_callback_report(). */
static bool engine_wants_stop(struct utrace_engine *engine)
{
	return (READ_ONCE(engine->flags) & ENGINE_STOP) != 0;
}

static void mark_engine_wants_stop(struct task_struct *task,
				   struct utrace_engine *engine)
	__must_hold(&task_utrace_ptr(task)->lock)
{
	WRITE_ONCE(engine->flags, engine->flags | ENGINE_STOP);
	WRITE_ONCE(task_uflags(task), task_uflags(task) | ENGINE_STOP);
}

/*
 * Clear the engine's stop request.  Fixed protocol (C2): clear it in
 * utrace_flags too, so that a utrace_stop() on its way re-checks through
 * utrace_reset() instead of stopping for nobody.
 */
static void clear_engine_wants_stop(struct task_struct *task,
				    struct utrace_engine *engine)
	__must_hold(&task_utrace_ptr(task)->lock)
{
	if (engine->flags & ENGINE_STOP) {
		WRITE_ONCE(engine->flags, engine->flags & ~ENGINE_STOP);
#ifndef V31_C2
		WRITE_ONCE(task_uflags(task), task_uflags(task) & ~ENGINE_STOP);
#else
		(void)task;	/* C2: utrace_flags keeps a stale ENGINE_STOP */
#endif
	}
}

/*
 * B5: the ops store is ordered before the flags store (smp_wmb), pairing
 * with start_callback() reading flags, smp_rmb(), then ops: T never sees
 * the new flags with the old ops.  (It can see the old flags with the new
 * ops: start_callback() handles that, C5.)
 */
static void mark_engine_detached(struct utrace_engine *engine)
	__must_hold(&task_utrace_ptr(engine->target)->lock)
{
	WRITE_ONCE(engine->ops, &utrace_detached_ops);
	smp_wmb();
	WRITE_ONCE(engine->flags, UTRACE_EVENT(QUIESCE));
}

/*
 * The engine matches the lookup: MATCH_OPS / MATCH_DATA filters; detached
 * engines never match.
 */
static bool engine_matches(struct utrace_engine *engine, int flags,
			   const struct utrace_engine_ops *ops, void *data)
{
	if ((flags & UTRACE_ATTACH_MATCH_OPS) && engine->ops != ops)
		return false;
	if ((flags & UTRACE_ATTACH_MATCH_DATA) && engine->data != data)
		return false;
	return engine->ops && engine->ops != &utrace_detached_ops;
}

static struct utrace_engine *find_matching_engine(struct utrace *utrace,
						  int flags,
						  const struct utrace_engine_ops *ops,
						  void *data)
	__must_hold(&utrace->lock)
{
	struct utrace_engine *engine;

	//@ ghost g_k = 0;
	/*@ loop invariant 0 <= g_k <= g_natt;
	    loop invariant g_k < g_natt ==> engine == g_e[g_k];
	    loop invariant g_k == g_natt ==> engine == \null;
	    loop invariant \forall integer j; 0 <= j < g_k ==>
	      !matches(g_e[j], flags, ops, data);
	    loop assigns engine, g_k;
	    loop variant g_natt - g_k;
	*/
	list_for_each_entry(engine, &utrace->attached, entry) {
		if (engine_matches(engine, flags, ops, data))
			return engine;
		//@ ghost g_k++;
	}
	//@ ghost g_k = g_natt;
	/*@ loop invariant g_natt <= g_k <= g_ne;
	    loop invariant g_k < g_ne ==> engine == g_e[g_k];
	    loop invariant g_k == g_ne ==> engine == \null;
	    loop invariant \forall integer j; 0 <= j < g_k ==>
	      !matches(g_e[j], flags, ops, data);
	    loop assigns engine, g_k;
	    loop variant g_ne - g_k;
	*/
	list_for_each_entry(engine, &utrace->attaching, entry) {
		if (engine_matches(engine, flags, ops, data))
			return engine;
		//@ ghost g_k++;
	}
	return NULL;
}

/*
 * Move the newly attached engines to the list T reports to.  Called with
 * T current, utrace-stopped, or dead (I14).
 */
static void splice_attaching(struct utrace *utrace)
	__must_hold(&utrace->lock)
{
	list_splice_tail_init(&utrace->attaching, &utrace->attached);
	WRITE_ONCE(utrace->pending_attach, 0);
}

/*
 * ======================================================================
 * Attach and lookup
 * ======================================================================
 */

static struct utrace_engine *utrace_lookup_engine(struct utrace *utrace,
						  int flags,
						  const struct utrace_engine_ops *ops,
						  void *data)
{
	struct utrace_engine *engine;

	UTRACE_STEP("utrace_attach_task:lookup");	/* model: utrace_attach_task:lookup */
	spin_lock(&utrace->lock);
	engine = find_matching_engine(utrace, flags, ops, data);
	if (engine)
		utrace_engine_get(engine);
	spin_unlock(&utrace->lock);
	return engine;
}

/*
 * The first engine puts the REAP marker in utrace_flags; B3 then decides
 * the race with release_task().  Return: false if release_task() won.
 */
static bool utrace_reap_marker(struct task_struct *target)
	__must_hold(&task_utrace_ptr(target)->lock)
{
	//@ assert no_engine: g_ne == 0;
	UTRACE_STEP("utrace_add_engine:reap_marker");	/* model: utrace_add_engine:reap_marker */
	WRITE_ONCE(task_uflags(target), UTRACE_EVENT(REAP));
	smp_mb();	/* B3: pairs with utrace_release_task() */
	UTRACE_STEP("utrace_add_engine:exit_dead");	/* model: utrace_add_engine:exit_dead */
	if (unlikely(task_exit_state(target) == EXIT_DEAD)) {
		/* release_task() saw no engine: back out. */
		WRITE_ONCE(task_uflags(target), 0);
		return false;
	}
	//@ assert marker: !bit_test(task_uflags(target), B_ESTOP);
	return true;
}

/* Link the new engine on the attaching list, with the attach reference. */
static void utrace_link_engine(struct task_struct *target, struct utrace *utrace,
			       struct utrace_engine *engine)
	__must_hold(&utrace->lock)
{
	engine->target = target;
	UTRACE_STEP("utrace_add_engine:attaching");	/* model: utrace_add_engine:attaching */
	list_add_tail(&engine->entry, &utrace->attaching);
	WRITE_ONCE(utrace->pending_attach, 1);
	utrace_engine_get(engine);	/* the attach reference */
}

static int utrace_add_engine_locked(struct task_struct *target,
				    struct utrace *utrace,
				    struct utrace_engine *engine, int flags,
				    const struct utrace_engine_ops *ops, void *data)
	__must_hold(&utrace->lock)
{
	if ((flags & UTRACE_ATTACH_EXCLUSIVE) &&
	    unlikely(find_matching_engine(utrace, flags, ops, data)))
		return -EEXIST;

#ifndef V31_ATTACH_REAP
	/* release_task() has run: the task is gone for utrace. */
	if (unlikely(utrace->reap))
		return -ESRCH;
#endif

	if (!task_uflags(target) && !utrace_reap_marker(target))
		return -ESRCH;

	utrace_link_engine(target, utrace, engine);
	return 0;
}

/*
 * Link a new engine on @target's attaching list.  The first engine puts
 * the REAP marker in utrace_flags; B3 then decides the race with
 * release_task().
 */
static int utrace_add_engine(struct task_struct *target, struct utrace *utrace,
			     struct utrace_engine *engine, int flags,
			     const struct utrace_engine_ops *ops, void *data)
{
	int ret;

	UTRACE_STEP("utrace_add_engine:lock");		/* model: utrace_add_engine:lock */
	spin_lock(&utrace->lock);
	ret = utrace_add_engine_locked(target, utrace, engine, flags, ops, data);
	spin_unlock(&utrace->lock);
	return ret;
}

struct utrace_engine *utrace_attach_task(struct task_struct *target, int flags,
					 const struct utrace_engine_ops *ops,
					 void *data)
{
	struct utrace *utrace;
	struct utrace_engine *engine;
	int ret;

	if (unlikely(!target))
		return ERR_PTR(-ESRCH);
	utrace = task_utrace_ptr(target);

	if (!(flags & UTRACE_ATTACH_CREATE)) {
		engine = utrace_lookup_engine(utrace, flags, ops, data);
		if (!engine)
			return ERR_PTR(-ENOENT);
		return engine;
	}

	if (unlikely(!ops) || unlikely(ops == &utrace_detached_ops))
		return ERR_PTR(-EINVAL);
	if (unlikely(target->flags & PF_KTHREAD))
		return ERR_PTR(-EPERM);

	engine = utrace_engine_alloc();
	if (unlikely(!engine))
		return ERR_PTR(-ENOMEM);
	kref_init(&engine->kref);
	INIT_LIST_HEAD(&engine->entry);
	engine->target = NULL;
	engine->flags = 0;
	engine->ops = ops;
	engine->data = data;
	engine->release = ops->release;

	ret = utrace_add_engine(target, utrace, engine, flags, ops, data);
	if (unlikely(ret)) {
		/* Never linked: free it directly, ->release is not called. */
		utrace_engine_free(engine);
		return ERR_PTR(ret);
	}
	return engine;
}
EXPORT_SYMBOL_GPL(utrace_attach_task);

/*
 * ======================================================================
 * The controller's gate: get_utrace_lock()
 * ======================================================================
 */

/*
 * First half, no lock held: a detached engine (marked or unlinked) gets
 * -ESRCH without touching @target, which may already be freed.
 */
static int get_utrace_lock_check(struct utrace_engine *engine)
{
	const struct utrace_engine_ops *ops;

	UTRACE_STEP("get_utrace_lock:ops");	/* model: get_utrace_lock:ops */
	ops = READ_ONCE(engine->ops);
	if (unlikely(!ops) || unlikely(ops == &utrace_detached_ops))
		return -ESRCH;
	return 0;
}

/*
 * Second half: take utrace->lock and re-check under it.  Returns with
 * utrace->lock held in all cases; on error the caller unlocks.
 */
static int get_utrace_lock(struct utrace *utrace, struct utrace_engine *engine)
	__acquires(&utrace->lock)
{
	const struct utrace_engine_ops *ops;

	UTRACE_STEP("get_utrace_lock:lock");	/* model: get_utrace_lock:lock */
	spin_lock(&utrace->lock);
#ifndef BUG_C7
	/* C7: once release_task() has run, every call gets -ESRCH. */
	if (unlikely(utrace->reap))
		return -ESRCH;
#endif
	/* No lockless writer of ops before the reap (checked above). */
	ops = engine->ops;
	if (unlikely(!ops) || unlikely(ops == &utrace_detached_ops))
		return -ESRCH;
	return 0;
}

/*
 * ======================================================================
 * utrace_set_events
 * ======================================================================
 */

/*
 * utrace_set_events() at its linearization point: utrace->lock held,
 * @engine live and attached, @target not reaped.  Returns with the lock
 * still held.
 */
static int utrace_set_events_locked(struct task_struct *target,
				    struct utrace *utrace,
				    struct utrace_engine *engine,
				    unsigned long events)
	__must_hold(&utrace->lock)
{
	unsigned long old_flags, old_utrace_flags, uevents = events;

	old_utrace_flags = task_uflags(target);
	old_flags = engine->flags & ~ENGINE_STOP;

	/* report_death may have begun: the engine must keep its bits. */
	if ((old_flags & ~events & _UTRACE_DEATH_EVENTS) && utrace->death)
		return -EALREADY;

	if (events & _UTRACE_DEATH_EVENTS) {
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
#ifndef V31_N4
			uevents &= ~_UTRACE_DEATH_EVENTS;
			/*@ assert n4: !bit_test(uevents, B_DEATH) &&
			      !bit_test(uevents, B_QUIESCE);
			*/
#endif
		} else {
			UTRACE_STEP("utrace_set_events:death_bits");	/* model: utrace_set_events:death_bits */
			WRITE_ONCE(task_uflags(target), task_uflags(target) | events);
			read_unlock(&tasklist_lock);
		}
	}

	UTRACE_STEP("utrace_set_events:flags");	/* model: utrace_set_events:flags */
	WRITE_ONCE(engine->flags, events | (engine->flags & ENGINE_STOP));
	/*
	 * Proof steps (I6/I7, C1/C2: no stop request appears or vanishes
	 * here): the other engines' flags are untouched and every listed
	 * engine keeps its ENGINE_STOP bit, stated where Qed still sees the
	 * store.
	 */
	/*@ assert others: \forall integer k; 0 <= k < g_ne && g_e[k] != engine ==>
	      g_e[k]->flags == \at(g_e[k]->flags, Pre);
	*/
	/*@ assert same: SAME_EVENTS(engine->flags, events) &&
	      (bit_test(engine->flags, B_ESTOP) <==> bit_test(\at(engine->flags, Pre), B_ESTOP));
	*/
	/*@ assert ke1: \forall integer k; 0 <= k < g_ne && g_e[k] == engine ==>
	      (bit_test(g_e[k]->flags, B_ESTOP) <==>
	       bit_test(\at(g_e[k]->flags, Pre), B_ESTOP));
	*/
	/*@ assert ke2: \forall integer k; 0 <= k < g_ne && g_e[k] != engine ==>
	      (bit_test(g_e[k]->flags, B_ESTOP) <==>
	       bit_test(\at(g_e[k]->flags, Pre), B_ESTOP));
	*/
	/*@ assert keep_estop: \forall integer k; 0 <= k < g_ne ==>
	      (bit_test(g_e[k]->flags, B_ESTOP) <==>
	       bit_test(\at(g_e[k]->flags, Pre), B_ESTOP));
	*/
	UTRACE_STEP("utrace_set_events:uflags");	/* model: utrace_set_events:uflags */
	WRITE_ONCE(task_uflags(target), task_uflags(target) | uevents);
	/*@ assert no_stop: bit_test(task_uflags(target), B_ESTOP) <==>
	      bit_test(\at(task_uflags(target), Pre), B_ESTOP);
	*/

	if ((events & UTRACE_EVENT_SYSCALL) &&
	    !(old_utrace_flags & UTRACE_EVENT_SYSCALL))
		task_set_syscall_trace(target);

	if ((old_flags & ~events) && target != current &&
	    !task_is_utraced(target) && !task_exit_state(target)) {
		/*
		 * B4: our flags store before the reporting load; pairs with
		 * start_callback().  Either T sees the new flags and makes no
		 * removed callback, or we see it reporting to this engine.
		 */
		smp_mb();
		UTRACE_STEP("utrace_set_events:reporting");	/* model: utrace_set_events:reporting */
		if (utrace_reporting(utrace) == engine)
			return -EINPROGRESS;
	}
	return 0;
}

int utrace_set_events(struct task_struct *target, struct utrace_engine *engine,
		      unsigned long events)
{
	struct utrace *utrace;
	int ret;

	if (unlikely(engine_foreign(target, engine)))
		return -EINVAL;

	/* ENGINE_STOP is internal: only utrace_control() sets it. */
	events &= ~ENGINE_STOP;

	ret = get_utrace_lock_check(engine);
	if (ret)
		return ret;
	utrace = task_utrace_ptr(target);
	ret = get_utrace_lock(utrace, engine);
	if (!ret)
		ret = utrace_set_events_locked(target, utrace, engine, events);
	spin_unlock(&utrace->lock);
	return ret;
}
EXPORT_SYMBOL_GPL(utrace_set_events);

/*
 * ======================================================================
 * Stop, wake, reset
 * ======================================================================
 */

/*
 * Ask a running T to stop at its next report, or mark a T that is already
 * in a job control or ptrace stop as utrace-stopped too.
 *
 * Return: true if T is utrace-stopped.
 */
static bool utrace_do_stop(struct task_struct *target, struct utrace *utrace)
	__must_hold(&utrace->lock)
{
	if (task_is_stopped_or_traced(target)) {
		/* ptrace coexistence: both want it stopped. */
		spin_lock_irq(task_siglock(target));
		task_add_utraced(target);
		spin_unlock_irq(task_siglock(target));
	} else if (utrace->resume > UTRACE_REPORT) {
		UTRACE_STEP("utrace_do_stop:resume");	/* model: utrace_do_stop:resume */
		WRITE_ONCE(utrace->resume, UTRACE_REPORT);
		UTRACE_STEP("utrace_do_stop:notify");	/* model: utrace_do_stop:notify */
		set_notify_resume(target);
	}
	return task_is_utraced(target);
}

/* Wake a utrace-stopped T (it stays asleep if also job control/ptrace stopped). */
static void utrace_wakeup(struct task_struct *target)
	__must_hold(&task_utrace_ptr(target)->lock)
{
	spin_lock_irq(task_siglock(target));
	wake_up_utraced(target);
	spin_unlock_irq(task_siglock(target));
}

/* Drop the attach references of engines unlinked by utrace_reset(). */
static void put_detached_list(struct list_head *list)
{
	struct utrace_engine *engine, *next;

	//@ ghost g_k = 0;
	/*@ loop invariant lists_wf && g_k == 0 && is_prv(list);
	    loop invariant cur: engine != \null <==> g_nprv > 0;
	    loop invariant first: g_nprv > 0 ==> engine == g_prv[0] &&
	      (g_nprv > 1 ==> next == g_prv[1]) && (g_nprv == 1 ==> next == \null);
	    loop invariant gone: ALL_PRV(k, g_prv[k]->ops == \null &&
	      g_prv[k]->kref.refcount.refs >= 1);
	    loop invariant env: __fc_current == g_t ==> trely0{LoopEntry,Here};
	    loop invariant dstop: __fc_current == g_t && no_dstop{LoopEntry} ==> no_dstop;
	    loop invariant run: __fc_current == g_t && !utraced{LoopEntry} ==> !utraced;
	    loop assigns engine, next, g_prv[0 .. UTRACE_GHOST_MAXE - 1], g_nprv, FC_WORLD;
	    loop variant g_nprv;
	*/
	list_for_each_entry_safe(engine, next, list, entry) {
		//@ assert \valid(engine) && sep_engine(engine);
		list_del_init(&engine->entry);
		utrace_engine_put(engine);
	}
}

/*
 * Recompute utrace_flags from the live engines, unlink the detached ones
 * and wake T if it is utrace-stopped and no engine wants it stopped.
 * Called with utrace->lock held by T itself, or with T utrace-stopped or
 * dead (I14); returns with the lock dropped.
 *
 * Return: true if no engine is left (utrace_flags is 0).
 */
static bool utrace_reset(struct task_struct *task, struct utrace *utrace)
	__releases(&utrace->lock)
{
	struct utrace_engine *engine, *next;
	unsigned long flags = 0;
	LIST_HEAD(detached);

	splice_attaching(utrace);

	//@ ghost g_k = 0;
	/*@ loop invariant lists_wf && is_prv(&detached) && g_natt == g_ne;
	    loop invariant 0 <= g_k <= g_natt;
	    loop invariant cur: g_k < g_natt ==> engine == g_e[g_k];
	    loop invariant end: g_k == g_natt ==> engine == \null;
	    loop invariant nxt: g_k < g_natt ==>
	      (g_k + 1 < g_natt ==> next == g_e[g_k + 1]) &&
	      (g_k + 1 == g_natt ==> next == \null);
	    loop invariant kept: \forall integer j; 0 <= j < g_k ==> live(g_e[j]);
	    loop invariant e_ok: E_ok;
	    loop invariant unlinked: ALL_PRV(k, g_prv[k]->ops == \null &&
	      g_prv[k]->kref.refcount.refs >= 1);
	    loop invariant i3: I3;
	    loop invariant covered: \forall integer j; 0 <= j < g_k ==>
	      covers(flags, g_e[j]->flags) &&
	      (bit_test(g_e[j]->flags, B_ESTOP) ==> bit_test(flags, B_ESTOP));
	    loop invariant reap_bit: g_k > 0 ==> bit_test(flags, B_REAP);
	    loop invariant none: g_k == 0 ==> flags == 0;
	    loop invariant stop_held: bit_test(flags, B_ESTOP) ==>
	      \exists integer j; 0 <= j < g_k && bit_test(g_e[j]->flags, B_ESTOP);
	    loop assigns engine, next, flags, g_k, g_e[0 .. UTRACE_GHOST_MAXE - 1],
	      g_ne, g_natt, g_prv[0 .. UTRACE_GHOST_MAXE - 1], g_nprv, ENG_FIELD(ops);
	    loop variant g_natt - g_k;
	*/
	list_for_each_entry_safe(engine, next, &utrace->attached, entry) {
		if (engine->ops == &utrace_detached_ops) {
			UTRACE_STEP("utrace_reset:unlink");	/* model: utrace_reset:unlink */
			/* release: pairs with utrace_barrier() (ORDER, as C8) */
			/*@ assert u_sep: ALL_E(k, k != g_k ==> \separated(g_e[k], engine)); */
			smp_store_release(&engine->ops, NULL);
			/*@ assert u_ops: ALL_E(k, k != g_k ==>
			      g_e[k]->ops == \at(g_e[k]->ops, LoopCurrent)); */
			/*@ assert u_ops2: \forall struct utrace_engine *e;
			      e != engine ==> e->ops == \at(e->ops, LoopCurrent); */
			list_move_tail(&engine->entry, &detached);
			/* proof: each invariant on this path, one goal each */
			/*@ assert u_lo: \forall integer k; 0 <= k < g_k ==>
			      g_e[k] == \at(g_e[k], LoopCurrent) && g_e[k] != engine; */
			/*@ assert u_hi: \forall integer k; g_k <= k < g_ne ==>
			      g_e[k] == \at(g_e[k + 1], LoopCurrent) && g_e[k] != engine; */
			/*@ assert u_hi2: \forall integer k; g_k < k < \at(g_ne, LoopCurrent) ==>
			      g_e[k - 1] == \at(g_e[k], LoopCurrent); */
			/*@ assert u_nxt: g_k + 1 < \at(g_natt, LoopCurrent) ==>
			      g_k < g_natt && next == g_e[g_k]; */
			/*@ assert u_kept: \forall integer j; 0 <= j < g_k ==> live(g_e[j]); */
			/*@ assert u_eok_lo: \forall integer k; 0 <= k < g_k ==> listed_ok(g_e[k]); */
			/*@ assert u_eok_hi: \forall integer k; g_k <= k < g_ne ==> listed_ok(g_e[k]); */
			/*@ assert u_eok: E_ok; */
			/*@ assert u_dead: !live(engine); */
			/*@ assert u_in_lo: \forall integer k; 0 <= k < g_k ==>
			      in_E(\at(g_e[k], LoopCurrent)); */
			/*@ assert u_in_hi: \forall integer k; g_k < k < \at(g_ne, LoopCurrent) ==>
			      in_E(\at(g_e[k], LoopCurrent)); */
			/*@ assert u_in: \forall struct utrace_engine *e;
			      \at(in_E(e), LoopCurrent) && e != engine ==> in_E(e); */
			/*@ assert u_i3: I3; */
			/*@ assert u_cov: \forall integer j; 0 <= j < g_k ==>
			      covers(flags, g_e[j]->flags) &&
			      (bit_test(g_e[j]->flags, B_ESTOP) ==> bit_test(flags, B_ESTOP)); */
			/*@ assert u_held: bit_test(flags, B_ESTOP) ==> \exists integer j;
			      0 <= j < g_k && bit_test(g_e[j]->flags, B_ESTOP); */
		} else {
			flags |= engine->flags | UTRACE_EVENT(REAP);
			/*@ assert k_cov: covers(flags, engine->flags) &&
			      (bit_test(engine->flags, B_ESTOP) ==> bit_test(flags, B_ESTOP)); */
			/*@ assert k_old: \forall integer j; 0 <= j < g_k ==>
			      covers(flags, g_e[j]->flags) &&
			      (bit_test(g_e[j]->flags, B_ESTOP) ==> bit_test(flags, B_ESTOP)); */
			/*@ assert k_held: bit_test(flags, B_ESTOP) ==> \exists integer j;
			      0 <= j <= g_k && bit_test(g_e[j]->flags, B_ESTOP); */
			//@ ghost g_k++;
			/*@ assert k_nxt: g_k < g_natt ==> next == g_e[g_k]; */
			/*@ assert k_all: \forall integer j; 0 <= j < g_k ==>
			      covers(flags, g_e[j]->flags) &&
			      (bit_test(g_e[j]->flags, B_ESTOP) ==> bit_test(flags, B_ESTOP)); */
		}
	}
	/*@ assert r_reap: g_ne > 0 ==> bit_test(flags, B_REAP); */
	/*@ assert r_none: flags == 0 ==> g_ne == 0; */

	if (task_exit_state(task)) {
		/* Only REAP matters for a dead task; its death report is done. */
		BUG_ON(utrace->death);
		flags &= UTRACE_EVENT(REAP);
	} else if (!(flags & UTRACE_EVENT_SYSCALL) &&
		   !task_ptrace_syscall_trace(task)) {
		task_clear_syscall_trace(task);
	}
	/*@ assert r_reap2: g_ne > 0 ==> bit_test(flags, B_REAP); */
	/*@ assert r_none2: flags == 0 ==> g_ne == 0; */

	if (!flags) {
		WRITE_ONCE(utrace->resume, UTRACE_RESUME);
		WRITE_ONCE(utrace->signal_handler, 0);
#ifndef V31_C12
		/*
		 * C12 (open half): no engine is left, so none can want a
		 * step; the REPORT that was to re-decide it dies with the
		 * last engine.  T is current, so this is safe.
		 */
		if (task == current)
			user_disable_single_step(task);
#endif
	}

	if (task_is_utraced(task) && !(flags & ENGINE_STOP)) {
#ifndef BUG_C12
		/* C12: no engine asked for stepping: do not leak it. */
		if (utrace->resume == UTRACE_RESUME)
			user_disable_single_step(task);
#endif
		UTRACE_STEP("utrace_reset:wakeup");	/* model: utrace_reset:wakeup */
		utrace_wakeup(task);
	}

	/*
	 * B8: once utrace_flags is 0 the release path no longer takes the
	 * lock and the task may be freed; RCU covers the unlock.
	 */
	rcu_read_lock();
	UTRACE_STEP("utrace_reset:uflags");	/* model: utrace_reset:uflags */
	WRITE_ONCE(task_uflags(task), flags);
	spin_unlock(&utrace->lock);
	rcu_read_unlock();

	put_detached_list(&detached);

	return !flags;
}

/*
 * ======================================================================
 * utrace_control
 * ======================================================================
 */

/* Dead target: only DETACH, and not while report_death runs or will run. */
static int utrace_control_dead(struct utrace *utrace,
			       enum utrace_resume_action action)
	__must_hold(&utrace->lock)
{
	if (action != UTRACE_DETACH)
		return -ESRCH;
	if (utrace->death)
		return -EALREADY;
	return 0;
}

/*
 * Store a resume request no weaker than the pending one.  utrace->resume
 * never holds a STEP action in the fixed protocol (C13).
 */
static void utrace_request_report(struct task_struct *target,
				  struct utrace *utrace,
				  enum utrace_resume_action action)
	__must_hold(&utrace->lock)
{
#ifndef V31_C13
	action = UTRACE_REPORT;
#endif
	if (action < utrace->resume) {
		UTRACE_STEP("utrace_control:resume");	/* model: utrace_control:resume */
		WRITE_ONCE(utrace->resume, action);
		UTRACE_STEP("utrace_control:notify");	/* model: utrace_control:notify */
		set_notify_resume(target);
	}
}

static int utrace_control_detach(struct task_struct *target,
				 struct utrace *utrace,
				 struct utrace_engine *engine, bool *reset)
	__must_hold(&utrace->lock)
{
	unsigned long flags = task_uflags(target);

	/*
	 * One store, before the ops store: C1 (a utrace_stop() on its way
	 * must re-check: drop the engine's ENGINE_STOP) and C11 (every report
	 * pass now visits the engine and resets: add QUIESCE).
	 */
	if (engine->flags & ENGINE_STOP)
		flags &= ~ENGINE_STOP;
	/* proof: C1, the stop bit survives only if another engine holds it */
	/*@ assert c1a: bit_test(flags, B_ESTOP) ==>
	      bit_test(\at(__fc_uflags, Pre), B_ESTOP) &&
	      !bit_test(engine->flags, B_ESTOP);
	*/
	/*@ assert k1: SAME_EVENTS(flags, \at(__fc_uflags, Pre)); */
	UTRACE_STEP("utrace_control:detach_flags");	/* model: utrace_control:detach_flags */
	/*
	 * N3: B7 as in utrace_set_events(): QUIESCE only while exit_state is
	 * 0, or release_task() waits for a death report utrace_exit_notify()
	 * already decided not to make.
	 */
	read_lock(&tasklist_lock);
#if !defined(V31_C11) && !defined(BUG_N3)
	if (!task_exit_state(target))
		flags |= UTRACE_EVENT(QUIESCE);
#elif !defined(V31_C11)
	/* N3: QUIESCE even for a zombie: release_task() may wait forever. */
	flags |= UTRACE_EVENT(QUIESCE);
#endif
	/*@ assert c1b: bit_test(flags, B_ESTOP) ==>
	      bit_test(\at(__fc_uflags, Pre), B_ESTOP) &&
	      !bit_test(\at(engine->flags, Pre), B_ESTOP);
	*/
	/*@ assert old_reap: bit_test(\at(__fc_uflags, Pre), B_REAP); */
	/*@ assert keep: bit_test(flags, B_REAP); */
	WRITE_ONCE(task_uflags(target), flags);
	/*@ assert c1_bit: bit_test(task_uflags(target), B_ESTOP) ==>
	      bit_test(\at(task_uflags(target), Pre), B_ESTOP) &&
	      !bit_test(\at(engine->flags, Pre), B_ESTOP);
	*/
	read_unlock(&tasklist_lock);
	mark_engine_detached(engine);
	/* proof: I5 (REAP marker kept) and I6 hold before utrace_do_stop() */
	/*@ assert others: \forall integer k; 0 <= k < g_ne && g_e[k] != engine ==>
	      g_e[k]->flags == \at(g_e[k]->flags, Pre) &&
	      g_e[k]->ops == \at(g_e[k]->ops, Pre);
	*/
	/*@ assert i6: I6; */
	/*@ assert reap_bit: bit_test(__fc_uflags, B_REAP) && __fc_uflags != 0; */
	/*@ assert i5: I5; */
	*reset = *reset || utrace_do_stop(target, utrace);
	if (!*reset) {
		/* B4: pairs with start_callback(). */
		smp_mb();
		if (utrace_reporting(utrace) == engine)
			return -EINPROGRESS;
	}
	return 0;
}

static void utrace_control_interrupt(struct task_struct *target,
				     struct utrace *utrace, bool reset)
	__must_hold(&utrace->lock)
{
	if (utrace->resume == UTRACE_INTERRUPT)
		return;
	UTRACE_STEP("utrace_control:resume");	/* model: utrace_control:resume */
	WRITE_ONCE(utrace->resume, UTRACE_INTERRUPT);
	if (reset) {
		/* T sees it when utrace_reset() wakes it. */
		set_tsk_sigpending(target);
	} else {
		/* B10: pairs with recalc_sigpending() under siglock. */
		UTRACE_STEP("utrace_control:interrupt");	/* model: utrace_control:interrupt */
		spin_lock_irq(task_siglock(target));
		signal_wake_up(target, 0);
		spin_unlock_irq(task_siglock(target));
	}
}

/* UTRACE_STOP: T is utrace-stopped now (0), or will stop at its next report. */
static int utrace_control_stop(struct task_struct *target, struct utrace *utrace,
			       struct utrace_engine *engine, bool reset)
	__must_hold(&utrace->lock)
{
	mark_engine_wants_stop(target, engine);
	/* proof: I7, this engine now holds the stop utrace_do_stop() makes */
	/*@ assert marked: bit_test(engine->flags, B_ESTOP) &&
	      bit_test(__fc_uflags, B_ESTOP);
	*/
	/* proof: I5, the REAP bit is kept (a live engine is listed) */
	//@ assert reap: bit_test(__fc_uflags, B_REAP) && __fc_uflags != 0;
	//@ assert i5: I5;
	/*@ assert holder: \forall integer k; 0 <= k < g_ne && g_e[k] == engine ==>
	      live(g_e[k]) && bit_test(g_e[k]->flags, B_ESTOP);
	*/
	if (!reset && !utrace_do_stop(target, utrace))
		return -EINPROGRESS;
	return 0;
}

/*
 * RESUME, REPORT, SINGLESTEP, BLOCKSTEP, INTERRUPT: all first drop the
 * engine's stop request.
 */
static void utrace_control_resume(struct task_struct *target,
				  struct utrace *utrace,
				  struct utrace_engine *engine,
				  enum utrace_resume_action action, bool reset)
	__must_hold(&utrace->lock)
{
	clear_engine_wants_stop(target, engine);	/* C2 */
	/* proof: I5, I6, I11 hold before the siglock sections below */
	/*@ assert others: \forall integer k; 0 <= k < g_ne && g_e[k] != engine ==>
	      g_e[k]->flags == \at(g_e[k]->flags, Pre);
	*/
	/*@ assert i5: I5; */
	/*@ assert i6: I6; */
	/*@ assert i11: I11; */
	switch (action) {
	case UTRACE_RESUME:
		if (reset)
			user_disable_single_step(target);
		break;
	case UTRACE_INTERRUPT:
		utrace_control_interrupt(target, utrace, reset);
		break;
	default:	/* REPORT, SINGLESTEP, BLOCKSTEP */
		utrace_request_report(target, utrace, action);
		break;
	}
}

/*
 * utrace_control() at its linearization point: utrace->lock held, @engine
 * live and attached, @target not reaped; @reset (utrace-stopped) and @dead
 * (exit_state) sampled under the lock.  Returns with utrace->lock dropped.
 */
static int utrace_control_locked(struct task_struct *target,
				 struct utrace *utrace,
				 struct utrace_engine *engine,
				 enum utrace_resume_action action,
				 bool reset, bool dead)
	__releases(&utrace->lock)
{
	int ret = 0;

	if (unlikely(dead)) {
		ret = utrace_control_dead(utrace, action);
		if (ret) {
			spin_unlock(&utrace->lock);
			return ret;
		}
		reset = true;
	}

	switch (action) {
	case UTRACE_STOP:
		ret = utrace_control_stop(target, utrace, engine, reset);
		reset = false;		/* STOP never resets */
		break;

	case UTRACE_DETACH:
		ret = utrace_control_detach(target, utrace, engine, &reset);
		break;

	default:
		utrace_control_resume(target, utrace, engine, action, reset);
		break;
	}

	if (reset)
		utrace_reset(target, utrace);
	else
		spin_unlock(&utrace->lock);

	return ret;
}

int utrace_control(struct task_struct *target, struct utrace_engine *engine,
		   enum utrace_resume_action action)
{
	struct utrace *utrace;
	bool reset, dead;
	int ret;

	if (unlikely(engine_foreign(target, engine)))
		return -EINVAL;
	if (unlikely((unsigned int)action >= UTRACE_RESUME_MAX))
		return -EINVAL;
	/* REPORT and the STEPs promise a report_quiesce(): need QUIESCE. */
	if (unlikely(action >= UTRACE_REPORT && action < UTRACE_RESUME) &&
	    unlikely(!(READ_ONCE(engine->flags) & UTRACE_EVENT(QUIESCE))))
		return -EINVAL;
	if (action == UTRACE_SINGLESTEP && unlikely(!arch_has_single_step()))
		return -EOPNOTSUPP;
	if (action == UTRACE_BLOCKSTEP && unlikely(!arch_has_block_step()))
		return -EOPNOTSUPP;

	/* the caller's reference keeps the engine its own (rely: own_grows) */
	/*@ assert own1: in_own(engine); */
	ret = get_utrace_lock_check(engine);
	if (ret)
		return ret;
	/*@ assert own2: in_own(engine); */
	utrace = task_utrace_ptr(target);
	ret = get_utrace_lock(utrace, engine);
	if (ret) {
		spin_unlock(&utrace->lock);
		return ret;
	}

	UTRACE_STEP("utrace_control:state");	/* model: utrace_control:state */
	reset = task_is_utraced(target);
	dead = task_exit_state(target) != 0;

	return utrace_control_locked(target, utrace, engine, action, reset, dead);
}
EXPORT_SYMBOL_GPL(utrace_control);

/*
 * ======================================================================
 * utrace_barrier
 * ======================================================================
 */


/*
 * One poll of utrace_barrier(), utrace->lock held: the decision on the
 * engine's ops and utrace->reporting as read under the lock (both can
 * change without it: the reap teardown stores ops, T stores reporting).
 */
static int utrace_barrier_check(struct utrace *utrace,
				struct utrace_engine *engine,
				const struct utrace_engine_ops *ops,
				struct utrace_engine *reporting)
	__must_hold(&utrace->lock)
{
	if (!ops)
		return -ESRCH;
#ifdef V31_C8
	/* C8: gives up while report_death/report_reap may still run. */
	if (utrace->reap)
		return -ESRCH;
#endif
	if (reporting == engine)
		return UTRACE_BARRIER_WAIT;
	if (ops == &utrace_detached_ops) {
#ifdef V31_C9
		/* C9: poll until utrace_reset() unlinks it, maybe forever. */
		return UTRACE_BARRIER_WAIT;
#else
		/*
		 * T reads ops only after publishing reporting (B4/B5), and
		 * detached ops never run engine code: nothing can start.
		 */
		return -ESRCH;
#endif
	}
#ifndef V31_C8
	/* C8: the reap teardown may still call report_reap(). */
	if (utrace->reap)
		return UTRACE_BARRIER_WAIT;
#endif
	return 0;
}

int utrace_barrier(struct task_struct *target, struct utrace_engine *engine)
{
	struct utrace *utrace;
	const struct utrace_engine_ops *ops;
	struct utrace_engine *reporting;
	int ret;

	if (unlikely(engine_foreign(target, engine)))
		return -EINVAL;
	if (target == current)
		return 0;

	utrace = task_utrace_ptr(target);
	/*@ loop invariant lists_wf && nolocks;
	    loop assigns ops, reporting, ret, g_ulock, FC_WORLD;
	*/
	for (;;) {
		UTRACE_STEP("utrace_barrier:ops");	/* model: utrace_barrier:ops */
		if (!smp_load_acquire(&engine->ops))
			return -ESRCH;	/* all callbacks finished */

		UTRACE_STEP("utrace_barrier:lock");	/* model: utrace_barrier:lock */
		spin_lock(&utrace->lock);
		ops = engine_ops_racy(engine);
		/*
		 * proof: a racy ops change is the reap teardown's, on an
		 * unlinked engine: I1 (E_ok) and I7 of the listed ones hold.
		 */
		//@ assert e_ops: ALL_E(k, g_e[k]->ops != \null);
		//@ assert e_tgt: ALL_E(k, g_e[k]->target == g_t);
		/*@ assert i7: I7; */
		UTRACE_STEP("utrace_barrier:reporting");	/* model: utrace_barrier:reporting */
		reporting = utrace_reporting(utrace);
		ret = utrace_barrier_check(utrace, engine, ops, reporting);
		spin_unlock(&utrace->lock);
		if (ret != UTRACE_BARRIER_WAIT)
			return ret;

		if (signal_pending(current))
			return -ERESTARTSYS;
		UTRACE_STEP("utrace_barrier:wait");	/* model: utrace_barrier:wait */
		schedule_timeout_interruptible(1);
	}
}
EXPORT_SYMBOL_GPL(utrace_barrier);

/*
 * ======================================================================
 * Tracee side: the report pass
 * ======================================================================
 */

/*
 * Start a report: splice new engines and consume a REPORT (or STEP)
 * request.  INTERRUPT is left for utrace_get_signal().
 */
static enum utrace_resume_action start_report(struct utrace *utrace)
{
	enum utrace_resume_action resume;

	/*
	 * proof: T runs past B9 (every caller is a tracehook, or follows
	 * utrace_stop()), so its attached list is its own from here on: the
	 * ghost pass flag gives the racy reads below that rely (pass_stable).
	 */
	//@ ghost g_tpass = 1;
	UTRACE_STEP("start_report:resume");	/* model: start_report:resume */
	resume = READ_ONCE(utrace->resume);
	//@ assert t1: trely{Pre,Here};
	if (READ_ONCE(utrace->pending_attach) ||
	    (resume > UTRACE_INTERRUPT && resume < UTRACE_RESUME)) {
		//@ assert t2: trely{Pre,Here};
		UTRACE_STEP("start_report:lock");	/* model: start_report:lock */
		spin_lock(&utrace->lock);
		//@ assert t3: trely{Pre,Here};
		splice_attaching(utrace);
		resume = utrace->resume;
		if (resume > UTRACE_INTERRUPT)
			WRITE_ONCE(utrace->resume, UTRACE_RESUME);
		spin_unlock(&utrace->lock);
	}
	//@ ghost g_tpass = 0;
	return resume;
}

/*
 * Mark and unmark the engine as the one being reported to.  Other
 * threads read utrace->reporting under utrace->lock (B4, B6).
 */
static void utrace_set_reporting(struct utrace *utrace,
				 struct utrace_engine *engine)
{
	/*
	 * Release (ORDER): whoever sees this value also sees every access of
	 * the callbacks T made before, so a controller that reads "not
	 * reporting to my engine" (DETACH -> 0, utrace_barrier -> 0) may free
	 * the engine's data.  Every store, not only NULL: a reader may see
	 * the next engine's value.
	 */
	smp_store_release(&utrace->reporting, engine);
}

static void finish_callback_report(struct task_struct *task,
				   struct utrace *utrace,
				   struct utrace_report *report,
				   struct utrace_engine *engine,
				   enum utrace_resume_action action)
{
	if (action == UTRACE_DETACH) {
		UTRACE_STEP("finish_callback_report:detach");	/* model: finish_callback_report:detach */
#ifdef BUG_C4
		/* C4: may become visible after reporting = NULL. */
		WRITE_ONCE(engine->ops, &utrace_detached_ops);
#else
		/* Under the lock: utrace_barrier() sees it before reporting clears. */
		spin_lock(&utrace->lock);
		WRITE_ONCE(engine->ops, &utrace_detached_ops);
		/* proof: I1 (listed engines keep ops) at the unlock */
		/*@ assert others: \forall integer k; 0 <= k < g_ne && k != g_k ==>
		      \separated(engine, g_e[k]);
		*/
		//@ assert ps_in: pass_stable{Pre,Here};
		spin_unlock(&utrace->lock);
#endif
		//@ assert self: engine->ops == &utrace_detached_ops;
	}
	/* proof: the pass's list facts and no_dstop (I7: no leaked stop), carried */
	//@ assert p1: action == UTRACE_DETACH ==> pass_stable{Pre,Here};
	//@ assert p1t: tkeep{Pre,Here};
	//@ assert p1s: action == UTRACE_DETACH ==> engine->ops == &utrace_detached_ops;
	/*@ assert p1d: no_dstop || report->detaches ||
	      engine->ops == &utrace_detached_ops;
	*/
	if (READ_ONCE(engine->ops) == &utrace_detached_ops) {
		report->detaches = true;
		//@ assert e1: pass_stable{Pre,Here};
		//@ assert e1a: att_same{Pre,Here} && ALL_E(k, k < g_natt ==> g_e[k]->ops != \null);
		//@ assert e1s: engine->ops == &utrace_detached_ops;
		return;
	}
	//@ assert p2: pass_stable{Pre,Here} && (no_dstop || report->detaches);
	/* proof: a self-detached engine stays detached (pass_stable) */
	//@ assert p2s: action != UTRACE_DETACH;

	if (action < report->action)
		report->action = action;

	if (action != UTRACE_STOP) {
		if (action < report->resume_action)
			report->resume_action = action;
		if (engine_wants_stop(engine)) {
			//@ assert w1: pass_stable{Pre,Here} && (no_dstop || report->detaches);
			UTRACE_STEP("finish_callback_report:resume");	/* model: finish_callback_report:resume */
			spin_lock(&utrace->lock);
			//@ assert w2: pass_stable{Pre,Here} && (no_dstop || report->detaches);
			/* proof: I5 at the unlock (a listed engine: REAP is set, kept) */
			//@ assert old_reap: bit_test(__fc_uflags, B_REAP);
			clear_engine_wants_stop(task, engine);
			/*@ assert reap_bit: bit_test(__fc_uflags, B_REAP) &&
			      __fc_uflags != 0;
			*/
			spin_unlock(&utrace->lock);
		}
		//@ assert e2: pass_stable{Pre,Here} && (no_dstop || report->detaches);
		//@ assert e2a: att_same{Pre,Here} && ALL_E(k, k < g_natt ==> g_e[k]->ops != \null);
		return;
	}

	if (!engine_wants_stop(engine)) {
		//@ assert w3: pass_stable{Pre,Here} && (no_dstop || report->detaches);
		UTRACE_STEP("finish_callback_report:stop");	/* model: finish_callback_report:stop */
		spin_lock(&utrace->lock);
		//@ assert w4: pass_stable{Pre,Here} && (no_dstop || report->detaches);
		/* A DETACH slipped in: collect the engine, do not stop for it. */
		//@ assert old_reap2: bit_test(__fc_uflags, B_REAP);
		if (unlikely(engine->ops == &utrace_detached_ops))
			report->detaches = true;
		else
			mark_engine_wants_stop(task, engine);
		/* proof: I5 at the unlock (the REAP bit is kept) */
		//@ assert reap_bit2: bit_test(__fc_uflags, B_REAP) && __fc_uflags != 0;
		//@ assert i5: I5;
		//@ assert w5: pass_stable{Pre,Here} && (no_dstop || report->detaches);
		spin_unlock(&utrace->lock);
	}
	//@ assert e3: pass_stable{Pre,Here};
	//@ assert e3a: att_same{Pre,Here} && ALL_E(k, k < g_natt ==> g_e[k]->ops != \null);
	//@ assert e3d: no_dstop || report->detaches;
}

/*
 * Apply a callback's return value, then clear utrace->reporting (B6).
 *
 * Return: true if the engine is detached now.
 */
static bool finish_callback(struct task_struct *task, struct utrace *utrace,
			    struct utrace_report *report,
			    struct utrace_engine *engine, u32 ret)
{
#ifdef BUG_C3
	/* C3: utrace_barrier() may return before the value is applied. */
	UTRACE_STEP("finish_callback:clear");	/* model: finish_callback:clear */
	utrace_set_reporting(utrace, NULL);
#endif
	report->result = ret & ~UTRACE_RESUME_MASK;
	finish_callback_report(task, utrace, report, engine,
			       utrace_resume_action(ret));
#ifndef BUG_C3
	UTRACE_STEP("finish_callback:clear");	/* model: finish_callback:clear */
	utrace_set_reporting(utrace, NULL);
#endif

	UTRACE_STEP("finish_callback:ops");	/* model: finish_callback:ops */
	if (READ_ONCE(engine->ops) == &utrace_detached_ops) {
#ifndef V31_C11
		/* C11: never report "detached" without collecting it. */
		report->detaches = true;
#endif
		return true;
	}
	return false;
}

/*
 * The quiesce half of start_callback(): run report_quiesce (wanted, or the
 * engine was detached under us, C5), apply its result, and for an event
 * report publish utrace->reporting again (B4) before start_callback()
 * re-reads the flags.  A function of its own for the proof's sake (each
 * half is a smaller WP goal); the steps and their order are
 * start_callback()'s.
 *
 * Return: true if start_callback() goes on to the event (reporting set
 * to @engine), false if the engine's part of this report is over
 * (reporting cleared).
 */
static bool start_callback_quiesce(struct task_struct *task,
				   struct utrace *utrace,
				   struct utrace_report *report,
				   struct utrace_engine *engine,
				   const struct utrace_engine_ops *ops,
				   unsigned long event)
{
	u32 ret = call_report_quiesce(ops, report->action, engine, event);

	//@ assert s2: pass_stable{Pre,Here} && tkeep{Pre,Here};
	/*@ assert s2d: ops == &utrace_detached_ops ==>
	      engine->ops == &utrace_detached_ops;
	*/
	if (finish_callback(task, utrace, report, engine, ret))
		return false;
	/* proof (C5): a detached engine was collected above */
	//@ assert s3: ops != &utrace_detached_ops;
#ifndef BUG_C10
	if (!event) {
		/* A pure quiescence report: nothing more to call. */
		report->spurious = false;
		return false;
	}
#endif
	/*
	 * finish_callback() cleared reporting; set it again before
	 * start_callback() re-reads the flags the callback or a controller
	 * changed.
	 */
	//@ ghost int g_det = report->detaches;
	UTRACE_STEP("start_callback:reporting2");	/* model: start_callback:reporting2 */
	utrace_set_reporting(utrace, engine);
	//@ assert s3r: (no_dstop || g_det != 0) && report->detaches == g_det;
	smp_mb();	/* B4 */
	return true;
}

/*
 * Publish utrace->reporting, then look at the engine (B4, B5).  Runs the
 * quiesce callback if wanted, or if the engine was detached under us
 * (C5: we may see its old flags with the new ops).
 *
 * Return: the ops to call for @event with reporting still set, or NULL
 * (reporting cleared).
 */
static const struct utrace_engine_ops *
start_callback(struct utrace *utrace, struct utrace_report *report,
	       struct utrace_engine *engine, struct task_struct *task,
	       unsigned long event)
{
	const struct utrace_engine_ops *ops;
	unsigned long want;

	UTRACE_STEP("start_callback:reporting");	/* model: start_callback:reporting */
	utrace_set_reporting(utrace, engine);
	smp_mb();	/* B4: pairs with utrace_set_events(), utrace_control() */
	UTRACE_STEP("start_callback:flags");	/* model: start_callback:flags */
	want = READ_ONCE(engine->flags);
	smp_rmb();	/* B5: pairs with mark_engine_detached() */
	UTRACE_STEP("start_callback:ops");	/* model: start_callback:ops */
	ops = READ_ONCE(engine->ops);
	/* proof: the pass's list facts, no_dstop (I7) and B6, carried */
	/*@ assert s1: pass_stable{Pre,Here} && tkeep{Pre,Here} &&
	      g_u->reporting == engine && ops == engine->ops &&
	      (no_dstop || report->detaches);
	*/

	if ((want & UTRACE_EVENT(QUIESCE))
#ifndef BUG_C5
	    || ops == &utrace_detached_ops
#endif
	    ) {
		if (!start_callback_quiesce(task, utrace, report, engine, ops,
					    event)) {
			//@ assert f1: pass_stable{Pre,Here} && tkeep{Pre,Here};
			//@ assert f1d: no_dstop || report->detaches;
			return NULL;
		}
		//@ ghost int g_det = report->detaches;
		//@ assert s3: pass_stable{Pre,Here} && tkeep{Pre,Here};
		UTRACE_STEP("start_callback:flags2");	/* model: start_callback:flags2 */
		want = READ_ONCE(engine->flags);
		//@ assert s4: pass_stable{Pre,Here} && tkeep{Pre,Here};
		//@ assert s4r: g_u->reporting == engine;
		//@ assert s4x: report->detaches == g_det && report_ok(report);
		//@ assert s4d: no_dstop || report->detaches;
	}
	/* proof: the facts of both paths, merged */
	//@ assert m1: pass_stable{Pre,Here} && tkeep{Pre,Here};
	//@ assert m1a: att_same{Pre,Here} && ALL_E(k, k < g_natt ==> g_e[k]->ops != \null);
	//@ assert m2: report_ok(report) && (no_dstop || report->detaches);

	/* An engine that wants T stopped keeps it stopped. */
	if (want & ENGINE_STOP)
		report->action = UTRACE_STOP;

#ifdef BUG_C10
	/* C10: returns with reporting set; utrace_resume() ignores it. */
	if (want & (event ? event : UTRACE_EVENT(QUIESCE))) {
#else
	if (want & event) {
#endif
		report->spurious = false;
		return ops;
	}

	UTRACE_STEP("start_callback:clear");	/* model: start_callback:clear */
	//@ assert c1: no_dstop || report->detaches;
	utrace_set_reporting(utrace, NULL);
	//@ assert c2: pass_stable{Pre,Here} && att_same{Pre,Here};
	return NULL;
}

/* One engine of an event report (the body of REPORT_CALLBACKS). */
static void report_one(struct task_struct *task, struct utrace *utrace,
		       struct utrace_report *report,
		       struct utrace_engine *engine, unsigned long event,
		       const struct utrace_event_args *args)
{
	const struct utrace_engine_ops *ops;
	u32 action;

	ops = start_callback(utrace, report, engine, task, event);
	if (!ops)
		return;
	if (event == UTRACE_EVENT(SYSCALL_ENTRY))
		action = args->resume_report | report->result | report->action;
	else
		action = report->action;
	action = call_report_event(ops, action, engine, event, args);
	/* proof: the pass's list facts and B6 across the callback */
	/*@ assert r1: pass_stable{Pre,Here} && tkeep{Pre,Here} &&
	      g_u->reporting == engine && (no_dstop || report->detaches);
	*/
	finish_callback(task, utrace, report, engine, action);
}

/*
 * One pass over the attached engines, no lock held.  T is current and
 * running, so utrace->attached cannot change under us (I14).
 */
static void report_callbacks(struct task_struct *task, struct utrace *utrace,
			     struct utrace_report *report, unsigned long event,
			     const struct utrace_event_args *args)
{
	struct utrace_engine *engine;

	//@ ghost g_tpass = 1;
	//@ ghost g_k = 0;
	/*@ loop invariant 0 <= g_k <= g_natt;
	    loop invariant g_k < g_natt ==> engine == g_e[g_k];
	    loop invariant g_k == g_natt ==> engine == \null;
	    loop invariant lists_wf && nolocks && !utraced && g_tpass == 1;
	    loop invariant report: report_ok(report);
	    loop invariant att: att_same{LoopEntry,Here} &&
	      ALL_E(k, k < g_natt ==> g_e[k]->ops != \null);
	    loop invariant t: tkeep{LoopEntry,Here};
	    loop invariant i8: g_u->reporting == \null;
	    loop invariant dstop: no_dstop || report->detaches;
	    loop assigns engine, g_k, g_ulock, FC_WORLD, report->result,
	      report->action, report->resume_action, report->detaches,
	      report->spurious, g_u->reporting, __fc_uflags;
	    loop variant g_natt - g_k;
	*/
	list_for_each_entry(engine, &utrace->attached, entry) {
		report_one(task, utrace, report, engine, event, args);
		//@ ghost g_k++;
	}
	//@ ghost g_tpass = 0;
}

/* Syscall entry: the last-attached engine is closest to user mode. */
static void report_callbacks_reverse(struct task_struct *task,
				     struct utrace *utrace,
				     struct utrace_report *report,
				     unsigned long event,
				     const struct utrace_event_args *args)
{
	struct utrace_engine *engine;

	//@ ghost g_tpass = 1;
	//@ ghost g_k = g_natt - 1;
	/*@ loop invariant -1 <= g_k < g_natt;
	    loop invariant g_k >= 0 ==> engine == g_e[g_k];
	    loop invariant g_k == -1 ==> engine == \null;
	    loop invariant lists_wf && nolocks && !utraced && g_tpass == 1;
	    loop invariant report: report_ok(report);
	    loop invariant att: att_same{LoopEntry,Here} &&
	      ALL_E(k, k < g_natt ==> g_e[k]->ops != \null);
	    loop invariant t: tkeep{LoopEntry,Here};
	    loop invariant i8: g_u->reporting == \null;
	    loop invariant dstop: no_dstop || report->detaches;
	    loop assigns engine, g_k, g_ulock, FC_WORLD, report->result,
	      report->action, report->resume_action, report->detaches,
	      report->spurious, g_u->reporting, __fc_uflags;
	    loop variant g_k;
	*/
	list_for_each_entry_reverse(engine, &utrace->attached, entry) {
		report_one(task, utrace, report, engine, event, args);
		//@ ghost g_k--;
	}
	//@ ghost g_tpass = 0;
}

/* Collect detached engines (and no-engine state) after a pass. */
static void finish_report_reset(struct task_struct *task, struct utrace *utrace,
				struct utrace_report *report)
{
	if (report->spurious || report->detaches) {
		spin_lock(&utrace->lock);
		if (utrace_reset(task, utrace)) {
			report->action = UTRACE_RESUME;
#ifndef V31_C12
			/* No engine is left: forget the pass's step request. */
			report->resume_action = UTRACE_RESUME;
#endif
		}
	}
}

/*
 * Store the pass's resume request, re-compared under the lock (O2) so a
 * stronger request stored meanwhile by a controller is not weakened.
 */
static void finish_report(struct task_struct *task, struct utrace *utrace,
			  struct utrace_report *report, bool will_not_stop)
{
	enum utrace_resume_action resume = report->action;

	if (resume == UTRACE_STOP)
		resume = will_not_stop ? UTRACE_REPORT : UTRACE_RESUME;

	UTRACE_STEP("finish_report:resume");	/* model: finish_report:resume */
	if (resume < READ_ONCE(utrace->resume)) {
		spin_lock(&utrace->lock);
#ifndef V31_O2
		if (resume < utrace->resume)
#endif
		{
			if (resume == UTRACE_INTERRUPT) {
				set_tsk_sigpending(task);
			} else {
#ifndef V31_C13
				resume = UTRACE_REPORT;
#endif
				set_tsk_notify_resume(task);
			}
			WRITE_ONCE(utrace->resume, resume);
		}
		spin_unlock(&utrace->lock);
	}

	finish_report_reset(task, utrace, report);

#ifndef V31_C12
	/*
	 * C12 (open half): every report decides the step state, after
	 * finish_report_reset() (which forgets the pass's step request
	 * when no engine is left).  T is current, so disabling
	 * single-step here is safe; an engine that wants to keep
	 * stepping asked for it in this pass, and a step request from a
	 * controller re-arms a report (C13) that decides again.
	 */
	if (!utrace_action_is_step(report->action) &&
	    !utrace_action_is_step(report->resume_action))
		user_disable_single_step(task);
#endif
}

/*
 * Before sleeping, keep the pass's non-STOP request (C14): it is acted on
 * after the wake-up instead of being lost.
 */
static void utrace_stop_rearm(struct task_struct *task, struct utrace *utrace,
			      enum utrace_resume_action action)
	__must_hold(&utrace->lock)
{
#ifdef BUG_C14
	/* C14: the request is consumed by this pass and lost across the stop. */
	(void)task;
	(void)utrace;
	(void)action;
#else
	if (action < utrace->resume) {
		if (action == UTRACE_INTERRUPT) {
			set_tsk_sigpending(task);
		} else {
#ifndef V31_C13
			action = UTRACE_REPORT;
#endif
			set_tsk_notify_resume(task);
		}
		WRITE_ONCE(utrace->resume, action);
	}
#endif
}

/*
 * Perform UTRACE_STOP: T sleeps in TASK_UTRACED until an engine resumes
 * it, unless no engine still wants it stopped (C1, C2) or it is being
 * killed.  @action is the pass's strongest non-STOP request.
 */
static void utrace_stop(struct task_struct *task, struct utrace *utrace,
			enum utrace_resume_action action)
{
	/*@ loop invariant lists_wf && nolocks && !utraced && g_nprv == 0;
	    loop invariant dstop: no_dstop;
	    loop invariant t: \at(g_u->reporting, LoopEntry) == g_u->reporting &&
	      g_u->death == \at(g_u->death, LoopEntry) &&
	      __fc_exit_state == \at(__fc_exit_state, LoopEntry);
	    loop assigns T_FOOT, g_u->pending_attach, g_u->resume,
	      g_u->signal_handler, __fc_uflags;
	*/
	for (;;) {
		UTRACE_STEP("utrace_stop:lock");	/* model: utrace_stop:lock */
		spin_lock(&utrace->lock);
		utrace_stop_rearm(task, utrace, action);
		UTRACE_STEP("utrace_stop:recheck");	/* model: utrace_stop:recheck */
#ifndef BUG_C1
		/*
		 * A DETACH or RESUME since we decided to stop cleared
		 * ENGINE_STOP: recompute, and stop only if another engine
		 * still wants it.
		 */
		if (likely(task_uflags(task) & ENGINE_STOP))
			break;
		utrace_reset(task, utrace);
		if (!(READ_ONCE(task_uflags(task)) & ENGINE_STOP))
			return;
#else
		break;
#endif
	}
	/* proof: I7 at the unlocks below: the holder of the stop bit (I6) is
	 * on the list (E_ok) and not self-detached (no_dstop), so live */
	/*@ assert s_held: EX_E(k, live(g_e[k]) && bit_test(g_e[k]->flags, B_ESTOP)); */

	UTRACE_STEP("utrace_stop:siglock");	/* model: utrace_stop:siglock */
	spin_lock_irq(task_siglock(task));
	if (unlikely(fatal_signal_pending(task))) {
		/* SIGKILL always wins over UTRACE_STOP. */
		spin_unlock_irq(task_siglock(task));
		spin_unlock(&utrace->lock);
		return;
	}
	UTRACE_STEP("utrace_stop:sleep");	/* model: utrace_stop:sleep */
	set_current_utraced();
	spin_unlock_irq(task_siglock(task));
	spin_unlock(&utrace->lock);

	UTRACE_STEP("utrace_stop:schedule");	/* model: utrace_stop:schedule */
	schedule();

	utrace_finish_stop();

	/* Signals did not wake us while stopped: recompute TIF_SIGPENDING. */
	spin_lock_irq(task_siglock(task));
	recalc_sigpending();
	spin_unlock_irq(task_siglock(task));
}

void utrace_finish_stop(void)
{
	/*
	 * B9: a controller may still be inside a critical section on us
	 * (e.g. in utrace_reset()) when SIGKILL woke us: wait for it.
	 */
	if (unlikely(fatal_signal_pending(current))) {
		struct utrace *utrace = task_utrace_ptr(current);

		UTRACE_STEP("utrace_finish_stop:wait");	/* model: utrace_finish_stop:wait */
		spin_lock(&utrace->lock);
		spin_unlock(&utrace->lock);
	}
}
EXPORT_SYMBOL_GPL(utrace_finish_stop);

/* Act on the pass's final resume action, close to user mode. */
static void finish_resume_report(struct task_struct *task,
				 struct utrace *utrace,
				 struct utrace_report *report)
{
	finish_report_reset(task, utrace, report);

	switch (report->action) {
	case UTRACE_STOP:
		utrace_stop(task, utrace, report->resume_action);
#ifndef V31_N2
		/* N2: stopped and woken, or the stop called off: no stale step. */
		if (!utrace_action_is_step(report->resume_action))
			user_disable_single_step(task);
#endif
		break;

	case UTRACE_INTERRUPT:
		if (!signal_pending(task))
			set_tsk_sigpending(task);
		break;

	case UTRACE_BLOCKSTEP:
		if (likely(arch_has_block_step())) {
			user_enable_block_step(task);
			break;
		}
		/* A callback failed to check arch_has_block_step(). */
		WARN_ON_ONCE(1);
		fallthrough;
	case UTRACE_SINGLESTEP:
		if (likely(arch_has_single_step())) {
			user_enable_single_step(task);
			break;
		}
		WARN_ON_ONCE(1);
		fallthrough;
	default:
		user_disable_single_step(task);
		break;
	}
}

void utrace_resume(struct task_struct *task, struct pt_regs *regs)
{
	struct utrace *utrace = task_utrace_ptr(task);
	struct utrace_engine *engine;
	INIT_REPORT(report);

	(void)regs;
	report.action = start_report(utrace);
	/* proof: T runs past B9 (start_report()): its attached list is its own */
	//@ ghost g_tpass = 1;
	switch (report.action) {
	case UTRACE_RESUME:
		/* Spurious: nothing was requested. */
		//@ ghost g_tpass = 0;
		return;

	case UTRACE_REPORT:
		/* C15: without QUIESCE nobody gets a callback (by design). */
		if (unlikely(!(READ_ONCE(task_uflags(task)) &
			       UTRACE_EVENT(QUIESCE)))) {
			//@ assert r_noq: report_ok(&report) && report_sep(&report);
			break;
		}
		report.action = UTRACE_RESUME;
		//@ ghost g_k = 0;
		/*@ loop invariant 0 <= g_k <= g_natt;
		    loop invariant g_k < g_natt ==> engine == g_e[g_k];
		    loop invariant g_k == g_natt ==> engine == \null;
		    loop invariant lists_wf && nolocks && !utraced && g_tpass == 1;
		    loop invariant report: report_ok(&report);
		    loop invariant att: att_same{LoopEntry,Here} &&
		      ALL_E(k, k < g_natt ==> g_e[k]->ops != \null);
		    loop invariant t: tkeep{LoopEntry,Here};
		    loop invariant i8: g_u->reporting == \null;
		    loop invariant dstop: no_dstop || report.detaches;
		    loop assigns engine, g_k, g_ulock, FC_WORLD, report, g_u->reporting,
		      __fc_uflags;
		    loop variant g_natt - g_k;
		*/
		list_for_each_entry(engine, &utrace->attached, entry) {
			start_callback(utrace, &report, engine, task, 0);
			//@ ghost g_k++;
		}
		//@ assert r_pass: report_ok(&report) && report_sep(&report);
		break;

	default:
		/* INTERRUPT (or a STEP request under V31_C13). */
		report.spurious = false;
		//@ assert r_int: report_ok(&report) && report_sep(&report);
		break;
	}
	//@ ghost g_tpass = 0;

	finish_resume_report(task, utrace, &report);
}
EXPORT_SYMBOL_GPL(utrace_resume);

/*
 * ======================================================================
 * Tracee side: event reports
 * ======================================================================
 */

bool utrace_report_syscall_entry(struct pt_regs *regs)
{
	struct task_struct *task = current;
	struct utrace *utrace = task_utrace_ptr(task);
	struct utrace_event_args args = { .regs = regs };
	/*
	 * One report for every pass, re-initialised at the top of each
	 * (declared outside the loop: WP then sees one stack object, not a
	 * new one per iteration).
	 */
	INIT_REPORT(report);
	u32 result;

	/*@ loop invariant lists_wf && nolocks && g_tpass == 0 && g_nprv == 0;
	    loop invariant i8: g_u->reporting == \null;
	    loop invariant dstop: no_dstop;
	    loop invariant running: !utraced;
	    loop invariant t: g_u->death == \at(g_u->death, LoopEntry) &&
	      __fc_exit_state == \at(__fc_exit_state, LoopEntry);
	    loop assigns result, report, args.resume_report, T_FOOT, g_tpass, g_u->reporting,
	      g_u->pending_attach, g_u->resume, g_u->signal_handler, __fc_uflags,
	      { g_e[i]->ops | integer i; 0 <= i < g_ne },
	      { g_e[i]->flags | integer i; 0 <= i < g_ne };
	*/
	for (;;) {
		report.result = 0;
		report.action = UTRACE_RESUME;
		report.resume_action = UTRACE_RESUME;
		report.detaches = false;
		report.spurious = true;

		start_report(utrace);
		report_callbacks_reverse(task, utrace, &report,
					 UTRACE_EVENT(SYSCALL_ENTRY), &args);
		finish_report(task, utrace, &report, false);
		result = report.result;
		if (report.action != UTRACE_STOP)
			break;

		utrace_stop(task, utrace, report.resume_action);
		if (fatal_signal_pending(task)) {
			/* Killed while stopped: never run the system call. */
			result = UTRACE_SYSCALL_ABORT;
			break;
		}
		/*
		 * A REPORT or INTERRUPT requested while we were stopped:
		 * report again so engines see the changed registers.
		 */
		if (READ_ONCE(utrace->resume) > UTRACE_REPORT)
			break;
		args.resume_report = UTRACE_SYSCALL_RESUMED;
	}

	return utrace_syscall_action(result) == UTRACE_SYSCALL_ABORT;
}
EXPORT_SYMBOL_GPL(utrace_report_syscall_entry);

/* start_report + REPORT_CALLBACKS + finish_report(will_not_stop) */
static void utrace_report_event(unsigned long event,
				const struct utrace_event_args *args)
{
	struct task_struct *task = current;
	struct utrace *utrace = task_utrace_ptr(task);
	INIT_REPORT(report);

	start_report(utrace);
	report_callbacks(task, utrace, &report, event, args);
	finish_report(task, utrace, &report, true);
}

void utrace_report_syscall_exit(struct pt_regs *regs)
{
	struct utrace_event_args args = { .regs = regs };

	utrace_report_event(UTRACE_EVENT(SYSCALL_EXIT), &args);
}
EXPORT_SYMBOL_GPL(utrace_report_syscall_exit);

void utrace_report_exec(const struct linux_binprm *bprm, struct pt_regs *regs)
{
	struct utrace_event_args args = { .regs = regs, .bprm = bprm };

	utrace_report_event(UTRACE_EVENT(EXEC), &args);
}
EXPORT_SYMBOL_GPL(utrace_report_exec);

void utrace_report_exit(long *exit_code)
{
	struct task_struct *task = current;
	struct utrace *utrace = task_utrace_ptr(task);
	struct utrace_event_args args = {
		.orig_code = *exit_code,
		.code = exit_code,
	};
	INIT_REPORT(report);

	start_report(utrace);
	report_callbacks(task, utrace, &report, UTRACE_EVENT(EXIT), &args);
	finish_report(task, utrace, &report, false);
	if (report.action == UTRACE_STOP)
		utrace_stop(task, utrace, report.resume_action);
}
EXPORT_SYMBOL_GPL(utrace_report_exit);

/*
 * ======================================================================
 * Death and reap
 * ======================================================================
 */

/*
 * Tear down all engines once the task is reaped and its death report is
 * over: report_reap(), then ops = NULL with a release store (C8:
 * utrace_barrier() waits for it), then drop the attach reference.
 * No lock held: the engines are on our private list.
 */
static void utrace_teardown(struct task_struct *target, struct list_head *list)
{
	struct utrace_engine *engine, *next;

	//@ ghost g_k = 0;
	/*@ loop invariant lists_wf && nolocks && g_k == 0 && is_prv(list);
	    loop invariant cur: engine != \null <==> g_nprv > 0;
	    loop invariant first: g_nprv > 0 ==> engine == g_prv[0] &&
	      (g_nprv > 1 ==> next == g_prv[1]) && (g_nprv == 1 ==> next == \null);
	    loop invariant refs: ALL_PRV(k, g_prv[k]->kref.refcount.refs >= 1);
	    loop invariant env: __fc_current == g_t ==> trely0{LoopEntry,Here};
	    loop assigns engine, next, g_prv[0 .. UTRACE_GHOST_MAXE - 1], g_nprv, FC_WORLD;
	    loop variant g_nprv;
	*/
	list_for_each_entry_safe(engine, next, list, entry) {
		const struct utrace_engine_ops *ops = engine->ops;

		if (engine->flags & UTRACE_EVENT(REAP))
			call_report_reap(ops, engine, target);
		UTRACE_STEP("utrace_maybe_reap:ops_null");	/* model: utrace_maybe_reap:ops_null */
#ifdef V31_C8
		WRITE_ONCE(engine->ops, NULL);
#else
		smp_store_release(&engine->ops, NULL);
#endif
		WRITE_ONCE(engine->flags, 0);
		list_del_init(&engine->entry);
		utrace_engine_put(engine);
	}
}

/*
 * The hand-off between the death report (@reap false, T itself) and
 * release_task() (@reap true): whichever comes second tears down.
 */
static void utrace_maybe_reap(struct task_struct *target, struct utrace *utrace,
			      bool reap)
{
	LIST_HEAD(attached);

	UTRACE_STEP("utrace_maybe_reap:lock");	/* model: utrace_maybe_reap:lock */
	spin_lock(&utrace->lock);

	if (reap) {
		WRITE_ONCE(utrace->reap, 1);
		/*
		 * The death report is pending or running: T tears down.
		 * One test per bit (DEATH, QUIESCE): WP reads each as a
		 * bit_test for I11; the two-bit mask it cannot.
		 */
		if ((task_uflags(target) & UTRACE_EVENT(DEATH)) ||
		    (task_uflags(target) & UTRACE_EVENT(QUIESCE))
#ifndef V31_N1
		    || utrace->death
#endif
		    ) {
			spin_unlock(&utrace->lock);
			return;
		}
	} else {
		WRITE_ONCE(utrace->death, 0);
		if (!utrace->reap) {
			/* Not reaped yet: drop to the REAP marker. */
			utrace_reset(target, utrace);
			return;
		}
	}

	UTRACE_STEP("utrace_maybe_reap:teardown");	/* model: utrace_maybe_reap:teardown */
	WRITE_ONCE(task_uflags(target), 0);
	/*@ assert m_e: E_ok && g_nprv == 0 && lists_wf; */
	list_splice_tail_init(&utrace->attached, &attached);
	/*@ assert m_s1e: E_ok; */
	/*@ assert m_s1p: ALL_PRV(k, g_prv[k]->kref.refcount.refs >= 1); */
	list_splice_tail_init(&utrace->attaching, &attached);
	/*@ assert m_s2: g_ne == 0 && ALL_PRV(k, g_prv[k]->kref.refcount.refs >= 1); */
	spin_unlock(&utrace->lock);

	utrace_teardown(target, &attached);
}

void utrace_report_death(struct task_struct *task, bool group_dead, int signal)
{
	struct utrace *utrace = task_utrace_ptr(task);
	struct utrace_event_args args = {
		.group_dead = group_dead,
		.signal = signal,
	};
	INIT_REPORT(report);

	UTRACE_STEP("utrace_report_death:lock");	/* model: utrace_report_death:lock */
	spin_lock(&utrace->lock);
	BUG_ON(utrace->death);
	/* From now on controllers get -EALREADY for DETACH and leave the lists alone. */
	WRITE_ONCE(utrace->death, 1);
	WRITE_ONCE(utrace->resume, UTRACE_RESUME);
	splice_attaching(utrace);
	spin_unlock(&utrace->lock);

	report_callbacks(task, utrace, &report, UTRACE_EVENT(DEATH), &args);

	utrace_maybe_reap(task, utrace, false);
}
EXPORT_SYMBOL_GPL(utrace_report_death);

void __utrace_release_task(struct task_struct *task)
{
	utrace_maybe_reap(task, task_utrace_ptr(task), true);
}
EXPORT_SYMBOL_GPL(__utrace_release_task);

/*
 * ======================================================================
 * Tracee side: signals
 * ======================================================================
 */

/*
 * Consume pending requests for a UTRACE_SIGNAL_REPORT/HANDLER pass
 * (siglock not held: lock order).
 */
static enum utrace_resume_action
utrace_signal_consume(struct utrace *utrace, struct utrace_report *report)
{
	enum utrace_resume_action resume;

	UTRACE_STEP("utrace_get_signal:lock");	/* model: utrace_get_signal:lock */
	spin_lock(&utrace->lock);
	/* proof: the report (T's stack) is apart from what the lock havocs */
	//@ assert r1: report_ok(report);
	splice_attaching(utrace);
	report->result = utrace->signal_handler ?
		UTRACE_SIGNAL_HANDLER : UTRACE_SIGNAL_REPORT;
	//@ assert r2: report_ok(report);
	WRITE_ONCE(utrace->signal_handler, 0);
	resume = utrace->resume;
	WRITE_ONCE(utrace->resume, UTRACE_RESUME);
	spin_unlock(&utrace->lock);
	return resume;
}

/* What a REPORT/HANDLER pass starts from: no signal, SIG_DFL. */
static const struct k_sigaction utrace_no_sigaction;

/* The default disposition of @signr as a utrace event and signal action. */
static unsigned long utrace_signal_event(const struct k_sigaction *ka,
					 int signr, u32 *result)
{
	if (ka->sa.sa_handler == SIG_IGN) {
		*result = UTRACE_SIGNAL_IGN;
		return UTRACE_EVENT(SIGNAL_IGN);
	}
	if (ka->sa.sa_handler != SIG_DFL) {
		*result = UTRACE_SIGNAL_DELIVER;
		return UTRACE_EVENT(SIGNAL);
	}
	if (sig_kernel_coredump(signr)) {
		*result = UTRACE_SIGNAL_CORE;
		return UTRACE_EVENT(SIGNAL_CORE);
	}
	if (sig_kernel_ignore(signr)) {
		*result = UTRACE_SIGNAL_IGN;
		return UTRACE_EVENT(SIGNAL_IGN);
	}
	if (sig_kernel_stop(signr)) {
		*result = signr == SIGSTOP ? UTRACE_SIGNAL_STOP : UTRACE_SIGNAL_TSTP;
		return UTRACE_EVENT(SIGNAL_STOP);
	}
	*result = UTRACE_SIGNAL_TERM;
	return UTRACE_EVENT(SIGNAL_TERM);
}

/*
 * One engine of the signal pass: the B4/B5 sequence of start_callback(),
 * report_signal() (report_quiesce() without one, so detached ops are
 * safe), then finish_callback().
 */
static void utrace_signal_one(struct task_struct *task, struct utrace *utrace,
			      struct utrace_report *report,
			      struct utrace_engine *engine,
			      struct utrace_signal_args *sa,
			      unsigned long event)
{
	const struct utrace_engine_ops *ops;
	unsigned long want;
	u32 ret;

	utrace_set_reporting(utrace, engine);
	smp_mb();	/* B4 */
	want = READ_ONCE(engine->flags);
	smp_rmb();	/* B5 */
	ops = READ_ONCE(engine->ops);

	if (!(want & (event | UTRACE_EVENT(QUIESCE)))) {
		utrace_set_reporting(utrace, NULL);
		return;
	}

	ret = call_report_signal(ops, report->result | report->action, engine,
				 sa, event);
	/* Avoid a tight loop if an engine keeps asking for a report here. */
	if (utrace_resume_action(ret) == UTRACE_REPORT ||
	    utrace_resume_action(ret) == UTRACE_INTERRUPT)
		ret = (ret & ~UTRACE_RESUME_MASK) | UTRACE_RESUME;
	finish_callback(task, utrace, report, engine, ret);
}

static void utrace_signal_callbacks(struct task_struct *task,
				    struct utrace *utrace,
				    struct utrace_report *report,
				    struct utrace_signal_args *sa,
				    unsigned long event)
{
	struct utrace_engine *engine;

	//@ ghost g_tpass = 1;
	//@ ghost g_k = 0;
	/*@ loop invariant 0 <= g_k <= g_natt;
	    loop invariant g_k < g_natt ==> engine == g_e[g_k];
	    loop invariant g_k == g_natt ==> engine == \null;
	    loop invariant lists_wf && nolocks && !utraced && g_tpass == 1;
	    loop invariant report: report_ok(report);
	    loop invariant att: att_same{LoopEntry,Here} &&
	      ALL_E(k, k < g_natt ==> g_e[k]->ops != \null);
	    loop invariant t: tkeep{LoopEntry,Here};
	    loop invariant i8: g_u->reporting == \null;
	    loop invariant dstop: no_dstop || report->detaches;
	    loop assigns engine, g_k, g_ulock, FC_WORLD, *report, g_u->reporting,
	      { g_e[i]->ops | integer i; 0 <= i < g_natt },
	      { g_e[i]->flags | integer i; 0 <= i < g_natt }, __fc_uflags,
	      *sa->info, *sa->return_ka;
	    loop variant g_natt - g_k;
	*/
	list_for_each_entry(engine, &utrace->attached, entry) {
		utrace_signal_one(task, utrace, report, engine, sa, event);
		//@ ghost g_k++;
	}
	//@ ghost g_tpass = 0;
}

/*
 * The signal to deliver after the pass, 0 if none: a representative
 * signal with SIG_DFL for a default action an engine chose.
 */
static int utrace_signal_result(u32 result, int signr,
				struct k_sigaction *return_ka)
{
	int rep;

	switch (utrace_signal_action(result)) {
	case UTRACE_SIGNAL_DELIVER:
		return signr;
	case UTRACE_SIGNAL_TERM:
		rep = SIGTERM;
		break;
	case UTRACE_SIGNAL_CORE:
		rep = SIGQUIT;
		break;
	case UTRACE_SIGNAL_STOP:
		rep = SIGSTOP;
		break;
	case UTRACE_SIGNAL_TSTP:
		rep = SIGTSTP;
		break;
	default:
		/* IGN, REPORT, HANDLER: nothing to deliver. */
		return 0;
	}
	return_ka->sa.sa_handler = SIG_DFL;
	return rep;
}

/*
 * After the pass: deliver, or act on the resume action (may stop).
 * Called with no lock held; returns with siglock held.
 */
static int utrace_signal_finish(struct task_struct *task, struct utrace *utrace,
				struct utrace_report *report,
				struct utrace_signal_args *sa, int signr)
	__acquires(&task->sighand->siglock)
{
	struct k_sigaction *ka;

	if (signr <= 0 || signr > UTRACE_NSIG)
		signr = 0;
	signr = signr ? utrace_signal_result(report->result, signr,
					     sa->return_ka) : 0;

	if (!signr) {
		finish_resume_report(task, utrace, report);
		spin_lock_irq(task_siglock(task));
		/* SIGKILL while we were stopped: it wins. */
		if (unlikely(fatal_signal_pending(task))) {
			signr = utrace_dequeue_sigkill(task, sa->info);
			if (signr) {
				*sa->return_ka = *utrace_task_sigaction(task, signr);
				return signr;
			}
		}
		return -1;
	}

	if (sa->return_ka->sa.sa_handler != SIG_DFL &&
	    sa->return_ka->sa.sa_handler != SIG_IGN &&
	    report->action != UTRACE_RESUME) {
		/* Report again right after the handler frame is set up. */
		report->action = UTRACE_INTERRUPT;
	}
	finish_report(task, utrace, report, true);

	spin_lock_irq(task_siglock(task));
	if (report->result & UTRACE_SIGNAL_HOLD)
		utrace_requeue_signal(task, sa->info);
	ka = utrace_task_sigaction(task, signr);
	if (sa->return_ka->sa.sa_handler != SIG_DFL &&
	    sa->return_ka->sa.sa_handler != SIG_IGN &&
	    (ka->sa.sa_flags & SA_ONESHOT))
		ka->sa.sa_handler = SIG_DFL;
	return signr;
}

int utrace_get_signal(struct task_struct *task, struct pt_regs *regs,
		      kernel_siginfo_t *info, struct k_sigaction *return_ka)
	__must_hold(&task->sighand->siglock)
{
	struct utrace *utrace = task_utrace_ptr(task);
	struct k_sigaction orig_ka;
	struct utrace_signal_args sa = {
		.regs = regs,
		.info = info,
		.orig_ka = &orig_ka,
		.return_ka = return_ka,
	};
	unsigned long event;
	int signr;
	INIT_REPORT(report);

	if (READ_ONCE(utrace->resume) < UTRACE_RESUME ||
	    READ_ONCE(utrace->pending_attach) ||
	    READ_ONCE(utrace->signal_handler)) {
		enum utrace_resume_action resume;

		/* Lock order: never take utrace->lock under siglock. */
		spin_unlock_irq(task_siglock(task));
		resume = utrace_signal_consume(utrace, &report);
		spin_lock_irq(task_siglock(task));
		recalc_sigpending();

		if (resume > UTRACE_REPORT) {
			/* Only here to splice or clear signal_handler (or a STEP). */
			spin_unlock_irq(task_siglock(task));
			report.action = resume;
			finish_resume_report(task, utrace, &report);
			spin_lock_irq(task_siglock(task));
			return -1;
		}
		/* C15: REPORT/INTERRUPT without QUIESCE gets no callback. */
		if (!(READ_ONCE(task_uflags(task)) & UTRACE_EVENT(QUIESCE))) {
#ifndef V31_C12
			/*
			 * F1 (found by the ptrace model): this REPORT may be the
			 * one a step request or a DETACH left to re-decide the
			 * step state (C13); with no QUIESCE engine no report can
			 * ask for a step again, so decide now, as
			 * finish_resume_report() would.  T is current.
			 */
			if (resume == UTRACE_REPORT)
				user_disable_single_step(task);
#endif
			return -1;
		}

		event = 0;
		signr = 0;
		*return_ka = utrace_no_sigaction;
		orig_ka = utrace_no_sigaction;
		spin_unlock_irq(task_siglock(task));
	} else if (!(READ_ONCE(task_uflags(task)) & UTRACE_EVENT_SIGNAL_ALL) ||
		   task_jobctl_pending(task)) {
		/* Nothing for us, or job control first. */
		return 0;
	} else {
		signr = utrace_dequeue_signal(task, info);
		if (!signr)
			return 0;
		orig_ka = *utrace_task_sigaction(task, signr);
		*return_ka = orig_ka;
		if (signr == SIGKILL)
			return signr;	/* SIGKILL is never reported */

		event = utrace_signal_event(&orig_ka, signr, &report.result);
		if (!(READ_ONCE(task_uflags(task)) &
		      (event | UTRACE_EVENT(QUIESCE))))
			return signr;
		spin_unlock_irq(task_siglock(task));
	}

	utrace_signal_callbacks(task, utrace, &report, &sa, event);

	/* An engine may have injected a signal in a REPORT/HANDLER pass. */
	if (!event)
		signr = info->si_signo;
	return utrace_signal_finish(task, utrace, &report, &sa, signr);
}
EXPORT_SYMBOL_GPL(utrace_get_signal);

bool utrace_interrupt_pending(void)
{
	return READ_ONCE(task_utrace_ptr(current)->resume) == UTRACE_INTERRUPT;
}
EXPORT_SYMBOL_GPL(utrace_interrupt_pending);

/*
 * ======================================================================
 * Task lifetime and ptrace coexistence
 * ======================================================================
 */

int utrace_init_task(struct task_struct *task)
{
	struct utrace *utrace = utrace_alloc();

	if (unlikely(!utrace))
		return -ENOMEM;
	spin_lock_init(&utrace->lock);
	INIT_LIST_HEAD(&utrace->attached);
	INIT_LIST_HEAD(&utrace->attaching);
	utrace->reporting = NULL;
	utrace->resume = UTRACE_RESUME;
	utrace->pending_attach = 0;
	utrace->signal_handler = 0;
	utrace->death = 0;
	utrace->reap = 0;
	task_uflags(task) = 0;
	task_utrace_ptr(task) = utrace;
	//@ ghost g_ne = 0;
	//@ ghost g_natt = 0;
	//@ ghost g_nown = 0;
	return 0;
}
EXPORT_SYMBOL_GPL(utrace_init_task);

void utrace_free_task(struct task_struct *task)
{
	struct utrace *utrace = task_utrace_ptr(task);

	if (!utrace)
		return;
	WARN_ON_ONCE(!list_empty(&utrace->attached) ||
		     !list_empty(&utrace->attaching));
	task_utrace_ptr(task) = NULL;
	utrace_free(utrace);
}
EXPORT_SYMBOL_GPL(utrace_free_task);

void task_utrace_lock(struct task_struct *task)
	__acquires(&task_utrace_ptr(task)->lock)
{
	spin_lock(&task_utrace_ptr(task)->lock);
}
EXPORT_SYMBOL_GPL(task_utrace_lock);

void task_utrace_unlock(struct task_struct *task)
	__releases(&task_utrace_ptr(task)->lock)
{
	spin_unlock(&task_utrace_ptr(task)->lock);
}
EXPORT_SYMBOL_GPL(task_utrace_unlock);

#ifdef UTRACE_ENV_USER
/*
 * ======================================================================
 * User-space face only: observation for the tests (env_user.h).  Not
 * part of the kernel code, not seen by Frama-C.
 * ======================================================================
 */

void utrace_test_get_state(struct task_struct *t, struct utrace_test_state *st)
{
	struct utrace *utrace = task_utrace_ptr(t);
	struct utrace_engine *engine;

	memset(st, 0, sizeof(*st));
	spin_lock(&utrace->lock);
	st->resume = utrace->resume;
	st->pending_attach = utrace->pending_attach;
	st->signal_handler = utrace->signal_handler;
	st->death = utrace->death;
	st->reap = utrace->reap;
	st->reporting = utrace_reporting(utrace);
	list_for_each_entry(engine, &utrace->attached, entry)
		st->nr_attached++;
	list_for_each_entry(engine, &utrace->attaching, entry)
		st->nr_attaching++;
	spin_unlock(&utrace->lock);
}

enum utrace_test_engine_state utrace_test_engine_state(struct utrace_engine *e)
{
	const struct utrace_engine_ops *ops = READ_ONCE(e->ops);

	if (!ops)
		return UTRACE_TEST_ENGINE_GONE;
	if (ops == &utrace_detached_ops)
		return UTRACE_TEST_ENGINE_DETACHED;
	return UTRACE_TEST_ENGINE_LIVE;
}

unsigned long utrace_test_engine_flags(struct utrace_engine *e)
{
	return READ_ONCE(e->flags);
}

int utrace_test_engine_refs(struct utrace_engine *e)
{
	return __atomic_load_n(&e->kref.refcount.refs, __ATOMIC_SEQ_CST);
}

static bool utrace_test_live(struct utrace_engine *e)
{
	return e->ops && e->ops != &utrace_detached_ops;
}

static unsigned int utrace_test_check_list(struct task_struct *t,
					   struct list_head *list,
					   unsigned long uflags,
					   bool *stop, bool *live_stop,
					   bool *nonempty)
{
	struct utrace_engine *e;
	unsigned int bad = 0;

	list_for_each_entry(e, list, entry) {
		*nonempty = true;
		if (!e->ops || e->target != t)
			bad |= UTRACE_TEST_INV_I1;
		if (__atomic_load_n(&e->kref.refcount.refs, __ATOMIC_SEQ_CST) < 1)
			bad |= UTRACE_TEST_INV_I13;
		if (e->ops && (e->flags & ENGINE_STOP))
			*stop = true;
		if (!utrace_test_live(e))
			continue;
		/* A dead task's utrace_flags keep only REAP (utrace_reset). */
		if (!READ_ONCE(t->exit_state) &&
		    ((e->flags & ~ENGINE_STOP) & ~uflags))
			bad |= UTRACE_TEST_INV_I4;
		if (!(uflags & UTRACE_EVENT(REAP)))
			bad |= UTRACE_TEST_INV_I5;
		if (e->flags & ENGINE_STOP)
			*live_stop = true;
	}
	return bad;
}

/*
 * The run-time mirror of utrace_inv (utrace.acsl.h), checked under the
 * lock.  I6 is checked in the form proved (an engine on the lists, live
 * or self-detached, holds ENGINE_STOP), see proofs/README.md.
 */
unsigned int utrace_test_check_invariants(struct task_struct *t)
{
	struct utrace *utrace = task_utrace_ptr(t);
	bool stop = false, live_stop = false, att = false, ating = false;
	unsigned long uflags;
	unsigned int bad = 0;
	int exit_state;

	spin_lock(&utrace->lock);
	uflags = task_uflags(t);
	exit_state = READ_ONCE(t->exit_state);
	bad |= utrace_test_check_list(t, &utrace->attached, uflags,
				      &stop, &live_stop, &att);
	bad |= utrace_test_check_list(t, &utrace->attaching, uflags,
				      &stop, &live_stop, &ating);
	if (ating && !utrace->pending_attach)
		bad |= UTRACE_TEST_INV_I2;
	if (utrace->pending_attach && !ating && !utrace->reap)
		bad |= UTRACE_TEST_INV_I2;
	if (!uflags && (att || ating))
		bad |= UTRACE_TEST_INV_I5;
	if ((uflags & ENGINE_STOP) && !stop)
		bad |= UTRACE_TEST_INV_I6;
	if (task_is_utraced(t) && !fatal_signal_pending(t) && !live_stop)
		bad |= UTRACE_TEST_INV_I7;
	if (utrace->resume < UTRACE_INTERRUPT || utrace->resume > UTRACE_RESUME)
		bad |= UTRACE_TEST_INV_I9;
#ifndef V31_C13
	if (utrace->resume == UTRACE_SINGLESTEP ||
	    utrace->resume == UTRACE_BLOCKSTEP)
		bad |= UTRACE_TEST_INV_I9;
#endif
	if ((utrace->death || utrace->reap) && !exit_state)
		bad |= UTRACE_TEST_INV_I11;
	if (utrace->reap && !(uflags & _UTRACE_DEATH_EVENTS) && !utrace->death &&
	    (uflags || att || ating))
		bad |= UTRACE_TEST_INV_I11;
	spin_unlock(&utrace->lock);
	return bad;
}
#endif /* UTRACE_ENV_USER */
