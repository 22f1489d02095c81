/* SPDX-License-Identifier: GPL-2.0 */
/*
 * env_user.h - user-space face: a task simulation on pthreads
 *
 * This header is the API the tests (tests/) build on.  It provides the
 * kernel vocabulary utrace.c needs (see utrace_env.h) on top of pthreads,
 * plus a small task simulation and observation accessors.
 *
 * ---------------------------------------------------------------------
 * Model
 * ---------------------------------------------------------------------
 * A simulated task (struct task_struct) is a record plus, once started,
 * one pthread running a test-supplied function with `current` bound to the
 * task.  Any pthread that calls the utrace API must be bound to a task too
 * (utask_bind_current()), because the API looks at `current` (e.g.
 * utrace_barrier() on current returns 0 at once, and it polls
 * signal_pending(current)).
 *
 *  - spinlocks are error-checking pthread mutexes (a double lock or an
 *    unlock by a non-owner aborts); spin_lock_irq() is spin_lock();
 *  - tasklist_lock is a pthread rwlock;
 *  - READ_ONCE/WRITE_ONCE are relaxed atomics, smp_mb() a seq_cst fence,
 *    smp_wmb()/smp_rmb() release/acquire fences;
 *  - task->state holds the kernel state bits (values of utrace-3.1):
 *    TASK_RUNNING, TASK_INTERRUPTIBLE, __TASK_STOPPED, __TASK_TRACED,
 *    __TASK_UTRACED, TASK_WAKEKILL.  A task sleeps in schedule() until its
 *    state is TASK_RUNNING; wake_up_state(t, mask) sets TASK_RUNNING if
 *    t->state & mask; wake_up_quiescent(t, bit) clears @bit and wakes t
 *    only if no quiescent bit (STOPPED, TRACED, UTRACED) is left;
 *  - signals: a pending bitmask and a per-task sigaction table, both under
 *    siglock; SIGKILL is "fatal pending" and wakes TASK_WAKEKILL sleepers
 *    (so it wakes a utrace-stopped task, as in the kernel);
 *  - TIF bits are atomic bits of task->tif (TIF_SIGPENDING,
 *    TIF_NOTIFY_RESUME, TIF_SINGLESTEP, TIF_BLOCKSTEP, TIF_SYSCALL_TRACE);
 *    user_enable_single_step() sets TIF_SINGLESTEP, user_enable_block_step()
 *    sets TIF_SINGLESTEP|TIF_BLOCKSTEP, user_disable_single_step() clears
 *    both;
 *  - kmalloc() is malloc(), with failure injection (utask_fail_alloc());
 *  - RCU is a no-op: tests free tasks explicitly (utask_destroy()).
 *
 * ---------------------------------------------------------------------
 * Test API (all declared below)
 * ---------------------------------------------------------------------
 * Lifecycle (controller side):
 *   utask_create(comm, flags)   new task, not running; flags: PF_KTHREAD;
 *                               its struct utrace is allocated here
 *   utask_start(t, fn, arg)     run fn(t, arg) on a new pthread as t
 *   utask_join(t)               wait for that pthread
 *   utask_bind_current(t)       make the calling pthread be task t
 *   utask_release(t)            the reaper: exit_state = EXIT_DEAD, then
 *                               utrace_release_task(t) (t must have exited)
 *   utask_destroy(t)            utrace_free_task(t) and free (after join)
 *   utask_send_signal(t, sig)   queue sig, signal_wake_up (SIGKILL: fatal)
 *   utask_group_continue(t)     end a job-control stop (clears STOPPED)
 *
 * Kernel paths a task runs on itself (call from the task's own thread):
 *   utask_syscall_entry(regs)   utrace_hook_syscall_entry; true = abort
 *   utask_syscall_exit(regs)    utrace_hook_syscall_exit
 *   utask_exec()                utrace_hook_exec
 *   utask_return_to_user(regs, info)
 *                               the exit-to-user work loop: handles
 *                               TIF_NOTIFY_RESUME (utrace_resume) and
 *                               TIF_SIGPENDING (utask_get_signal) until no
 *                               work is left; returns a signal number the
 *                               task would now handle (0: none)
 *   utask_get_signal(info, ka)  the get_signal loop (utrace_get_signal
 *                               first); returns a signal to deliver or 0
 *   utask_group_stop()          job-control stop: TASK_STOPPED, schedule,
 *                               then utrace_hook_finish_stop
 *   utask_exit(code)            utrace_hook_exit, exit_state = EXIT_ZOMBIE
 *                               under tasklist_lock, utrace_exit_notify
 *
 * Observation (ghost-like facts, lockless snapshots):
 *   utask_state(t), utask_is_utraced(t), utask_is_running(t),
 *   utask_test_tif(t, TIF_x), utask_utrace_flags(t), utask_fatal_pending(t),
 *   utask_exit_state(t), utask_sig_pending(t, sig), utask_nr_wakeups(t)
 *   utrace_test_get_state(t, &st)  utrace internals, snapshot taken under
 *                               utrace->lock (call with no lock held)
 *   utrace_test_engine_state(e) LIVE / DETACHED (marked) / GONE (ops NULL)
 *   utrace_test_engine_flags(e), utrace_test_engine_refs(e)
 *   utrace_test_check_invariants(t)  the lock invariant utrace_inv of
 *                               utrace.acsl.h checked at run time under
 *                               utrace->lock: returns 0 or a mask of
 *                               UTRACE_TEST_INV_* bits that failed
 *
 * Fault injection and configuration:
 *   utask_fail_alloc(n)         the n-th next kmalloc() fails (1 = next)
 *   utask_set_arch_step(single, block)  arch_has_single_step/block_step
 *
 * Test hooks: built with -DUTRACE_TEST_HOOKS, utrace.c calls
 * utrace_test_step(tag) immediately before every tagged step of
 * docs/protocol.md ("function:step").  env_user.c provides a weak default
 * that does nothing; a test defines its own to run a deterministic
 * schedule.  The hook may run with utrace->lock and/or siglock held.
 */
