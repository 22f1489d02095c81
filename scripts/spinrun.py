#!/usr/bin/env python3
"""scripts/spinrun.py - the honest SPIN runner of this project.

pan exits 0 on errors, on a truncated search and at its memory limit, so this
runner decides from pan's output alone:

  a verification run PASSES only if pan printed "errors: 0", none of
  "max search depth too small", "Search not completed", "reached -DMEMLIM
  bound", "out of memory", "Time limit of", and the depth reached is below the
  depth limit (-m, with -b making a truncation an error anyway);

  a race run (`bugs`) PASSES only if pan reports a violation AND replaying the
  trail with `spin -t` shows the intended property: the named assertion
  (CHECK(prop, ...) expands to "!(P_prop)||...") or, for the liveness
  properties checked as invalid end states, a blocked process at the intended
  point (L1: T in utrace_stop, L3: a controller in utrace_barrier, L4: a
  controller waiting for report_signal);

  a witness run (a claim expected to fail) PASSES only if pan reports the
  claim violated.

Usage:
  spinrun.py model   [--only NAME]     verify every configuration + witnesses
  spinrun.py bugs    [--only RACE]     reproduce every race
  spinrun.py scenario FILE [FLAGS]      check a scenario file (FLAGS: -D switches)
  spinrun.py bench                      the performance table
  spinrun.py selftest                   the runner must fail on bad runs
  spinrun.py one MODEL NAME "FLAGS" [TIMEOUT]  one exhaustive run (model-n3)

Configurations: model/configs/<model>.conf ("name | flags | purpose").
Races: model/bugs.conf.  Logs: build/model/.
"""
import os
import re
import subprocess
import sys
import time
import shutil
import concurrent.futures

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MODEL_DIR = os.path.join(ROOT, "model")
BUILD = os.path.join(ROOT, "build", "model")
RESULTS = os.path.join(ROOT, "build", "results")

# every property an assertion can name (CHECK(p, ...)), plus the liveness
# properties read off invalid end states
ASSERT_PROPS = ["S1", "S3", "S4", "S5", "S6", "S7", "S8", "S9", "S10", "S14",
                "CRET", "CEALREADY", "L2", "L7", "LOCK"]
# L4 has both forms: a controller blocked waiting for report_signal, and the
# assertion CHECK(L4) when T is back in user mode with an interrupt owed
BOTH_PROPS = ["L4"]
PTRACE_PROPS = ["S2", "S12", "S13", "S16", "S17", "S18", "L5", "L6", "NOTIFY", "KILL"]
END_PROPS = {
    # liveness property -> source tags of the blocked point that shows it
    "L1": ["utrace_stop:schedule"],
    "L3": ["utrace_barrier:wait"],
    "L4": ["wait_interrupt"],
}
PROP_TEXT = {
    "S1": "no leaked utrace stop (I7)",
    "S3": "no callback through NULL or detached ops",
    "S4": "engine data never used after free",
    "S5": "attached list written only while T is quiescent",
    "S6": "utrace_barrier postcondition",
    "S7": "API gate: detached engine / reaped task -> -ESRCH",
    "S8": "death/reap ordering; nothing set after teardown",
    "S9": "-EINPROGRESS soundness (no disabled callback after 0)",
    "S10": "no unwanted single-step",
    "S14": "reference counts; release exactly once",
    "CRET": "return-code tables",
    "CEALREADY": "-EALREADY contract",
    "L1": "no leaked stop (liveness, invalid end state)",
    "L2": "detached engines are collected",
    "L7": "no lost teardown: a dead, released task keeps no engine",
    "L3": "utrace_barrier terminates (invalid end state)",
    "L4": "interrupts are delivered (invalid end state)",
    "LOCK": "lock balance (unlock by the owner)",
    "S2": "ptrace_report_signal never stops a detaching tracee",
    "S12": "no stop on behalf of a departed tracer",
    "S13": "a successful PTRACE_ATTACH means attached",
    "S16": "a stop is ended only by its owner (ptrace: TRACED, utrace: UTRACED)",
    "S17": "SIGKILL does not let T run inside a controller's utrace->lock section",
    "S18": "syscall-trace flag ownership (TIF_SYSCALL_TRACE for ptrace and engines)",
    "L5": "a signal swallowed or handed back is delivered unless T dies",
    "L6": "a continue after an observed group stop is never missed",
    "NOTIFY": "every ptrace stop reported to wait exactly once",
    "KILL": "a SIGKILLed tracee always exits",
}

