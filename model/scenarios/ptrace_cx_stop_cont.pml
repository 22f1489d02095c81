/*
 * model/scenarios/ptrace_cx_stop_cont.pml - a ptrace signal stop answered by
 * PTRACE_CONT while another utrace client (e.g. a systemtap script: the
 * utrace engine E) stops and resumes the same task, on the coexistence design
 * (-DPTRACE_COEXIST: upstream ptrace next to utrace, utrace-3.1; race C24).
 *
 * The test program:
 *   child:    signal(SIGUSR1, handler); raise(SIGUSR1); then runs;
 *   tracer P: waitpid() -> stopped by SIGUSR1;
 *             ptrace(PTRACE_CONT, child, 0, SIGUSR1);    (handed back)
 *             the handler runs exactly once;
 *   utrace client C, at any time: utrace_control(child, E, UTRACE_STOP);
 *             utrace_control(child, E, UTRACE_RESUME);
 * Kernel outcome (utrace-3.1 with 11/31, 12/31 and 17/31): each stop is ended
 * only by its owner: if C's UTRACE_STOP found the child in its ptrace stop
 * (TASK_TRACED, utrace_do_stop() adds __TASK_UTRACED and returns 0), the
 * PTRACE_CONT clears only __TASK_TRACED (wake_up_quiescent()) and the child
 * sleeps on until C's UTRACE_RESUME (S16); the handler runs once (L5).
 * With -DBUG_C24 (before 12/31 and 17/31: wake_up_state(), non-selective
 * wakeups on both sides) one stop's owner ends the other's: the PTRACE_CONT
 * wakes the child while E believes it stopped, or C's UTRACE_RESUME
 * (utrace_reset() -> utrace_wakeup()) wakes it out of its ptrace stop before
 * the tracer answered: S16 fails.
 *
 *   make scenario S=ptrace_cx_stop_cont                    passes
 *   make scenario S=ptrace_cx_stop_cont FLAGS=-DBUG_C24    S16 fails
 */
#define PTRACE_COEXIST 1
#define T_EVENTS TE_SIGNAL
#define S_SIGS 0
#define P_SCRIPT \
	sc_wait(); sc_expect_stop(SIG_USR); \
	sc_cont(1); \
	sc_expect_handled(1)
#define C_SCRIPT \
	sc_utrace_stop(); \
	sc_utrace_resume()
#include "../ptrace.pml"