#ifndef _UTRACE_ENV_USER_H
#define _UTRACE_ENV_USER_H

#define UTRACE_ENV_USER 1

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef uint32_t u32;

/* --------------------------------------------------------------------
 * Compiler and memory model
 * ------------------------------------------------------------------ */
#define likely(x)		__builtin_expect(!!(x), 1)
#define unlikely(x)		__builtin_expect(!!(x), 0)
#define fallthrough		__attribute__((__fallthrough__))
#define __acquires(x)
#define __releases(x)
#define __must_hold(x)
#define EXPORT_SYMBOL_GPL(sym)	extern int utrace_user_export_dummy

#define READ_ONCE(x)		__atomic_load_n(&(x), __ATOMIC_RELAXED)
#define WRITE_ONCE(x, v)	__atomic_store_n(&(x), (v), __ATOMIC_RELAXED)
#ifdef __SANITIZE_THREAD__
/* ThreadSanitizer does not model fences: use a seq_cst RMW instead. */
extern unsigned long utask_fence_word;
# define smp_mb()	((void)__atomic_fetch_add(&utask_fence_word, 0, __ATOMIC_SEQ_CST))
# define smp_wmb()	smp_mb()
# define smp_rmb()	smp_mb()
#else
# define smp_mb()	__atomic_thread_fence(__ATOMIC_SEQ_CST)
# define smp_wmb()	__atomic_thread_fence(__ATOMIC_RELEASE)
# define smp_rmb()	__atomic_thread_fence(__ATOMIC_ACQUIRE)
#endif
#define smp_store_release(p, v)	__atomic_store_n((p), (v), __ATOMIC_RELEASE)
#define smp_load_acquire(p)	__atomic_load_n((p), __ATOMIC_ACQUIRE)
#define rcu_read_lock()		((void)0)
#define rcu_read_unlock()	((void)0)

#define container_of(ptr, type, member) \
	((type *)(void *)((char *)(ptr) - offsetof(type, member)))

void utask_bug(const char *file, int line, const char *cond);
#define BUG_ON(c)	do { if (unlikely(c)) utask_bug(__FILE__, __LINE__, #c); } while (0)
int utask_warn(const char *file, int line, const char *cond);
#define WARN_ON_ONCE(c)	(unlikely(c) ? utask_warn(__FILE__, __LINE__, #c) : 0)

#define MAX_ERRNO	4095
static inline void *ERR_PTR(long error) { return (void *)error; }
static inline long PTR_ERR(const void *ptr) { return (long)ptr; }
static inline bool IS_ERR(const void *ptr)
{
	return (unsigned long)ptr >= (unsigned long)-MAX_ERRNO;
}
#ifndef ERESTARTSYS
# define ERESTARTSYS	512
#endif

