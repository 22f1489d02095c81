/*
 * model/scenarios/ptrace_cx_attach_stop.pml - the usual opening of a test
 * program: PTRACE_ATTACH, waitpid() -> SIGSTOP, PTRACE_CONT(0); on the
 * coexistence design (-DPTRACE_COEXIST: upstream 3.1 ptrace next to utrace).
 *
 * The test program:
 *   child:    signal(SIGUSR1, handler); runs (pause() loop);
 *   tracer P: ptrace(PTRACE_ATTACH, child);   (here: before the child runs)
 *             waitpid() -> WIFSTOPPED, WSTOPSIG == SIGSTOP (the attach's
 *                          SIGSTOP, a signal-delivery stop);
 *             ptrace(PTRACE_CONT, child, 0, 0);      (SIGSTOP suppressed)
 *             kill(child, SIGUSR1);
 *             waitpid() -> stopped by SIGUSR1;
 *             ptrace(PTRACE_CONT, child, 0, SIGUSR1);
 *             the handler runs exactly once and the child runs on (no
 *             group stop: the suppressed SIGSTOP is gone).
 * Kernel outcome (3.1 ptrace_attach(): "if (!seize) send_sig_info(SIGSTOP,
 * SEND_SIG_FORCED, task, 1);"): as above.  The utrace engine E is attached
 * and idle.  (SC_ATTACH_SIGSTOP exists only in the coexistence design; the
 * engine design rejects it at compile time.)
 *
 *   make scenario S=ptrace_cx_attach_stop                    passes
 */
#define PTRACE_COEXIST 1
#define SC_ATTACH_SIGSTOP 1
#define T_EVENTS 0
#define S_SIGS 0
#define P_SCRIPT \
	sc_wait(); sc_expect_stop(SIG_STOP); \
	sc_cont(0); \
	sc_kill(SIG_USR); \
	sc_wait(); sc_expect_stop(SIG_USR); \
	sc_cont(1); \
	sc_expect_handled(1); \
	sc_expect_running(); \
	assert(!gstop)
#include "../ptrace.pml"
