import Foundation
import Testing

/// Issue 10's fault suite against the real binary: signals and crashes give the terminal back (keypad
/// mode included), one process owns the data, kills lose nothing, bad terminals get aifprep's own words,
/// and memory stays flat. Every wait polls the pane; nothing sleeps.
@Suite("Faults end to end", .serialized, Tmux.needed)
struct FaultEndToEndTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("AIFCoreTests/Fixtures/content/valid")
    /// The small fixture content: a debug build starts on it in a moment, where the full bank takes seconds.
    static let env = ["AIFPREP_CONTENT": fixture.path]

    func keypadFlags(_ t: Tmux) throws -> String {
        try Tmux.run(["tmux", "-L", t.socket, "display-message", "-p", "-t", Tmux.session, "#{keypad_cursor_flag}#{keypad_flag}"])
            .output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func appPID(_ t: Tmux) throws -> String {
        let shell = try #require(try t.panePID())
        let pids = try Tmux.run(["pgrep", "-P", "\(shell)"]).output.split(separator: "\n").map(String.init)
        return try #require(pids.first)
    }

    /// Ctrl-\ (SIGQUIT) and the kill signals end the app like q does: tty and keypad mode restored, no crash report.
    @Test(arguments: ["C-\\", "QUIT", "TERM"])
    func quitSignalsRestoreTheTerminal(how: String) throws {
        let t = try Tmux(name: "fault-quit-\(how)")
        try t.start("/bin/sh", extraEnv: Self.env, reportExit: false)
        try t.type("PS1='$ '; \(Tmux.binary.path); echo \"EX\"\"IT=$?\"; stty -a | tr ' ' '\\n' | grep -E '^-?(icanon|echo)$' | tr '\\n' ' '; echo \"EN\"\"D\"\n")
        try t.waitFor("Study modes")
        #expect(try keypadFlags(t) != "00", "the app should have turned keypad mode on")
        if how.hasPrefix("C-") { try t.send(how) } else { _ = try Tmux.run(["kill", "-\(how)", try appPID(t)]) }
        let screen = try t.waitFor("END", timeout: 5)
        #expect(screen.contains("icanon echo END"), "tty not restored:\n\(screen)")
        #expect(!screen.contains("Study modes"))
        #expect(!screen.contains("Crash") && !screen.contains("crashed"))
        #expect(try keypadFlags(t) == "00")
    }

    /// A real crash (segfault, abort, stack overflow) restores the tty and keypad mode and says where the report went.
    @Test(arguments: ["segv", "abort", "overflow"])
    func aCrashRestoresTheTerminalAndSaysSo(kind: String) throws {
        let t = try Tmux(name: "fault-crash-\(kind)")
        try t.start("/bin/sh", extraEnv: Self.env.merging(["AIFPREP_TEST_CRASH": kind]) { $1 }, reportExit: false)
        try t.type("PS1='$ '; \(Tmux.binary.path); echo \"EX\"\"IT=$?\"; stty -a | tr ' ' '\\n' | grep -E '^-?(icanon|echo)$' | tr '\\n' ' '; echo \"EN\"\"D\"\n")
        let screen = try t.waitFor("END", timeout: 20)
        #expect(screen.contains("aifprep crashed"), "\(screen)")
        #expect(screen.contains("the terminal has been restored"), "\(screen)")
        #expect(screen.contains("crash-report.txt"), "\(screen)")
        #expect(screen.contains("icanon echo END"), "tty not restored:\n\(screen)")
        #expect(try keypadFlags(t) == "00")
        let report = try String(contentsOf: t.dataDir.appendingPathComponent("crash-report.txt"), encoding: .utf8)
        #expect(report.contains("aifprep crashed: SIG"))
    }

    /// Two processes on one data directory: the second (the app or `exam --plain`) is refused by pid.
    @Test func aSecondProcessOnTheSameDataIsRefused() throws {
        let t = try Tmux(name: "fault-lock")
        try t.start(extraEnv: Self.env)
        try t.waitFor("Study modes")
        let pid = try appPID(t)
        var env = ProcessInfo.processInfo.environment
        for (k, v) in t.environment { env[k] = v }
        let plain = try Tmux.run([Tmux.binary.path, "exam", "--plain", "--content", Self.fixture.path, "--count", "1"],
                                 input: "1\n", environment: env)
        #expect(plain.status == 1)
        #expect(plain.output.contains("aifprep is already open on this data — pid \(pid)"), "\(plain.output)")
        let second = try Tmux(name: "fault-lock-second")
        let log = second.dataDir.appendingPathComponent("stderr.txt")
        try second.start("\(Tmux.binary.path) 2>\(log.path)", extraEnv: Self.env.merging(["AIFPREP_DATA_DIR": t.dataDir.path]) { $1 })
        #expect(try second.waitForExit() == 1)
        let refused = try String(contentsOf: log, encoding: .utf8)
        #expect(refused.contains("aifprep is already open on this data — pid \(pid)"), "\(refused)")
        try t.send("q")
        #expect(try t.waitForExit() == 0)
        // Once the first has quit, the data is free again.
        let after = try Tmux.run([Tmux.binary.path, "exam", "--plain", "--content", Self.fixture.path, "--count", "1", "--seed", "1"],
                                 input: "1\n", environment: env)
        #expect(after.status == 0, "\(after.output)")
    }

    /// SIGKILL mid `exam --plain` (a flag set, two questions passed): the next run resumes at question 3 with the flag kept.
    @Test func plainExamSurvivesSIGKILLAndResumes() throws {
        let t = try Tmux(name: "fault-plain-kill")
        let command = "\(Tmux.binary.path) exam --plain --content \(Self.fixture.path) --count 3 --seed 5 --time-limit 30 --review none"
        try t.start(command)
        try t.waitFor("Question 1 of 3")
        try t.type("flag\n")
        try t.waitFor("Flagged for review.")
        try t.type("skip\n")
        try t.waitFor("Question 2 of 3")
        try t.type("skip\n")
        try t.waitFor("Question 3 of 3")
        _ = try Tmux.run(["kill", "-KILL", try appPID(t)])
        #expect(try t.waitForExit(timeout: 30) == 137)
        try t.start(command)
        try t.waitFor("Resuming the unfinished exam: 0 of 3 answered")
        try t.waitFor("Question 3 of 3")
        try t.type("back\n")
        try t.type("back\n")
        try t.waitFor("Question 1 of 3")
        let flags = try Tmux.run(["sqlite3", t.dataDir.appendingPathComponent("progress.sqlite").path,
                                  "SELECT json_extract(attempt_json, '$.flagged') FROM quiz_attempt WHERE finished_at IS NULL"])
        if flags.status == 0 { #expect(flags.output.hasPrefix("[true,false,false]"), "the flag did not survive the kill: \(flags.output)") }
        try t.type("submit\n")
        try t.waitFor("Result:")
    }

    /// SIGKILL mid-study: both ratings given before the kill are kept (the review count shows them) and
    /// the restarted app opens normally on the same data (the lock died with the process).
    @Test func studySurvivesSIGKILL() throws {
        let t = try Tmux(name: "fault-study-kill")
        try t.start(extraEnv: Self.env)
        try t.waitFor("Study modes")
        try t.send("f")
        try t.waitFor("What to study")
        try t.send("Enter")
        for rating in ["4", "3"] {
            try t.waitFor("show the answer")
            try t.send("Space")
            try t.waitFor("3 Good")
            try t.send(rating)
        }
        try t.waitFor("show the answer")
        _ = try Tmux.run(["kill", "-KILL", try appPID(t)])
        let code = try t.waitForExit(timeout: 30)
        #expect(code != nil && code != 0, "exit status \(String(describing: code))")
        let count = try Tmux.run(["sqlite3", t.dataDir.appendingPathComponent("progress.sqlite").path, "SELECT count(*) FROM review_log"])
        if count.status == 0 { #expect(count.output.trimmingCharacters(in: .whitespacesAndNewlines) == "2") }
        try t.start(extraEnv: Self.env)
        try t.waitFor("Study modes")
        try t.send("q")
        #expect(try t.waitForExit() == 0)
    }

    /// SIGKILL mid-exam in the app: the flag set before the kill is kept and the exam offered for resuming.
    @Test func appExamSurvivesSIGKILL() throws {
        let t = try Tmux(name: "fault-exam-kill")
        try t.start("\(Tmux.binary.path) --seed 1", extraEnv: ["AIFPREP_CONTENT": Self.fixture.path])
        try t.waitFor("Study modes")
        try t.send("Q")
        try t.waitFor("Exam simulation")
        try t.send("e")
        try t.waitFor("Question 1 of")
        try t.send("f")
        try t.waitFor("⚑ flagged")
        _ = try Tmux.run(["kill", "-KILL", try appPID(t)])
        #expect(try t.waitForExit() != 0)
        try t.start(extraEnv: ["AIFPREP_CONTENT": Self.fixture.path])
        try t.waitFor("Study modes")
        try t.send("Q")
        try t.waitFor("Resume unfinished quiz")
        try t.send("r")
        try t.waitFor("⚑ flagged")
        try t.send("q")
        try t.waitFor("Resume unfinished quiz")
        try t.send("q")
        try t.send("q")
        #expect(try t.waitForExit() == 0)
    }

    /// TERM=dumb, an unknown TERM and none at all: aifprep's own words and a pointer to `exam --plain`.
    @Test(arguments: [("dumb", "cannot move the cursor"), ("no-such-terminal-xyz", "is unknown"), ("", "TERM is not set")])
    func unusableTerminalsGetAClearMessage(term: String, says: String) throws {
        let t = try Tmux(name: "fault-term-\(term)")
        // Through env: tmux sets TERM for its panes itself.
        let setTerm = term.isEmpty ? "-u TERM" : "TERM=\(term)"
        // The message goes to stderr, kept in a file: the pane's own redraws must not hide it.
        let log = t.dataDir.appendingPathComponent("stderr.txt")
        try t.start("/usr/bin/env \(setTerm) \(Tmux.binary.path) 2>\(log.path)", extraEnv: Self.env)
        #expect(try t.waitForExit() == 1)
        let message = try String(contentsOf: log, encoding: .utf8)
        #expect(message.contains(says), "\(message)")
        #expect(message.contains("exam --plain"))
        #expect(!message.contains("Error opening terminal"))
    }

    @Test func aTinyTerminalShowsAReadableMessage() throws {
        let t = try Tmux(name: "fault-tiny")
        try t.start(width: 10, height: 5, extraEnv: Self.env)
        let screen = try t.waitFor("small")
        #expect(screen.contains("60×18") || screen.contains("need"), "\(screen)")
        try t.resize(width: 80, height: 24)
        try t.waitFor("Study modes")
        try t.send("q")
        #expect(try t.waitForExit() == 0)
    }

    /// Escape sequences in content reach no output raw, and lint names them with FILE:LINE:COL.
    @Test func hostileContentIsSanitisedInPlainModeAndReportedByLint() throws {
        let manager = FileManager.default
        let content = manager.temporaryDirectory.appendingPathComponent("aifprep-hostile-\(UUID().uuidString)").appendingPathComponent("Content")
        try manager.createDirectory(at: content.deletingLastPathComponent(), withIntermediateDirectories: true)
        try manager.copyItem(at: Self.fixture, to: content)
        defer { try? manager.removeItem(at: content.deletingLastPathComponent()) }
        let core = content.appendingPathComponent("questions/core.yaml")
        let text = try String(contentsOf: core, encoding: .utf8)
        let hostile = text.replacingOccurrences(of: "en: Which term describes **learning from labeled examples**?",
                                                with: #"en: "Which term\e]52;c;ZXZpbA==\a\e[2J\a\x9b31m\u202E\u200B describes it?""#)
        #expect(hostile != text)
        try hostile.write(to: core, atomically: true, encoding: .utf8)
        let data = try Tmux(name: "fault-hostile").dataDir
        var env = ProcessInfo.processInfo.environment
        env["AIFPREP_DATA_DIR"] = data.path
        // Every question of the fixture, so the hostile one is certainly drawn.
        let seen = try Tmux.run([Tmux.binary.path, "exam", "--plain", "--content", content.path, "--count", "6", "--seed", "1", "--new"],
                                input: String(repeating: "skip\n", count: 6) + "submit\n", environment: env).output
        #expect(seen.contains("Which term describes it?"), "the hostile question was never drawn")
        let unsafe = seen.unicodeScalars.filter { [0x1B, 0x07, 0x9B, 0x202E, 0x200B].contains($0.value) }
        #expect(unsafe.isEmpty, "raw control characters reached stdout: \(unsafe.map { String($0.value, radix: 16) })")
        let lint = try Tmux.run([Tmux.binary.path, "content", "lint", "--content", content.path], environment: env)
        #expect(lint.status == 1)
        #expect(lint.output.contains("Content/questions/core.yaml:8:"), "\(lint.output)")
        #expect(lint.output.contains("U+001B written as an escape"))
        #expect(lint.output.unicodeScalars.allSatisfy { ![0x1B, 0x07, 0x9B, 0x202E].contains($0.value) })
    }

    /// A file size limit (a full disk) gets its own message, never "move it away".
    @Test func aFullDiskIsNamedAsSuch() throws {
        let data = try Tmux(name: "fault-full").dataDir
        let r = try Tmux.run(["/bin/bash", "-c", "ulimit -f 4; exec \"$0\" exam --plain --content \"$1\" --count 1 --seed 1",
                              Tmux.binary.path, Self.fixture.path],
                             input: "1\n", environment: ProcessInfo.processInfo.environment.merging(["AIFPREP_DATA_DIR": data.path]) { $1 })
        #expect(r.output.contains("disk holding your progress is full"), "\(r.output)")
        #expect(!r.output.contains("move it away"))
        #expect(r.output.contains("Result:"), "the exam itself still runs: \(r.output)")
    }

    /// Read-only data, checked as an unprivileged user (root ignores permissions).
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")))
    func readOnlyDataGetsItsOwnMessages() throws {
        let base = try Tmux(name: "fault-readonly").dataDir
        let folder = base.appendingPathComponent("ro-folder")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        chmod(base.path, 0o777)
        chmod(folder.path, 0o555)
        func run(_ dir: URL) throws -> String {
            try Tmux.run(["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                          Tmux.binary.path, "exam", "--plain", "--content", Self.fixture.path, "--count", "1", "--seed", "1",
                          "--data-dir", dir.path], input: "1\n",
                         environment: ["PATH": "/usr/bin:/bin", "HOME": "/tmp", "LANG": "C.UTF-8"]).output
        }
        let empty = try run(folder)
        #expect(empty.contains("The folder for your progress cannot be written"), "\(empty)")
        #expect(!empty.contains("move it away"))
        // A file this build wrote, made read-only.
        let writable = base.appendingPathComponent("rw-folder")
        try FileManager.default.createDirectory(at: writable, withIntermediateDirectories: true)
        chmod(writable.path, 0o777)
        _ = try run(writable)
        let db = writable.appendingPathComponent("progress.sqlite")
        #expect(FileManager.default.fileExists(atPath: db.path))
        chmod(db.path, 0o444)
        let readOnly = try run(writable)
        #expect(readOnly.contains("Your progress file is read-only"), "\(readOnly)")
        #expect(!readOnly.contains("cannot be read"))
    }

    /// Memory stays flat while the app is driven round its screens. Short here; AIFPREP_SOAK_MINUTES=10 for the long run.
    @Test(.timeLimit(.minutes(15))) func soakKeepsMemoryFlat() throws {
        let minutes = ProcessInfo.processInfo.environment["AIFPREP_SOAK_MINUTES"].flatMap(Double.init)
        let t = try Tmux(name: "fault-soak")
        try t.start(extraEnv: Self.env)
        try t.waitFor("Study modes")
        let pid = try appPID(t)
        func rssKB() throws -> Int {
            let status = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
            let line = try #require(status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") })
            return try #require(Int(line.split(separator: " ").dropFirst().first { !$0.isEmpty } ?? ""))
        }
        var samples: [Int] = []
        let deadline = minutes.map { Date().addingTimeInterval($0 * 60) }
        var round = 0
        repeat {
            try t.send("t")
            try t.waitFor("Learning rate")
            try t.send("q")
            try t.waitFor("Study modes")
            try t.send("?")
            try t.waitFor("Press ? or Esc to close")
            try t.send("Escape")
            try t.waitUntil { !$0.contains("Press ? or Esc to close") && $0.contains("Study modes") }
            try t.resize(width: round % 2 == 0 ? 100 : 80, height: 24 + round % 3)
            samples.append(try rssKB())
            round += 1
        } while deadline.map { Date() < $0 } ?? (round < 12)
        let settled = Array(samples.dropFirst(samples.count / 3))
        let growth = (settled.max() ?? 0) - (settled.min() ?? 0)
        print("soak: \(round) rounds, RSS \(samples.first ?? 0) → \(samples.last ?? 0) kB (max \(samples.max() ?? 0) kB)")
        #expect(growth < 8 * 1024, "RSS grew by \(growth) kB after warm-up: \(samples)")
        #expect((samples.max() ?? 0) < 60 * 1024)
        try t.send("q")
        #expect(try t.waitForExit() == 0)
    }
}
