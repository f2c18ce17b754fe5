import Foundation
import TerminalUI
import Testing

/// Compares a rendered buffer, as text, with `Goldens/<name>.txt` beside the calling test file.
/// `UPDATE_GOLDENS=1` rewrites the files instead; review the diff before committing. In CI (`CI` set, as
/// `.ci/run` does) `UPDATE_GOLDENS` is refused: every golden would pass whatever was drawn.
public func expectGolden(_ buffer: Buffer, _ name: String, file: String = #filePath,
                         sourceLocation: SourceLocation = #_sourceLocation) {
    let text = buffer.lines().joined(separator: "\n") + "\n"
    let url = URL(fileURLWithPath: file).deletingLastPathComponent().appendingPathComponent("Goldens/\(name).txt")
    let environment = ProcessInfo.processInfo.environment
    if let update = environment["UPDATE_GOLDENS"], isCI(environment) {
        let message = "UPDATE_GOLDENS=\(update) is set in CI (CI=\(environment["CI"] ?? "")): goldens are never rewritten in CI, "
            + "so golden \(name) is compared instead — unset UPDATE_GOLDENS"
        Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
    } else if environment["UPDATE_GOLDENS"] == "1" {
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? text.write(to: url, atomically: true, encoding: .utf8)
        return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
        Issue.record("missing golden \(name).txt — run with UPDATE_GOLDENS=1", sourceLocation: sourceLocation)
        return
    }
    #expect(text == expected, "golden \(name) differs:\n\(text)", sourceLocation: sourceLocation)
}

/// Whether the tests run in CI: `CI` set to anything but empty, `0` or `false` (`.ci/run` sets `CI=true`).
public func isCI(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
    guard let ci = environment["CI"] else { return false }
    return !["", "0", "false"].contains(ci.lowercased())
}
