import Foundation

/// A learner's own flashcard decks: `<data dir>/decks/*.yaml`, in the format of `Content/cards/`, loaded
/// beside the built-in material (or the `--content` folder). Their ids share one namespace with the
/// content's, so a clash is reported like any duplicate id, with the learner's file as an absolute path.
public enum UserDecks {
    /// `<data dir>/decks`.
    public static func folder(dataDirectory: URL) -> URL { dataDirectory.appendingPathComponent("decks") }
}

extension ContentReader {
    /// Queues every `*.yaml` in `folder` (sorted, hidden files skipped); a missing folder holds no decks.
    func addUserDecks(from folder: URL?) {
        guard let folder else { return }
        let root = folder.standardizedFileURL
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? [])
            .filter { !$0.hasPrefix(".") }.sorted()
        for name in names {
            let path = root.appendingPathComponent(name).path
            if name.hasSuffix(".yaml") {
                userDeckFiles.append(path)
            } else if name.hasSuffix(".yml") {
                issues.add("files must end in .yaml (this one is not read); rename it",
                           at: SourceLocation(file: path, line: 1, column: 1))
            }
        }
    }
}
