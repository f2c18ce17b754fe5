import Foundation
import Testing
import TerminalUI

/// Compares a rendered buffer with `Goldens/<name>.txt`. Set UPDATE_GOLDENS=1 to rewrite the files
/// (in the source tree), then review the diff.
func expectGolden(_ buffer: Buffer, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let text = buffer.lines().joined(separator: "\n") + "\n"
    let sourceDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Goldens")
    if ProcessInfo.processInfo.environment["UPDATE_GOLDENS"] == "1" {
        try? FileManager.default.createDirectory(at: sourceDir, withIntermediateDirectories: true)
        try? text.write(to: sourceDir.appendingPathComponent("\(name).txt"), atomically: true, encoding: .utf8)
        return
    }
    let url = Bundle.module.url(forResource: name, withExtension: "txt", subdirectory: "Goldens")
        ?? sourceDir.appendingPathComponent("\(name).txt")
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
        Issue.record("missing golden \(name).txt — run with UPDATE_GOLDENS=1", sourceLocation: sourceLocation)
        return
    }
    #expect(text == expected, "golden \(name) differs:\n\(text)", sourceLocation: sourceLocation)
}
