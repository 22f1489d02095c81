/* SPDX-License-Identifier: GPL-2.0 */
/*
 * utrace.h - the utrace engine layer: public API and tracehooks
 *
 * A fresh implementation of the locking core of utrace (Roland McGrath,
 * Oleg Nesterov, 2008-2012), following the "fixed protocol" defined in
 * docs/protocol.md of this project (utrace-3.1 plus fixes).  The layout of
 * this file follows include/linux/utrace.h of utrace-3.1: event bits,
 * resume actions, the engine structure, the callback table, the API and the
 * static inline tracehooks that the core kernel calls.
 *
 * Locking summary (docs/protocol.md, section 2):
 *
 *  - utrace->lock (private to utrace.c) protects the engine lists, the
 *    engines' ->flags and ->ops transitions, task->utrace_flags and the
 *    utrace bits (resume, pending_attach, signal_handler, death, reap).
 *    It is the outermost lock: utrace->lock -> siglock, and
 *    utrace->lock -> tasklist_lock (read); never the reverse.
 *  - Engine callbacks are always made with no lock held.
 *  - task->utrace_flags is written only under utrace->lock and read
 *    locklessly by the tracehooks below: with no engine attached every
 *    tracehook costs one load and one branch.
 *
 * The environment (kernel, user-space simulation, Frama-C) is selected by
 * env/utrace_env.h; see there.
 */
#ifndef _UTRACE_H
#define _UTRACE_H

#include "env/utrace_env.h"

struct utrace;
struct utrace_engine;

/*
 * Event bits, passed to utrace_set_events() as UTRACE_EVENT(NAME).
 */
enum utrace_events {
	_UTRACE_EVENT_QUIESCE,		/* thread is available for examination */
	_UTRACE_EVENT_REAP,		/* zombie reaped, no more tracing possible */
	_UTRACE_EVENT_CLONE,		/* successful clone/fork/vfork just done */
	_UTRACE_EVENT_EXEC,		/* successful execve */
	_UTRACE_EVENT_EXIT,		/* thread exit in progress */
	_UTRACE_EVENT_DEATH,		/* thread has died */
	_UTRACE_EVENT_SYSCALL_ENTRY,	/* user entered kernel for system call */
	_UTRACE_EVENT_SYSCALL_EXIT,	/* returning to user after system call */
	_UTRACE_EVENT_SIGNAL,		/* signal delivery will run a user handler */
	_UTRACE_EVENT_SIGNAL_IGN,	/* no-op signal to be delivered */
	_UTRACE_EVENT_SIGNAL_STOP,	/* signal delivery will suspend */
	_UTRACE_EVENT_SIGNAL_TERM,	/* signal delivery will terminate */
	_UTRACE_EVENT_SIGNAL_CORE,	/* signal delivery will dump core and terminate */
	_UTRACE_EVENT_JCTL,		/* job control stop or continue completed */
	_UTRACE_NEVENTS
};
#define UTRACE_EVENT(type)	(1UL << _UTRACE_EVENT_##type)

#define UTRACE_EVENT_SIGNAL_ALL	(UTRACE_EVENT(SIGNAL) | UTRACE_EVENT(SIGNAL_IGN) | \
				 UTRACE_EVENT(SIGNAL_STOP) | UTRACE_EVENT(SIGNAL_TERM) | \
				 UTRACE_EVENT(SIGNAL_CORE))
#define UTRACE_EVENT_SYSCALL	(UTRACE_EVENT(SYSCALL_ENTRY) | UTRACE_EVENT(SYSCALL_EXIT))
#define _UTRACE_DEATH_EVENTS	(UTRACE_EVENT(DEATH) | UTRACE_EVENT(QUIESCE))

/*
 * Resume actions: the low bits of a callback's return value and the
 * @action argument of utrace_control().  Order matters: a smaller value is
 * a stronger request ("the smallest value prevails").
 */
enum utrace_resume_action {
	UTRACE_STOP,
	UTRACE_INTERRUPT,
	UTRACE_REPORT,
	UTRACE_SINGLESTEP,
	UTRACE_BLOCKSTEP,
	UTRACE_RESUME,
	UTRACE_DETACH,
	UTRACE_RESUME_MAX
};
#define UTRACE_RESUME_MASK	0x07U

/**
 * utrace_resume_action - &enum utrace_resume_action from callback action
 * @action: &u32 callback return value or @action argument
 */
