import Foundation
import TerminalUI
import Testing

/// Compares a rendered buffer with `Goldens/<name>.txt` (the text) and `Goldens/<name>.styles.txt` (the
/// style runs `Buffer.styleLines()` lists), beside the calling test file: a lost highlight or colour
/// fails like a lost letter, as Ratatui's `assert_buffer_eq` compares whole cells.
/// `UPDATE_GOLDENS=1` rewrites the files instead; review the diff before committing. In CI (`CI` set, as
/// `.ci/run` does) `UPDATE_GOLDENS` is refused: every golden would pass whatever was drawn.
public func expectGolden(_ buffer: Buffer, _ name: String, file: String = #filePath,
                         sourceLocation: SourceLocation = #_sourceLocation) {
    let folder = URL(fileURLWithPath: file).deletingLastPathComponent().appendingPathComponent("Goldens")
    let text = buffer.lines().joined(separator: "\n") + "\n"
    let styles = buffer.styleLines().map { $0 + "\n" }.joined()
    let environment = ProcessInfo.processInfo.environment
    var update = environment["UPDATE_GOLDENS"] == "1"
    if let value = environment["UPDATE_GOLDENS"], isCI(environment) {
        let message = "UPDATE_GOLDENS=\(value) is set in CI (CI=\(environment["CI"] ?? "")): goldens are never rewritten in CI, "
            + "so golden \(name) is compared instead — unset UPDATE_GOLDENS"
        Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
        update = false
    }
    for (content, fileName, what) in [(text, "\(name).txt", "text"), (styles, "\(name).styles.txt", "styles")] {
        let url = folder.appendingPathComponent(fileName)
        if update {
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try? content.write(to: url, atomically: true, encoding: .utf8)
            continue
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("missing golden \(fileName) — run with UPDATE_GOLDENS=1", sourceLocation: sourceLocation)
            continue
        }
        #expect(content == expected, "golden \(name) (\(what)) differs:\n\(content)", sourceLocation: sourceLocation)
    }
}

/// Whether the tests run in CI: `CI` set to anything but empty, `0` or `false` (`.ci/run` sets `CI=true`).
public func isCI(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
    guard let ci = environment["CI"] else { return false }
    return !["", "0", "false"].contains(ci.lowercased())
}
