/* dict.c: name dictionaries in a byte trie (see dict.h, cwihp-dict(5)). */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dict.h"
#include "translit-builtin.h"
#include "translit.h"
#include "utf8.h"
#include "util.h"

/* A node of the trie: the entry that ends there, -1 none.  Its edges
 * are in the dictionary's edge table. */
struct node {
	int entry;
};

struct entry {
	size_t      variant;	/* offsets in the pool */
	size_t      canonical;
	const char *rule;
};

/* The trie's edges by parent and byte in one open-addressed table, so
 * that a step down the trie is one probe. */
struct edge {
	uint64_t key;		/* parent << 8 | byte */
	int      child;		/* -1: an empty slot */
};

struct dict {
	struct node        *nodes;
	size_t              nnodes, capnodes;
	struct edge        *edges;
	size_t              nedges, edgemask;	/* edgemask: slots - 1 */
	int                 edgeshift;	/* 64 - log2(slots) */
	struct entry       *entries;
	size_t              nentries, capentries;
	struct buf          pool;	/* the strings of the entries */
	struct dict_schemes sch;
};

static int
new_node(struct dict *d)
{
	if (d->nnodes == d->capnodes) {
		d->capnodes = d->capnodes ? d->capnodes * 2 : 256;
		d->nodes = xreallocarray(d->nodes, d->capnodes,
		    sizeof(*d->nodes));
	}
	d->nodes[d->nnodes].entry = -1;
	return (int)d->nnodes++;
}

static inline size_t
edge_slot(const struct dict *d, uint64_t key)
{
	return (size_t)((key * 0x9E3779B97F4A7C15u) >> d->edgeshift);
}

/* The slot of key in the edge table, or the empty one it would go in. */
static inline size_t
edge_find(const struct dict *d, uint64_t key)
{
	size_t h;

	for (h = edge_slot(d, key); d->edges[h].child >= 0 &&
	    d->edges[h].key != key; h = (h + 1) & d->edgemask)
		;
	return h;
}

/* The child of node parent by byte, -1 none (an empty slot's). */
static inline int
edge_child(const struct dict *d, int parent, unsigned char byte)
{
	return d->edges[edge_find(d, (uint64_t)parent << 8 | byte)].child;
}

static void
edge_put(struct dict *d, uint64_t key, int child)
{
	size_t h = edge_find(d, key);

	d->edges[h].key = key;
	d->edges[h].child = child;
	d->nedges++;
}

/* A table of 2^bits slots, with the edges of the old one. */
static void
edges_resize(struct dict *d, int bits)
{
	struct edge *old = d->edges;
	size_t i, oldslots = old != NULL ? d->edgemask + 1 : 0;

	d->edgemask = ((size_t)1 << bits) - 1;
	d->edgeshift = 64 - bits;
	d->edges = xreallocarray(NULL, d->edgemask + 1, sizeof(*d->edges));
	for (i = 0; i <= d->edgemask; i++)
		d->edges[i].child = -1;
	d->nedges = 0;
	for (i = 0; i < oldslots; i++)
		if (old[i].child >= 0)
			edge_put(d, old[i].key, old[i].child);
	free(old);
}

/* The child of node parent by byte, made when it is not there. */
static int
edge_child_new(struct dict *d, int parent, unsigned char byte)
{
	uint64_t key = (uint64_t)parent << 8 | byte;
	size_t h = edge_find(d, key);

	if (d->edges[h].child >= 0)
		return d->edges[h].child;
	if (2 * (d->nedges + 1) > d->edgemask + 1) {
		edges_resize(d, 64 - d->edgeshift + 1);
		h = edge_find(d, key);
	}
	d->edges[h].key = key;
	d->edges[h].child = new_node(d);
	d->nedges++;
	return d->edges[h].child;
}

