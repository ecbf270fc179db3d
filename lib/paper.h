/* paper.h: a paper's structure, one unit at a time.
 *
 * A paper is an essay (with its footnotes) followed by an appendix of
 * documents, each opening with a heading ("Document 6", "DOCUMENT No.
 * 6:", "Document 6: Record of ...", or bulletin style "12. 5 March 1953,
 * cable, X to Y").  paper_next() returns the essay and then each
 * document with every input line, so that memory grows with the longest
 * unit and not with the paper.  The reader takes a raw paper or the
 * document stream that split-docs writes (see cwihp-stream(5)) and gives
 * the same units, with the paper's own line numbers, for both. */
#ifndef CWIHP_PAPER_H
#define CWIHP_PAPER_H

#include <stddef.h>

#include "input.h"

enum doc_kind {
	KIND_NONE,	/* the essay */
	KIND_RECORD, KIND_MEMORANDUM, KIND_DIARY, KIND_REPORT, KIND_SPEECH,
	KIND_LETTER, KIND_TELEGRAM, KIND_MINUTES, KIND_OTHER
};

struct unit {
	int           is_doc;
	const char   *paper;	/* the file column: Paper of a stream, else the input's name */
	char         *doc;	/* number as printed, "" for the essay */
	long          docnum;	/* its leading integer, or a Roman number's value */
	char         *title;	/* wrapped lines joined, footnote markers removed */
	char          date[11];	/* ISO 8601, maybe partial, "" when none */
	enum doc_kind kind;
	char         *source;	/* source note without "[Source: " and "]" */
	long          first;	/* heading line (essay: its first line) */
	long          last;	/* last non-blank line */
	long          title_line, title_last;	/* lines of the title, 0 when none */
	long          source_line, source_last;
	long          date_line;	/* the date line used, 0 when none */
	struct line  *lines;	/* every line of the unit, in order */
	size_t        nlines;
};

struct paper;

struct paper *paper_open(struct input *in);
/* 1: a unit (valid until the next call); 0: end; -1: error reported. */
int  paper_next(struct paper *p, struct unit *u);
/* The caller reads no unit's date: leave date "" and date_line 0 (the
 * date is the dearest part of a document's fields to find). */
void paper_skip_dates(struct paper *p);
/* Nor any title: title "", kind that of no title, title_line 0; and
 * so no date either (paper_skip_dates()), which reads the title. */
void paper_skip_titles(struct paper *p);
/* Was the input a document stream? (Known after the first paper_next.) */
int  paper_is_stream(const struct paper *p);
void paper_close(struct paper *p);

const char *kind_name(enum doc_kind kind);
/* Kind from a title's words, the earliest that appears. */
enum doc_kind kind_of_title(const char *title);

/* A unit of one's own, to keep past the next paper_next (a worker's,
 * see jobs.h), and its end. */
struct unit *unit_clone(const struct unit *u);
/* The bytes of its lines, a line end each: its size as jobs.h counts. */
size_t unit_bytes(const struct unit *u);
void unit_clone_free(struct unit *u);

/* The unit's line with number no, or NULL. */
const struct line *unit_line(const struct unit *u, long no);

/* Write one unit of the document stream (without the separator). */
void stream_write_unit(const struct unit *u);

/* Strip footnote markers (superscript digits, "[12]" glued to a word,
 * number or closing mark, as notes.h finds them) from s in place;
 * returns s. */
char *strip_note_markers(char *s);

#endif