FAIL_STRINGS = ["max search depth too small", "Search not completed",
                "reached -DMEMLIM bound", "out of memory", "Time limit of",
                "error: ", "pan: hash table too small"]

DEPTH = 200000          # -m: far above any depth reached (runs print it)
HASH_W = 26             # -w: 2^26 slots
# independent pans run side by side (configurations, races, witness groups);
# results are printed in table order.  SPIN_JOBS=1 restores one at a time
# (`bench` always runs one at a time, so its figures are not shared-CPU ones)
JOBS = max(1, int(os.environ.get("SPIN_JOBS", "2")))
MEMLIM = 20000 // JOBS  # MB per pan; a run that reaches it fails


def pmap(fn, items, jobs=None):
    """fn over items, JOBS at a time; yields the results in order."""
    jobs = JOBS if jobs is None else jobs
    if jobs <= 1 or len(items) <= 1:
        for x in items:
            yield fn(x)
        return
    with concurrent.futures.ThreadPoolExecutor(jobs) as ex:
        for r in ex.map(fn, items):
            yield r


def sh(cmd, cwd, timeout=None, env=None):
    """Run cmd (list), return (rc, output)."""
    try:
        p = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, timeout=timeout, env=env)
        return p.returncode, p.stdout.decode(errors="replace")
    except subprocess.TimeoutExpired as e:
        out = (e.stdout or b"").decode(errors="replace")
        return 124, out + "\n[spinrun: killed after %ss]\n" % timeout


def spin_version():
    rc, out = sh(["spin", "-V"], ROOT)
    return out.strip().splitlines()[0] if out.strip() else "spin ?"


def read_table(path, ncols):
    rows = []
    with open(path) as f:
        for ln in f:
            ln = ln.strip()
            if not ln or ln.startswith("#"):
                continue
            parts = [p.strip() for p in ln.split("|")]
            if len(parts) < ncols:
                raise SystemExit("%s: bad line: %s" % (path, ln))
            rows.append(parts[:ncols])
    return rows


def build_pan(model, flags, wdir, cflags=("-DSAFETY",), claim=False, opt="-O2"):
    """spin -a + gcc.  Returns (ok, message)."""
    if os.path.isdir(wdir):
        shutil.rmtree(wdir)
    os.makedirs(wdir)
    src = os.path.join(MODEL_DIR, model + ".pml")
    rc, out = sh(["spin"] + flags.split() + ["-a", src], wdir)
    with open(os.path.join(wdir, "spin.log"), "w") as f:
        f.write(out)
    if rc != 0 or not os.path.exists(os.path.join(wdir, "pan.c")):
        return False, "spin -a failed: " + out.strip().splitlines()[-1] if out.strip() else "spin -a failed"
    # -O2 for the big searches; the race runs use -O0: their searches take
    # well under a second and gcc -O2 needs tens of seconds for pan.c
    cc = ["gcc", opt, "-w", "-DMEMLIM=%d" % MEMLIM] + list(cflags) + ["-o", "pan", "pan.c"]
    rc, out = sh(cc, wdir)
    with open(os.path.join(wdir, "cc.log"), "w") as f:
        f.write(" ".join(cc) + "\n" + out)
    if rc != 0:
        return False, "gcc failed (see %s/cc.log)" % wdir
    return True, " ".join(cc[1:2] + cc[3:-3])


