#ifndef CTERMINALGUARD_H
#define CTERMINALGUARD_H
/// Signal handling that is safe in a signal context: handlers only record the signal; the event loop polls it.
/// SIGINT, SIGTERM, SIGHUP and SIGQUIT end the app normally. Crash signals (on an alternate stack, so a
/// stack overflow is caught too) restore the terminal from the saved termios and escape sequences
/// (keypad mode included), print one line saying so and where the report went, then re-raise.
void tg_save_terminal(void);
void tg_install_handlers(void);
/// Where the crash handler appends a one-line report (NULL: standard error only).
void tg_set_report_path(const char *path);
/// The last termination signal received (SIGINT, SIGTERM, SIGHUP, SIGQUIT), or 0.
int tg_pending_signal(void);
/// Crashes on purpose ("segv", "abort" or "overflow"), for the fault suite.
void tg_force_crash(const char *kind);
/// A pseudo-terminal of the given size for `make bench`'s cold start: returns the master fd (or -1) and
/// writes the slave's path into `slave_name`.
int tg_open_pty(char *slave_name, int length, int cols, int rows);
#endif
