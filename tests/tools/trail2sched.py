#!/usr/bin/env python3
"""tests/tools/trail2sched.py - a SPIN trail replay as a scheduler schedule.

  trail2sched.py REPLAY [--names T,C0,R,...]

REPLAY is the output of `spin -t -k <trail> <model>` (scripts/spinrun.py
keeps it as build/model/.../replay.out), whose narrative lines are
"@<pid> <tag> <details>".  Prints one line per step in the format of
scripts/spinrun.py's narrative, "NNN  WHO  tag  details", which the test
scheduler reads in lenient (trail) mode (tests/README.md):

  build/tests/scen-BUG_C5 --run C5M --schedule sched.txt --lenient

--names maps pids to the scenario's participant names in pid order (the
default is the utrace model's: T C0 C1 R K M for two engines).  Lines that
are not narrative (assertion text, the final state) are dropped; a failed
assertion is kept as a "***" comment line.
"""
import re
import sys


def main(argv):
    if len(argv) < 2:
        print(__doc__)
        return 2
    names = ["T", "C0", "C1", "R", "K", "M"]
    if "--names" in argv:
        names = argv[argv.index("--names") + 1].split(",")
    n = 0
    for ln in open(argv[1], errors="replace"):
        s = ln.strip()
        m = re.match(r"@(\d+) (\S+)\s*(.*)", s)
        if m:
            pid = int(m.group(1))
            who = names[pid] if pid < len(names) else "p%d" % pid
            n += 1
            print("%4d  %-3s %-34s %s" % (n, who, m.group(2), m.group(3)))
        elif "assertion violated" in s:
            print("***  " + s)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
