// SPDX-License-Identifier: GPL-2.0
/*
 * tsched.c - deterministic test scheduler, see tsched.h and tests/README.md.
 *
 * Protocol between the director (the thread calling sched_run) and the
 * participants, all under S.m:
 *   - a participant stops (P_PARKED in a hook, P_ASLEEP before schedule(),
 *     P_LOCKWAIT before a busy lock, P_RUNNABLE at its start or after a
 *     wake-up, P_DONE at its end), broadcasts, and waits for p->go;
 *   - the director picks one participant, sets st = P_RUNNING and go,
 *     broadcasts, and waits (bounded) until st != P_RUNNING.
 * So at most one participant runs at any time, and which one runs next
 * is decided only by the schedule and the "run" policy: the interleaving
 * at the step boundaries is exactly the schedule.
 */
#include "tsched.h"

#include <ctype.h>
#include <time.h>

#if defined(__has_include)
# if __has_include("spec_tags.h")
#  define HAVE_SPEC_TAGS 1
# endif
#endif

static const char *const spec_tags[] = {
#ifdef HAVE_SPEC_TAGS
# include "spec_tags.h"
#endif
	NULL
};

enum { E_STEP, E_ANY, E_UNTIL, E_RUN };

struct entry {
	int kind;
	int line;
	bool lenient;
	char who[8];
	char tag[128];
	char run[SCHED_MAXP][8];
	int nrun;
};

struct part {
	char name[8];
	struct task_struct *task;
	void (*fn)(void *);
	void *arg;
	enum sched_pstate st;
	const char *tag;	/* P_PARKED: next step; P_ASLEEP: step it sleeps in */
	spinlock_t *lockwait;
	bool go;
	bool spinning;		/* polling utrace_barrier, yields to others */
	bool joined;
	spinlock_t *held[8];
	int nheld;
	int nsteps;
};

struct rec {
	short who;
	const char *tag;
};

static struct {
	pthread_mutex_t m;
	pthread_cond_t cv;
	struct part p[SCHED_MAXP];
	int np;
	bool active, free;
	enum sched_status status;
	struct entry *ent;
	int nent, entcap;
	char *trace;
	size_t tlen, tcap;
	struct rec *rec;
	int nrec, reccap;
	char err[2048];
	char skipped[4096];
	size_t slen;
	char desc[1024];
} S = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, .np = 0 };

static __thread struct part *self;

/* ------------------------------------------------------------------ */

bool sched_is_spec_tag(const char *tag)
{
	int i;

	for (i = 0; spec_tags[i]; i++)
		if (!strcmp(spec_tags[i], tag))
			return true;
	return false;
}

static bool known_tag(const char *tag)
{
	return sched_is_spec_tag(tag) || !strncmp(tag, "engine:", 7) ||
	       !strncmp(tag, "user:", 5) || !strncmp(tag, "test:", 5);
}

static const char *state_name(enum sched_pstate st)
{
	static const char *const n[] = { "none", "new", "runnable", "parked",
		"asleep", "lockwait", "running", "done" };

	return n[st];
}

const char *sched_status_name(enum sched_status s)
{
	static const char *const n[] = { "ok", "error", "livelock", "hang", "deadlock" };

	return n[s];
}

