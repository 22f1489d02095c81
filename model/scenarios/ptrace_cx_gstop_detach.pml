/*
 * model/scenarios/ptrace_cx_gstop_detach.pml - PTRACE_DETACH from the
 * group-stop trap on a current kernel (-DPTRACE_COEXIST: upstream 3.1
 * ptrace and jobctl next to utrace): the current-kernel half of the
 * generation split (model/PTRACE.md).
 *
 * The test program:
 *   child:    runs (pause() loop);
 *   tracer P: kill(child, SIGSTOP);
 *             waitpid() -> stopped by SIGSTOP (the signal-delivery stop);
 *             ptrace(PTRACE_CONT, child, 0, SIGSTOP);   (re-injected)
 *             waitpid() -> stopped by SIGSTOP (the group-stop trap);
 *             ptrace(PTRACE_DETACH, child, 0, 0);
 *             the child is (and stays) group-stopped: /proc state "T (stopped)";
 *             kill(child, SIGCONT);
 *             the child runs again.
 * Kernel outcome on current kernels (3.1 and later: __ptrace_unlink() re-sets
 * JOBCTL_STOP_PENDING while SIGNAL_STOP_STOPPED and kicks the child, which
 * re-enters the group stop in TASK_STOPPED, untraced): the child stays stopped
 * after the detach until SIGCONT (S16: nothing but SIGCONT or SIGKILL ends
 * that stop), then runs.  Contrast ptrace_gstop_detach (the engine design,
 * utrace-era 2.6.x kernels): there the detach itself wakes the child
 * (ptrace_wake_up() clears SIGNAL_STOP_STOPPED) and sc_expect_gstopped()
 * would block for ever.  The utrace engine E is attached and idle.
 *
 *   make scenario S=ptrace_cx_gstop_detach                   passes
 * The same file without its "#define PTRACE_COEXIST 1" line (the engine
 * design) fails: P blocks for ever in sc_expect_gstopped() (invalid end
 * state), the child runs after the detach (utrace era).
 */
#define PTRACE_COEXIST 1
#define T_EVENTS 0
#define S_SIGS 0
#define P_SCRIPT \
	sc_sigstop(); \
	sc_wait(); sc_expect_stop(SIG_STOP); \
	sc_cont(1); \
	sc_wait(); sc_expect_gstop(); \
	sc_detach(0); \
	sc_expect_gstopped(); \
	sc_sigcont(); \
	sc_expect_running()
#include "../ptrace.pml"
