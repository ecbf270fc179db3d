/* translit-builtin.h: the compiled-in dictionary of normalize-translit
 * (and of name_canonical in canon.h). */
#ifndef CWIHP_TRANSLIT_BUILTIN_H
#define CWIHP_TRANSLIT_BUILTIN_H

extern const char dict_builtin[];

#endif
