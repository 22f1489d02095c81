#!/bin/bash
# scripts/run-jobs.sh <verify|check> <job>...
# Runs each job as `make <job>` (even after a failure, so the table is
# complete), records its status, prints the summary table and exits non-zero
# if any job failed.  A job that did not write build/results/<job>.txt is
# reported as failed: a job cannot pass silently.
set -u
mode=$1; shift
mkdir -p build/results build/logs
fail=0
for job in "$@"; do
	rm -f "build/results/$job.txt"
	echo "==> make $job"
	if make --no-print-directory "$job"; then st=0; else st=$?; fi
	if [ "$st" -ne 0 ]; then
		fail=1
		grep -q . "build/results/$job.txt" 2>/dev/null ||
			echo "$job|FAIL|make $job exited $st (see build/logs/)" >"build/results/$job.txt"
		sed -i "1s/|PASS|/|FAIL|/" "build/results/$job.txt"
	elif ! grep -q '|PASS|' "build/results/$job.txt" 2>/dev/null; then
		fail=1
		echo "$job|FAIL|job wrote no PASS result line" >"build/results/$job.txt"
	fi
done
./scripts/summary.sh "$@"
if [ "$fail" -ne 0 ]; then
	echo "make $mode: FAILED" >&2
	exit 1
fi
echo "make $mode: all jobs passed"
