/*
 * model/ptrace_params.pml - parameters and switches of model/ptrace.pml.
 * Included by ptrace.pml and by the ptrace scenarios BEFORE utrace_core.pml
 * (it fixes NENGINES, PREATTACH, SELF_DETACH, WITH_SIGKILL for the core).
 *
 * Two configurations (docs: model/PTRACE.md):
 *   default          ptrace is a utrace engine (2010 ptrace-utrace design,
 *                    kernel/ptrace-utrace.c, RHEL6 lineage, digest 3.1);
 *   -DPTRACE_COEXIST ptrace is independent and coexists with utrace
 *                    (utrace-3.0 v2 / utrace-3.1 series, digest 3.2).
 * Every parameter has a default and a range guard.
 */
#ifndef PTRACE_PARAMS_PML
#define PTRACE_PARAMS_PML

/* ---- processes ------------------------------------------------------------ */

/* P2: a second tracer that attaches once P has detached or exited */
#ifndef WITH_P2
#define WITH_P2 0
#endif
#if WITH_P2 < 0 || WITH_P2 > 1
#error "WITH_P2 must be 0 or 1"
#endif

/* E: one other utrace engine with its controller CE */
#ifndef WITH_E
#define WITH_E 0
#endif
#if WITH_E < 0 || WITH_E > 1
#error "WITH_E must be 0 or 1"
#endif

/*
 * Engines of the utrace core.  Engine config: ptrace engine slots first
 * (slot 0: P's engine, reused by P2 when it can be; slot 1: the fresh engine
 * P2 attaches when it cannot), then E.  Coexistence: ptrace is no engine,
 * E is engine 0.
 */
#ifdef PTRACE_COEXIST
#define NPT 0
#define E_ENG 0
#define NENGINES 1
#else
#define NPT (1 + WITH_P2)
#define E_ENG NPT
#define NENGINES (NPT + WITH_E)
#endif
#define CUSTOM_ENGINE(e) ((e) < NPT)	/* the ptrace engine slots */

/* ---- the tracee T --------------------------------------------------------- */

/*
 * T's script (bits, in this order), each followed by the return to user
 * mode; then T runs in user mode (taking single-step traps while
 * TIF_SINGLESTEP is set) and exits if TE_EXIT, else only when killed:
 *   TE_SIGNAL   T raises an ordinary signal (SIGUSR1, with a handler) itself
 *   TE_SYSENTRY a system call entry (syscall-entry report / stop)
 *   TE_EXIT     T may exit voluntarily at the end
 * (TE_* values are the core's, params.pml.)
 */
#ifndef T_EVENTS
#define T_EVENTS TE_SIGNAL
#endif

/* ---- the signal source S --------------------------------------------------- */

/*
 * S_SIGS: the signals S sends to T, each once, in this order, each at any
 * moment (kill(2) from a third process): S_USR SIGUSR1, S_STOP SIGSTOP,
 * S_CONT SIGCONT, S_KILL SIGKILL.
 */
#define S_USR  1
#define S_STOP 2
#define S_CONT 4
#define S_KILL 8
#ifndef S_SIGS
#define S_SIGS 0
#endif
#if S_SIGS < 0 || S_SIGS > 15
#error "S_SIGS is a mask of S_* bits"
#endif

/* ---- the tracers P and P2 ---------------------------------------------------- */

/* P_PREATTACH=1: P is attached (engine attached, events set, linked) in one
 * step before T runs (a restriction of the interleavings for configurations
 * that are not about attaching; P2 always attaches during the run). */
#ifndef P_PREATTACH
#define P_PREATTACH 1
#endif

/* P_BUDGET / P2_BUDGET: rounds of "wait for a stop, answer it" before the finale */
#ifndef P_BUDGET
#define P_BUDGET 1
#endif
#if P_BUDGET < 0 || P_BUDGET > 4
#error "P_BUDGET must be 0..4"
#endif
#ifndef P2_BUDGET
#define P2_BUDGET 1
#endif
#if P2_BUDGET < 0 || P2_BUDGET > 4
#error "P2_BUDGET must be 0..4"
#endif

