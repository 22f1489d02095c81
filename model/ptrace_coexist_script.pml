/*
 * model/ptrace_coexist_script.pml - the scenario interface of the
 * -DPTRACE_COEXIST design (ptrace_coexist_model.pml includes it): the same
 * sc_* macros, with the same meanings, as ptrace_script.pml (the engine
 * design), so that one test program can be written once and checked under
 * either design.  A scenario file (model/scenarios/ptrace_*.pml) sets T's
 * script (T_EVENTS), defines P_SCRIPT (and, here only, C_SCRIPT) and
 * includes ../ptrace.pml; "#define PTRACE_COEXIST 1" in the file (or
 * FLAGS=-DPTRACE_COEXIST) selects this design.
 *
 * The tracer P (PTRACE_ATTACHed before T runs, as in every coexistence
 * configuration):
 *   sc_wait()              waitpid(child, &status, WCONTINUED): a ptrace stop
 *                          (TASK_TRACED, nonzero exit_code), WIFCONTINUED, or
 *                          the child's exit
 *   sc_expect_stop(sig)    WIFSTOPPED && WSTOPSIG == sig (SIG_USR, SIG_TRAP,
 *                          SIG_STOP, SIG_CONT, or EC_SYSCALL: SIGTRAP|0x80)
 *   sc_expect_gstop()      WIFSTOPPED by the group-stop trap (do_jobctl_trap():
 *                          WSTOPSIG SIGSTOP, PTRACE_GETSIGINFO would fail)
 *   sc_expect_cont()       WIFCONTINUED
 *   sc_cont(sig)           ptrace(PTRACE_CONT, child, 0, sig)
 *   sc_syscall(sig)        ptrace(PTRACE_SYSCALL, child, 0, sig)
 *   sc_step()              ptrace(PTRACE_SINGLESTEP, child, 0, 0)
 *   sc_detach(sig)         ptrace(PTRACE_DETACH, child, 0, sig)
 *                          sig: 0, or 1 = the stop's signal (a signal stop's
 *                          signal; SIGUSR1 after a syscall stop; nothing at
 *                          the group-stop trap: do_jobctl_trap() discards it)
 *   sc_exit()              the tracer exits (exit_ptrace(): __ptrace_unlink)
 *   sc_kill(sig)           kill(child, sig)   (SIG_USR)
 *   sc_sigstop(), sc_sigcont()  kill(child, SIGSTOP), kill(child, SIGCONT)
 *   sc_expect_running()    eventually the child runs (no stop bit: neither
 *                          group-stopped nor traced nor utrace-stopped; blocks
 *                          until then: a hang is a failure)
 *   sc_expect_gstopped()   eventually the child sleeps in the group stop
 *                          (TASK_STOPPED and nothing else, SIGNAL_STOP_STOPPED:
 *                          /proc state "T (stopped)", not "t (tracing stop)";
 *                          blocks until then: a hang is a failure)
 *   sc_expect_handled(n)   eventually the SIGUSR1 handler has run n times
 * Every request first passes ptrace_check_attach(), which must succeed
 * (-ESRCH is a failure: nothing but SIGKILL may end a ptrace stop).
 *
 * The controller C of the utrace engine E (C_SCRIPT, this design only; E is
 * attached with QUIESCE|SIGNAL before T runs; without C_SCRIPT, C does
 * nothing in a scenario and E stays attached and idle):
 *   sc_utrace_stop()       utrace_control(task, E, UTRACE_STOP)   (0 or
 *                          -EINPROGRESS: T stops at its next report)
 *   sc_utrace_resume()     the documented resume (driver_lib.pml c_resume_idle:
 *                          E's callbacks answer RESUME from now, utrace_barrier,
 *                          utrace_control(task, E, UTRACE_RESUME)); a bare
 *                          utrace_control() can be overridden by a callback
 *                          already in progress that returns UTRACE_STOP
 *   sc_utrace_detach()     utrace_control(task, E, UTRACE_DETACH) + barrier
 *                          (the documented detach, driver_lib.pml c_detach)
 *
 * Not in this design (compile-time errors): sc_attach() and P2_SCRIPT (no
 * PTRACE_ATTACH during the run, no second tracer).  The requests use P's
 * locals (PT_P_LOCALS of ptrace_coexist.pml) and C's (CTL_LOCALS, ret, r2).
 */
#ifndef PTRACE_COEXIST_SCRIPT_PML
#define PTRACE_COEXIST_SCRIPT_PML

#ifdef P2_SCRIPT
#error "P2_SCRIPT: no second tracer under PTRACE_COEXIST (model/PTRACE.md, Limits of the coexistence configuration)"
#endif
#if defined(C_SCRIPT) && !defined(P_SCRIPT)
#error "C_SCRIPT is read only in a scenario: define P_SCRIPT too"
#endif
#if WITH_P2
#error "WITH_P2: no second tracer under PTRACE_COEXIST"
#endif

#define sc_wait() atomic { CX_WAIT_COND(1) -> CX_WAIT_TAKE(1) }
#define sc_expect_stop(sig) assert(w == W_STOP && wcode == (sig))
#define sc_expect_gstop() assert(w == W_STOP && wcode == EC_GSTOP)
#define sc_expect_cont() assert(w == W_CONT)
/* the request's data: the tracer loop's rule (ptrace_coexist_model.pml) */
#define SC_CX_DATA(sig) \
	pr_data = ((wcode != EC_GSTOP && (sig)) -> ((wcode == EC_SYSCALL) -> SIG_USR : wcode) : 0)
#define sc_check_attach() ptrace_check_attach(1); assert(chk == E_OK)
#define sc_cont(sig) sc_check_attach(); SC_CX_DATA(sig); ptrace_resume(R_CONT, pr_data)
#define sc_syscall(sig) sc_check_attach(); SC_CX_DATA(sig); ptrace_resume(R_SYSCALL, pr_data)
#define sc_step() sc_check_attach(); ptrace_resume(R_STEP, 0)
#define sc_detach(sig) sc_check_attach(); SC_CX_DATA(sig); ptrace_detach(pr_data)
#define sc_exit() exit_ptrace(1)
#define sc_attach() sc_attach_is_not_modelled_under_PTRACE_COEXIST()
#define sc_kill(sig) s_kill_sig(sig)
#define sc_sigstop() cx_kill_sigstop()
#define sc_sigcont() cx_kill_sigcont()
#define sc_expect_running() atomic { (tstate & STATE_QUIESCENT) == 0 -> skip }
#define sc_expect_gstopped() atomic { tstate == __TASK_STOPPED && gstop -> skip }
#define sc_expect_handled(n) atomic { g_nusr >= (n) -> assert(g_nusr == (n)) }

/* C's requests (the same steps as ctl()'s menu; g_ut_hold: S16's record that
 * E's UTRACE_STOP returned 0 and has not been released) */
#define sc_utrace_stop() \
	utrace_control(0, UTRACE_STOP, UTRACE_STOP, ret); \
	d_step { g_ut_hold = g_ut_hold || (ret == E_OK) }
#define sc_utrace_resume() \
	d_step { g_ut_hold = 0 }; \
	c_resume_idle(0)
#define sc_utrace_detach() \
	d_step { g_ut_hold = 0 }; \
	c_detach(0)

#endif /* PTRACE_COEXIST_SCRIPT_PML */
