/*
 * model/ptrace_state.pml - the shared state ptrace.pml adds to the utrace
 * core's (utrace_state.pml).  Kernel-named state first, then the ptrace
 * engine's private data (engine->data, struct ptrace_context), then
 * checker-only ghost state (g_ prefix, written only in the step it
 * observes, never read by the modelled algorithm).
 */
#ifndef PTRACE_STATE_PML
#define PTRACE_STATE_PML

/* ---- constants ---------------------------------------------------------------- */

/* signals (bits; dequeue_signal() takes the lowest number first: SIGTRAP 5,
 * SIGUSR1 10, SIGCONT 18, SIGSTOP 19; SIG_CONT is 32 so that no signal bit
 * equals EC_SYSCALL or EC_GSTOP in exit_code) */
#define SIG_TRAP 1
#define SIG_USR  2
#define SIG_STOP 4
#define SIG_CONT 32
#define LOWEST_SIG(m) (((m) & SIG_TRAP) -> SIG_TRAP : (((m) & SIG_USR) -> SIG_USR : \
	(((m) & SIG_CONT) -> SIG_CONT : (((m) & SIG_STOP) -> SIG_STOP : 0))))

/* what T->exit_code says to the tracer's wait (WSTOPSIG): a signal stop
 * (the signal), a syscall stop (SIGTRAP|0x80), a group stop (SIGSTOP) */
#define EC_NONE    0
#define EC_SYSCALL 8
#define EC_GSTOP   16

/* ptrace_context->stop_code's event (ptrace-utrace.c: PTRACE_EVENT_SIGNAL,
 * PTRACE_EVENT_SYSCALL); 0: no event pending */
#define PE_NONE    0
#define PE_SIGNAL  1
#define PE_SYSCALL 2

/* the signal disposition a pass of get_signal_to_deliver() arrives at:
 * utrace_get_signal() returned 0 (the caller dequeues), -1 (relock), or a
 * signal to deliver */
#define SA_NONE    0
#define SA_IGN     1
#define SA_DELIVER 2

/* what the tracer's wait reported */
#define W_STOP   1
#define W_CONT   2
#define W_EXITED 3

/* the ptrace engine's events (ptrace_set_events(): QUIESCE | SIGNAL_ALL, +
 * syscall bits for PTRACE_SYSCALL; CLONE/EXEC are not modelled) */
#define PT_EVENTS (EV_QUIESCE | EV_SIGNAL)

/* ---- 1. kernel state ----------------------------------------------------------- */

byte sigpend;		/* T->pending and shared_pending (SIG_* bits); the core's sig_q == (sigpend != 0) */
bit  stop_dequeued;	/* SIGNAL_STOP_DEQUEUED / JOBCTL_STOP_DEQUEUED: a stop signal was dequeued, no SIGCONT since */
bit  gstop;		/* signal->flags & SIGNAL_STOP_STOPPED: the group stop is in effect */
bit  gcont;		/* signal->flags & SIGNAL_STOP_CONTINUED: the CONTINUED wait state (wait_task_continued) */
byte exit_code = EC_NONE;	/* T->exit_code (EC_* or, coexistence, the tracer's data on resume: SIG_*) */
byte ptracer;		/* T->ptrace != 0 && T->parent: 0 none, 1 P, 2 P2 (under tasklist_lock) */
bit  tif_st;		/* TIF_SYSCALL_TRACE */
#ifdef PTRACE_COEXIST
bit  pt_syscall;	/* T->ptrace & PT_SYSCALL_TRACE (22/31) */
bit  pt_step;		/* T->ptrace & PT_SINGLE_STEP (18/19) */
bit  jstop_pending;	/* T->jobctl & JOBCTL_STOP_PENDING */
bit  jtrap_stop;	/* T->jobctl & JOBCTL_TRAP_STOP */
bit  jtrapping;		/* T->jobctl & JOBCTL_TRAPPING (the attacher waits for it to clear) */
#endif

/* ---- 2. the ptrace engine's data: struct ptrace_context (engine config) --------------- */
#if NPT > 0
byte ctx_resume[NPT] = UTRACE_RESUME;	/* ctx->resume: the action the tracer asked for; UTRACE_DETACH: detaching */
byte ctx_signr[NPT];	/* ctx->signr: the signal to (re)deliver (SIG_* or 0) */
bit  ctx_siginfo[NPT];	/* ctx->siginfo != NULL: a reported signal waits for its UTRACE_SIGNAL_REPORT pass */
byte ctx_stop[NPT];	/* ctx->stop_code's event (PE_*): an event is pending for the tracer */
bit  ctx_detached[NPT];	/* ctx->options == PTRACE_O_DETACHED: self-detaching, reusable */
#endif

/* ---- 3. checker-only state ------------------------------------------------------- */

byte g_owed;		/* L5: signals T dequeued or was handed back and must still deliver (SIG_* bits) */
byte g_ptstop;		/* NOTIFY: 0 no stop to report, 1 T's current stop not yet reported, 2 reported */
bit  g_hold_pt;		/* S16: T is in a ptrace stop its tracer has not ended */
bit  g_hold_js;		/* S16: T is in a group stop no SIGCONT has ended */
bit  g_ut_hold;		/* S16: CE's utrace_control(STOP) returned 0 and CE has not resumed T */
bit  g_saw_gstop;	/* L6: the tracer's wait reported the group stop in effect */
bit  g_cont_owed;	/* L6: that group stop was ended by SIGCONT and the tracer has not seen it */
byte g_waiting;		/* the tracer (1 P, 2 P2) is blocked in its wait */
byte g_s13;		/* S13: the engine slot + 1 of a tracer whose PTRACE_ATTACH returned 0 (0: none) */
byte g_departed;	/* S12: mask of ptrace slots whose tracer completed ptrace_detach_task() */
byte g_nusr;		/* SIGUSR1 deliveries (handler runs), for the scenarios */
bit  g_p2_done;		/* P2 is done (S14 check) */
bit  g_p_done;		/* P has detached or exited (P2 may attach) */
byte g_pt_sys_busy;	/* S18: a tracer is inside ptrace_set_syscall_trace() */
byte g_npre;
/* g_kwake: declared by the core (utrace_state.pml) */
/* bit  g_kwake; */		/* S5: SIGKILL woke T from a utrace stop; T has not reached get_signal_to_deliver() */		/* preattached parties ready */

#endif /* PTRACE_STATE_PML */