/*
 * P_MENU (and P2_MENU): how a tracer may answer a stop its wait reported:
 *   R_CONT     PTRACE_CONT, signal 0
 *   R_CONTSIG  PTRACE_CONT with the stop's signal (signal stops) / SIGUSR1
 *              (syscall stops)
 *   R_SYSCALL  PTRACE_SYSCALL
 *   R_STEP     PTRACE_SINGLESTEP
 *   R_DETACH   PTRACE_DETACH, signal 0 (then the tracer is done)
 *   R_DETSIG   PTRACE_DETACH with the signal (as R_CONTSIG)
 *   R_EXIT     the tracer exits: exit_ptrace() detaches implicitly
 *   R_WAIT     no request: wait again (e.g. for the CONTINUED state)
 */
#define R_CONT    1
#define R_CONTSIG 2
#define R_SYSCALL 4
#define R_STEP    8
#define R_DETACH  16
#define R_DETSIG  32
#define R_EXIT    64
#define R_WAIT    128
#ifndef P_MENU
#define P_MENU (R_CONT | R_CONTSIG | R_DETACH | R_DETSIG | R_EXIT)
#endif
#ifndef P2_MENU
#define P2_MENU (R_CONT | R_DETACH | R_EXIT)
#endif
#if P_MENU < 1 || P_MENU > 255 || P2_MENU < 1 || P2_MENU > 255
#error "P_MENU / P2_MENU are non-empty masks of R_* bits"
#endif

/* How a tracer ends once its budget is spent: 1 wait for a stop then
 * PTRACE_DETACH (signal 0 or, with R_DETSIG in its menu, the signal),
 * 2 exit (implicit detach), 3 either. */
#ifndef P_FINALE
#define P_FINALE 3
#endif
#ifndef P2_FINALE
#define P2_FINALE 3
#endif
#if P_FINALE < 1 || P_FINALE > 3 || P2_FINALE < 1 || P2_FINALE > 3
#error "P_FINALE / P2_FINALE must be 1, 2 or 3"
#endif

/* ---- E and its controller CE ------------------------------------------------- */

/* E_EVENTS: 1 QUIESCE|SIGNAL|REAP (+SYSCALL with E_SYSCALL), 2 EXEC|REAP
 * (no callbacks in these scripts: an engine that only holds T), 3 either */
#ifndef E_EVENTS
#define E_EVENTS 1
#endif
#ifndef E_SYSCALL
#define E_SYSCALL 0
#endif
/* E's API calls (mask of the core's M_* bits, params.pml) and their number */
#ifndef E_MENU
#define E_MENU (M_STOP | M_RESUME)
#endif
#ifndef E_BUDGET
#define E_BUDGET 1
#endif
#if E_BUDGET < 0 || E_BUDGET > 4
#error "E_BUDGET must be 0..4"
#endif
/* E's finale: 1 detach (documented protocol), 2 resume and stay attached, 3 either */
#ifndef E_FINALE
#define E_FINALE 3
#endif
/* E_WISH: E's callbacks may want UTRACE_STOP from the start (1), or
 * UTRACE_SINGLESTEP (2), or either (3); 0: they return UTRACE_RESUME */
#ifndef E_WISH
#define E_WISH 0
#endif
/* E may be attached before T runs (1) or attach during the run (0) */
#ifndef E_PREATTACH
#define E_PREATTACH 1
#endif

/* ---- the utrace core's parameters, as this model uses them ------------------------ */

#define PREATTACH E_PREATTACH	/* driver_lib.pml's c_setup(), used for E only */
#ifndef SELF_DETACH
#define SELF_DETACH 0		/* E does not detach itself (the ptrace engine has its own logic) */
#endif
#undef WITH_SIGKILL
#define WITH_SIGKILL 0		/* std_procs' K is not used: S sends SIGKILL (S_KILL) */
#ifndef WITH_REAPER
#define WITH_REAPER 0
#endif

#endif /* PTRACE_PARAMS_PML */
