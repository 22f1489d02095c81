/*
 * model/scenarios/ptrace_gstop_detach.pml - PTRACE_DETACH of a
 * group-stopped tracee: the generation split (model/PTRACE.md).
 *
 * The test program:
 *   child:    runs (pause() loop);
 *   tracer P: kill(child, SIGSTOP);
 *             waitpid() -> stopped by SIGSTOP (the signal-delivery stop);
 *             ptrace(PTRACE_CONT, child, 0, SIGSTOP);   (re-injected)
 *             waitpid() -> stopped by SIGSTOP (now the group stop);
 *             ptrace(PTRACE_DETACH, child, 0, 0);
 * Kernel outcome on utrace-era kernels (2.6.x with ptrace-utrace, RHEL6):
 * the detach wakes the child (ptrace_wake_up() clears SIGNAL_STOP_STOPPED,
 * "preserve the compatibility bug"): it runs again without SIGCONT.  (On
 * current kernels it stays group-stopped until SIGCONT; this model of the
 * engine design follows the utrace era.)
 *
 *   make scenario S=ptrace_gstop_detach
 */
#define T_EVENTS 0
#define S_SIGS 0
#define P_SCRIPT \
	sc_sigstop(); \
	sc_wait(); sc_expect_stop(SIG_STOP); \
	sc_cont(1); \
	sc_wait(); sc_expect_gstop(); \
	sc_detach(0); \
	sc_expect_running()
#include "../ptrace.pml"
