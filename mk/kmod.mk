# mk/kmod.mk - out-of-tree kernel module build of src/utrace.c (issue 4).
#
#   make kmod   stages kmod/ and src/ into build/kmod/ and builds the module
#               against the installed Debian headers (KDIR), with:
#                 - -Werror (kmod/Kbuild) and W=1 extra warnings;
#                 - sparse (C=2): fails on any sparse warning or error;
#                 - modpost: the unresolved symbols must be exactly the
#                   core-kernel hooks listed in kmod/core-hooks.txt.
#               The module cannot be loaded here: building is the check.
# Result line: build/results/kmod.txt; logs: build/logs/kmod*.log.

BUILD ?= build
KMOD_DIR := $(BUILD)/kmod
KVER ?= $(shell ls /lib/modules 2>/dev/null | grep -- '-amd64$$' | sort -V | tail -1)
KDIR ?= /lib/modules/$(KVER)/build

.PHONY: kmod
kmod:
	@mkdir -p $(BUILD)/results $(BUILD)/logs
	@set -u; start=$$(date +%s); log=$(BUILD)/logs/kmod.log; res=$(BUILD)/results/kmod.txt; \
	fail() { echo "kmod|FAIL|$$1" >$$res; cat $$res; exit 1; }; \
	[ -n "$(KVER)" ] && [ -e "$(KDIR)/Makefile" ] || fail "no kernel headers (KDIR=$(KDIR)); run make toolchain"; \
	command -v sparse >/dev/null || fail "sparse not installed; run make toolchain"; \
	rm -rf $(KMOD_DIR) && mkdir -p $(KMOD_DIR)/env || fail "cannot create $(KMOD_DIR)"; \
	cp kmod/Kbuild kmod/utrace_mod.c $(KMOD_DIR)/ && \
	cp src/utrace.c src/utrace.h src/utrace.acsl.h $(KMOD_DIR)/ && \
	cp src/env/*.h $(KMOD_DIR)/env/ || fail "cannot stage sources"; \
	if ! $(MAKE) -C $(KDIR) M=$(CURDIR)/$(KMOD_DIR) W=1 C=2 CHECK=sparse \
		KBUILD_MODPOST_WARN=1 modules >$$log 2>&1; then \
		tail -30 $$log; fail "module build failed, see $$log"; fi; \
	[ -f $(KMOD_DIR)/utrace_kmod.ko ] || fail "no utrace_kmod.ko produced, see $$log"; \
	if grep -E '(warning|error):' $$log | grep -v 'modpost' >$(BUILD)/logs/kmod-warnings.log; then \
		cat $(BUILD)/logs/kmod-warnings.log; \
		fail "$$(wc -l <$(BUILD)/logs/kmod-warnings.log) compiler/sparse warnings, see build/logs/kmod-warnings.log"; fi; \
	grep -o 'modpost: "[A-Za-z0-9_]*" \[[^]]*\] undefined' $$log | \
		sed 's/modpost: "\([^"]*\)".*/\1/' | sort -u >$(BUILD)/logs/kmod-undefined.txt; \
	grep -v '^#' kmod/core-hooks.txt | awk 'NF {print $$1}' | sort -u >$(BUILD)/logs/kmod-hooks-expected.txt; \
	if ! diff -u $(BUILD)/logs/kmod-hooks-expected.txt $(BUILD)/logs/kmod-undefined.txt \
		>$(BUILD)/logs/kmod-hooks.diff; then \
		cat $(BUILD)/logs/kmod-hooks.diff; \
		fail "unresolved symbols differ from kmod/core-hooks.txt, see build/logs/kmod-hooks.diff"; fi; \
	nsp=$$(grep -c 'CHECK ' $$log); \
	t=$$(( $$(date +%s) - start )); \
	echo "kmod|PASS|utrace_kmod.ko for $(KVER), -Werror W=1, sparse C=2 clean ($$nsp files checked), $$(wc -l <$(BUILD)/logs/kmod-undefined.txt) core hooks unresolved as listed, $${t}s" >$$res; \
	cat $$res
