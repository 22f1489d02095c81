/*
 * model/scenarios/ptrace_gstop_cont.pml - a tracer that saw the group stop
 * sees the continue (seed 002), in Tejun's order: the tracee traps for
 * another reason (here the SIGCONT signal itself) before the tracer waits.
 *
 * The test program:
 *   child:    runs (pause() loop);
 *   tracer P: kill(child, SIGSTOP);
 *             waitpid() -> stopped by SIGSTOP (the signal-delivery stop);
 *             ptrace(PTRACE_CONT, child, 0, SIGSTOP);   (re-injected)
 *             waitpid() -> stopped by SIGSTOP (the group stop);
 *             kill(child, SIGCONT);                      (ends the group stop)
 *             waitpid(WCONTINUED) -> either WIFCONTINUED, then
 *                        waitpid() -> stopped by SIGCONT (a traced child
 *                        reports even SIGCONT), PTRACE_CONT(0);
 *                      or (Tejun's order: the trap comes first) stopped by
 *                        SIGCONT, PTRACE_CONT(0), waitpid(WCONTINUED) ->
 *                        WIFCONTINUED
 * Kernel outcome (2.6.x wait: SIGNAL_STOP_CONTINUED stays set while the
 * child is traced and is reported once it runs): the continue is reported
 * late but not lost.  With -DBUG_C32 (the trap's wait state replaces the
 * CONTINUED one) the last waitpid() blocks for ever: the scenario fails.
 *
 *   make scenario S=ptrace_gstop_cont
 */
#define T_EVENTS 0
#define S_SIGS 0
#define P_SCRIPT \
	sc_sigstop(); \
	sc_wait(); sc_expect_stop(SIG_STOP); \
	sc_cont(1); \
	sc_wait(); sc_expect_gstop(); \
	sc_sigcont(); \
	sc_wait(); \
	if \
	:: w == W_CONT -> sc_wait(); sc_expect_stop(SIG_CONT); sc_cont(0) \
	:: else -> sc_expect_stop(SIG_CONT); sc_cont(0); sc_wait(); sc_expect_cont() \
	fi
#include "../ptrace.pml"