/* --------------------------------------------------------------------
 * Locks
 * ------------------------------------------------------------------ */
typedef struct {
	pthread_mutex_t m;
} spinlock_t;

void spin_lock_init(spinlock_t *lock);
void spin_lock(spinlock_t *lock);
void spin_unlock(spinlock_t *lock);
#define spin_lock_irq(l)	spin_lock(l)
#define spin_unlock_irq(l)	spin_unlock(l)

typedef struct {
	pthread_rwlock_t rw;
} rwlock_t;
extern rwlock_t tasklist_lock;
void read_lock(rwlock_t *lock);
void read_unlock(rwlock_t *lock);
void write_lock(rwlock_t *lock);
void write_unlock(rwlock_t *lock);

/* --------------------------------------------------------------------
 * Lists (a fresh implementation of the kernel's circular list API)
 * ------------------------------------------------------------------ */
struct list_head {
	struct list_head *next, *prev;
};

#define LIST_HEAD_INIT(name)	{ &(name), &(name) }
#define LIST_HEAD(name)		struct list_head name = LIST_HEAD_INIT(name)

static inline void INIT_LIST_HEAD(struct list_head *list)
{
	list->next = list;
	list->prev = list;
}

static inline void __list_link(struct list_head *entry,
			       struct list_head *prev, struct list_head *next)
{
	next->prev = entry;
	entry->next = next;
	entry->prev = prev;
	prev->next = entry;
}

static inline void list_add_tail(struct list_head *entry, struct list_head *head)
{
	__list_link(entry, head->prev, head);
}

static inline void __list_unlink(struct list_head *entry)
{
	entry->next->prev = entry->prev;
	entry->prev->next = entry->next;
}

static inline void list_del_init(struct list_head *entry)
{
	__list_unlink(entry);
	INIT_LIST_HEAD(entry);
}

static inline void list_move_tail(struct list_head *entry, struct list_head *head)
{
	__list_unlink(entry);
	list_add_tail(entry, head);
}

static inline int list_empty(const struct list_head *head)
{
	return head->next == head;
}

static inline void list_splice_tail_init(struct list_head *list,
					 struct list_head *head)
{
	if (!list_empty(list)) {
		struct list_head *first = list->next, *last = list->prev;
		struct list_head *at = head->prev;

		first->prev = at;
		at->next = first;
		last->next = head;
		head->prev = last;
		INIT_LIST_HEAD(list);
	}
}

static inline void list_replace_init(struct list_head *old, struct list_head *new)
{
	INIT_LIST_HEAD(new);
	list_splice_tail_init(old, new);
}

#define list_entry(ptr, type, member)	container_of(ptr, type, member)
#define list_first_entry(ptr, type, member) list_entry((ptr)->next, type, member)
#define list_last_entry(ptr, type, member) list_entry((ptr)->prev, type, member)
#define list_next_entry(pos, member) \
	list_entry((pos)->member.next, __typeof__(*(pos)), member)
#define list_prev_entry(pos, member) \
	list_entry((pos)->member.prev, __typeof__(*(pos)), member)
#define list_for_each_entry(pos, head, member)				\
	for (pos = list_first_entry(head, __typeof__(*pos), member);	\
	     &pos->member != (head);					\
	     pos = list_next_entry(pos, member))
#define list_for_each_entry_reverse(pos, head, member)			\
	for (pos = list_last_entry(head, __typeof__(*pos), member);	\
	     &pos->member != (head);					\
	     pos = list_prev_entry(pos, member))
#define list_for_each_entry_safe(pos, n, head, member)			\
	for (pos = list_first_entry(head, __typeof__(*pos), member),	\
	     n = list_next_entry(pos, member);				\
	     &pos->member != (head);					\
	     pos = n, n = list_next_entry(n, member))

/* --------------------------------------------------------------------
 * References and memory
 * ------------------------------------------------------------------ */
typedef struct {
	int refs;
} refcount_t;

struct kref {
	refcount_t refcount;
};

static inline void kref_init(struct kref *kref)
{
	__atomic_store_n(&kref->refcount.refs, 1, __ATOMIC_RELAXED);
}

