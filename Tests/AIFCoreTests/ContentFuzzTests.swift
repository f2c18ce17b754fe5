import Foundation
import SeededRandom
import Synchronization
import Testing
@testable import AIFCore

/// A seeded fuzz of the content loader over mutated YAML: no crash, no hang, and every message has a
/// FILE:LINE:COL. 2,000 cases in `make test`; AIFPREP_FUZZ_CASES=N for more (AIFPREP_FUZZ_SEED to vary).
@Suite("Content loader fuzz", .serialized)
struct ContentFuzzTests {
    /// Bytes that matter to YAML and to the loader: indicators, quotes, escapes, anchors, tabs, controls,
    /// invalid UTF-8, bidi and wide characters.
    static let fragments: [[UInt8]] = [
        ":", "- ", "\"", "'", "\\", "&a ", "*a", "!!str ", "|", ">", "#", "{", "}", "[", "]", ",", "\t", "\n", "  ",
        "~", "null", "---\n", "...\n", "? ", "%YAML 1.2\n", "\\e[2J", "\\u202E", "日本語", "**bold**", "0x1F", "1e300",
        "-1", "id: x\n", "task: \"1.1\"\n", "correct: true\n",
    ].map { Array($0.utf8) } + [[0x1B], [0x07], [0x00], [0xFF], [0xC3], [0x80], [0xE2, 0x80, 0xAE], [0xEF, 0xBB, 0xBF]]

    static func mutate(_ original: [UInt8], _ rng: inout SeededGenerator) -> [UInt8] {
        var bytes = original
        for _ in 0..<(1 + rng.below(4)) {
            let at = rng.below(bytes.count + 1)
            switch rng.below(7) {
            case 0: if !bytes.isEmpty { bytes.remove(at: min(at, bytes.count - 1)) }
            case 1: bytes.insert(contentsOf: fragments[rng.below(fragments.count)], at: at)
            case 2: if at < bytes.count { bytes[at] = UInt8(truncatingIfNeeded: rng.next()) }
            case 3: bytes = Array(bytes.prefix(at))                      // truncated file
            case 4:                                                       // a line duplicated
                let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
                if !lines.isEmpty {
                    var l = lines.map(Array.init)
                    let i = rng.below(l.count)
                    l.insert(l[i], at: i)
                    bytes = Array(l.joined(separator: [0x0A]))
                }
            case 5:                                                       // indentation shifted
                let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
                if !lines.isEmpty {
                    var l = lines
                    let i = rng.below(l.count)
                    l[i] = rng.below(2) == 0 ? [0x20] + l[i] : Array(l[i].drop { $0 == 0x20 }.prefix(l[i].count))
                    bytes = Array(l.joined(separator: [0x0A]))
                }
            default:                                                      // a span removed
                let end = min(bytes.count, at + rng.below(40))
                if at < end { bytes.removeSubrange(at..<end) }
            }
        }
        return bytes
    }

    static let location = try! NSRegularExpression(pattern: #"^Content/[^:]+:[1-9][0-9]*:[1-9][0-9]*: \S"#)

    /// One case: mutate one file of a fresh small tree (the blueprint and one file of each kind), lint it and
    /// check every message. Each case has its own generator (seed and case number), so any case replays alone.
    static func runCase(_ n: Int, seed: UInt64, tree: URL, files: [String], originals: [[UInt8]]) throws -> (failure: String?, issues: Int, seconds: Double) {
        var rng = SeededGenerator(seed: seed &+ UInt64(n) &* 0xD1B5_4A32_D192_ED03)
        let f = rng.below(files.count)
        let url = tree.appendingPathComponent(files[f])
        try Data(Self.mutate(originals[f], &rng)).write(to: url)
        defer { try? Data(originals[f]).write(to: url) }
        let start = Date()
        let issues = ContentLinter.lint(directory: tree)
        let seconds = Date().timeIntervalSince(start)
        for issue in issues {
            let text = issue.description
            if Self.location.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) == nil {
                return ("case \(n) (seed \(seed)), \(files[f]): message without FILE:LINE:COL: \(text.debugDescription)", issues.count, seconds)
            }
        }
        return (nil, issues.count, seconds)
    }

    @Test(.timeLimit(.minutes(5))) func mutatedContentNeverCrashesHangsOrLosesItsLocation() throws {
        let env = ProcessInfo.processInfo.environment
        let cases = env["AIFPREP_FUZZ_CASES"].flatMap(Int.init) ?? 2_000
        let seed = env["AIFPREP_FUZZ_SEED"].flatMap(UInt64.init) ?? 0xA1F_C01
        let manager = FileManager.default
        let base = manager.temporaryDirectory.appendingPathComponent("aifprep-fuzz-\(UUID().uuidString)")
        defer { try? manager.removeItem(at: base) }
        let files = ["exam.yaml", "cards/training.yaml", "questions/core.yaml", "sandbox/presets.yaml"]
            .filter { manager.fileExists(atPath: ContentFixtures.valid.appendingPathComponent($0).path) }
        let originals = try files.map { try [UInt8](Data(contentsOf: ContentFixtures.valid.appendingPathComponent($0))) }
        // One tree per worker; the cases are independent, so they run on every core.
        let workers = max(1, min(4, ProcessInfo.processInfo.activeProcessorCount))
        let trees = try (0..<workers).map { w -> URL in
            let tree = base.appendingPathComponent("w\(w)").appendingPathComponent("Content")
            for (file, bytes) in zip(files, originals) {
                let target = tree.appendingPathComponent(file)
                try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(bytes).write(to: target)
            }
            return tree
        }
        let results = Mutex<(failures: [String], withIssues: Int, slowest: Double)>(([], 0, 0))
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            for n in stride(from: w, to: cases, by: workers) {
                do {
                    let r = try Self.runCase(n, seed: seed, tree: trees[w], files: files, originals: originals)
                    results.withLock {
                        if let failure = r.failure { $0.failures.append(failure) }
                        if r.issues > 0 { $0.withIssues += 1 }
                        $0.slowest = max($0.slowest, r.seconds)
                    }
                } catch {
                    results.withLock { $0.failures.append("case \(n): \(error)") }
                }
            }
        }
        let r = results.withLock { $0 }
        #expect(r.failures.isEmpty, "\(r.failures.prefix(5))")
        // No hang: a tiny content tree must lint in well under a second even in a debug build.
        #expect(r.slowest < 2, "slowest case took \(r.slowest) s")
        // The mutations must actually break things, or the fuzz proves nothing.
        #expect(r.withIssues > cases / 4, "only \(r.withIssues) of \(cases) mutated trees had issues")
    }
}
