// SPDX-License-Identifier: GPL-2.0
/*
 * th.c - test harness for the utrace C core, see th.h.
 */
#include "th.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int th_in_child;
int th_released_total;
int th_attached_total;

/* ------------------------------------------------------------------ */
/* Failure reporting and the forked runner                            */

void th_fail(const char *file, int line, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;
	const char *base = strrchr(file, '/');

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	fflush(stdout);
	fprintf(stderr, "\nTH_FAIL: %s:%d: %s\n", base ? base + 1 : file, line, buf);
	fflush(stderr);
	_exit(1);
}

void th_report(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfprintf(stdout, fmt, ap);
	va_end(ap);
	fputc('\n', stdout);
	fflush(stdout);
}

const char *th_errname(long err)
{
	static __thread char buf[32];

	switch (err) {
	case 0: return "0";
	case -EINVAL: return "-EINVAL";
	case -EPERM: return "-EPERM";
	case -ENOMEM: return "-ENOMEM";
	case -EEXIST: return "-EEXIST";
	case -ESRCH: return "-ESRCH";
	case -ENOENT: return "-ENOENT";
	case -EALREADY: return "-EALREADY";
	case -EINPROGRESS: return "-EINPROGRESS";
	case -EOPNOTSUPP: return "-EOPNOTSUPP";
	case -ERESTARTSYS: return "-ERESTARTSYS";
	}
	snprintf(buf, sizeof(buf), "%ld", err);
	return buf;
}

double th_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void th_usleep(int us)
{
	struct timespec ts = { us / 1000000, (long)(us % 1000000) * 1000L };

	nanosleep(&ts, NULL);
}

void th_msleep(int ms)
{
	th_usleep(ms * 1000);
}

static void append(char *out, size_t outlen, size_t *n, const char *buf, size_t len)
{
	if (!out || !outlen)
		return;
	if (*n + len >= outlen) {
		/* keep the tail: drop the oldest half */
		size_t keep = outlen / 2;

		if (*n > keep) {
			memmove(out, out + (*n - keep), keep);
			*n = keep;
		}
		if (len >= outlen - *n)
			len = outlen - *n - 1;
	}
	memcpy(out + *n, buf, len);
	*n += len;
	out[*n] = 0;
}

int th_run_forked(void (*fn)(void *), void *arg, double timeout_s,
		  char *msg, size_t msglen, char *out, size_t outlen)
{
	int fds[2];
	pid_t pid;
	size_t n = 0;
	char buf[4096];
	static char local[1 << 16];
	double deadline = th_now() + timeout_s;
	int status = 0;
	bool exited = false, eof = false, killed = false;

	if (!out) {
		out = local;
		outlen = sizeof(local);
	}
	out[0] = 0;
	if (msg && msglen)
		msg[0] = 0;
	fflush(stdout);
	fflush(stderr);
	if (pipe(fds))
		return snprintf(msg, msglen, "pipe failed"), -1;
	pid = fork();
	if (pid < 0)
		return snprintf(msg, msglen, "fork failed"), -1;
	if (pid == 0) {
		close(fds[0]);
		dup2(fds[1], 1);
		dup2(fds[1], 2);
		close(fds[1]);
		setvbuf(stdout, NULL, _IOLBF, 0);
		th_in_child = 1;
		fn(arg);
		fflush(stdout);
		fflush(stderr);
		_exit(0);
	}
	close(fds[1]);
	fcntl(fds[0], F_SETFL, O_NONBLOCK);
	while (!(exited && eof)) {
		struct pollfd pfd = { fds[0], POLLIN, 0 };

		if (!eof && poll(&pfd, 1, 20) > 0) {
			ssize_t r = read(fds[0], buf, sizeof(buf));

			if (r > 0)
				append(out, outlen, &n, buf, (size_t)r);
			else if (r == 0)
				eof = true;
		} else if (eof) {
			th_usleep(1000);
		}
		if (!exited && waitpid(pid, &status, WNOHANG) == pid)
			exited = true;
		if (exited && !eof) {
			/* drain what is left */
			ssize_t r;

			while ((r = read(fds[0], buf, sizeof(buf))) > 0)
				append(out, outlen, &n, buf, (size_t)r);
			eof = true;
		}
		if (!exited && th_now() > deadline) {
			kill(pid, SIGKILL);
			waitpid(pid, &status, 0);
			exited = killed = true;
		}
	}
	close(fds[0]);
	if (killed) {
		snprintf(msg, msglen, "timeout: the child did not finish within %.0fs "
			 "(hang detected and killed)", timeout_s);
		return -1;
	}
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
		return 0;
	if (msg && msglen) {
		const char *f = strstr(out, "TH_FAIL: ");

		if (f) {
			const char *e = strchr(f, '\n');
			int len = e ? (int)(e - f) : (int)strlen(f);

			snprintf(msg, msglen, "%.*s", len, f + 9);
		} else if (WIFSIGNALED(status)) {
			const char *b = strstr(out, "BUG at ");

			if (!b)
				b = strstr(out, "utask: ");
			snprintf(msg, msglen, "child killed by signal %d%s%.200s",
				 WTERMSIG(status), b ? ": " : "", b ? b : "");
		} else {
			snprintf(msg, msglen, "child exited with status %d",
				 WIFEXITED(status) ? WEXITSTATUS(status) : -1);
		}
	}
	return -1;
}

