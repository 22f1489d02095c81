/*
 * model/kernel.pml - kernel primitives and constants shared by utrace.pml and
 * ptrace.pml.  This file is meant to be #include'd.
 *
 * Abstraction (see README "What is modelled"):
 *  - Memory is sequentially consistent.  Barriers B1-B10 of the digest are
 *    therefore implicit, except where a switch models a missing ordering
 *    explicitly (BUG_C4: two stores that may become visible in either order).
 *  - A spinlock is a byte holding the owner's _pid (NOBODY when free);
 *    spin_lock() is one atomic test-and-set step that blocks while the lock is
 *    held, spin_unlock() one step that asserts ownership (lock balance).
 *  - Granularity: every lock acquire and release is its own step, and every
 *    access to a variable that another process accesses without holding a
 *    lock we hold ("racy access") is its own step.  Accesses to variables that
 *    every other party touches only under a lock we hold, local computation
 *    and checker-only bookkeeping are merged into the adjacent step with
 *    atomic/d_step: such accesses commute with every other process's steps
 *    (Lipton's reduction), so merging them loses no behaviour.  Each merge
 *    says which lock makes it legal.
 *  - schedule() after set_current_state() is a step that blocks until the
 *    task state is TASK_RUNNING again, so a wakeup that lands before it is
 *    not lost, and a missing wakeup leaves the task blocked.
 */
#ifndef KERNEL_PML
#define KERNEL_PML

#define NOBODY 255		/* lock owner when the lock is free */
#define NOENG  255		/* utrace->reporting == NULL */

/* Return codes (the model uses positive numbers; C uses -ESRCH etc). */
#define E_OK          0
#define ESRCH         1
#define EINPROGRESS   2
#define EALREADY      3
#define EINVAL        4
#define EEXIST        5
#define ENOENT        6
#define ERESTARTSYS   7
#define WAITING       8	/* utrace_barrier internal: poll again */

/* enum utrace_resume_action (include/linux/utrace.h); smaller prevails */
#define UTRACE_STOP       0
#define UTRACE_INTERRUPT  1
#define UTRACE_REPORT     2
#define UTRACE_SINGLESTEP 3
#define UTRACE_BLOCKSTEP  4
#define UTRACE_RESUME     5
#define UTRACE_DETACH     6
#define NORET             7	/* checker-only: no callback result pending */

/*
 * Event bits.  The model keeps the events its processes can generate; the
 * numbers are the model's own (C uses UTRACE_EVENT(x) = 1 << _UTRACE_EVENT_x).
 * EV_SIGNAL stands for UTRACE_EVENT_SIGNAL_ALL.  ENGINE_STOP is the internal
 * bit _UTRACE_NEVENTS, kept in engine->flags and task->utrace_flags.
 */
#define EV_QUIESCE  1
#define EV_REAP     2
#define EV_EXEC     4
#define EV_DEATH    8
#define EV_SYSENTRY 16
#define EV_SIGNAL   32
#define ENGINE_STOP 64
#define DEATH_EVENTS (EV_DEATH | EV_QUIESCE)	/* _UTRACE_DEATH_EVENTS */

/* engine->ops: real ops -> &utrace_detached_ops -> NULL, never back */
#define OPS_NULL     0
#define OPS_LIVE     1
#define OPS_DETACHED 2

/* which list engine->entry is on */
#define L_NONE      0
#define L_ATTACHING 1	/* utrace->attaching */
#define L_ATTACHED  2	/* utrace->attached */
#define L_PRIVATE   8	/* utrace_reset()'s private detached list of process _pid: L_PRIVATE + _pid */
#define L_REAPING   16	/* utrace_maybe_reap()'s private teardown list of _pid: L_REAPING + _pid */

/* task->state bits (utrace-3.1 values; TASK_WAKEKILL implied by 4/8/16) */
#define TASK_RUNNING       0
#define TASK_INTERRUPTIBLE 1
#define __TASK_STOPPED     4
#define __TASK_TRACED      8
#define __TASK_UTRACED     16
#define STATE_QUIESCENT    (__TASK_STOPPED | __TASK_TRACED | __TASK_UTRACED)

/* task->exit_state */
#define EXIT_ALIVE  0
#define EXIT_ZOMBIE 1
#define EXIT_DEAD   2

/* kernel: spin_lock(): one atomic test-and-set, blocks while held */
inline spin_lock(l)
{
	atomic { l == NOBODY -> l = _pid }
}

/* kernel: spin_unlock(): the releaser must be the owner (lock balance) */
inline spin_unlock(l)
{
	d_step { CHECK(LOCK, l == _pid); l = NOBODY }
}

#endif /* KERNEL_PML */
