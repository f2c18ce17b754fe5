import Foundation
import Testing

/// Drives the real aifprep binary in a private tmux server. Every wait polls `capture-pane` for the
/// expected text; nothing sleeps for a fixed time to "let it settle".
final class Tmux {
    let socket: String
    let dataDir: URL
    let configDir: URL
    private(set) var started = false

    static var binary: URL {
        if let p = ProcessInfo.processInfo.environment["AIFPREP_BIN"] { return URL(fileURLWithPath: p) }
        // The test runner lives in the build products folder, next to the aifprep executable.
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var dir = runner.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("aifprep")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return runner.deletingLastPathComponent().appendingPathComponent("aifprep")
    }

    static var available: Bool {
        (try? run(["tmux", "-V"]))?.status == 0
    }

    /// Whether the tests run in CI: `CI` set to anything but empty, `0` or `false` (`.ci/run` sets `CI=true`).
    static let inCI: Bool = {
        guard let ci = ProcessInfo.processInfo.environment["CI"] else { return false }
        return !["", "0", "false"].contains(ci.lowercased())
    }()

    /// Skips a test that needs tmux when it is missing, except in CI, where the test runs and fails in `init`.
    static let needed = ConditionTrait.enabled(if: available || inCI, "tmux is not installed")

    struct Missing: Error, CustomStringConvertible {
        var description: String {
            "tmux is not installed; in CI (CI is set) an end-to-end test must run, not be skipped — `make test` installs it"
        }
    }

    init(name: String = #function) throws {
        guard Self.available else { throw Missing() }
        let id = "\(name.filter { $0.isLetter || $0.isNumber })-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        socket = "aifprep-test-\(id)"
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("aifprep-e2e-\(id)")
        dataDir = base.appendingPathComponent("data")
        configDir = base.appendingPathComponent("config")
        try FileManager.default.createDirectory(at: dataDir, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: configDir, withIntermediateDirectories: true)
    }

    deinit {
        _ = try? Self.run(["tmux", "-L", socket, "kill-server"], captureOutput: false)
        try? FileManager.default.removeItem(at: dataDir.deletingLastPathComponent())
    }

    var environment: [String: String] {
        [
            "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TERM": "xterm-256color",
            "AIFPREP_DATA_DIR": dataDir.path, "XDG_CONFIG_HOME": configDir.path,
            "SWIFT_BACKTRACE": "interactive=no", "AIFPREP_CACHE_DIR": Self.sharedCache.path,
        ]
    }

    /// One validated content cache for every test of a run, filled once before the first start: a debug
    /// build parses the full bank for many seconds, which every fresh data folder would otherwise repeat.
    static let sharedCache: URL = {
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("aifprep-e2e-cache-\(getpid())")
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("aifprep-e2e-warm-\(getpid())")
        var env = ProcessInfo.processInfo.environment
        env["AIFPREP_CACHE_DIR"] = cache.path
        env["AIFPREP_DATA_DIR"] = data.path
        _ = try? Tmux.run([binary.path, "exam", "--plain", "--count", "1", "--seed", "1", "--new"], input: "submit\n", environment: env)
        try? FileManager.default.removeItem(at: data)
        return cache
    }()

    /// Starts `command` (default: the aifprep binary) in a new session of the given size, replacing the
    /// session a previous `start` made. With `reportExit`, a shell prints the command's exit status into
    /// the pane afterwards, where `waitForExit` reads it.
    func start(_ command: String? = nil, width: Int = 80, height: Int = 24, extraEnv: [String: String] = [:],
               reportExit: Bool = true) throws {
        if started { _ = try Self.run(["tmux", "-L", socket, "kill-session", "-t", Self.session], captureOutput: false) }
        // remain-on-exit from the server's first moment, so the pane (and its last words) stay after exit.
        let conf = dataDir.deletingLastPathComponent().appendingPathComponent("tmux.conf")
        try "set -g remain-on-exit on\n".write(to: conf, atomically: true, encoding: .utf8)
        var args = ["tmux", "-L", socket, "-u", "-f", conf.path, "new-session", "-d", "-s", Self.session,
                    "-x", "\(width)", "-y", "\(height)"]
        for (k, v) in environment.merging(extraEnv, uniquingKeysWith: { $1 }) { args += ["-e", "\(k)=\(v)"] }
        let program = command ?? Self.binary.path
        args.append(reportExit ? "\(program); printf '\\n%s%s\\n' '\(Self.exitMarker)' \"$?\"" : program)
        let r = try Self.run(args, captureOutput: false)
        guard r.status == 0 else { throw TmuxError.failed("new-session exited with \(r.status)") }
        started = true
    }

    static let session = "e2e"
    static let exitMarker = "AIFPREP-EXITED-WITH="

    func send(_ keys: String...) throws {
        _ = try Self.run(["tmux", "-L", socket, "send-keys", "-t", Self.session] + keys)
    }

