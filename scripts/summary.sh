#!/bin/bash
# scripts/summary.sh <job>... : print build/results/<job>.txt as one table.
# Each result file holds one line "job|PASS or FAIL|figures".
printf '\n%-16s %-6s %s\n' JOB RESULT FIGURES
printf '%-16s %-6s %s\n' ---------------- ------ ---------------------------------------------
for job in "$@"; do
	f=build/results/$job.txt
	if [ -s "$f" ]; then
		IFS='|' read -r j st fig <"$f"
		printf '%-16s %-6s %s\n' "$job" "$st" "$fig"
	else
		printf '%-16s %-6s %s\n' "$job" "-" "(not run)"
	fi
done
echo
