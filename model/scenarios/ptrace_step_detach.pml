/*
 * model/scenarios/ptrace_step_detach.pml - PTRACE_SINGLESTEP, then
 * PTRACE_DETACH at the step trap.
 *
 * The test program:
 *   child:    signal(SIGUSR1, handler); raise(SIGUSR1); then runs;
 *   tracer P: waitpid() -> stopped by SIGUSR1;
 *             ptrace(PTRACE_SINGLESTEP, child, 0, 0);     (signal suppressed)
 *             waitpid() -> stopped by SIGTRAP (the step trap);
 *             ptrace(PTRACE_DETACH, child, 0, 0);
 * Kernel outcome: the handler never runs (the tracer cancelled SIGUSR1),
 * the child gets exactly one step trap and then runs free: no further
 * SIGTRAP (S10 at every return to user mode: TIF_SINGLESTEP only while an
 * attached engine asked for it), and never stops again (S12).
 *
 *   make scenario S=ptrace_step_detach
 */
#define T_EVENTS TE_SIGNAL
#define S_SIGS 0
#define P_SCRIPT \
	sc_wait(); sc_expect_stop(SIG_USR); \
	sc_step(); \
	sc_wait(); sc_expect_stop(SIG_TRAP); \
	sc_detach(0); \
	assert(g_nusr == 0)
#include "../ptrace.pml"