static void fail(enum sched_status st, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static const char *describe_locked(void);

static void fail(enum sched_status st, const char *fmt, ...)
{
	va_list ap;
	size_t n;

	if (S.status != SCHED_OK)
		return;
	S.status = st;
	va_start(ap, fmt);
	n = (size_t)vsnprintf(S.err, sizeof(S.err), fmt, ap);
	va_end(ap);
	if (n < sizeof(S.err))
		snprintf(S.err + n, sizeof(S.err) - n, " [%s]", describe_locked());
}

static struct part *find(const char *name)
{
	int i;

	for (i = 0; i < S.np; i++)
		if (!strcmp(S.p[i].name, name))
			return &S.p[i];
	return NULL;
}

static struct part *holder_of(spinlock_t *l)
{
	int i, j;

	for (i = 0; i < S.np; i++)
		for (j = 0; j < S.p[i].nheld; j++)
			if (S.p[i].held[j] == l)
				return &S.p[i];
	return NULL;
}

static const char *describe_locked(void)
{
	size_t n = 0;
	int i, j;

	S.desc[0] = 0;
	for (i = 0; i < S.np; i++) {
		struct part *p = &S.p[i];

		n += (size_t)snprintf(S.desc + n, sizeof(S.desc) - n, "%s%s: %s", i ? "; " : "",
				      p->name, state_name(p->st));
		if (n >= sizeof(S.desc))
			break;
		if (p->st == P_PARKED)
			n += (size_t)snprintf(S.desc + n, sizeof(S.desc) - n, " at %s", p->tag);
		else if (p->st == P_ASLEEP)
			n += (size_t)snprintf(S.desc + n, sizeof(S.desc) - n, " in %s", p->tag);
		else if (p->st == P_LOCKWAIT)
			n += (size_t)snprintf(S.desc + n, sizeof(S.desc) - n, " for %s",
					      th_lock_name(p->lockwait));
		for (j = 0; j < p->nheld && n < sizeof(S.desc); j++)
			n += (size_t)snprintf(S.desc + n, sizeof(S.desc) - n, "%s%s",
					      j ? ", " : " holding ", th_lock_name(p->held[j]));
		if (n >= sizeof(S.desc))
			break;
	}
	return S.desc;
}

const char *sched_describe(void)
{
	const char *d;

	pthread_mutex_lock(&S.m);
	d = describe_locked();
	pthread_mutex_unlock(&S.m);
	return d;
}

static void trace_add(struct part *p, const char *what)
{
	char line[128];
	int len;

	len = snprintf(line, sizeof(line), "%4d  %-3s %s\n", S.nrec + 1, p->name, what);
	if (S.tlen + (size_t)len + 1 > S.tcap) {
		S.tcap = S.tcap ? 2 * S.tcap : 8192;
		S.trace = realloc(S.trace, S.tcap);
	}
	memcpy(S.trace + S.tlen, line, (size_t)len + 1);
	S.tlen += (size_t)len;
	if (S.nrec == S.reccap) {
		S.reccap = S.reccap ? 2 * S.reccap : 1024;
		S.rec = realloc(S.rec, (size_t)S.reccap * sizeof(*S.rec));
	}
	S.rec[S.nrec].who = (short)(p - S.p);
	S.rec[S.nrec].tag = what;
	S.nrec++;
}

/* ------------------------------------------------------------------ */
/* Participant side                                                   */

/* S.m held */
static void wait_grant(struct part *p)
{
	while (!p->go && !S.free)
		pthread_cond_wait(&S.cv, &S.m);
	p->go = false;
	p->st = P_RUNNING;
}

static void tramp(struct task_struct *t, void *arg)
{
	struct part *p = arg;

	(void)t;
	self = p;
	pthread_mutex_lock(&S.m);
	p->st = P_RUNNABLE;
	pthread_cond_broadcast(&S.cv);
	wait_grant(p);
	pthread_mutex_unlock(&S.m);
	p->fn(p->arg);
	pthread_mutex_lock(&S.m);
	p->st = P_DONE;
	pthread_cond_broadcast(&S.cv);
	pthread_mutex_unlock(&S.m);
}

void sched_hook(const char *tag)
{
	struct part *p = self;

	if (!p)
		return;
	pthread_mutex_lock(&S.m);
	p->tag = tag;
	if (S.active && !S.free) {
		p->st = P_PARKED;
		pthread_cond_broadcast(&S.cv);
		wait_grant(p);
	}
	pthread_mutex_unlock(&S.m);
}

void sched_point(const char *tag)
{
	sched_hook(tag);
}

int sched_active_self(void)
{
	struct part *p = self;
	int a;

	if (!p)
		return 0;
	pthread_mutex_lock(&S.m);
	a = S.active && !S.free;
	pthread_mutex_unlock(&S.m);
	return a;
}

const char *sched_last_tag(void)
{
	struct part *p = self;

	return p && p->tag ? p->tag : "-";
}

static void note_held(struct part *p, spinlock_t *l)
{
	if (p->nheld < (int)(sizeof(p->held) / sizeof(p->held[0])))
		p->held[p->nheld++] = l;
}

int sched_lock(spinlock_t *l)
{
	struct part *p = self;
	int i;

	if (!p)
		return 0;
	pthread_mutex_lock(&S.m);
	if (!S.active || S.free) {
		pthread_mutex_unlock(&S.m);
		return 0;
	}
	if (pthread_mutex_trylock(&l->m) == 0) {
		note_held(p, l);
		pthread_mutex_unlock(&S.m);
		return 1;
	}
	for (i = 0; i < p->nheld; i++)
		if (p->held[i] == l) {
			/* Self-deadlock: let the real lock report it (EDEADLK). */
			pthread_mutex_unlock(&S.m);
			return 0;
		}
	p->st = P_LOCKWAIT;
	p->lockwait = l;
	pthread_cond_broadcast(&S.cv);
	wait_grant(p);
	p->lockwait = NULL;
	if (S.free) {
		pthread_mutex_unlock(&S.m);
		return 0;
	}
	if (pthread_mutex_trylock(&l->m) != 0) {
		fail(SCHED_ERROR, "%s was granted %s but it is still held", p->name,
		     th_lock_name(l));
		pthread_mutex_unlock(&S.m);
		return 0;
	}
	note_held(p, l);
	pthread_mutex_unlock(&S.m);
	return 1;
}

void sched_locked(spinlock_t *l)
{
	struct part *p = self;

	if (!p)
		return;
	pthread_mutex_lock(&S.m);
	note_held(p, l);
	pthread_mutex_unlock(&S.m);
}

void sched_unlocked(spinlock_t *l)
{
	struct part *p = self;
	int i;

	if (!p)
		return;
	pthread_mutex_lock(&S.m);
	for (i = 0; i < p->nheld; i++)
		if (p->held[i] == l) {
			p->held[i] = p->held[--p->nheld];
			break;
		}
	pthread_mutex_unlock(&S.m);
}

int sched_sleep_begin(void)
{
	struct part *p = self;

	if (!p)
		return 0;
	pthread_mutex_lock(&S.m);
	if (!S.active || S.free) {
		pthread_mutex_unlock(&S.m);
		return 0;
	}
	p->st = P_ASLEEP;
	pthread_cond_broadcast(&S.cv);
	pthread_mutex_unlock(&S.m);
	return 1;
}

void sched_sleep_end(void)
{
	struct part *p = self;

	pthread_mutex_lock(&S.m);
	if (S.active && !S.free) {
		p->st = P_RUNNABLE;
		pthread_cond_broadcast(&S.cv);
		wait_grant(p);
	} else {
		p->st = P_RUNNING;
	}
	pthread_mutex_unlock(&S.m);
}

/* ------------------------------------------------------------------ */
/* Setup                                                              */

void sched_reset(void)
{
	pthread_mutex_lock(&S.m);
	memset(S.p, 0, sizeof(S.p));
	S.np = 0;
	S.active = S.free = false;
	S.status = SCHED_OK;
	S.nent = 0;
	S.tlen = 0;
	if (S.trace)
		S.trace[0] = 0;
	S.nrec = 0;
	S.err[0] = 0;
	S.skipped[0] = 0;
	S.slen = 0;
	pthread_mutex_unlock(&S.m);
}

void sched_add(const char *name, struct task_struct *t, void (*fn)(void *), void *arg)
{
	struct part *p;

	pthread_mutex_lock(&S.m);
	CHECK(S.np < SCHED_MAXP);
	p = &S.p[S.np++];
	memset(p, 0, sizeof(*p));
	snprintf(p->name, sizeof(p->name), "%s", name);
	p->task = t;
	p->fn = fn;
	p->arg = arg;
	p->st = P_NEW;
	pthread_mutex_unlock(&S.m);
	CHECK_EQ(utask_start(t, tramp, p), 0);
}

static void skip_note(int line, const char *why, const char *text)
{
	S.slen += (size_t)snprintf(S.skipped + S.slen, sizeof(S.skipped) - S.slen,
				   "line %d skipped (%s): %s\n", line, why, text);
	if (S.slen >= sizeof(S.skipped))
		S.slen = sizeof(S.skipped) - 1;
}

/* Every '|'-separated alternative is a known step tag. */
static bool tags_known(const char *alts)
{
	char buf[128], *t, *save = NULL;

	snprintf(buf, sizeof(buf), "%s", alts);
	for (t = strtok_r(buf, "|", &save); t; t = strtok_r(NULL, "|", &save))
		if (!strchr(t, ':') || !known_tag(t))
			return false;
	return true;
}

static struct entry *new_entry(void)
{
	if (S.nent == S.entcap) {
		S.entcap = S.entcap ? 2 * S.entcap : 64;
		S.ent = realloc(S.ent, (size_t)S.entcap * sizeof(*S.ent));
	}
	memset(&S.ent[S.nent], 0, sizeof(S.ent[0]));
	return &S.ent[S.nent++];
}

int sched_parse(const char *text, bool lenient, char *err, size_t errlen)
{
	const char *s = text;
	int lineno = 0;

	while (*s) {
		char line[512], copy[512], *tok[16], *save = NULL, *c;
		const char *e = strchr(s, '\n');
		size_t len = e ? (size_t)(e - s) : strlen(s);
		int nt = 0, i = 0;
		struct entry *en;

		lineno++;
		if (len >= sizeof(line))
			len = sizeof(line) - 1;
		memcpy(line, s, len);
		line[len] = 0;
		s = e ? e + 1 : s + len;
		if ((c = strchr(line, '#')))
			*c = 0;
		snprintf(copy, sizeof(copy), "%s", line);
		for (c = strtok_r(line, " \t\r", &save); c && nt < 16; c = strtok_r(NULL, " \t\r", &save))
			tok[nt++] = c;
		if (!nt || !strncmp(tok[0], "***", 3))
			continue;
		if (isdigit((unsigned char)tok[0][0])) {
			char *end;

			strtol(tok[0], &end, 10);
			if (*end == 0)
				i = 1;	/* the trail's step number */
		}
		if (i >= nt)
			continue;
		if (!strcmp(tok[i], "run")) {
			en = new_entry();
			en->kind = E_RUN;
			en->line = lineno;
			for (i++; i < nt && en->nrun < SCHED_MAXP; i++)
				snprintf(en->run[en->nrun++], sizeof(en->run[0]), "%s", tok[i]);
			continue;
		}
		if (i + 1 >= nt) {
			snprintf(err, errlen, "line %d: '%s': missing step", lineno, copy);
			return -1;
		}
		en = new_entry();
		en->line = lineno;
		en->lenient = lenient;
		snprintf(en->who, sizeof(en->who), "%s", tok[i]);
		if (!strcmp(tok[i + 1], "*")) {
			en->kind = E_ANY;
			continue;
		}
		if (!strcmp(tok[i + 1], "->")) {
			if (i + 2 >= nt) {
				snprintf(err, errlen, "line %d: '->' needs a tag", lineno);
				return -1;
			}
			en->kind = E_UNTIL;
			snprintf(en->tag, sizeof(en->tag), "%s", tok[i + 2]);
		} else {
			en->kind = E_STEP;
			snprintf(en->tag, sizeof(en->tag), "%s", tok[i + 1]);
		}
		if (!tags_known(en->tag)) {
			S.nent--;
			if (lenient) {
				skip_note(lineno, "no such step in the C code", copy);
				continue;
			}
			snprintf(err, errlen, "line %d: '%s' is not a step tag of docs/protocol.md "
				 "(nor engine:/user:/test:)", lineno, tok[i + 1 + (en->kind == E_UNTIL)]);
			return -1;
		}
	}
	return 0;
}

/* ------------------------------------------------------------------ */
/* Director                                                           */

/* "a|b|c": p is parked at one of them */
static bool tag_in(const char *tag, const char *alts)
{
	size_t n = strlen(tag);
	const char *s = alts;

	while (s && *s) {
		const char *e = strchr(s, '|');
		size_t len = e ? (size_t)(e - s) : strlen(s);

		if (len == n && !strncmp(s, tag, n))
			return true;
		s = e ? e + 1 : NULL;
	}
	return false;
}

static int wait_change(struct part *p, enum sched_pstate from, double timeout_s)
{
	double deadline = th_now() + timeout_s;

	while (p->st == from) {
		struct timespec ts;

		if (th_now() > deadline)
			return -1;
		clock_gettime(CLOCK_REALTIME, &ts);
		ts.tv_nsec += 1000000;
		if (ts.tv_nsec >= 1000000000L) {
			ts.tv_nsec -= 1000000000L;
			ts.tv_sec++;
		}
		pthread_cond_timedwait(&S.cv, &S.m, &ts);
	}
	return 0;
}

static bool woken(struct part *p)
{
	return utask_state(p->task) == TASK_RUNNING;
}

static bool eligible(struct part *p)
{
	switch (p->st) {
	case P_NEW:
	case P_RUNNABLE:
	case P_PARKED:
		return true;
	case P_LOCKWAIT:
		return th_lock_try(p->lockwait) == 0;
	case P_ASLEEP:
		return woken(p);
	default:
		return false;
	}
}

/* Let p execute one step.  S.m held.  0 or -1 (S.status set). */
static int exec_step(struct part *p)
{
	const char *what;

	if (p->st == P_NEW && wait_change(p, P_NEW, SCHED_STEP_TIMEOUT)) {
		fail(SCHED_HANG, "%s never started", p->name);
		return -1;
	}
	switch (p->st) {
	case P_PARKED:
		what = p->tag;
		break;
	case P_RUNNABLE:
		what = p->nsteps ? "(woken)" : "(start)";
		break;
	case P_LOCKWAIT:
		if (th_lock_try(p->lockwait)) {
			struct part *h = holder_of(p->lockwait);

			fail(SCHED_ERROR, "%s cannot go on: it needs %s, held by %s%s%s",
			     p->name, th_lock_name(p->lockwait), h ? h->name : "a non-participant",
			     h && h->st == P_PARKED ? " parked at " : "",
			     h && h->st == P_PARKED ? h->tag : "");
			return -1;
		}
		what = "(lock)";
		break;
	case P_ASLEEP:
		if (!woken(p)) {
			fail(SCHED_ERROR, "%s is asleep in schedule() (%s) and nobody woke it",
			     p->name, p->tag);
			return -1;
		}
		if (wait_change(p, P_ASLEEP, SCHED_STEP_TIMEOUT)) {
			fail(SCHED_HANG, "%s was woken but did not come back from schedule()", p->name);
			return -1;
		}
		what = "(woken)";
		break;
	case P_DONE:
		fail(SCHED_ERROR, "%s has already finished", p->name);
		return -1;
	default:
		fail(SCHED_ERROR, "%s in unexpected state %s", p->name, state_name(p->st));
		return -1;
	}
	trace_add(p, what);
	p->go = true;
	p->st = P_RUNNING;
	pthread_cond_broadcast(&S.cv);
	if (wait_change(p, P_RUNNING, SCHED_STEP_TIMEOUT)) {
		fail(SCHED_HANG, "%s did not reach its next step within %.0fs after %s: blocked "
		     "where the scheduler cannot see it (tasklist_lock, an env sleep, or a lock "
		     "held by a non-participant)", p->name, SCHED_STEP_TIMEOUT, what);
		return -1;
	}
	p->nsteps++;
	return S.status == SCHED_OK ? 0 : -1;
}

static bool is_barrier_poll(const char *tag)
{
	return tag && !strncmp(tag, "utrace_barrier:", 15);
}

static int run_policy(struct part **list, int n, int line)
{
	int steps = 0;

	for (;;) {
		struct part *pick = NULL;
		const char *what;
		int pass, i;

		for (pass = 0; pass < 2 && !pick; pass++)
			for (i = 0; i < n; i++) {
				if (!eligible(list[i]))
					continue;
				if (pass == 0 && list[i]->spinning)
					continue;
				pick = list[i];
				break;
			}
		if (!pick) {
			for (i = 0; i < n; i++)
				if (list[i]->st == P_LOCKWAIT) {
					struct part *h = holder_of(list[i]->lockwait);

					fail(SCHED_DEADLOCK, "line %d: run: nobody can go on; %s needs %s held by %s",
					     line, list[i]->name, th_lock_name(list[i]->lockwait),
					     h ? h->name : "a non-participant");
					return -1;
				}
			return 0;
		}
		what = pick->st == P_PARKED ? pick->tag : NULL;
		if (exec_step(pick))
			return -1;
		if (what && !strcmp(what, "utrace_barrier:wait")) {
			pick->spinning = true;
		} else if (!(pick->spinning && is_barrier_poll(what))) {
			for (i = 0; i < S.np; i++)
				S.p[i].spinning = false;
		}
		if (++steps > SCHED_MAX_STEPS) {
			fail(SCHED_LIVELOCK, "line %d: run: no end after %d steps (livelock: e.g. a "
			     "barrier polling forever)", line, SCHED_MAX_STEPS);
			return -1;
		}
	}
}

static int do_entry(struct entry *en)
{
	struct part *p = NULL, *list[SCHED_MAXP];
	int i, n = 0;

	if (en->kind == E_RUN) {
		if (!en->nrun) {
			for (i = 0; i < S.np; i++)
				list[n++] = &S.p[i];
		} else {
			for (i = 0; i < en->nrun; i++) {
				if (!(list[n] = find(en->run[i]))) {
					fail(SCHED_ERROR, "line %d: run: no participant %s", en->line, en->run[i]);
					return -1;
				}
				n++;
			}
		}
		return run_policy(list, n, en->line);
	}
	p = find(en->who);
	if (!p) {
		if (en->lenient) {
			skip_note(en->line, "no such process in this scenario", en->who);
			return 0;
		}
		fail(SCHED_ERROR, "line %d: no participant %s", en->line, en->who);
		return -1;
	}
	switch (en->kind) {
	case E_ANY:
		return exec_step(p);
	case E_STEP:
		/* Trail mode: a line naming the step p sleeps in is its wake-up. */
		if (en->lenient && p->st == P_ASLEEP && p->tag && !strcmp(p->tag, en->tag))
			return exec_step(p);
		for (i = 0; p->st != P_PARKED ||
			    (en->lenient && strcmp(p->tag, en->tag)); i++) {
			/*
			 * Trail mode: the model prints fewer steps than the C
			 * code has hooks; p first executes the C-only steps it
			 * meets before the named one.
			 */
			if (p->st == P_DONE || i > (en->lenient ? SCHED_MAX_STEPS : 4)) {
				fail(SCHED_ERROR, "line %d: %s %s: %s finished before reaching it",
				     en->line, en->who, en->tag, p->name);
				return -1;
			}
			if (exec_step(p))
				return -1;
		}
		if (strcmp(p->tag, en->tag)) {
			fail(SCHED_ERROR, "line %d: the schedule wants %s to execute %s, but %s is at %s",
			     en->line, p->name, en->tag, p->name, p->tag);
			return -1;
		}
		return exec_step(p);
	case E_UNTIL:
		for (i = 0; !(p->st == P_PARKED && tag_in(p->tag, en->tag)); i++) {
			if (p->st == P_DONE) {
				fail(SCHED_ERROR, "line %d: %s -> %s: %s finished without reaching it",
				     en->line, p->name, en->tag, p->name);
				return -1;
			}
			if (i > SCHED_MAX_STEPS) {
				fail(SCHED_LIVELOCK, "line %d: %s -> %s: not reached in %d steps",
				     en->line, p->name, en->tag, SCHED_MAX_STEPS);
				return -1;
			}
			if (exec_step(p))
				return -1;
		}
		return 0;
	}
	return 0;
}

/* Let parked participants that hold locks run until they hold none. */
static void settle(void)
{
	int i, k;

	for (i = 0; i < S.np; i++)
		for (k = 0; k < 64 && S.p[i].st == P_PARKED && S.p[i].nheld; k++)
			if (exec_step(&S.p[i]))
				return;
}

enum sched_status sched_run(void)
{
	struct part *all[SCHED_MAXP];
	int i;

	pthread_mutex_lock(&S.m);
	S.active = true;
	S.status = SCHED_OK;
	for (i = 0; i < S.np; i++) {
		all[i] = &S.p[i];
		if (S.p[i].st == P_NEW && wait_change(&S.p[i], P_NEW, SCHED_STEP_TIMEOUT))
			fail(SCHED_HANG, "%s never started", S.p[i].name);
	}
	for (i = 0; i < S.nent && S.status == SCHED_OK; i++)
		if (do_entry(&S.ent[i]))
			break;
	if (S.status == SCHED_OK)
		run_policy(all, S.np, 0);
	if (S.status == SCHED_OK || S.status == SCHED_LIVELOCK) {
		enum sched_status st = S.status;

		S.status = SCHED_OK;
		settle();
		if (S.status == SCHED_OK)
			S.status = st;
	}
	pthread_mutex_unlock(&S.m);
	return S.status;
}

const char *sched_error(void)
{
	return S.err;
}

const char *sched_trace(void)
{
	return S.trace ? S.trace : "";
}

const char *sched_skipped(void)
{
	return S.skipped;
}

int sched_nsteps(void)
{
	return S.nrec;
}

enum sched_pstate sched_state(const char *name)
{
	struct part *p;
	enum sched_pstate st;

	pthread_mutex_lock(&S.m);
	p = find(name);
	st = p ? p->st : P_NONE;
	pthread_mutex_unlock(&S.m);
	return st;
}

const char *sched_where(const char *name)
{
	struct part *p;
	const char *t;

	pthread_mutex_lock(&S.m);
	p = find(name);
	t = p && p->tag ? p->tag : "-";
	pthread_mutex_unlock(&S.m);
	return t;
}

int sched_find(const char *who, const char *tag, int from)
{
	int i;

	for (i = from < 0 ? 0 : from; i < S.nrec; i++)
		if (!strcmp(S.p[S.rec[i].who].name, who) && !strcmp(S.rec[i].tag, tag))
			return i;
	return -1;
}

int sched_count(const char *who, const char *tag)
{
	int i, n = 0;

	for (i = 0; i < S.nrec; i++)
		if (!strcmp(S.p[S.rec[i].who].name, who) && !strcmp(S.rec[i].tag, tag))
			n++;
	return n;
}

bool sched_finish(double timeout_s)
{
	bool ok = true;
	int i;

	pthread_mutex_lock(&S.m);
	S.free = true;
	pthread_cond_broadcast(&S.cv);
	pthread_mutex_unlock(&S.m);
	for (i = 0; i < S.np; i++) {
		struct task_struct *t = S.p[i].task;
		struct timespec ts;

		if (!t->started)
			continue;
		clock_gettime(CLOCK_REALTIME, &ts);
		ts.tv_sec += (time_t)timeout_s;
		if (pthread_timedjoin_np(t->thread, NULL, &ts)) {
			ok = false;
			continue;
		}
		t->started = false;
	}
	pthread_mutex_lock(&S.m);
	if (ok)
		S.active = false;
	pthread_mutex_unlock(&S.m);
	return ok;
}
