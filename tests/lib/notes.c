/* notes.c: unit tests for lib/notes.c, footnotes and their markers. */
#include <string.h>

#include "notes.h"
#include "unit.h"

static int
line_num(const char *s, int plain)
{
	long num;
	size_t off;

	if (!notes_line(s, strlen(s), plain, &num, &off))
		return -1;
	return (int)num;
}

/* The markers of s as "n,n,n". */
static const char *
markers(const char *s)
{
	static char out[128];
	size_t pos = 0, a, b, len = strlen(s);
	long num;

	out[0] = '\0';
	while (notes_marker(s, len, &pos, &num, &a, &b))
		snprintf(out + strlen(out), sizeof(out) - strlen(out), "%s%ld",
		    out[0] ? "," : "", num);
	return out;
}

/* notes_line_bytes() against a byte at a time: each special byte at
 * each place of lines of 0 to 40 bytes (the SSE2 steps overlap at the
 * end), among plain letters. */
static void
line_bytes_each_place(void)
{
	static const unsigned char special[] = { '0', '9', '\0', '[', 0xC2,
	    0xE2, '(', '/', ':', 0xE3, 0xC3, 0x82, 0xA2, 0x80, ')', ']' };
	static const unsigned want[] = { LB_DIGIT, LB_DIGIT, LB_NUL,
	    LB_BRACKET, LB_SUP, LB_SUP, LB_PAREN, 0, 0, 0, 0, 0, 0, 0, 0, 0 };
	char line[40];
	size_t len, at, k;
	int bad = 0;

	for (len = 0; len <= sizeof(line); len++) {
		memset(line, 'a', sizeof(line));
		if (notes_line_bytes(line, len) != 0)
			bad++;
		for (at = 0; at < len; at++)
			for (k = 0; k < sizeof(special); k++) {
				memset(line, 'a', sizeof(line));
				line[at] = (char)special[k];
				if (notes_line_bytes(line, len) != want[k])
					bad++;
				/* one more kind beside it */
				line[len - 1 - at] = '[';
				if (notes_line_bytes(line, len) !=
				    (want[k] | LB_BRACKET) && len - 1 - at != at)
					bad++;
			}
	}
	is_long(bad, 0, "line bytes: each byte at each place");
}

int
main(void)
{
	line_bytes_each_place();
	/* in the document: a bracket and "note" in some case, before the
	 * pattern */
	is_long(notes_in_document("Ibid. [Note in the original document.]",
	    38), 1, "note in the original document");
	is_long(notes_in_document("(FOOTNOTE OF DOCUMENT)", 22), 1,
	    "capitals in parentheses");
	is_long(notes_in_document("[the document's note]", 21), 1,
	    "the document's note");
	is_long(notes_in_document("note in the original document", 29), 0,
	    "no bracket");
	is_long(notes_in_document("[in the original document]", 27), 0,
	    "no note");
	is_long(notes_in_document("[not", 4), 0, "a bracket and too little");
	/* note lines */
	is_long(line_num("¹² A note.", 0), 12, "superscript note");
	is_long(line_num("  ³ Ibid.", 0), 3, "indented superscript note");
	is_long(line_num("[7] See Document 3.", 0), 7, "bracketed note");
	is_long(line_num("[^7] See Document 3.", 0), 7, "markdown note");
	is_long(line_num("12. See Document 3.", 0), -1, "plain number off");
	is_long(line_num("12. See Document 3.", 1), 12, "plain number on");
	is_long(line_num("12 See Document 3.", 1), 12, "number and space");
	is_long(line_num("12 March 1968 the talks began.", 1), -1,
	    "a date is no note");
	is_long(line_num("[I] paid a visit.", 0), -1, "[I] is no note");
	is_long(line_num("Text.", 1), -1, "text");

	/* markers */
	is_str(markers("He came.¹ He left.²³"), "1,23", "superscripts");
	is_str(markers("He came.[4] He left,[5][6]"), "4,5,6", "brackets");
	is_str(markers("treaty of [1961] and No. 43, #47, folio 112, 1968"),
	    "", "no markers among other numbers");
	is_str(markers("the [Document 5] and [12]"), "", "loose brackets");
	is_str(markers("Bodnaras71 and word[^9]"), "9", "glued digits");

	ok(notes_in_document("Ibid. [footnote in document]", 28),
	    "footnote in document");
	ok(notes_in_document("See X. (Note in the original.)", 30),
	    "note in the original, a period inside");
	ok(notes_in_document("See X. [Footnote in the original]", 33),
	    "footnote in the original");
	ok(!notes_in_document("See our note [translator]", 25),
	    "translator's note");
	return unit_done();
}