static inline void kref_get(struct kref *kref)
{
	int old = __atomic_fetch_add(&kref->refcount.refs, 1, __ATOMIC_RELAXED);

	BUG_ON(old < 1);
}

static inline bool refcount_dec_and_test(refcount_t *r)
{
	int old = __atomic_fetch_sub(&r->refs, 1, __ATOMIC_ACQ_REL);

	BUG_ON(old < 1);
	return old == 1;
}

#define GFP_KERNEL	0
void *kmalloc(size_t size, int gfp);
void kfree(const void *ptr);

/* --------------------------------------------------------------------
 * Signals
 * ------------------------------------------------------------------ */
#define UTASK_NSIG	64
#define UTRACE_NSIG	UTASK_NSIG	/* highest signal number */
/* Signal numbers, SIG_DFL, SIG_IGN and SA_ONESHOT come from <signal.h>
 * (Linux numbering); the kernel's siginfo and sigaction types are ours. */

typedef struct {
	int si_signo;
	int si_errno;
	int si_code;
} kernel_siginfo_t;

/*
 * <signal.h> defines sa_handler as a macro for
 * __sigaction_handler.sa_handler: mirror that layout (the member itself is
 * declared with the macro suspended) so that the kernel spelling
 * ka->sa.sa_handler works here.
 */
#pragma push_macro("sa_handler")
#undef sa_handler
struct k_sigaction {
	struct {
		union {
			void (*sa_handler)(int);
		} __sigaction_handler;
		unsigned long sa_flags;
	} sa;
};
#pragma pop_macro("sa_handler")

#define UTASK_SIGMASK(sig)	(1UL << ((sig) - 1))
#define UTASK_SIG_CORE	(UTASK_SIGMASK(SIGQUIT) | UTASK_SIGMASK(SIGILL) | \
			 UTASK_SIGMASK(SIGTRAP) | UTASK_SIGMASK(SIGABRT) | \
			 UTASK_SIGMASK(SIGFPE) | UTASK_SIGMASK(SIGSEGV) | \
			 UTASK_SIGMASK(SIGBUS) | UTASK_SIGMASK(SIGSYS) | \
			 UTASK_SIGMASK(SIGXCPU) | UTASK_SIGMASK(SIGXFSZ))
#define UTASK_SIG_IGNORE (UTASK_SIGMASK(SIGCONT) | UTASK_SIGMASK(SIGCHLD) | \
			  UTASK_SIGMASK(SIGWINCH) | UTASK_SIGMASK(SIGURG))
#define UTASK_SIG_STOP	(UTASK_SIGMASK(SIGSTOP) | UTASK_SIGMASK(SIGTSTP) | \
			 UTASK_SIGMASK(SIGTTIN) | UTASK_SIGMASK(SIGTTOU))
#define sig_kernel_coredump(sig) (!!(UTASK_SIGMASK(sig) & UTASK_SIG_CORE))
#define sig_kernel_ignore(sig)	(!!(UTASK_SIGMASK(sig) & UTASK_SIG_IGNORE))
#define sig_kernel_stop(sig)	(!!(UTASK_SIGMASK(sig) & UTASK_SIG_STOP))

/* --------------------------------------------------------------------
 * Tasks
 * ------------------------------------------------------------------ */
#define TASK_RUNNING		0x0000U
#define TASK_INTERRUPTIBLE	0x0001U
#define TASK_UNINTERRUPTIBLE	0x0002U
#define __TASK_STOPPED		0x0004U
#define __TASK_TRACED		0x0008U
#define __TASK_UTRACED		0x0010U
#define TASK_WAKEKILL		0x0100U
#define TASK_STOPPED		(TASK_WAKEKILL | __TASK_STOPPED)
#define TASK_TRACED		(TASK_WAKEKILL | __TASK_TRACED)
#define TASK_UTRACED		(TASK_WAKEKILL | __TASK_UTRACED)
#define TASK_QUIESCENT		(__TASK_STOPPED | __TASK_TRACED | __TASK_UTRACED)

#define EXIT_ZOMBIE		0x0020
#define EXIT_DEAD		0x0040

#define PF_KTHREAD		0x00200000U
#define PT_SYSCALL_TRACE	0x00010000UL

