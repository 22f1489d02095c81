// SPDX-License-Identifier: GPL-2.0
/*
 * env_user.c - user-space face: task simulation on pthreads
 *
 * See env_user.h for the model and the test API.
 */
#include <stdio.h>
#include <time.h>

#include "../utrace.h"

__thread struct task_struct *utask_current;
unsigned long utask_fence_word;
rwlock_t tasklist_lock = { PTHREAD_RWLOCK_INITIALIZER };

static int utask_fail_countdown;
static bool utask_single_step_ok = true;
static bool utask_block_step_ok = true;

/* ------------------------------------------------------------------ */

void utask_bug(const char *file, int line, const char *cond)
{
	fprintf(stderr, "BUG at %s:%d: %s\n", file, line, cond);
	abort();
}

int utask_warn(const char *file, int line, const char *cond)
{
	fprintf(stderr, "WARNING at %s:%d: %s\n", file, line, cond);
	return 1;
}

static void utask_check(int err, const char *what)
{
	if (err) {
		fprintf(stderr, "utask: %s failed: %s\n", what, strerror(err));
		abort();
	}
}

__attribute__((weak)) void utrace_test_step(const char *tag)
{
	(void)tag;
}

/* ------------------------------------------------------------------ */
/* Locks */

void spin_lock_init(spinlock_t *lock)
{
	pthread_mutexattr_t attr;

	utask_check(pthread_mutexattr_init(&attr), "mutexattr_init");
	utask_check(pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_ERRORCHECK),
		    "mutexattr_settype");
	utask_check(pthread_mutex_init(&lock->m, &attr), "mutex_init");
	pthread_mutexattr_destroy(&attr);
}

void spin_lock(spinlock_t *lock)
{
	utask_check(pthread_mutex_lock(&lock->m), "spin_lock");
}

void spin_unlock(spinlock_t *lock)
{
	utask_check(pthread_mutex_unlock(&lock->m), "spin_unlock");
}

void read_lock(rwlock_t *lock)
{
	utask_check(pthread_rwlock_rdlock(&lock->rw), "read_lock");
}

void read_unlock(rwlock_t *lock)
{
	utask_check(pthread_rwlock_unlock(&lock->rw), "read_unlock");
}

void write_lock(rwlock_t *lock)
{
	utask_check(pthread_rwlock_wrlock(&lock->rw), "write_lock");
}

void write_unlock(rwlock_t *lock)
{
	utask_check(pthread_rwlock_unlock(&lock->rw), "write_unlock");
}

/* ------------------------------------------------------------------ */
/* Memory */

void utask_fail_alloc(int n)
{
	__atomic_store_n(&utask_fail_countdown, n, __ATOMIC_SEQ_CST);
}

void *kmalloc(size_t size, int gfp)
{
	int n;

	(void)gfp;
	n = __atomic_load_n(&utask_fail_countdown, __ATOMIC_SEQ_CST);
	while (n > 0) {
		if (__atomic_compare_exchange_n(&utask_fail_countdown, &n, n - 1,
						false, __ATOMIC_SEQ_CST,
						__ATOMIC_SEQ_CST)) {
			if (n == 1)
				return NULL;
			break;
		}
	}
	return malloc(size);
}

void kfree(const void *ptr)
{
	free((void *)ptr);
}

/* ------------------------------------------------------------------ */
/* Scheduling */

static void utask_set_state(struct task_struct *t, unsigned int state)
{
	__atomic_store_n(&t->state, state, __ATOMIC_SEQ_CST);
}

int wake_up_state(struct task_struct *t, unsigned int state)
{
	int woken = 0;

	pthread_mutex_lock(&t->sched_lock);
	if (utask_load_state(t) & state) {
		utask_set_state(t, TASK_RUNNING);
		t->nr_wakeups++;
		pthread_cond_broadcast(&t->sched_cond);
		woken = 1;
	}
	pthread_mutex_unlock(&t->sched_lock);
	return woken;
}

void wake_up_quiescent(struct task_struct *t, unsigned int bit)
{
	unsigned int state;

	pthread_mutex_lock(&t->sched_lock);
	state = utask_load_state(t);
	if (state & bit) {
		state &= ~bit;
		if (!(state & TASK_QUIESCENT)) {
			state = TASK_RUNNING;
			t->nr_wakeups++;
			pthread_cond_broadcast(&t->sched_cond);
		}
		utask_set_state(t, state);
	}
	pthread_mutex_unlock(&t->sched_lock);
}

