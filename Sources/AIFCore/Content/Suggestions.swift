/// "Did you mean …?" for misspelt keys and ids.
enum Suggestions {
    /// The closest candidate, if it is close enough to be a likely typo.
    static func closest(to word: String, in candidates: some Collection<String>) -> String? {
        let lowered = word.lowercased()
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = candidate.lowercased() == lowered ? 0 : editDistance(lowered, candidate.lowercased())
            if distance < (best?.distance ?? .max) { best = (candidate, distance) }
        }
        guard let best else { return nil }
        // A shortened or over-long word (`overfit`, `explanations`) is a typo too.
        if word.count >= 3, best.distance > 0,
           let prefixed = candidates.first(where: {
               $0.lowercased().hasPrefix(lowered) || lowered.hasPrefix($0.lowercased())
           }) {
            return prefixed
        }
        // Allow one edit per three characters, at least one, at most three.
        let limit = min(3, max(1, word.count / 3))
        return best.distance <= limit ? best.candidate : nil
    }

    /// `; did you mean 'x'?` or an empty string.
    static func hint(for word: String, in candidates: some Collection<String>) -> String {
        closest(to: word, in: candidates).map { "; did you mean '\($0)'?" } ?? ""
    }

    /// Levenshtein distance over characters.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
