/* translit-builtin.h: the compiled-in dictionary of normalize-translit
 * (and of name_canonical in canon.h), and forms worked out from it and
 * from lib/translit.c ahead of time (lib/translit-tables.c, written by
 * scripts/gen-translit-tables) so that a process need not at start. */
#ifndef CWIHP_TRANSLIT_BUILTIN_H
#define CWIHP_TRANSLIT_BUILTIN_H

#include <stddef.h>

#include "translit.h"

extern const char dict_builtin[];

/* A name of the [russian-names] section: ru_translit in each scheme,
 * and that folded to ASCII (ascii_fold). */
struct ru_builtin_name {
	const char *cyrillic;
	const char *form[RU_NSCHEMES];
	const char *fold[RU_NSCHEMES];
};
/* sorted by strcmp of cyrillic */
extern const struct ru_builtin_name ru_builtin_names[];
extern const size_t ru_builtin_nnames;

/* The Wade-Giles forms of canon_zh_surnames (canon.h) by zh_word_convert,
 * NULL where it has none; zh_surnames_nwg of them. */
extern const char *const zh_surnames_wg[];
extern const size_t zh_surnames_nwg;

/* ko_surname_spellings, in its order */
struct ko_builtin_skey {
	const char *key;
	int         idx;
};
extern const struct ko_builtin_skey ko_builtin_skeys[];
extern const size_t ko_builtin_nskeys;

#endif
