#!/usr/bin/env python3
"""tests/tools/run.py - run the C test suites and write one result line each.

  run.py test   BUILD          cmocka contract tests + race scenarios (all builds)
  run.py stress BUILD SECONDS  stress under TSan, then under ASan+UBSan(+LSan)
  run.py soak   BUILD SECONDS  longer stress, plus a run exposing the known bugs
  run.py bench  BUILD          the benchmark table (callgrind + ns/op)

Each writes build/results/<job>.txt = "<job>|PASS|<figures>" or
"<job>|FAIL|<reason>", keeps logs in build/logs/, and exits non-zero on FAIL.
A job passes only if every run ended with the status it must have, every log
is free of sanitizer reports, and the figures could be read from the output.
"""
import glob
import os
import random
import re
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
KNOWN = os.path.join(ROOT, "tests", "known-bugs.txt")


def known_bugs():
    out = []
    if os.path.exists(KNOWN):
        for ln in open(KNOWN):
            w = ln.split("#")[0].split()
            if w:
                out.append(w[0])
    return out


def result(build, job, ok, text):
    os.makedirs(os.path.join(build, "results"), exist_ok=True)
    line = "%s|%s|%s" % (job, "PASS" if ok else "FAIL", text)
    with open(os.path.join(build, "results", job + ".txt"), "w") as f:
        f.write(line + "\n")
    print(line)
    return 0 if ok else 1


def run(cmd, log, env=None, timeout=None, append=False):
    e = dict(os.environ)
    if env:
        e.update(env)
    t0 = time.time()
    with open(log, "a" if append else "w") as f:
        f.write("$ %s\n" % " ".join(cmd))
        f.flush()
        try:
            p = subprocess.run(cmd, stdout=f, stderr=subprocess.STDOUT, env=e, cwd=ROOT,
                               timeout=timeout)
            rc = p.returncode
        except subprocess.TimeoutExpired:
            f.write("\n*** killed: wall-clock bound of %ss exceeded\n" % timeout)
            rc = -999
    return rc, open(log, errors="replace").read(), time.time() - t0


CM_RUN = re.compile(r"\[==========\] (\d+) test\(s\) run")
CM_PASS = re.compile(r"\[  PASSED  \] (\d+) test\(s\)")
CM_FAIL = re.compile(r"\[  FAILED  \] (\d+) test\(s\), listed below")


def cmocka_counts(text):
    n = sum(int(x) for x in CM_RUN.findall(text))
    p = sum(int(x) for x in CM_PASS.findall(text))
    f = sum(int(x) for x in CM_FAIL.findall(text))
    return n, p, f


# ---------------------------------------------------------------------------


