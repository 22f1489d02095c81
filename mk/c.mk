# mk/c.mk - user-space build of src/ (issue 4).
#
#   make cbuild   builds into build/c/:
#     libutrace.a            the fixed protocol, user-space face
#     libutrace-hooks.a      same with -DUTRACE_TEST_HOOKS (UTRACE_STEP hooks)
#     libutrace-tsan.a       hooks + -fsanitize=thread (for the stress tests)
#     var/<SW>/libutrace.a   one library per switch of docs/protocol.md that
#                            applies to C (V31_*, UTRACE_V31, BUG_C*), with
#                            hooks, so a broken #ifdef branch fails the build
#     libutrace.so           linked with -Wl,--no-undefined (link check)
#   and checks that every step tag of docs/protocol.md appears in
#   src/utrace.c both as "/* model: tag */" and as UTRACE_STEP("tag"), and
#   that utrace.c uses no tag the spec does not define.
#
# All compiles use -Wall -Wextra -Werror.  Result line:
# build/results/cbuild.txt; log: build/logs/cbuild.log.

BUILD ?= build
C_DIR := $(BUILD)/c
C_SRCS := src/utrace.c src/env/env_user.c
C_HDRS := src/utrace.h src/utrace.acsl.h $(wildcard src/env/*.h)
C_CC ?= gcc
C_WARN := -Wall -Wextra -Werror
C_FLAGS := -std=gnu11 -D_GNU_SOURCE -O2 -g -fPIC $(C_WARN) -pthread

# Every switch of docs/protocol.md that the C code implements
# (BUG_C6 is a controller-side misuse: tests/model only).
C_SWITCHES := V31_C2 V31_C8 V31_C9 V31_C11 V31_C12 V31_C13 V31_O2 V31_N1 V31_N2 \
	V31_ATTACH_REAP UTRACE_V31 BUG_C1 BUG_C3 BUG_C4 BUG_C5 BUG_C7 \
	BUG_C10 BUG_C12 BUG_C14 BUG_N3 V31_N4

C_LIBS := $(C_DIR)/libutrace.a $(C_DIR)/libutrace-hooks.a \
	$(C_DIR)/libutrace-tsan.a \
	$(foreach s,$(C_SWITCHES),$(C_DIR)/var/$(s)/libutrace.a)

.PHONY: cbuild cbuild-libs cbuild-tags
cbuild:
	@mkdir -p $(BUILD)/results $(BUILD)/logs
	@start=$$(date +%s); \
	if $(MAKE) -f $(firstword $(MAKEFILE_LIST)) --no-print-directory cbuild-libs cbuild-tags >$(BUILD)/logs/cbuild.log 2>&1; then \
		t=$$(( $$(date +%s) - start )); \
		tags=$$(cat $(C_DIR)/tags.txt); \
		echo "cbuild|PASS|libutrace.a + hooks + tsan + $(words $(C_SWITCHES)) switch variants, -Wall -Wextra -Werror, step tags $$tags, $${t}s" \
			>$(BUILD)/results/cbuild.txt; \
		cat $(BUILD)/results/cbuild.txt; \
	else \
		tail -30 $(BUILD)/logs/cbuild.log; \
		echo "cbuild|FAIL|see build/logs/cbuild.log" >$(BUILD)/results/cbuild.txt; \
		cat $(BUILD)/results/cbuild.txt; exit 1; \
	fi

cbuild-libs: $(C_LIBS) $(C_DIR)/libutrace.so

# $(1): output dir, $(2): extra flags
define c_lib
$(1)/libutrace.a: $(C_SRCS) $(C_HDRS) mk/c.mk
	@mkdir -p $(1)
	$(C_CC) $(C_FLAGS) $(2) -c src/utrace.c -o $(1)/utrace.o
	$(C_CC) $(C_FLAGS) $(2) -c src/env/env_user.c -o $(1)/env_user.o
	rm -f $$@ && ar rcs $$@ $(1)/utrace.o $(1)/env_user.o
endef

$(eval $(call c_lib,$(C_DIR),))
$(eval $(call c_lib,$(C_DIR)/hooks,-DUTRACE_TEST_HOOKS))
$(eval $(call c_lib,$(C_DIR)/tsan,-DUTRACE_TEST_HOOKS -fsanitize=thread))
$(foreach s,$(C_SWITCHES),$(eval $(call c_lib,$(C_DIR)/var/$(s),-DUTRACE_TEST_HOOKS -D$(s))))

$(C_DIR)/libutrace-hooks.a: $(C_DIR)/hooks/libutrace.a
	cp $< $@
$(C_DIR)/libutrace-tsan.a: $(C_DIR)/tsan/libutrace.a
	cp $< $@

$(C_DIR)/libutrace.so: $(C_DIR)/libutrace.a
	$(C_CC) -shared -pthread -Wl,--no-undefined -o $@ \
		-Wl,--whole-archive $< -Wl,--no-whole-archive

# Step tags: the spec's set must equal the set used in utrace.c, each with
# its "model:" comment and its UTRACE_STEP().
cbuild-tags:
	@mkdir -p $(C_DIR)
	@grep -oE '/\* [a-z_0-9]+:[a-z_0-9]+' docs/protocol.md | \
		sed 's|/\* ||' | sort -u >$(C_DIR)/tags.spec
	@grep -o 'model: [a-z_0-9]*:[a-z_0-9]*' src/utrace.c | \
		sed 's/model: //' | sort -u >$(C_DIR)/tags.comment
	@grep -o 'UTRACE_STEP("[a-z_0-9]*:[a-z_0-9]*")' src/utrace.c | \
		sed 's/UTRACE_STEP("//; s/")//' | sort -u >$(C_DIR)/tags.step
	@if ! diff -u $(C_DIR)/tags.spec $(C_DIR)/tags.comment; then \
		echo "cbuild: step tags in '/* model: */' comments differ from docs/protocol.md"; exit 1; fi
	@if ! diff -u $(C_DIR)/tags.spec $(C_DIR)/tags.step; then \
		echo "cbuild: UTRACE_STEP tags differ from docs/protocol.md"; exit 1; fi
	@n=$$(wc -l <$(C_DIR)/tags.spec); echo "$$n/$$n" >$(C_DIR)/tags.txt; \
		echo "step tags: $$n/$$n of docs/protocol.md present"
