#!/bin/sh
# proofs/cvc5-shim.sh - run CVC5 through Why3 1.5.1's cvc4_17 driver.
#
# Why3 1.5.1 has no CVC5 driver; its CVC4 driver emits
# "(set-logic ALL_SUPPORTED)", which CVC5 rejects: rewrite it to
# "(set-logic ALL)" in the task file (the last argument), then run cvc5.
# mk/proofs.mk installs this as build/proofs/cvc5-shim and declares it in
# the project-local why3.conf (never the user's ~/.why3.conf).
for a in "$@"; do last="$a"; done
sed -i 's/(set-logic ALL_SUPPORTED)/(set-logic ALL)/' "$last"
exec cvc5 "$@"
