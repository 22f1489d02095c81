/* SPDX-License-Identifier: GPL-2.0 */
/*
 * utrace.acsl.h - the ACSL model and the contracts of utrace.c
 *
 * Included by utrace.c after its private types.  For gcc this file is a
 * set of comments; Frama-C/WP (which defines __FRAMAC__) reads:
 *
 *  1. the ghost state of the proof: the traced task g_t (its utrace g_u,
 *     its sighand g_sh); g_e[0..g_ne) the engines on its lists in order,
 *     attached then attaching (attached = the prefix g_e[0..g_natt));
 *     g_prv[0..g_nprv) the engines the current thread holds privately (a
 *     new engine before it is linked, unlinked engines on the way to their
 *     last put); g_own[0..g_nown) every engine ever attached to the task;
 *     the current thread's lock state (g_ulock, g_siglock, g_tasklist);
 *     g_tpass (the traced task is in a report pass); g_k (list cursor);
 *  2. the predicates, above all the lock invariant utrace_inv (I1-I11 of
 *     docs/protocol.md, as proved): it holds whenever utrace->lock is free;
 *  3. the environment model (the trusted base, proofs/trusted.txt):
 *     interference (what other threads may do before a racy read), locks
 *     (acquire = interference + invariant, release requires it), list
 *     primitives, references, allocation, scheduler, signals, engine
 *     callbacks;
 *  4. one contract per function of utrace.c (and of the inlines of
 *     utrace.h).
 *
 * The proof is for one traced task g_t: every function is called on g_t
 * (an engine of another task is the "foreign" case, -EINVAL).  All utrace
 * state is per task and no function touches two tasks' state.
 */
#ifndef _UTRACE_ACSL_H
#define _UTRACE_ACSL_H

#ifdef __FRAMAC__

/* Bit numbers of utrace.h for the per-bit specifications. */
#define B_QUIESCE	0
#define B_REAP		1
#define B_DEATH		5
#define B_ESTOP		14
#define UTRACE_GHOST_MAXE	1048576

/*@ ghost struct task_struct *g_t; */
/*@ ghost struct utrace *g_u; */
/*@ ghost struct sighand_struct *g_sh; */
/*@ ghost struct task_struct *__fc_current; */
/*@ ghost struct utrace_engine *g_e[UTRACE_GHOST_MAXE]; */
/*@ ghost int g_ne; */
/*@ ghost int g_natt; */
/*@ ghost struct utrace_engine *g_prv[UTRACE_GHOST_MAXE]; */
/*@ ghost int g_nprv; */
/*@ ghost struct list_head *g_ph; */
/*@ ghost struct utrace_engine *g_own[UTRACE_GHOST_MAXE]; */
/*@ ghost int g_nown; */
/*@ ghost int g_ulock; */
/*@ ghost int g_siglock; */
/*@ ghost int g_tasklist; */
/*@ ghost int g_tpass; */
/*@ ghost int g_k; */

/*@ axiomatic WpBits {
      logic boolean bit_test(integer x, integer k);
    }
    axiomatic ErrPtr {
      logic struct utrace_engine *err_ptr(integer error);
    }
*/

#define U64(x)		((unsigned long)(x))
#define ALL_E(k, P)	(\forall integer k; 0 <= k < g_ne ==> (P))
#define EX_E(k, P)	(\exists integer k; 0 <= k < g_ne && (P))
#define ALL_PRV(k, P)	(\forall integer k; 0 <= k < g_nprv ==> (P))
/* same_events() written out bit by bit, so that Qed can simplify each bit
 * (a predicate is opaque to Qed). */
#define SAME_EVENTS(a, b)	\
	(bit_test(a, 0) <==> bit_test(b, 0)) && \
	(bit_test(a, 1) <==> bit_test(b, 1)) && \
	(bit_test(a, 2) <==> bit_test(b, 2)) && \
	(bit_test(a, 3) <==> bit_test(b, 3)) && \
	(bit_test(a, 4) <==> bit_test(b, 4)) && \
	(bit_test(a, 5) <==> bit_test(b, 5)) && \
	(bit_test(a, 6) <==> bit_test(b, 6)) && \
	(bit_test(a, 7) <==> bit_test(b, 7)) && \
	(bit_test(a, 8) <==> bit_test(b, 8)) && \
	(bit_test(a, 9) <==> bit_test(b, 9)) && \
	(bit_test(a, 10) <==> bit_test(b, 10)) && \
	(bit_test(a, 11) <==> bit_test(b, 11)) && \
	(bit_test(a, 12) <==> bit_test(b, 12)) && \
	(bit_test(a, 13) <==> bit_test(b, 13))

