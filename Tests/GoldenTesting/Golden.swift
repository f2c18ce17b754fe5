import Foundation
import TerminalUI
import Testing

/// Compares a rendered buffer with `Goldens/<name>.txt` (the text) and `Goldens/<name>.styles.txt` (the
/// style runs `Buffer.styleLines()` lists), beside the calling test file: a lost highlight or colour
/// fails like a lost letter, as Ratatui's `assert_buffer_eq` compares whole cells.
/// `UPDATE_GOLDENS=1` rewrites the files instead; review the diff before committing.
public func expectGolden(_ buffer: Buffer, _ name: String, file: String = #filePath,
                         sourceLocation: SourceLocation = #_sourceLocation) {
    let folder = URL(fileURLWithPath: file).deletingLastPathComponent().appendingPathComponent("Goldens")
    let text = buffer.lines().joined(separator: "\n") + "\n"
    let styles = buffer.styleLines().map { $0 + "\n" }.joined()
    for (content, fileName, what) in [(text, "\(name).txt", "text"), (styles, "\(name).styles.txt", "styles")] {
        let url = folder.appendingPathComponent(fileName)
        if ProcessInfo.processInfo.environment["UPDATE_GOLDENS"] == "1" {
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