def cmd_test(build):
    tdir = os.path.join(build, "tests")
    logs = os.path.join(build, "logs")
    os.makedirs(logs, exist_ok=True)
    t0 = time.time()
    failures = []
    # contract tests
    rc, out, _ = run([os.path.join(tdir, "contract")], os.path.join(logs, "test-contract.log"),
                     timeout=600)
    cn, cp, cf = cmocka_counts(out)
    if rc != 0 or cn == 0 or cp != cn:
        failures.append("contract: %d/%d passed (rc %d), see build/logs/test-contract.log"
                        % (cp, cn, rc))
    kc = sorted(set(re.findall(r"known C-core bug (\S+) reproduced", out)))
    kc_n = len(re.findall(r"known C-core bug (\S+) reproduced", out))
    # scenarios, one binary per build
    tsv = os.path.join(tdir, "scenario-results.tsv")
    if os.path.exists(tsv):
        os.remove(tsv)
    bins = sorted(glob.glob(os.path.join(tdir, "scen-*")))
    bins = [b for b in bins if os.access(b, os.X_OK) and not b.endswith(".log")]
    sn = sp = 0
    for b in bins:
        v = os.path.basename(b)[5:]
        log = os.path.join(logs, "test-scen-%s.log" % v)
        rc, out, _ = run([b], log, env={"TH_RESULTS": tsv}, timeout=900)
        n, p, f = cmocka_counts(out)
        sn += n
        sp += p
        if rc != 0 or n == 0 or p != n:
            failures.append("scenarios built %s: %d/%d passed, see %s" % (v, p, n, log))
    rows = []
    if os.path.exists(tsv):
        for ln in open(tsv):
            f = ln.rstrip("\n").split("\t")
            if len(f) >= 6:
                rows.append(f)
    obs = {}
    for variant, name, sw, want, known, line in rows:
        m = re.match(r"%s (BAD|GOOD):" % re.escape(name), line)
        obs[(variant, name)] = (m.group(1) if m else "ERR", sw)
    builds = sorted(set(r[0] for r in rows))
    names = []
    for r in rows:
        if r[1] not in names:
            names.append(r[1])
    replays = [n for n in names if n.endswith("M") and n[:-1] in names]
    replay_ok = [n for n in replays if obs.get((next(r[2] for r in rows if r[1] == n), n), ("",))[0] == "BAD"
                 and obs.get(("default", n), ("",))[0] == "GOOD"]
    names_r = [n for n in names if n not in replays]
    shown = []
    for name in names_r:
        sw = next(r[2] for r in rows if r[1] == name)
        if sw == "-" or sw not in builds:
            continue
        if obs.get((sw, name), ("",))[0] == "BAD" and obs.get(("default", name), ("",))[0] == "GOOD":
            shown.append(name)
    with_sw = [n for n in names_r if next(r[2] for r in rows if r[1] == n) in builds]
    v31 = [n for n in names_r if next(r[2] for r in rows if r[1] == n).startswith("V31_")
           and next(r[2] for r in rows if r[1] == n) in builds]
    v31_shown = [n for n in v31 if obs.get(("UTRACE_V31", n), ("",))[0] == "BAD"]
    known_sc = [n for n in names if obs.get(("default", n), ("",))[0] == "BAD"]
    ok = not failures and cn > 0 and sn > 0
    dt = time.time() - t0
    if ok:
        text = ("cmocka %d/%d tests (%d contract, %d scenario runs in %d builds); "
                "%d/%d races shown with their switch and absent without (%s); UTRACE_V31 "
                "shows %d/%d; model-trail replay %s: %d/%d; known C-core bugs reproduced: %s "
                "(scenarios), %s (%d contract tests); %.0fs"
                % (cp + sp, cn + sn, cn, sn, len(bins), len(shown), len(with_sw),
                   " ".join(shown), len(v31_shown), len(v31), " ".join(replays) or "-",
                   len(replay_ok), len(replays),
                                  " ".join(known_sc) or "none", " ".join(kc) or "none", kc_n, dt))
    else:
        text = "; ".join(failures)[:900]
    if ok:
        # the table, for the log
        with open(os.path.join(logs, "test-races.txt"), "w") as f:
            f.write("%-12s %-16s %s\n" % ("race", "switch", " ".join("%-8s" % b[:8] for b in builds)))
            for name in names:
                sw = next(r[2] for r in rows if r[1] == name)
                f.write("%-12s %-16s %s\n" % (name, sw, " ".join(
                    "%-8s" % obs.get((b, name), ("-",))[0] for b in builds)))
    return result(build, "test", ok, text)


# ---------------------------------------------------------------------------

SAN_PATTERNS = [r"WARNING: ThreadSanitizer", r"ERROR: AddressSanitizer", r"ERROR: LeakSanitizer",
                r"runtime error:", r"ERROR: UndefinedBehaviorSanitizer", r"SUMMARY: \w+Sanitizer"]


def san_reports(text):
    return sum(len(re.findall(p, text)) for p in SAN_PATTERNS[:5])


