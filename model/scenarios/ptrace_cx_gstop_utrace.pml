/*
 * model/scenarios/ptrace_cx_gstop_utrace.pml - ptrace_cx_gstop_detach's test
 * program while another utrace client (the utrace engine E, e.g. a
 * systemtap script) stops the task and then detaches its engine, on the
 * coexistence design (-DPTRACE_COEXIST; race C29).
 *
 * The test program (as ptrace_cx_gstop_detach):
 *   tracer P: kill(child, SIGSTOP); waitpid() -> stopped by SIGSTOP;
 *             ptrace(PTRACE_CONT, child, 0, SIGSTOP);
 *             waitpid() -> the group-stop trap (WSTOPSIG SIGSTOP);
 *             ptrace(PTRACE_DETACH, child, 0, 0);
 *             the child is group-stopped; kill(child, SIGCONT); it runs.
 *   utrace client C, at any time: utrace_control(child, E, UTRACE_STOP);
 *             then the documented detach (UTRACE_DETACH + utrace_barrier).
 * Kernel outcome (utrace-3.1 with 09/31 and 20/31): the same as without C
 * (current kernels: stopped after the detach until SIGCONT); C's stop and
 * detach end only its own stop (S16).  With -DBUG_C29 (the V2010
 * utrace_wakeup() that 09/31 removed: "target->state = TASK_STOPPED" while a
 * group stop is in effect, plus utrace_get_signal() testing only
 * JOBCTL_STOP_PENDING) C's detach, while the child sits in the group-stop
 * trap, replaces ptrace's TASK_TRACED: utrace ended ptrace's stop, S16 fails.
 *
 *   make scenario S=ptrace_cx_gstop_utrace                   passes
 *   make scenario S=ptrace_cx_gstop_utrace FLAGS=-DBUG_C29   S16 fails
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
#define C_SCRIPT \
	sc_utrace_stop(); \
	sc_utrace_detach()
#include "../ptrace.pml"
