/*
 * model/witness.pml - reachability witnesses: claims that are EXPECTED TO
 * FAIL.  Each says "this never happens" about something the model must be
 * able to do; SPIN finding a counterexample shows that the properties checked
 * elsewhere do not hold vacuously.  Built only with -DWITNESS (a never claim
 * changes how pan searches, so the main runs are built without them).
 */
#ifdef WITNESS
ltl w_stops       { [] !(tstate & __TASK_UTRACED) }			/* T stops in utrace_stop */
ltl w_killed_stop { [] !g_kwake }					/* SIGKILL wakes T from a utrace stop */
ltl w_step_user   { [] !(tif_ss && tracee@end_user) }			/* T runs single-stepped in user mode */
ltl w_reap_torn   { [] !g_torn }					/* the reap teardown runs */
ltl w_detached    { [] !(eops[0] == OPS_DETACHED) }			/* an engine is marked detached */
ltl w_barrier_cb  { [] !(reporting == 0 && g_in_cb[0]) }		/* a callback runs while reporting is set */
ltl w_death_cb    { [] !g_deathcb[0] }					/* report_death / death-pass callback */
ltl w_ealready    { [] !g_ealready[0] }					/* DETACH returns -EALREADY */
ltl w_two_stop    { [] !(ESTOP_LIVE(0) && ESTOP_LIVE(1) && (tstate & __TASK_UTRACED)) }	/* both engines hold T */
ltl w_released    { [] !g_released[0] }					/* release callback runs */
ltl w_interrupt   { [] !(got_sig[0]) }					/* report_signal after INTERRUPT */
#endif