struct dict *
dict_new(const struct dict_schemes *sch)
{
	struct dict *d = xcalloc(1, sizeof(*d));

	d->sch = *sch;
	edges_resize(d, 12);	/* the built-in dictionary without a resize */
	new_node(d);
	return d;
}

/* One code point of s[0..n), n > 0, outside ASCII as the bytes the
 * trie compares: apostrophes become '.  Returns the length consumed. */
static size_t
norm_cp_other(const char *s, size_t n, char out[4], size_t *outlen)
{
	uint32_t c;
	size_t len;

	len = utf8_decode(s, n, &c);

	if (len == 0) {
		out[0] = s[0];
		*outlen = 1;
		return 1;
	}
	if (cp_is_apos(c) && c != 0x2BA) {
		out[0] = '\'';
		*outlen = 1;
	} else
		*outlen = utf8_encode(cp_lower(c), out);
	return len;
}

/* One code point of s[0..n), n > 0, as the bytes the trie compares
 * (ASCII in lower case, inline); returns the length consumed. */
static inline size_t
norm_cp(const char *s, size_t n, char out[4], size_t *outlen)
{
	if ((unsigned char)s[0] < 0x80) {
		out[0] = (char)(s[0] >= 'A' && s[0] <= 'Z' ? s[0] + 32 : s[0]);
		*outlen = 1;
		return 1;
	}
	return norm_cp_other(s, n, out, outlen);
}

size_t
dict_fold_cp(const char *s, size_t n, char out[4], size_t *outlen)
{
	return norm_cp(s, n, out, outlen);
}

/* s, with its NUL, into the pool: its offset. */
static size_t
pool_add(struct dict *d, const char *s)
{
	size_t off = d->pool.len;

	buf_add(&d->pool, s, strlen(s) + 1);
	return off;
}

#define POOL(d, off)	((d)->pool.s + (off))

void
dict_add(struct dict *d, const char *variant, const char *canonical,
    const char *rule)
{
	size_t i = 0, n = strlen(variant), len, ol, k;
	char ob[4];
	int cur = 0;
	struct entry *e;

	if (n == 0)
		return;
	while (i < n) {
		len = norm_cp(variant + i, n - i, ob, &ol);
		for (k = 0; k < ol; k++)
			cur = edge_child_new(d, cur, (unsigned char)ob[k]);
		i += len;
	}
	if (d->nodes[cur].entry >= 0) {
		/* a later entry wins, except that a keep never overrides */
		e = &d->entries[d->nodes[cur].entry];
		if (strcmp(variant, canonical) == 0 &&
		    strcmp(POOL(d, e->variant), POOL(d, e->canonical)) != 0)
			return;
		e->canonical = pool_add(d, canonical);
		e->rule = rule;
		return;
	}
	if (d->nentries == d->capentries) {
		d->capentries = d->capentries ? d->capentries * 2 : 64;
		d->entries = xreallocarray(d->entries, d->capentries,
		    sizeof(*d->entries));
	}
	e = &d->entries[d->nentries];
	e->variant = pool_add(d, variant);
	e->canonical = pool_add(d, canonical);
	e->rule = rule;
	d->nodes[cur].entry = (int)d->nentries++;
}

size_t
dict_match(const struct dict *d, const char *s, size_t n,
    int (*ends_ok)(const char *, size_t, size_t),
    const char **canonical, const char **rule)
{
	size_t i = 0, len, ol, k, best = 0;
	char ob[4];
	int cur = 0;
	unsigned char c;

	while (i < n) {
		c = (unsigned char)s[i];
		if (c < 0x80) {
			cur = edge_child(d, cur, c >= 'A' && c <= 'Z' ?
			    c + 32 : c);
			len = 1;
		} else {
			len = norm_cp_other(s + i, n - i, ob, &ol);
			for (k = 0; k < ol && cur >= 0; k++)
				cur = edge_child(d, cur, (unsigned char)ob[k]);
		}
		if (cur < 0)
			break;
		i += len;
		if (d->nodes[cur].entry >= 0 && (ends_ok == NULL ||
		    ends_ok(s, n, i))) {
			best = i;
			*canonical = POOL(d,
			    d->entries[d->nodes[cur].entry].canonical);
			*rule = d->entries[d->nodes[cur].entry].rule;
		}
	}
	return best;
}

