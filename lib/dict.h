/* dict.h: name dictionaries (cwihp-dict(5)) matched in one pass.
 *
 * Every entry maps a variant to its canonical form; a canonical form is
 * also an entry of its own that keeps the text as it is.  Lookups walk a
 * byte trie once from a position, so the cost does not depend on the
 * number of entries.  Apostrophes (' ’ ʼ) are compared as one, and
 * letters without regard to case. */
#ifndef CWIHP_DICT_H
#define CWIHP_DICT_H

#include <stddef.h>

struct dict;

/* The schemes that decide the direction of [LANG=SCHEME] sections. */
struct dict_schemes {
	const char *korean, *russian, *chinese;
	int customary;		/* load [customary] sections */
};

struct dict *dict_new(const struct dict_schemes *sch);
/* Load dictionary text; name is for diagnostics.  Returns the number
 * of errors (each reported). */
int dict_load_text(struct dict *d, const char *name, const char *text,
    size_t len);
/* Load a file; -1 when it cannot be read (reported). */
int dict_load_file(struct dict *d, const char *path);
/* Add one variant -> canonical entry (canonical == variant: keep). */
void dict_add(struct dict *d, const char *variant, const char *canonical,
    const char *rule);
/* The longest entry matching s[0..n) from its start that ends where
 * ends_ok(offset) allows; returns its length in s (0: none) and sets
 * the canonical form and the rule. */
size_t dict_match(const struct dict *d, const char *s, size_t n,
    int (*ends_ok)(const char *s, size_t n, size_t off),
    const char **canonical, const char **rule);
/* The code point at s[0..n), n > 0, as the trie compares it: ASCII in
 * lower case, the apostrophes ' ’ ‘ ʼ and ʹ as ' (not ʺ), any other
 * letter in lower case.  Its bytes go to out[0..*outlen); returns the
 * bytes of s read. */
size_t dict_fold_cp(const char *s, size_t n, char out[4], size_t *outlen);
size_t dict_size(const struct dict *d);
/* Write every entry as "variant TAB canonical TAB rule" lines. */
void dict_dump(const struct dict *d, void (*emit)(const char *variant,
    const char *canonical, const char *rule, void *arg), void *arg);
void dict_free(struct dict *d);

#endif