def parse_pan(out):
    """Figures and verdict fields from pan's output."""
    def grab(rx, conv=str, default=None):
        m = re.search(rx, out)
        return conv(m.group(1)) if m else default
    r = {
        "errors": grab(r"errors: (\d+)", int, -1),
        "states": grab(r"\n\s*([0-9.e+]+) states, stored", float, 0.0),
        "transitions": grab(r"\n\s*([0-9.e+]+) transitions", float, 0.0),
        "depth": grab(r"depth reached (\d+)", int, -1),
        "vector": grab(r"State-vector (\d+) byte", int, 0),
        "memory": grab(r"([0-9.]+)\s+total actual memory usage", float, 0.0),
        "time": grab(r"pan: elapsed time ([0-9.e+]+) seconds", float, 0.0),
        "hashfactor": grab(r"hash factor: ([0-9.e+]+)", float, None),
    }
    r["problems"] = [s for s in FAIL_STRINGS if s in out and not
                     (s == "error: " and "errors: " in out and out.count("error: ") == 0)]
    # "error: max search depth too small" is caught by its own string; a bare
    # "pan: error" line is anything else pan calls an error
    r["problems"] = [s for s in r["problems"] if s != "error: "]
    if re.search(r"^pan: error", out, re.M) or "pan:1: " in out:
        pass  # assertion/invalid end: counted in errors
    return r


def unreached(out):
    """{(file:line, text)} of statements pan lists as unreached."""
    res = set()
    for m in re.finditer(r"^\s+(\S+\.pml:\d+), state \d+, \"(.*)\"$", out, re.M):
        res.add((m.group(1), m.group(2)))
    return res


def fmt_figs(r):
    if "states" not in r:
        # no pan run (spin -a or gcc failed): the caller prints why
        return "no pan run"
    hf = "" if r.get("hashfactor") is None else ", hash factor %.1f (approximate)" % r["hashfactor"]
    return "%s states, depth %d, %.0f MB, %.1f s%s" % (
        "{:,}".format(int(r["states"])), r["depth"], r["memory"], r["time"], hf)


def write_result(job, ok, text):
    os.makedirs(RESULTS, exist_ok=True)
    with open(os.path.join(RESULTS, job + ".txt"), "w") as f:
        f.write("%s|%s|%s\n" % (job, "PASS" if ok else "FAIL", text))


# ---------------------------------------------------------------------------
# verification runs


def run_config(model, name, flags, extra_pan=(), timeout=1800, cflags=("-DSAFETY", "-DCOLLAPSE"), opt="-O2"):
    wdir = os.path.join(BUILD, model, name)
    ok, msg = build_pan(model, flags, wdir, cflags, opt=opt)
    if not ok:
        return False, {"problems": [msg]}, "", wdir
    cmd = ["./pan", "-m%d" % DEPTH, "-b", "-w%d" % HASH_W] + list(extra_pan)
    t0 = time.time()
    rc, out = sh(cmd, wdir, timeout=timeout)
    wall = time.time() - t0
    with open(os.path.join(wdir, "pan.out"), "w") as f:
        f.write("$ " + " ".join(cmd) + "\n" + out)
    r = parse_pan(out)
    r["wall"] = wall
    r["cflags"] = msg
    if rc == 124:
        r["problems"].append("killed after %ds" % timeout)
    good = (r["errors"] == 0 and not r["problems"] and 0 <= r["depth"] < DEPTH)
    return good, r, out, wdir


