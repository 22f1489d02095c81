/* SPDX-License-Identifier: GPL-2.0 */
/*
 * env_framac.h - Frama-C face: a small C model of the kernel environment
 *
 * Frama-C 25 cannot parse kernel headers (_Generic in READ_ONCE), so
 * utrace.c is verified against this model.  It only declares types and
 * maps the kernel vocabulary onto
 *   - plain C where the meaning is a field access (task state bits, TIF
 *     bits, utrace_flags): verified in place;
 *   - __fc_* functions without a body: their contracts are the lock model,
 *     the interference model, the list model and the scheduler model of
 *     utrace.acsl.h, and are the trusted base (proofs/trusted.txt).
 *
 * READ_ONCE(x) is a racy read: before reading, __fc_interfere() lets
 * every other thread run, as constrained by the rely conditions of
 * utrace.acsl.h.  WRITE_ONCE and the barriers are plain stores / no-ops:
 * barrier pairing is argued in the comments and checked by the model.
 */
#ifndef _UTRACE_ENV_FRAMAC_H
#define _UTRACE_ENV_FRAMAC_H

#define UTRACE_ENV_FRAMAC 1

#include <stdbool.h>
#include <stddef.h>

typedef unsigned int u32;

#define likely(x)		(x)
#define unlikely(x)		(x)
#define fallthrough
#define __acquires(x)
#define __releases(x)
#define __must_hold(x)
#define EXPORT_SYMBOL_GPL(sym)	extern int utrace_framac_export_dummy

#define ESRCH		3
#define ENOMEM		12
#define EPERM		1
#define ENOENT		2
#define EEXIST		17
#define EINVAL		22
#define EOPNOTSUPP	95
#define EALREADY	114
#define EINPROGRESS	115
#define ERESTARTSYS	512

/* ------------------------------------------------------------------ */
/* Memory model: racy reads see other threads' stores (interference). */
void __fc_interfere(void);
#define READ_ONCE(x)		(__fc_interfere(), (x))
#define WRITE_ONCE(x, v)	((x) = (v))
#define smp_mb()		((void)0)
#define smp_wmb()		((void)0)
#define smp_rmb()		((void)0)
#define smp_store_release(p, v)	(*(p) = (v))
#define smp_load_acquire(p)	(__fc_interfere(), *(p))
#define rcu_read_lock()		((void)0)
#define rcu_read_unlock()	((void)0)

void __fc_bug_on(int cond);
#define BUG_ON(c)		__fc_bug_on((c) != 0)
#define WARN_ON_ONCE(c)		((c) != 0)

/* ------------------------------------------------------------------ */
/* Locks: ghost lock state, see the lock model in utrace.acsl.h. */
typedef struct {
	int dummy;
} spinlock_t;
typedef struct {
	int dummy;
} rwlock_t;
extern rwlock_t tasklist_lock;

void __fc_spin_lock(spinlock_t *lock);
void __fc_spin_unlock(spinlock_t *lock);
void __fc_spin_lock_irq(spinlock_t *lock);
void __fc_spin_unlock_irq(spinlock_t *lock);
void __fc_read_lock(rwlock_t *lock);
void __fc_read_unlock(rwlock_t *lock);
#define spin_lock(l)		__fc_spin_lock(l)
#define spin_unlock(l)		__fc_spin_unlock(l)
#define spin_lock_irq(l)	__fc_spin_lock_irq(l)
#define spin_unlock_irq(l)	__fc_spin_unlock_irq(l)
#define read_lock(l)		__fc_read_lock(l)
#define read_unlock(l)		__fc_read_unlock(l)
#define spin_lock_init(l)	((void)(l))

/* ------------------------------------------------------------------ */
/*
 * Lists: the kernel list API on engine entries, modelled by the ghost
 * arrays of utrace.acsl.h.  Only struct utrace_engine is ever linked.
 */
struct list_head {
	struct list_head *next, *prev;
};
struct utrace_engine;