void schedule(void)
{
	struct task_struct *t = current;

	pthread_mutex_lock(&t->sched_lock);
	while (utask_load_state(t) != TASK_RUNNING) {
		if ((utask_load_state(t) & TASK_INTERRUPTIBLE) && signal_pending(t)) {
			utask_set_state(t, TASK_RUNNING);
			break;
		}
		pthread_cond_wait(&t->sched_cond, &t->sched_lock);
	}
	pthread_mutex_unlock(&t->sched_lock);
}

long schedule_timeout_interruptible(long timeout)
{
	struct task_struct *t = current;
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	ts.tv_nsec += 1000000L * (timeout > 0 ? timeout : 1);
	while (ts.tv_nsec >= 1000000000L) {
		ts.tv_nsec -= 1000000000L;
		ts.tv_sec++;
	}
	pthread_mutex_lock(&t->sched_lock);
	utask_set_state(t, TASK_INTERRUPTIBLE);
	while (utask_load_state(t) != TASK_RUNNING && !signal_pending(t)) {
		if (pthread_cond_timedwait(&t->sched_cond, &t->sched_lock, &ts))
			break;
	}
	utask_set_state(t, TASK_RUNNING);
	pthread_mutex_unlock(&t->sched_lock);
	return 0;
}

void task_add_utraced(struct task_struct *t)
{
	pthread_mutex_lock(&t->sched_lock);
	if (utask_load_state(t) & (__TASK_STOPPED | __TASK_TRACED))
		utask_set_state(t, utask_load_state(t) | TASK_UTRACED);
	pthread_mutex_unlock(&t->sched_lock);
}

void set_current_utraced(void)
{
	utask_set_state(current, TASK_UTRACED);
}

void wake_up_utraced(struct task_struct *t)
{
	wake_up_quiescent(t, __TASK_UTRACED);
}

/* ------------------------------------------------------------------ */
/* Signals */

bool fatal_signal_pending(struct task_struct *t)
{
	return signal_pending(t) &&
	       (__atomic_load_n(&t->sig_pending, __ATOMIC_SEQ_CST) &
		UTASK_SIGMASK(SIGKILL));
}

void signal_wake_up(struct task_struct *t, bool resume)
{
	set_tsk_thread_flag(t, TIF_SIGPENDING);
	wake_up_state(t, TASK_INTERRUPTIBLE | (resume ? TASK_WAKEKILL : 0));
}

void recalc_sigpending(void)
{
	struct task_struct *t = current;

	if ((t->sig_pending & ~t->sig_blocked) ||
	    (t->sig_pending & UTASK_SIGMASK(SIGKILL)) ||
	    utrace_interrupt_pending())
		set_tsk_thread_flag(t, TIF_SIGPENDING);
	else
		clear_tsk_thread_flag(t, TIF_SIGPENDING);
}

static int utask_take_signal(struct task_struct *t, int sig,
			     kernel_siginfo_t *info)
{
	__atomic_fetch_and(&t->sig_pending, ~UTASK_SIGMASK(sig), __ATOMIC_SEQ_CST);
	*info = t->sig_info[sig - 1];
	return sig;
}

int utrace_dequeue_signal(struct task_struct *t, kernel_siginfo_t *info)
{
	unsigned long avail = t->sig_pending & (~t->sig_blocked |
						UTASK_SIGMASK(SIGKILL));
	int sig, ret = 0;

	for (sig = 1; sig <= UTASK_NSIG; sig++) {
		if (avail & UTASK_SIGMASK(sig)) {
			ret = utask_take_signal(t, sig, info);
			break;
		}
	}
	if (t == current)
		recalc_sigpending();
	return ret;
}

int utrace_dequeue_sigkill(struct task_struct *t, kernel_siginfo_t *info)
{
	if (!(t->sig_pending & UTASK_SIGMASK(SIGKILL)))
		return 0;
	return utask_take_signal(t, SIGKILL, info);
}

struct k_sigaction *utrace_task_sigaction(struct task_struct *t, int signr)
{
	return &t->sighand->action[signr - 1];
}

