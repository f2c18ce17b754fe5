import Foundation
import Testing

/// `--data-dir`, `--content` and `--exam-date` are one declaration shared by the commands: the same
/// flag is accepted, documented and checked the same way everywhere.
@Suite struct CommonOptionsEndToEndTests {
    @Test(arguments: [["stats"], ["start"]])
    func aBadExamDateIsRefusedBeforeAnythingRuns(_ command: [String]) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("aifprep-opts-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Tmux.run([Tmux.binary.path] + command + ["--exam-date", "2026-13-40", "--data-dir", dir.path])
        #expect(r.status != 0)
        #expect(r.output.contains("exam"), "\(r.output)")
        // Refused during parsing: no progress database was created.
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("progress.sqlite").path))
    }

    @Test(arguments: [["stats"], ["start"], ["exam"], ["export", "anki"], ["export", "results"]])
    func everyCommandDocumentsTheDataDirectoryTheSameWay(_ command: [String]) throws {
        let r = try Tmux.run([Tmux.binary.path] + command + ["--help"])
        #expect(r.status == 0, "\(r.output)")
        let flat = r.output.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(flat.contains("--data-dir <data-dir> Where progress is stored (default: $AIFPREP_DATA_DIR"), "\(r.output)")
    }

    @Test func statsReadsTheDataDirectoryGiven() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("aifprep-opts-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Tmux.run([Tmux.binary.path, "stats", "--json", "--data-dir", dir.path])
        #expect(r.status == 0, "\(r.output)")
        #expect(FileManager.default.fileExists(atPath: dir.path))
    }
}
