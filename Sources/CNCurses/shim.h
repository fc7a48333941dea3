#ifndef LEDE_CNCURSES_SHIM_H
#define LEDE_CNCURSES_SHIM_H
// SwiftPM drops pkg-config's defines, so the wide-character API must be asked for here.
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <stdio.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

// Macros and globals Swift cannot import, as static inline functions.

static inline attr_t lede_attr_normal(void) { return A_NORMAL; }
static inline attr_t lede_attr_bold(void) { return A_BOLD; }
static inline attr_t lede_attr_underline(void) { return A_UNDERLINE; }
static inline attr_t lede_attr_reverse(void) { return A_REVERSE; }
static inline attr_t lede_attr_dim(void) { return A_DIM; }

static inline int lede_colors(void) { return COLORS; }
static inline int lede_color_pairs(void) { return COLOR_PAIRS; }
static inline int lede_max_y(WINDOW *w) { int y, x; getmaxyx(w, y, x); (void)x; return y; }
static inline int lede_max_x(WINDOW *w) { int y, x; getmaxyx(w, y, x); (void)y; return x; }
static inline int lede_key_f(int n) { return KEY_F(n); }
static inline WINDOW *lede_curscr(void) { return curscr; }
static inline WINDOW *lede_stdscr(void) { return stdscr; }

/// Opens the terminal on stdout, reading keys from `in` (stdin or /dev/tty).
/// Whether the terminal can move the cursor anywhere (a "dumb" terminal cannot).
static inline int lede_can_address_cursor(void) {
  char *cup = tigetstr("cup");
  return cup != NULL && cup != (char *)-1;
}
static inline SCREEN *lede_newterm(const char *term, FILE *in) { return newterm(term, stdout, in); }

/// Writes one cell: up to CCHARW_MAX-1 scalars (a base and combining marks).
static inline int lede_put_cell(WINDOW *w, int y, int x, const wchar_t *text, attr_t attrs, int pair) {
  cchar_t cc;
  int ext = pair;
  if (setcchar(&cc, text, attrs, (short)(pair > 32767 ? 0 : pair), &ext) == ERR) return ERR;
  // The bottom-right cell: adding would move the cursor past the end (ERR, and some
  // terminals never show the cell); inserting does not move it.
  if (y == getmaxy(w) - 1 && x == getmaxx(w) - 1) return mvwins_wch(w, y, x, &cc);
  return mvwadd_wch(w, y, x, &cc);
}

// Mouse masks.
static inline mmask_t lede_mouse_mask(void) {
  return BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED;
}
static inline int lede_mouse_is_click(mmask_t b) { return (b & (BUTTON1_PRESSED | BUTTON1_CLICKED)) != 0; }
static inline int lede_mouse_is_wheel_up(mmask_t b) { return (b & BUTTON4_PRESSED) != 0; }
static inline int lede_mouse_is_wheel_down(mmask_t b) { return (b & BUTTON5_PRESSED) != 0; }

// Signals. The handlers only record the signal; the run loop polls it and restores the
// terminal itself (nothing unsafe runs inside a handler), except on a crash, where
// restoring the terminal is worth the risk.

static volatile sig_atomic_t lede_pending_signal = 0;

static void lede_on_terminate(int sig) { lede_pending_signal = sig; }

static void lede_on_crash(int sig) {
  endwin();
  signal(sig, SIG_DFL);
  raise(sig);
}

static inline void lede_install_signal_handlers(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = lede_on_terminate;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, NULL);
  sigaction(SIGTERM, &sa, NULL);
  sigaction(SIGHUP, &sa, NULL);
  struct sigaction crash;
  memset(&crash, 0, sizeof crash);
  crash.sa_handler = lede_on_crash;
  sigemptyset(&crash.sa_mask);
  crash.sa_flags = SA_RESETHAND;
  sigaction(SIGSEGV, &crash, NULL);
  sigaction(SIGBUS, &crash, NULL);
  sigaction(SIGILL, &crash, NULL);
  sigaction(SIGTRAP, &crash, NULL);
  sigaction(SIGFPE, &crash, NULL);
  sigaction(SIGABRT, &crash, NULL);
}

static inline int lede_take_pending_signal(void) {
  int s = lede_pending_signal;
  lede_pending_signal = 0;
  return s;
}

/// After the terminal is restored: die of the signal, so the parent sees how we ended.
static inline void lede_reraise(int sig) {
  signal(sig, SIG_DFL);
  raise(sig);
}

/// Ctrl-Z: leave curses mode, stop the process the default way, and come back.
static inline void lede_suspend(void) {
  endwin();
  void (*previous)(int) = signal(SIGTSTP, SIG_DFL);
  raise(SIGTSTP);
  // resumed by SIGCONT (fg)
  signal(SIGTSTP, previous);
}

static inline int lede_locale_is_utf8(void) {
  const char *cs = nl_langinfo(CODESET);
  return cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
}

#endif
