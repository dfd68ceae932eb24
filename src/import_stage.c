/* Staging an import's rows (see import_stage.h). A row is kept as: u32
 * size, i64 line, 36 bytes of UUID, then for each value a type byte and an
 * int64 or a u32 length and the bytes. */
#include "import_stage.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "array.h"

enum { V_NULL, V_INT, V_TEXT };
#define HEAD (4 + 8 + 36)
#define UUID_AT 12

struct value {
	int type;
	int64_t i;
	const char *s;
	size_t len;
};

struct stage {
	size_t nparams;
	struct value v[STAGE_MAX_PARAMS + 1];
	char *arena;
	size_t len, cap;
	const char **rows;      /* the rows in the arena, in file order */
	size_t n, rows_cap, pos;
	const char *cur;        /* the row being read, NULL at the end */
	const char *at[STAGE_MAX_PARAMS + 1];
};

struct stage *stage_new(size_t nparams)
{
	struct stage *st;

	if (nparams > STAGE_MAX_PARAMS || !(st = calloc(1, sizeof *st)))
		return NULL;
	st->nparams = nparams;
	return st;
}

void stage_free(struct stage *st)
{
	if (!st)
		return;
	free(st->arena);
	free(st->rows);
	free(st);
}

void stage_clear(struct stage *st)
{
	memset(st->v, 0, sizeof st->v);
}

void stage_set_null(struct stage *st, size_t p)
{
	st->v[p].type = V_NULL;
}

void stage_set_int(struct stage *st, size_t p, int64_t v)
{
	st->v[p] = (struct value){ .type = V_INT, .i = v };
}

void stage_set_text(struct stage *st, size_t p, const char *s, size_t len)
{
	st->v[p] = (struct value){ .type = V_TEXT, .s = s, .len = len };
}

static size_t row_size(const struct stage *st)
{
	size_t size = HEAD;

	for (size_t p = 1; p <= st->nparams; p++)
		size += 1 + (st->v[p].type == V_INT ? 8 : st->v[p].type == V_TEXT ? 4 + st->v[p].len : 0);
	return size;
}

static void write_row(struct stage *st, char *o, size_t size, long line, const char uuid[36])
{
	uint32_t sz = (uint32_t)size;
	int64_t ln = line;

	memcpy(o, &sz, 4);
	memcpy(o + 4, &ln, 8);
	memcpy(o + UUID_AT, uuid, 36);
	o += HEAD;
	for (size_t p = 1; p <= st->nparams; p++) {
		const struct value *v = &st->v[p];
		uint32_t n = (uint32_t)v->len;
		*o++ = (char)v->type;
		if (v->type == V_INT) {
			memcpy(o, &v->i, 8);
			o += 8;
		} else if (v->type == V_TEXT) {
			memcpy(o, &n, 4);
			memcpy(o + 4, v->s, v->len);
			o += 4 + v->len;
		}
	}
	memset(st->v, 0, sizeof st->v);
}

int stage_add(struct stage *st, long line, const char uuid[36], bool *full)
{
	size_t size = row_size(st);
	const char **rows;

	*full = false;
	if (size > UINT32_MAX)
		return PACT_ENOMEM;
	if (st->len + size > st->cap) {
		size_t cap = size > STAGE_BUDGET ? size : STAGE_BUDGET;
		char *a;
		if (st->n > 0) {
			*full = true; /* store what is here, then come again */
			return PACT_OK;
		}
		/* the arena is empty here: nothing to keep, so no realloc */
		if (!(a = malloc(cap)))
			return PACT_ENOMEM;
		free(st->arena);
		st->arena = a;
		st->cap = cap;
	}
	if (!(rows = array_room(st->rows, st->n, &st->rows_cap, sizeof *rows)))
		return PACT_ENOMEM;
	st->rows = rows;
	write_row(st, st->arena + st->len, size, line, uuid);
	st->rows[st->n++] = st->arena + st->len;
	st->len += size;
	return PACT_OK;
}

static int64_t row_line(const char *row)
{
	int64_t line;

	memcpy(&line, row + 4, 8);
	return line;
}

/* Decode where each value of the current row starts. */
static void set_current(struct stage *st, const char *row)
{
	const char *o;

	st->cur = row;
	if (!row)
		return;
	o = row + HEAD;
	for (size_t p = 1; p <= st->nparams; p++) {
		uint32_t n;
		st->at[p] = o;
		if (*o == V_INT)
			o += 9;
		else if (*o == V_TEXT) {
			memcpy(&n, o + 1, 4);
			o += 5 + n;
		} else
			o++;
	}
}

bool stage_ready(struct stage *st)
{
	st->pos = 0;
	st->cur = NULL;
	return st->n > 0;
}

void stage_done(struct stage *st)
{
	st->n = st->len = st->pos = 0;
	st->cur = NULL;
}

long stage_line(const struct stage *st)
{
	return st->cur ? (long)row_line(st->cur) : 0;
}

void stage_uuid(const struct stage *st, char out[37])
{
	memcpy(out, st->cur ? st->cur + UUID_AT : "", st->cur ? 36 : 1);
	out[36] = '\0';
}

int64_t stage_int(const struct stage *st, size_t p)
{
	int64_t v = 0;

	if (st->cur && p >= 1 && p <= st->nparams && *st->at[p] == V_INT)
		memcpy(&v, st->at[p] + 1, 8);
	return v;
}