static inline enum utrace_resume_action utrace_resume_action(u32 action)
{
	return (enum utrace_resume_action)(action & UTRACE_RESUME_MASK);
}

/* Signal actions: report_signal() @action and return value bits. */
enum utrace_signal_action {
	UTRACE_SIGNAL_DELIVER	= 0x00,
	UTRACE_SIGNAL_IGN	= 0x10,
	UTRACE_SIGNAL_TERM	= 0x20,
	UTRACE_SIGNAL_CORE	= 0x30,
	UTRACE_SIGNAL_STOP	= 0x40,
	UTRACE_SIGNAL_TSTP	= 0x50,
	UTRACE_SIGNAL_REPORT	= 0x60,
	UTRACE_SIGNAL_HANDLER	= 0x70
};
#define UTRACE_SIGNAL_MASK	0xf0U
#define UTRACE_SIGNAL_HOLD	0x100U

/**
 * utrace_signal_action - &enum utrace_signal_action from callback action
 * @action: @report_signal callback @action argument or return value
 */
static inline enum utrace_signal_action utrace_signal_action(u32 action)
{
	return (enum utrace_signal_action)(action & UTRACE_SIGNAL_MASK);
}

/* System call actions: report_syscall_entry() @action and return bits. */
enum utrace_syscall_action {
	UTRACE_SYSCALL_RUN	= 0x00,
	UTRACE_SYSCALL_ABORT	= 0x10
};
#define UTRACE_SYSCALL_MASK	0xf0U
#define UTRACE_SYSCALL_RESUMED	0x100U

/**
 * utrace_syscall_action - &enum utrace_syscall_action from callback action
 * @action: @report_syscall_entry callback @action or return value
 */
static inline enum utrace_syscall_action utrace_syscall_action(u32 action)
{
	return (enum utrace_syscall_action)(action & UTRACE_SYSCALL_MASK);
}

/* Flags for utrace_attach_task(). */
#define UTRACE_ATTACH_MATCH_OPS		0x0001	/* match engines on ops */
#define UTRACE_ATTACH_MATCH_DATA	0x0002	/* match engines on data */
#define UTRACE_ATTACH_MATCH_MASK	0x000f
#define UTRACE_ATTACH_CREATE		0x0010	/* attach a new engine */
#define UTRACE_ATTACH_EXCLUSIVE		0x0020	/* refuse if existing match */

/**
 * struct utrace_engine - per-engine structure
 * @ops:	&struct utrace_engine_ops pointer passed to utrace_attach_task()
 * @data:	engine-private &void * passed to utrace_attach_task()
 * @flags:	event mask set by utrace_set_events() plus internal flag bits
 *
 * The caller of utrace_attach_task() gets a pointer to this structure.
 * It holds a reference on it, which it must drop with utrace_engine_put().
 * The engine stays valid as long as the caller holds a reference.
 *
 * Only utrace.c writes the fields; an engine may read @data at any time.
 * @ops goes through three states and never back: the engine's ops,
 * &utrace_detached_ops (marked detached, still on a list), NULL (unlinked).
 */
struct utrace_engine {
/* private: */
	struct kref kref;
	void (*release)(void *);
	struct list_head entry;
	/*
	 * The task this engine was attached to; set once under utrace->lock
	 * when the engine is linked, never changed, only ever compared.
	 * Lets the API refuse an engine of another task with -EINVAL (not
	 * in utrace-3.1, which trusted the caller).
	 */
	struct task_struct *target;

/* public: */
	const struct utrace_engine_ops *ops;
	void *data;

	unsigned long flags;
};

/**
 * struct utrace_engine_ops - tracing engine callbacks
 *
 * Each @report_* callback corresponds to an %UTRACE_EVENT(*) bit.
 * utrace_set_events() calls on @engine choose which callbacks will be made
 * to @engine from @task.  Callbacks are always made with no utrace lock
 * held, in the context of the traced thread (@report_reap: the reaper).
 *
 * Return values contain &enum utrace_resume_action bits.  A callback
 * pointer left NULL for an event the engine asked for is treated as
 * returning the incoming event-specific bits with %UTRACE_STOP if the
 * engine holds a stop request and %UTRACE_RESUME otherwise, i.e. as
 * changing nothing (utrace-3.1 would have called through NULL).
 *
 * @report_quiesce:	UTRACE_EVENT(QUIESCE); @event is the event about to
 *			be reported, or 0 for a pure quiescence report.
 * @report_signal:	any UTRACE_EVENT(SIGNAL*), and UTRACE_SIGNAL_REPORT /
 *			UTRACE_SIGNAL_HANDLER passes.
 * @report_exec:	UTRACE_EVENT(EXEC).
 * @report_syscall_entry: UTRACE_EVENT(SYSCALL_ENTRY).
 * @report_syscall_exit: UTRACE_EVENT(SYSCALL_EXIT).
 * @report_exit:	UTRACE_EVENT(EXIT).
 * @report_death:	UTRACE_EVENT(DEATH), after the thread has died.
 * @report_reap:	UTRACE_EVENT(REAP), by the thread calling release_task();
 *			the last callback, return value ignored.
 * @release:		called with @data when the last reference is dropped.
 */
