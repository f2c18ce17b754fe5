/// The rules that make a question answerable: counts of options, items and pairs, and correct answers.
extension ContentReader {
    func checkAnswers(
        _ kind: QuestionKind, _ fields: Fields, options: [AnswerOption], items: [OrderingItem], pairs: [MatchPair]
    ) {
        let listKey: String
        switch kind {
        case .single, .multiple: listKey = "options"
        case .ordering: listKey = "items"
        case .matching: listKey = "pairs"
        }
        let owner = fields.owner
        for key in ["options", "items", "pairs"] where key != listKey && fields.value(key) != nil {
            fields.file.report(
                "\(owner): '\(key)' is not used by '\(kind.name)' questions (they use '\(listKey)')",
                at: fields.keyNode(key)!)
        }
        guard fields.value(listKey) != nil else {
            fields.file.report("\(owner) is '\(kind.name)' but has no '\(listKey)'", at: fields.location(of: "type"))
            return
        }
        let at = fields.location(of: listKey)
        func report(_ message: String) { fields.file.report(message, at: at) }
        let correct = options.filter(\.isCorrect)
        let correctLines = (correct.count == 1 ? "line " : "lines ")
            + correct.map { String($0.location.line) }.joined(separator: ", ")

        switch kind {
        case .single:
            if options.count < 3 {
                report("\(owner) is 'single' but has \(options.count) options; "
                    + "a single-answer question needs at least 3 (4 recommended)")
            }
            if correct.isEmpty {
                report("\(owner) is 'single' but has no correct option; mark exactly one with 'correct: true'")
            } else if correct.count > 1 {
                report("\(owner) is 'single' but has \(correct.count) correct options (\(correctLines)); "
                    + "a single-answer question needs exactly one")
            }
        case .multiple(let choose):
            if options.count < 5 {
                report("\(owner) is 'multiple' but has \(options.count) options; "
                    + "a multiple-answer question needs at least 5")
            }
            if correct.count != choose {
                let found = correct.isEmpty
                    ? "no correct options"
                    : "\(correct.count) correct option\(correct.count == 1 ? "" : "s") (\(correctLines))"
                report("\(owner) says 'choose: \(choose)' but has \(found); "
                    + "mark exactly \(choose) with 'correct: true'")
            }
        case .ordering:
            if !(3...5).contains(items.count) {
                report("\(owner) is 'ordering' but has \(items.count) items; an ordering question needs 3 to 5")
            }
        case .matching:
            if !(3...7).contains(pairs.count) {
                report("\(owner) is 'matching' but has \(pairs.count) pairs; a matching question needs 3 to 7")
            }
            checkDistinct(pairs, \.answer, "answer", fields)
            checkDistinct(pairs, \.prompt, "prompt", fields)
        }
    }

    /// Reports each pair whose text (in either language) repeats an earlier pair's.
    private func checkDistinct(
        _ pairs: [MatchPair], _ text: KeyPath<MatchPair, LocalizedText>, _ name: String, _ fields: Fields
    ) {
        for later in pairs.indices {
            for language in Language.allCases {
                let value = pairs[later][keyPath: text](language).trimmingWhitespace
                guard !value.isEmpty,
                      let earlier = pairs[..<later].firstIndex(where: {
                          $0[keyPath: text](language).trimmingWhitespace == value
                      })
                else { continue }
                fields.file.report(
                    "\(fields.owner): pairs \(earlier + 1) and \(later + 1) have the same \(name) '\(value)' "
                        + "(lines \(pairs[earlier].location.line), \(pairs[later].location.line)); "
                        + "\(name)s must be distinct",
                    at: pairs[later].location)
                break
            }
        }
    }
}
