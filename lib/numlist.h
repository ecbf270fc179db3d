/* numlist.h: number lists as -n takes them ("3,5-7"). */
#ifndef CWIHP_NUMLIST_H
#define CWIHP_NUMLIST_H

#include <stddef.h>

struct numlist {
	long   (*ranges)[2];
	size_t   n;
};

/* 0 on success, -1 on a malformed list. */
int  numlist_parse(struct numlist *nl, const char *spec);
int  numlist_has(const struct numlist *nl, long v);
void numlist_free(struct numlist *nl);

#endif