/*@
  predicate sep_engine(struct utrace_engine *e) =
    \separated(e, g_t) && \separated(e, g_u) && \separated(e, g_sh);

  // The proof's context (memory independent).
  predicate ctx =
    \valid(g_t) && \valid(g_u) && \valid(g_sh) &&
    \separated(g_t, g_u) && \separated(g_t, g_sh) && \separated(g_u, g_sh) &&
    \valid(__fc_current) &&
    (__fc_current == g_t ||
     (\separated(__fc_current, g_t) && \separated(__fc_current, g_u) &&
      \separated(__fc_current, g_sh)));

  // The task's utrace and sighand pointers (never change; read at entry).
  predicate task_ptrs{L} = g_t->utrace == g_u && g_t->sighand == g_sh;

  predicate nolocks = g_ulock == 0 && g_siglock == 0 && g_tasklist == 0;

  predicate live{L}(struct utrace_engine *e) =
    e->ops != \null && e->ops != &utrace_detached_ops;

  predicate utraced{L} = (__fc_state & __TASK_UTRACED) != 0;

  predicate in_E(struct utrace_engine *e) = EX_E(k, g_e[k] == e);
  predicate in_att(struct utrace_engine *e) =
    \exists integer k; 0 <= k < g_natt && g_e[k] == e;
  predicate in_prv(struct utrace_engine *e) =
    \exists integer k; 0 <= k < g_nprv && g_prv[k] == e;
  predicate in_own(struct utrace_engine *e) =
    \exists integer i; 0 <= i < g_nown && g_own[i] == e;
  predicate unlinked(struct utrace_engine *e) = !in_E(e) && !in_prv(e);

  // Event bits 0.._UTRACE_NEVENTS-1, one by one (per-bit specifications
  // are what the solvers prove; bits above ENGINE_STOP carry no meaning).
  predicate covers(integer big, integer small) =
    (bit_test(small, 0) ==> bit_test(big, 0)) &&
    (bit_test(small, 1) ==> bit_test(big, 1)) &&
    (bit_test(small, 2) ==> bit_test(big, 2)) &&
    (bit_test(small, 3) ==> bit_test(big, 3)) &&
    (bit_test(small, 4) ==> bit_test(big, 4)) &&
    (bit_test(small, 5) ==> bit_test(big, 5)) &&
    (bit_test(small, 6) ==> bit_test(big, 6)) &&
    (bit_test(small, 7) ==> bit_test(big, 7)) &&
    (bit_test(small, 8) ==> bit_test(big, 8)) &&
    (bit_test(small, 9) ==> bit_test(big, 9)) &&
    (bit_test(small, 10) ==> bit_test(big, 10)) &&
    (bit_test(small, 11) ==> bit_test(big, 11)) &&
    (bit_test(small, 12) ==> bit_test(big, 12)) &&
    (bit_test(small, 13) ==> bit_test(big, 13));
  predicate same_events(integer a, integer b) =
    (bit_test(a, 0) <==> bit_test(b, 0)) &&
    (bit_test(a, 1) <==> bit_test(b, 1)) &&
    (bit_test(a, 2) <==> bit_test(b, 2)) &&
    (bit_test(a, 3) <==> bit_test(b, 3)) &&
    (bit_test(a, 4) <==> bit_test(b, 4)) &&
    (bit_test(a, 5) <==> bit_test(b, 5)) &&
    (bit_test(a, 6) <==> bit_test(b, 6)) &&
    (bit_test(a, 7) <==> bit_test(b, 7)) &&
    (bit_test(a, 8) <==> bit_test(b, 8)) &&
    (bit_test(a, 9) <==> bit_test(b, 9)) &&
    (bit_test(a, 10) <==> bit_test(b, 10)) &&
    (bit_test(a, 11) <==> bit_test(b, 11)) &&
    (bit_test(a, 12) <==> bit_test(b, 12)) &&
    (bit_test(a, 13) <==> bit_test(b, 13));

  // Per-bit facts on the constants the code uses (proved, used by the
  // solvers, which do not evaluate bit_test on constants themselves).
  lemma covers_zero: \forall integer x; covers(x, 0);
  lemma covers_refl: \forall integer x; covers(x, x);
  lemma covers_trans: \forall integer x, y, z;
    covers(x, y) && covers(y, z) ==> covers(x, z);
  // An OR keeps what each side covers (utrace_reset's accumulation).
  lemma covers_or_l: \forall integer x, y, z;
    covers(x, z) ==> covers(x | y, z);
  lemma covers_or_r: \forall integer x, y, z;
    covers(y, z) ==> covers(x | y, z);
  lemma bit_reap_marker: bit_test(UTRACE_EVENT(REAP), B_REAP) &&
    !bit_test(UTRACE_EVENT(REAP), B_ESTOP) && !bit_test(UTRACE_EVENT(REAP), B_DEATH) &&
    !bit_test(UTRACE_EVENT(REAP), B_QUIESCE);
  lemma bit_zero: \forall integer b; 0 <= b < 64 ==> !bit_test(0, b);
  lemma bit_quiesce: bit_test(UTRACE_EVENT(QUIESCE), B_QUIESCE) &&
    !bit_test(UTRACE_EVENT(QUIESCE), B_ESTOP) && !bit_test(UTRACE_EVENT(QUIESCE), B_REAP);
  lemma bit_estop: bit_test(ENGINE_STOP, B_ESTOP) &&
    !bit_test(ENGINE_STOP, 0) &&
    !bit_test(ENGINE_STOP, 1) &&
    !bit_test(ENGINE_STOP, 2) &&
    !bit_test(ENGINE_STOP, 3) &&
    !bit_test(ENGINE_STOP, 4) &&
    !bit_test(ENGINE_STOP, 5) &&
    !bit_test(ENGINE_STOP, 6) &&
    !bit_test(ENGINE_STOP, 7) &&
    !bit_test(ENGINE_STOP, 8) &&
    !bit_test(ENGINE_STOP, 9) &&
    !bit_test(ENGINE_STOP, 10) &&
    !bit_test(ENGINE_STOP, 11) &&
    !bit_test(ENGINE_STOP, 12) &&
    !bit_test(ENGINE_STOP, 13);
  lemma bit_lor: \forall integer x, y, b; 0 <= b < 64 ==>
    (bit_test(x | y, b) <==> (bit_test(x, b) || bit_test(y, b)));
  lemma bit_land: \forall integer x, y, b; 0 <= b < 64 ==>
    (bit_test(x & y, b) <==> (bit_test(x, b) && bit_test(y, b)));
  // Clearing ENGINE_STOP (bit 14) keeps the event bits 0..13.
  lemma bit_clear_estop: \forall integer x;
    !bit_test(x & U64(~ENGINE_STOP), B_ESTOP) &&
    (bit_test(x & U64(~ENGINE_STOP), 0) <==> bit_test(x, 0)) &&
    (bit_test(x & U64(~ENGINE_STOP), 1) <==> bit_test(x, 1)) &&
    (bit_test(x & U64(~ENGINE_STOP), 2) <==> bit_test(x, 2)) &&
    (bit_test(x & U64(~ENGINE_STOP), 3) <==> bit_test(x, 3)) &&
    (bit_test(x & U64(~ENGINE_STOP), 4) <==> bit_test(x, 4)) &&
    (bit_test(x & U64(~ENGINE_STOP), 5) <==> bit_test(x, 5)) &&
    (bit_test(x & U64(~ENGINE_STOP), 6) <==> bit_test(x, 6)) &&
    (bit_test(x & U64(~ENGINE_STOP), 7) <==> bit_test(x, 7)) &&
    (bit_test(x & U64(~ENGINE_STOP), 8) <==> bit_test(x, 8)) &&
    (bit_test(x & U64(~ENGINE_STOP), 9) <==> bit_test(x, 9)) &&
    (bit_test(x & U64(~ENGINE_STOP), 10) <==> bit_test(x, 10)) &&
    (bit_test(x & U64(~ENGINE_STOP), 11) <==> bit_test(x, 11)) &&
    (bit_test(x & U64(~ENGINE_STOP), 12) <==> bit_test(x, 12)) &&
    (bit_test(x & U64(~ENGINE_STOP), 13) <==> bit_test(x, 13));
  // Masking with ENGINE_STOP keeps only bit 14.
  lemma bit_and_estop: \forall integer x;
    (bit_test(x & ENGINE_STOP, B_ESTOP) <==> bit_test(x, B_ESTOP)) &&
    !bit_test(x & ENGINE_STOP, 0) &&
    !bit_test(x & ENGINE_STOP, 1) &&
    !bit_test(x & ENGINE_STOP, 2) &&
    !bit_test(x & ENGINE_STOP, 3) &&
    !bit_test(x & ENGINE_STOP, 4) &&
    !bit_test(x & ENGINE_STOP, 5) &&
    !bit_test(x & ENGINE_STOP, 6) &&
    !bit_test(x & ENGINE_STOP, 7) &&
    !bit_test(x & ENGINE_STOP, 8) &&
    !bit_test(x & ENGINE_STOP, 9) &&
    !bit_test(x & ENGINE_STOP, 10) &&
    !bit_test(x & ENGINE_STOP, 11) &&
    !bit_test(x & ENGINE_STOP, 12) &&
    !bit_test(x & ENGINE_STOP, 13);
  // Setting ENGINE_STOP keeps the other bits.
  lemma bit_or_estop: \forall integer x;
    bit_test(x | ENGINE_STOP, 14) &&
    (bit_test(x | ENGINE_STOP, 0) <==> bit_test(x, 0)) &&
    (bit_test(x | ENGINE_STOP, 1) <==> bit_test(x, 1)) &&
    (bit_test(x | ENGINE_STOP, 2) <==> bit_test(x, 2)) &&
    (bit_test(x | ENGINE_STOP, 3) <==> bit_test(x, 3)) &&
    (bit_test(x | ENGINE_STOP, 4) <==> bit_test(x, 4)) &&
    (bit_test(x | ENGINE_STOP, 5) <==> bit_test(x, 5)) &&
    (bit_test(x | ENGINE_STOP, 6) <==> bit_test(x, 6)) &&
    (bit_test(x | ENGINE_STOP, 7) <==> bit_test(x, 7)) &&
    (bit_test(x | ENGINE_STOP, 8) <==> bit_test(x, 8)) &&
    (bit_test(x | ENGINE_STOP, 9) <==> bit_test(x, 9)) &&
    (bit_test(x | ENGINE_STOP, 10) <==> bit_test(x, 10)) &&
    (bit_test(x | ENGINE_STOP, 11) <==> bit_test(x, 11)) &&
    (bit_test(x | ENGINE_STOP, 12) <==> bit_test(x, 12)) &&
    (bit_test(x | ENGINE_STOP, 13) <==> bit_test(x, 13));
  // Setting QUIESCE keeps the other bits.
  lemma bit_or_quiesce: \forall integer x;
    bit_test(x | UTRACE_EVENT(QUIESCE), 0) &&
    (bit_test(x | UTRACE_EVENT(QUIESCE), 1) <==> bit_test(x, 1)) &&
    (bit_test(x | UTRACE_EVENT(QUIESCE), 2) <==> bit_test(x, 2)) &&
    (bit_test(x | UTRACE_EVENT(QUIESCE), 3) <==> bit_test(x, 3)) &&
    (bit_test(x | UTRACE_EVENT(QUIESCE), 4) <==> bit_test(x, 4)) &&
    (bit_test(x | UTRACE_EVENT(QUIESCE), 5) <==> bit_test(x, 5)) &&
    (bit_test(x | UTRACE_EVENT(QUIESCE), 6) <==> bit_test(x, 6)) &&
    (bit_test(x | UTRACE_EVENT(QUIESCE), 7) <==> bit_test(x, 7)) &&
    (bit_test(x | UTRACE_EVENT(QUIESCE), 8) <==> bit_test(x, 8)) &&
    (bit_test(x | UTRACE_EVENT(QUIESCE), 9) <==> bit_test(x, 9)) &&
    (bit_test(x | UTRACE_EVENT(QUIESCE), 10) <==> bit_test(x, 10)) &&
    (bit_test(x | UTRACE_EVENT(QUIESCE), 11) <==> bit_test(x, 11)) &&
    (bit_test(x | UTRACE_EVENT(QUIESCE), 12) <==> bit_test(x, 12)) &&
    (bit_test(x | UTRACE_EVENT(QUIESCE), 13) <==> bit_test(x, 13)) &&
    (bit_test(x | UTRACE_EVENT(QUIESCE), 14) <==> bit_test(x, 14));
  // Setting REAP keeps the other bits.
  lemma bit_or_reap: \forall integer x;
    bit_test(x | UTRACE_EVENT(REAP), 1) &&
    (bit_test(x | UTRACE_EVENT(REAP), 0) <==> bit_test(x, 0)) &&
    (bit_test(x | UTRACE_EVENT(REAP), 2) <==> bit_test(x, 2)) &&
    (bit_test(x | UTRACE_EVENT(REAP), 3) <==> bit_test(x, 3)) &&
    (bit_test(x | UTRACE_EVENT(REAP), 4) <==> bit_test(x, 4)) &&
    (bit_test(x | UTRACE_EVENT(REAP), 5) <==> bit_test(x, 5)) &&
    (bit_test(x | UTRACE_EVENT(REAP), 6) <==> bit_test(x, 6)) &&
    (bit_test(x | UTRACE_EVENT(REAP), 7) <==> bit_test(x, 7)) &&
    (bit_test(x | UTRACE_EVENT(REAP), 8) <==> bit_test(x, 8)) &&
    (bit_test(x | UTRACE_EVENT(REAP), 9) <==> bit_test(x, 9)) &&
    (bit_test(x | UTRACE_EVENT(REAP), 10) <==> bit_test(x, 10)) &&
    (bit_test(x | UTRACE_EVENT(REAP), 11) <==> bit_test(x, 11)) &&
    (bit_test(x | UTRACE_EVENT(REAP), 12) <==> bit_test(x, 12)) &&
    (bit_test(x | UTRACE_EVENT(REAP), 13) <==> bit_test(x, 13)) &&
    (bit_test(x | UTRACE_EVENT(REAP), 14) <==> bit_test(x, 14));
  // utrace_set_events: the new event bits with the old ENGINE_STOP.
  lemma bit_keep_estop: \forall integer e, x;
    (bit_test(e | (x & ENGINE_STOP), B_ESTOP) <==>
       (bit_test(e, B_ESTOP) || bit_test(x, B_ESTOP))) &&
    (bit_test(e | (x & ENGINE_STOP), 0) <==> bit_test(e, 0)) &&
    (bit_test(e | (x & ENGINE_STOP), 1) <==> bit_test(e, 1)) &&
    (bit_test(e | (x & ENGINE_STOP), 2) <==> bit_test(e, 2)) &&
    (bit_test(e | (x & ENGINE_STOP), 3) <==> bit_test(e, 3)) &&
    (bit_test(e | (x & ENGINE_STOP), 4) <==> bit_test(e, 4)) &&
    (bit_test(e | (x & ENGINE_STOP), 5) <==> bit_test(e, 5)) &&
    (bit_test(e | (x & ENGINE_STOP), 6) <==> bit_test(e, 6)) &&
    (bit_test(e | (x & ENGINE_STOP), 7) <==> bit_test(e, 7)) &&
    (bit_test(e | (x & ENGINE_STOP), 8) <==> bit_test(e, 8)) &&
    (bit_test(e | (x & ENGINE_STOP), 9) <==> bit_test(e, 9)) &&
    (bit_test(e | (x & ENGINE_STOP), 10) <==> bit_test(e, 10)) &&
    (bit_test(e | (x & ENGINE_STOP), 11) <==> bit_test(e, 11)) &&
    (bit_test(e | (x & ENGINE_STOP), 12) <==> bit_test(e, 12)) &&
    (bit_test(e | (x & ENGINE_STOP), 13) <==> bit_test(e, 13));
  // Clearing DEATH and QUIESCE (N4) keeps the other bits.
  lemma bit_clear_death: \forall integer x;
    !bit_test(x & U64(~_UTRACE_DEATH_EVENTS), B_DEATH) &&
    !bit_test(x & U64(~_UTRACE_DEATH_EVENTS), B_QUIESCE) &&
    (bit_test(x & U64(~_UTRACE_DEATH_EVENTS), 1) <==> bit_test(x, 1)) &&
    (bit_test(x & U64(~_UTRACE_DEATH_EVENTS), 2) <==> bit_test(x, 2)) &&
    (bit_test(x & U64(~_UTRACE_DEATH_EVENTS), 3) <==> bit_test(x, 3)) &&
    (bit_test(x & U64(~_UTRACE_DEATH_EVENTS), 4) <==> bit_test(x, 4)) &&
    (bit_test(x & U64(~_UTRACE_DEATH_EVENTS), 6) <==> bit_test(x, 6)) &&
    (bit_test(x & U64(~_UTRACE_DEATH_EVENTS), 7) <==> bit_test(x, 7)) &&
    (bit_test(x & U64(~_UTRACE_DEATH_EVENTS), 8) <==> bit_test(x, 8)) &&
    (bit_test(x & U64(~_UTRACE_DEATH_EVENTS), 9) <==> bit_test(x, 9)) &&
    (bit_test(x & U64(~_UTRACE_DEATH_EVENTS), 10) <==> bit_test(x, 10)) &&
    (bit_test(x & U64(~_UTRACE_DEATH_EVENTS), 11) <==> bit_test(x, 11)) &&
    (bit_test(x & U64(~_UTRACE_DEATH_EVENTS), 12) <==> bit_test(x, 12)) &&
    (bit_test(x & U64(~_UTRACE_DEATH_EVENTS), 13) <==> bit_test(x, 13)) &&
    (bit_test(x & U64(~_UTRACE_DEATH_EVENTS), 14) <==> bit_test(x, 14));

  // I1: list shape.  The ghost arrays are bounded; their engines are valid
  // objects, separate from the task, its utrace and from each other; an
  // engine is on one list at most.  (Memory independent.)
  predicate lists_wf =
    0 <= g_nown && g_nown + g_nprv <= UTRACE_GHOST_MAXE &&
    0 <= g_natt <= g_ne && 0 <= g_nprv && g_ne + g_nprv <= UTRACE_GHOST_MAXE &&
    (\forall integer i; 0 <= i < g_nown ==>
       \valid(g_own[i]) && sep_engine(g_own[i])) &&
    (\forall integer i, j; 0 <= i < j < g_nown ==> \separated(g_own[i], g_own[j])) &&
    ALL_E(k, \valid(g_e[k]) && sep_engine(g_e[k])) &&
    ALL_PRV(k, \valid(g_prv[k]) && sep_engine(g_prv[k])) &&
    (\forall integer j, k; 0 <= j < k < g_ne ==> \separated(g_e[j], g_e[k])) &&
    (\forall integer j, k; 0 <= j < k < g_nprv ==> \separated(g_prv[j], g_prv[k])) &&
    (\forall integer j, k; 0 <= j < g_ne && 0 <= k < g_nprv ==>
       \separated(g_e[j], g_prv[k]));

  // I1/I3/I13: every linked engine has ops, a reference (the attach one)
  // and belongs to this task (engine->target, set once before linking)
  predicate listed_ok{L}(struct utrace_engine *e) =
    e->ops != \null && e->kref.refcount.refs >= 1 && e->target == g_t;
  predicate E_ok{L} = ALL_E(k, listed_ok(g_e[k]));

  // I2: pending_attach (the reap teardown does not clear it: "|| reap")
  predicate I2{L} =
    (g_natt < g_ne ==> g_u->pending_attach != 0) &&
    (g_u->pending_attach != 0 ==> g_natt < g_ne || g_u->reap != 0);

  // I3: every live engine of the task is on its lists, until the reap
  predicate I3{L} =
    \forall integer i; 0 <= i < g_nown ==>
      live(g_own[i]) && g_u->reap == 0 ==> in_E(g_own[i]);

  // I4: while alive, utrace_flags covers every live engine's event bits
  predicate I4{L} =
    __fc_exit_state == 0 ==>
      ALL_E(k, live(g_e[k]) ==> covers(__fc_uflags, g_e[k]->flags));

  // I5: the REAP marker
  predicate I5{L} =
    ALL_E(k, live(g_e[k]) ==> bit_test(__fc_uflags, B_REAP)) &&
    (__fc_uflags != 0 ==> bit_test(__fc_uflags, B_REAP)) &&
    (__fc_uflags == 0 ==> g_ne == 0);

  // I6 (as proved, see proofs/README.md): ENGINE_STOP in utrace_flags has
  // a holder on the lists (live, or detached by its own callback)
  predicate I6{L} =
    bit_test(__fc_uflags, B_ESTOP) ==>
      EX_E(k, bit_test(g_e[k]->flags, B_ESTOP));

  // I7: a utrace-stopped task is held by a live engine (no leaked stop)
  predicate I7{L} =
    utraced && __fc_sigkill == 0 ==>
      EX_E(k, live(g_e[k]) && bit_test(g_e[k]->flags, B_ESTOP));

  // I9: resume range; never STOP/DETACH, never *STEP (fixed protocol, C13)
  predicate I9{L} =
    UTRACE_INTERRUPT <= g_u->resume <= UTRACE_RESUME &&
    g_u->resume != UTRACE_SINGLESTEP && g_u->resume != UTRACE_BLOCKSTEP;

  // I11: death and reap
  predicate I11{L} =
    (g_u->death != 0 ==> __fc_exit_state != 0) &&
    (g_u->reap != 0 ==> __fc_exit_state == EXIT_DEAD) &&
    (g_u->reap != 0 && g_u->death == 0 &&
     !bit_test(__fc_uflags, B_DEATH) &&
     !bit_test(__fc_uflags, B_QUIESCE) ==>
       g_ne == 0 && __fc_uflags == 0);

  predicate utrace_inv{L} = lists_wf && E_ok && I2 && I3 && I5 &&
    I6 && I7 && I9 && I11;

  // I6 and I7 survive any step that keeps the lists, does not add
  // ENGINE_STOP to utrace_flags, does not stop the task and does not take
  // a stop request or liveness from an engine (proved, used by the
  // solvers at the end of critical sections).
  lemma I6_mono{A,B}: I6{A} && \at(g_ne, B) == \at(g_ne, A) &&
    (\forall integer k; 0 <= k < \at(g_ne, A) ==> \at(g_e[k], B) == \at(g_e[k], A)) &&
    (bit_test(\at(__fc_uflags, B), B_ESTOP) ==> bit_test(\at(__fc_uflags, A), B_ESTOP)) &&
    (\forall integer k; 0 <= k < \at(g_ne, A) ==>
       bit_test(\at(g_e[k]->flags, A), B_ESTOP) ==> bit_test(\at(g_e[k]->flags, B), B_ESTOP))
    ==> I6{B};
  lemma I7_mono{A,B}: I7{A} && \at(g_ne, B) == \at(g_ne, A) &&
    (\forall integer k; 0 <= k < \at(g_ne, A) ==> \at(g_e[k], B) == \at(g_e[k], A)) &&
    (utraced{B} && \at(__fc_sigkill, B) == 0 ==> utraced{A} && \at(__fc_sigkill, A) == 0) &&
    (\forall integer k; 0 <= k < \at(g_ne, A) ==>
       live{A}(\at(g_e[k], A)) && bit_test(\at(g_e[k]->flags, A), B_ESTOP) ==>
       live{B}(\at(g_e[k], A)) && bit_test(\at(g_e[k]->flags, B), B_ESTOP))
    ==> I7{B};

  // With no engine linked, utrace_flags may be 0 or the REAP marker.
  lemma I5_empty{L}: g_ne == 0 &&
    (__fc_uflags == 0 || __fc_uflags == UTRACE_EVENT(REAP)) ==> I5;
  lemma I6_empty{L}:
    (__fc_uflags == 0 || __fc_uflags == UTRACE_EVENT(REAP)) ==> I6;

  // No engine the task itself detached (UTRACE_DETACH returned by a
  // callback) still holds ENGINE_STOP.  Not a lock invariant: true for
  // the traced task outside a report pass (it resets after such a pass).
  predicate no_dstop{L} =
    ALL_E(k, g_e[k]->ops == &utrace_detached_ops ==>
               !bit_test(g_e[k]->flags, B_ESTOP));

  // I14: who may change the lists (checked at every change): the traced
  // task, or a thread that holds utrace->lock while the task is
  // utrace-stopped, SIGKILLed out of a stop (B9), or dead and not
  // reporting its death.
  predicate may_change_lists{L} =
    __fc_current == g_t || utraced || __fc_sigkill != 0 ||
    (__fc_exit_state != 0 && g_u->death == 0);
*/

/* The lock invariant, as named clauses (a failing goal names the clause). */
#define UTRACE_INV(kw)						\
	kw inv_lists: lists_wf;					\
	kw inv_E: E_ok;						\
	kw inv_I2: I2;						\
	kw inv_I3: I3;						\
	kw inv_I5: I5;						\
	kw inv_I6: I6;						\
	kw inv_I7: I7;						\
	kw inv_I9: I9;						\
	kw inv_I11: I11;

