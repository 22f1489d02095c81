# utrace locking: Promela models, verified C core, tests.
#
# The two commands of the README:
#   make verify   install what is missing, check every model, reproduce every
#                 race, prove the C core (today: the functions of
#                 proofs/proved-functions{,-controller,-tracee}.txt), build
#                 it (user space, kernel module), print one summary table.
#   make check    what `verify` does except proofs-controller and
#                 proofs-tracee (their solver time would bring check near
#                 60 minutes), plus the runner self-tests and the C test
#                 suites (unit/contract, race scenarios, stress).
#
# Each job lives in its own makefile under mk/; every job writes one line of
# results to build/results/<job>.txt, which scripts/summary.sh prints as the
# table.  A job fails loudly (non-zero exit) on any error, incomplete search,
# unproved goal or missing tool; `verify`/`check` run all jobs, print the table
# and fail if any job failed.

SHELL := /bin/bash
.DEFAULT_GOAL := help
BUILD := build
export PYTHONDONTWRITEBYTECODE := 1

CORE_JOBS   := model bugs proofs-core cbuild kmod
VERIFY_JOBS := $(CORE_JOBS) proofs-controller proofs-tracee
CHECK_JOBS  := $(CORE_JOBS) runner-selftest test stress

.PHONY: help verify check toolchain summary clean
help:
	@sed -n '3,11p' Makefile | sed 's/^# \{0,1\}//'
	@echo "other targets: toolchain model bugs bench-model model-n3 scenario S=<name>"
	@echo "               proofs proofs-core proofs-controller proofs-tracee proofs-lemmas proofs-replay proofs-mutants kmod cbuild test stress soak bench summary clean"

toolchain:
	@./scripts/toolchain.sh

verify: toolchain
	@./scripts/run-jobs.sh verify $(VERIFY_JOBS)

check: toolchain
	@./scripts/run-jobs.sh check $(CHECK_JOBS)

summary:
	@./scripts/summary.sh $(CHECK_JOBS)

clean:
	rm -rf $(BUILD)

# One makefile per job.
include mk/model.mk
-include mk/c.mk
-include mk/proofs.mk
-include mk/kmod.mk
-include mk/tests.mk