/* ------------------------------------------------------------------ */
/* Tasks                                                              */

void th_register_task(struct task_struct *t);	/* wrap.c */

struct task_struct *th_task(const char *comm, unsigned int flags)
{
	struct task_struct *t = utask_create(comm, flags);

	CHECK_MSG(t, "utask_create(%s) failed", comm);
	th_register_task(t);
	return t;
}

struct task_struct *th_controller(const char *comm)
{
	struct task_struct *t = th_task(comm, 0);

	utask_bind_current(t);
	return t;
}

void th_check_unlocked_at(const char *file, int line, struct task_struct *t)
{
	spinlock_t *ul = th_ulock(t);

	if (ul && th_lock_try(ul))
		th_fail(file, line, "utrace->lock of %s is still held", t->comm);
	if (th_lock_try(&t->sighand->siglock))
		th_fail(file, line, "siglock of %s is still held", t->comm);
}

const char *th_inv_names(unsigned int bad)
{
	static __thread char buf[128];
	static const struct { unsigned int bit; const char *name; } n[] = {
		{ UTRACE_TEST_INV_I1, "I1" }, { UTRACE_TEST_INV_I2, "I2" },
		{ UTRACE_TEST_INV_I4, "I4" }, { UTRACE_TEST_INV_I5, "I5" },
		{ UTRACE_TEST_INV_I6, "I6" }, { UTRACE_TEST_INV_I7, "I7" },
		{ UTRACE_TEST_INV_I9, "I9" }, { UTRACE_TEST_INV_I11, "I11" },
		{ UTRACE_TEST_INV_I13, "I13" },
	};
	size_t i, len = 0;

	buf[0] = 0;
	for (i = 0; i < sizeof(n) / sizeof(n[0]); i++)
		if (bad & n[i].bit)
			len += (size_t)snprintf(buf + len, sizeof(buf) - len, "%s%s",
						len ? "," : "", n[i].name);
	return buf;
}

/* ------------------------------------------------------------------ */
/* Gates                                                              */

void th_gate_init(struct th_gate *g)
{
	pthread_mutex_init(&g->m, NULL);
	pthread_cond_init(&g->cv, NULL);
	g->entered = 0;
	g->open = 0;
}

static void th_gate_pass(struct th_gate *g)
{
	pthread_mutex_lock(&g->m);
	g->entered++;
	pthread_cond_broadcast(&g->cv);
	while (g->open <= 0)
		pthread_cond_wait(&g->cv, &g->m);
	g->open--;
	pthread_mutex_unlock(&g->m);
}

void th_gate_wait_entered(struct th_gate *g, int n, double timeout_s)
{
	double deadline = th_now() + timeout_s;

	pthread_mutex_lock(&g->m);
	while (g->entered < n) {
		struct timespec ts;

		if (th_now() > deadline) {
			pthread_mutex_unlock(&g->m);
			th_fail(__FILE__, __LINE__, "timeout waiting for a callback to enter its gate");
		}
		clock_gettime(CLOCK_REALTIME, &ts);
		ts.tv_nsec += 2000000;
		if (ts.tv_nsec >= 1000000000L) {
			ts.tv_nsec -= 1000000000L;
			ts.tv_sec++;
		}
		pthread_cond_timedwait(&g->cv, &g->m, &ts);
	}
	pthread_mutex_unlock(&g->m);
}