struct utrace_engine_ops {
	u32 (*report_quiesce)(u32 action, struct utrace_engine *engine,
			      unsigned long event);
	u32 (*report_signal)(u32 action, struct utrace_engine *engine,
			     struct pt_regs *regs, kernel_siginfo_t *info,
			     const struct k_sigaction *orig_ka,
			     struct k_sigaction *return_ka);
	u32 (*report_exec)(u32 action, struct utrace_engine *engine,
			   const struct linux_binprm *bprm,
			   struct pt_regs *regs);
	u32 (*report_syscall_entry)(u32 action, struct utrace_engine *engine,
				    struct pt_regs *regs);
	u32 (*report_syscall_exit)(u32 action, struct utrace_engine *engine,
				   struct pt_regs *regs);
	u32 (*report_exit)(u32 action, struct utrace_engine *engine,
			   long orig_code, long *code);
	u32 (*report_death)(struct utrace_engine *engine,
			    bool group_dead, int signal);
	void (*report_reap)(struct utrace_engine *engine,
			    struct task_struct *task);
	void (*release)(void *data);
};

/*
 * ======================================================================
 * Controller API.  Return codes follow docs/protocol.md section 5.
 * ======================================================================
 */

/**
 * utrace_attach_task - attach new engine, or look up an attached engine
 * @target:	thread to attach to
 * @flags:	flag bits combined with OR, see below
 * @ops:	callback table for new engine
 * @data:	engine private data pointer
 *
 * Without %UTRACE_ATTACH_CREATE, look up an engine already attached to
 * @target: %UTRACE_ATTACH_MATCH_OPS matches @ops, %UTRACE_ATTACH_MATCH_DATA
 * matches @data, neither matches the first engine.  Engines that are
 * detached (marked or unlinked) never match.
 *
 * With %UTRACE_ATTACH_CREATE, attach a new engine; with
 * %UTRACE_ATTACH_EXCLUSIVE as well, refuse if a matching engine exists.
 * The new engine gets no callbacks until utrace_set_events() is called,
 * and none for an event already being reported.
 *
 * Locking: takes @target's utrace->lock; call with no utrace lock held.
 * May sleep (allocation).  The caller must keep @target alive.
 *
 * Return: the engine with a reference held for the caller (drop it with
 * utrace_engine_put()), or an ERR_PTR():
 *  -%ENOENT: lookup found no matching live engine;
 *  -%EINVAL: @ops is NULL or utrace's own detached ops;
 *  -%EPERM:  @target is a kernel thread;
 *  -%ENOMEM: allocation failed;
 *  -%EEXIST: %UTRACE_ATTACH_EXCLUSIVE and a matching engine exists;
 *  -%ESRCH:  @target is NULL, or has been reaped (release_task() ran),
 *            or is %EXIT_DEAD with no engine left.
 */
struct utrace_engine *utrace_attach_task(struct task_struct *target, int flags,
					 const struct utrace_engine_ops *ops,
					 void *data);

/**
 * utrace_engine_get - acquire a reference on a &struct utrace_engine
 * @engine:	&struct utrace_engine pointer; the caller already holds a ref
 *
 * Locking: none (atomic reference count).
 */
void utrace_engine_get(struct utrace_engine *engine);

/**
 * utrace_engine_put - release a reference on a &struct utrace_engine
 * @engine:	&struct utrace_engine pointer
 *
 * Dropping the last reference frees the engine, then calls
 * @ops->release(@data) (copied at attach time; the callback never sees the
 * engine); it is a bug if the engine is still linked.
 * Locking: call with no utrace lock held (the release callback may sleep).
 */
void utrace_engine_put(struct utrace_engine *engine);

