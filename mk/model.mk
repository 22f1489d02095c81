# mk/model.mk - the SPIN jobs.
#
#   make model         every configuration of model/configs/*.conf, exhaustive,
#                      plus the reachability witnesses and the unreached check;
#                      ends "model: P/T properties verified"
#   make bugs          every race switch of model/bugs.conf must be caught by
#                      its intended property (confirmed on the replayed trail);
#                      ends "races reproduced: R/T"
#   make runner-selftest  the runner must reject a truncated search, a failing
#                      model and a search stopped by its memory limit
#   make scenario S=<name> [FLAGS=-DBUG_Cn]  check model/scenarios/<name>.pml
#   make bench-model   figures for every configuration, plus model-n3
#   make model-n3      the default configuration with NENGINES=3 (long)
#
# All logs and pan builds live under build/model/.

SPINRUN := python3 scripts/spinrun.py
MODEL_SRC := $(wildcard model/*.pml model/configs/*.conf model/*.conf model/*.txt)

.PHONY: model bugs runner-selftest scenario bench-model model-n3
model: toolchain
	@mkdir -p build/logs
	@$(SPINRUN) model 2>&1 | tee build/logs/model.log; exit $${PIPESTATUS[0]}

bugs: toolchain
	@mkdir -p build/logs
	@$(SPINRUN) bugs 2>&1 | tee build/logs/bugs.log; exit $${PIPESTATUS[0]}

runner-selftest: toolchain
	@mkdir -p build/logs
	@$(SPINRUN) selftest 2>&1 | tee build/logs/runner-selftest.log; exit $${PIPESTATUS[0]}

scenario: toolchain
	@test -n "$(S)" || { echo "usage: make scenario S=<name> (model/scenarios/<name>.pml)"; exit 2; }
	@$(SPINRUN) scenario model/scenarios/$(S).pml $(FLAGS)

bench-model: toolchain
	@$(SPINRUN) bench

N3_FLAGS := -DNENGINES=3 -DPREATTACH=1 -DPASSIVE=6 -DBUDGET=0 -DT_EVENTS=18
N3_TIMEOUT ?= 3600
model-n3: toolchain
	@$(SPINRUN) one utrace n3 "$(N3_FLAGS)" $(N3_TIMEOUT)
