#ifndef SWITCHBOARD_NCURSES_SHIM_H
#define SWITCHBOARD_NCURSES_SHIM_H
/* Wide-character ncurses: must be defined before the header. */
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

/* Globals and function-like macros Swift cannot import. */
static inline WINDOW *sb_stdscr(void) { return stdscr; }
static inline WINDOW *sb_curscr(void) { return curscr; }
static inline int sb_lines(void) { return LINES; }
static inline int sb_cols(void) { return COLS; }
static inline int sb_colors(void) { return COLORS; }
static inline int sb_color_pair(int n) { return (int)COLOR_PAIR(n); }
static inline unsigned int sb_attr_bold(void) { return (unsigned int)A_BOLD; }
static inline unsigned int sb_attr_reverse(void) { return (unsigned int)A_REVERSE; }
static inline unsigned int sb_attr_dim(void) { return (unsigned int)A_DIM; }
static inline unsigned int sb_attr_underline(void) { return (unsigned int)A_UNDERLINE; }
static inline int sb_key_code_yes(void) { return KEY_CODE_YES; }
static inline int sb_err(void) { return ERR; }

/* Reads one key: returns OK, KEY_CODE_YES or ERR; the character or key code goes to *out. */
static inline int sb_get_wch(WINDOW *w, unsigned int *out) {
    wint_t c = 0;
    int status = wget_wch(w, &c);
    *out = (unsigned int)c;
    return status;
}

/* Draws one cell: a base character plus up to CCHARW_MAX - 1 combining characters.
   Text goes in as characters, never through a printf format. */
static inline int sb_put_cell(WINDOW *w, int y, int x, const unsigned int *chars, int count,
                              unsigned int attrs, int pair) {
    wchar_t buf[CCHARW_MAX + 1];
    int n = count < CCHARW_MAX ? count : CCHARW_MAX;
    for (int i = 0; i < n; i++) buf[i] = (wchar_t)chars[i];
    buf[n] = 0;
    cchar_t cell;
    if (setcchar(&cell, buf, (attr_t)attrs, (short)pair, NULL) == ERR) return ERR;
    return mvwadd_wch(w, y, x, &cell);
}

/* Column width the C library (and so ncurses) gives one character; -1 if unprintable. */
static inline int sb_wcwidth(unsigned int c) { return wcwidth((wchar_t)c); }
#endif
