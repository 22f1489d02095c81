// SPDX-License-Identifier: GPL-2.0
/*
 * tcase.c - forked cmocka test cases, see tcase.h.
 */
#include "tcase.h"

int tc_nknown_reproduced;

bool tc_known(const char *id)
{
	char line[128];
	FILE *f = fopen(TH_KNOWN_BUGS, "r");
	bool found = false;

	if (!f)
		return false;
	while (fgets(line, sizeof(line), f)) {
		char *c = strpbrk(line, " \t\r\n#");

		if (c)
			*c = 0;
		if (!strcmp(line, id))
			found = true;
	}
	fclose(f);
	return found;
}

static void (*cur_body)(const void *);
static const void *cur_arg;

static void child(void *arg)
{
	(void)arg;
	th_controller("C");
	th_inv_reset();
	cur_body(cur_arg);
	CHECK_MSG(th_inv_violations() == 0, "lock invariant: %s", th_inv_first());
	CHECK_MSG(th_released_total == th_attached_total,
		  "engine-data protocol: %d release() calls for %d successful attaches",
		  th_released_total, th_attached_total);
}

void tc_run(const char *name, void (*body)(const void *), const void *arg,
	    const char *known_id)
{
	static char out[1 << 16];
	char msg[1024];
	int r;

	cur_body = body;
	cur_arg = arg;
	r = th_run_forked(child, NULL, 20.0, msg, sizeof(msg), out, sizeof(out));
	if (getenv("TH_VERBOSE"))
		print_message("%s", out);
	if (known_id && tc_known(known_id)) {
		if (r) {
			tc_nknown_reproduced++;
			print_message("[ KNOWN    ] %s: known C-core bug %s reproduced: %s\n",
				      name, known_id, msg);
			return;
		}
		fail_msg("%s: known bug %s no longer reproduces: delete it from "
			 "tests/known-bugs.txt", name, known_id);
	}
	if (r) {
		print_message("%s", out);
		fail_msg("%s", msg);
	}
}