#define TIF_SIGPENDING		0
#define TIF_NOTIFY_RESUME	1
#define TIF_SINGLESTEP		2
#define TIF_BLOCKSTEP		3
#define TIF_SYSCALL_TRACE	4

#define JOBCTL_PENDING_MASK	0x3UL

struct pt_regs {
	unsigned long ip, sp, ax, orig_ax;
};
struct linux_binprm;
struct utrace;

struct sighand_struct {
	spinlock_t siglock;
	struct k_sigaction action[UTASK_NSIG];
};

struct task_struct {
	/* The members the utrace patch adds to task_struct. */
	unsigned long utrace_flags;	/* written under utrace->lock */
	struct utrace *utrace;		/* set at creation, never changes */

	const char *comm;
	unsigned int flags;		/* PF_* */
	unsigned int state;		/* TASK_* bits; atomic, see above */
	int exit_state;			/* EXIT_ZOMBIE, EXIT_DEAD; atomic */
	unsigned long tif;		/* TIF_* bits; atomic */
	unsigned long ptrace;		/* PT_SYSCALL_TRACE */
	unsigned long jobctl;		/* JOBCTL_PENDING_MASK, under siglock */
	struct sighand_struct *sighand;
	unsigned long sig_pending;	/* under siglock (atomic for peeking) */
	unsigned long sig_blocked;	/* under siglock */
	kernel_siginfo_t sig_info[UTASK_NSIG];
	unsigned long nr_wakeups;	/* wake-ups from schedule() */

	/* simulation */
	pthread_mutex_t sched_lock;
	pthread_cond_t sched_cond;
	pthread_t thread;
	bool started;
	void (*fn)(struct task_struct *task, void *arg);
	void *arg;
	struct sighand_struct sighand_storage;
};

extern __thread struct task_struct *utask_current;
#define current			utask_current

#define task_uflags(task)	((task)->utrace_flags)
#define task_siglock(task)	(&(task)->sighand->siglock)
#define task_utrace_ptr(task)	((task)->utrace)

static inline bool test_tsk_thread_flag(struct task_struct *t, int bit)
{
	return (__atomic_load_n(&t->tif, __ATOMIC_RELAXED) >> bit) & 1UL;
}
static inline void set_tsk_thread_flag(struct task_struct *t, int bit)
{
	__atomic_fetch_or(&t->tif, 1UL << bit, __ATOMIC_SEQ_CST);
}
static inline void clear_tsk_thread_flag(struct task_struct *t, int bit)
{
	__atomic_fetch_and(&t->tif, ~(1UL << bit), __ATOMIC_SEQ_CST);
}
static inline unsigned int utask_load_state(struct task_struct *t)
{
	return __atomic_load_n(&t->state, __ATOMIC_SEQ_CST);
}

#define set_tsk_sigpending(t)		set_tsk_thread_flag(t, TIF_SIGPENDING)
#define set_tsk_notify_resume(t)	set_tsk_thread_flag(t, TIF_NOTIFY_RESUME)
#define set_notify_resume(t)		set_tsk_thread_flag(t, TIF_NOTIFY_RESUME)
#define signal_pending(t)		test_tsk_thread_flag(t, TIF_SIGPENDING)
bool fatal_signal_pending(struct task_struct *t);

#define task_is_utraced(t)	((utask_load_state(t) & __TASK_UTRACED) != 0)
#define task_is_stopped_or_traced(t) \
	((utask_load_state(t) & (__TASK_STOPPED | __TASK_TRACED)) != 0)
void task_add_utraced(struct task_struct *t);	/* siglock held */
void set_current_utraced(void);			/* siglock held */
void wake_up_utraced(struct task_struct *t);	/* siglock held */
void signal_wake_up(struct task_struct *t, bool resume);
void recalc_sigpending(void);
void schedule(void);
long schedule_timeout_interruptible(long timeout);
int wake_up_state(struct task_struct *t, unsigned int state);
void wake_up_quiescent(struct task_struct *t, unsigned int bit);

#define task_set_syscall_trace(t)	set_tsk_thread_flag(t, TIF_SYSCALL_TRACE)
#define task_clear_syscall_trace(t)	clear_tsk_thread_flag(t, TIF_SYSCALL_TRACE)
#define task_ptrace_syscall_trace(t)	(((t)->ptrace & PT_SYSCALL_TRACE) != 0)
#define task_jobctl_pending(t)		(((t)->jobctl & JOBCTL_PENDING_MASK) != 0)