    /// Sends text literally (no key-name lookup).
    func type(_ text: String) throws {
        _ = try Self.run(["tmux", "-L", socket, "send-keys", "-t", Self.session, "-l", text])
    }

    func resize(width: Int, height: Int) throws {
        _ = try Self.run(["tmux", "-L", socket, "resize-window", "-t", Self.session, "-x", "\(width)", "-y", "\(height)"])
    }

    func capture() throws -> [String] {
        // -N keeps trailing spaces, so a line's width is what the terminal shows.
        let r = try Self.run(["tmux", "-L", socket, "capture-pane", "-p", "-N", "-t", Self.session])
        var lines = r.output.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    var screen: String { ((try? capture()) ?? []).joined(separator: "\n") }

    /// Copies the raw bytes the program writes (escape sequences included) to `file` from now on.
    func pipeOutput(to file: URL) throws {
        FileManager.default.createFile(atPath: file.path, contents: nil)
        _ = try Self.run(["tmux", "-L", socket, "pipe-pane", "-O", "-t", Self.session, "cat >> '\(file.path)'"], captureOutput: false)
    }

    /// Polls the pane until `predicate` holds or `timeout` passes; returns the last capture either way.
    @discardableResult
    func waitUntil(timeout: TimeInterval = 15, _ predicate: (String) -> Bool) throws -> (ok: Bool, screen: String) {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        repeat {
            last = try capture().joined(separator: "\n")
            if predicate(last) { return (true, last) }
            usleep(30_000)
        } while Date() < deadline
        return (false, last)
    }

    @discardableResult
    func waitFor(_ text: String, timeout: TimeInterval = 15, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let r = try waitUntil(timeout: timeout) { $0.contains(text) }
        #expect(r.ok, "timed out waiting for \"\(text)\"; screen was:\n\(r.screen)", sourceLocation: sourceLocation)
        if !r.ok { throw TmuxError.timeout(text) }
        return r.screen
    }

    /// The pid of the process the pane started (e.g. the shell).
    func panePID() throws -> pid_t? {
        let r = try Self.run(["tmux", "-L", socket, "display-message", "-p", "-t", Self.session, "#{pane_pid}"])
        return pid_t(r.output.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// The exit status printed after the command ended (see `start(reportExit:)`), once it is on screen.
    func exitStatus() throws -> Int? {
        let screen = try capture().joined(separator: "\n")
        guard let r = screen.range(of: Self.exitMarker) else { return nil }
        return Int(screen[r.upperBound...].prefix { $0.isNumber })
    }

    func waitForExit(timeout: TimeInterval = 15) throws -> Int? {
        let deadline = Date().addingTimeInterval(timeout)
        repeat {
            if let s = try exitStatus() { return s }
            usleep(30_000)
        } while Date() < deadline
        return nil
    }

    enum TmuxError: Error { case failed(String), timeout(String) }

    /// Runs a command to completion; stdout and stderr together in `output`.
    ///
    /// Spawned directly rather than with Foundation's `Process`: test runners block signals in their
    /// threads and `Process` passes that mask on, which leaves tmux unable to reap its client and the
    /// app deaf to SIGTERM. Output goes through a file, because the tmux server daemonises and would
    /// keep a pipe open forever.
    @discardableResult
    static func run(_ args: [String], input: String? = nil, environment: [String: String]? = nil,
                    captureOutput: Bool = true) throws -> (status: Int32, output: String) {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("aifprep-run-\(UUID().uuidString)")
        let outURL = scratch.appendingPathExtension("out"), inURL = scratch.appendingPathExtension("in")
        defer {
            try? FileManager.default.removeItem(at: outURL)
            try? FileManager.default.removeItem(at: inURL)
        }
        try Data((input ?? "").utf8).write(to: inURL)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, inURL.path, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, captureOutput ? outURL.path : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)

        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attr, &none)
        posix_spawnattr_setsigdefault(&attr, &all)
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let env = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
        let argv = (["/usr/bin/env"] + args).map { strdup($0) } + [nil]
        let envp = env.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid = pid_t()
        let rc = posix_spawn(&pid, "/usr/bin/env", &actions, &attr, argv, envp)
        guard rc == 0 else { throw TmuxError.failed("cannot run \(args.first ?? ""): \(String(cString: strerror(rc)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let exit = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        let output = captureOutput ? ((try? String(contentsOf: outURL, encoding: .utf8)) ?? "") : ""
        return (exit, output)
    }
}

/// Display width as the terminal counts it, for checking that every captured line fills the pane exactly.
func columns(_ s: String) -> Int {
    s.unicodeScalars.reduce(0) { acc, u in
        let v = u.value
        if u.properties.generalCategory == .nonspacingMark { return acc }
        let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
            || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1FAFF).contains(v) || (0x20000...0x3FFFD).contains(v)
        return acc + (wide ? 2 : 1)
    }
}
