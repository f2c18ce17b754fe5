import TextSafety

/// One problem in the content, pointing at the exact YAML node.
///
/// `file` is the path relative to the content directory's *parent*, i.e. it starts with the content
/// directory's own name: `Content/questions/d1.yaml`. That is what an author sees from the repo root
/// and it does not depend on the current directory.
public struct ContentIssue: Sendable, Hashable, CustomStringConvertible, Comparable {
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String

    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// Sanitised: messages quote content (a `task:` value, an id), which must not reach the terminal as controls.
    public var description: String { TerminalText.clean("\(file):\(line):\(column): \(message)") }

    public static func < (lhs: ContentIssue, rhs: ContentIssue) -> Bool {
        (lhs.file, lhs.line, lhs.column, lhs.message) < (rhs.file, rhs.line, rhs.column, rhs.message)
    }
}

/// Thrown by `ContentLoader.load` when the content has any issue.
public struct ContentErrors: Error, Sendable, CustomStringConvertible {
    /// Sorted by file, line, column.
    public var issues: [ContentIssue]

    public init(issues: [ContentIssue]) { self.issues = issues }

    /// Every issue, one per line.
    public var description: String { issues.map(\.description).joined(separator: "\n") }
}