void th_gate_open(struct th_gate *g)
{
	pthread_mutex_lock(&g->m);
	g->open++;
	pthread_cond_broadcast(&g->cv);
	pthread_mutex_unlock(&g->m);
}

/* ------------------------------------------------------------------ */
/* Scripted engines                                                   */

const char *const th_cb_names[CB_N] = {
	"report_quiesce", "report_signal", "report_exec", "report_syscall_entry",
	"report_syscall_exit", "report_exit", "report_death", "report_reap"
};
static const char *const th_cb_tags[CB_N] = {
	"engine:report_quiesce", "engine:report_signal", "engine:report_exec",
	"engine:report_syscall_entry", "engine:report_syscall_exit",
	"engine:report_exit", "engine:report_death", "engine:report_reap"
};

static struct teng *TE(struct utrace_engine *e)
{
	return (struct teng *)e->data;
}

static void teng_enter(struct teng *te, enum th_cb cb)
{
	int n;

	if (__atomic_load_n(&te->released, __ATOMIC_SEQ_CST))
		__atomic_fetch_add(&te->callbacks_after_release, 1, __ATOMIC_SEQ_CST);
	if (__atomic_load_n(&te->data_freed, __ATOMIC_SEQ_CST)) {
		if (__atomic_fetch_add(&te->uaf, 1, __ATOMIC_SEQ_CST) == 0)
			snprintf(te->uaf_what, sizeof(te->uaf_what), "%s", th_cb_names[cb]);
	}
	n = __atomic_fetch_add(&te->nlog, 1, __ATOMIC_SEQ_CST);
	if (n < TH_LOG_MAX)
		te->log[n] = cb;
	if (te->hook)
		utrace_test_step(th_cb_tags[cb]);
	if (te->gate[cb])
		th_gate_pass(te->gate[cb]);
}

static u32 teng_ret(struct teng *te, enum th_cb cb, u32 neutral)
{
	int n = __atomic_fetch_add(&te->calls[cb], 1, __ATOMIC_SEQ_CST);

	if (n < te->nscript[cb])
		return te->script[cb][n];
	return neutral;
}

int teng_calls(struct teng *te, enum th_cb cb)
{
	return __atomic_load_n(&te->calls[cb], __ATOMIC_SEQ_CST);
}

static u32 te_quiesce(u32 action, struct utrace_engine *e, unsigned long event)
{
	struct teng *te = TE(e);

	te->last_action[CB_QUIESCE] = action;
	te->last_event = event;
	teng_enter(te, CB_QUIESCE);
	return teng_ret(te, CB_QUIESCE, UTRACE_RESUME);
}

static u32 te_signal(u32 action, struct utrace_engine *e, struct pt_regs *regs,
		     kernel_siginfo_t *info, const struct k_sigaction *orig_ka,
		     struct k_sigaction *return_ka)
{
	struct teng *te = TE(e);

	(void)regs;
	(void)info;
	(void)orig_ka;
	(void)return_ka;
	te->last_action[CB_SIGNAL] = action;
	teng_enter(te, CB_SIGNAL);
	return teng_ret(te, CB_SIGNAL, utrace_signal_action(action) | UTRACE_RESUME);
}

static u32 te_exec(u32 action, struct utrace_engine *e,
		   const struct linux_binprm *bprm, struct pt_regs *regs)
{
	struct teng *te = TE(e);

	(void)bprm;
	(void)regs;
	te->last_action[CB_EXEC] = action;
	teng_enter(te, CB_EXEC);
	return teng_ret(te, CB_EXEC, UTRACE_RESUME);
}

static u32 te_sysentry(u32 action, struct utrace_engine *e, struct pt_regs *regs)
{
	struct teng *te = TE(e);

	(void)regs;
	te->last_action[CB_SYSENTRY] = action;
	teng_enter(te, CB_SYSENTRY);
	return teng_ret(te, CB_SYSENTRY, UTRACE_SYSCALL_RUN | UTRACE_RESUME);
}

static u32 te_sysexit(u32 action, struct utrace_engine *e, struct pt_regs *regs)
{
	struct teng *te = TE(e);

	(void)regs;
	te->last_action[CB_SYSEXIT] = action;
	teng_enter(te, CB_SYSEXIT);
	return teng_ret(te, CB_SYSEXIT, UTRACE_RESUME);
}

