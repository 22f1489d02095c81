/*
 * model/ptrace_script.pml - the scenario interface of ptrace.pml: a tracer's
 * script is a sequence of ptrace requests, waits, signals and expectations,
 * like a small test program.  A scenario file (model/scenarios/ptrace_*.pml)
 * sets the tracee's script (T_EVENTS) and defines P_SCRIPT (and P2_SCRIPT
 * with WITH_P2=1) from these inlines, then includes ../ptrace.pml; SPIN
 * checks every property over every interleaving of the script, and the
 * sc_expect_* assertions give the outcome the kernel gives.
 *
 *   sc_wait()              waitpid(child, &status, 0)
 *   sc_expect_stop(sig)    WIFSTOPPED(status) && WSTOPSIG(status) == sig
 *                          (SIG_USR, SIG_TRAP, or EC_SYSCALL: SIGTRAP|0x80)
 *   sc_cont(sig)           ptrace(PTRACE_CONT, child, 0, sig)   (sig 0 or 1)
 *   sc_syscall(sig)        ptrace(PTRACE_SYSCALL, child, 0, sig)
 *   sc_step()              ptrace(PTRACE_SINGLESTEP, child, 0, 0)
 *   sc_detach(sig)         ptrace(PTRACE_DETACH, child, 0, sig)  (sig: 0 or 1 = the stop's signal)
 *   sc_exit()              the tracer exits (exit_ptrace: implicit detach)
 *   sc_attach()            ptrace(PTRACE_ATTACH, child) must return 0 (P2)
 *   sc_kill(sig)           kill(child, sig)  (SIG_USR)
 *   sc_sigstop(), sc_sigcont()  kill(child, SIGSTOP), kill(child, SIGCONT)
 *   sc_expect_gstop()      WIFSTOPPED, a group stop (WSTOPSIG SIGSTOP, not a
 *                          signal stop: PTRACE_GETSIGINFO would fail)
 *   sc_expect_cont()       WIFCONTINUED (the tracer waits with WCONTINUED)
 *   sc_expect_running()    eventually the child runs (neither group-stopped
 *                          nor traced; blocks until then: a hang is a failure)
 * A request to a group-stopped child first passes ptrace_check_attach()
 * (ptrace_jobctl.pml), which must succeed (nothing else wakes it here).
 *   sc_expect_handled(n)   eventually the child's SIGUSR1 handler has run n
 *                          times (blocks until then: a hang is a failure)
 *   sc_expect_gstopped()   eventually the child sleeps in the group stop
 *                          (TASK_STOPPED and nothing else, SIGNAL_STOP_STOPPED:
 *                          /proc state "T (stopped)"; blocks until then)
 * The same test program can be checked under -DPTRACE_COEXIST: the same
 * macros, same meanings, in ptrace_coexist_script.pml.  Only there: C_SCRIPT
 * and sc_utrace_stop/resume/detach() (the utrace engine E's controller; in
 * this design E's controller CE of ptrace_ectl.pml has no script) and
 * SC_ATTACH_SIGSTOP (PTRACE_ATTACH's SIGSTOP).  Only here: sc_attach() and
 * P2_SCRIPT.  The others are compile-time errors.
 * The requests use the tracer's locals (CTL_LOCALS, PT_P_LOCALS).
 */
#ifndef PTRACE_SCRIPT_PML
#define PTRACE_SCRIPT_PML

#define sc_wait() atomic { PTRACE_WAIT_COND(_pid) -> PTRACE_WAIT_TAKE(_pid) }
#define sc_expect_stop(sig) assert(w == W_STOP && wcode == (sig))
#define sc_check_attach() \
	if \
	:: wcode == EC_GSTOP -> ptrace_check_attach_gstop(pt_e); assert(ret == E_OK) \
	:: else \
	fi
#define sc_cont(sig) sc_check_attach(); ptrace_resume(pt_e, UTRACE_RESUME, 0, sig)
#define sc_syscall(sig) sc_check_attach(); ptrace_resume(pt_e, UTRACE_RESUME, 1, sig)
#define sc_step() sc_check_attach(); ptrace_resume(pt_e, UTRACE_SINGLESTEP, 0, 0)
#define sc_detach(sig) sc_check_attach(); ptrace_detach(pt_e, sig)
#define sc_exit() exit_ptrace(_pid, pt_e)
#define sc_attach() ptrace_attach_task(_pid); assert(ret == E_OK)
#define sc_kill(sig) s_kill_sig(sig)
#define sc_sigstop() s_kill_sigstop()
#define sc_sigcont() s_kill_sigcont()
#define sc_expect_gstop() assert(w == W_STOP && wcode == EC_GSTOP)
#define sc_expect_cont() assert(w == W_CONT)
#define sc_expect_running() atomic { (tstate & (__TASK_STOPPED | __TASK_UTRACED)) == 0 -> skip }
#define sc_expect_handled(n) atomic { g_nusr >= (n) -> assert(g_nusr == (n)) }
#define sc_expect_gstopped() atomic { tstate == __TASK_STOPPED && gstop -> skip }

/* not in this design (ptrace_coexist_script.pml) */
#ifdef SC_ATTACH_SIGSTOP
#error "SC_ATTACH_SIGSTOP (PTRACE_ATTACH's SIGSTOP) is modelled only under PTRACE_COEXIST"
#endif
#ifdef C_SCRIPT
#error "C_SCRIPT (the utrace engine's controller) exists only under PTRACE_COEXIST"
#endif
#define sc_utrace_stop() sc_utrace_stop_exists_only_under_PTRACE_COEXIST()
#define sc_utrace_resume() sc_utrace_resume_exists_only_under_PTRACE_COEXIST()
#define sc_utrace_detach() sc_utrace_detach_exists_only_under_PTRACE_COEXIST()

#endif /* PTRACE_SCRIPT_PML */
