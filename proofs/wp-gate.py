#!/usr/bin/env python3
"""proofs/wp-gate.py - the gates of `make proofs` / `make proofs-replay`.

usage: wp-gate.py REPORT_JSON WP_LOG TRUSTED_TXT RESULT_NAME SECONDS MODE

Fails (exit 1) unless:
  1. the WP JSON report says valid == total (Frama-C exits 0 either way);
  2. every smoke test passed (a "failed" smoke test is a vacuous contract);
  3. the trusted base printed by `-then -report` ("Considered valid" /
     "Extern" properties) equals proofs/trusted.txt, entry for entry;
  4. the WP log has none of: "not yet supported", "Missing RTE guards",
     "Degenerated", "Stronger", "might be unsound".
Prints `wp: V/T goals valid` and the figures, and writes the one-line
result to build/results/RESULT_NAME.txt.
"""
import json
import re
import sys

report_json, wp_log, trusted_txt, result_name, seconds, mode = sys.argv[1:7]
failures = []

# 1. JSON report
try:
    rep = json.load(open(report_json))
except (OSError, ValueError) as err:
    rep = None
    failures.append("no WP JSON report (%s)" % err)


def find_main(node):
    """The wp:global/wp:main entry of the JSON report."""
    if isinstance(node, dict):
        if "wp:global" in node:
            g = node["wp:global"]
            if isinstance(g, dict) and "wp:main" in g:
                return g["wp:main"]
        for v in node.values():
            r = find_main(v)
            if r is not None:
                return r
    return None


valid = total = 0
provers = {}
if rep is not None:
    main = find_main(rep)
    if main is None:
        failures.append("JSON report has no wp:global/wp:main")
    else:
        valid = int(main.get("valid", 0))
        total = int(main.get("total", 0))
        for k, v in main.items():
            if k.startswith("wp:") or k in ("valid", "total", "failed", "unknown"):
                continue
            if isinstance(v, (int, float)):
                provers[k] = v
    funcs = rep.get("wp:functions", {}) if isinstance(rep, dict) else {}
else:
    funcs = {}
if total == 0:
    failures.append("no goal at all")
elif valid != total:
    failures.append("%d/%d goals valid" % (valid, total))

log = open(wp_log, errors="replace").read()

# 2. smoke tests
smoke = re.findall(r"\[(\w+)\] Smoke-test (\S+)", log)
smoke_ok = sum(1 for st, _ in smoke if st == "Passed")
smoke_bad = [name for st, name in smoke if st != "Passed"]
if smoke_bad:
    failures.append("%d smoke tests failed (vacuous): %s" %
                    (len(smoke_bad), " ".join(smoke_bad[:5])))

# 3. trusted base: the report's "Extern"/"Considered valid" properties
trusted_report = set()
func = None
lines = log.splitlines()
for i, line in enumerate(lines):
    m = re.match(r"--- Properties of Function '([^']+)'", line)
    if m:
        func = m.group(1)
        continue
    if line.startswith("--- ") and "Properties of" not in line:
        func = None
    m = re.match(r"\[\s*Extern\s*\]\s+(.*)", line)
    if m:
        prop = re.sub(r"\s*\(file [^)]*\)", "", m.group(1)).strip()
        trusted_report.add("%s | %s" % (func or "-", prop))
trusted_listed = set()
for line in open(trusted_txt):
    line = line.rstrip("\n")
    if not line.strip() or line.lstrip().startswith("#"):
        continue
    parts = [p.strip() for p in line.split("|")]
    if len(parts) < 3 or not parts[2]:
        failures.append("trusted.txt entry without a reason: %s" % line)
        continue
    trusted_listed.add("%s | %s" % (parts[0], parts[1]))
if trusted_report != trusted_listed:
    extra = sorted(trusted_report - trusted_listed)
    gone = sorted(trusted_listed - trusted_report)
    for e in extra:
        print("trusted-gate: considered valid but not in trusted.txt: " + e)
    for e in gone:
        print("trusted-gate: in trusted.txt but not reported: " + e)
    failures.append("trusted base differs from proofs/trusted.txt "
                    "(%d unlisted, %d stale)" % (len(extra), len(gone)))

# 4. forbidden WP warnings
for bad in ("not yet supported", "Missing RTE guards", "Degenerated",
            "Stronger", "might be unsound"):
    n = log.count(bad)
    if n:
        failures.append('WP log contains "%s" (%d times)' % (bad, n))

nfuncs = len(funcs) if isinstance(funcs, dict) else 0
secs = int(float(seconds))
fig = "wp: %d/%d goals valid, %d functions, %dm%02ds %s, smoke %d/%d, trusted %d" % (
    valid, total, nfuncs, secs // 60, secs % 60, mode, smoke_ok, len(smoke),
    len(trusted_report))
if provers:
    fig += ", " + " ".join("%s %s" % (k, v) for k, v in sorted(provers.items()))
print("wp: %d/%d goals valid" % (valid, total))
res = open("build/results/%s.txt" % result_name, "w")
if failures:
    for f in failures:
        print("wp-gate: FAIL: " + f)
    res.write("%s|FAIL|%s; %s\n" % (result_name, "; ".join(failures), fig))
    res.close()
    sys.exit(1)
res.write("%s|PASS|%s\n" % (result_name, fig))
res.close()
print(fig)
