import Foundation

/// Loads the content directory (see `Content/FORMAT.md`) into a `ContentLibrary`.
public enum ContentLoader {
    /// Throws `ContentErrors` with every issue found (sorted by file, line, column) when anything is wrong.
    /// `settingValidator(key, value)` returns a message for a preset setting the sandbox would reject.
    /// `userDecks`: a folder of the learner's own decks (`*.yaml`, as in `cards/`), loaded beside the content.
    public static func load(
        from directory: URL, userDecks: URL? = nil, settingValidator: ((String, String) -> String?)? = nil
    ) throws -> ContentLibrary {
        let reader = ContentReader(root: directory, settingValidator: settingValidator)
        reader.addUserDecks(from: userDecks)
        let library = reader.read()
        let issues = reader.issues.issues.sorted()
        guard issues.isEmpty, let library else { throw ContentErrors(issues: issues) }
        return library
    }
}

/// Checks a content directory without needing a usable library.
public enum ContentLinter {
    /// Every issue, sorted by file, line, column; empty when the content is fine.
    public static func lint(
        directory: URL, userDecks: URL? = nil, settingValidator: ((String, String) -> String?)? = nil
    ) -> [ContentIssue] {
        let reader = ContentReader(root: directory, settingValidator: settingValidator)
        reader.addUserDecks(from: userDecks)
        _ = reader.read()
        return (reader.issues.issues + reader.issues.lintFindings).sorted()
    }

    /// What could be read, even when some items have issues: `content stats` counts while authors work.
    public static func readLeniently(
        directory: URL, userDecks: URL? = nil, settingValidator: ((String, String) -> String?)? = nil
    ) -> (library: ContentLibrary?, issues: [ContentIssue]) {
        let reader = ContentReader(root: directory, settingValidator: settingValidator)
        reader.addUserDecks(from: userDecks)
        let library = reader.read()
        return (library, reader.issues.issues.sorted())
    }
}
