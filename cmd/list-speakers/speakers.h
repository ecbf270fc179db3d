/* speakers.h: the analysis of one document for list-speakers. */
#ifndef LIST_SPEAKERS_H
#define LIST_SPEAKERS_H

#include "paper.h"
#include "table.h"

struct speakers_opts {
	int mentions;	/* add role "mentioned" rows */
	int canonical;	/* names as normalize-translit writes them */
};

/* Write the rows of document u to t. */
void speakers_doc(const struct unit *u, const struct speakers_opts *o,
    struct table *t);
/* Free the compiled patterns. */
void speakers_free(void);

#endif
