/*
 * model/props.pml - property switches shared by the models.
 * This file is meant to be #include'd first.
 *
 * Every assertion is written CHECK(name, condition).  It expands to
 * assert(!P_name || (condition)), so pan's message "assertion violated
 * (!(P_S1)||...)" names the property, and `-DOFF_S1` turns that property off
 * (the runner does so when it wants a bug switch to be caught by one
 * particular property).  P_* are hidden: they are not part of the state.
 *
 * Liveness properties are invalid end states (a process blocked at a point
 * that is not a legitimate idle point, marked by an end label) or, for L2, an
 * assertion at T's idle point; the runner reads the blocked point off the
 * trail replay to tell L1 (T in utrace_stop), L3 (controller in
 * utrace_barrier) and L4 (controller waiting for report_signal) apart.
 */
#ifndef PROPS_PML
#define PROPS_PML

#define CHECK(p, cond) assert(!P_##p || (cond))

/* pan's breadth-first search (-DBFS, used by the race runs for the shortest
 * trail) refuses hidden variables: there the switches are ordinary bits,
 * constant over the whole run, so they add no states. */
#ifdef BFS_RUN
#define DECLARE_PROP(p) bit P_##p = PROP_ON_##p
#else
#define DECLARE_PROP(p) hidden byte P_##p = PROP_ON_##p
#endif

#ifdef OFF_S1
#define PROP_ON_S1 0
#else
#define PROP_ON_S1 1
#endif
#ifdef OFF_S3
#define PROP_ON_S3 0
#else
#define PROP_ON_S3 1
#endif
#ifdef OFF_S4
#define PROP_ON_S4 0
#else
#define PROP_ON_S4 1
#endif
#ifdef OFF_S5
#define PROP_ON_S5 0
#else
#define PROP_ON_S5 1
#endif
#ifdef OFF_S6
#define PROP_ON_S6 0
#else
#define PROP_ON_S6 1
#endif
#ifdef OFF_S7
#define PROP_ON_S7 0
#else
#define PROP_ON_S7 1
#endif
#ifdef OFF_S8
#define PROP_ON_S8 0
#else
#define PROP_ON_S8 1
#endif
#ifdef OFF_S9
#define PROP_ON_S9 0
#else
#define PROP_ON_S9 1
#endif
#ifdef OFF_S10
#define PROP_ON_S10 0
#else
#define PROP_ON_S10 1
#endif
#ifdef OFF_S14
#define PROP_ON_S14 0
#else
#define PROP_ON_S14 1
#endif
#ifdef OFF_CRET
#define PROP_ON_CRET 0
#else
#define PROP_ON_CRET 1
#endif
#ifdef OFF_CEALREADY
#define PROP_ON_CEALREADY 0
#else
#define PROP_ON_CEALREADY 1
#endif
#ifdef OFF_L2
#define PROP_ON_L2 0
#else
#define PROP_ON_L2 1
#endif
#ifdef OFF_L4
#define PROP_ON_L4 0
#else
#define PROP_ON_L4 1
#endif
#ifdef OFF_L7
#define PROP_ON_L7 0
#else
#define PROP_ON_L7 1
#endif
#ifdef OFF_LOCK
#define PROP_ON_LOCK 0
#else
#define PROP_ON_LOCK 1
#endif

/* ptrace.pml properties */
#ifdef OFF_S2
#define PROP_ON_S2 0
#else
#define PROP_ON_S2 1
#endif
#ifdef OFF_S12
#define PROP_ON_S12 0
#else
#define PROP_ON_S12 1
#endif
#ifdef OFF_S13
#define PROP_ON_S13 0
#else
#define PROP_ON_S13 1
#endif
#ifdef OFF_S16
#define PROP_ON_S16 0
#else
#define PROP_ON_S16 1
#endif
#ifdef OFF_S17
#define PROP_ON_S17 0
#else
#define PROP_ON_S17 1
#endif
#ifdef OFF_S18
#define PROP_ON_S18 0
#else
#define PROP_ON_S18 1
#endif
#ifdef OFF_L5
#define PROP_ON_L5 0
#else
#define PROP_ON_L5 1
#endif
#ifdef OFF_L6
#define PROP_ON_L6 0
#else
#define PROP_ON_L6 1
#endif
#ifdef OFF_NOTIFY
#define PROP_ON_NOTIFY 0
#else
#define PROP_ON_NOTIFY 1
#endif
#ifdef OFF_KILL
#define PROP_ON_KILL 0
#else
#define PROP_ON_KILL 1
#endif

DECLARE_PROP(S1);
DECLARE_PROP(S3);
DECLARE_PROP(S4);
DECLARE_PROP(S5);
DECLARE_PROP(S6);
DECLARE_PROP(S7);
DECLARE_PROP(S8);
DECLARE_PROP(S9);
DECLARE_PROP(S10);
DECLARE_PROP(S14);
DECLARE_PROP(CRET);
DECLARE_PROP(CEALREADY);
DECLARE_PROP(L2);
DECLARE_PROP(L4);
DECLARE_PROP(L7);
DECLARE_PROP(LOCK);
DECLARE_PROP(S2);
DECLARE_PROP(S12);
DECLARE_PROP(S13);
DECLARE_PROP(S16);
DECLARE_PROP(S17);
DECLARE_PROP(S18);
DECLARE_PROP(L5);
DECLARE_PROP(L6);
DECLARE_PROP(NOTIFY);
DECLARE_PROP(KILL);

#endif /* PROPS_PML */
