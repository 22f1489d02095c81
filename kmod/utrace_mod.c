// SPDX-License-Identifier: GPL-2.0
/*
 * utrace_mod.c - module boilerplate for the out-of-tree build check.
 *
 * In-tree utrace is built in (kernel/utrace.c) and has no init function;
 * this file only gives the module its license (utrace uses GPL-only
 * symbols such as dequeue_signal()).  The module cannot be loaded: the
 * core-kernel half of utrace (kmod/core-hooks.txt) is not in this kernel.
 */
#include <linux/module.h>

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("utrace locking core (build check only)");
