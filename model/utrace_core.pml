/*
 * model/utrace_core.pml - the utrace core: everything but the drivers.
 * Included by utrace.pml (nondeterministic drivers), by the scenarios in
 * model/scenarios/ (scripted drivers) and by ptrace.pml.
 *
 * After this file a model defines its processes, in this order (T_PID is 0,
 * controller i is _pid i + 1): the tracee, NENGINES controllers, then any
 * others.  driver_lib.pml offers one inline per tracee event point and per
 * controller use of the API, and the reaper, SIGKILL and monitor processes.
 */
#ifndef UTRACE_CORE_PML
#define UTRACE_CORE_PML

#include "params.pml"
#include "props.pml"
#include "kernel.pml"
#include "utrace_state.pml"
#include "utrace_common.pml"
#include "utrace_api.pml"
#include "utrace_tracee.pml"

/* event masks a controller may pass to utrace_set_events() */
#define EVS_ALL (EV_QUIESCE | EV_REAP | EV_EXEC | EV_DEATH | EV_SYSENTRY | EV_SIGNAL)
#define EVS_NOQ (EV_REAP | EV_EXEC | EV_SIGNAL)	/* no QUIESCE: C5, C11, C15 */
#define EVS_NONE 0

/* ---- state invariants ------------------------------------------------------ */

#define ESTOP_LIVE(i) (eops[i] == OPS_LIVE && (eflags[i] & ENGINE_STOP))
#if NENGINES == 1
#define ESTOP_ANY ESTOP_LIVE(0)
#elif NENGINES == 2
#define ESTOP_ANY (ESTOP_LIVE(0) || ESTOP_LIVE(1))
#else
#define ESTOP_ANY (ESTOP_LIVE(0) || ESTOP_LIVE(1) || ESTOP_LIVE(2))
#endif

/* S1 (no leaked utrace stop, I7): whenever ulock is free, a T in TASK_UTRACED
 * without SIGKILL pending is held by some live engine that wants it stopped. */
/* L7: no engine left on the task's attached or attaching list (a private
 * list, L_PRIVATE/L_REAPING, belongs to a running process that walks it to
 * the end) */
#define NO_ENGINE_LISTED (NOT_LISTED(0) && NOT_LISTED(1) && NOT_LISTED(2))
#define NOT_LISTED(i) ((i) >= NENGINES || (onlist[(i) % NENGINES] != L_ATTACHED && onlist[(i) % NENGINES] != L_ATTACHING))
#define INT_OWED (g_int_owed[0] || (NENGINES > 1 && g_int_owed[1 % NENGINES]) || (NENGINES > 2 && g_int_owed[2 % NENGINES]))
#define S1_HOLDS (!(tstate & __TASK_UTRACED) || ulock != NOBODY || fatal || ESTOP_ANY)

#endif /* UTRACE_CORE_PML */
