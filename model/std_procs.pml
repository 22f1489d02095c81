/*
 * model/std_procs.pml - the reaper R, the SIGKILL source K and the invariant
 * monitor, shared by utrace.pml and the scenarios.  Include after the tracee
 * and controller proctypes (pids: T 0, controllers 1..NENGINES, then these).
 */
#ifndef STD_PROCS_PML
#define STD_PROCS_PML

/* R: the parent's wait() reaps the zombie, then release_task() */
active proctype reaper()
{
	RESET_LOCALS;
#if WITH_REAPER
end_wait:	/* the parent in wait(): T may never exit */
	atomic { exit_state == EXIT_ZOMBIE -> exit_state = EXIT_DEAD;
		 printf("@%d wait_task_zombie: EXIT_DEAD\n", _pid) }
	/* release_task() -> utrace_release_task(): "smp_mb(); if
	 * (task_utrace_flags(task)) utrace_maybe_reap(task, utrace, true);" (B3) */
	if
	:: uflags != 0 -> utrace_maybe_reap(1)
	:: else
	fi;
	/* L7 (no lost teardown): once T has finished do_exit() and
	 * release_task() is over, nobody is left to tear the engines down:
	 * every engine must be off the task's lists (N3, N4) */
end_reaped:
	atomic { t_gone -> CHECK(L7, NO_ENGINE_LISTED) }
#else
	skip
#endif
}

/* K: may send SIGKILL once, at any time */
active proctype killer()
{
#if WITH_SIGKILL
	if
	:: true
	:: spin_lock(siglock);
		d_step {	/* kill(T, SIGKILL) -> signal_wake_up(T, 1): TASK_WAKEKILL wakes any stop */
			if
			:: exit_state == EXIT_ALIVE ->
				fatal = 1; tif_sp = 1;
				if
				:: tstate != TASK_RUNNING ->
					g_kwake = ((tstate & __TASK_UTRACED) != 0);	/* S5 bookkeeping */
					tstate = TASK_RUNNING
				:: else
				fi
			:: else
			fi;
			printf("@%d SIGKILL\n", _pid)
		}
		spin_unlock(siglock)
	fi
#else
	skip
#endif
}

/* S1 checked in every state */
active proctype monitor()
{
end_monitor:
	atomic { !S1_HOLDS -> CHECK(S1, S1_HOLDS) }
}

#endif /* STD_PROCS_PML */
