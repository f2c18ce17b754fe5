import AIFCore
import Foundation
import NcursesBackend
import Screens
import TerminalUI

/// Runs the full-screen app and guarantees the terminal is given back: on quit, on SIGINT/SIGTERM/SIGHUP/SIGQUIT
/// (handlers only set a flag the loop polls) and on a crash, stack overflow included (the C guard restores
/// the tty and keypad mode on an alternate stack, says so in one line, then re-raises).
enum TerminalSession {
    static func run(context: AppContext, home: HomeScreen) -> Int32 {
        TerminalGuard.install()
        let terminal = NcursesTerminal()
        let environment = ProcessInfo.processInfo.environment
        // For the fault suite and `make bench`: crash, or stop, once the first frame is on screen.
        let crashKind = environment["AIFPREP_TEST_CRASH"]
        let exitAfterFirstFrame = environment["AIFPREP_EXIT_AFTER_FIRST_FRAME"] == "1"
        let runtime = Runtime(
            backend: terminal,
            minimumSize: AppModel.minimumSize,
            isJapanese: { context.isJapanese },
            shouldStop: {
                if let crashKind { TerminalGuard.forceCrash(crashKind) }
                return exitAfterFirstFrame || TerminalGuard.pendingSignal != 0
            }
        )
        var app = AppModel(root: home, context: context)
        runtime.run(&app)
        terminal.shutdown()
        if environment["AIFPREP_REPORT_PEAK_RSS"] == "1" { reportPeakRSS() }
        let sig = TerminalGuard.pendingSignal
        return sig == 0 ? 0 : 128 + sig
    }

    /// For `make bench`: this process's peak resident memory (VmHWM), on stderr. Measured here because a
    /// parent's `wait4` reports the larger of it and the parent's own peak (Linux carries the peak across
    /// `posix_spawn`'s exec).
    static func reportPeakRSS() {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
        else { return }
        let kB = line.dropFirst("VmHWM:".count).trimmingCharacters(in: .whitespaces).split(separator: " ").first ?? "?"
        FileHandle.standardError.write(Data("aifprep peak RSS: \(kB) kB\n".utf8))
    }

    static func isInteractive() -> Bool { isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 }

    /// Whether the locale can show Japanese; checked before ncurses starts so the context knows.
    static func localeIsUTF8() -> Bool {
        setlocale(LC_ALL, "")
        return NcursesTerminal.localeIsUTF8()
    }
}