def cmd_model(only=None):
    print("== %s" % spin_version())
    confs = []
    for model in ("utrace", "ptrace"):
        path = os.path.join(MODEL_DIR, "configs", model + ".conf")
        if os.path.exists(path):
            for name, flags, purpose in read_table(path, 3):
                confs.append((model, name, flags, purpose))
    if only:
        confs = [c for c in confs if c[1] == only or "%s/%s" % (c[0], c[1]) == only]
    allok = True
    unr = {}
    per_model_ok = {}
    runs = pmap(lambda c: run_config(c[0], c[1], c[2]), confs)
    for (model, name, flags, purpose), (good, r, out, wdir) in zip(confs, runs):
        tag = "PASS" if good else "FAIL"
        per_model_ok.setdefault(model, []).append(good)
        if good:
            print("%-4s %s/%-12s %s  [spin %s; cc %s; pan -m%d -b -w%d]" % (
                tag, model, name, fmt_figs(r), flags, r.get("cflags", ""), DEPTH, HASH_W))
            unr.setdefault(model, []).append(unreached(out))
        else:
            allok = False
            why = r.get("problems", []) + (["errors: %d" % r["errors"]] if r.get("errors", 0) not in (0, None) else [])
            print("%-4s %s/%-12s %s  (%s; log %s/pan.out)" % (
                tag, model, name, "; ".join(why) or "incomplete", flags, os.path.relpath(wdir, ROOT)))
            if r.get("errors", 0) > 0:
                print(narrative(model, wdir, flags))
    # vacuity: statements unreached in every configuration of a model
    for model, sets in unr.items():
        if only or len(sets) != len(per_model_ok[model]):
            continue
        # ptrace: the model expands the whole utrace core, many of whose
        # branches ptrace never takes (no reaper, no exec, constant
        # arguments), and its two designs are different programs; the list
        # is informational there too (the witnesses are the gate)
        never = set.intersection(*sets) if sets else set()
        wl = whitelist(model)
        bad = sorted(u for u in never if not any(re.search(w, u[1]) or re.search(w, u[0]) for w in wl))
        if bad:
            # informational: SPIN reports inlined statements at their call
            # sites with the call's constants folded in, so the intersection
            # over configurations is noisy; the witnesses (claims that must
            # fail) are the vacuity gate.  The list is kept for review.
            lst = os.path.join(BUILD, model + "-unreached.txt")
            with open(lst, "w") as f:
                for fl, t in bad:
                    f.write("%s  %s\n" % (fl, t))
            print("INFO %s/unreached: %d statements unreached in every configuration (not a gate; list: %s)"
                  % (model, len(bad), os.path.relpath(lst, ROOT)))
        else:
            print("PASS %s/unreached: %d statements unreached everywhere, all whitelisted" % (model, len(never)))
    # witnesses: claims that must fail
    wok, wtot = run_witnesses(only)
    allok = allok and wok == wtot
    # per-property lines
    props = [p for p in ASSERT_PROPS if p not in ("LOCK",)] + list(END_PROPS) + ["LOCK"]
    verified = 0
    total = 0
    for model in per_model_ok:
        mok = all(per_model_ok[model])
        plist = props if model == "utrace" else props + PTRACE_PROPS
        for p in plist:
            if p in PTRACE_PROPS and model != "ptrace":
                continue
            if p in PTRACE_PROPS and not ptrace_checks(p):
                # declared in props.pml but no CHECK in the ptrace model yet:
                # not counted as verified (nor in the total)
                print("SKIP %s/%-10s %s (not modelled yet)" % (model, p, PROP_TEXT.get(p, "")))
                continue
            print("%-4s %s/%-10s %s" % ("PASS" if mok else "FAIL", model, p, PROP_TEXT.get(p, "")))
            verified += 1 if mok else 0
            total += 1
    print("witnesses: %d/%d reachable" % (wok, wtot))
    line = "model: %d/%d properties verified" % (verified, total)
    print(line)
    if not only:
        write_result("model", allok and verified == total,
                     "%s, %d configurations, witnesses %d/%d" % (line.split(": ", 1)[1], len(confs), wok, wtot))
    return 0 if allok and verified == total else 1


def ptrace_checks(prop):
    """Does some model/ptrace*.pml file assert prop (CHECK(prop, ...))?"""
    for fn in os.listdir(MODEL_DIR):
        if fn.startswith("ptrace") and fn.endswith(".pml"):
            with open(os.path.join(MODEL_DIR, fn)) as f:
                if re.search(r"CHECK\(%s," % re.escape(prop), f.read()):
                    return True
    return False


def whitelist(model):
    path = os.path.join(MODEL_DIR, "unreached.txt")
    wl = []
    if os.path.exists(path):
        for m, pat in read_table(path, 2):
            if m == model or m == "*":
                wl.append(pat)
    return wl