/**
 * utrace_set_events - choose which event reports a tracing engine gets
 * @target:	thread to affect
 * @engine:	attached engine to affect
 * @events:	new event mask (UTRACE_EVENT(*) bits)
 *
 * Replaces @engine's event mask.  Clearing DEATH or QUIESCE once
 * report_death() may have begun, or setting them once @target is dead,
 * fails.  Bits are never removed from @target->utrace_flags here; the next
 * utrace_reset() recomputes it.
 *
 * Locking: takes @target's utrace->lock and, when newly enabling DEATH or
 * QUIESCE, tasklist_lock for reading inside it (barrier B7).  Call with no
 * utrace lock held.
 *
 * Return:
 *  0: applied; if bits were removed while @target was running, no
 *     callback for a removed event can start any more;
 *  -%EINPROGRESS: bits were removed, @target was running and a callback
 *     to @engine was in progress (use utrace_barrier());
 *  -%EALREADY: clearing DEATH/QUIESCE while the death report runs, or
 *     setting them once @target has an exit_state;
 *  -%ESRCH: @engine is detached (marked or unlinked) or @target reaped;
 *  -%EINVAL: @engine is NULL or was attached to another task.
 */
int utrace_set_events(struct task_struct *target, struct utrace_engine *engine,
		      unsigned long events);

/**
 * utrace_control - control a thread being traced by a tracing engine
 * @target:	thread to affect
 * @engine:	attached engine to affect
 * @action:	&enum utrace_resume_action for thread to do
 *
 * %UTRACE_STOP asks @target to stop (until this engine resumes it);
 * %UTRACE_RESUME undoes this engine's stop; %UTRACE_REPORT and
 * %UTRACE_INTERRUPT request a report_quiesce()/report_signal() soon
 * (INTERRUPT also interrupts a blocking system call); the STEP actions
 * resume for one instruction/block (the engine must re-assert stepping in
 * its last callback); %UTRACE_DETACH detaches @engine for good.
 *
 * Locking: takes @target's utrace->lock, and siglock inside it for
 * %UTRACE_INTERRUPT and to wake @target.  Call with no utrace lock held.
 *
 * Return:
 *  0: done (%UTRACE_STOP: @target is stopped; %UTRACE_DETACH: no callback
 *     to @engine can run any more);
 *  -%EINPROGRESS: %UTRACE_STOP: @target is not stopped yet (it will stop
 *     at its next report if the engine's callback returns UTRACE_STOP);
 *     %UTRACE_DETACH: a callback may be in progress (use utrace_barrier());
 *  -%EINVAL: @action out of range, REPORT/STEP without UTRACE_EVENT(QUIESCE),
 *     @engine NULL or attached to another task;
 *  -%EOPNOTSUPP: STEP not supported by the architecture;
 *  -%ESRCH: @engine detached, @target reaped, or any action but DETACH on
 *     a dead @target;
 *  -%EALREADY: %UTRACE_DETACH while report_death() runs or will run: the
 *     engine's own report_death() must clean up.
 */
int utrace_control(struct task_struct *target, struct utrace_engine *engine,
		   enum utrace_resume_action action);

/**
 * utrace_barrier - synchronize with simultaneous tracing callbacks
 * @target:	thread to affect
 * @engine:	engine to affect (may be detached)
 *
 * Blocks while @target might be in the midst of a callback to @engine.
 *
 * Locking: takes and drops @target's utrace->lock, sleeps between polls.
 * Call with no lock held.
 *
 * Return:
 *  0: no callback to @engine was in progress, and the effect of every
 *     earlier callback's return value has been applied;
 *  -%ESRCH: @engine is detached and no callback is in progress or can
 *     start;
 *  -%ERESTARTSYS: a signal is pending for the caller while waiting;
 *  -%EINVAL: @engine is NULL or was attached to another task.
 */
int utrace_barrier(struct task_struct *target, struct utrace_engine *engine);

/*
 * ======================================================================
 * Core-kernel interface (the tracee side and task lifetime).
 * ======================================================================
 */

/**
 * utrace_init_task - allocate a new task's utrace state
 * @task:	the new task, not yet running
 *
 * Called from fork before @task can be seen by anyone.  (utrace-3.1
 * allocated &struct utrace lazily on first attach; this implementation
 * allocates it with the task, see docs.)
 *
 * Return: 0, or -%ENOMEM.
 */
int utrace_init_task(struct task_struct *task);