void __fc_list_head_private(struct list_head *head);
void __fc_list_init_entry(struct list_head *entry);
int __fc_list_empty(struct list_head *l);
struct utrace_engine *__fc_engine_of(struct list_head *entry);
void __fc_list_add_tail(struct utrace_engine *engine, struct list_head *head);
void __fc_list_del_init(struct utrace_engine *engine);
void __fc_list_move_tail(struct utrace_engine *engine, struct list_head *head);
void __fc_list_splice_tail_init(struct list_head *list, struct list_head *head);
struct utrace_engine *__fc_list_first(struct list_head *head);
struct utrace_engine *__fc_list_next(struct utrace_engine *engine,
				     struct list_head *head);
struct utrace_engine *__fc_list_next_cur(struct utrace_engine *engine,
					 struct list_head *head);
struct utrace_engine *__fc_list_last(struct list_head *head);
struct utrace_engine *__fc_list_prev(struct utrace_engine *engine,
				     struct list_head *head);

/*
 * The walks keep a ghost cursor g_k (utrace.acsl.h): list_for_each_entry
 * bodies end with "g_k++" (reverse: "g_k--"), list_for_each_entry_safe
 * bodies advance it only past entries they keep.  list_del_init() is only
 * used on the first entry of the private list the caller walks.
 */
#define LIST_HEAD(name)	\
	struct list_head name; __fc_list_head_private(&name)
#define INIT_LIST_HEAD(l)		__fc_list_init_entry(l)
#define list_empty(l)			__fc_list_empty(l)
#define list_add_tail(entry, head)	\
	__fc_list_add_tail(__fc_engine_of(entry), head)
#define list_del_init(entry)		\
	__fc_list_del_init(__fc_engine_of(entry))
#define list_move_tail(entry, head)	\
	__fc_list_move_tail(__fc_engine_of(entry), head)
#define list_splice_tail_init(l, h)	__fc_list_splice_tail_init(l, h)

#define list_for_each_entry(pos, head, member)				\
	for (pos = __fc_list_first(head); pos;				\
	     pos = __fc_list_next(pos, head))
#define list_for_each_entry_reverse(pos, head, member)			\
	for (pos = __fc_list_last(head); pos;				\
	     pos = __fc_list_prev(pos, head))
#define list_for_each_entry_safe(pos, n, head, member)			\
	for (pos = __fc_list_first(head),				\
	     n = pos ? __fc_list_next_cur(pos, head) : NULL;		\
	     pos;							\
	     pos = n, n = n ? __fc_list_next_cur(n, head) : NULL)

/* ------------------------------------------------------------------ */
/* References and memory */
typedef struct {
	int refs;
} refcount_t;
struct kref {
	refcount_t refcount;
};
void kref_init(struct kref *kref);
void kref_get(struct kref *kref);
bool refcount_dec_and_test(refcount_t *r);
#define GFP_KERNEL	0
void kfree(const void *ptr);
/* ERR_PTR is only used for engine pointers (utrace_attach_task). */
struct utrace_engine *__fc_err_ptr(long error);
#define ERR_PTR(e)	__fc_err_ptr(e)

/* ------------------------------------------------------------------ */
/* Signals */
#define UTRACE_NSIG	64
#define SIGQUIT		3
#define SIGKILL		9
#define SIGTERM		15
#define SIGSTOP		19
#define SIGTSTP		20
#define SA_ONESHOT	0x80000000UL

typedef struct {
	int si_signo;
	int si_errno;
	int si_code;
} kernel_siginfo_t;

void __fc_sig_ignore(int sig);
#define SIG_DFL		((void (*)(int))0)
#define SIG_IGN		(&__fc_sig_ignore)

struct k_sigaction {
	struct {
		void (*sa_handler)(int);
		unsigned long sa_flags;
	} sa;
};

int sig_kernel_coredump(int sig);
int sig_kernel_ignore(int sig);
int sig_kernel_stop(int sig);

/* ------------------------------------------------------------------ */
/* Tasks */
#define TASK_RUNNING		0x0000U
#define __TASK_STOPPED		0x0004U
#define __TASK_TRACED		0x0008U
#define __TASK_UTRACED		0x0010U
#define TASK_WAKEKILL		0x0100U
#define TASK_UTRACED		(TASK_WAKEKILL | __TASK_UTRACED)
#define EXIT_ZOMBIE		0x0020
#define EXIT_DEAD		0x0040
#define PF_KTHREAD		0x00200000U