def run_witnesses(only=None):
    path = os.path.join(MODEL_DIR, "witness.conf")
    if not os.path.exists(path) or only:
        return 0, 0
    rows = read_table(path, 4)
    # one pan per (model, flags): its claims run one after the other; the
    # groups run side by side
    groups = []
    for model, claim, flags, meaning in rows:
        if (model, flags) not in groups:
            groups.append((model, flags))

    def run_group(key):
        model, flags = key
        wdir = os.path.join(BUILD, model, "witness_" + re.sub(r"[^A-Za-z0-9]+", "_", flags or "default"))
        b, msg = build_pan(model, flags + " -DWITNESS", wdir, cflags=(), opt="-O0")
        if not b:
            return {"build": msg}
        res = {}
        for m2, claim, f2, meaning in rows:
            if (m2, f2) != key:
                continue
            rc, out = sh(["./pan", "-m%d" % DEPTH, "-w%d" % HASH_W, "-N", claim], wdir, timeout=600)
            r = parse_pan(out)
            # only the claim counts, never a property violation: SPIN compiles
            # a safety claim into an assertion of the never claim ("assertion
            # violated !( !(...))"); the model's own assertions all name a P_*
            m = re.search(r"pan:1: assertion violated (.*)", out)
            hit = r["errors"] > 0 and ("claim violated" in out or "acceptance cycle" in out
                                        or (m is not None and "P_" not in m.group(1)))
            res[claim] = (hit, r["depth"])
        return res

    done = dict(zip(groups, pmap(run_group, groups)))
    ok = tot = 0
    reported = set()
    for model, claim, flags, meaning in rows:
        tot += 1
        res = done[(model, flags)]
        if "build" in res:
            if (model, flags) not in reported:
                print("FAIL witness build %s: %s" % (flags, res["build"]))
                reported.add((model, flags))
            continue
        hit, depth = res[claim]
        ok += 1 if hit else 0
        print("%-4s witness %s/%-13s %s: %s" % ("PASS" if hit else "FAIL", model, claim,
                                                ("reached at depth %d" % depth) if hit else "NOT REACHED", meaning))
    return ok, tot


# ---------------------------------------------------------------------------
# race runs


def pidnames(model, flags):
    n = 2
    m = re.search(r"-DNENGINES=(\d)", flags)
    if m:
        n = int(m.group(1))
    if model == "utrace":
        names = ["T"] + ["C%d" % i for i in range(n)] + ["R", "K", "M"]
    elif model == "ptrace" and "PTRACE_COEXIST" in flags:
        names = ["T", "C", "P", "S", "R", "K", "M", "PM"]
    elif model == "ptrace" and "PTRACE_COEXIST" not in flags:
        names = ["T", "P"] + (["P2"] if re.search(r"WITH_P2[= ]1", flags) else []) + ["S", "R", "K", "M", "PM"]
    else:
        names = None
    return names


def narrative(model, wdir, flags, limit=200, src=None):
    """Replay the trail: one line per step (the model's printf narrative)."""
    src = src or os.path.join(MODEL_DIR, model + ".pml")
    trail = [f for f in os.listdir(wdir) if f.endswith(".trail")]
    if not trail:
        return "   (no trail)"
    rc, out = sh(["spin"] + flags.split() + ["-t", "-k", trail[0], src], wdir, timeout=300)
    with open(os.path.join(wdir, "replay.out"), "w") as f:
        f.write(out)
    names = pidnames(model, flags)
    lines = []
    for ln in out.splitlines():
        s = ln.strip()
        m = re.match(r"@(\d+) (\S+)\s*(.*)", s)
        if m:
            pid = int(m.group(1))
            who = names[pid] if names and pid < len(names) else "p%d" % pid
            lines.append("   %3d  %-3s %-34s %s" % (len(lines) + 1, who, m.group(2), m.group(3)))
        elif "assertion violated" in s or s.startswith("spin: text of failed"):
            lines.append("   ***  " + s)
    return "\n".join(lines[-limit:])