/**
 * utrace_free_task - free a task's utrace state
 * @task:	the task being freed; its release_task() has completed
 */
void utrace_free_task(struct task_struct *task);

/**
 * utrace_report_syscall_entry - report a system call entry
 * @regs:	user registers of current
 *
 * Called by utrace_hook_syscall_entry() when current->utrace_flags has
 * UTRACE_EVENT(SYSCALL_ENTRY).  Callbacks run in reverse attach order; a
 * %UTRACE_STOP is performed right here.  Locking: no lock held.
 *
 * Return: true if the system call must be aborted.
 */
bool utrace_report_syscall_entry(struct pt_regs *regs);

/**
 * utrace_report_syscall_exit - report a system call exit
 * @regs:	user registers of current
 *
 * Locking: no lock held.
 */
void utrace_report_syscall_exit(struct pt_regs *regs);

/**
 * utrace_report_exec - report a successful exec
 * @bprm:	the binprm of the new program
 * @regs:	user registers of current
 *
 * Locking: no lock held.
 */
void utrace_report_exec(const struct linux_binprm *bprm, struct pt_regs *regs);

/**
 * utrace_report_exit - report the beginning of thread exit
 * @exit_code:	pointer to the exit code, callbacks may change it
 *
 * A %UTRACE_STOP is performed right here.  Locking: no lock held.
 */
void utrace_report_exit(long *exit_code);

/**
 * utrace_report_death - report the death of current
 * @task:	current, with exit_state already set
 * @group_dead:	true if the whole thread group has died
 * @signal:	signal sent to the parent, or -1
 *
 * Called by utrace_exit_notify().  Sets utrace->death for the duration of
 * the callbacks (controllers then get -%EALREADY for DETACH), then
 * finishes with the reap hand-off.  Locking: no lock held.
 */
void utrace_report_death(struct task_struct *task, bool group_dead, int signal);

/**
 * __utrace_release_task - reap hook body, see utrace_release_task()
 * @task:	the task being released, exit_state == %EXIT_DEAD
 *
 * Locking: no lock held; takes utrace->lock.
 */
void __utrace_release_task(struct task_struct *task);

/**
 * utrace_resume - handle TIF_NOTIFY_RESUME on the way back to user mode
 * @task:	current
 * @regs:	user registers of current
 *
 * Performs a pending %UTRACE_REPORT (quiescence report), %UTRACE_STOP and
 * the stepping state.  Locking: no lock held.
 */
void utrace_resume(struct task_struct *task, struct pt_regs *regs);

/**
 * utrace_get_signal - the utrace part of signal dequeueing
 * @task:	current
 * @regs:	user registers of current
 * @info:	siginfo to fill for a returned signal
 * @return_ka:	sigaction to fill for a returned signal
 *
 * Locking: called with @task->sighand->siglock held (spin_lock_irq);
 * drops it while utrace->lock is held and while callbacks run (lock
 * order), and always returns with it held again.  (utrace-3.1 returned
 * without siglock for a negative value.)
 *
 * Return: 0 if utrace did nothing (the caller dequeues normally); -1 if
 * there is no signal to deliver now (the caller checks again); a signal
 * number with @info and @return_ka filled otherwise.
 */
int utrace_get_signal(struct task_struct *task, struct pt_regs *regs,
		      kernel_siginfo_t *info, struct k_sigaction *return_ka);

/**
 * utrace_finish_stop - called after any wakeup from a stopped state
 *
 * With a fatal signal pending, waits until no controller is inside a
 * utrace->lock critical section on current (barrier B9).  Locking: no
 * lock held.
 */
void utrace_finish_stop(void);

/**
 * utrace_interrupt_pending - %UTRACE_INTERRUPT pending for current
 *
 * For recalc_sigpending() (barrier B10): a pending INTERRUPT keeps
 * TIF_SIGPENDING set.  Lockless.
 *
 * Return: true if current->utrace->resume is %UTRACE_INTERRUPT.
 */
bool utrace_interrupt_pending(void);

/**
 * task_utrace_lock - lock utrace against ptrace state changes
 * @task:	the traced task
 *
 * ptrace takes this around changes utrace must not race with (the ptrace
 * syscall-trace and stepping state).  Locking: acquires @task's
 * utrace->lock; the caller must preserve every utrace invariant and drop it
 * with task_utrace_unlock().
 */
void task_utrace_lock(struct task_struct *task);

/**
 * task_utrace_unlock - undo task_utrace_lock()
 * @task:	the traced task
 */