/*@
  // ---------------------------------------------------------------------
  // Rely conditions: what other threads may do.  Two-state predicates:
  // A is the earlier state, B the later one.
  // ---------------------------------------------------------------------

  // The current thread's private engines: nobody else links them or
  // writes their fields (they are outside others' reach).
  predicate prv_stable{A,B} =
    \at(g_nprv, B) == \at(g_nprv, A) &&
    \forall integer k; 0 <= k < \at(g_nprv, A) ==>
      \at(g_prv[k], B) == \at(g_prv[k], A) &&
      \at(g_prv[k]->ops, B) == \at(g_prv[k]->ops, A) &&
      \at(g_prv[k]->flags, B) == \at(g_prv[k]->flags, A) &&
      \at(g_prv[k]->kref.refcount.refs, B) == \at(g_prv[k]->kref.refcount.refs, A) &&
      !in_E{B}(\at(g_prv[k], A));

  // Engines are only added to g_own; those others add are new objects,
  // separate from our private ones.
  predicate own_grows{A,B} =
    \at(g_nown, A) <= \at(g_nown, B) &&
    (\forall integer i; 0 <= i < \at(g_nown, A) ==> \at(g_own[i], B) == \at(g_own[i], A)) &&
    (\forall integer i, k; \at(g_nown, A) <= i < \at(g_nown, B) && 0 <= k < \at(g_nprv, A) ==>
       \separated(\at(g_own[i], B), \at(g_prv[k], A)));

  predicate rely{A,B} =
    lists_wf{B} && own_grows{A,B} &&
    (\at(g_u->reap, A) != 0 ==> \at(g_u->reap, B) != 0) &&
    (\at(__fc_exit_state, A) != 0 ==> \at(__fc_exit_state, B) != 0) &&
    (\at(__fc_exit_state, A) == EXIT_DEAD ==> \at(__fc_exit_state, B) == EXIT_DEAD) &&
    (\at(__fc_sigkill, A) != 0 ==> \at(__fc_sigkill, B) != 0) &&
    prv_stable{A,B};

  // Only the traced task writes reporting, death and its exit_state, and
  // only it creates a detached engine holding ENGINE_STOP.
  // A running task is not put in __TASK_UTRACED by others (utrace_do_stop
  // adds it only to a task in a job control or ptrace stop).
  predicate trely{A,B} =
    \at(g_u->reporting, B) == \at(g_u->reporting, A) &&
    \at(g_u->death, B) == \at(g_u->death, A) &&
    \at(__fc_exit_state, B) == \at(__fc_exit_state, A) &&
    (!utraced{A} ==> !utraced{B}) &&
    (no_dstop{A} ==> no_dstop{B});

  // While the task runs a report pass nobody else changes its attached
  // list (I14: others change it only while it is stopped or dead), and
  // only an engine's controller can detach it (live -> detached).
  predicate pass_stable{A,B} =
    \at(g_natt, B) == \at(g_natt, A) &&
    \forall integer k; 0 <= k < \at(g_natt, A) ==>
      \at(g_e[k], B) == \at(g_e[k], A) &&
      \at(g_e[k]->ops, B) != \null &&
      \at(g_e[k]->kref.refcount.refs, B) >= 1 &&
      (\at(g_e[k]->ops, B) == \at(g_e[k]->ops, A) ||
       \at(g_e[k]->ops == &utrace_detached_ops, B));

  // trely composes (start_report and friends chain several steps).
  lemma trely_trans{A,B,C}: trely{A,B} && trely{B,C} ==> trely{A,C};
  // pass_stable composes (the report pass chains lock sections and
  // lockless reads).
  lemma pass_stable_trans{A,B,C}:
    pass_stable{A,B} && pass_stable{B,C} ==> pass_stable{A,C};
  // prv_stable composes (the private list is the current thread's).
  lemma prv_stable_trans{A,B,C}:
    prv_stable{A,B} && prv_stable{B,C} ==> prv_stable{A,C};
  // An owned engine stays owned across any step of the rely.
  lemma own_keep{A,B}: \forall struct utrace_engine *e;
    own_grows{A,B} && in_own{A}(e) ==> in_own{B}(e);

  predicate env_step{A,B} =
    rely{A,B} &&
    (\at(__fc_current, A) == \at(g_t, A) ==> trely{A,B}) &&
    (\at(__fc_current, A) == \at(g_t, A) && \at(g_tpass, A) != 0 ==>
       pass_stable{A,B});
*/

#define SEPX(x)	\separated(x, g_t) && \separated(x, g_u) && \separated(x, g_sh)
/* Other threads may write these fields of any engine (prv_stable pins the
 * current thread's private ones back). */
#define ENG_FIELD(f)	{ x->f | struct utrace_engine *x; SEPX(x) }
/* The fields of an engine being created (not yet the task's). */
#define FRESH_FIELD(f)	{ x->f | struct utrace_engine *x; !in_own(x) && SEPX(x) }
/* Everything other threads may write while we hold no lock. */
#define FC_WORLD							\
	g_u->reporting, g_u->resume, g_u->pending_attach,		\
	g_u->signal_handler, g_u->death, g_u->reap,			\
	__fc_uflags, __fc_state, __fc_exit_state, __fc_tif,	\
	__fc_sigkill, __fc_ptrace, __fc_jobctl,		\
	g_e[0 .. UTRACE_GHOST_MAXE - 1], g_ne, g_natt,			\
	g_own[0 .. UTRACE_GHOST_MAXE - 1], g_nown,			\
	ENG_FIELD(ops), ENG_FIELD(flags), ENG_FIELD(kref.refcount.refs)

/* ======================================================================
 * Environment model (trusted: proofs/trusted.txt)
 * ====================================================================== */

/* current: the thread running this code (a ghost of the proof). */
/*@ assigns \nothing;
    ensures \result == __fc_current;
*/
struct task_struct *__fc_get_current(void);

/* Interference before a racy read of a lock-protected field.  Only used
 * with no lock held (racy reads under the lock have their own models). */
/*@ requires ctx && lists_wf && g_ulock == 0;
    assigns FC_WORLD;
    ensures env: env_step{Pre,Here};
    // every store to utrace->resume is of INTERRUPT, REPORT or RESUME
    // (one word, WRITE_ONCE): a racy read sees one of them (I9's range)
    ensures resume: UTRACE_INTERRUPT <= g_u->resume <= UTRACE_RESUME;
*/
void __fc_interfere(void);

/* The task's siglock (task->sighand->siglock; sighand never changes). */
/*@ requires t == g_t;
    assigns \nothing;
    ensures \result == &g_sh->siglock;
*/
spinlock_t *__fc_task_siglock(struct task_struct *t);

/*@ requires never: cond == 0;
    assigns \nothing;
*/
void __fc_bug_on(int cond);

/* utrace->lock: acquire = interference + the invariant. */
/*@ requires ctx && lists_wf;
    requires which: lock == &g_u->lock;
    requires order: nolocks;
    assigns g_ulock, FC_WORLD;
    ensures held: g_ulock == 1;
    ensures env: env_step{Pre,Here};
    ensures room: g_ne + g_nprv < UTRACE_GHOST_MAXE && g_nown + g_nprv < UTRACE_GHOST_MAXE;
    // a task past exit_notify() is never utrace-stopped (only the task
    // itself enters __TASK_UTRACED, in utrace_stop(), before exit_notify())
    ensures dead: __fc_exit_state != 0 ==> !utraced;
    UTRACE_INV(ensures)
*/
void __fc_spin_lock(spinlock_t *lock);

/*@ requires ctx;
    requires which: lock == &g_u->lock;
    requires held: g_ulock == 1 && g_siglock == 0 && g_tasklist == 0;
    UTRACE_INV(requires)
    assigns g_ulock;
    ensures g_ulock == 0;
*/
void __fc_spin_unlock(spinlock_t *lock);

/* siglock: after utrace->lock, never before it.  Taking it lets SIGKILL
 * in: the task state and sigkill may change (a SIGKILL wakeup clears
 * __TASK_UTRACED, never sets it).  Another thread's sigaction() may also
 * have changed the action array meanwhile: that havoc is modelled where
 * the array is read, in utrace_task_sigaction() (the only way utrace.c
 * reaches it), so that it does not touch every siglock section. */
/*@ requires ctx;
    requires which: lock == &g_sh->siglock;
    requires order: g_siglock == 0;
    assigns g_siglock, __fc_state, __fc_sigkill, __fc_tif, __fc_jobctl;
    ensures held: g_siglock == 1;
    ensures kill: \old(__fc_sigkill) != 0 ==> __fc_sigkill != 0;
    ensures state: utraced ==> \old(utraced);
    ensures woken: \old(utraced) && !utraced ==> __fc_sigkill != 0;
*/
void __fc_spin_lock_irq(spinlock_t *lock);

/*@ requires ctx;
    requires which: lock == &g_sh->siglock;
    requires held: g_siglock == 1;
    assigns g_siglock;
    ensures g_siglock == 0;
*/
void __fc_spin_unlock_irq(spinlock_t *lock);

/* tasklist_lock (read): after utrace->lock, before siglock; while held,
 * exit_state cannot change (exit_notify() sets it under the write lock). */
/*@ requires which: lock == &tasklist_lock;
    requires order: g_tasklist == 0 && g_siglock == 0;
    assigns g_tasklist;
    ensures held: g_tasklist == 1;
*/
void __fc_read_lock(rwlock_t *lock);

/*@ requires which: lock == &tasklist_lock;
    requires held: g_tasklist == 1;
    assigns g_tasklist;
    ensures g_tasklist == 0;
*/
void __fc_read_unlock(rwlock_t *lock);

/* ---------------------------------------------------------------------
 * Lists: the ghost arrays are the lists.  The kernel's list primitives
 * are trusted to do to the real list_heads what they do to the arrays
 * (and so to keep them well formed); no verified code reads a list_head.
 * ------------------------------------------------------------------- */
/*@ predicate is_att(struct list_head *h) = h == &g_u->attached;
    predicate is_ing(struct list_head *h) = h == &g_u->attaching;
    predicate is_prv(struct list_head *h) = h == g_ph && \separated(h, g_u);
    predicate is_head(struct list_head *h) = is_att(h) || is_ing(h) || is_prv(h);
*/

/*@ assigns \nothing;
    ensures &\result->entry == entry;
*/
struct utrace_engine *__fc_engine_of(struct list_head *entry);

/*@ requires free: g_nprv == 0;
    requires \separated(head, g_u);
    assigns g_ph;
    ensures g_ph == head;
*/
void __fc_list_head_private(struct list_head *head);

/*@ assigns \nothing; */
void __fc_list_init_entry(struct list_head *entry);

/*@ assigns \nothing;
    ensures att: l == &g_u->attached ==> (\result != 0 <==> g_natt == 0);
    ensures ing: l == &g_u->attaching ==> (\result != 0 <==> g_natt == g_ne);
    ensures entry: \forall struct utrace_engine *e; sep_engine(e) && l == &e->entry ==>
      (\result != 0 <==> unlinked(e));
*/
int __fc_list_empty(struct list_head *l);

/* list_add_tail(&engine->entry, &utrace->attaching): the private new
 * engine becomes the last attaching one, and one of the task's. */
/*@ requires lists_wf;
    requires locked: g_ulock == 1;
    requires which: head == &g_u->attaching;
    requires private: g_nprv == 1 && g_prv[0] == engine;
    requires fresh: !in_own(engine) &&
      (\forall integer i; 0 <= i < g_nown ==> \separated(engine, g_own[i]));
    requires room: g_ne + g_nprv < UTRACE_GHOST_MAXE && g_nown + g_nprv < UTRACE_GHOST_MAXE;
    assigns g_e[g_ne], g_ne, g_nprv, g_own[g_nown], g_nown;
    ensures g_ne == \old(g_ne) + 1 && g_e[\old(g_ne)] == engine && g_nprv == 0;
    ensures g_nown == \old(g_nown) + 1 && g_own[\old(g_nown)] == engine;
    ensures wf: lists_wf;
*/
void __fc_list_add_tail(struct utrace_engine *engine, struct list_head *head);

/* list_del_init() of the first entry of the private list. */
/*@ requires lists_wf;
    requires first: g_nprv > 0 && g_prv[0] == engine;
    assigns g_prv[0 .. UTRACE_GHOST_MAXE - 1], g_nprv;
    ensures g_nprv == \old(g_nprv) - 1;
    ensures \forall integer i; 0 <= i < g_nprv ==> g_prv[i] == \old(g_prv[i + 1]);
    ensures wf: lists_wf;
    ensures gone: unlinked(engine);
*/
void __fc_list_del_init(struct utrace_engine *engine);

/* list_move_tail() of the attached engine at the cursor to the private
 * list (utrace_reset). */
/*@ requires lists_wf;
    requires locked: g_ulock == 1;
    requires which: is_prv(head);
    requires i14: may_change_lists;
    requires from: 0 <= g_k < g_natt && g_e[g_k] == engine;
    assigns g_e[0 .. UTRACE_GHOST_MAXE - 1], g_ne, g_natt, g_prv[g_nprv], g_nprv;
    ensures g_ne == \old(g_ne) - 1 && g_natt == \old(g_natt) - 1;
    ensures g_nprv == \old(g_nprv) + 1 && g_prv[\old(g_nprv)] == engine;
    ensures \forall integer i; 0 <= i < g_k ==> g_e[i] == \old(g_e[i]);
    ensures \forall integer i; g_k <= i < g_ne ==> g_e[i] == \old(g_e[i + 1]);
    ensures wf: lists_wf;
*/
void __fc_list_move_tail(struct utrace_engine *engine, struct list_head *head);

/* list_splice_tail_init(): attaching onto attached (the attaching engines
 * become attached: the array is unchanged), or a whole list onto the
 * private list (the reap teardown). */
/*@ requires lists_wf;
    requires locked: g_ulock == 1;
    requires i14: may_change_lists;
    requires which: (is_ing(list) && is_att(head)) ||
      (is_att(list) && is_prv(head)) || (is_ing(list) && is_prv(head) && g_natt == 0);
    assigns g_e[0 .. UTRACE_GHOST_MAXE - 1], g_ne, g_natt,
      g_prv[g_nprv .. UTRACE_GHOST_MAXE - 1], g_nprv;
    // (before the behaviors: an ensures after "behavior b:" is b's only)
    ensures wf: lists_wf;
    behavior attaching_to_attached:
      assumes is_ing(list) && is_att(head);
      ensures g_natt == \old(g_ne) && g_ne == \old(g_ne) && g_nprv == \old(g_nprv);
      ensures \forall integer k; 0 <= k < g_ne ==> g_e[k] == \old(g_e[k]);
    behavior attached_to_private:
      assumes is_att(list) && is_prv(head);
      ensures g_natt == 0 && g_ne == \old(g_ne - g_natt);
      ensures g_nprv == \old(g_nprv + g_natt);
      ensures \forall integer k; \old(g_nprv) <= k < g_nprv ==>
        g_prv[k] == \old(g_e[k - g_nprv]);
      ensures \forall integer k; 0 <= k < g_ne ==> g_e[k] == \old(g_e[g_natt + k]);
    behavior attaching_to_private:
      assumes is_ing(list) && is_prv(head);
      ensures g_natt == 0 && g_ne == 0 && g_nprv == \old(g_nprv + g_ne);
      ensures \forall integer k; \old(g_nprv) <= k < g_nprv ==>
        g_prv[k] == \old(g_e[k - g_nprv]);
    complete behaviors;
    disjoint behaviors;
*/
void __fc_list_splice_tail_init(struct list_head *list, struct list_head *head);

/* Iteration by the ghost cursor g_k, an index into g_e (attached:
 * [0, g_natt), attaching: [g_natt, g_ne)) or into g_prv, maintained by
 * the walking loop (list walks never nest). */
/*@ requires lists_wf && is_head(head);
    assigns \nothing;
    behavior att:
      assumes is_att(head);
      ensures g_natt == 0 ==> \result == \null;
      ensures g_natt > 0 ==> \result == g_e[0];
    behavior ing:
      assumes is_ing(head);
      ensures g_natt == g_ne ==> \result == \null;
      ensures g_natt < g_ne ==> \result == g_e[g_natt];
    behavior prv:
      assumes is_prv(head);
      ensures g_nprv == 0 ==> \result == \null;
      ensures g_nprv > 0 ==> \result == g_prv[0];
    complete behaviors;
    disjoint behaviors;
*/
struct utrace_engine *__fc_list_first(struct list_head *head);

/* list_for_each_entry: the body has moved the cursor past @engine. */
/*@ requires lists_wf && is_head(head);
    requires cursor:
      (is_att(head) ==> 1 <= g_k <= g_natt && g_e[g_k - 1] == engine) &&
      (is_ing(head) ==> g_natt + 1 <= g_k <= g_ne && g_e[g_k - 1] == engine) &&
      (is_prv(head) ==> 1 <= g_k <= g_nprv && g_prv[g_k - 1] == engine);
    assigns \nothing;
    behavior att:
      assumes is_att(head);
      ensures g_k < g_natt ==> \result == g_e[g_k];
      ensures g_k == g_natt ==> \result == \null;
    behavior ing:
      assumes is_ing(head);
      ensures g_k < g_ne ==> \result == g_e[g_k];
      ensures g_k == g_ne ==> \result == \null;
    behavior prv:
      assumes is_prv(head);
      ensures g_k < g_nprv ==> \result == g_prv[g_k];
      ensures g_k == g_nprv ==> \result == \null;
    complete behaviors;
    disjoint behaviors;
*/
struct utrace_engine *__fc_list_next(struct utrace_engine *engine,
				     struct list_head *head);

