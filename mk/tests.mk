# mk/tests.mk - the C test suites of the utrace core (issue 5).
#
#   make test     cmocka contract tests (build/c/libutrace.a) and the race
#                 scenarios under the deterministic scheduler, built once per
#                 library of mk/c.mk: the fixed protocol (libutrace-hooks.a)
#                 and every switch variant (var/<SW>/libutrace.a), plus the
#                 controller-side misuse BUG_C6.  Each race must show its bad
#                 outcome with its switch and the correct one without.
#   make stress   the random stress (9 threads) under ThreadSanitizer
#                 (libutrace-tsan.a) and under ASan+UBSan with leak checking
#                 (built here from src/ with mk/c.mk's flags), STRESS_SECONDS
#                 each (default 70); STRESS_SEED=<n> reproduces a run.
#   make soak     the same for SOAK_SECONDS (default 600) each, plus a run
#                 that exposes the known lost-teardown bugs; not in `check`.
#   make bench    instruction counts (callgrind) and ns/op: prints the table,
#                 writes build/tests/bench.md.
#
# Everything is built under build/tests/; logs in build/logs/; one result
# line per job in build/results/<job>.txt (tests/tools/run.py).  The C
# libraries come from mk/c.mk's targets.  Known C-core bugs: tests/known-bugs.txt.

BUILD ?= build
T_DIR := $(BUILD)/tests
STRESS_SECONDS ?= 70
SOAK_SECONDS ?= 600

ifndef C_DIR
$(error mk/tests.mk needs mk/c.mk (C_DIR, C_FLAGS, C_SWITCHES))
endif

T_CC := $(C_CC)
T_CFLAGS := $(C_FLAGS) -Isrc -Itests/lib -I$(T_DIR)/gen \
	-DTH_KNOWN_BUGS=\"tests/known-bugs.txt\"