def stress_runs(build, job, seconds, seed, expose=False):
    tdir = os.path.join(build, "tests")
    logs = os.path.join(build, "logs")
    os.makedirs(logs, exist_ok=True)
    known = known_bugs()
    supp = os.path.join(ROOT, "tests", "tsan-known.supp")
    tsan_opts = "halt_on_error=0 exitcode=66 report_signal_unsafe=0 history_size=3"
    if "ORDER" in known:
        tsan_opts += " suppressions=%s print_suppressions=1" % supp
    runs = [
        ("TSan", os.path.join(tdir, "stress-tsan"), {"TSAN_OPTIONS": tsan_opts}),
        ("ASan+UBSan+LSan", os.path.join(tdir, "stress-asan"),
         {"ASAN_OPTIONS": "detect_leaks=1:halt_on_error=1:exitcode=67:abort_on_error=0",
          "UBSAN_OPTIONS": "halt_on_error=1:print_stacktrace=1"}),
    ]
    parts, failures = [], []
    for label, binary, env in runs:
        log = os.path.join(logs, "%s-%s.log" % (job, "tsan" if label == "TSan" else "asan"))
        cmd = [binary, "--seconds", str(seconds), "--seed", str(seed)]
        if "N3" not in known and "N4" not in known:
            cmd.append("--expose-known")	# both fixed: stress their windows too
        rc, out, dt = run(cmd, log, env=env, timeout=seconds * 3 + 120)
        m = re.search(r"stress: PASS seed \d+: (\d+) generations, \S+, (\d+) tracee events, "
                      r"(\d+) API calls, (\d+) callbacks, (\d+) attaches = (\d+) release\(\) calls.*?"
                      r"(\d+) release_task\(\) before the death report ended, (\d+) invariant checks",
                      out)
        nrep = san_reports(out)
        nsup = sum(int(x) for x in re.findall(r"^\s*(\d+)\s+race:", out, re.M))
        if rc != 0 or not m or nrep:
            why = "exit status %d" % rc
            fl = re.search(r"stress: (FAIL.*|VIOLATION.*)", out)
            if fl:
                why = fl.group(1)[:300]
            if nrep:
                why = "%d sanitizer report(s)" % nrep
            failures.append("%s: %s (seed %d, log %s)" % (label, why, seed, log))
            continue
        parts.append("%s %.0fs: %s generations, %s API calls, %s callbacks, %s attaches = "
                     "%s release(), %s reaps during a death report, %s invariant checks, "
                     "0 reports%s" % (label, dt, m.group(1), m.group(3), m.group(4), m.group(5),
                                      m.group(6), m.group(7), m.group(8),
                                      (" (%d suppressed: known bug ORDER)" % nsup) if nsup else ""))
    if expose and not failures:
        log = os.path.join(logs, "%s-expose.log" % job)
        binary = os.path.join(tdir, "stress-plain")
        rc, out, dt = run([binary, "--seconds", str(seconds), "--seed", str(seed),
                           "--expose-known", "--watchdog", "10"], log, timeout=seconds * 3 + 120)
        if rc == 0:
            parts.append("expose-known %.0fs: no lost teardown hit" % dt)
        elif rc == 3 and ("N3" in known or "N4" in known):
            parts.append("expose-known: known bug N3/N4 (lost teardown) reproduced after %.0fs" % dt)
        else:
            failures.append("expose-known run: exit status %d (log %s)" % (rc, log))
    return parts, failures


def cmd_stress(build, seconds, job="stress", expose=False):
    seed = int(os.environ.get("STRESS_SEED") or random.randrange(1, 2 ** 31))
    t0 = time.time()
    parts, failures = stress_runs(build, job, int(seconds), seed, expose)
    if failures:
        return result(build, job, False, "; ".join(failures)[:900])
    return result(build, job, True, "seed %d, 9 threads (3 tracees, 4 controllers, reaper, "
                  "signal source), lost-teardown windows N3/N4 %s; %s; %.0fs"
                  % (seed, "avoided (known bugs)" if ("N3" in known_bugs() or "N4" in known_bugs())
                     else "exercised (fixed)", "; ".join(parts), time.time() - t0))


# ---------------------------------------------------------------------------