bool arch_has_single_step(void);
bool arch_has_block_step(void);
void user_enable_single_step(struct task_struct *t);
void user_enable_block_step(struct task_struct *t);
void user_disable_single_step(struct task_struct *t);

/* siglock held for all four */
int utrace_dequeue_signal(struct task_struct *t, kernel_siginfo_t *info);
int utrace_dequeue_sigkill(struct task_struct *t, kernel_siginfo_t *info);
struct k_sigaction *utrace_task_sigaction(struct task_struct *t, int signr);
void utrace_requeue_signal(struct task_struct *t, const kernel_siginfo_t *info);

/* --------------------------------------------------------------------
 * Test API, see the comment at the top of this file.
 * ------------------------------------------------------------------ */
void utrace_test_step(const char *tag);

struct task_struct *utask_create(const char *comm, unsigned int flags);
int utask_start(struct task_struct *t,
		void (*fn)(struct task_struct *t, void *arg), void *arg);
void utask_join(struct task_struct *t);
void utask_bind_current(struct task_struct *t);
void utask_release(struct task_struct *t);
void utask_destroy(struct task_struct *t);
void utask_send_signal(struct task_struct *t, int sig);
void utask_group_continue(struct task_struct *t);

bool utask_syscall_entry(struct pt_regs *regs);
void utask_syscall_exit(struct pt_regs *regs);
void utask_exec(void);
int utask_return_to_user(struct pt_regs *regs, kernel_siginfo_t *info);
int utask_get_signal(struct pt_regs *regs, kernel_siginfo_t *info,
		     struct k_sigaction *ka);
void utask_group_stop(void);
void utask_exit(long code);

unsigned int utask_state(struct task_struct *t);
bool utask_is_utraced(struct task_struct *t);
bool utask_is_running(struct task_struct *t);
bool utask_test_tif(struct task_struct *t, int bit);
unsigned long utask_utrace_flags(struct task_struct *t);
bool utask_fatal_pending(struct task_struct *t);
int utask_exit_state(struct task_struct *t);
bool utask_sig_pending(struct task_struct *t, int sig);
unsigned long utask_nr_wakeups(struct task_struct *t);

void utask_fail_alloc(int n);
void utask_set_arch_step(bool single, bool block);

/* Implemented in utrace.c (they need struct utrace). */
struct utrace_engine;
struct utrace_test_state {
	unsigned int resume;		/* enum utrace_resume_action */
	bool pending_attach, signal_handler, death, reap;
	struct utrace_engine *reporting;
	int nr_attached, nr_attaching;
};
enum utrace_test_engine_state {
	UTRACE_TEST_ENGINE_LIVE,	/* ops: the engine's own */
	UTRACE_TEST_ENGINE_DETACHED,	/* ops: utrace_detached_ops */
	UTRACE_TEST_ENGINE_GONE		/* ops: NULL */
};
/* Bits returned by utrace_test_check_invariants(). */
#define UTRACE_TEST_INV_I1	0x0001	/* list shape: ops != NULL, target */
#define UTRACE_TEST_INV_I2	0x0002	/* attaching non-empty => pending_attach */
#define UTRACE_TEST_INV_I4	0x0008	/* alive: utrace_flags covers live events */
#define UTRACE_TEST_INV_I5	0x0010	/* REAP marker */
#define UTRACE_TEST_INV_I6	0x0020	/* ENGINE_STOP in utrace_flags has a holder */
#define UTRACE_TEST_INV_I7	0x0040	/* utrace-stopped => a live engine wants it */
#define UTRACE_TEST_INV_I9	0x0100	/* resume range, never *STEP */
#define UTRACE_TEST_INV_I11	0x0400	/* death/reap */
#define UTRACE_TEST_INV_I13	0x1000	/* listed engines hold a reference */

void utrace_test_get_state(struct task_struct *t, struct utrace_test_state *st);
enum utrace_test_engine_state utrace_test_engine_state(struct utrace_engine *e);
unsigned long utrace_test_engine_flags(struct utrace_engine *e);
int utrace_test_engine_refs(struct utrace_engine *e);
unsigned int utrace_test_check_invariants(struct task_struct *t);

#endif /* _UTRACE_ENV_USER_H */