/* list_for_each_entry_safe: the cursor is the index of @engine. */
/*@ requires lists_wf && is_head(head);
    requires cursor:
      (is_att(head) ==> 0 <= g_k < g_natt && g_e[g_k] == engine) &&
      (is_ing(head) ==> g_natt <= g_k < g_ne && g_e[g_k] == engine) &&
      (is_prv(head) ==> 0 <= g_k < g_nprv && g_prv[g_k] == engine);
    assigns \nothing;
    behavior att:
      assumes is_att(head);
      ensures g_k + 1 < g_natt ==> \result == g_e[g_k + 1];
      ensures g_k + 1 == g_natt ==> \result == \null;
    behavior ing:
      assumes is_ing(head);
      ensures g_k + 1 < g_ne ==> \result == g_e[g_k + 1];
      ensures g_k + 1 == g_ne ==> \result == \null;
    behavior prv:
      assumes is_prv(head);
      ensures g_k + 1 < g_nprv ==> \result == g_prv[g_k + 1];
      ensures g_k + 1 == g_nprv ==> \result == \null;
    complete behaviors;
    disjoint behaviors;
*/
struct utrace_engine *__fc_list_next_cur(struct utrace_engine *engine,
					 struct list_head *head);

/*@ requires lists_wf && is_att(head);
    assigns \nothing;
    ensures g_natt == 0 ==> \result == \null;
    ensures g_natt > 0 ==> \result == g_e[g_natt - 1];
*/
struct utrace_engine *__fc_list_last(struct list_head *head);

/* list_for_each_entry_reverse: the body has moved the cursor down. */
/*@ requires lists_wf && is_att(head);
    requires cursor: -1 <= g_k < g_natt - 1 && g_e[g_k + 1] == engine;
    assigns \nothing;
    ensures g_k >= 0 ==> \result == g_e[g_k];
    ensures g_k == -1 ==> \result == \null;
*/
struct utrace_engine *__fc_list_prev(struct utrace_engine *engine,
				     struct list_head *head);

/* ---------------------------------------------------------------------
 * References, allocation, scheduler, signals (environment, trusted).
 * ------------------------------------------------------------------- */
/*@ requires \valid(kref);
    assigns kref->refcount.refs;
    ensures kref->refcount.refs == 1;
*/
void kref_init(struct kref *kref);

/*@ requires \valid(kref) && kref->refcount.refs >= 1;
    assigns kref->refcount.refs;
    ensures kref->refcount.refs == \old(kref->refcount.refs) + 1;
*/
void kref_get(struct kref *kref);

/*@ requires \valid(r) && r->refs >= 1;
    assigns r->refs;
    ensures r->refs == \old(r->refs) - 1;
    ensures \result <==> \old(r->refs) == 1;
*/
bool refcount_dec_and_test(refcount_t *r);

/*@ assigns \nothing;
    ensures \result == err_ptr(error);
*/
struct utrace_engine *__fc_err_ptr(long error);

/* SIG_IGN is the address of this function; it is never called. */
/*@ assigns \nothing; */
void __fc_sig_ignore(int sig);
/*@ assigns \nothing; */
int sig_kernel_coredump(int sig);
/*@ assigns \nothing; */
int sig_kernel_ignore(int sig);
/*@ assigns \nothing; */
int sig_kernel_stop(int sig);
/*@ assigns \nothing; */
bool arch_has_single_step(void);
/*@ assigns \nothing; */
bool arch_has_block_step(void);

/* wake_up_quiescent(t, __TASK_UTRACED), siglock held. */
/*@ requires ctx && t == g_t && g_siglock == 1;
    assigns __fc_state;
    ensures !utraced;
*/
void wake_up_utraced(struct task_struct *t);

/*@ requires ctx && t == g_t && g_siglock == 1;
    assigns __fc_state, __fc_tif;
    ensures (__fc_tif & (1UL << TIF_SIGPENDING)) != 0;
    ensures !resume ==> (utraced <==> \old(utraced));
*/
void signal_wake_up(struct task_struct *t, bool resume);

/*@ requires ctx && g_siglock == 1 && __fc_current == g_t;
    assigns __fc_tif;
*/
void recalc_sigpending(void);

/*@ assigns \nothing; */
bool __fc_signal_pending(struct task_struct *t);

/* The caller sleeps: anything may happen, except to what only it writes. */
/*@ requires ctx && lists_wf && nolocks;
    assigns FC_WORLD;
    ensures rely{Pre,Here} && (__fc_current == g_t ==> trely{Pre,Here});
*/
void schedule(void);

/*@ requires ctx && lists_wf && nolocks;
    assigns FC_WORLD;
    ensures rely{Pre,Here} && (__fc_current == g_t ==> trely{Pre,Here});
*/
long schedule_timeout_interruptible(long timeout);

/*@ requires ctx && t == g_t && g_siglock == 1 && \valid(info);
    assigns *info, __fc_sigkill, __fc_tif;
    ensures 0 <= \result <= UTRACE_NSIG;
*/
int utrace_dequeue_signal(struct task_struct *t, kernel_siginfo_t *info);

/*@ requires ctx && t == g_t && g_siglock == 1 && \valid(info);
    assigns *info, __fc_sigkill, __fc_tif;
    ensures \result == 0 || \result == SIGKILL;
*/
int utrace_dequeue_sigkill(struct task_struct *t, kernel_siginfo_t *info);

/* The action may have been changed by another thread's sigaction() since
 * this thread last held siglock (see __fc_spin_lock_irq): havocked here,
 * at the lookup, under siglock (no change while it is held). */
/*@ requires ctx && t == g_t && 1 <= signr <= UTRACE_NSIG;
    requires locked: g_siglock == 1;
    assigns g_sh->action[signr - 1];
    ensures \result == &g_sh->action[signr - 1];
*/
struct k_sigaction *utrace_task_sigaction(struct task_struct *t, int signr);

/*@ requires ctx && t == g_t && g_siglock == 1 && \valid_read(info);
    assigns __fc_tif;
*/
void utrace_requeue_signal(struct task_struct *t, const kernel_siginfo_t *info);

/* ---------------------------------------------------------------------
 * The boundary of utrace.c: engine callbacks and the allocator.
 * ------------------------------------------------------------------- */
/*@ requires ctx && lists_wf;
    requires private: g_nprv == 0;
    assigns g_prv[0], g_nprv;
    ensures wf: lists_wf;
    ensures \result == \null ==> g_nprv == 0;
    ensures \result != \null ==>
      \valid(\result) && sep_engine(\result) && !in_E(\result) && !in_own(\result) &&
      (\forall integer i; 0 <= i < g_nown ==> \separated(\result, g_own[i])) &&
      \separated(\result, __fc_current) &&
      ALL_E(k, \separated(\result, g_e[k])) &&
      g_nprv == 1 && g_prv[0] == \result;
*/
static struct utrace_engine *utrace_engine_alloc(void);

/*@ requires ctx && lists_wf && \valid(engine);
    requires gone: unlinked(engine) || (g_nprv == 1 && g_prv[0] == engine);
    assigns g_nprv;
    ensures g_nprv == 0 || g_nprv == \old(g_nprv);
    ensures keep: \old(!in_prv(engine)) ==> g_nprv == \old(g_nprv);
    ensures unlinked(engine);
*/
static void utrace_engine_free(struct utrace_engine *engine);

/* Racy read of exit_state: only the task itself writes it (under
 * tasklist_lock), 0 -> EXIT_ZOMBIE -> EXIT_DEAD, never back. */
/*@ requires ctx && task == g_t;
    assigns __fc_exit_state;
    ensures \result == __fc_exit_state;
    ensures mono: \old(__fc_exit_state) != 0 ==> __fc_exit_state != 0;
    ensures dead: \old(__fc_exit_state) == EXIT_DEAD ==> __fc_exit_state == EXIT_DEAD;
    ensures self: __fc_current == g_t ==> __fc_exit_state == \old(__fc_exit_state);
    ensures tasklist: g_tasklist != 0 ==> __fc_exit_state == \old(__fc_exit_state);
*/
static int task_exit_state(struct task_struct *task);

/* Racy read of reporting: only the task itself writes it, without lock. */
/*@ requires ctx && utrace == g_u;
    assigns g_u->reporting;
    ensures \result == g_u->reporting;
    ensures self: __fc_current == g_t ==> g_u->reporting == \old(g_u->reporting);
*/
static struct utrace_engine *utrace_reporting(struct utrace *utrace);

/* The allocator of struct utrace.  The proof names the one utrace it
 * reasons about g_u (ctx: valid, separate from the task and its sighand):
 * a successful allocation for the task is that object (trusted.txt). */
/*@ requires ctx;
    assigns \nothing;
    ensures \result == \null || \result == g_u;
*/
static struct utrace *utrace_alloc(void);

/*@ requires \valid(utrace);
    assigns \nothing;
*/
static void utrace_free(struct utrace *utrace);

/* Engine code, running in the traced task with no lock held; it may call
 * the utrace API (as any controller may) and sleep. */
/*@ requires ctx && lists_wf && nolocks && __fc_current == g_t;
    assigns FC_WORLD;
    ensures env: env_step{Pre,Here};
    ensures detached: ops == &utrace_detached_ops ==> \result == UTRACE_DETACH;
*/
static u32 call_report_quiesce(const struct utrace_engine_ops *ops, u32 action,
			       struct utrace_engine *engine, unsigned long event);

/*@ requires ctx && lists_wf && nolocks && __fc_current == g_t;
    requires \valid(sa) && \valid(sa->info) && \valid(sa->return_ka);
    requires \separated(sa, sa->info, sa->return_ka, g_t, g_u, g_sh);
    assigns FC_WORLD, *sa->info, *sa->return_ka;
    ensures env: env_step{Pre,Here};
    ensures detached: ops == &utrace_detached_ops ==> \result == UTRACE_DETACH;
*/
static u32 call_report_signal(const struct utrace_engine_ops *ops, u32 action,
			      struct utrace_engine *engine,
			      struct utrace_signal_args *sa, unsigned long event);

/*@ requires ctx && lists_wf && nolocks && __fc_current == g_t;
    requires c5: ops != &utrace_detached_ops && ops != \null;
    requires \valid_read(args);
    assigns FC_WORLD;
    ensures env: env_step{Pre,Here};
*/
static u32 call_report_event(const struct utrace_engine_ops *ops, u32 action,
			     struct utrace_engine *engine, unsigned long event,
			     const struct utrace_event_args *args);

/*@ requires ctx && lists_wf && nolocks;
    assigns FC_WORLD;
    ensures env: env_step{Pre,Here};
*/
static void call_report_reap(const struct utrace_engine_ops *ops,
			     struct utrace_engine *engine,
			     struct task_struct *task);

/*@ requires ctx && lists_wf && nolocks;
    assigns FC_WORLD;
    ensures env: env_step{Pre,Here};
*/
static void call_release(void (*release)(void *), void *data);

/* ======================================================================
 * Contracts of utrace.c
 * ====================================================================== */

/*@ predicate env_rt{A,B} =
      rely{A,B} && (\at(__fc_current, A) == \at(g_t, A) ==> trely{A,B});

    predicate matches{L}(struct utrace_engine *e, integer flags,
                         struct utrace_engine_ops *ops, void *data) =
      live(e) &&
      ((flags & UTRACE_ATTACH_MATCH_OPS) != 0 ==> e->ops == ops) &&
      ((flags & UTRACE_ATTACH_MATCH_DATA) != 0 ==> e->data == data);

    predicate grows(integer new, integer old) =
      covers(new, old) && (bit_test(old, B_ESTOP) ==> bit_test(new, B_ESTOP));
*/

/*@ assigns \nothing;
    ensures step: \result <==> (a == UTRACE_SINGLESTEP || a == UTRACE_BLOCKSTEP);
*/
static inline bool utrace_action_is_step(enum utrace_resume_action a);

/* The action decoders of utrace.h (without a contract WP would give
 * these inline functions "assigns everything" at every call). */
/*@ assigns \nothing;
    ensures \result == (action & UTRACE_RESUME_MASK);
*/
static inline enum utrace_resume_action utrace_resume_action(u32 action);

/*@ assigns \nothing;
    ensures \result == (action & UTRACE_SIGNAL_MASK);
*/
static inline enum utrace_signal_action utrace_signal_action(u32 action);

/*@ assigns \nothing;
    ensures \result == (action & UTRACE_SYSCALL_MASK);
*/
static inline enum utrace_syscall_action utrace_syscall_action(u32 action);

/*@ assigns \nothing;
    ensures \result == UTRACE_DETACH;
*/
static u32 utrace_detached_quiesce(u32 action, struct utrace_engine *engine,
				   unsigned long event);

/*@ assigns \nothing; */
static void utrace_detached_reap(struct utrace_engine *engine,
				 struct task_struct *task);

/*@ requires ctx && lists_wf && nolocks;
    requires \valid(engine) && sep_engine(engine);
    requires unlinked: unlinked(engine);
    assigns FC_WORLD, g_nprv;
    ensures env: env_rt{Pre,Here};
*/
static void utrace_engine_release(struct utrace_engine *engine);

/*@ requires \valid(engine) && engine->kref.refcount.refs >= 1;
    assigns engine->kref.refcount.refs;
    ensures engine->kref.refcount.refs == \old(engine->kref.refcount.refs) + 1;
*/
void utrace_engine_get(struct utrace_engine *engine);

/*@ requires ctx && lists_wf && nolocks;
    requires \valid(engine) && sep_engine(engine);
    requires ref: engine->kref.refcount.refs >= 1;
    requires last: engine->kref.refcount.refs == 1 ==> unlinked(engine);
    requires notprv: !in_prv(engine);
    assigns FC_WORLD, g_nprv;
    ensures env: env_rt{Pre,Here};
*/
void utrace_engine_put(struct utrace_engine *engine);

/*@ requires engine == \null || \valid_read(engine);
    assigns \nothing;
    ensures \result <==> (engine == \null || engine->target != target);
*/
static bool engine_foreign(struct task_struct *target,
			   struct utrace_engine *engine);

/*@ requires ctx && lists_wf && \valid(engine) && sep_engine(engine);
    requires unlocked: g_ulock == 0;
    assigns FC_WORLD;
    ensures env: env_step{Pre,Here};
    ensures \result <==> bit_test(engine->flags, B_ESTOP);
*/
static bool engine_wants_stop(struct utrace_engine *engine);

/*@ requires ctx && task == g_t && g_ulock == 1;
    requires \valid(engine) && sep_engine(engine);
    assigns engine->flags, __fc_uflags;
    ensures engine->flags == (\old(engine->flags) | ENGINE_STOP);
    ensures __fc_uflags == (\old(__fc_uflags) | ENGINE_STOP);
*/
static void mark_engine_wants_stop(struct task_struct *task,
				   struct utrace_engine *engine);

/*@ requires ctx && task == g_t && g_ulock == 1;
    requires \valid(engine) && sep_engine(engine);
    assigns engine->flags, __fc_uflags;
    ensures had: bit_test(\old(engine->flags), B_ESTOP) ==>
      engine->flags == (\old(engine->flags) & U64(~ENGINE_STOP));
    ensures c2: bit_test(\old(engine->flags), B_ESTOP) ==>
      __fc_uflags == (\old(__fc_uflags) & U64(~ENGINE_STOP));
    ensures had_not: !bit_test(\old(engine->flags), B_ESTOP) ==>
      engine->flags == \old(engine->flags) &&
      __fc_uflags == \old(__fc_uflags);
    // the same facts per bit (proved here, where Qed sees the constants;
    // callers carry them through later havocs)
    ensures nostop: !bit_test(engine->flags, B_ESTOP);
    ensures events: SAME_EVENTS(engine->flags, \old(engine->flags));
    ensures c2_bit: bit_test(__fc_uflags, B_ESTOP) ==>
      bit_test(\old(__fc_uflags), B_ESTOP) && !bit_test(\old(engine->flags), B_ESTOP);
    ensures ubits: SAME_EVENTS(__fc_uflags, \old(__fc_uflags));
*/
static void clear_engine_wants_stop(struct task_struct *task,
				    struct utrace_engine *engine);

