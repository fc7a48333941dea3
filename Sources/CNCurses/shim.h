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

// Signals. The handlers only write the signal's number into a pipe (write is async-signal-safe),
// which the run loop polls beside the keyboard: a signal that arrives at any moment wakes it and
// none is lost between a check and a wait. Nothing else runs inside a handler, except on a
// crash, where restoring the terminal is worth the risk.

#include <errno.h>
#include <fcntl.h>
#include <sys/ioctl.h>

static int lede_signal_pipe[2] = {-1, -1};

static void lede_on_signal(int sig) {
  int saved = errno;
  unsigned char b = (unsigned char)sig;
  if (lede_signal_pipe[1] >= 0) (void)write(lede_signal_pipe[1], &b, 1);
  errno = saved;
}

static void lede_on_crash(int sig) {
  endwin();
  signal(sig, SIG_DFL);
  raise(sig);
}

/// Installs the handlers (after newterm, so that ours handle SIGWINCH) and returns the pipe's
/// read end, or -1.
static inline int lede_install_signal_handlers(void) {
  if (lede_signal_pipe[0] < 0) {
    if (pipe(lede_signal_pipe) != 0) return -1;
    for (int i = 0; i < 2; i++) {
      fcntl(lede_signal_pipe[i], F_SETFL, fcntl(lede_signal_pipe[i], F_GETFL) | O_NONBLOCK);
      fcntl(lede_signal_pipe[i], F_SETFD, FD_CLOEXEC);
    }
  }
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = lede_on_signal;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = SA_RESTART;
  sigaction(SIGINT, &sa, NULL);
  sigaction(SIGTERM, &sa, NULL);
  sigaction(SIGHUP, &sa, NULL);
  sigaction(SIGWINCH, &sa, NULL);
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
  return lede_signal_pipe[0];
}

static inline int lede_sigwinch(void) { return SIGWINCH; }

/// The terminal's size from the kernel (after SIGWINCH), told to ncurses; 0 if unknown.
static inline int lede_update_size(int fd) {
  struct winsize ws;
  if (ioctl(fd, TIOCGWINSZ, &ws) != 0 || ws.ws_row == 0 || ws.ws_col == 0) return 0;
  resize_term(ws.ws_row, ws.ws_col);
  return 1;
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
