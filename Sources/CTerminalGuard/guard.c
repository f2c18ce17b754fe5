#define _GNU_SOURCE 1
#include "CTerminalGuard.h"
#include <fcntl.h>
#include <stdio.h>
#include <sys/ioctl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

static struct termios saved;
static volatile sig_atomic_t have_saved = 0;
static volatile sig_atomic_t pending = 0;
static volatile sig_atomic_t crashing = 0;
/// Where a crash report goes; filled in before any handler can run, read only from the handler.
static char report_path[1024] = "";

void tg_save_terminal(void) {
    if (isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &saved) == 0) have_saved = 1;
}

static void put(int fd, const char *s) {
    size_t n = strlen(s);
    while (n > 0) {
        ssize_t r = write(fd, s, n);
        if (r <= 0) return;
        s += r;
        n -= (size_t)r;
    }
}

/// Restores the saved termios and leaves the alternate screen (safe to call more than once).
static void restore_terminal(void) {
    // Mouse off, keypad (application cursor and keypad) off, cursor on, attributes reset,
    // leave the alternate screen.
    put(STDOUT_FILENO, "\033[?1000l\033[?1002l\033[?1003l\033[?1006l\033[?1l\033>\033[0m\033[?25h\033[?1049l\r\n");
    if (have_saved) tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
}

void tg_set_report_path(const char *path) {
    if (!path) { report_path[0] = 0; return; }
    strncpy(report_path, path, sizeof report_path - 1);
    report_path[sizeof report_path - 1] = 0;
}

static const char *signal_name(int sig) {
    switch (sig) {
    case SIGSEGV: return "SIGSEGV";
    case SIGBUS: return "SIGBUS";
    case SIGILL: return "SIGILL";
    case SIGFPE: return "SIGFPE";
    case SIGABRT: return "SIGABRT";
    case SIGTRAP: return "SIGTRAP";
    default: return "signal";
    }
}

/// Decimal digits of `v` into `buf` (async-signal-safe; no printf).
static void decimal(long v, char *buf) {
    char tmp[24];
    int i = 0;
    if (v < 0) { *buf++ = '-'; v = -v; }
    do { tmp[i++] = (char)('0' + v % 10); v /= 10; } while (v > 0 && i < 23);
    while (i > 0) *buf++ = tmp[--i];
    *buf = 0;
}

static void on_terminate(int sig) { pending = sig; }

static void on_crash(int sig) {
    if (!crashing) {
        crashing = 1;
        restore_terminal();
        const char *where = "standard error";
        if (report_path[0]) {
            int fd = open(report_path, O_WRONLY | O_CREAT | O_APPEND, 0600);
            if (fd >= 0) {
                char num[24];
                put(fd, "aifprep crashed: ");
                put(fd, signal_name(sig));
                put(fd, " (signal ");
                decimal(sig, num);
                put(fd, num);
                put(fd, ") at unix time ");
                decimal((long)time(NULL), num);
                put(fd, num);
                put(fd, ", pid ");
                decimal((long)getpid(), num);
                put(fd, num);
                put(fd, "\n");
                close(fd);
                where = report_path;
            }
        }
        put(STDERR_FILENO, "aifprep crashed (");
        put(STDERR_FILENO, signal_name(sig));
        put(STDERR_FILENO, "); the terminal has been restored. A report was written to ");
        put(STDERR_FILENO, where);
        put(STDERR_FILENO, ".\n");
    }
    signal(sig, SIG_DFL);
    raise(sig);
}

void tg_install_handlers(void) {
    // A parent may have left these blocked (some launchers do); the app must still hear them.
    sigset_t wanted;
    sigemptyset(&wanted);
    sigaddset(&wanted, SIGINT);
    sigaddset(&wanted, SIGTERM);
    sigaddset(&wanted, SIGHUP);
    sigaddset(&wanted, SIGQUIT);
    sigaddset(&wanted, SIGTSTP);
    sigaddset(&wanted, SIGCONT);
    sigaddset(&wanted, SIGWINCH);
    sigprocmask(SIG_UNBLOCK, &wanted, NULL);

    // Crash handlers run on their own stack, so a stack overflow can still restore the terminal.
    static char *alt_stack = NULL;
    if (!alt_stack) {
        size_t size = 64 * 1024;
        alt_stack = malloc(size);
        if (alt_stack) {
            stack_t ss;
            memset(&ss, 0, sizeof ss);
            ss.ss_sp = alt_stack;
            ss.ss_size = size;
            sigaltstack(&ss, NULL);
        }
    }

    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_terminate;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    // Ctrl-\ quits like SIGTERM: no core dump or crash report over the live screen.
    sigaction(SIGQUIT, &sa, NULL);

    struct sigaction crash;
    memset(&crash, 0, sizeof crash);
    crash.sa_handler = on_crash;
    sigemptyset(&crash.sa_mask);
    crash.sa_flags = SA_RESETHAND | SA_ONSTACK | SA_NODEFER;
    sigaction(SIGSEGV, &crash, NULL);
    sigaction(SIGBUS, &crash, NULL);
    sigaction(SIGILL, &crash, NULL);
    sigaction(SIGFPE, &crash, NULL);
    sigaction(SIGABRT, &crash, NULL);
    sigaction(SIGTRAP, &crash, NULL);
}

int tg_pending_signal(void) { return pending; }

/// For the fault suite: crash the way a bug would.
static int overflow_depth(volatile int *p, int n) {
    volatile char pad[4096];
    pad[0] = (char)n;
    if (p) *p = pad[0];
    return overflow_depth(p, n + 1) + pad[0];
}

void tg_force_crash(const char *kind) {
    if (kind && strcmp(kind, "overflow") == 0) {
        volatile int sink = 0;
        overflow_depth(&sink, 0);
    } else if (kind && strcmp(kind, "abort") == 0) {
        abort();
    } else {
        volatile int *null = NULL;
        *null = 1;
    }
}

int tg_open_pty(char *slave_name, int length, int cols, int rows) {
    int master = posix_openpt(O_RDWR | O_NOCTTY);
    if (master < 0) return -1;
    if (grantpt(master) != 0 || unlockpt(master) != 0 || ptsname_r(master, slave_name, (size_t)length) != 0) {
        close(master);
        return -1;
    }
    struct winsize ws;
    memset(&ws, 0, sizeof ws);
    ws.ws_col = (unsigned short)cols;
    ws.ws_row = (unsigned short)rows;
    ioctl(master, TIOCSWINSZ, &ws);
    return master;
}