void utrace_requeue_signal(struct task_struct *t, const kernel_siginfo_t *info)
{
	t->sig_info[info->si_signo - 1] = *info;
	__atomic_fetch_or(&t->sig_pending, UTASK_SIGMASK(info->si_signo),
			  __ATOMIC_SEQ_CST);
	set_tsk_thread_flag(t, TIF_SIGPENDING);
}

/* ------------------------------------------------------------------ */
/* Stepping */

void utask_set_arch_step(bool single, bool block)
{
	utask_single_step_ok = single;
	utask_block_step_ok = block;
}

bool arch_has_single_step(void)
{
	return utask_single_step_ok;
}

bool arch_has_block_step(void)
{
	return utask_block_step_ok;
}

void user_enable_single_step(struct task_struct *t)
{
	clear_tsk_thread_flag(t, TIF_BLOCKSTEP);
	set_tsk_thread_flag(t, TIF_SINGLESTEP);
}

void user_enable_block_step(struct task_struct *t)
{
	set_tsk_thread_flag(t, TIF_BLOCKSTEP);
	set_tsk_thread_flag(t, TIF_SINGLESTEP);
}

void user_disable_single_step(struct task_struct *t)
{
	clear_tsk_thread_flag(t, TIF_BLOCKSTEP);
	clear_tsk_thread_flag(t, TIF_SINGLESTEP);
}

/* ------------------------------------------------------------------ */
/* Lifecycle */

struct task_struct *utask_create(const char *comm, unsigned int flags)
{
	struct task_struct *t = calloc(1, sizeof(*t));
	int i;

	if (!t)
		return NULL;
	t->comm = comm;
	t->flags = flags;
	t->state = TASK_RUNNING;
	t->sighand = &t->sighand_storage;
	spin_lock_init(&t->sighand->siglock);
	for (i = 0; i < UTASK_NSIG; i++) {
		t->sighand->action[i].sa.sa_handler = SIG_DFL;
		t->sig_info[i].si_signo = i + 1;
	}
	pthread_mutex_init(&t->sched_lock, NULL);
	pthread_cond_init(&t->sched_cond, NULL);
	if (utrace_init_task(t)) {
		free(t);
		return NULL;
	}
	return t;
}

void utask_bind_current(struct task_struct *t)
{
	utask_current = t;
}

static void *utask_thread(void *arg)
{
	struct task_struct *t = arg;

	utask_current = t;
	t->fn(t, t->arg);
	return NULL;
}

int utask_start(struct task_struct *t,
		void (*fn)(struct task_struct *t, void *arg), void *arg)
{
	int err;

	t->fn = fn;
	t->arg = arg;
	err = pthread_create(&t->thread, NULL, utask_thread, t);
	if (!err)
		t->started = true;
	return -err;
}

void utask_join(struct task_struct *t)
{
	if (t->started) {
		pthread_join(t->thread, NULL);
		t->started = false;
	}
}

void utask_release(struct task_struct *t)
{
	__atomic_store_n(&t->exit_state, EXIT_DEAD, __ATOMIC_SEQ_CST);
	utrace_release_task(t);
}

void utask_destroy(struct task_struct *t)
{
	utask_join(t);
	utrace_free_task(t);
	pthread_mutex_destroy(&t->sched_lock);
	pthread_cond_destroy(&t->sched_cond);
	pthread_mutex_destroy(&t->sighand->siglock.m);
	free(t);
}

void utask_send_signal(struct task_struct *t, int sig)
{
	spin_lock_irq(&t->sighand->siglock);
	t->sig_info[sig - 1].si_signo = sig;
	__atomic_fetch_or(&t->sig_pending, UTASK_SIGMASK(sig), __ATOMIC_SEQ_CST);
	signal_wake_up(t, sig == SIGKILL);
	spin_unlock_irq(&t->sighand->siglock);
}

void utask_group_continue(struct task_struct *t)
{
	spin_lock_irq(&t->sighand->siglock);
	wake_up_quiescent(t, __TASK_STOPPED);
	spin_unlock_irq(&t->sighand->siglock);
}

/* ------------------------------------------------------------------ */
/* Kernel paths run by a task on itself */

bool utask_syscall_entry(struct pt_regs *regs)
{
	return utrace_hook_syscall_entry(regs);
}