def replay_verdict(model, wdir, flags, prop):
    """Does the replayed trail show `prop`?"""
    out = open(os.path.join(wdir, "replay.out")).read() if os.path.exists(os.path.join(wdir, "replay.out")) else ""
    panout = open(os.path.join(wdir, "pan.out")).read()
    if prop in BOTH_PROPS and re.search(r"!\(P_%s\)" % re.escape(prop), out) and "assertion violated" in out:
        return True, "assertion %s violated" % prop
    if prop in END_PROPS:
        if "invalid end state" not in panout:
            return False, "no invalid end state"
        # the final process table: "proc N (name:1) file:line (state S)" without <valid end state>
        blocked = re.findall(r"proc\s+(\d+) \((\w+):\d+\) (\S+):(\d+) \(state \d+\)\s*$", out, re.M)
        for pid, name, f, line in blocked:
            # the blocking statement and its neighbours (guard, tag comment, printf)
            text = " ".join(srcline(f, int(line) + d) for d in (-1, 0, 1))
            if any(tag in text for tag in END_PROPS[prop]):
                return True, "%s (pid %s) blocked at %s:%s: %s" % (name, pid, os.path.basename(f), line, text.strip())
        return False, "blocked points: " + ", ".join("%s@%s:%s" % (n, os.path.basename(f), l) for _, n, f, l in blocked)
    if re.search(r"!\(P_%s\)" % re.escape(prop), out) and "assertion violated" in out:
        return True, "assertion %s violated" % prop
    m = re.search(r"text of failed assertion: (.*)", out)
    return False, "replay shows " + (m.group(1) if m else "no assertion")


def srcline(f, n):
    path = f if os.path.isabs(f) else os.path.normpath(os.path.join(BUILD, "x", f))
    for cand in (path, os.path.join(MODEL_DIR, os.path.basename(f))):
        if os.path.exists(cand):
            with open(cand) as fh:
                ls = fh.readlines()
            if 0 < n <= len(ls):
                return ls[n - 1]
    return ""


def cmd_bugs(only=None):
    print("== %s" % spin_version())
    rows = read_table(os.path.join(MODEL_DIR, "bugs.conf"), 6)
    confs = {}
    for model in ("utrace", "ptrace"):
        for suffix in (".conf", "-bugs.conf"):
            path = os.path.join(MODEL_DIR, "configs", model + suffix)
            if os.path.exists(path):
                for name, flags, purpose in read_table(path, 3):
                    confs[(model, name)] = flags
    if only:
        rows = [r for r in rows if r[0] == only]

    def run_race(row):
        race, model, conf, switches, prop, what = row
        base = confs.get((model, conf))
        if base is None:
            return False, "FAIL %-6s unknown configuration %s/%s" % (race, model, conf)
        props = ASSERT_PROPS + BOTH_PROPS + (PTRACE_PROPS if model == "ptrace" else [])
        offs = " ".join("-DOFF_%s" % p for p in props if p != prop)
        flags = "%s %s %s -DBFS_RUN" % (base, switches, offs)
        wdir = os.path.join(BUILD, "bugs", race)
        b, msg = build_pan(model, flags, wdir, cflags=("-DSAFETY", "-DBFS"), opt="-O0")
        if not b:
            return False, "FAIL %-6s %s" % (race, msg)
        t0 = time.time()
        # an assertion property: invalid end states are not the race (-E),
        # so a shorter deadlock of another open race cannot mask it
        epan = [] if prop in END_PROPS and prop not in BOTH_PROPS else ["-E"]
        if prop in BOTH_PROPS:
            epan = []
        rc, out = sh(["./pan", "-m%d" % DEPTH, "-w%d" % HASH_W] + epan, wdir, timeout=600)
        wall = time.time() - t0
        with open(os.path.join(wdir, "pan.out"), "w") as f:
            f.write(out)
        r = parse_pan(out)
        if r["errors"] < 1:
            return False, "FAIL %-6s %s/%s %s: no violation found (%s)" % (race, model, conf, switches, fmt_figs(r))
        nar = narrative(model, wdir, flags)
        hit, why = replay_verdict(model, wdir, flags, prop)
        steps = len([l for l in nar.splitlines() if not l.strip().startswith("***")])
        return hit, "%-4s %-6s %s/%s %s -> %s: %s; trail %d steps (BFS, shortest), %.1f s\n       %s\n%s" % (
            "PASS" if hit else "FAIL", race, model, conf, switches, prop, why, steps, wall, what, nar)

    ok = 0
    for hit, text in pmap(run_race, rows):
        ok += 1 if hit else 0
        print(text)
    # the other half of "shown with the switch, absent without": every race
    # configuration must verify (every property on) without any switch
    used = []
    for race, model, conf, switches, prop, what in rows:
        if (model, conf) in confs and (model, conf) not in used:
            used.append((model, conf))
    clean = 0
    fixed = pmap(lambda mc: run_config(mc[0], "fixed_" + mc[1], confs[mc], opt="-O0"), used)
    for (model, conf), (good, r, out, wdir) in zip(used, fixed):
        clean += 1 if good else 0
        why = r.get("problems", []) + (["errors: %d" % r["errors"]] if r.get("errors", 0) not in (0, None) else [])
        print("%-4s fixed  %s/%s without switch: %s%s" % ("PASS" if good else "FAIL", model, conf, fmt_figs(r),
              ("; " + "; ".join(why)) if why else ""))
        if not good and r.get("errors", 0) > 0:
            print(narrative(model, wdir, confs[(model, conf)]))
    line = "races reproduced: %d/%d" % (ok, len(rows))
    print(line)
    line2 = "race configurations clean without their switch: %d/%d" % (clean, len(used))
    print(line2)
    allok = ok == len(rows) and clean == len(used)
    if not only:
        write_result("bugs", allok, "%d/%d races reproduced through their property, %d/%d configurations clean without switch"
                     % (ok, len(rows), clean, len(used)))
    return 0 if allok else 1