T_WRAP := -Wl,--wrap=spin_lock,--wrap=spin_unlock,--wrap=schedule,--wrap=schedule_timeout_interruptible
T_LIBSRC := tests/lib/th.c tests/lib/wrap.c tests/lib/tsched.c
T_DEPS := $(T_LIBSRC) $(wildcard tests/lib/*.h) $(C_HDRS) $(T_DIR)/gen/spec_tags.h mk/tests.mk
# the harness, compiled once for the contract and scenario binaries
T_OBJS := $(patsubst tests/lib/%.c,$(T_DIR)/obj/%.o,$(T_LIBSRC) tests/lib/tcase.c)
T_ASAN := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
T_SCEN_BUILDS := default $(C_SWITCHES) BUG_C6

T_BINS := $(T_DIR)/contract $(foreach b,$(T_SCEN_BUILDS),$(T_DIR)/scen-$(b))
T_STRESS_BINS := $(T_DIR)/stress-tsan $(T_DIR)/stress-asan $(T_DIR)/stress-plain

.PHONY: test stress soak bench test-build stress-build bench-build

# The step tags of docs/protocol.md (as mk/c.mk extracts them): the
# scheduler accepts exactly these (plus engine:/user:/test: pseudo-steps).
$(T_DIR)/gen/spec_tags.h: docs/protocol.md mk/tests.mk
	@mkdir -p $(@D)
	grep -oE '/\* [a-z_0-9]+:[a-z_0-9]+' docs/protocol.md | sed 's|/\* ||' | \
		sort -u | sed 's/.*/"&",/' >$@

$(T_DIR)/obj/%.o: tests/lib/%.c $(T_DEPS)
	@mkdir -p $(@D)
	$(T_CC) $(T_CFLAGS) -c $< -o $@

$(T_DIR)/contract: tests/contract.c $(T_OBJS) $(T_DEPS) $(C_DIR)/libutrace.a
	$(T_CC) $(T_CFLAGS) -o $@ tests/contract.c $(T_OBJS) \
		$(C_DIR)/libutrace.a $(T_WRAP) -lcmocka

# $(1): build name, $(2): library, $(3): extra flags
define t_scen
$(T_DIR)/scen-$(1): tests/scenarios.c $(T_OBJS) $(T_DEPS) $(2)
	$(T_CC) $(T_CFLAGS) $(3) -DVARIANT=\"$(1)\" -o $$@ tests/scenarios.c \
		$(filter-out %/tcase.o,$(T_OBJS)) $(2) $(T_WRAP) -lcmocka
endef
$(eval $(call t_scen,default,$(C_DIR)/libutrace-hooks.a,))
$(foreach s,$(C_SWITCHES),$(eval $(call t_scen,$(s),$(C_DIR)/var/$(s)/libutrace.a,-D$(s))))
$(eval $(call t_scen,BUG_C6,$(C_DIR)/libutrace-hooks.a,))

# ASan+UBSan build of the core: mk/c.mk's flags and hooks, plus the sanitizers.
$(T_DIR)/asan/libutrace.a: $(C_SRCS) $(C_HDRS) mk/tests.mk
	@mkdir -p $(@D)
	$(T_CC) $(C_FLAGS) -DUTRACE_TEST_HOOKS $(T_ASAN) -c src/utrace.c -o $(@D)/utrace.o
	$(T_CC) $(C_FLAGS) -DUTRACE_TEST_HOOKS $(T_ASAN) -c src/env/env_user.c -o $(@D)/env_user.o
	rm -f $@ && ar rcs $@ $(@D)/utrace.o $(@D)/env_user.o

$(T_DIR)/stress-tsan: tests/stress.c $(T_DEPS) $(C_DIR)/libutrace-tsan.a
	$(T_CC) $(T_CFLAGS) -fsanitize=thread -o $@ tests/stress.c $(T_LIBSRC) \
		$(C_DIR)/libutrace-tsan.a $(T_WRAP)
$(T_DIR)/stress-asan: tests/stress.c $(T_DEPS) $(T_DIR)/asan/libutrace.a
	$(T_CC) $(T_CFLAGS) $(T_ASAN) -o $@ tests/stress.c $(T_LIBSRC) \
		$(T_DIR)/asan/libutrace.a $(T_WRAP)
$(T_DIR)/stress-plain: tests/stress.c $(T_DEPS) $(C_DIR)/libutrace-hooks.a
	$(T_CC) $(T_CFLAGS) -o $@ tests/stress.c $(T_LIBSRC) $(C_DIR)/libutrace-hooks.a $(T_WRAP)

$(T_DIR)/bench: tests/bench.c $(C_HDRS) $(C_DIR)/libutrace.a mk/tests.mk
	@mkdir -p $(@D)
	$(T_CC) $(filter-out -fPIC,$(C_FLAGS)) -Isrc -o $@ tests/bench.c $(C_DIR)/libutrace.a

test-build: $(T_BINS)
stress-build: $(T_STRESS_BINS)
bench-build: $(T_DIR)/bench

# $(1): job, $(2): build target, $(3): run.py arguments
define t_job
	@mkdir -p $(BUILD)/results $(BUILD)/logs $(T_DIR)
	@if ! $(MAKE) -f $(firstword $(MAKEFILE_LIST)) --no-print-directory $(2) \
		>$(BUILD)/logs/$(1)-build.log 2>&1; then \
		tail -30 $(BUILD)/logs/$(1)-build.log; \
		echo "$(1)|FAIL|build failed, see $(BUILD)/logs/$(1)-build.log" >$(BUILD)/results/$(1).txt; \
		cat $(BUILD)/results/$(1).txt; exit 1; fi
	@python3 tests/tools/run.py $(3)
endef

test:
	$(call t_job,test,test-build,test $(BUILD))

stress:
	$(call t_job,stress,stress-build,stress $(BUILD) $(STRESS_SECONDS))

soak:
	$(call t_job,soak,stress-build,soak $(BUILD) $(SOAK_SECONDS))

bench:
	$(call t_job,bench,bench-build,bench $(BUILD))

# make mutants: one plausible slip at a time in a scratch copy of src/ (never
# src/ itself); the contract tests and the default scenarios must catch each
# (outside make check; tests/tools/mutants.py lists the mutants)
.PHONY: mutants
mutants:
	@python3 tests/tools/mutants.py