static u32 te_exit(u32 action, struct utrace_engine *e, long orig_code, long *code)
{
	struct teng *te = TE(e);

	(void)orig_code;
	(void)code;
	te->last_action[CB_EXIT] = action;
	teng_enter(te, CB_EXIT);
	return teng_ret(te, CB_EXIT, UTRACE_RESUME);
}

static u32 te_death(struct utrace_engine *e, bool group_dead, int signal)
{
	struct teng *te = TE(e);
	u32 ret;

	(void)group_dead;
	(void)signal;
	__atomic_store_n(&te->in_death, 1, __ATOMIC_SEQ_CST);
	teng_enter(te, CB_DEATH);
	ret = teng_ret(te, CB_DEATH, UTRACE_RESUME);
	/* still "inside" report_death: the engine data is in use */
	if (__atomic_load_n(&te->data_freed, __ATOMIC_SEQ_CST) &&
	    __atomic_fetch_add(&te->uaf, 1, __ATOMIC_SEQ_CST) == 0)
		snprintf(te->uaf_what, sizeof(te->uaf_what), "report_death (end)");
	__atomic_store_n(&te->in_death, 0, __ATOMIC_SEQ_CST);
	return ret;
}

static void te_reap(struct utrace_engine *e, struct task_struct *task)
{
	struct teng *te = TE(e);

	(void)task;
	if (__atomic_load_n(&te->in_death, __ATOMIC_SEQ_CST))
		__atomic_fetch_add(&te->reap_during_death, 1, __ATOMIC_SEQ_CST);
	teng_enter(te, CB_REAP);
	(void)teng_ret(te, CB_REAP, 0);
}

static void te_release(void *data)
{
	struct teng *te = data;

	__atomic_fetch_add(&te->released, 1, __ATOMIC_SEQ_CST);
	__atomic_fetch_add(&th_released_total, 1, __ATOMIC_SEQ_CST);
}

const struct utrace_engine_ops th_plain_ops = {
	.report_quiesce = te_quiesce,
	.report_signal = te_signal,
	.report_exec = te_exec,
	.report_syscall_entry = te_sysentry,
	.report_syscall_exit = te_sysexit,
	.report_exit = te_exit,
	.report_death = te_death,
	.report_reap = te_reap,
	.release = te_release,
};

void teng_init(struct teng *te, const char *name)
{
	memset(te, 0, sizeof(*te));
	snprintf(te->name, sizeof(te->name), "%s", name);
	te->ops = th_plain_ops;
}

void teng_script(struct teng *te, enum th_cb cb, u32 ret)
{
	CHECK(te->nscript[cb] < TH_SCRIPT_MAX);
	te->script[cb][te->nscript[cb]++] = ret;
}

struct utrace_engine *th_attach(struct task_struct *t, struct teng *te,
				unsigned long events)
{
	struct utrace_engine *e;
	int ret;

	e = utrace_attach_task(t, UTRACE_ATTACH_CREATE, &te->ops, te);
	CHECK_OK_PTR(e);
	__atomic_fetch_add(&th_attached_total, 1, __ATOMIC_SEQ_CST);
	te->e = e;
	te->target = t;
	if (events) {
		ret = utrace_set_events(t, e, events);
		CHECK_MSG(ret == 0, "th_attach(%s): utrace_set_events = %s", te->name,
			  th_errname(ret));
	}
	return e;
}

/* ------------------------------------------------------------------ */
/* Tracee driver                                                      */

