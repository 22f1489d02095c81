/* SPDX-License-Identifier: GPL-2.0 */
/*
 * env_kernel.h - kernel face: the real <linux/...> headers
 *
 * In-tree, utrace is kernel/utrace.c plus a handful of changes to the core
 * kernel (task_struct members, a task state bit, a wake-up helper).  The
 * out-of-tree build in kmod/ compiles utrace.c unchanged against the
 * installed headers; what the core-kernel half of the patch would add is
 * declared here and listed, with its in-tree provider, in
 * kmod/core-hooks.txt.  modpost reports exactly those symbols as
 * unresolved, and `make kmod` checks that the list is exactly that.
 */
#ifndef _UTRACE_ENV_KERNEL_H
#define _UTRACE_ENV_KERNEL_H

#include <linux/err.h>
#include <linux/export.h>
#include <linux/kernel.h>
#include <linux/kref.h>
#include <linux/list.h>
#include <linux/ptrace.h>
#include <linux/resume_user_mode.h>
#include <linux/sched.h>
#include <linux/sched/jobctl.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/signal.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/thread_info.h>

struct linux_binprm;
struct utrace;

#define UTRACE_NSIG	_NSIG	/* highest signal number */

/*
 * The two task_struct members added by the utrace patch
 * (include/linux/sched.h: unsigned long utrace_flags; struct utrace
 * *utrace;).  A module cannot add members, so this build reaches them
 * through utrace_task_ext(), a core hook; in-tree task_uflags(t) is
 * (t)->utrace_flags and task_utrace_ptr(t) is (t)->utrace.
 */
struct utrace_task_ext {
	unsigned long utrace_flags;
	struct utrace *utrace;
};
struct utrace_task_ext *utrace_task_ext(struct task_struct *task);
#define task_uflags(task)	(utrace_task_ext(task)->utrace_flags)
#define task_utrace_ptr(task)	(utrace_task_ext(task)->utrace)

/*
 * The utrace stop state (include/linux/sched.h in-tree).  It can be
 * combined with __TASK_STOPPED / __TASK_TRACED (ptrace coexistence).
 */
#ifndef __TASK_UTRACED
# define __TASK_UTRACED		0x00010000
#endif
#define TASK_UTRACED		(TASK_WAKEKILL | __TASK_UTRACED)

/* kernel/signal.c in-tree: clear @bit, wake @t if no stop bit is left. */
void wake_up_quiescent(struct task_struct *t, unsigned int bit);

static inline bool task_is_utraced(struct task_struct *t)
{
	return (READ_ONCE(t->__state) & __TASK_UTRACED) != 0;
}

/* siglock held */
static inline void task_add_utraced(struct task_struct *t)
{
	if (task_is_stopped_or_traced(t))
		WRITE_ONCE(t->__state, READ_ONCE(t->__state) | TASK_UTRACED);
}

/* siglock held */
static inline void set_current_utraced(void)
{
	set_special_state(TASK_UTRACED);
}

/* siglock held */
static inline void wake_up_utraced(struct task_struct *t)
{
	wake_up_quiescent(t, __TASK_UTRACED);
}

#define set_tsk_sigpending(t)		set_tsk_thread_flag(t, TIF_SIGPENDING)
#define set_tsk_notify_resume(t)	set_tsk_thread_flag(t, TIF_NOTIFY_RESUME)

/*
 * System call tracing is syscall_work on this kernel.  utrace-3.1 had a
 * PT_SYSCALL_TRACE ptrace flag telling utrace_reset() that ptrace still
 * wants the work bit; here any ptrace attachment keeps it.
 */
#define task_set_syscall_trace(t)	set_task_syscall_work(t, SYSCALL_TRACE)
#define task_clear_syscall_trace(t)	clear_task_syscall_work(t, SYSCALL_TRACE)
#define task_ptrace_syscall_trace(t)	((t)->ptrace != 0)
#define task_jobctl_pending(t)		(((t)->jobctl & JOBCTL_PENDING_MASK) != 0)

/*
 * task->sighand is __rcu.  utrace uses it only on current, or on a task
 * whose utrace->lock it holds and whose release_task() has not run (the
 * in-tree hook calls utrace_release_task(), which takes utrace->lock,
 * before __exit_signal() drops sighand): it cannot change under us.
 */
static inline struct sighand_struct *task_sighand(struct task_struct *t)
{
	return rcu_dereference_protected(t->sighand, 1);
}
#define task_siglock(t)		(&task_sighand(t)->siglock)

/* Signal dequeue: siglock held. */
static inline int utrace_dequeue_signal(struct task_struct *t,
					kernel_siginfo_t *info)
{
	enum pid_type type;

	return dequeue_signal(t, &t->blocked, info, &type);
}

static inline int utrace_dequeue_sigkill(struct task_struct *t,
					 kernel_siginfo_t *info)
{
	sigset_t mask;
	enum pid_type type;

	if (!sigismember(&t->pending.signal, SIGKILL) &&
	    !sigismember(&t->signal->shared_pending.signal, SIGKILL))
		return 0;
	siginitsetinv(&mask, sigmask(SIGKILL));
	return dequeue_signal(t, &mask, info, &type);
}

static inline struct k_sigaction *utrace_task_sigaction(struct task_struct *t,
							int signr)
{
	return &task_sighand(t)->action[signr - 1];
}

/* UTRACE_SIGNAL_HOLD: leave the signal pending (siginfo is not kept). */
static inline void utrace_requeue_signal(struct task_struct *t,
					 const kernel_siginfo_t *info)
{
	sigaddset(&t->pending.signal, info->si_signo);
	set_tsk_thread_flag(t, TIF_SIGPENDING);
}

#endif /* _UTRACE_ENV_KERNEL_H */
