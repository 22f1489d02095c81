// SPDX-License-Identifier: GPL-2.0
/*
 * wrap.c - link-time wrappers around the blocking points utrace.c calls
 *
 * Test binaries are linked with
 *   -Wl,--wrap=spin_lock,--wrap=spin_unlock,--wrap=schedule,
 *       --wrap=schedule_timeout_interruptible
 * which redirects the calls made by utrace.o (an undefined reference there)
 * to the functions below; env_user.c's own internal calls are not
 * redirected.  Nothing in src/ is changed.  The wrappers give:
 *
 *  - the lock invariant (utrace_test_check_invariants) checked at the end
 *    of EVERY utrace->lock critical section, i.e. just before each unlock,
 *    while the lock is still held (the check's own lock/unlock of that
 *    lock are skipped by a per-thread re-entrancy marker);
 *  - the deterministic scheduler (sched.c) sees a thread that would block
 *    on a lock or sleep in schedule(), so it can run another thread.
 */
#include "th.h"
#include "tsched.h"

void __real_spin_lock(spinlock_t *lock);
void __real_spin_unlock(spinlock_t *lock);
void __real_schedule(void);
long __real_schedule_timeout_interruptible(long timeout);
void __wrap_spin_lock(spinlock_t *lock);
void __wrap_spin_unlock(spinlock_t *lock);
void __wrap_schedule(void);
long __wrap_schedule_timeout_interruptible(long timeout);

int th_inv_enabled = 1;
void (*th_step_hook)(const char *tag);

static __thread spinlock_t *tl_reentrant;
static __thread int tl_probe;
static __thread spinlock_t *tl_probe_lock;

static unsigned long inv_checks, inv_violations, lock_ops;
static char inv_first[512];
static pthread_mutex_t inv_first_lock = PTHREAD_MUTEX_INITIALIZER;

/* ------------------------------------------------------------------ */
/* Registry: utrace->lock address -> task                             */

#define TH_REG_MAX 256
static struct {
	struct task_struct *task;
	spinlock_t *ulock;
} reg[TH_REG_MAX];

void th_register_task(struct task_struct *t)
{
	int i;
	spinlock_t *ul;

	/* Learn the address of t's utrace->lock from the wrapper. */
	tl_probe = 1;
	tl_probe_lock = NULL;
	task_utrace_lock(t);
	ul = tl_probe_lock;
	tl_probe = 0;
	task_utrace_unlock(t);
	if (!ul)
		th_fail(__FILE__, __LINE__, "cannot learn utrace->lock of %s "
			"(binary not linked with --wrap=spin_lock?)", t->comm);
	for (i = 0; i < TH_REG_MAX; i++) {
		struct task_struct *none = NULL;

		if (__atomic_load_n(&reg[i].task, __ATOMIC_ACQUIRE))
			continue;
		__atomic_store_n(&reg[i].ulock, ul, __ATOMIC_RELAXED);
		if (__atomic_compare_exchange_n(&reg[i].task, &none, t, false,
						__ATOMIC_RELEASE, __ATOMIC_RELAXED))
			return;
	}
	th_fail(__FILE__, __LINE__, "task registry full");
}

void th_task_unregister(struct task_struct *t)
{
	int i;

	for (i = 0; i < TH_REG_MAX; i++)
		if (__atomic_load_n(&reg[i].task, __ATOMIC_ACQUIRE) == t) {
			__atomic_store_n(&reg[i].ulock, NULL, __ATOMIC_RELAXED);
			__atomic_store_n(&reg[i].task, NULL, __ATOMIC_RELEASE);
		}
}

static struct task_struct *reg_task_of(spinlock_t *l)
{
	int i;

	for (i = 0; i < TH_REG_MAX; i++) {
		struct task_struct *t = __atomic_load_n(&reg[i].task, __ATOMIC_ACQUIRE);

		if (t && __atomic_load_n(&reg[i].ulock, __ATOMIC_RELAXED) == l)
			return t;
	}
	return NULL;
}