size_t
dict_size(const struct dict *d)
{
	return d->nentries;
}

void
dict_dump(const struct dict *d, void (*emit)(const char *, const char *,
    const char *, void *), void *arg)
{
	size_t i;

	for (i = 0; i < d->nentries; i++)
		emit(POOL(d, d->entries[i].variant),
		    POOL(d, d->entries[i].canonical), d->entries[i].rule, arg);
}

void
dict_free(struct dict *d)
{
	if (d == NULL)
		return;
	free(d->edges);
	free(d->entries);
	buf_free(&d->pool);
	free(d->nodes);
	free(d);
}

enum sect { S_ALL, S_SKIP, S_FORWARD, S_REVERSE, S_RUSSIAN };

/* Split a line on tabs into at most max fields (trimmed of spaces). */
static int
split_tabs(char *line, char **f, int max)
{
	int nf = 0;
	char *p = line, *q, *e;

	while (p && nf < max) {
		q = strchr(p, '\t');
		if (q)
			*q = '\0';
		while (*p == ' ')
			p++;
		e = p + strlen(p);
		while (e > p && e[-1] == ' ')
			*--e = '\0';
		if (*p)
			f[nf++] = p;
		p = q ? q + 1 : NULL;
	}
	return nf;
}

static enum sect
section(const struct dict *d, const char *name, const char **rule)
{
	const char *eq = strchr(name, '=');
	const char *chosen = NULL;
	size_t ll;

	*rule = "dictionary";
	if (strcmp(name, "*") == 0)
		return S_ALL;
	if (strcmp(name, "customary") == 0) {
		*rule = "customary";
		return d->sch.customary ? S_ALL : S_SKIP;
	}
	if (strcmp(name, "russian-names") == 0) {
		*rule = "russian-scheme";
		return S_RUSSIAN;
	}
	if (eq == NULL)
		return S_SKIP;
	ll = (size_t)(eq - name);
	if (ll == 6 && strncmp(name, "korean", 6) == 0)
		chosen = d->sch.korean, *rule = "korean-scheme";
	else if (ll == 7 && strncmp(name, "russian", 7) == 0)
		chosen = d->sch.russian, *rule = "russian-scheme";
	else if (ll == 7 && strncmp(name, "chinese", 7) == 0)
		chosen = d->sch.chinese, *rule = "chinese-scheme";
	if (chosen == NULL)
		return S_SKIP;
	return strcmp(chosen, eq + 1) == 0 ? S_FORWARD : S_REVERSE;
}

static int
cmp_ru_name(const void *key, const void *elem)
{
	return strcmp(key, ((const struct ru_builtin_name *)elem)->cyrillic);
}

