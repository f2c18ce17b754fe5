import CTerminalGuard
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Spawns `aifprep` (next to this binary in the build folder) on a pseudo-terminal with
/// AIFPREP_EXIT_AFTER_FIRST_FRAME=1, so it quits as soon as its first frame is drawn.
enum ColdStart {
    static func run(contentDir: URL) {
        let me = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let binary = me.deletingLastPathComponent().appendingPathComponent("aifprep").path
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            MainActor.assumeIsolated {
                report("cold start to first frame", "aifprep not built next to Benchmarks (make bench builds it)", target: "< 150 ms", ok: false)
            }
            return
        }
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("aifprep-bench-data-\(getpid())")
        defer { try? FileManager.default.removeItem(at: data) }
        var env = ProcessInfo.processInfo.environment
        env["AIFPREP_DATA_DIR"] = data.path
        env["XDG_CONFIG_HOME"] = data.appendingPathComponent("config").path
        env["TERM"] = "xterm-256color"
        env["LANG"] = "C.UTF-8"
        env["LINES"] = "24"
        env["COLUMNS"] = "80"
        env["AIFPREP_EXIT_AFTER_FIRST_FRAME"] = "1"
        env["AIFPREP_REPORT_PEAK_RSS"] = "1"
        let args = [binary, "--content", contentDir.path]
        // The first run fills the content cache, as a learner's first start does.
        let first = once(args, env: env)
        var times: [Double] = [], cpu: [Double] = [], peak = 0
        for _ in 0..<7 {
            guard let r = once(args, env: env) else { break }
            times.append(r.seconds)
            cpu.append(r.cpuSeconds)
            guard let rss = r.peakRSSKB else { peak = -1; break }
            peak = max(peak, rss)
        }
        var uncached = env
        uncached["AIFPREP_NO_CONTENT_CACHE"] = "1"
        let slow = once(args, env: uncached)
        MainActor.assumeIsolated {
            guard let first, !times.isEmpty else {
                report("cold start to first frame", "aifprep did not start", target: "< 150 ms", ok: false)
                return
            }
            times.sort()
            let median = times[times.count / 2]
            report("cold start to first frame (80×24, median of \(times.count); first start \(ms(first.seconds)), without the cache \(slow.map { ms($0.seconds) } ?? "?"))",
                   ms(median), target: "< 150 ms", ok: median < 0.150)
            cpu.sort()
            // CPU time (user + system) hardly depends on what else the machine runs; wall time does.
            print("info  cold start CPU time (user + system), median: \(ms(cpu[cpu.count / 2])); load average \(loadAverage())")
            guard peak > 0 else {
                report("peak RSS of the app at its first frame", "not reported by aifprep", target: "< 40 MB", ok: false)
                return
            }
            report("peak RSS of the app at its first frame (its own VmHWM)", "\((Double(peak) / 1024 * 10).rounded() / 10) MB",
                   target: "< 40 MB", ok: peak < 40 * 1024)
        }
    }

    static func ms(_ s: Double) -> String { "\((s * 1e4).rounded() / 10) ms" }

    /// The 1, 5 and 15-minute load averages, to read wall-clock figures against.
    static func loadAverage() -> String {
        var loads = [Double](repeating: 0, count: 3)
        guard getloadavg(&loads, 3) == 3 else { return "unknown" }
        return loads.map { String(format: "%.2f", $0) }.joined(separator: " ")
    }

    /// `peakRSSKB`: what the app printed of its own peak (`wait4`'s figure would include this process's, see
    /// `TerminalSession.reportPeakRSS`).
    static func once(_ args: [String], env: [String: String]) -> (seconds: Double, cpuSeconds: Double, peakRSSKB: Int?)? {
        var name = [CChar](repeating: 0, count: 256)
        let master = tg_open_pty(&name, Int32(name.count), 80, 24)
        guard master >= 0 else { return nil }
        let slave = String(cString: name)
        defer { close(master) }
        _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, slave, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        let argv = args.map { strdup($0) } + [nil]
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid = pid_t()
        let start = wall()
        guard posix_spawn(&pid, args[0], &actions, nil, argv, envp) == 0 else { return nil }
        var buffer = [UInt8](repeating: 0, count: 65_536)
        var output: [UInt8] = []
        var status: Int32 = 0
        var usage = rusage()
        let deadline = start + 120   // a first start parses everything: slow on a loaded machine
        while true {
            while true {   // keep the pty drained
                let n = read(master, &buffer, buffer.count)
                guard n > 0 else { break }
                output.append(contentsOf: buffer[0..<n])
            }
            let r = wait4(pid, &status, WNOHANG, &usage)
            if r == pid { break }
            if wall() > deadline { kill(pid, SIGKILL); _ = wait4(pid, &status, 0, &usage); return nil }
            usleep(200)
        }
        let seconds = wall() - start
        guard (status & 0x7F) == 0, (status >> 8) & 0xFF == 0 else { return nil }
        let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) * 1e-6
        while true {   // what was written just before the exit
            let n = read(master, &buffer, buffer.count)
            guard n > 0 else { break }
            output.append(contentsOf: buffer[0..<n])
        }
        let text = String(decoding: output, as: UTF8.self)
        let rss = text.range(of: "aifprep peak RSS: ").flatMap { Int(text[$0.upperBound...].prefix { $0.isNumber }) }
        return (seconds, cpu, rss)
    }
}
