#ifndef CTERMINALGUARD_H
#define CTERMINALGUARD_H
/// Signal handling that is safe in a signal context: handlers only record the signal; the event loop polls it.
/// Crash signals restore the terminal from the saved termios and escape sequences, then re-raise.
void tg_save_terminal(void);
void tg_install_handlers(void);
/// The last termination signal received (SIGINT, SIGTERM, SIGHUP), or 0.
int tg_pending_signal(void);
void tg_clear_pending(void);
/// Restores the saved termios and leaves the alternate screen (safe to call more than once).
void tg_restore_terminal(void);
#endif
