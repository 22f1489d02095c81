/*
 * model/ptrace_signal.pml - the parts of kernel/signal.c that ptrace.pml
 * needs: get_signal_to_deliver() with the utrace hook and the signal's
 * delivery, and kill(2) from a third process.  Replaces the core's
 * get_signal_to_deliver() (SIGNAL_C_MODEL).  Included by ptrace.pml after
 * utrace_core.pml.
 *
 * Signals are the bits of sigpend (ptrace_state.pml).  Delivery: SIGUSR1 has
 * a handler (delivering it discharges L5's debt); SIGTRAP (the single-step
 * trap) is discarded when delivered (its default action, a core dump, is not
 * modelled); SIGCONT has no handler (its work is done when it is sent,
 * ptrace_jobctl.pml); SIGSTOP's default action is the group stop
 * (do_signal_stop(), ptrace_jobctl.pml).
 */
#ifndef PTRACE_SIGNAL_PML
#define PTRACE_SIGNAL_PML

/*
 * get_signal_to_deliver(info, return_ka, regs, cookie).  kernel: "relock:
 * spin_lock_irq(&sighand->siglock); ... for (;;) { ... signr =
 * tracehook_get_signal(current, regs, info, return_ka); if (unlikely(signr
 * < 0)) goto relock; else if (signr != 0) ka = return_ka; else { signr =
 * dequeue_signal(current, &current->blocked, info); if (!signr) break; ...}
 * ... deliver }"  SIGKILL first (do_group_exit).  utrace_get_signal() is
 * entered with siglock held and returns with it released; its hooks record
 * the path it took (t_path: 0 it returned 0, 1 a UTRACE_SIGNAL_REPORT pass
 * or a resume request (-1, relock), 2 it dequeued t_sig) and the signal to
 * deliver (t_deliver).  "relock" is the caller's next round
 * (exit_to_user(): TIF_SIGPENDING is recomputed here).
 */
inline get_signal_to_deliver()
{
	d_step { g_kwake = 0 }
	spin_lock(siglock);
	if
	:: fatal -> spin_unlock(siglock); t_exiting = 1	/* do_group_exit(SIGKILL) */
	:: else ->
		d_step { t_path = 0; t_sig = 0; t_deliver = 0 }
		if
		:: uflags != 0 -> utrace_get_signal()	/* tracehook_get_signal() */
		:: else -> spin_unlock(siglock)
		fi;
		spin_lock(siglock);
		d_step {	/* siglock held: dequeue (no utrace), deliver, recalc_sigpending() */
			if
			:: t_path == 0 && sigpend != 0 ->
				t_deliver = LOWEST_SIG(sigpend); sigpend = sigpend & ~t_deliver;
				stop_dequeued = stop_dequeued | (t_deliver == SIG_STOP)	/* SIGNAL_STOP_DEQUEUED */
			:: else
			fi;
			if
			:: t_deliver != 0 ->
				g_owed = g_owed & ~t_deliver;	/* handler (SIGUSR1) / discarded (SIGTRAP) */
				if
				:: t_deliver == SIG_USR -> g_nusr++	/* scenarios: the handler ran */
				:: else
				fi;
				printf("@%d get_signal_to_deliver: deliver %d\n", _pid, t_deliver)
			:: else
			fi;
			sig_q = (sigpend != 0);
			tif_sp = (sig_q || fatal || resume == UTRACE_INTERRUPT);
			/* SIGSTOP's default action: "if (sig_kernel_stop(signr)) { ...
			 * if (likely(do_signal_stop(info->si_signo))) goto relock; }"
			 * (SIGCONT and SIGTRAP: no handler, nothing to do) */
			t_path = 0; t_sig = 0; t_deliver = (t_deliver == SIG_STOP -> SIG_STOP : 0)
		}
		if
		:: t_deliver == SIG_STOP -> do_signal_stop()	/* ptrace_jobctl.pml; releases siglock */
		:: else -> spin_unlock(siglock)
		fi
	fi
}

/* kill(T, sig) from a third process S: send_signal() + signal_wake_up(t, 0)
 * (an ordinary signal does not wake a stopped task) */
inline s_kill_sig(sig)
{
	spin_lock(siglock);
	d_step {
		if
		:: exit_state == EXIT_ALIVE -> sigpend = sigpend | (sig); sig_q = 1; tif_sp = 1
		:: else
		fi;
		printf("@%d kill %d\n", _pid, sig)
	}
	spin_unlock(siglock)
}

/* kill(T, SIGKILL): "signal_wake_up(t, 1)": TASK_WAKEKILL wakes any stop */
inline s_kill_sigkill()
{
	spin_lock(siglock);
	d_step {
		if
		:: exit_state == EXIT_ALIVE ->
			fatal = 1; tif_sp = 1;
			if
			:: tstate != TASK_RUNNING -> g_kwake = ((tstate & __TASK_UTRACED) != 0); tstate = TASK_RUNNING
			:: else
			fi
		:: else
		fi;
		printf("@%d SIGKILL\n", _pid)
	}
	spin_unlock(siglock)
}

#endif /* PTRACE_SIGNAL_PML */