#define TIF_SIGPENDING		0
#define TIF_NOTIFY_RESUME	1
#define TIF_SINGLESTEP		2
#define TIF_BLOCKSTEP		3
#define TIF_SYSCALL_TRACE	4

struct pt_regs;
struct linux_binprm;
struct utrace;

struct sighand_struct {
	spinlock_t siglock;
	struct k_sigaction action[UTRACE_NSIG];
};

struct task_struct {
	struct utrace *utrace;
	struct sighand_struct *sighand;
	unsigned int flags;	/* PF_* */
	int exit_state;		/* read only through task_exit_state() */
};

struct task_struct *__fc_get_current(void);
#define current			__fc_get_current()

/*
 * The traced task's fields that utrace reads and writes are modelled as
 * variables (the proof is for one traced task, see utrace.acsl.h; every
 * contract requires the task argument to be it).  This keeps them apart
 * from the engines' fields in WP's memory model.
 */
extern unsigned long __fc_uflags;	/* task->utrace_flags */
extern unsigned int __fc_state;		/* task->state */
extern unsigned long __fc_tif;		/* the task's TIF bits */
extern int __fc_sigkill;		/* SIGKILL pending */
extern int __fc_exit_state;		/* task->exit_state */
extern unsigned long __fc_ptrace;	/* task->ptrace */
extern unsigned long __fc_jobctl;	/* task->jobctl */

#define task_uflags(t)		__fc_uflags
#define task_utrace_ptr(t)	((t)->utrace)
spinlock_t *__fc_task_siglock(struct task_struct *t);
#define task_siglock(t)		__fc_task_siglock(t)

#define set_tsk_sigpending(t)	(__fc_tif |= 1UL << TIF_SIGPENDING)
#define set_tsk_notify_resume(t) (__fc_tif |= 1UL << TIF_NOTIFY_RESUME)
#define set_notify_resume(t)	(__fc_tif |= 1UL << TIF_NOTIFY_RESUME)
bool __fc_signal_pending(struct task_struct *t);
#define signal_pending(t)	__fc_signal_pending(t)
#define fatal_signal_pending(t)	(__fc_sigkill != 0)
#define task_set_syscall_trace(t)   (__fc_tif |= 1UL << TIF_SYSCALL_TRACE)
#define task_clear_syscall_trace(t) (__fc_tif &= ~(1UL << TIF_SYSCALL_TRACE))
#define task_ptrace_syscall_trace(t) (__fc_ptrace != 0)
#define task_jobctl_pending(t)	(__fc_jobctl != 0)
#define user_enable_single_step(t) \
	(__fc_tif = (__fc_tif & ~(1UL << TIF_BLOCKSTEP)) | (1UL << TIF_SINGLESTEP))
#define user_enable_block_step(t) \
	(__fc_tif |= (1UL << TIF_BLOCKSTEP) | (1UL << TIF_SINGLESTEP))
#define user_disable_single_step(t) \
	(__fc_tif &= ~((1UL << TIF_BLOCKSTEP) | (1UL << TIF_SINGLESTEP)))

#define task_is_utraced(t)	((__fc_state & __TASK_UTRACED) != 0)
#define task_is_stopped_or_traced(t) \
	((__fc_state & (__TASK_STOPPED | __TASK_TRACED)) != 0)
#define task_add_utraced(t)	(__fc_state |= TASK_UTRACED)
#define set_current_utraced()	(__fc_state = TASK_UTRACED)

void wake_up_utraced(struct task_struct *t);
void signal_wake_up(struct task_struct *t, bool resume);
void recalc_sigpending(void);
void schedule(void);
long schedule_timeout_interruptible(long timeout);
bool arch_has_single_step(void);
bool arch_has_block_step(void);

int utrace_dequeue_signal(struct task_struct *t, kernel_siginfo_t *info);
int utrace_dequeue_sigkill(struct task_struct *t, kernel_siginfo_t *info);
struct k_sigaction *utrace_task_sigaction(struct task_struct *t, int signr);
void utrace_requeue_signal(struct task_struct *t, const kernel_siginfo_t *info);

#endif /* _UTRACE_ENV_FRAMAC_H */