/* --- the table-valued function pact_stage(ptr) ------------------------- */

#define COL_SRC (STAGE_MAX_PARAMS + 1) /* the hidden argument */

struct stage_cursor {
	sqlite3_vtab_cursor base;
	struct stage *st;
	int64_t rowid;
};

static int st_connect(sqlite3 *db, void *aux, int argc, const char *const *argv,
		      sqlite3_vtab **out, char **errmsg)
{
	char sql[1024];
	size_t o = (size_t)snprintf(sql, sizeof sql, "CREATE TABLE x(line");
	sqlite3_vtab *vt;
	int rc;

	(void)aux, (void)argc, (void)argv, (void)errmsg;
	for (int p = 1; p <= STAGE_MAX_PARAMS; p++)
		o += (size_t)snprintf(sql + o, sizeof sql - o, ", p%d", p);
	snprintf(sql + o, sizeof sql - o, ", src HIDDEN)");
	if ((rc = sqlite3_declare_vtab(db, sql)) != SQLITE_OK)
		return rc;
	if (!(vt = sqlite3_malloc(sizeof *vt)))
		return SQLITE_NOMEM;
	memset(vt, 0, sizeof *vt);
	*out = vt;
	return SQLITE_OK;
}

static int st_disconnect(sqlite3_vtab *vt)
{
	sqlite3_free(vt);
	return SQLITE_OK;
}

static int st_best_index(sqlite3_vtab *vt, sqlite3_index_info *info)
{
	(void)vt;
	for (int i = 0; i < info->nConstraint; i++)
		if (info->aConstraint[i].iColumn == COL_SRC &&
		    info->aConstraint[i].op == SQLITE_INDEX_CONSTRAINT_EQ &&
		    info->aConstraint[i].usable) {
			info->aConstraintUsage[i].argvIndex = 1;
			info->aConstraintUsage[i].omit = 1;
			info->estimatedCost = 1;
			return SQLITE_OK;
		}
	return SQLITE_CONSTRAINT; /* only with its argument */
}

static int st_open(sqlite3_vtab *vt, sqlite3_vtab_cursor **out)
{
	struct stage_cursor *c = sqlite3_malloc(sizeof *c);

	(void)vt;
	if (!c)
		return SQLITE_NOMEM;
	memset(c, 0, sizeof *c);
	*out = &c->base;
	return SQLITE_OK;
}

static int st_close(sqlite3_vtab_cursor *cur)
{
	sqlite3_free(cur);
	return SQLITE_OK;
}

static int st_step(struct stage_cursor *c)
{
	set_current(c->st, c->st->pos < c->st->n ? c->st->rows[c->st->pos++] : NULL);
	c->rowid++;
	return SQLITE_OK;
}

static int st_filter(sqlite3_vtab_cursor *cur, int idx, const char *idxstr, int argc,
		     sqlite3_value **argv)
{
	struct stage_cursor *c = (struct stage_cursor *)cur;

	(void)idx, (void)idxstr;
	c->st = argc == 1 ? sqlite3_value_pointer(argv[0], STAGE_POINTER_TYPE) : NULL;
	c->rowid = 0;
	if (!c->st)
		return SQLITE_MISUSE;
	c->st->pos = 0;
	return st_step(c);
}

static int st_next(sqlite3_vtab_cursor *cur)
{
	return st_step((struct stage_cursor *)cur);
}

static int st_eof(sqlite3_vtab_cursor *cur)
{
	struct stage_cursor *c = (struct stage_cursor *)cur;

	return !c->st || !c->st->cur;
}

static int st_column(sqlite3_vtab_cursor *cur, sqlite3_context *ctx, int i)
{
	struct stage *st = ((struct stage_cursor *)cur)->st;
	const char *v;
	int64_t n;
	uint32_t len;

	if (i == 0) {
		sqlite3_result_int64(ctx, row_line(st->cur));
		return SQLITE_OK;
	}
	if (i < 1 || (size_t)i > st->nparams)
		return SQLITE_OK; /* NULL */
	v = st->at[i];
	if (*v == V_INT) {
		memcpy(&n, v + 1, 8);
		sqlite3_result_int64(ctx, n);
	} else if (*v == V_TEXT) {
		memcpy(&len, v + 1, 4);
		/* the arena is left alone until the statement is done */
		sqlite3_result_text(ctx, v + 5, (int)len, SQLITE_STATIC);
	}
	return SQLITE_OK;
}

static int st_rowid(sqlite3_vtab_cursor *cur, sqlite3_int64 *rowid)
{
	*rowid = ((struct stage_cursor *)cur)->rowid;
	return SQLITE_OK;
}

static const sqlite3_module stage_module = {
	.iVersion = 0,
	.xCreate = NULL, /* eponymous only */
	.xConnect = st_connect,
	.xBestIndex = st_best_index,
	.xDisconnect = st_disconnect,
	.xDestroy = st_disconnect,
	.xOpen = st_open,
	.xClose = st_close,
	.xFilter = st_filter,
	.xNext = st_next,
	.xEof = st_eof,
	.xColumn = st_column,
	.xRowid = st_rowid,
};

int stage_register(sqlite3 *db)
{
	return sqlite3_create_module(db, "pact_stage", &stage_module, NULL);
}
