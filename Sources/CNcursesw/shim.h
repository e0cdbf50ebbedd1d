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

/* Draws one cell: a whole grapheme cluster of up to CCHARW_MAX characters. setcchar keeps
   only the first spacing character (a ZWJ family would lose its members), so the cell is
   made from the first character and the rest are put into it directly: ncurses measures the
   cell by its first character and writes every character it holds. Text goes in as
   characters, never through a printf format. */
static inline int sb_put_cell(WINDOW *w, int y, int x, const unsigned int *chars, int count,
                              unsigned int attrs, int pair) {
    wchar_t first[2] = { count > 0 ? (wchar_t)chars[0] : L' ', 0 };
    cchar_t cell;
    if (setcchar(&cell, first, (attr_t)attrs, (short)pair, NULL) == ERR) return ERR;
    int n = count < CCHARW_MAX ? count : CCHARW_MAX;
    for (int i = 1; i < n; i++) cell.chars[i] = (wchar_t)chars[i];
    for (int i = n; i < CCHARW_MAX; i++) cell.chars[i] = 0;
    return mvwadd_wch(w, y, x, &cell);
}

/* Mouse: clicks of the first button and the wheel, reported at once (no click delay). */
static inline void sb_enable_mouse(void) {
    mmask_t old = 0;
    mousemask(BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED
#ifdef BUTTON5_PRESSED
              | BUTTON5_PRESSED
#endif
              , &old);
    mouseinterval(0);
}
static inline int sb_key_mouse(void) { return KEY_MOUSE; }
/* The last mouse event: 1 click, 4 wheel up, 5 wheel down, 0 anything else; where in *y, *x. */
static inline int sb_read_mouse(int *y, int *x) {
    MEVENT e;
    if (getmouse(&e) != OK) return 0;
    *y = e.y;
    *x = e.x;
    if (e.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED)) return 1;
    if (e.bstate & BUTTON4_PRESSED) return 4;
#ifdef BUTTON5_PRESSED
    if (e.bstate & BUTTON5_PRESSED) return 5;
#endif
    return 0;
}

/* Terminal strings through ncurses' output (putp), never printed past it: the title via
   terminfo's status line when the terminal has one, else xterm's OSC 2; the clipboard via
   OSC 52 (base64 text). */
static inline void sb_put_control(const char *start, const char *text, const char *end) {
    putp(start);
    putp(text);
    putp(end);
    fflush(stdout);
}
static inline int has_status_line_capability(const char *tsl, const char *fsl) {
    return tsl != NULL && tsl != (char *)-1 && fsl != NULL && fsl != (char *)-1;
}
static inline void sb_set_title(const char *title) {
    char *tsl = tigetstr("tsl");
    char *fsl = tigetstr("fsl");
    if (has_status_line_capability(tsl, fsl)) sb_put_control(tsl, title, fsl);
    else sb_put_control("\033]2;", title, "\007");
}

/* Bracketed paste: the terminal wraps pasted text in ESC[200~ … ESC[201~; ncurses learns
   those as two key codes past KEY_MAX, so a paste arrives as keys we can tell apart. */
static inline int sb_key_paste_start(void) { return KEY_MAX + 1; }
static inline int sb_key_paste_end(void) { return KEY_MAX + 2; }
static inline void sb_enable_bracketed_paste(void) {
    define_key("\033[200~", KEY_MAX + 1);
    define_key("\033[201~", KEY_MAX + 2);
    putp("\033[?2004h");
    fflush(stdout);
}
static inline void sb_disable_bracketed_paste(void) {
    putp("\033[?2004l");
    fflush(stdout);
}
static inline int sb_unget_wch(unsigned int c) { return unget_wch((wchar_t)c); }

/* Column width the C library (and so ncurses) gives one character; -1 if unprintable. */
static inline int sb_wcwidth(unsigned int c) { return wcwidth((wchar_t)c); }
#endif