static void tracee_main(struct task_struct *t, void *arg)
{
	struct tracee *tr = arg;
	struct pt_regs regs = { 0, 0, 0, 0 };

	(void)t;
	for (;;) {
		enum th_cmd cmd;
		long res = 0;

		pthread_mutex_lock(&tr->m);
		while (tr->done == tr->seq)
			pthread_cond_wait(&tr->cv, &tr->m);
		cmd = tr->cmd;
		pthread_mutex_unlock(&tr->m);

		switch (cmd) {
		case TC_SYSCALL_ENTRY:
			res = utask_syscall_entry(&regs);
			break;
		case TC_SYSCALL_EXIT:
			utask_syscall_exit(&regs);
			break;
		case TC_EXEC:
			utask_exec();
			break;
		case TC_RETURN_TO_USER:
			res = utask_return_to_user(&regs, &tr->info);
			break;
		case TC_GET_SIGNAL: {
			struct k_sigaction ka;

			res = utask_get_signal(&regs, &tr->info, &ka);
			break;
		}
		case TC_EXIT:
			utask_exit(tr->exit_code);
			break;
		case TC_FN:
			tr->fn(tr, tr->fn_arg);
			break;
		case TC_QUIT:
		case TC_NONE:
			break;
		}
		pthread_mutex_lock(&tr->m);
		tr->result = res;
		tr->done++;
		pthread_cond_broadcast(&tr->cv);
		pthread_mutex_unlock(&tr->m);
		if (cmd == TC_QUIT)
			return;
	}
}

struct tracee *th_tracee_new(const char *comm)
{
	struct tracee *tr = calloc(1, sizeof(*tr));

	CHECK(tr);
	tr->t = th_task(comm, 0);
	pthread_mutex_init(&tr->m, NULL);
	pthread_cond_init(&tr->cv, NULL);
	CHECK_EQ(utask_start(tr->t, tracee_main, tr), 0);
	tr->started = true;
	return tr;
}

void th_tracee_post(struct tracee *tr, enum th_cmd cmd)
{
	pthread_mutex_lock(&tr->m);
	CHECK_MSG(tr->done == tr->seq, "tracee %s: command posted while busy", tr->t->comm);
	tr->cmd = cmd;
	tr->seq++;
	pthread_cond_broadcast(&tr->cv);
	pthread_mutex_unlock(&tr->m);
}

void th_tracee_post_fn(struct tracee *tr, void (*fn)(struct tracee *, void *), void *arg)
{
	tr->fn = fn;
	tr->fn_arg = arg;
	th_tracee_post(tr, TC_FN);
}

bool th_tracee_idle(struct tracee *tr)
{
	bool idle;

	pthread_mutex_lock(&tr->m);
	idle = tr->done == tr->seq;
	pthread_mutex_unlock(&tr->m);
	return idle;
}

void th_tracee_wait_idle_at(const char *file, int line, struct tracee *tr, double timeout_s)
{
	double deadline = th_now() + timeout_s;

	while (!th_tracee_idle(tr)) {
		if (th_now() > deadline)
			th_fail(file, line, "timeout (%.0fs): tracee %s did not finish its command "
				"(state %#x, utraced %d): hang or leaked stop", timeout_s,
				tr->t->comm, utask_state(tr->t), utask_is_utraced(tr->t));
		th_usleep(50);
	}
}

long th_tracee_do(struct tracee *tr, enum th_cmd cmd)
{
	th_tracee_post(tr, cmd);
	th_tracee_wait_idle(tr);
	return tr->result;
}

void th_wait_utraced_at(const char *file, int line, struct task_struct *t, double timeout_s)
{
	double deadline = th_now() + timeout_s;

	/* utraced and asleep: TASK_UTRACED set, not woken */
	while (!(utask_state(t) & __TASK_UTRACED)) {
		if (th_now() > deadline)
			th_fail(file, line, "timeout (%.0fs): %s never utrace-stopped (state %#x)",
				timeout_s, t->comm, utask_state(t));
		th_usleep(50);
	}
	/* let it drop the locks and reach schedule() */
	for (;;) {
		spinlock_t *ul = th_ulock(t);

		if ((!ul || th_lock_try(ul) == 0) && th_lock_try(&t->sighand->siglock) == 0)
			break;
		if (th_now() > deadline)
			th_fail(file, line, "timeout: %s keeps its locks while stopping", t->comm);
		th_usleep(50);
	}
}

void th_tracee_quit(struct tracee *tr)
{
	if (!tr->started)
		return;
	th_tracee_wait_idle(tr);
	th_tracee_post(tr, TC_QUIT);
	th_tracee_wait_idle(tr);
	utask_join(tr->t);
	tr->started = false;
}