/*@ requires ctx && g_ulock == 1;
    requires \valid(engine) && sep_engine(engine);
    assigns engine->ops, engine->flags;
    ensures engine->ops == &utrace_detached_ops;
    ensures engine->flags == UTRACE_EVENT(QUIESCE);
*/
static void mark_engine_detached(struct utrace_engine *engine);

/*@ requires \valid_read(engine);
    assigns \nothing;
    ensures \result <==> matches(engine, flags, ops, data);
*/
static bool engine_matches(struct utrace_engine *engine, int flags,
			   const struct utrace_engine_ops *ops, void *data);

/*@ requires ctx && lists_wf && E_ok && utrace == g_u && g_ulock == 1;
    assigns g_k;
    ensures found: \result != \null ==> in_E(\result) && matches(\result, flags, ops, data) &&
      \valid(\result) && sep_engine(\result) && listed_ok(\result);
    ensures none: \result == \null ==>
      ALL_E(k, !matches(g_e[k], flags, ops, data));
*/
static struct utrace_engine *find_matching_engine(struct utrace *utrace,
						  int flags,
						  const struct utrace_engine_ops *ops,
						  void *data);

/*@ requires ctx && lists_wf && utrace == g_u && g_ulock == 1;
    requires i14: may_change_lists;
    assigns g_e[0 .. UTRACE_GHOST_MAXE - 1], g_ne, g_natt,
      g_prv[g_nprv .. UTRACE_GHOST_MAXE - 1], g_nprv, g_u->pending_attach;
    ensures g_natt == g_ne && g_ne == \old(g_ne) && g_nprv == \old(g_nprv);
    ensures g_u->pending_attach == 0;
    ensures \forall integer k; 0 <= k < g_ne ==> g_e[k] == \old(g_e[k]);
    ensures lists_wf;
    ensures i3: I3{Old} ==> I3;
    ensures dstop: no_dstop{Old} ==> no_dstop;
*/
static void splice_attaching(struct utrace *utrace);

/*@ requires ctx && lists_wf && nolocks && utrace == g_u;
    assigns g_ulock, g_k, FC_WORLD;
    ensures nolocks;
    ensures found: \result != \null ==> \valid(\result) && sep_engine(\result) &&
      \result->target == g_t && matches(\result, flags, ops, data);
*/
static struct utrace_engine *utrace_lookup_engine(struct utrace *utrace,
						  int flags,
						  const struct utrace_engine_ops *ops,
						  void *data);

/* The new engine (private, not yet linked) of an attach. */
/*@ predicate new_engine{L}(struct utrace_engine *engine) =
      g_nprv == 1 && g_prv[0] == engine && \valid(engine) &&
      live(engine) && engine->flags == 0 &&
      engine->kref.refcount.refs == 1 && !in_own(engine) &&
      (\forall integer i; 0 <= i < g_nown ==> \separated(engine, g_own[i]));
*/

/*@ requires ctx && target == g_t;
    requires held: g_ulock == 1 && g_siglock == 0 && g_tasklist == 0;
    UTRACE_INV(requires)
    requires first: __fc_uflags == 0;
    assigns __fc_uflags, __fc_exit_state;
    UTRACE_INV(ensures)
    ensures \result ==> __fc_uflags == UTRACE_EVENT(REAP);
    ensures !\result ==> __fc_uflags == 0 && __fc_exit_state == EXIT_DEAD;
*/
static bool utrace_reap_marker(struct task_struct *target);

/*@ requires ctx && target == g_t && utrace == g_u;
    requires held: g_ulock == 1 && g_siglock == 0 && g_tasklist == 0;
    UTRACE_INV(requires)
    requires new: new_engine(engine);
    requires marker: bit_test(__fc_uflags, B_REAP) && g_u->reap == 0;
    requires room: g_ne + g_nprv < UTRACE_GHOST_MAXE && g_nown + g_nprv < UTRACE_GHOST_MAXE;
    assigns engine->target, g_e[g_ne], g_ne, g_nprv, g_own[g_nown], g_nown,
      g_u->pending_attach, engine->kref.refcount.refs;
    UTRACE_INV(ensures)
    ensures linked: in_E(engine) && in_own(engine) && g_nprv == 0 && engine->target == g_t;
*/
static void utrace_link_engine(struct task_struct *target, struct utrace *utrace,
			       struct utrace_engine *engine);

/* The attach at its linearization point (utrace->lock held). */
/*@ requires ctx && target == g_t && utrace == g_u;
    requires held: g_ulock == 1 && g_siglock == 0 && g_tasklist == 0;
    UTRACE_INV(requires)
    requires new: new_engine(engine);
    requires room: g_ne + g_nprv < UTRACE_GHOST_MAXE && g_nown + g_nprv < UTRACE_GHOST_MAXE;
    assigns g_k, __fc_uflags, __fc_exit_state, engine->target, g_e[g_ne], g_ne,
      g_nprv, g_own[g_nown], g_nown, g_u->pending_attach, engine->kref.refcount.refs;
    ensures g_ulock == 1;
    UTRACE_INV(ensures)
    ensures linked: \result == 0 ==> in_E(engine) && g_nprv == 0 && engine->target == g_t;
    ensures private: \result != 0 ==> g_nprv == 1 && g_prv[0] == engine;
    behavior exclusive:
      assumes (flags & UTRACE_ATTACH_EXCLUSIVE) != 0 &&
        EX_E(k, matches(g_e[k], flags, ops, data));
      ensures \result == -EEXIST;
    behavior reaped:
      assumes !((flags & UTRACE_ATTACH_EXCLUSIVE) != 0 &&
        EX_E(k, matches(g_e[k], flags, ops, data)));
      assumes g_u->reap != 0;
      ensures \result == -ESRCH;
    behavior first:
      assumes !((flags & UTRACE_ATTACH_EXCLUSIVE) != 0 &&
        EX_E(k, matches(g_e[k], flags, ops, data)));
      assumes g_u->reap == 0 && __fc_uflags == 0;
      ensures \result == 0 || \result == -ESRCH;
      ensures b3: \result == -ESRCH ==> __fc_exit_state == EXIT_DEAD && __fc_uflags == 0;
    behavior more:
      assumes !((flags & UTRACE_ATTACH_EXCLUSIVE) != 0 &&
        EX_E(k, matches(g_e[k], flags, ops, data)));
      assumes g_u->reap == 0 && __fc_uflags != 0;
      ensures \result == 0;
    complete behaviors;
    disjoint behaviors;
*/
static int utrace_add_engine_locked(struct task_struct *target,
				    struct utrace *utrace,
				    struct utrace_engine *engine, int flags,
				    const struct utrace_engine_ops *ops, void *data);

/*@ requires ctx && lists_wf && nolocks && target == g_t && utrace == g_u;
    requires new: new_engine(engine);
    assigns g_ulock, g_k, g_nprv, engine->target, FC_WORLD;
    ensures nolocks;
    ensures wf: lists_wf;
    ensures \result == 0 || \result == -EEXIST || \result == -ESRCH;
    ensures \result == 0 ==> g_nprv == 0 && engine->target == g_t;
    ensures \result != 0 ==> g_nprv == 1 && g_prv[0] == engine;
*/
static int utrace_add_engine(struct task_struct *target, struct utrace *utrace,
			     struct utrace_engine *engine, int flags,
			     const struct utrace_engine_ops *ops, void *data);



/*@ requires ptrs: task_ptrs;
    requires ctx && lists_wf && nolocks && g_nprv == 0;
    requires target == \null || target == g_t;
    requires ops == \null || \valid_read(ops);
    assigns g_ulock, g_k, g_prv[0], g_nprv, FC_WORLD,
      g_own[g_nown], FRESH_FIELD(target), FRESH_FIELD(data), FRESH_FIELD(release),
      FRESH_FIELD(ops), FRESH_FIELD(flags), FRESH_FIELD(kref.refcount.refs);
    ensures nolocks && g_nprv == 0;
    behavior no_task:
      assumes target == \null;
      ensures \result == err_ptr(-ESRCH);
    behavior lookup:
      assumes target != \null && (flags & UTRACE_ATTACH_CREATE) == 0;
      ensures \result == err_ptr(-ENOENT) ||
        (\valid(\result) && \result->target == g_t && matches(\result, flags, ops, data));
    behavior bad_ops:
      assumes target != \null && (flags & UTRACE_ATTACH_CREATE) != 0;
      assumes ops == \null || ops == &utrace_detached_ops;
      ensures \result == err_ptr(-EINVAL);
    behavior kthread:
      assumes target != \null && (flags & UTRACE_ATTACH_CREATE) != 0;
      assumes ops != \null && ops != &utrace_detached_ops;
      assumes (target->flags & PF_KTHREAD) != 0;
      ensures \result == err_ptr(-EPERM);
    behavior create:
      assumes target != \null && (flags & UTRACE_ATTACH_CREATE) != 0;
      assumes ops != \null && ops != &utrace_detached_ops;
      assumes (target->flags & PF_KTHREAD) == 0;
      // Not promised: \result->ops == ops.  Once linked, the engine may
      // be detached at once by a concurrent reap (utrace_maybe_reap).
      ensures \result == err_ptr(-ENOMEM) || \result == err_ptr(-EEXIST) ||
        \result == err_ptr(-ESRCH) ||
        (\valid(\result) && \result->target == g_t);
    complete behaviors;
    disjoint behaviors;
*/
struct utrace_engine *utrace_attach_task(struct task_struct *target, int flags,
					 const struct utrace_engine_ops *ops,
					 void *data);

/*@ requires ctx && lists_wf && nolocks;
    requires \valid(engine) && sep_engine(engine);
    assigns FC_WORLD;
    ensures env: env_step{Pre,Here};
    ensures \result == 0 || \result == -ESRCH;
    ensures live: \result == 0 <==> live(engine);
*/
static int get_utrace_lock_check(struct utrace_engine *engine);

/*@ requires ctx && lists_wf && nolocks && utrace == g_u;
    requires \valid(engine) && sep_engine(engine) && in_own(engine);
    assigns g_ulock, FC_WORLD;
    ensures held: g_ulock == 1 && g_siglock == 0 && g_tasklist == 0;
    UTRACE_INV(ensures)
    ensures \result == 0 || \result == -ESRCH;
    ensures c7: \result == 0 ==> g_u->reap == 0;
    ensures ok: \result == 0 ==> live(engine) && in_E(engine);
    ensures esrch: \result == -ESRCH ==> g_u->reap != 0 || !live(engine);
*/
static int get_utrace_lock(struct utrace *utrace, struct utrace_engine *engine);

/*@ requires ctx && lists_wf && target == g_t && utrace == g_u;
    requires held: g_ulock == 1 && g_siglock == 0 && g_tasklist == 0;
    UTRACE_INV(requires)
    requires engine: \valid(engine) && sep_engine(engine) && live(engine) &&
      in_E(engine) && g_u->reap == 0;
    requires stop_internal: !bit_test(events, B_ESTOP);
    assigns engine->flags, __fc_uflags, __fc_tif, g_tasklist, __fc_exit_state,
      g_u->reporting;
    ensures held: g_ulock == 1 && g_siglock == 0 && g_tasklist == 0;
    UTRACE_INV(ensures)
    ensures grows: grows(__fc_uflags, \old(__fc_uflags));
    // the new event bits, the engine's own ENGINE_STOP kept (per bit:
    // lemma bit_keep_estop)
    ensures applied: \result == 0 || \result == -EINPROGRESS ==>
      engine->flags == (events | (\old(engine->flags) & ENGINE_STOP));
    // B7: while alive, utrace_flags gets every new bit
    ensures b7: \result == 0 || \result == -EINPROGRESS ==>
      \old(__fc_exit_state) == 0 && __fc_exit_state == 0 ==>
      __fc_uflags == (\old(__fc_uflags) | events);
    // N4: proved as the assertion n4 in the body (zombie path: the bits
    // stored into utrace_flags carry no DEATH/QUIESCE)
    ensures other: \result == 0 || \result == -EINPROGRESS ==>
      (events & _UTRACE_DEATH_EVENTS) == 0 ==>
      __fc_uflags == (\old(__fc_uflags) | events);
    ensures inprogress: \result == -EINPROGRESS ==>
      __fc_current != g_t && g_u->reporting == engine;
    ensures ealready: \result == -EALREADY ==> engine->flags == \old(engine->flags);
    behavior death_clear:
      assumes (engine->flags & U64(~ENGINE_STOP) & U64(~events) & _UTRACE_DEATH_EVENTS) != 0 &&
        g_u->death != 0;
      ensures \result == -EALREADY;
    behavior death_set:
      assumes !((engine->flags & U64(~ENGINE_STOP) & U64(~events) & _UTRACE_DEATH_EVENTS) != 0 &&
        g_u->death != 0);
      assumes (events & U64(~(engine->flags & U64(~ENGINE_STOP))) & _UTRACE_DEATH_EVENTS) != 0;
      ensures \result == -EALREADY || \result == 0 || \result == -EINPROGRESS;
      ensures b7: \result == -EALREADY ==> __fc_exit_state != 0;
    behavior other:
      assumes !((engine->flags & U64(~ENGINE_STOP) & U64(~events) & _UTRACE_DEATH_EVENTS) != 0 &&
        g_u->death != 0);
      assumes (events & U64(~(engine->flags & U64(~ENGINE_STOP))) & _UTRACE_DEATH_EVENTS) == 0;
      ensures \result == 0 || \result == -EINPROGRESS;
    complete behaviors;
    disjoint behaviors;
*/
static int utrace_set_events_locked(struct task_struct *target,
				    struct utrace *utrace,
				    struct utrace_engine *engine,
				    unsigned long events);

/*@ requires ptrs: task_ptrs;
    requires ctx && lists_wf && nolocks && target == g_t;
    requires engine == \null || (\valid(engine) && sep_engine(engine));
    requires owned: engine != \null && engine->target == target ==> in_own(engine);
    assigns g_ulock, g_tasklist, FC_WORLD;
    ensures nolocks;
    behavior foreign:
      assumes engine == \null || engine->target != target;
      assigns \nothing;
      ensures \result == -EINVAL;
    behavior attached:
      assumes engine != \null && engine->target == target;
      ensures \result == 0 || \result == -EINPROGRESS || \result == -EALREADY ||
        \result == -ESRCH;
      ensures esrch: \result == -ESRCH ==> !live(engine) || g_u->reap != 0;
      // what was applied, and when, is stated at the linearization point:
      // utrace_set_events_locked() ensures applied, b7, n4
      ensures ealready: \result == -EALREADY ==>
        g_u->death != 0 || __fc_exit_state != 0;
    complete behaviors;
    disjoint behaviors;
*/
int utrace_set_events(struct task_struct *target, struct utrace_engine *engine,
		      unsigned long events);

/* The invariant minus the clauses about utrace_flags and the stop. */
#define INV_BASE(kw)						\
	kw inv_lists: lists_wf;					\
	kw inv_E: E_ok;						\
	kw inv_I2: I2;						\
	kw inv_I3: I3;						\
	kw inv_I9: I9;						\
	kw inv_I11: I11;

/*@ predicate rely0{A,B} =
      lists_wf{B} && own_grows{A,B} &&
      (\at(g_u->reap, A) != 0 ==> \at(g_u->reap, B) != 0) &&
      (\at(__fc_exit_state, A) != 0 ==> \at(__fc_exit_state, B) != 0) &&
      (\at(__fc_sigkill, A) != 0 ==> \at(__fc_sigkill, B) != 0);
    predicate trely0{A,B} =
      \at(g_u->reporting, B) == \at(g_u->reporting, A) &&
      \at(g_u->death, B) == \at(g_u->death, A) &&
      \at(__fc_exit_state, B) == \at(__fc_exit_state, A);
*/

