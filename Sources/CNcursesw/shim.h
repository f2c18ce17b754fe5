#ifndef CNCURSESW_SHIM_H
#define CNCURSESW_SHIM_H
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
// Linux: Debian's libncurses-dev. macOS: Homebrew's ncurses when its include path is given (pkg-config, see
// Package.swift), else the SDK's <curses.h>, whose wide-character API NCURSES_WIDECHAR turns on.
#if defined(__APPLE__) && !__has_include(<ncursesw/curses.h>)
#include <curses.h>
#include <term.h>
#else
#include <ncursesw/curses.h>
#include <ncursesw/term.h>
#endif

// Macros and globals that Swift cannot import (or that trip Swift 6's concurrency checks).
static inline WINDOW *cn_stdscr(void) { return stdscr; }
static inline attr_t cn_a_bold(void) { return A_BOLD; }
static inline attr_t cn_a_dim(void) { return A_DIM; }
static inline attr_t cn_a_reverse(void) { return A_REVERSE; }
static inline attr_t cn_a_underline(void) { return A_UNDERLINE; }
static inline attr_t cn_a_normal(void) { return A_NORMAL; }
static inline mmask_t cn_all_mouse_events(void) { return ALL_MOUSE_EVENTS | REPORT_MOUSE_POSITION; }
static inline mmask_t cn_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t cn_button1_released(void) { return BUTTON1_RELEASED; }
static inline mmask_t cn_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t cn_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t cn_button5_pressed(void) { return BUTTON5_PRESSED; }
static inline mmask_t cn_report_mouse_position(void) { return REPORT_MOUSE_POSITION; }
static inline int cn_key_f(int n) { return KEY_F(n); }
static inline int cn_color_pairs(void) { return COLOR_PAIRS; }

/// Draws one grapheme (up to CCHARW_MAX code points) with attributes and a colour pair.
static inline int cn_put_cell(int y, int x, const wchar_t *wch, attr_t attrs, short pair) {
    cchar_t cc;
    if (setcchar(&cc, wch, attrs, pair, NULL) != OK) return ERR;
    return mvadd_wch(y, x, &cc);
}

/// Whether the terminal type can run a full-screen app, asked of terminfo before initscr (which would exit
/// with ncurses' own bare message): 0 usable, 1 unknown type, 2 no cursor addressing (dumb, hardcopy),
/// 3 no terminfo database at all.
static inline int cn_terminal_capability(const char *term) {
    int err = 0;
    if (setupterm((char *)term, 1, &err) != OK) return err == -1 ? 3 : (err == 1 ? 2 : 1);
    char *cup = tigetstr("cup");
    int ok = cup != NULL && cup != (char *)-1;
    del_curterm(cur_term);
    return ok ? 0 : 2;
}
#endif
