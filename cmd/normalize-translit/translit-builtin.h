/* translit-builtin.h: the compiled-in dictionary of normalize-translit. */
#ifndef TRANSLIT_BUILTIN_H
#define TRANSLIT_BUILTIN_H

extern const char dict_builtin[];

#endif