#define SIGLOCK_FOOT	g_siglock, __fc_state, __fc_sigkill, __fc_tif, __fc_jobctl
/* the action array: read (and havocked) only by the signal path */
#define SIGACT_FOOT	g_sh->action[0 .. UTRACE_NSIG - 1]

/*@ requires ctx && target == g_t && utrace == g_u;
    requires held: g_ulock == 1 && g_siglock == 0 && g_tasklist == 0;
    requires i9: I9;
    assigns SIGLOCK_FOOT, g_u->resume;
    ensures g_siglock == 0;
    ensures i9: I9;
    ensures resume: g_u->resume <= \old(g_u->resume);
    ensures kill: \old(__fc_sigkill) != 0 ==> __fc_sigkill != 0;
    ensures woken: \old(utraced) && !utraced ==> __fc_sigkill != 0;
    ensures stopped: \result <==> utraced;
*/
static bool utrace_do_stop(struct task_struct *target, struct utrace *utrace);

/*@ requires ctx && target == g_t;
    requires held: g_ulock == 1 && g_siglock == 0 && g_tasklist == 0;
    assigns SIGLOCK_FOOT;
    ensures g_siglock == 0;
    ensures woken: !utraced;
    ensures kill: \old(__fc_sigkill) != 0 ==> __fc_sigkill != 0;
*/
static void utrace_wakeup(struct task_struct *target);

/*@ requires ctx && lists_wf && nolocks;
    requires which: is_prv(list);
    requires gone: ALL_PRV(k, g_prv[k]->ops == \null && g_prv[k]->kref.refcount.refs >= 1);
    assigns g_prv[0 .. UTRACE_GHOST_MAXE - 1], g_nprv, g_k, FC_WORLD;
    ensures lists_wf && g_nprv == 0;
    ensures run: __fc_current == g_t && !utraced{Pre} ==> !utraced;
    ensures env: __fc_current == g_t ==> trely0{Pre,Here};
    ensures dstop: __fc_current == g_t && no_dstop{Pre} ==> no_dstop;
*/
static void put_detached_list(struct list_head *list);

/*@ requires ctx && task == g_t && utrace == g_u;
    requires held: g_ulock == 1 && g_siglock == 0 && g_tasklist == 0;
    INV_BASE(requires)
    requires i14: may_change_lists;
    requires noreap: g_u->reap == 0;
    requires nodeath: __fc_exit_state != 0 ==> g_u->death == 0;
    requires noprv: g_nprv == 0;
    assigns g_ulock, g_k, g_ph, g_e[0 .. UTRACE_GHOST_MAXE - 1], g_ne, g_natt,
      g_prv[0 .. UTRACE_GHOST_MAXE - 1], g_nprv, __fc_exit_state,
      g_u->pending_attach, g_u->resume, g_u->signal_handler, __fc_uflags,
      SIGLOCK_FOOT, FC_WORLD;
    ensures nolocks && lists_wf && g_nprv == 0;
    ensures run: __fc_current == g_t && !utraced{Pre} ==> !utraced;
    ensures dstop: __fc_current == g_t ==> no_dstop;
    ensures env: __fc_current == g_t ==> trely0{Pre,Here};
*/
static bool utrace_reset(struct task_struct *task, struct utrace *utrace);

/*@ requires \valid_read(utrace) && utrace == g_u;
    assigns \nothing;
    behavior not_detach:
      assumes action != UTRACE_DETACH;
      ensures \result == -ESRCH;
    behavior in_death:
      assumes action == UTRACE_DETACH && g_u->death != 0;
      ensures \result == -EALREADY;
    behavior detach:
      assumes action == UTRACE_DETACH && g_u->death == 0;
      ensures \result == 0;
    complete behaviors;
    disjoint behaviors;
*/
static int utrace_control_dead(struct utrace *utrace,
			       enum utrace_resume_action action);

/*@ requires ctx && target == g_t && utrace == g_u;
    requires held: g_ulock == 1;
    requires i9: I9;
    requires step: UTRACE_REPORT <= action <= UTRACE_BLOCKSTEP;
    assigns g_u->resume, __fc_tif;
    ensures i9: I9;
    ensures lowered: g_u->resume <= UTRACE_REPORT;
    ensures g_u->resume <= \old(g_u->resume);
    ensures notify: g_u->resume < \old(g_u->resume) ==>
      (__fc_tif & (1UL << TIF_NOTIFY_RESUME)) != 0;
*/
static void utrace_request_report(struct task_struct *target,
				  struct utrace *utrace,
				  enum utrace_resume_action action);

/*@ requires ctx && target == g_t && utrace == g_u;
    requires held: g_ulock == 1 && g_siglock == 0 && g_tasklist == 0;
    requires i9: I9;
    assigns g_u->resume, SIGLOCK_FOOT;
    ensures g_siglock == 0;
    ensures interrupt: g_u->resume == UTRACE_INTERRUPT;
    ensures i9: I9;
    ensures kill: \old(__fc_sigkill) != 0 ==> __fc_sigkill != 0;
    ensures woken: \old(utraced) && !utraced ==> __fc_sigkill != 0;
    ensures stay: !\old(utraced) ==> !utraced;
*/
static void utrace_control_interrupt(struct task_struct *target,
				     struct utrace *utrace, bool reset);

/*@ requires ctx && target == g_t && utrace == g_u;
    requires held: g_ulock == 1 && g_siglock == 0 && g_tasklist == 0;
    UTRACE_INV(requires)
    requires engine: \valid(engine) && sep_engine(engine) && in_E(engine) && live(engine);
    requires sample: !reset ==> !utraced;
    assigns engine->flags, __fc_uflags, g_u->resume, SIGLOCK_FOOT;
    ensures g_siglock == 0;
    UTRACE_INV(ensures)
    ensures flags_eq: engine->flags == (\old(engine->flags) | ENGINE_STOP) &&
      __fc_uflags == (\old(__fc_uflags) | ENGINE_STOP);
    ensures stop: bit_test(engine->flags, B_ESTOP) && bit_test(__fc_uflags, B_ESTOP);
    ensures \result == 0 || \result == -EINPROGRESS;
    ensures stopped: \result == 0 ==> reset || utraced;
    ensures running: \result == -EINPROGRESS ==> !utraced;
*/
static int utrace_control_stop(struct task_struct *target, struct utrace *utrace,
			       struct utrace_engine *engine, bool reset);

/*@ requires ctx && target == g_t && utrace == g_u;
    requires held: g_ulock == 1 && g_siglock == 0 && g_tasklist == 0;
    UTRACE_INV(requires)
    requires engine: \valid(engine) && sep_engine(engine) && in_E(engine) && live(engine);
    requires action: UTRACE_INTERRUPT <= action <= UTRACE_RESUME;
    requires sample: !reset ==> !utraced;
    assigns engine->flags, __fc_uflags, g_u->resume, __fc_tif, SIGLOCK_FOOT;
    ensures g_siglock == 0;
    INV_BASE(ensures)
    ensures flags_inv: !reset ==> I5 && I6 && I7;
    // I14 for the caller's utrace_reset(): a stopped task is only woken
    // by SIGKILL here, and SIGKILL stays
    ensures kill: \old(__fc_sigkill) != 0 ==> __fc_sigkill != 0;
    ensures woken: \old(utraced) && !utraced ==> __fc_sigkill != 0;
    ensures nostop: !bit_test(engine->flags, B_ESTOP);
    ensures interrupt: action == UTRACE_INTERRUPT ==> g_u->resume == UTRACE_INTERRUPT;
    ensures report: UTRACE_REPORT <= action <= UTRACE_BLOCKSTEP ==>
      g_u->resume <= UTRACE_REPORT;
*/
static void utrace_control_resume(struct task_struct *target,
				  struct utrace *utrace,
				  struct utrace_engine *engine,
				  enum utrace_resume_action action, bool reset);

/*@ requires ctx && target == g_t && utrace == g_u;
    requires held: g_ulock == 1 && g_siglock == 0 && g_tasklist == 0;
    UTRACE_INV(requires)
    requires engine: \valid(engine) && sep_engine(engine) && in_E(engine) && live(engine);
    requires \valid(reset) && \separated(reset, g_t, g_u, g_sh, engine);
    requires sample: !*reset ==> !utraced;
    requires noreap: g_u->reap == 0;
    assigns engine->ops, engine->flags, __fc_uflags, g_u->resume, g_u->reporting,
      *reset, SIGLOCK_FOOT, g_tasklist, __fc_exit_state;
    ensures g_siglock == 0 && g_tasklist == 0;
    INV_BASE(ensures)
    ensures c1: bit_test(\old(engine->flags), B_ESTOP) ==> !bit_test(__fc_uflags, B_ESTOP) ||
      EX_E(k, g_e[k] != engine && bit_test(g_e[k]->flags, B_ESTOP));
    ensures c11: __fc_exit_state == 0 ==> bit_test(__fc_uflags, B_QUIESCE);
    ensures n3: \old(__fc_exit_state) != 0 && !bit_test(\old(__fc_uflags), B_QUIESCE) ==>
      !bit_test(__fc_uflags, B_QUIESCE);
    ensures flags_inv: !*reset ==> I5 && I6 && I7;
    // I14 for the caller's utrace_reset()
    ensures kill: \old(__fc_sigkill) != 0 ==> __fc_sigkill != 0;
    ensures woken: \old(utraced) && !utraced ==> __fc_sigkill != 0;
    ensures stopped: *reset && !\old(*reset) ==> utraced;
    ensures mono: \old(__fc_exit_state) != 0 ==> __fc_exit_state != 0;
    ensures detached: engine->ops == &utrace_detached_ops &&
      engine->flags == UTRACE_EVENT(QUIESCE);
    ensures kept: \old(*reset) ==> *reset;
    ensures \result == 0 || \result == -EINPROGRESS;
    ensures inprogress: \result == -EINPROGRESS ==> !*reset && g_u->reporting == engine;
    ensures done: \result == 0 ==> *reset || g_u->reporting != engine;
*/
static int utrace_control_detach(struct task_struct *target,
				 struct utrace *utrace,
				 struct utrace_engine *engine, bool *reset);

/*@ requires ctx && lists_wf && target == g_t && utrace == g_u;
    requires held: g_ulock == 1 && g_siglock == 0 && g_tasklist == 0;
    UTRACE_INV(requires)
    requires engine: \valid(engine) && sep_engine(engine) && in_E(engine) && live(engine) &&
      g_u->reap == 0;
    requires action: 0 <= action < UTRACE_RESUME_MAX;
    requires sample: (reset ==> utraced || __fc_sigkill != 0) && (!reset ==> !utraced);
    requires dead: dead <==> __fc_exit_state != 0;
    requires noprv: g_nprv == 0;
    assigns g_ulock, g_k, g_ph, g_e[0 .. UTRACE_GHOST_MAXE - 1], g_ne, g_natt,
      g_prv[0 .. UTRACE_GHOST_MAXE - 1], g_nprv, __fc_exit_state,
      g_u->pending_attach, g_u->resume, g_u->signal_handler, g_u->reporting,
      __fc_uflags, engine->ops, engine->flags, g_tasklist, SIGLOCK_FOOT, FC_WORLD;
    ensures nolocks && g_nprv == 0;
    behavior dead_not_detach:
      assumes dead && action != UTRACE_DETACH;
      ensures \result == -ESRCH;
    behavior dead_in_death:
      assumes dead && action == UTRACE_DETACH && g_u->death != 0;
      ensures \result == -EALREADY;
    behavior stop:
      assumes !dead && action == UTRACE_STOP;
      ensures \result == 0 || \result == -EINPROGRESS;
      ensures held: bit_test(engine->flags, B_ESTOP) && bit_test(__fc_uflags, B_ESTOP);
      ensures stopped: \result == 0 ==> \old(reset) || utraced;
    behavior detach:
      assumes action == UTRACE_DETACH && (!dead || g_u->death == 0);
      ensures \result == 0 || \result == -EINPROGRESS;
      ensures inprogress: \result == -EINPROGRESS ==> g_u->reporting == engine;
    behavior other:
      assumes !dead && action != UTRACE_STOP && action != UTRACE_DETACH;
      ensures \result == 0;
    complete behaviors;
    disjoint behaviors;
*/
static int utrace_control_locked(struct task_struct *target,
				 struct utrace *utrace,
				 struct utrace_engine *engine,
				 enum utrace_resume_action action,
				 bool reset, bool dead);

/*@ requires ptrs: task_ptrs;
    requires ctx && lists_wf && nolocks && target == g_t && g_nprv == 0;
    requires engine == \null || (\valid(engine) && sep_engine(engine));
    requires owned: engine != \null && engine->target == target ==> in_own(engine);
    assigns g_ulock, g_k, g_ph, g_e[0 .. UTRACE_GHOST_MAXE - 1], g_ne, g_natt,
      g_prv[0 .. UTRACE_GHOST_MAXE - 1], g_nprv, __fc_exit_state,
      g_u->pending_attach, g_u->resume, g_u->signal_handler, g_u->reporting,
      __fc_uflags, g_tasklist, SIGLOCK_FOOT, FC_WORLD;
    ensures nolocks && g_nprv == 0;
    behavior foreign:
      assumes engine == \null || engine->target != target;
      assigns \nothing;
      ensures \result == -EINVAL;
    behavior out_of_range:
      assumes engine != \null && engine->target == target;
      assumes action < 0 || action >= UTRACE_RESUME_MAX;
      assigns \nothing;
      ensures \result == -EINVAL;
    behavior valid:
      assumes engine != \null && engine->target == target;
      assumes 0 <= action < UTRACE_RESUME_MAX;
      ensures \result == 0 || \result == -EINPROGRESS || \result == -ESRCH ||
        \result == -EALREADY || \result == -EINVAL || \result == -EOPNOTSUPP;
      ensures no_quiesce: \result == -EINVAL ==> UTRACE_REPORT <= action < UTRACE_RESUME;
      ensures no_arch: \result == -EOPNOTSUPP ==>
        action == UTRACE_SINGLESTEP || action == UTRACE_BLOCKSTEP;
      ensures dead_detach: \result == -EALREADY ==> action == UTRACE_DETACH;
      ensures async: \result == -EINPROGRESS ==>
        action == UTRACE_STOP || action == UTRACE_DETACH;
    complete behaviors;
    disjoint behaviors;
*/
int utrace_control(struct task_struct *target, struct utrace_engine *engine,
		   enum utrace_resume_action action);

/* Racy read of an engine's ops: written under utrace->lock, except by the
 * reap teardown (to NULL); never back to a live value. */
/*@ requires ctx && \valid(engine) && sep_engine(engine);
    assigns engine->ops;
    ensures \result == engine->ops;
    ensures locked: g_ulock != 0 && (g_u->reap == 0 || in_E(engine)) ==>
      engine->ops == \old(engine->ops);
    ensures gone: \old(engine->ops) == \null ==> engine->ops == \null;
    ensures detached: \old(engine->ops) == &utrace_detached_ops ==>
      engine->ops == &utrace_detached_ops || engine->ops == \null;
    // the teardown's store is to an engine it unlinked: a kmalloc object
    // of its own, not overlapping any listed engine (the Typed model only
    // knows the listed engines apart from each other, not from this one)
    ensures objects: engine->ops != \old(engine->ops) ==>
      ALL_E(k, \separated(engine, g_e[k]));
*/
static const struct utrace_engine_ops *engine_ops_racy(struct utrace_engine *engine);

/*@ requires \valid_read(utrace) && utrace == g_u && g_ulock == 1;
    assigns \nothing;
    behavior gone:
      assumes ops == \null;
      ensures \result == -ESRCH;
    behavior reporting:
      assumes ops != \null && reporting == engine;
      ensures \result == UTRACE_BARRIER_WAIT;
    behavior detached:
      assumes ops != \null && ops == &utrace_detached_ops && reporting != engine;
      ensures c9: \result == -ESRCH;
    behavior reaping:
      assumes ops != \null && ops != &utrace_detached_ops && reporting != engine &&
        g_u->reap != 0;
      ensures c8: \result == UTRACE_BARRIER_WAIT;
    behavior quiet:
      assumes ops != \null && ops != &utrace_detached_ops && reporting != engine &&
        g_u->reap == 0;
      ensures \result == 0;
    complete behaviors;
    disjoint behaviors;
*/
static int utrace_barrier_check(struct utrace *utrace,
				struct utrace_engine *engine,
				const struct utrace_engine_ops *ops,
				struct utrace_engine *reporting);

