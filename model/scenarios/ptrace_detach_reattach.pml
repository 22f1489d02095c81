/*
 * model/scenarios/ptrace_detach_reattach.pml - PTRACE_DETACH with a parting
 * signal, followed at once by a re-attach (seed 000, race C19).
 *
 * The test program:
 *   child:    signal(SIGUSR1, handler); raise(SIGUSR1); for (;;) pause-ish;
 *   tracer P: waitpid() -> stopped by SIGUSR1;
 *             ptrace(PTRACE_DETACH, child, 0, SIGUSR1);      (parting signal)
 *   tracer P2 (at once): ptrace(PTRACE_ATTACH, child) == 0;
 *             kill(child, SIGUSR1); waitpid() -> stopped by SIGUSR1;
 *             ptrace(PTRACE_CONT, child, 0, 0);               (suppressed)
 *             the handler has run exactly once (the parting signal);
 *             exit(0)                                       (implicit detach)
 * Kernel outcome (ptrace-utrace with the reuse fix): the attach succeeds and
 * is real (P2 sees the second SIGUSR1 stop), the parting signal is delivered
 * once, nothing else is.  (PTRACE_ATTACH's SIGSTOP is not modelled.)
 *
 *   make scenario S=ptrace_detach_reattach                 passes
 *   make scenario S=ptrace_detach_reattach FLAGS=-DBUG_C19 S13 fails (or P2's
 *                                                         wait never returns)
 */
#define WITH_P2 1
#define T_EVENTS TE_SIGNAL
#define S_SIGS 0
#define P_SCRIPT \
	sc_wait(); sc_expect_stop(SIG_USR); \
	sc_detach(1)
#define P2_SCRIPT \
	sc_attach(); \
	sc_kill(SIG_USR); \
	sc_wait(); sc_expect_stop(SIG_USR); \
	sc_cont(0); \
	sc_expect_handled(1); \
	sc_exit()
#include "../ptrace.pml"