def cmd_bench(build):
    tdir = os.path.join(build, "tests")
    logs = os.path.join(build, "logs")
    binary = os.path.join(tdir, "bench")
    rc, lst, _ = run([binary, "--list"], os.path.join(logs, "bench-list.log"))
    ops = {}
    for ln in lst.splitlines():
        f = ln.split("|")
        if len(f) == 3 and f[0].startswith("op"):
            ops[f[0]] = (f[1], int(f[2]))
    rc1, out, _ = run([binary, "--ns"], os.path.join(logs, "bench-ns.log"), timeout=900)
    ns = {}
    for ln in out.splitlines():
        f = ln.split("|")
        if len(f) == 3 and (f[0].startswith("op") or f[0] == "empty"):
            ns[f[0]] = float(f[2])
    cgdir = os.path.join(tdir, "callgrind")
    os.makedirs(cgdir, exist_ok=True)
    for f in glob.glob(os.path.join(cgdir, "cg.out*")):
        os.remove(f)
    rc2, cgout, _ = run(["valgrind", "--tool=callgrind", "--collect-atstart=no",
                         "--callgrind-out-file=" + os.path.join(cgdir, "cg.out"), binary,
                         "--callgrind"], os.path.join(logs, "bench-callgrind.log"), timeout=900)
    ir = {}
    for fn in glob.glob(os.path.join(cgdir, "cg.out*")):
        txt = open(fn, errors="replace").read()
        m = re.search(r"desc: Trigger: Client Request: (op-?\d+) n=(\d+)", txt)
        t = re.search(r"^totals: (\d+)", txt, re.M)
        if m and t:
            ir[m.group(1)] = int(t.group(1)) / int(m.group(2))
    if rc or rc1 or rc2 or "op-1" not in ir or "op0" not in ir or not ns:
        return result(build, "bench", False, "bench runs failed (rc %d/%d/%d), see build/logs/bench-*.log"
                      % (rc, rc1, rc2))
    base_ir = ir["op-1"]
    lock_ir = ir["op0"] - base_ir
    lock_ns = ns["op0"]
    rows = []
    for k in sorted(ops, key=lambda x: int(x[2:])):
        name, eng = ops[k]
        i = ir.get(k, float("nan")) - base_ir
        t = ns.get(k, float("nan"))
        if "get_signal" in name:
            # called with siglock held: the benchmark takes and drops it
            i -= lock_ir
            t -= lock_ns
        rows.append((name, "-" if eng < 0 else str(eng), i, t, i / lock_ir, t / lock_ns))
    hdr = ("| operation | engines | instructions | ns/op | instr. / lock pair | ns / lock pair |\n"
           "|---|---:|---:|---:|---:|---:|\n")
    body = "".join("| %s | %s | %.0f | %.1f | %.2f | %.2f |\n" % r for r in rows)
    note = ("\nInstructions: valgrind --tool=callgrind, collected only inside the operation, "
            "mean over 200 calls, minus an empty collected region (%.0f).  ns/op: native, best "
            "of 7 runs (tight loop, or per call with the TSC for operations that need an "
            "untimed set-up), on a shared machine: indicative only.  get_signal is called with "
            "siglock held: one lock pair is subtracted.  The user-space face's signal "
            "dequeue scans 64 signals (most of get_signal with engines).  Reference: a bare "
            "spin_lock/spin_unlock pair of the user-space face (an error-checking pthread "
            "mutex): %.0f instructions, %.1f ns.  Engines subscribe to every event of the "
            "hook and resume.\n" % (base_ir, lock_ir, lock_ns))
    table = hdr + body + note
    with open(os.path.join(tdir, "bench.md"), "w") as f:
        f.write(table)
    print(table)
    hook0 = [r for r in rows if r[1] == "0" and r[0].startswith("tracehook ")]
    worst0 = max(r[2] for r in hook0) if hook0 else float("nan")
    return result(build, "bench", True, "%d operations; lock pair %.0f instr / %.1f ns; "
                  "tracehooks with 0 engines <= %.0f instr; table: build/tests/bench.md"
                  % (len(rows), lock_ir, lock_ns, worst0))


def main(argv):
    if len(argv) < 3:
        print(__doc__)
        return 2
    cmd, build = argv[1], argv[2]
    if cmd == "test":
        return cmd_test(build)
    if cmd == "stress":
        return cmd_stress(build, argv[3] if len(argv) > 3 else 70)
    if cmd == "soak":
        return cmd_stress(build, argv[3] if len(argv) > 3 else 600, job="soak", expose=True)
    if cmd == "bench":
        return cmd_bench(build)
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