/*@ requires ptrs: task_ptrs;
    requires ctx && lists_wf && nolocks && target == g_t;
    requires engine == \null || (\valid(engine) && sep_engine(engine));
    assigns g_ulock, FC_WORLD;
    ensures nolocks;
    behavior foreign:
      assumes engine == \null || engine->target != target;
      assigns \nothing;
      ensures \result == -EINVAL;
    behavior self:
      assumes engine != \null && engine->target == target && target == __fc_current;
      assigns \nothing;
      ensures \result == 0;
    behavior wait:
      assumes engine != \null && engine->target == target && target != __fc_current;
      ensures \result == 0 || \result == -ESRCH || \result == -ERESTARTSYS;
      ensures quiet: \result == 0 ==> g_u->reporting != engine && live(engine) &&
        g_u->reap == 0;
      ensures done: \result == -ESRCH ==>
        engine->ops == \null || engine->ops == &utrace_detached_ops;
    complete behaviors;
    disjoint behaviors;
*/
int utrace_barrier(struct task_struct *target, struct utrace_engine *engine);

/* ======================================================================
 * The traced task's side.  T_CTX: the traced task runs this on itself,
 * outside any stop (it is running), with no lock held.
 * ====================================================================== */
#define T_CTX	ctx && lists_wf && __fc_current == g_t && utrace == g_u && !utraced
#define T_FOOT	g_ulock, g_k, FC_WORLD, g_e[0 .. UTRACE_GHOST_MAXE - 1], g_ne, g_natt, \
	g_prv[0 .. UTRACE_GHOST_MAXE - 1], g_nprv, g_ph, SIGLOCK_FOOT, SIGACT_FOOT

/* One engine's step of a report pass (start_callback() through
 * finish_callback_report(), report_one()): what each needs of the pass and
 * keeps of it (the list facts, the report's ranges); each contract states
 * I7's no_dstop (`dstop`) itself. */
#define PASS_REQUIRES						\
	requires T_CTX && task == g_t && nolocks && g_tpass == 1;	\
	requires report: report_ok(report) && report_sep(report);	\
	requires engine: 0 <= g_k < g_natt && g_e[g_k] == engine;
#define PASS_ENSURES						\
	ensures nolocks && lists_wf && !utraced;			\
	ensures report: report_ok(report);				\
	ensures att: att_same{Pre,Here} &&				\
	  ALL_E(k, k < g_natt ==> g_e[k]->ops != \null);
/* what a step that may run a callback writes */
#define PASS_ASSIGNS	g_ulock, FC_WORLD, report->result, report->action,	\
	report->resume_action, report->detaches, report->spurious,	\
	g_u->reporting, engine->ops, engine->flags, __fc_uflags

/*@ predicate report_ok{L}(struct utrace_report *r) =
      \valid(r) && 0 <= r->action <= UTRACE_RESUME &&
      UTRACE_INTERRUPT <= r->resume_action <= UTRACE_RESUME;
    // reports live on the task's stack, apart from everything shared
    predicate report_sep(struct utrace_report *r) =
      \separated(r, g_t) && \separated(r, g_u) && \separated(r, g_sh);
    // attached list stable (the pass's view of it)
    predicate att_same{A,B} =
      \at(g_natt, B) == \at(g_natt, A) &&
      \forall integer k; 0 <= k < \at(g_natt, A) ==> \at(g_e[k], B) == \at(g_e[k], A);
    // the task's own facts kept (reporting, death, exit_state, running)
    predicate tkeep{A,B} =
      \at(g_u->death, B) == \at(g_u->death, A) &&
      \at(__fc_exit_state, B) == \at(__fc_exit_state, A);
    // pass_stable (the rely of a report pass) gives the att clauses
    lemma pass_stable_att{A,B}: pass_stable{A,B} ==>
      att_same{A,B} && \at(ALL_E(k, k < g_natt ==> g_e[k]->ops != \null), B);
*/

/*@ requires T_CTX && nolocks && g_tpass == 0;
    requires ops: ALL_E(k, k < g_natt ==> g_e[k]->ops != \null);
    assigns g_tpass, g_ulock, FC_WORLD, g_e[0 .. UTRACE_GHOST_MAXE - 1], g_ne, g_natt,
      g_prv[g_nprv .. UTRACE_GHOST_MAXE - 1], g_nprv;
    ensures nolocks && lists_wf && !utraced && g_tpass == 0;
    ensures prv: g_nprv == \old(g_nprv);
    ensures t: trely{Pre,Here};
    ensures ops: ALL_E(k, k < g_natt ==> g_e[k]->ops != \null);
    ensures range: UTRACE_INTERRUPT <= \result <= UTRACE_RESUME;
*/
static enum utrace_resume_action start_report(struct utrace *utrace);

/*@ requires utrace == g_u && __fc_current == g_t && ctx;
    assigns g_u->reporting;
    ensures g_u->reporting == engine;
    ensures ops: lists_wf ==> ALL_E(k, g_e[k]->ops == \old(g_e[k]->ops));
    ensures dstop: lists_wf && no_dstop{Pre} ==> no_dstop;
*/
static void utrace_set_reporting(struct utrace *utrace,
				 struct utrace_engine *engine);

/*@ PASS_REQUIRES
    requires b6: g_u->reporting == engine;
    requires act: 0 <= action < 8;
    requires dstop: no_dstop || report->detaches;
    assigns g_ulock, FC_WORLD, report->action, report->resume_action, report->detaches,
      engine->ops, engine->flags, __fc_uflags;
    PASS_ENSURES
    ensures t: tkeep{Pre,Here} && g_u->reporting == engine;
    ensures ps: pass_stable{Pre,Here};
    ensures dstop: no_dstop || report->detaches;
    ensures applied: report->detaches || report->action <= action;
    ensures self_detach: action == UTRACE_DETACH ==> report->detaches &&
      engine->ops == &utrace_detached_ops;
*/
static void finish_callback_report(struct task_struct *task,
				   struct utrace *utrace,
				   struct utrace_report *report,
				   struct utrace_engine *engine,
				   enum utrace_resume_action action);

/*@ PASS_REQUIRES
    requires b6: g_u->reporting == engine;
    requires dstop: no_dstop || report->detaches;
    assigns g_ulock, FC_WORLD, report->result, report->action, report->resume_action,
      report->detaches, g_u->reporting, engine->ops, engine->flags, __fc_uflags;
    PASS_ENSURES
    ensures t: tkeep{Pre,Here};
    ensures cleared: g_u->reporting == \null;
    ensures ps: pass_stable{Pre,Here};
    ensures dstop: no_dstop || report->detaches;
    ensures detached: \result ==> engine->ops == &utrace_detached_ops;
    ensures c11: \result ==> report->detaches;
    ensures live: !\result ==> engine->ops != &utrace_detached_ops;
*/
static bool finish_callback(struct task_struct *task, struct utrace *utrace,
			    struct utrace_report *report,
			    struct utrace_engine *engine, u32 ret);

/* The quiesce half of start_callback(): its facts are start_callback()'s. */
/*@ PASS_REQUIRES
    requires b6: g_u->reporting == engine;
    requires dstop: no_dstop || report->detaches;
    requires c5: ops == &utrace_detached_ops ==> engine->ops == &utrace_detached_ops;
    assigns PASS_ASSIGNS;
    PASS_ENSURES
    ensures t: tkeep{Pre,Here};
    ensures ps: pass_stable{Pre,Here};
    ensures dstop: no_dstop || report->detaches;
    ensures go: \result ==> g_u->reporting == engine && event != 0 &&
      ops != &utrace_detached_ops;
    ensures i8: !\result ==> g_u->reporting == \null;
*/
static bool start_callback_quiesce(struct task_struct *task,
				   struct utrace *utrace,
				   struct utrace_report *report,
				   struct utrace_engine *engine,
				   const struct utrace_engine_ops *ops,
				   unsigned long event);

/*@ PASS_REQUIRES
    requires i8: g_u->reporting == \null;
    requires dstop: no_dstop || report->detaches;
    assigns PASS_ASSIGNS;
    PASS_ENSURES
    ensures t: tkeep{Pre,Here};
    ensures ps: pass_stable{Pre,Here};
    ensures dstop: no_dstop || report->detaches;
    ensures i8: \result == \null ==> g_u->reporting == \null;
    ensures published: \result != \null ==> g_u->reporting == engine;
    ensures c5: \result != \null ==> \result != &utrace_detached_ops;
    ensures c10: \result != \null ==> event != 0;
*/
static const struct utrace_engine_ops *
start_callback(struct utrace *utrace, struct utrace_report *report,
	       struct utrace_engine *engine, struct task_struct *task,
	       unsigned long event);

/*@ PASS_REQUIRES
    requires i8: g_u->reporting == \null;
    requires dstop: no_dstop || report->detaches;
    requires \valid_read(args);
    assigns PASS_ASSIGNS;
    PASS_ENSURES
    ensures t: tkeep{Pre,Here};
    ensures i8: g_u->reporting == \null;
    ensures dstop: no_dstop || report->detaches;
*/
static void report_one(struct task_struct *task, struct utrace *utrace,
		       struct utrace_report *report,
		       struct utrace_engine *engine, unsigned long event,
		       const struct utrace_event_args *args);

/*@ requires T_CTX && task == g_t && nolocks && g_tpass == 0;
    requires report: report_ok(report) && report_sep(report);
    requires i8: g_u->reporting == \null;
    requires dstop: no_dstop || report->detaches;
    requires \valid_read(args);
    requires ops: ALL_E(k, k < g_natt ==> g_e[k]->ops != \null);
    assigns g_tpass, g_ulock, g_k, FC_WORLD, report->result, report->action,
      report->resume_action, report->detaches, report->spurious, g_u->reporting,
      __fc_uflags;
    ensures nolocks && lists_wf && !utraced && g_tpass == 0;
    ensures report: report_ok(report);
    ensures t: tkeep{Pre,Here};
    ensures i8: g_u->reporting == \null;
    ensures dstop: no_dstop || report->detaches;
*/
static void report_callbacks(struct task_struct *task, struct utrace *utrace,
			     struct utrace_report *report, unsigned long event,
			     const struct utrace_event_args *args);

/*@ requires T_CTX && task == g_t && nolocks && g_tpass == 0;
    requires report: report_ok(report) && report_sep(report);
    requires i8: g_u->reporting == \null;
    requires dstop: no_dstop || report->detaches;
    requires \valid_read(args);
    requires ops: ALL_E(k, k < g_natt ==> g_e[k]->ops != \null);
    assigns g_tpass, g_ulock, g_k, FC_WORLD, report->result, report->action,
      report->resume_action, report->detaches, report->spurious, g_u->reporting,
      __fc_uflags;
    ensures nolocks && lists_wf && !utraced && g_tpass == 0;
    ensures report: report_ok(report);
    ensures t: tkeep{Pre,Here};
    ensures i8: g_u->reporting == \null;
    ensures dstop: no_dstop || report->detaches;
*/
static void report_callbacks_reverse(struct task_struct *task,
				     struct utrace *utrace,
				     struct utrace_report *report,
				     unsigned long event,
				     const struct utrace_event_args *args);

/*@ requires T_CTX && task == g_t && nolocks && g_nprv == 0;
    requires report: report_ok(report) && report_sep(report);
    requires dstop: no_dstop || report->detaches;
    requires alive: __fc_exit_state == 0;
    assigns T_FOOT, report->action, report->resume_action, g_u->pending_attach,
      g_u->resume, g_u->signal_handler, __fc_uflags;
    ensures nolocks && lists_wf && !utraced && g_nprv == 0;
    ensures report: report_ok(report);
    ensures dstop: no_dstop;
    ensures t: tkeep{Pre,Here} && g_u->reporting == \old(g_u->reporting);
*/
static void finish_report_reset(struct task_struct *task, struct utrace *utrace,
				struct utrace_report *report);

/*@ requires T_CTX && task == g_t && nolocks && g_nprv == 0;
    requires report: report_ok(report) && report_sep(report);
    requires dstop: no_dstop || report->detaches;
    requires alive: __fc_exit_state == 0;
    assigns T_FOOT, report->action, report->resume_action, g_u->pending_attach,
      g_u->resume, g_u->signal_handler, __fc_uflags;
    ensures nolocks && lists_wf && !utraced && g_nprv == 0;
    ensures report: report_ok(report);
    ensures dstop: no_dstop;
    ensures t: tkeep{Pre,Here} && g_u->reporting == \old(g_u->reporting);
*/
static void finish_report(struct task_struct *task, struct utrace *utrace,
			  struct utrace_report *report, bool will_not_stop);

/*@ requires ctx && task == g_t && utrace == g_u;
    requires held: g_ulock == 1;
    requires i9: I9;
    requires act: UTRACE_INTERRUPT <= action <= UTRACE_RESUME;
    assigns g_u->resume, __fc_tif;
    ensures i9: I9;
    ensures g_u->resume <= \old(g_u->resume);
*/
static void utrace_stop_rearm(struct task_struct *task, struct utrace *utrace,
			      enum utrace_resume_action action);

/* UTRACE_STOP.  The proof obligation that matters is at the unlock after
 * __TASK_UTRACED is set: I7, some live engine holds ENGINE_STOP (C1/C2). */
/*@ requires T_CTX && task == g_t && nolocks && g_nprv == 0;
    requires dstop: no_dstop;
    requires act: UTRACE_INTERRUPT <= action <= UTRACE_RESUME;
    // T stops before exit_notify (I11 then gives utrace_reset()'s noreap)
    requires alive: __fc_exit_state == 0;
    requires ptrs: task_ptrs;
    assigns T_FOOT, g_u->pending_attach, g_u->resume, g_u->signal_handler, __fc_uflags;
    ensures nolocks && lists_wf && g_nprv == 0;
    ensures dstop: no_dstop;
    ensures t: \old(g_u->reporting) == g_u->reporting &&
      g_u->death == \old(g_u->death) && __fc_exit_state == \old(__fc_exit_state);
*/
static void utrace_stop(struct task_struct *task, struct utrace *utrace,
			enum utrace_resume_action action);

/*@ requires ctx && lists_wf && nolocks && __fc_current == g_t && task_ptrs;
    assigns g_ulock, FC_WORLD;
    ensures nolocks && lists_wf;
    ensures t: trely{Pre,Here};
*/
void utrace_finish_stop(void);

/*@ requires T_CTX && task == g_t && nolocks && g_nprv == 0;
    requires report: report_ok(report) && report_sep(report);
    requires dstop: no_dstop || report->detaches;
    requires i8: g_u->reporting == \null;
    requires alive: __fc_exit_state == 0;
    requires ptrs: task_ptrs;
    assigns T_FOOT, report->action, report->resume_action, g_u->pending_attach, g_u->resume,
      g_u->signal_handler, __fc_uflags;
    ensures nolocks && lists_wf && g_nprv == 0;
    ensures dstop: no_dstop;
    ensures i8: g_u->reporting == \null;
    ensures t: g_u->death == \old(g_u->death) && __fc_exit_state == \old(__fc_exit_state);
*/
static void finish_resume_report(struct task_struct *task,
				 struct utrace *utrace,
				 struct utrace_report *report);

/* The exported tracee-side entry points: the traced task, running, no
 * lock held, outside any report pass (reporting NULL, no self-detached
 * engine holding a stop); they leave it so (I8).  Each is called before
 * exit_notify() (the tracehooks of utrace.h), hence `alive`.  `ops`: the
 * task runs past B9 (the kernel calls utrace_finish_stop() after every
 * stop), so nobody else changes its attached list (I14) and the only
 * store of a NULL ops (utrace_reset()) is in the critical section that
 * unlinks the engine: E_ok's ops clause holds without the lock. */
