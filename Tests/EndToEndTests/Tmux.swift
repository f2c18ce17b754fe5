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

    init(name: String = #function) throws {
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
            "SWIFT_BACKTRACE": "interactive=no",
        ]
    }

    /// Starts `command` (default: the aifprep binary) in a new session of the given size.
    func start(_ command: String? = nil, width: Int = 80, height: Int = 24, extraEnv: [String: String] = [:]) throws {
        var args = ["tmux", "-L", socket, "-u", "-f", "/dev/null", "new-session", "-d", "-x", "\(width)", "-y", "\(height)"]
        for (k, v) in environment.merging(extraEnv, uniquingKeysWith: { $1 }) { args += ["-e", "\(k)=\(v)"] }
        args.append(command ?? Self.binary.path)
        // The tmux server daemonises and would inherit an output pipe, so a read would never see EOF.
        let r = try Self.run(args, captureOutput: false)
        guard r.status == 0 else { throw TmuxError.failed("new-session exited with \(r.status)") }
        _ = try Self.run(["tmux", "-L", socket, "set-option", "-g", "remain-on-exit", "on"], captureOutput: false)
        started = true
    }

    func send(_ keys: String...) throws {
        _ = try Self.run(["tmux", "-L", socket, "send-keys", "-t", "0"] + keys)
    }

    /// Sends text literally (no key-name lookup).
    func type(_ text: String) throws {
        _ = try Self.run(["tmux", "-L", socket, "send-keys", "-t", "0", "-l", text])
    }

    func resize(width: Int, height: Int) throws {
        _ = try Self.run(["tmux", "-L", socket, "resize-window", "-t", "0", "-x", "\(width)", "-y", "\(height)"])
    }

    func capture() throws -> [String] {
        let r = try Self.run(["tmux", "-L", socket, "capture-pane", "-p", "-t", "0"])
        var lines = r.output.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    var screen: String { ((try? capture()) ?? []).joined(separator: "\n") }

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

    /// Whether the program in the pane has exited (remain-on-exit keeps the pane), and its status.
    func exitStatus() throws -> Int? {
        let r = try Self.run(["tmux", "-L", socket, "display-message", "-p", "-t", "0", "#{pane_dead} #{pane_dead_status}"])
        let parts = r.output.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: " ")
        guard parts.first == "1" else { return nil }
        return parts.count > 1 ? Int(parts[1]) : -1
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

    @discardableResult
    static func run(_ args: [String], input: String? = nil, environment: [String: String]? = nil,
                    captureOutput: Bool = true) throws -> (status: Int32, output: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = args
        if let environment { p.environment = environment }
        let out = Pipe()
        if captureOutput {
            p.standardOutput = out
            p.standardError = out
        } else {
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
        }
        let inPipe = Pipe()
        p.standardInput = captureOutput || input != nil ? inPipe : FileHandle.nullDevice
        try p.run()
        if let input { inPipe.fileHandleForWriting.write(Data(input.utf8)) }
        try? inPipe.fileHandleForWriting.close()
        let data = captureOutput ? out.fileHandleForReading.readDataToEndOfFile() : Data()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
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
