/* SPDX-License-Identifier: GPL-2.0 */
/*
 * tcase.h - forked cmocka test cases for the contract tests
 *
 *   FTEST(name) { ... }          a test whose body runs in a forked child
 *                                bound to a controller task; CHECK* fail it
 *   KTEST(name, "ID") { ... }    same, for a known C-core bug listed in
 *                                tests/known-bugs.txt: the body asserts the
 *                                CORRECT behaviour; while ID is listed, a
 *                                failing body is the expected result (the bug
 *                                is reproduced) and a passing body fails the
 *                                test ("no longer reproduces: unlist it")
 *
 * After the body, the child checks that the lock invariant held at the end
 * of every utrace->lock critical section of the test (wrap.c).
 */
#ifndef TH_TCASE_H
#define TH_TCASE_H

#include "th.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

void tc_run(const char *name, void (*body)(const void *), const void *arg,
	    const char *known_id);
bool tc_known(const char *id);
extern int tc_nknown_reproduced;

#define FTEST(name) \
	static void name##_body(void); \
	static void name##_b(const void *a) { (void)a; name##_body(); } \
	static void name(void **state) { (void)state; tc_run(#name, name##_b, NULL, NULL); } \
	static void name##_body(void)

#define KTEST(name, id) \
	static void name##_body(void); \
	static void name##_b(const void *a) { (void)a; name##_body(); } \
	static void name(void **state) { (void)state; tc_run(#name, name##_b, NULL, id); } \
	static void name##_body(void)

#define T(name) cmocka_unit_test(name)

#endif /* TH_TCASE_H */