spinlock_t *th_ulock(struct task_struct *t)
{
	int i;

	for (i = 0; i < TH_REG_MAX; i++)
		if (__atomic_load_n(&reg[i].task, __ATOMIC_ACQUIRE) == t)
			return __atomic_load_n(&reg[i].ulock, __ATOMIC_RELAXED);
	return NULL;
}

const char *th_lock_name(spinlock_t *l)
{
	static __thread char buf[64];
	int i;

	for (i = 0; i < TH_REG_MAX; i++) {
		struct task_struct *t = __atomic_load_n(&reg[i].task, __ATOMIC_ACQUIRE);

		if (!t)
			continue;
		if (__atomic_load_n(&reg[i].ulock, __ATOMIC_RELAXED) == l) {
			snprintf(buf, sizeof(buf), "utrace->lock of %s", t->comm);
			return buf;
		}
		if (&t->sighand->siglock == l) {
			snprintf(buf, sizeof(buf), "siglock of %s", t->comm);
			return buf;
		}
	}
	snprintf(buf, sizeof(buf), "lock %p", (void *)l);
	return buf;
}

int th_lock_try(spinlock_t *l)
{
	if (pthread_mutex_trylock(&l->m))
		return 1;
	pthread_mutex_unlock(&l->m);
	return 0;
}

/* ------------------------------------------------------------------ */
/* Invariant statistics                                               */

unsigned long th_inv_checks(void)
{
	return __atomic_load_n(&inv_checks, __ATOMIC_SEQ_CST);
}

unsigned long th_inv_violations(void)
{
	return __atomic_load_n(&inv_violations, __ATOMIC_SEQ_CST);
}

const char *th_inv_first(void)
{
	return inv_first;
}

unsigned long th_lock_ops(void)
{
	return __atomic_load_n(&lock_ops, __ATOMIC_RELAXED);
}

void th_inv_reset(void)
{
	__atomic_store_n(&inv_checks, 0, __ATOMIC_SEQ_CST);
	__atomic_store_n(&inv_violations, 0, __ATOMIC_SEQ_CST);
	inv_first[0] = 0;
}

static void inv_check(struct task_struct *t, spinlock_t *l)
{
	unsigned int bad;

	tl_reentrant = l;
	bad = utrace_test_check_invariants(t);
	tl_reentrant = NULL;
	__atomic_fetch_add(&inv_checks, 1, __ATOMIC_RELAXED);
	if (bad) {
		if (__atomic_fetch_add(&inv_violations, 1, __ATOMIC_SEQ_CST) == 0) {
			pthread_mutex_lock(&inv_first_lock);
			snprintf(inv_first, sizeof(inv_first),
				 "%s broken at the end of a utrace->lock critical section "
				 "of %s (thread %s, last step %s)",
				 th_inv_names(bad), t->comm,
				 current ? current->comm : "?", sched_last_tag());
			pthread_mutex_unlock(&inv_first_lock);
		}
	}
}

/* ------------------------------------------------------------------ */
/* The wrappers                                                       */

void __wrap_spin_lock(spinlock_t *lock)
{
	if (lock == tl_reentrant)
		return;
	if (tl_probe)
		tl_probe_lock = lock;
	__atomic_fetch_add(&lock_ops, 1, __ATOMIC_RELAXED);
	if (sched_lock(lock))
		return;
	__real_spin_lock(lock);
	sched_locked(lock);
}

void __wrap_spin_unlock(spinlock_t *lock)
{
	struct task_struct *t;

	if (lock == tl_reentrant)
		return;
	if (th_inv_enabled && (t = reg_task_of(lock)) != NULL)
		inv_check(t, lock);
	sched_unlocked(lock);
	__real_spin_unlock(lock);
}

void __wrap_schedule(void)
{
	if (sched_sleep_begin()) {
		__real_schedule();
		sched_sleep_end();
		return;
	}
	__real_schedule();
}

long __wrap_schedule_timeout_interruptible(long timeout)
{
	/* Under the scheduler the interleaving is explicit: no real sleep. */
	if (sched_active_self())
		return 0;
	return __real_schedule_timeout_interruptible(timeout);
}

void utrace_test_step(const char *tag)
{
	if (th_step_hook)
		th_step_hook(tag);
	sched_hook(tag);
}
