#!/bin/sh
# scripts/toolchain.sh - make sure every tool the project needs is installed.
#
# Called by `make toolchain`, which `make verify`, `make check` and .ci/run
# depend on.  A fresh Debian 12 machine has none of these tools: missing ones
# are installed with apt-get; if that is impossible (not root, no network,
# package unknown) the script names what is missing and exits non-zero.
#
# Each line of REQS is "<kind>:<what>:<debian package>", kind being
#   cmd  - a command that must be on PATH
#   file - a file (shell glob) that must exist
set -eu

REQS='
cmd:make:make
cmd:gcc:gcc
cmd:python3:python3
cmd:spin:spin
cmd:frama-c:frama-c-base
cmd:why3:why3
cmd:z3:z3
cmd:cvc4:cvc4
cmd:cvc5:cvc5
cmd:sparse:sparse
cmd:valgrind:valgrind
file:/usr/include/cmocka.h:libcmocka-dev
file:/usr/src/linux-headers-*-amd64/Makefile:linux-headers-amd64
'

missing_pkgs() {
	for r in $REQS; do
		kind=${r%%:*}; rest=${r#*:}; what=${rest%%:*}; pkg=${rest#*:}
		case $kind in
		cmd)  command -v "$what" >/dev/null 2>&1 || echo "$pkg" ;;
		file) set -- $what; [ -e "$1" ] || echo "$pkg" ;;
		esac
	done | sort -u
}

need=$(missing_pkgs)
if [ -n "$need" ]; then
	echo "toolchain: installing missing Debian packages:" $need
	if [ "$(id -u)" = 0 ]; then SUDO=; elif command -v sudo >/dev/null; then SUDO=sudo; else
		echo "toolchain: ERROR: not root and no sudo; install these packages:" $need >&2
		exit 1
	fi
	export DEBIAN_FRONTEND=noninteractive
	$SUDO apt-get update -qq >/dev/null 2>&1 || true
	# shellcheck disable=SC2086
	$SUDO apt-get install -y -qq --no-install-recommends $need >/dev/null 2>&1 || true
	still=$(missing_pkgs)
	if [ -n "$still" ]; then
		echo "toolchain: ERROR: could not install:" $still >&2
		echo "toolchain: run 'apt-get install" $still"' by hand and retry" >&2
		exit 1
	fi
fi

# Why3: detect the provers into the project's own configuration (never the
# user's ~/.why3.conf).  The proof makefile adds the CVC5 entry on top.
mkdir -p build
if [ ! -s build/why3.conf ] || [ "$(command -v why3)" -nt build/why3.conf ]; then
	why3 config detect -C build/why3.conf >build/why3-detect.log 2>&1 || {
		echo "toolchain: ERROR: 'why3 config detect' failed, see build/why3-detect.log" >&2
		exit 1
	}
fi
for p in Z3 CVC4; do
	grep -q "name = \"$p\"" build/why3.conf || {
		echo "toolchain: ERROR: why3 did not detect $p (see build/why3-detect.log)" >&2
		exit 1
	}
done
echo "toolchain: ok ($(spin -V | head -1); frama-c $(frama-c -version); $(why3 --version))"