void th_tracee_finish(struct tracee *tr)
{
	struct utrace_test_state st;

	if (tr->started && !utask_exit_state(tr->t))
		th_tracee_do(tr, TC_EXIT);
	th_tracee_quit(tr);
	if (utask_exit_state(tr->t) != EXIT_DEAD)
		utask_release(tr->t);
	utrace_test_get_state(tr->t, &st);
	CHECK_MSG(st.nr_attached == 0 && st.nr_attaching == 0,
		  "%s: engines still linked after release (%d attached, %d attaching)",
		  tr->t->comm, st.nr_attached, st.nr_attaching);
	CHECK_HEX(utask_utrace_flags(tr->t), 0);
	th_task_unregister(tr->t);
	utask_destroy(tr->t);
	free(tr);
}

/* ------------------------------------------------------------------ */
/* Snapshots                                                          */

void th_snap_take(struct th_snap *s, struct task_struct *t,
		  struct utrace_engine *const *engs, int n)
{
	int i;

	memset(s, 0, sizeof(*s));
	s->uflags = utask_utrace_flags(t);
	s->tstate = utask_state(t);
	s->tif = __atomic_load_n(&t->tif, __ATOMIC_SEQ_CST);
	s->exit_state = utask_exit_state(t);
	utrace_test_get_state(t, &s->st);
	s->inv = utrace_test_check_invariants(t);
	s->neng = n < TH_SNAP_ENG ? n : TH_SNAP_ENG;
	for (i = 0; i < s->neng; i++) {
		s->eng[i].state = utrace_test_engine_state(engs[i]);
		s->eng[i].flags = utrace_test_engine_flags(engs[i]);
		s->eng[i].refs = utrace_test_engine_refs(engs[i]);
	}
	s->released_total = __atomic_load_n(&th_released_total, __ATOMIC_SEQ_CST);
}

void th_snap_same_at(const char *file, int line, const struct th_snap *a,
		     const struct th_snap *b, const char *what)
{
	char diff[768];
	size_t n = 0;
	int i;

#define D(cond, ...) do { if (cond) n += (size_t)snprintf(diff + n, sizeof(diff) - n, __VA_ARGS__); } while (0)
	diff[0] = 0;
	D(a->uflags != b->uflags, " utrace_flags %#lx->%#lx", a->uflags, b->uflags);
	D(a->tstate != b->tstate, " state %#x->%#x", a->tstate, b->tstate);
	D(a->tif != b->tif, " tif %#lx->%#lx", a->tif, b->tif);
	D(a->exit_state != b->exit_state, " exit_state %d->%d", a->exit_state, b->exit_state);
	D(a->st.resume != b->st.resume, " resume %u->%u", a->st.resume, b->st.resume);
	D(a->st.pending_attach != b->st.pending_attach, " pending_attach");
	D(a->st.signal_handler != b->st.signal_handler, " signal_handler");
	D(a->st.death != b->st.death, " death");
	D(a->st.reap != b->st.reap, " reap");
	D(a->st.reporting != b->st.reporting, " reporting");
	D(a->st.nr_attached != b->st.nr_attached, " nr_attached %d->%d",
	  a->st.nr_attached, b->st.nr_attached);
	D(a->st.nr_attaching != b->st.nr_attaching, " nr_attaching %d->%d",
	  a->st.nr_attaching, b->st.nr_attaching);
	D(a->inv != b->inv, " invariants %#x->%#x", a->inv, b->inv);
	D(a->released_total != b->released_total, " release() calls %d->%d",
	  a->released_total, b->released_total);
	for (i = 0; i < a->neng && i < b->neng; i++) {
		D(a->eng[i].state != b->eng[i].state, " engine%d state %d->%d", i,
		  a->eng[i].state, b->eng[i].state);
		D(a->eng[i].flags != b->eng[i].flags, " engine%d flags %#lx->%#lx", i,
		  a->eng[i].flags, b->eng[i].flags);
		D(a->eng[i].refs != b->eng[i].refs, " engine%d refs %d->%d", i,
		  a->eng[i].refs, b->eng[i].refs);
	}
#undef D
	if (n)
		th_fail(file, line, "state changed by %s:%s", what, diff);
	if (b->inv)
		th_fail(file, line, "invariant broken after %s: %s", what, th_inv_names(b->inv));
}

const char *th_estate(struct utrace_engine *e)
{
	switch (utrace_test_engine_state(e)) {
	case UTRACE_TEST_ENGINE_LIVE: return "LIVE";
	case UTRACE_TEST_ENGINE_DETACHED: return "DETACHED";
	case UTRACE_TEST_ENGINE_GONE: return "GONE";
	}
	return "?";
}
