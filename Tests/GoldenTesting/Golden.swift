import Foundation
import TerminalUI
import Testing

/// Compares a rendered buffer, as text, with `Goldens/<name>.txt` beside the calling test file.
/// `UPDATE_GOLDENS=1` rewrites the files instead; review the diff before committing.
public func expectGolden(_ buffer: Buffer, _ name: String, file: String = #filePath,
                         sourceLocation: SourceLocation = #_sourceLocation) {
    let text = buffer.lines().joined(separator: "\n") + "\n"
    let url = URL(fileURLWithPath: file).deletingLastPathComponent().appendingPathComponent("Goldens/\(name).txt")
    if ProcessInfo.processInfo.environment["UPDATE_GOLDENS"] == "1" {
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
