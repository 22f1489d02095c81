/*
 * model/utrace_state.pml - the shared state of the utrace models.
 * This file is meant to be #include'd (after params.pml and kernel.pml).
 *
 * Three kinds of state, kept apart:
 *   1. kernel state, named after the kernel fields it stands for;
 *   2. engine-private data: the struct an engine's controller and its
 *      callbacks share (engine->data); not utrace's business;
 *   3. checker-only ghost state, prefixed g_, written only inside
 *      d_step/atomic blocks together with the step it observes, never read
 *      by the modelled algorithm.
 */
#ifndef UTRACE_STATE_PML
#define UTRACE_STATE_PML

/* ---- 1. kernel state ---------------------------------------------------- */

/* struct utrace of the tracee T */
byte ulock = NOBODY;		/* utrace->lock */
byte reporting = NOENG;		/* utrace->reporting (written only by T / the teardown) */
byte resume = UTRACE_RESUME;	/* utrace->resume */
bit  pending_attach;		/* utrace->pending_attach */
bit  death;			/* utrace->death */
bit  reap;			/* utrace->reap */
byte nattach;			/* list order: position given to the next engine added */

/* struct task_struct of T */
byte uflags;			/* T->utrace_flags */
byte tstate;			/* T->state */
byte exit_state;		/* T->exit_state */
bit  fatal;			/* fatal_signal_pending(T): SIGKILL queued */
bit  sig_q;			/* an ordinary signal is queued for T */
bit  tif_nr;			/* TIF_NOTIFY_RESUME */
bit  tif_sp;			/* TIF_SIGPENDING */
bit  tif_ss;			/* TIF_SINGLESTEP (user_enable/disable_single_step) */
byte siglock = NOBODY;		/* T->sighand->siglock */

/* struct utrace_engine, engine i belongs to controller i */
byte eops[NENGINES];		/* engine->ops: OPS_NULL/OPS_LIVE/OPS_DETACHED */
byte eflags[NENGINES];		/* engine->flags */
byte onlist[NENGINES];		/* engine->entry: L_NONE/L_ATTACHING/L_ATTACHED/L_PRIVATE/L_REAPING */
byte epos[NENGINES];		/* order on utrace->attached (attach order) */
byte ref[NENGINES];		/* engine->kref */

/* ---- 2. engine-private data (engine->data) ------------------------------ */

byte cwant[NENGINES] = UTRACE_RESUME;		/* the action the controller wants its callbacks to return */
bit  handover[NENGINES];	/* controller got -EALREADY: report_death must clean up */
bit  g_int_owed[NENGINES];	/* ghost (L4): a callback of this live QUIESCE engine returned
				 * UTRACE_INTERRUPT outside a signal pass; cleared by its report_signal */
bit  got_sig[NENGINES];		/* report_signal came (the controller waits for it after INTERRUPT) */

/* ---- 3. checker-only state ---------------------------------------------- */

#define DATA_NONE  0
#define DATA_ALIVE 1
#define DATA_FREED 2
byte g_data[NENGINES];		/* engine data: allocated, alive, freed */
byte g_in_cb[NENGINES];		/* engine code of engine i running: the event bits that justified the call (0: none) */
byte g_pend[NENGINES] = NORET;		/* result of a callback of engine i not yet applied (NORET: none) */
bit  g_step[NENGINES];		/* engine i's latest word (callback or control on a stopped T) is *STEP */
bit  g_sigrep[NENGINES];	/* engine i got report_signal since its last INTERRUPT */
bit  g_ealready[NENGINES];	/* controller i got -EALREADY from DETACH */
bit  g_deathcb[NENGINES];	/* engine i got a callback in the death report pass */
byte g_disabled[NENGINES];	/* event bits whose removal returned 0 while T was running */
bit  g_released[NENGINES];	/* ops->release(data) ran (last kref put) */
bit  g_torn;			/* reap teardown finished: utrace_flags must stay 0 */
bit  t_gone;			/* ghost: T finished do_exit() (death report and its teardown included) */
bit  g_kwake;			/* ghost (S5): SIGKILL woke T from a utrace stop; T has not passed utrace_finish_stop() */
byte g_done;			/* controllers that reached their end */
byte g_setup;			/* PREATTACH: controllers whose engine is attached */

#endif /* UTRACE_STATE_PML */