# ---------------------------------------------------------------------------


def cmd_scenario(path, flags=""):
    """Check every property over every interleaving of a scenario script."""
    path = os.path.abspath(path)
    if not os.path.exists(path):
        print("FAIL scenario: no such file %s" % path)
        return 2
    name = os.path.splitext(os.path.basename(path))[0]
    model = "ptrace" if (os.path.basename(os.path.dirname(path)) == "ptrace"
                         or os.path.basename(path).startswith("ptrace_")) else "utrace"
    wdir = os.path.join(BUILD, "scenario", name)
    if os.path.isdir(wdir):
        shutil.rmtree(wdir)
    os.makedirs(wdir)
    rc, out = sh(["spin"] + flags.split() + ["-a", path], wdir)
    if rc != 0 or not os.path.exists(os.path.join(wdir, "pan.c")):
        print("FAIL scenario %s: spin -a: %s" % (name, out.strip()))
        return 1
    sh(["gcc", "-O2", "-w", "-DSAFETY", "-DMEMLIM=%d" % MEMLIM, "-o", "pan", "pan.c"], wdir)
    rc, out = sh(["./pan", "-m%d" % DEPTH, "-b", "-w%d" % HASH_W], wdir, timeout=1800)
    with open(os.path.join(wdir, "pan.out"), "w") as f:
        f.write(out)
    r = parse_pan(out)
    good = r["errors"] == 0 and not r["problems"]
    print("%s scenario %s%s: %s%s" % ("PASS" if good else "FAIL", name,
          (" [" + flags + "]") if flags else "", fmt_figs(r),
          ("; " + "; ".join(r["problems"])) if r["problems"] else ""))
    if r["errors"] > 0:
        # process names: the scenario file may set these itself
        src_text = open(path).read()
        extra = (" -DWITH_P2=1" if "define WITH_P2 1" in src_text else "") + \
                (" -DPTRACE_COEXIST" if "define PTRACE_COEXIST" in src_text else "")
        nar = narrative(model, wdir, flags + extra, src=path)
        print(nar)
        m = re.search(r"(pan:1: .*)", out)
        print("   " + (m.group(1) if m else ""))
        for prop in END_PROPS:
            hit, why = replay_verdict(model, wdir, flags, prop)
            if hit:
                print("   liveness %s violated: %s" % (prop, why))
    return 0 if good else 1


