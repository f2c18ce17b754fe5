import Yams

/// YAML aliases (`*name`) are composed as the anchored node itself, marks and all, so an issue found through an
/// alias would point at the anchor, often inside another item. `relocate` returns the document with every alias
/// use replaced by a copy of its node whose marks (its own and every child's) are where the alias is written.
///
/// Yams keeps no alias events, so the uses are found in two halves that must agree: the tree, walked in document
/// order (the first node carrying an anchor is its definition, every later one a use), and the `*name` tokens
/// in the text, in the same order. When the two disagree for a name (a `*name` in a comment or a quoted text),
/// that name's uses keep the anchor's marks rather than risk pointing at the wrong place.
enum YAMLAliases {
    struct Result {
        let root: Node
        /// Marks of alias uses (`line << 32 | column`): nodes there are copies, not text written there.
        let useMarks: Set<Int>
    }

    static func key(line: Int, column: Int) -> Int { line << 32 | column }

    /// `parser` must be the one that composed `root`: it keeps the anchors alive (nodes hold them weakly).
    static func relocate(_ root: Node, text: String, parser: Parser) -> Result {
        // No anchor, no alias: the common case costs one scan for '&'.
        guard text.utf8.contains(UInt8(ascii: "&")), text.utf8.contains(UInt8(ascii: "*")) else {
            return Result(root: root, useMarks: [])
        }
        var uses: [String: Int] = [:]
        var seen = Set<ObjectIdentifier>()
        countUses(root, seen: &seen, uses: &uses)
        guard !uses.isEmpty else { return withExtendedLifetime(parser) { Result(root: root, useMarks: []) } }
        var tokens = aliasTokens(in: text, names: Set(uses.keys))
        for (name, count) in uses where tokens[name]?.count != count { tokens[name] = nil }
        var walker = Walker(tokens: tokens)
        let relocated = withExtendedLifetime(parser) { walker.walk(root) }
        return Result(root: relocated, useMarks: walker.useMarks)
    }

    private static func countUses(_ node: Node, seen: inout Set<ObjectIdentifier>, uses: inout [String: Int]) {
        if let anchor = node.anchor, !seen.insert(ObjectIdentifier(anchor)).inserted {
            uses[anchor.rawValue, default: 0] += 1
            return
        }
        switch node {
        case .mapping(let mapping):
            for (key, value) in mapping {
                countUses(key, seen: &seen, uses: &uses)
                countUses(value, seen: &seen, uses: &uses)
            }
        case .sequence(let sequence):
            for item in sequence { countUses(item, seen: &seen, uses: &uses) }
        case .scalar, .alias:
            return
        }
    }

    private struct Walker {
        var tokens: [String: [(line: Int, column: Int)]]
        var seen = Set<ObjectIdentifier>()
        var useMarks = Set<Int>()
        var next: [String: Int] = [:]

        mutating func walk(_ node: Node) -> Node {
            if let anchor = node.anchor, !seen.insert(ObjectIdentifier(anchor)).inserted {
                let name = anchor.rawValue
                let index = next[name, default: 0]
                next[name] = index + 1
                guard let at = tokens[name], index < at.count, let mark = YAMLAliases.mark(at[index]) else { return node }
                useMarks.insert(YAMLAliases.key(line: mark.line, column: mark.column))
                return YAMLAliases.moved(node, to: mark)
            }
            switch node {
            case .mapping(let mapping):
                var pairs: [(Node, Node)] = []
                for (key, value) in mapping { pairs.append((walk(key), walk(value))) }
                return .mapping(Node.Mapping(pairs, mapping.tag, mapping.style, mapping.mark, mapping.anchor))
            case .sequence(let sequence):
                let items = sequence.map { walk($0) }
                return .sequence(Node.Sequence(items, sequence.tag, sequence.style, sequence.mark, sequence.anchor))
            case .scalar, .alias:
                return node
            }
        }
    }

    /// The node and everything in it, marked at `mark`.
    static func moved(_ node: Node, to mark: Mark) -> Node {
        switch node {
        case .scalar(var scalar):
            scalar.mark = mark
            return .scalar(scalar)
        case .mapping(let mapping):
            let pairs = mapping.map { (moved($0.key, to: mark), moved($0.value, to: mark)) }
            return .mapping(Node.Mapping(pairs, mapping.tag, mapping.style, mark, mapping.anchor))
        case .sequence(let sequence):
            let items = sequence.map { moved($0, to: mark) }
            return .sequence(Node.Sequence(items, sequence.tag, sequence.style, mark, sequence.anchor))
        case .alias:
            return node
        }
    }

    /// Yams has no public initialiser for `Mark`; the parser makes one for a scalar placed at that spot.
    static func mark(_ at: (line: Int, column: Int)) -> Mark? {
        let text = String(repeating: "\n", count: max(0, at.line - 1)) + String(repeating: " ", count: max(0, at.column - 1)) + "x"
        guard let mark = (try? Yams.compose(yaml: text))??.mark, mark.line == at.line, mark.column == at.column else { return nil }
        return mark
    }

    /// Every `*name` written where a node can start (line start, or after a space, `[`, `{` or `,`), outside
    /// comments, for the given names; columns count Unicode scalars, as libyaml's do.
    static func aliasTokens(in text: String, names: Set<String>) -> [String: [(line: Int, column: Int)]] {
        var result: [String: [(line: Int, column: Int)]] = [:]
        func isNameScalar(_ s: Unicode.Scalar) -> Bool {
            s.isASCII && (("a"..."z").contains(s) || ("A"..."Z").contains(s) || ("0"..."9").contains(s) || s == "-" || s == "_")
        }
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where line.utf8.contains(UInt8(ascii: "*")) {
            let scalars = Array(line.unicodeScalars)
            var i = 0
            while i < scalars.count {
                let c = scalars[i]
                let previous: Unicode.Scalar? = i == 0 ? nil : scalars[i - 1]
                let atNodeStart = previous == nil || previous == " " || previous == "\t" || previous == "[" || previous == "{" || previous == ","
                if c == "#" && (previous == nil || previous == " " || previous == "\t") { break }  // a comment
                guard c == "*", atNodeStart else { i += 1; continue }
                var end = i + 1
                while end < scalars.count, isNameScalar(scalars[end]) { end += 1 }
                let name = String(String.UnicodeScalarView(scalars[(i + 1)..<end]))
                if names.contains(name) { result[name, default: []].append((index + 1, i + 1)) }
                i = max(end, i + 1)
            }
        }
        return result
    }
}
