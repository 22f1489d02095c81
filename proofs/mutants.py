#!/usr/bin/env python3
"""proofs/mutants.py - mutation checks of the WP proofs (issue 4).

The proof-side twin of tests/tools/mutants.py (same slips-in-a-scratch-
copy method, judged by WP instead of the tests).  Each mutant is a scratch
copy of src/ under build/proofs-mutants/<name>
with one slip (a dropped unlock, a dropped flag update, a swapped return
code), proved with only the mutated function (-wp-fct, no cache).  A mutant
is killed when some goal of that function fails.  `make proofs-mutants`
runs them all (a few minutes each on this machine; not part of check);
`python3 proofs/mutants.py m8` runs one.  Exits non-zero if a mutant
survives.  m1-m6 of proofs/README.md were run by hand before this script.
"""
import os,shutil,subprocess,sys,re
ROOT=os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT=os.path.join(ROOT,"build","proofs-mutants")
survivors=0
M=[("m7","utrace_wakeup","drop an unlock: utrace_wakeup without spin_unlock_irq",
    "\twake_up_utraced(target);\n\tspin_unlock_irq(task_siglock(target));\n","\twake_up_utraced(target);\n"),
   ("m8","utrace_add_engine_locked","swap a return code: -ESRCH instead of -EEXIST for an exclusive match",
    "\t\treturn -EEXIST;\n","\t\treturn -ESRCH;\n"),
   ("m9","utrace_link_engine","drop a flag update: no pending_attach = 1 (I2)",
    "\tWRITE_ONCE(utrace->pending_attach, 1);\n",""),
   ("m10","utrace_attach_task","swap a return code: -EINVAL instead of -EPERM for a kernel thread",
    "\t\treturn ERR_PTR(-EPERM);\n","\t\treturn ERR_PTR(-EINVAL);\n"),
   ("m11","utrace_control_detach","drop a flag update: DETACH keeps the engine's ENGINE_STOP in utrace_flags (C1)",
    "\tif (engine->flags & ENGINE_STOP)\n\t\tflags &= ~ENGINE_STOP;\n",""),
   ("m12","utrace_control_stop","drop a flag update: UTRACE_STOP without mark_engine_wants_stop",
    "\tmark_engine_wants_stop(target, engine);\n",""),
   ("m13","utrace_control_resume","drop a flag update: RESUME without clear_engine_wants_stop (C2)",
    "\tclear_engine_wants_stop(target, engine);\t/* C2 */\n",""),
   ("m14","utrace_signal_result","swap a return code: SIGTERM for UTRACE_SIGNAL_CORE",
    "\t\trep = SIGQUIT;\n","\t\trep = SIGTERM;\n"),
   ("m15","utrace_barrier","swap a return code: 0 instead of -ERESTARTSYS when a signal is pending",
    "\t\t\treturn -ERESTARTSYS;\n\t\tUTRACE_STEP(\"utrace_barrier:wait\");","\t\t\treturn 0;\n\t\tUTRACE_STEP(\"utrace_barrier:wait\");"),
   ("m16","finish_callback","drop a flag update: a detached engine reported without report->detaches (C11)",
    "\t\treport->detaches = true;\n#endif\n\t\treturn true;","#endif\n\t\treturn true;"),
   ("m17","report_one","drop a call: the event callback's result never applied (reporting left set, B6/C10)",
    "\tfinish_callback(task, utrace, report, engine, action);\n",""),
   ("m18","finish_callback_report","wrong store: a self-detaching engine's ops set to NULL instead of utrace_detached_ops (pass_stable, I1)",
    "\t\tWRITE_ONCE(engine->ops, &utrace_detached_ops);\n\t\t/* proof: I1","\t\tWRITE_ONCE(engine->ops, NULL);\n\t\t/* proof: I1"),
   ("m19","start_callback_quiesce","drop a check: a pure quiescence report goes on to the event callback (C10)",
    "\tif (!event) {\n\t\t/* A pure quiescence report: nothing more to call. */\n\t\treport->spurious = false;\n\t\treturn false;\n\t}\n",""),
   ("m20","utrace_engine_put","drop a check: every put releases the engine, not only the last",
    "\tif (last)\n\t\tutrace_engine_release(engine);\n","\tutrace_engine_release(engine);\n"),
   ("m21","finish_report","drop a store: a step request stored in utrace->resume as is (C13, I9)",
    "#ifndef V31_C13\n\t\t\t\tresume = UTRACE_REPORT;\n#endif\n",""),
   ("m22","utrace_reset","drop a flag update: utrace_flags recomputed without the REAP marker (I5)",
    "\t\t\tflags |= engine->flags | UTRACE_EVENT(REAP);\n","\t\t\tflags |= engine->flags;\n"),
   ("m23","put_detached_list","drop a call: an engine put while still on the private list (I1)",
    "\t\t//@ assert \\valid(engine) && sep_engine(engine);\n\t\tlist_del_init(&engine->entry);\n",
    "\t\t//@ assert \\valid(engine) && sep_engine(engine);\n"),
   ("m24","utrace_stop","drop a check: stop without re-reading ENGINE_STOP under the lock (C1, I7)",
    "\t\tif (likely(task_uflags(task) & ENGINE_STOP))\n\t\t\tbreak;\n","\t\tbreak;\n"),
   ("m25","utrace_report_death","drop a flag update: the death report without utrace->death = 1 (controllers would still reset the lists)",
    "\tWRITE_ONCE(utrace->death, 1);\n",""),
   ("m26","utrace_report_event","drop a call: no finish_report() after the pass (a self-detached engine's stop leaks, no_dstop)",
    "\treport_callbacks(task, utrace, &report, event, args);\n\tfinish_report(task, utrace, &report, true);\n",
    "\treport_callbacks(task, utrace, &report, event, args);\n")]
only=sys.argv[1:]
for name,fn,desc,old,new in M:
    if only and name not in only: continue
    d=os.path.join(OUT,name); shutil.rmtree(d,ignore_errors=True); shutil.copytree(os.path.join(ROOT,"src"),d+"/src")
    p=d+"/src/utrace.c"; s=open(p).read(); assert s.count(old)==1,(name,s.count(old)); open(p,"w").write(s.replace(old,new))
    # the options of mk/proofs.mk (one source), session in the scratch copy
    opts=subprocess.run(["make","-s","-C",ROOT,"proofs-print-opts",f"PROOF_FUNCS={fn}",f"WP_SESSION={d}/wp"],
                        stdout=subprocess.PIPE,check=True).stdout.decode().strip()
    cmd=f"cd {d} && WHY3CONFIG={ROOT}/build/proofs/why3.conf frama-c {opts} -wp-cache none src/utrace.c > {d}/log 2>&1"
    subprocess.call(cmd,shell=True)
    log=open(d+"/log").read()
    pg=re.findall(r"Proved goals:\s+(\d+) / (\d+)",log)
    fails=[m for m in re.findall(r"\[wp\] \[Failed\] (?:Goal|Smoke-test) typed_(\w+)",log)]
    if not pg:
        survivors+=1
        print(f"ERROR {name}: frama-c did not run (see {d}/log)",flush=True)
        continue
    killed=bool(fails) or pg[-1][0]!=pg[-1][1]
    survivors+=0 if killed else 1
    print(f"{'KILLED' if killed else 'SURVIVED'} {name} | {fn} | {desc} | {'/'.join(pg[-1]) if pg else '?'} | failing: {' '.join(sorted(set(fails)))[:300]}",flush=True)
sys.exit(1 if survivors else 0)