void utask_syscall_exit(struct pt_regs *regs)
{
	utrace_hook_syscall_exit(regs);
}

void utask_exec(void)
{
	utrace_hook_exec(NULL, NULL);
}

void utask_group_stop(void)
{
	struct task_struct *t = current;

	spin_lock_irq(&t->sighand->siglock);
	utask_set_state(t, TASK_STOPPED);
	spin_unlock_irq(&t->sighand->siglock);
	schedule();
	utrace_hook_finish_stop();
}

int utask_get_signal(struct pt_regs *regs, kernel_siginfo_t *info,
		     struct k_sigaction *ka)
{
	struct task_struct *t = current;
	struct k_sigaction *action;
	int signr;

	spin_lock_irq(&t->sighand->siglock);
	for (;;) {
		signr = utrace_hook_get_signal(t, regs, info, ka);
		if (signr < 0)
			continue;		/* siglock is held again */
		if (signr > 0)
			break;
		signr = utrace_dequeue_signal(t, info);
		if (!signr)
			break;
		action = utrace_task_sigaction(t, signr);
		*ka = *action;
		if (signr == SIGKILL)
			break;
		if (ka->sa.sa_handler == SIG_IGN)
			continue;
		if (ka->sa.sa_handler != SIG_DFL)
			break;
		if (sig_kernel_ignore(signr))
			continue;
		if (sig_kernel_stop(signr)) {
			spin_unlock_irq(&t->sighand->siglock);
			utask_group_stop();
			spin_lock_irq(&t->sighand->siglock);
			continue;
		}
		break;			/* fatal default action */
	}
	recalc_sigpending();
	spin_unlock_irq(&t->sighand->siglock);
	return signr;
}

int utask_return_to_user(struct pt_regs *regs, kernel_siginfo_t *info)
{
	struct task_struct *t = current;
	struct k_sigaction ka;

	for (;;) {
		if (test_tsk_thread_flag(t, TIF_NOTIFY_RESUME)) {
			clear_tsk_thread_flag(t, TIF_NOTIFY_RESUME);
			utrace_hook_notify_resume(regs);
			continue;
		}
		if (test_tsk_thread_flag(t, TIF_SIGPENDING)) {
			int signr = utask_get_signal(regs, info, &ka);

			if (signr)
				return signr;
			if (test_tsk_thread_flag(t, TIF_SIGPENDING) &&
			    !test_tsk_thread_flag(t, TIF_NOTIFY_RESUME))
				return 0;
			continue;
		}
		return 0;
	}
}

void utask_exit(long code)
{
	struct task_struct *t = current;

	utrace_hook_exit(&code);
	write_lock(&tasklist_lock);
	__atomic_store_n(&t->exit_state, EXIT_ZOMBIE, __ATOMIC_SEQ_CST);
	write_unlock(&tasklist_lock);
	utrace_exit_notify(t, true, SIGCHLD);
}

/* ------------------------------------------------------------------ */
/* Observation */

unsigned int utask_state(struct task_struct *t)
{
	return utask_load_state(t);
}

bool utask_is_utraced(struct task_struct *t)
{
	return task_is_utraced(t);
}

bool utask_is_running(struct task_struct *t)
{
	return utask_load_state(t) == TASK_RUNNING;
}

bool utask_test_tif(struct task_struct *t, int bit)
{
	return test_tsk_thread_flag(t, bit);
}

unsigned long utask_utrace_flags(struct task_struct *t)
{
	return task_utrace_flags(t);
}

bool utask_fatal_pending(struct task_struct *t)
{
	return (__atomic_load_n(&t->sig_pending, __ATOMIC_SEQ_CST) &
		UTASK_SIGMASK(SIGKILL)) != 0;
}

int utask_exit_state(struct task_struct *t)
{
	return __atomic_load_n(&t->exit_state, __ATOMIC_SEQ_CST);
}

bool utask_sig_pending(struct task_struct *t, int sig)
{
	return (__atomic_load_n(&t->sig_pending, __ATOMIC_SEQ_CST) &
		UTASK_SIGMASK(sig)) != 0;
}

unsigned long utask_nr_wakeups(struct task_struct *t)
{
	unsigned long n;

	pthread_mutex_lock(&t->sched_lock);
	n = t->nr_wakeups;
	pthread_mutex_unlock(&t->sched_lock);
	return n;
}
