import Foundation
import Testing
@testable import EmbeddedContent

/// Unpacking the material built into the binary: once per build, atomically, repaired when edited or partial.
@Suite struct EmbeddedContentTests {
    static let repoContent = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Content")

    final class Scratch {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("aifprep-embedded-\(UUID().uuidString)")
        deinit { try? FileManager.default.removeItem(at: root) }
    }

    @Test func holdsEveryContentFileByteForByte() throws {
        #expect(EmbeddedContent.isAvailable)
        let manager = FileManager.default
        let onDisk = try #require(manager.subpaths(atPath: Self.repoContent.path))
            .filter { $0.hasSuffix(".yaml") || $0 == "FORMAT.md" }.sorted()
        #expect(EmbeddedContent.paths == onDisk)
        let scratch = Scratch()
        let content = try EmbeddedContent.unpack(in: scratch.root)
        #expect(content.lastPathComponent == "Content")  // so that issues read Content/cards/…
        #expect(content.deletingLastPathComponent().lastPathComponent == "content-\(EmbeddedContent.hash)")
        for path in onDisk {
            #expect(manager.contents(atPath: content.appendingPathComponent(path).path)
                == manager.contents(atPath: Self.repoContent.appendingPathComponent(path).path), "\(path)")
        }
        // No staging folder is left behind.
        #expect(try manager.contentsOfDirectory(atPath: scratch.root.path) == ["content-\(EmbeddedContent.hash)"])
    }

    @Test func anIntactCopyIsReusedAndAnEditedOrPartialOneReplaced() throws {
        let scratch = Scratch()
        let content = try EmbeddedContent.unpack(in: scratch.root)
        let exam = content.appendingPathComponent("exam.yaml")
        let original = try Data(contentsOf: exam)
        let inode = try FileManager.default.attributesOfItem(atPath: exam.path)[.systemFileNumber] as? Int
        #expect(try EmbeddedContent.unpack(in: scratch.root).path == content.path)
        #expect(try FileManager.default.attributesOfItem(atPath: exam.path)[.systemFileNumber] as? Int == inode)

        try Data("exam: edited\n".utf8).write(to: exam)
        #expect(try EmbeddedContent.unpack(in: scratch.root).path == content.path)
        #expect(try Data(contentsOf: exam) == original)

        let deck = try #require(EmbeddedContent.paths.first { $0.hasPrefix("cards/") })
        try FileManager.default.removeItem(at: content.appendingPathComponent(deck))
        _ = try EmbeddedContent.unpack(in: scratch.root)
        #expect(FileManager.default.fileExists(atPath: content.appendingPathComponent(deck).path))

        // A folder without the marker (a crash before the rename cannot leave one, but a hand-made one can).
        try FileManager.default.removeItem(at: content.deletingLastPathComponent().appendingPathComponent(EmbeddedContent.markerName))
        _ = try EmbeddedContent.unpack(in: scratch.root)
        #expect(EmbeddedContent.isIntact(content))
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.root.path) == ["content-\(EmbeddedContent.hash)"])
    }

    @Test func cacheFolderFollowsXDG() {
        #expect(EmbeddedContent.defaultCacheRoot(environment: ["XDG_CACHE_HOME": "/x/cache", "HOME": "/h"]).path == "/x/cache/aifprep")
        #expect(EmbeddedContent.defaultCacheRoot(environment: ["XDG_CACHE_HOME": "relative", "HOME": "/h"]).path == "/h/.cache/aifprep")
        #expect(EmbeddedContent.defaultCacheRoot(environment: ["HOME": "/h"]).path == "/h/.cache/aifprep")
    }

    @Test func manyProcessesUnpackingAtOnceAllGetAnIntactCopy() async throws {
        let scratch = Scratch()
        let root = scratch.root
        let results = await withTaskGroup(of: URL?.self) { group in
            for _ in 0..<6 { group.addTask { try? EmbeddedContent.unpack(in: root) } }
            var all: [URL?] = []
            for await r in group { all.append(r) }
            return all
        }
        #expect(results.allSatisfy { $0 != nil })
        let content = try #require(results.first ?? nil)
        #expect(EmbeddedContent.isIntact(content))
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.root.path) == ["content-\(EmbeddedContent.hash)"])
    }
}