static void
add_russian(struct dict *d, char **f, int nf, const char *rule)
{
	struct buf canon = { 0 }, v[RU_NSCHEMES], fold[RU_NSCHEMES];
	const struct ru_builtin_name *pre;
	const char *cand[2 * RU_NSCHEMES];
	int s, i, j, chosen = ru_scheme_parse(d->sch.russian ? d->sch.russian :
	    "lc");

	if (chosen < 0)
		chosen = RU_LC;
	memset(v, 0, sizeof(v));
	memset(fold, 0, sizeof(fold));
	/* the names of the built-in dictionary are worked out ahead */
	pre = bsearch(f[0], ru_builtin_names, ru_builtin_nnames,
	    sizeof(ru_builtin_names[0]), cmp_ru_name);
	for (s = 0; s < RU_NSCHEMES; s++) {
		if (pre != NULL) {
			cand[2 * s] = pre->form[s];
			cand[2 * s + 1] = pre->fold[s];
			continue;
		}
		ru_translit(&v[s], f[0], strlen(f[0]), s);
		ascii_fold(&fold[s], v[s].s, v[s].len);
		cand[2 * s] = buf_cstr(&v[s]);
		cand[2 * s + 1] = buf_cstr(&fold[s]);
	}
	buf_adds(&canon, cand[2 * chosen]);
	buf_cstr(&canon);
	/* each form in every scheme, and folded, once */
	for (i = 0; i < 2 * RU_NSCHEMES; i++) {
		for (j = 0; j < i && strcmp(cand[j], cand[i]) != 0; j++)
			;
		if (j == i && strcmp(cand[i], canon.s) != 0)
			dict_add(d, cand[i], canon.s, rule);
	}
	for (i = 1; i < nf; i++)
		if (strcmp(f[i], canon.s) != 0)
			dict_add(d, f[i], canon.s, rule);
	dict_add(d, canon.s, canon.s, rule);
	buf_free(&canon);
	for (s = 0; s < RU_NSCHEMES; s++) {
		buf_free(&v[s]);
		buf_free(&fold[s]);
	}
}

int
dict_load_text(struct dict *d, const char *name, const char *text,
    size_t len)
{
	const char *p = text, *end = text + len, *nl;
	char *line, *f[64], *close;
	enum sect sec = S_ALL;
	const char *rule = "dictionary";
	long lineno = 0;
	int nf, i, errors = 0;
	size_t ll;
	struct buf lb = { 0 };

	while (p < end) {
		nl = memchr(p, '\n', (size_t)(end - p));
		ll = nl ? (size_t)(nl - p) : (size_t)(end - p);
		buf_reset(&lb);
		buf_add(&lb, p, ll);
		line = buf_cstr(&lb);
		p += ll + (nl != NULL);
		lineno++;
		if (ll > 0 && line[ll - 1] == '\r')
			line[--ll] = '\0';
		if (utf8_check(line, ll) != ll) {
			diag(name, lineno, "invalid UTF-8");
			errors++;
			continue;
		}
		if (line[0] == '#' || line[strspn(line, " \t")] == '\0') {
			continue;
		}
		if (line[0] == '[') {
			if ((close = strchr(line, ']')) == NULL) {
				diag(name, lineno, "section header without ]");
				errors++;
			} else {
				*close = '\0';
				sec = section(d, line + 1, &rule);
			}
			continue;
		}
		nf = split_tabs(line, f, 64);
		if (nf == 0 || sec == S_SKIP) {
			continue;
		}
		if (sec == S_RUSSIAN)
			add_russian(d, f, nf, rule);
		else if (sec == S_REVERSE && nf >= 2) {
			/* the first variant is canonical in the other scheme */
			dict_add(d, f[0], f[1], rule);
			for (i = 2; i < nf; i++)
				dict_add(d, f[i], f[1], rule);
			dict_add(d, f[1], f[1], rule);
		} else {
			for (i = 1; i < nf; i++)
				dict_add(d, f[i], f[0], rule);
			dict_add(d, f[0], f[0], rule);
		}
	}
	buf_free(&lb);
	return errors;
}

int
dict_load_file(struct dict *d, const char *path)
{
	FILE *fp = fopen(path, "r");
	struct buf b = { 0 };
	char chunk[8192];
	size_t n;
	int r;

	if (fp == NULL) {
		diag(path, 0, "%s", strerror(errno));
		exit_trouble = 1;
		return -1;
	}
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		buf_add(&b, chunk, n);
	if (ferror(fp)) {
		diag(path, 0, "%s", strerror(errno));
		fclose(fp);
		buf_free(&b);
		exit_trouble = 1;
		return -1;
	}
	fclose(fp);
	r = dict_load_text(d, path, b.s ? b.s : "", b.len);
	buf_free(&b);
	return r;
}
