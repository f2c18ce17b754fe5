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
            if context?.text == "while scanning an alias" {
                message += "; text that starts with '*' (like **bold**) must be quoted or written as a block scalar (|)"
            } else if indentationProblems.contains(where: problem.contains) {
                message += "; check the indentation (two spaces per level)"
            }
            file.report(message, at: SourceLocation(file: file.path, line: mark.line, column: mark.column))
        case .duplicatedKeysInMapping(let duplicates, let context):
            // Yams marks the first occurrence; the repeat is the one to fix, so look for it.
            let first = context.mark
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            var at = SourceLocation(file: file.path, line: first.line, column: first.column)
            if duplicates.count == 1, let line = repeatedKeyLine(duplicates[0], after: first, in: text) {
                at.line = line
            }
            file.report(
                "key \(keys) appears more than once in the same mapping (first at line \(first.line))", at: at)
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

    /// The next line that writes `key:` at the same column as the first occurrence.
    private static func repeatedKeyLine(_ key: String, after mark: Mark, in text: String) -> Int? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard mark.line >= 1, mark.line <= lines.count else { return nil }
        let indent = lines[mark.line - 1].unicodeScalars.prefix(mark.column - 1)
        for number in mark.line..<lines.count {
            let scalars = lines[number].unicodeScalars
            guard scalars.count > indent.count,
                  scalars.prefix(indent.count).allSatisfy({ $0 == " " || $0 == "-" }),
                  String(String.UnicodeScalarView(scalars.dropFirst(indent.count))).hasPrefix(key + ":")
            else { continue }
            return number + 1
        }
        return nil
    }

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