void task_utrace_unlock(struct task_struct *task);

/*
 * ======================================================================
 * Tracehooks: what the core kernel calls.  Each tests
 * task->utrace_flags first: one load and one branch with no engine.
 * ======================================================================
 */

/**
 * task_utrace_flags - lockless read of a task's utrace_flags
 * @task:	the task
 */
static inline unsigned long task_utrace_flags(struct task_struct *task)
{
	return READ_ONCE(task_uflags(task));
}

/**
 * utrace_hook_syscall_entry - tracehook for system call entry
 * @regs:	user registers of current
 *
 * Return: true if the system call must be aborted.
 */
static inline bool utrace_hook_syscall_entry(struct pt_regs *regs)
{
	if (likely(!(task_utrace_flags(current) & UTRACE_EVENT(SYSCALL_ENTRY))))
		return false;
	return utrace_report_syscall_entry(regs);
}

/**
 * utrace_hook_syscall_exit - tracehook for system call exit
 * @regs:	user registers of current
 */
static inline void utrace_hook_syscall_exit(struct pt_regs *regs)
{
	if (unlikely(task_utrace_flags(current) & UTRACE_EVENT(SYSCALL_EXIT)))
		utrace_report_syscall_exit(regs);
}

/**
 * utrace_hook_exec - tracehook after a successful exec
 * @bprm:	the binprm of the new program
 * @regs:	user registers of current
 */
static inline void utrace_hook_exec(const struct linux_binprm *bprm,
				    struct pt_regs *regs)
{
	if (unlikely(task_utrace_flags(current) & UTRACE_EVENT(EXEC)))
		utrace_report_exec(bprm, regs);
}

/**
 * utrace_hook_exit - tracehook at the start of do_exit()
 * @exit_code:	pointer to the exit code
 */
static inline void utrace_hook_exit(long *exit_code)
{
	if (unlikely(task_utrace_flags(current) & UTRACE_EVENT(EXIT)))
		utrace_report_exit(exit_code);
}

/**
 * utrace_exit_notify - tracehook after exit_notify() set exit_state
 * @task:	current, dead
 * @group_dead:	true if the whole thread group has died
 * @signal:	signal sent to the parent, or -1
 *
 * The full barrier pairs with utrace_set_events() setting DEATH/QUIESCE
 * under tasklist_lock (B7): either that call fails with -%EALREADY or we
 * see the bits here and report the death.
 */
static inline void utrace_exit_notify(struct task_struct *task,
				      bool group_dead, int signal)
{
	smp_mb();
	if (unlikely(task_utrace_flags(task) & _UTRACE_DEATH_EVENTS))
		utrace_report_death(task, group_dead, signal);
}

/**
 * utrace_release_task - tracehook from release_task()
 * @task:	the task being released, exit_state == %EXIT_DEAD
 *
 * The full barrier pairs with utrace_add_engine() (B3): either we see the
 * new engine's REAP marker here, or the attacher sees %EXIT_DEAD.
 */
static inline void utrace_release_task(struct task_struct *task)
{
	smp_mb();
	if (unlikely(task_utrace_flags(task)))
		__utrace_release_task(task);
}

/**
 * utrace_hook_notify_resume - tracehook for TIF_NOTIFY_RESUME
 * @regs:	user registers of current
 */
static inline void utrace_hook_notify_resume(struct pt_regs *regs)
{
	if (unlikely(task_utrace_flags(current)))
		utrace_resume(current, regs);
}

/**
 * utrace_hook_get_signal - tracehook from the signal dequeue loop
 * @task:	current
 * @regs:	user registers of current
 * @info:	siginfo to fill
 * @return_ka:	sigaction to fill
 *
 * Locking: siglock held, see utrace_get_signal().
 *
 * Return: as utrace_get_signal(); 0 with no engine attached.
 */
static inline int utrace_hook_get_signal(struct task_struct *task,
					 struct pt_regs *regs,
					 kernel_siginfo_t *info,
					 struct k_sigaction *return_ka)
{
	if (likely(!task_utrace_flags(task)))
		return 0;
	return utrace_get_signal(task, regs, info, return_ka);
}

/**
 * utrace_hook_finish_stop - tracehook after any wakeup from a stopped state
 */
static inline void utrace_hook_finish_stop(void)
{
	if (unlikely(task_utrace_flags(current)))
		utrace_finish_stop();
}

#endif /* _UTRACE_H */
