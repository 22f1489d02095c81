/* SPDX-License-Identifier: GPL-2.0 */
/*
 * utrace_env.h - the environment utrace.c is compiled against
 *
 * utrace.c is one source file built three ways:
 *
 *   __KERNEL__  env_kernel.h: the real <linux/...> headers (kmod/).  The
 *               members the utrace patch adds to task_struct and the few
 *               core-kernel functions it needs are declared there as the
 *               "core hooks" (kmod/core-hooks.txt).
 *   __FRAMAC__  env_framac.h: a small C model for Frama-C/WP, which cannot
 *               parse kernel headers.  The functions it declares are given
 *               contracts in utrace.acsl.h (the trusted base, see
 *               proofs/trusted.txt).
 *   otherwise   env_user.h + env_user.c: a user-space task simulation on
 *               pthreads, used by the tests (tests/).
 *
 * Every face provides the same vocabulary (kernel names wherever the
 * kernel has one):
 *
 *   types:     u32, bool, spinlock_t, struct list_head, struct kref,
 *              struct task_struct, task_siglock(t) (its siglock),
 *              struct pt_regs, kernel_siginfo_t, struct k_sigaction,
 *              struct linux_binprm (opaque)
 *   memory:    READ_ONCE, WRITE_ONCE, smp_mb, smp_wmb, smp_rmb,
 *              smp_store_release, rcu_read_lock, rcu_read_unlock
 *   locks:     spin_lock, spin_unlock, spin_lock_irq, spin_unlock_irq,
 *              read_lock(&tasklist_lock), read_unlock(&tasklist_lock),
 *              __acquires, __releases, __must_hold (sparse annotations)
 *   lists:     LIST_HEAD, INIT_LIST_HEAD, list_empty, list_add_tail,
 *              list_del_init, list_move_tail, list_splice_tail_init,
 *              list_replace_init, list_for_each_entry(_safe,_reverse)
 *   refs/mem:  kref_init, kref_get, kref_put, kmalloc, kfree,
 *              container_of, ERR_PTR, IS_ERR, PTR_ERR
 *   task:      current, PF_KTHREAD, EXIT_DEAD, task_uflags(t) (lvalue of
 *              the task's utrace_flags), task_utrace_ptr(t) (lvalue of the
 *              task's struct utrace pointer), task_is_utraced,
 *              task_is_stopped_or_traced, task_add_utraced (add the
 *              __TASK_UTRACED bit to a stopped task), set_current_utraced
 *              (__set_current_state(TASK_UTRACED)), wake_up_utraced
 *              (wake_up_quiescent(t, __TASK_UTRACED)), schedule,
 *              schedule_timeout_interruptible, signal_pending,
 *              fatal_signal_pending, set_tsk_sigpending,
 *              set_tsk_notify_resume, set_notify_resume, signal_wake_up,
 *              recalc_sigpending, task_set_syscall_trace,
 *              task_clear_syscall_trace, task_ptrace_syscall_trace,
 *              arch_has_single_step, arch_has_block_step,
 *              user_enable_single_step, user_enable_block_step,
 *              user_disable_single_step, task_jobctl_pending
 *   signals:   SIG_DFL, SIG_IGN, SIGKILL, SIGSTOP, SIGTSTP, SIGTERM,
 *              SIGQUIT, SA_ONESHOT, sig_kernel_coredump, sig_kernel_ignore,
 *              sig_kernel_stop, utrace_dequeue_signal,
 *              utrace_dequeue_sigkill, utrace_task_sigaction,
 *              utrace_requeue_signal
 *   misc:      likely, unlikely, BUG_ON, WARN_ON_ONCE, EXPORT_SYMBOL_GPL,
 *              fallthrough
 *
 * UTRACE_STEP(tag): the test hook placed at every step of
 * docs/protocol.md that carries a step tag, immediately BEFORE the step
 * executes (next to its "model: function:step" comment).  It expands to
 * nothing except in the user-space face built with -DUTRACE_TEST_HOOKS,
 * where it calls utrace_test_step(tag) (env_user.h).  It may be called with
 * utrace->lock and/or siglock held: the tag says where it is.
 */
#ifndef _UTRACE_ENV_H
#define _UTRACE_ENV_H

#if defined(__FRAMAC__)
# include "env_framac.h"
#elif defined(__KERNEL__)
# include "env_kernel.h"
#else
# include "env_user.h"
#endif

#if defined(UTRACE_TEST_HOOKS) && defined(UTRACE_ENV_USER)
# define UTRACE_STEP(tag)	utrace_test_step(tag)
#else
# define UTRACE_STEP(tag)	((void)0)
#endif

#endif /* _UTRACE_ENV_H */
