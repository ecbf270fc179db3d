/* notes.h: footnotes and their reference markers, one unit at a time.
 *
 * A note opens a line with its number: superscript digits ("¹² text"),
 * a bracketed number ("[12] text"), or, under a Notes/Endnotes heading or
 * where a marker with the next number waits, a plain number ("12. text",
 * "12 text").  It runs on over the following lines up to a blank line,
 * and over a later paragraph that opens with a URL (or, under a Notes
 * heading, with a lower-case letter).  Markers are superscript digits or
 * a bracketed number glued to the word before it ("word.[12]"); "No. 43",
 * years, folio numbers and "#47" are plain digits and never markers.
 *
 * Each note takes as ref_line the first unclaimed marker with its
 * number: the unit's own, else the latest of an earlier unit (endnotes);
 * a note belongs to the unit of its marker, so that endnotes printed
 * after the last document keep the essay's or their document's number.
 * Memory grows with the number of notes and markers, not the text. */
#ifndef CWIHP_NOTES_H
#define CWIHP_NOTES_H

#include <stddef.h>

#include "paper.h"

struct notes_scratch;

struct note {
	long        num;	/* the number as printed */
	long        line, last;	/* its first and last line */
	long        ref_line;	/* first reference marker, 0 when none */
	const char *doc;	/* the enclosing unit's number, "" essay */
	int         in_document;	/* the original document's own note */
	char       *text;	/* lines joined, the number taken off */
	size_t     *offs;	/* where each of its lines starts in text */
	long       *lines;	/* and that line's number */
	size_t      nparts;
};

/* The line of text offset off in a note. */
long note_line_at(const struct note *n, size_t off);

struct marker {
	long   num, line;
	int    unit;		/* sequence number of its unit */
	int    claimed;
	char  *doc;		/* its unit's document number ("" the essay) */
	size_t same_num;	/* claim()'s next marker of this number + 1 */
};

/* Note and marker numbers have one to three digits */
#define NOTE_NUMS	1000

struct notes {
	struct marker *m;	/* the markers no note has claimed */
	size_t         nm, cap;
	unsigned char  seen[(NOTE_NUMS + 7) / 8];	/* note numbers seen */
	int            unit;	/* units scanned */
	long           last;	/* number of the last note */
	unsigned       body_bytes;	/* LB_ bits of the line given to body */
	struct notes_scratch *scratch;	/* notes_scan()'s, for the next unit */
};

/* Which bytes a line holds (notes_line_bytes()), for the callers'
 * prefilters: an ASCII digit, a NUL, '[', the first byte of a
 * superscript digit (C2 or E2), and '('. */
enum { LB_DIGIT = 1, LB_NUL = 2, LB_BRACKET = 4, LB_SUP = 8, LB_PAREN = 16 };
unsigned notes_line_bytes(const char *s, size_t len);

struct notes_cb {
	/* each note, in order of appearance */
	void (*note)(const struct note *, void *);
	/* each line outside the notes (body, title, source lines) */
	void (*body)(const struct line *, void *);
	void *arg;
	/* when not 0, body hears only of the lines holding bytes of one of
	 * these LB_ kinds, and of the unit's source line */
	unsigned body_bits;
	/* notes_line_bytes() of each line of the unit when the caller
	 * has them (a reader thread works them out), or NULL */
	const unsigned char *line_bytes;
};

void notes_init(struct notes *ns);
void notes_scan(struct notes *ns, const struct unit *u,
    const struct notes_cb *cb);
/* Markers whose number no note ever had: call fn for each, in order. */
void notes_orphans(struct notes *ns, void (*fn)(const struct marker *,
    void *), void *arg);
void notes_free(struct notes *ns);

/* Is s[0..len) a note line?  Sets its number and where the text starts.
 * plain: accept "12." and "12 " forms too. */
int notes_line(const char *s, size_t len, int plain, long *num,
    size_t *text_off);
/* Find the next marker in s from *pos: 1 with its number and span. */
int notes_marker(const char *s, size_t len, size_t *pos, long *num,
    size_t *start, size_t *end);
/* Does the text say the note is the original document's own? */
int notes_in_document(const char *s, size_t len);

#endif
