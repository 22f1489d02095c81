#!/usr/bin/env python3
"""tests/tools/mutants.py - do the tests catch a broken core?

Applies one mutation at a time to a scratch copy of the repository (never
to src/), rebuilds the contract tests and the default scenario binary, runs
both, and reports whether some test failed ("killed").  `make mutants`.

usage: mutants.py [SCRATCH_DIR]
"""
import os
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

# (name, file, old text, new text): each a plausible slip in the core
MUTANTS = [
    ("control_dead returns -ESRCH instead of -EALREADY", "src/utrace.c",
     "\tif (utrace->death)\n\t\treturn -EALREADY;\n\treturn 0;\n}",
     "\tif (utrace->death)\n\t\treturn -ESRCH;\n\treturn 0;\n}"),
    ("get_utrace_lock forgets the detached-ops check under the lock", "src/utrace.c",
     "\tops = engine->ops;\n\tif (unlikely(!ops) || unlikely(ops == &utrace_detached_ops))\n\t\treturn -ESRCH;\n\treturn 0;",
     "\tops = engine->ops;\n\tif (unlikely(!ops))\n\t\treturn -ESRCH;\n\treturn 0;"),
    ("mark_engine_detached drops its flags store", "src/utrace.c",
     "\tsmp_wmb();\n\tWRITE_ONCE(engine->flags, UTRACE_EVENT(QUIESCE));",
     "\tsmp_wmb();"),
    ("utrace_barrier_check returns 0 while the engine's callback runs", "src/utrace.c",
     "\tif (reporting == engine)\n\t\treturn UTRACE_BARRIER_WAIT;",
     "\tif (reporting == engine)\n\t\treturn 0;"),
    ("clear_engine_wants_stop keeps ENGINE_STOP in utrace_flags (C2 fix dropped)", "src/utrace.c",
     "\t\tWRITE_ONCE(task_uflags(task), task_uflags(task) & ~ENGINE_STOP);\n#else",
     "\t\t(void)task;\n#else"),
]


def sh(cmd, cwd, timeout=900):
    p = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       timeout=timeout)
    return p.returncode, p.stdout.decode(errors="replace")


def main():
    scratch = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build", "mutants")
    if os.path.isdir(scratch):
        shutil.rmtree(scratch)
    os.makedirs(scratch)
    for d in ("src", "tests", "mk", "docs"):
        shutil.copytree(os.path.join(ROOT, d), os.path.join(scratch, d))
    for f in ("Makefile",):
        shutil.copy(os.path.join(ROOT, f), scratch)
    os.makedirs(os.path.join(scratch, "scripts"))
    shutil.copy(os.path.join(ROOT, "scripts", "toolchain.sh"), os.path.join(scratch, "scripts"))
    killed = 0
    for name, path, old, new in MUTANTS:
        src = os.path.join(scratch, path)
        orig = open(os.path.join(ROOT, path)).read()
        if orig.count(old) != 1:
            print("ERROR mutant %r: anchor found %d times" % (name, orig.count(old)))
            return 2
        open(src, "w").write(orig.replace(old, new))
        rc, out = sh(["make", "-s", "build/tests/contract", "build/tests/scen-default"], scratch)
        if rc != 0:
            # a mutant that does not compile says nothing about the tests
            print("ERROR   %s: the mutant does not build:\n%s" % (name, out[-800:]))
            return 2
        bad = []
        for b in ("contract", "scen-default"):
            rc, out = sh([os.path.join(scratch, "build", "tests", b)], scratch)
            if rc != 0:
                bad.append(b)
        print("%s %s%s" % ("KILLED " if bad else "SURVIVED", name,
                           (" (failing: %s)" % ", ".join(bad)) if bad else ""))
        killed += 1 if bad else 0
        open(src, "w").write(orig)
    print("mutants killed: %d/%d" % (killed, len(MUTANTS)))
    return 0 if killed == len(MUTANTS) else 1


if __name__ == "__main__":
    sys.exit(main())