#define T_ENTRY(task)						\
	T_ENTRY_REQ(task)						\
	assigns T_ENTRY_FOOT;						\
	T_ENTRY_ENS
/* The engines' fields the task writes (ops, flags of its listed engines)
 * are in FC_WORLD's ENG_FIELD sets: spelling them out again as
 * { g_e[i]->ops | i } only makes WP's region-by-region inclusion of a
 * callee's assigns (utrace_report_event in its wrappers) time out. */
#define T_ENTRY_REQ(task)						\
	requires ctx && lists_wf && nolocks && task == g_t && task_ptrs;	\
	requires t: __fc_current == g_t && !utraced && g_tpass == 0 && g_nprv == 0; \
	requires alive: __fc_exit_state == 0;				\
	requires i8: g_u->reporting == \null;				\
	requires dstop: no_dstop;					\
	requires ops: ALL_E(k, k < g_natt ==> g_e[k]->ops != \null);
#define T_ENTRY_FOOT	T_FOOT, g_tpass, g_u->reporting, g_u->pending_attach,	\
	  g_u->resume, g_u->signal_handler, g_u->death, g_u->reap,	\
	  __fc_uflags
/* No lists_wf at the return: each entry point keeps its report on its
 * stack, and WP cannot carry \valid of an engine another thread linked
 * meanwhile past that object's deallocation (it has the Typed model's
 * region fact only for the pointers of the entry state).  Nothing is
 * lost: lists_wf is part of the lock invariant every acquire re-gives. */
#define T_ENTRY_ENS							\
	ensures nolocks && g_tpass == 0 && g_nprv == 0;			\
	ensures i8: g_u->reporting == \null;				\
	ensures dstop: no_dstop;

/*@ T_ENTRY(task)
    ensures t: g_u->death == \old(g_u->death) && __fc_exit_state == \old(__fc_exit_state);
*/
void utrace_resume(struct task_struct *task, struct pt_regs *regs);

/*@ T_ENTRY(__fc_current)
    ensures t: g_u->death == \old(g_u->death) && __fc_exit_state == \old(__fc_exit_state);
*/
bool utrace_report_syscall_entry(struct pt_regs *regs);

/*@ requires \valid_read(args);
    T_ENTRY(__fc_current)
    ensures t: g_u->death == \old(g_u->death) && __fc_exit_state == \old(__fc_exit_state);
*/
static void utrace_report_event(unsigned long event,
				const struct utrace_event_args *args);

/*@ T_ENTRY(__fc_current)
    ensures t: g_u->death == \old(g_u->death) && __fc_exit_state == \old(__fc_exit_state);
*/
void utrace_report_syscall_exit(struct pt_regs *regs);

/*@ T_ENTRY(__fc_current)
    ensures t: g_u->death == \old(g_u->death) && __fc_exit_state == \old(__fc_exit_state);
*/
void utrace_report_exec(const struct linux_binprm *bprm, struct pt_regs *regs);

/*@ requires \valid(exit_code);
    T_ENTRY(__fc_current)
    ensures t: g_u->death == \old(g_u->death) && __fc_exit_state == \old(__fc_exit_state);
*/
void utrace_report_exit(long *exit_code);

/* ---------------------------------------------------------------------
 * Death and reap
 * ------------------------------------------------------------------- */
/*@ requires ctx && lists_wf && nolocks && target == g_t;
    requires which: is_prv(list);
    requires refs: ALL_PRV(k, g_prv[k]->kref.refcount.refs >= 1);
    assigns g_prv[0 .. UTRACE_GHOST_MAXE - 1], g_nprv, g_k, FC_WORLD;
    ensures nolocks && g_nprv == 0;
    ensures env: __fc_current == g_t ==> trely0{Pre,Here};
*/
static void utrace_teardown(struct task_struct *target, struct list_head *list);

/*@ requires ctx && lists_wf && nolocks && target == g_t && utrace == g_u && g_nprv == 0;
    requires reaper: reap ==> __fc_exit_state == EXIT_DEAD;
    requires dying: !reap ==> __fc_current == g_t && g_u->death != 0 &&
      __fc_exit_state != 0 && !utraced;
    assigns T_FOOT, g_u->pending_attach, g_u->resume, g_u->signal_handler,
      g_u->death, g_u->reap, __fc_uflags;
    ensures nolocks && g_nprv == 0;
    // I8 after the death report: only the task itself writes reporting
    ensures i8: __fc_current == g_t ==> g_u->reporting == \old(g_u->reporting);
*/
static void utrace_maybe_reap(struct task_struct *target, struct utrace *utrace,
			      bool reap);

/*@ requires ctx && lists_wf && nolocks && task == g_t && task_ptrs;
    requires t: __fc_current == g_t && !utraced && g_tpass == 0 && g_nprv == 0;
    requires dead: __fc_exit_state != 0 && g_u->death == 0;
    requires i8: g_u->reporting == \null;
    requires dstop: no_dstop;
    assigns T_FOOT, g_tpass, g_u->reporting, g_u->pending_attach, g_u->resume,
      g_u->signal_handler, g_u->death, g_u->reap, __fc_uflags,
      { g_e[i]->ops | integer i; 0 <= i < g_ne },
      { g_e[i]->flags | integer i; 0 <= i < g_ne };
    ensures nolocks && g_nprv == 0;
    ensures i8: g_u->reporting == \null;
*/
void utrace_report_death(struct task_struct *task, bool group_dead, int signal);

/*@ requires ctx && lists_wf && nolocks && task == g_t && task_ptrs && g_nprv == 0;
    requires reaper: __fc_exit_state == EXIT_DEAD;
    assigns T_FOOT, g_u->pending_attach, g_u->resume, g_u->signal_handler,
      g_u->death, g_u->reap, __fc_uflags;
    ensures nolocks && g_nprv == 0;
*/
void __utrace_release_task(struct task_struct *task);

/* ---------------------------------------------------------------------
 * Signals
 * ------------------------------------------------------------------- */
/*@ requires T_CTX && nolocks;
    requires report: report_ok(report) && report_sep(report);
    assigns g_ulock, FC_WORLD, g_e[0 .. UTRACE_GHOST_MAXE - 1], g_ne, g_natt,
      g_prv[g_nprv .. UTRACE_GHOST_MAXE - 1], g_nprv, report->result,
      g_u->signal_handler, g_u->resume, g_u->pending_attach;
    ensures nolocks && lists_wf && !utraced;
    ensures report: report_ok(report);
    ensures t: trely{Pre,Here};
    ensures consumed: UTRACE_INTERRUPT <= \result <= UTRACE_RESUME;
*/
static enum utrace_resume_action
utrace_signal_consume(struct utrace *utrace, struct utrace_report *report);

/*@ requires \valid_read(ka) && \valid(result);
    assigns *result;
    ensures \result == UTRACE_EVENT(SIGNAL) || \result == UTRACE_EVENT(SIGNAL_IGN) ||
      \result == UTRACE_EVENT(SIGNAL_CORE) || \result == UTRACE_EVENT(SIGNAL_STOP) ||
      \result == UTRACE_EVENT(SIGNAL_TERM);
*/
static unsigned long utrace_signal_event(const struct k_sigaction *ka,
					 int signr, u32 *result);

/*@ requires T_CTX && task == g_t && nolocks && g_tpass == 1;
    requires report: report_ok(report) && report_sep(report);
    requires engine: 0 <= g_k < g_natt && g_e[g_k] == engine;
    requires i8: g_u->reporting == \null;
    requires dstop: no_dstop || report->detaches;
    requires sa: \valid(sa) && \valid(sa->info) && \valid(sa->return_ka) &&
      \separated(sa, sa->info, sa->return_ka, g_t, g_u, g_sh, report);
    assigns g_ulock, FC_WORLD, *report, g_u->reporting, engine->ops, engine->flags,
      __fc_uflags, *sa->info, *sa->return_ka;
    ensures nolocks && lists_wf && !utraced;
    ensures report: report_ok(report);
    ensures att: att_same{Pre,Here} && ALL_E(k, k < g_natt ==> g_e[k]->ops != \null);
    ensures t: tkeep{Pre,Here};
    ensures i8: g_u->reporting == \null;
    ensures dstop: no_dstop || report->detaches;
*/
static void utrace_signal_one(struct task_struct *task, struct utrace *utrace,
			      struct utrace_report *report,
			      struct utrace_engine *engine,
			      struct utrace_signal_args *sa,
			      unsigned long event);

/*@ requires T_CTX && task == g_t && nolocks && g_tpass == 0;
    requires report: report_ok(report) && report_sep(report);
    requires i8: g_u->reporting == \null;
    requires dstop: no_dstop || report->detaches;
    requires ops: ALL_E(k, k < g_natt ==> g_e[k]->ops != \null);
    requires sa: \valid(sa) && \valid(sa->info) && \valid(sa->return_ka) &&
      \separated(sa, sa->info, sa->return_ka, g_t, g_u, g_sh, report);
    assigns g_tpass, g_ulock, g_k, FC_WORLD, *report, g_u->reporting,
      { g_e[i]->ops | integer i; 0 <= i < g_natt },
      { g_e[i]->flags | integer i; 0 <= i < g_natt }, __fc_uflags,
      *sa->info, *sa->return_ka;
    ensures nolocks && lists_wf && !utraced && g_tpass == 0;
    ensures report: report_ok(report);
    ensures t: tkeep{Pre,Here};
    ensures i8: g_u->reporting == \null;
    ensures dstop: no_dstop || report->detaches;
*/
static void utrace_signal_callbacks(struct task_struct *task,
				    struct utrace *utrace,
				    struct utrace_report *report,
				    struct utrace_signal_args *sa,
				    unsigned long event);

/*@ requires \valid(return_ka);
    assigns return_ka->sa.sa_handler;
    ensures \result == 0 || \result == signr || \result == SIGTERM ||
      \result == SIGQUIT || \result == SIGSTOP || \result == SIGTSTP;
    // the signal-action table of utrace.h, one row per action
    ensures deliver: (result & UTRACE_SIGNAL_MASK) == UTRACE_SIGNAL_DELIVER ==>
      \result == signr && return_ka->sa.sa_handler == \old(return_ka->sa.sa_handler);
    ensures term: (result & UTRACE_SIGNAL_MASK) == UTRACE_SIGNAL_TERM ==>
      \result == SIGTERM && return_ka->sa.sa_handler == SIG_DFL;
    ensures core: (result & UTRACE_SIGNAL_MASK) == UTRACE_SIGNAL_CORE ==>
      \result == SIGQUIT && return_ka->sa.sa_handler == SIG_DFL;
    ensures stop: (result & UTRACE_SIGNAL_MASK) == UTRACE_SIGNAL_STOP ==>
      \result == SIGSTOP && return_ka->sa.sa_handler == SIG_DFL;
    ensures tstp: (result & UTRACE_SIGNAL_MASK) == UTRACE_SIGNAL_TSTP ==>
      \result == SIGTSTP && return_ka->sa.sa_handler == SIG_DFL;
    ensures none: (result & UTRACE_SIGNAL_MASK) == UTRACE_SIGNAL_IGN ||
      (result & UTRACE_SIGNAL_MASK) == UTRACE_SIGNAL_REPORT ||
      (result & UTRACE_SIGNAL_MASK) == UTRACE_SIGNAL_HANDLER ==>
      \result == 0 && return_ka->sa.sa_handler == \old(return_ka->sa.sa_handler);
*/
static int utrace_signal_result(u32 result, int signr,
				struct k_sigaction *return_ka);

/*@ requires T_CTX && task == g_t && nolocks && g_nprv == 0;
    requires report: report_ok(report) && report_sep(report);
    requires i8: g_u->reporting == \null;
    requires dstop: no_dstop || report->detaches;
    requires sa: \valid(sa) && \valid(sa->info) && \valid(sa->return_ka) &&
      \separated(sa, sa->info, sa->return_ka, g_t, g_u, g_sh, report);
    assigns T_FOOT, *report, g_u->pending_attach, g_u->resume, g_u->signal_handler,
      __fc_uflags, *sa->info, *sa->return_ka;
    ensures g_siglock == 1 && g_ulock == 0 && g_tasklist == 0 && lists_wf && g_nprv == 0;
    ensures i8: g_u->reporting == \null;
    ensures dstop: no_dstop;
*/
static int utrace_signal_finish(struct task_struct *task, struct utrace *utrace,
				struct utrace_report *report,
				struct utrace_signal_args *sa, int signr);

/*@ requires ctx && lists_wf && task == g_t && task_ptrs;
    requires locks: g_siglock == 1 && g_ulock == 0 && g_tasklist == 0;
    requires t: __fc_current == g_t && !utraced && g_tpass == 0 && g_nprv == 0;
    requires i8: g_u->reporting == \null;
    requires dstop: no_dstop;
    requires \valid(info) && \valid(return_ka) &&
      \separated(info, return_ka, g_t, g_u, g_sh);
    assigns T_FOOT, g_tpass, g_u->reporting, g_u->pending_attach, g_u->resume,
      g_u->signal_handler, __fc_uflags, *info, *return_ka,
      { g_e[i]->ops | integer i; 0 <= i < g_ne },
      { g_e[i]->flags | integer i; 0 <= i < g_ne };
    ensures locks: g_siglock == 1 && g_ulock == 0 && g_tasklist == 0;
    ensures lists_wf && g_tpass == 0 && g_nprv == 0;
    ensures i8: g_u->reporting == \null;
    ensures dstop: no_dstop;
*/
int utrace_get_signal(struct task_struct *task, struct pt_regs *regs,
		      kernel_siginfo_t *info, struct k_sigaction *return_ka);

/*@ requires ctx && lists_wf && g_ulock == 0 && task_ptrs && __fc_current == g_t;
    assigns FC_WORLD;
    ensures \result <==> g_u->resume == UTRACE_INTERRUPT;
*/
bool utrace_interrupt_pending(void);

/* ---------------------------------------------------------------------
 * Task lifetime and ptrace coexistence
 * ------------------------------------------------------------------- */
/*@ requires ctx && task == g_t;
    assigns task->utrace, *g_u, __fc_uflags, g_ne, g_natt, g_nown;
    ensures \result == 0 || \result == -ENOMEM;
    ensures nomem: \result == -ENOMEM ==> task->utrace == \old(task->utrace) &&
      __fc_uflags == \old(__fc_uflags) && g_ne == \old(g_ne);
    ensures init: \result == 0 ==> task->utrace == g_u &&
      g_u->resume == UTRACE_RESUME && g_u->reporting == \null &&
      g_u->pending_attach == 0 && g_u->signal_handler == 0 &&
      g_u->death == 0 && g_u->reap == 0 && __fc_uflags == 0 &&
      g_ne == 0 && g_natt == 0 && g_nown == 0;
*/
int utrace_init_task(struct task_struct *task);

/*@ requires ctx && task == g_t && task_ptrs && nolocks;
    assigns task->utrace;
    ensures task->utrace == \null;
*/
void utrace_free_task(struct task_struct *task);

/*@ requires ctx && lists_wf && nolocks && task == g_t && task_ptrs;
    assigns g_ulock, FC_WORLD;
    ensures g_ulock == 1;
    UTRACE_INV(ensures)
*/
void task_utrace_lock(struct task_struct *task);

/*@ requires ctx && task == g_t && task_ptrs;
    requires held: g_ulock == 1 && g_siglock == 0 && g_tasklist == 0;
    UTRACE_INV(requires)
    assigns g_ulock;
    ensures g_ulock == 0;
*/
void task_utrace_unlock(struct task_struct *task);

#endif /* __FRAMAC__ */
#endif /* _UTRACE_ACSL_H */
