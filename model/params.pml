/*
 * model/params.pml - parameters and switches of the utrace models.
 *
 * Every parameter has a default and a range guard; every switch is named as in
 * docs/protocol.md (the same names are used in src/utrace.c).  Set them with
 * `spin -D...` (the runner passes them; see scripts/spinrun.py).
 */
#ifndef PARAMS_PML
#define PARAMS_PML

/* Number of engines, one controller each. */
#ifndef NENGINES
#define NENGINES 2
#endif
#if NENGINES < 1 || NENGINES > 3
#error "NENGINES must be 1, 2 or 3"
#endif

/*
 * Controller budget: API calls a controller makes between its first
 * utrace_set_events() and its finale (detach, or resume-and-idle).
 */
#ifndef BUDGET
#define BUDGET 1
#endif
#if BUDGET < 0 || BUDGET > 4
#error "BUDGET must be 0..4"
#endif
/* the budget of controllers 1.. (controller 0 has BUDGET) */
#ifndef BUDGET_OTHERS
#define BUDGET_OTHERS BUDGET
#endif
#if BUDGET_OTHERS < 0 || BUDGET_OTHERS > 4
#error "BUDGET_OTHERS must be 0..4"
#endif
#define BUDGET_OF(i) ((i) == 0 -> BUDGET : BUDGET_OTHERS)

/*
 * Event budget of the tracee: which event points T passes, in this order
 * (exec, syscall entry, signal, pause), before it idles in user mode (or
 * exits).  Bits:
 *   TE_EXEC      exec report (finish_report(will_not_stop))
 *   TE_SYSENTRY  syscall entry report (immediate stop, reverse engine order)
 *   TE_SIGNAL    an ordinary signal is queued and goes through utrace_get_signal
 *   TE_PAUSE     a blocking syscall (pause()): only a signal wakes T
 *   TE_EXIT      T may also exit voluntarily at the end (else only SIGKILL kills it)
 * After each event T returns to user mode through TIF_SIGPENDING /
 * TIF_NOTIFY_RESUME work (utrace_get_signal, utrace_resume).
 */
#define TE_SYSENTRY 1
#define TE_EXEC     2
#define TE_SIGNAL   4
#define TE_PAUSE    8
#define TE_EXIT     16
#ifndef T_EVENTS
#define T_EVENTS (TE_EXEC | TE_PAUSE | TE_EXIT)
#endif
#if T_EVENTS < 0 || T_EVENTS > 31
#error "T_EVENTS is a mask of TE_* bits"
#endif

/* SIGKILL source K and reaper R (set to 0 to leave them out). */
#ifndef WITH_SIGKILL
#define WITH_SIGKILL 1
#endif
#ifndef WITH_REAPER
#define WITH_REAPER 1
#endif

/*
 * Controller menu: which API calls a controller may choose in its budget
 * loop (mask of M_* bits; default: all of them).
 */
#define M_SET_EVENTS 1
#define M_STOP       2
#define M_RESUME     4
#define M_REPORT     8
#define M_INTERRUPT  16
#define M_STEP       32
#define M_BLOCKSTEP  64
#define M_BARRIER    128
#define M_LOOKUP     256
#ifndef MENU
#define MENU 511
#endif

/*
 * PREATTACH=1: each controller's utrace_attach_task() + first
 * utrace_set_events() happen in one step before T's first event.  This is a
 * restriction of the interleavings (an under-approximation), used by
 * configurations that are not about attaching; the attach races (B3,
 * pending_attach/splice) are checked by the configurations with PREATTACH=0.
 */
#ifndef PREATTACH
#define PREATTACH 0
#endif

/* How a controller ends: 1 detach (documented protocol), 2 resume and idle
 * with the engine attached, 3 either. */
#ifndef FINALE
#define FINALE 3
#endif
#if FINALE < 1 || FINALE > 3
#error "FINALE must be 1, 2 or 3"
#endif

/*
 * PASSIVE: mask of controllers that only attach and set events, then leave
 * their engine attached and do nothing else (like a systemtap task-finder
 * engine): their callbacks still run (and may detach themselves).
 */
#ifndef PASSIVE
#define PASSIVE 0
#endif
#define IS_PASSIVE(i) ((PASSIVE >> (i)) & 1)

/*
 * WISHES (mask of controllers): at setup the controller may already want its
 * callbacks to return UTRACE_STOP or UTRACE_SINGLESTEP (instead of UTRACE_RESUME), without any
 * utrace_control() call; its finale (resume-and-idle) withdraws the wish.
 * A cheap way to get multi-engine report passes (C13, C14, C16).
 */
#ifndef WISHES
#define WISHES 0	/* mask of controllers */
#endif
#define HAS_WISHES(i) ((WISHES >> (i)) & 1)
/* WISH_INTERRUPT: a controller with wishes may also want a signal report
 * asked for by its callbacks alone (they return UTRACE_INTERRUPT until
 * report_signal comes; no utrace_control call): C14 */
#ifndef WISH_INTERRUPT
#define WISH_INTERRUPT 0
#endif

/* Mask of engines whose callbacks may detach on their own (return
 * UTRACE_DETACH); default: all. */
#ifndef SELF_DETACH
#define SELF_DETACH 7
#endif
#define MAY_SELF_DETACH(i) ((SELF_DETACH >> (i)) & 1)

/* utrace-3.1 as it was: every fix of docs/protocol.md section 1 reverted. */
#ifdef UTRACE_V31
#define V31_C2
#define V31_C8
#define V31_C9
#define V31_C11
#define V31_C13
#define V31_O2
#define V31_N1
#define V31_N2
#define V31_C12
#define V31_N4
#define V31_ATTACH_REAP
#endif

#endif /* PARAMS_PML */
