import Yams

/// Turns Yams/libyaml errors into issues an author can act on.
enum YAMLSyntax {
    static func report(_ error: any Error, text: String, in file: YAMLFile) {
        guard let error = error as? YamlError else {
            file.report("could not read YAML: \(error)", at: SourceLocation(file: file.path, line: 1, column: 1))
            return
        }
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            // libyaml's complaint about a tab is cryptic; say what is wrong instead.
            let tabs = tabIndentedLines(text)
            if !tabs.isEmpty {
                for tab in tabs {
                    file.report(
                        "tab character in indentation; YAML forbids tabs for indentation, indent with spaces "
                            + "(two per level)",
                        at: SourceLocation(file: file.path, line: tab.line, column: tab.column))
                }
                return
            }
            var message = "YAML syntax error: \(problem)"
            if let context {
                message += " (\(context.text) at line \(context.mark.line), column \(context.mark.column))"
            }
            if indentationProblems.contains(where: problem.contains) {
                message += "; check the indentation (two spaces per level)"
            }
            file.report(message, at: SourceLocation(file: file.path, line: mark.line, column: mark.column))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            file.report(
                "key \(keys) appears more than once in the same mapping",
                at: SourceLocation(file: file.path, line: context.mark.line, column: context.mark.column))
        case .reader(let problem, let offset, _, _):
            let position = offset.map { lineAndColumn(ofCharacterOffset: $0, in: text) } ?? (line: 1, column: 1)
            file.report(
                "unreadable character: \(problem)",
                at: SourceLocation(file: file.path, line: position.line, column: position.column))
        default:
            file.report("could not read YAML: \(error)", at: SourceLocation(file: file.path, line: 1, column: 1))
        }
    }

    private static let indentationProblems = [
        "did not find expected key", "mapping values are not allowed", "did not find expected '-' indicator",
        "could not find expected ':'", "did not find expected <document start>",
    ]

    /// Lines whose leading whitespace contains a tab, with the 1-based column of that tab.
    static func tabIndentedLines(_ text: String) -> [(line: Int, column: Int)] {
        var result: [(line: Int, column: Int)] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let indent = line.prefix { $0 == " " || $0 == "\t" }
            // A line of only whitespace does not indent anything.
            guard indent.count < line.count, let tab = indent.firstIndex(of: "\t") else { continue }
            result.append((index + 1, line.distance(from: line.startIndex, to: tab) + 1))
        }
        return result
    }

    private static func lineAndColumn(ofCharacterOffset offset: Int, in text: String) -> (line: Int, column: Int) {
        var line = 1, column = 1
        for character in text.prefix(offset) {
            if character == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return (line, column)
    }
}