def cmd_selftest():
    """The runner must FAIL a truncated search and a failing model."""
    global DEPTH
    ok = True
    confs = read_table(os.path.join(MODEL_DIR, "configs", "utrace.conf"), 3)
    name, flags, _ = confs[0]
    saved = DEPTH
    DEPTH = 50
    good, r, out, wdir = run_config("utrace", "selftest_depth", flags, opt="-O0")
    DEPTH = saved
    print("%s runner rejects a truncated search (-m50): %s" % (
        "PASS" if not good else "FAIL", ", ".join(r.get("problems", [])) or "depth %d" % r.get("depth", -1)))
    ok = ok and not good
    bconfs = dict((n, f) for n, f, _ in read_table(os.path.join(MODEL_DIR, "configs", "utrace-bugs.conf"), 3))
    good, r, out, wdir = run_config("utrace", "selftest_bug", bconfs["b_stop_detach"] + " -DBUG_C1", opt="-O0")
    print("%s runner rejects a failing model (b_stop_detach -DBUG_C1, exhaustive search mode): errors: %s" % (
        "PASS" if not good else "FAIL", r.get("errors")))
    ok = ok and not good
    good, r, out, wdir = run_config("utrace", "selftest_mem", flags, cflags=("-DSAFETY", "-DMEMLIM=20"), opt="-O0")
    print("%s runner rejects a search stopped by -DMEMLIM: %s" % (
        "PASS" if not good else "FAIL", ", ".join(r.get("problems", []))))
    ok = ok and not good
    write_result("runner-selftest", ok, "truncated search, failing model, memory limit all rejected" if ok else "runner accepted a bad run")
    return 0 if ok else 1


def cmd_bench():
    rows = []
    for model in ("utrace", "ptrace"):
        path = os.path.join(MODEL_DIR, "configs", model + ".conf")
        if os.path.exists(path):
            for name, flags, purpose in read_table(path, 3):
                rows.append((model, name, flags))
    extra = os.path.join(MODEL_DIR, "configs", "bench.conf")
    if os.path.exists(extra):
        for model, name, flags in read_table(extra, 3):
            rows.append((model, name, flags))
    print("%-22s %14s %8s %10s %9s  %s" % ("run", "states", "depth", "memory MB", "time s", "result"))
    for model, name, flags in rows:
        good, r, out, wdir = run_config(model, "bench_" + name, flags, cflags=("-DSAFETY", "-DCOLLAPSE"), timeout=3600)
        print("%-22s %14s %8d %10.0f %9.1f  %s" % (model + "/" + name, "{:,}".format(int(r.get("states", 0))),
              r.get("depth", -1), r.get("memory", 0), r.get("time", 0),
              "exhaustive" if good else "FAILED: " + "; ".join(r.get("problems", []))))
    return 0


def main(argv):
    if len(argv) < 2:
        print(__doc__)
        return 2
    cmd = argv[1]
    only = argv[3] if len(argv) > 3 and argv[2] == "--only" else None
    if cmd == "model":
        return cmd_model(only)
    if cmd == "bugs":
        return cmd_bugs(only)
    if cmd == "scenario":
        return cmd_scenario(argv[2], " ".join(argv[3:]))
    if cmd == "selftest":
        return cmd_selftest()
    if cmd == "bench":
        return cmd_bench()
    if cmd == "one" and len(argv) >= 5:
        # one MODEL NAME "FLAGS" [TIMEOUT]: one exhaustive run with figures
        tmo = int(argv[5]) if len(argv) > 5 else 3600
        good, r, out, wdir = run_config(argv[2], argv[3], argv[4], timeout=tmo)
        why = r.get("problems", []) + (["errors: %d" % r["errors"]] if r.get("errors", 0) not in (0, None) else [])
        print("%-4s %s/%s %s%s  [spin %s]" % ("PASS" if good else "FAIL", argv[2], argv[3], fmt_figs(r),
              ("; " + "; ".join(why)) if why else "", argv[4]))
        return 0 if good else 1
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
