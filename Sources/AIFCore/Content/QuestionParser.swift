import Yams

extension ContentReader {
    func readQuestions(_ path: String) {
        guard let parsed = parse(path),
              let top = Fields(parsed.root, in: parsed.file, owner: { _ in "questions file" },
                               allowed: ["questions", "caseStudies"], required: [])
        else { return }
        if top.value("questions") == nil, top.value("caseStudies") == nil {
            parsed.file.report("questions file needs a 'questions' or 'caseStudies' list", at: top.location)
        }
        for node in top.list("caseStudies") ?? [] {
            if let caseStudy = readCaseStudy(node, parsed.file) { caseStudies.append(caseStudy) }
        }
        for node in top.list("questions") ?? [] {
            if let question = readQuestion(node, parsed.file) { questions.append(question) }
        }
    }

    private func readCaseStudy(_ node: Node, _ file: YAMLFile) -> CaseStudy? {
        guard let fields = Fields(
            node, in: file, owner: { $0.map { "case study '\($0)'" } ?? "case study" },
            allowed: ["id", "title", "scenario"], required: ["id", "title", "scenario"])
        else { return nil }
        let id = register(.caseStudy, fields)
        guard let id, let title = fields.text("title"), let scenario = fields.text("scenario") else { return nil }
        return CaseStudy(id: id, title: title, scenario: scenario, location: fields.location)
    }

    private func readQuestion(_ node: Node, _ file: YAMLFile) -> Question? {
        guard let fields = Fields(
            node, in: file, owner: { $0.map { "question '\($0)'" } ?? "question" },
            allowed: ["id", "task", "tags", "type", "choose", "caseStudy", "stem", "options", "items", "pairs",
                      "explanation", "refs", "difficulty", "availability", "reviewed"],
            required: ["id", "task", "type", "difficulty", "stem", "explanation", "refs"])
        else { return nil }
        let id = register(.question, fields)
        let task = domainID(forTaskIn: fields)
        let tags = readTags(fields)
        let kind = readKind(fields)
        var caseStudyID: String?
        if let node = fields.value("caseStudy"), let value = fields.string("caseStudy") {
            caseStudyID = value
            if let id = fields.string("id") { caseStudyUsers[value, default: []].append(id) }
            link(.caseStudy, id: value, at: node, in: file, phrase: "\(fields.owner): case study")
        }
        let stem = fields.text("stem")
        let options = readOptions(fields)
        let items = readItems(fields)
        let pairs = readPairs(fields)
        if let kind { checkAnswers(kind, fields, options: options, items: items, pairs: pairs) }
        let explanation = fields.text("explanation")
        let refs = readRefs(fields, required: true)
        let difficulty = readDifficulty(fields)
        let availability = fields.text("availability")
        let review = readReview(fields)
        guard let id, let task, let kind, let stem, let explanation, let difficulty else { return nil }
        return Question(
            id: id, taskID: task.task, domainID: task.domain, tags: tags, kind: kind, caseStudyID: caseStudyID,
            stem: stem, options: options, items: items, pairs: pairs, explanation: explanation, refs: refs,
            difficulty: difficulty, availability: availability, review: review, location: fields.location)
    }

    private func readDifficulty(_ fields: Fields) -> Difficulty? {
        guard let node = fields.value("difficulty"), let text = fields.string("difficulty") else { return nil }
        guard let difficulty = Difficulty(rawValue: text) else {
            let names = Difficulty.allCases.map(\.rawValue)
            fields.file.report(
                "\(fields.owner): difficulty '\(text)' is not one of \(names.joined(separator: ", "))"
                    + Suggestions.hint(for: text, in: names), at: node)
            return nil
        }
        return difficulty
    }

    private func readKind(_ fields: Fields) -> QuestionKind? {
        let owner = fields.owner
        guard let typeNode = fields.value("type"), let type = fields.string("type") else { return nil }
        if type != "multiple", fields.value("choose") != nil {
            fields.file.report(
                "\(owner): 'choose' is only for 'multiple' questions; this one is '\(type)'",
                at: fields.keyNode("choose")!)
        }
        switch type {
        case "single": return .single
        case "ordering": return .ordering
        case "matching": return .matching
        case "multiple":
            guard fields.value("choose") != nil else {
                fields.file.report(
                    "\(owner): a 'multiple' question needs 'choose: N' (how many answers are correct, 2 or 3)",
                    at: typeNode)
                return nil
            }
            guard let choose = fields.int("choose") else { return nil }
            guard choose >= 2 else {
                fields.file.report(
                    "\(owner): 'choose' is \(choose); a 'multiple' question chooses at least 2 "
                        + "(use type 'single' for one answer)", at: fields.value("choose")!)
                return nil
            }
            return .multiple(choose: choose)
        default:
            let hint = Suggestions.hint(for: type, in: QuestionKind.allNames)
            fields.file.report(
                "\(owner): type '\(type)' is not a question type\(hint) "
                    + "(\(QuestionKind.allNames.joined(separator: ", ")))", at: typeNode)
            return nil
        }
    }

    private func readOptions(_ fields: Fields) -> [AnswerOption] {
        (fields.list("options") ?? []).enumerated().compactMap { index, node in
            guard let option = Fields(
                node, in: fields.file, owner: { _ in "\(fields.owner) option \(index + 1)" },
                allowed: ["text", "correct", "why"], required: ["text", "why"])
            else { return nil }
            // Keep an incomplete option (its issue is reported) so the counts below stay true to the file.
            return AnswerOption(
                text: option.text("text") ?? .missing, isCorrect: option.bool("correct") ?? false,
                why: option.text("why") ?? .missing, location: option.location)
        }
    }

    private func readItems(_ fields: Fields) -> [OrderingItem] {
        (fields.list("items") ?? []).enumerated().compactMap { index, node in
            guard let item = Fields(
                node, in: fields.file, owner: { _ in "\(fields.owner) item \(index + 1)" },
                allowed: ["text", "why"], required: ["text", "why"])
            else { return nil }
            return OrderingItem(
                text: item.text("text") ?? .missing, why: item.text("why") ?? .missing, location: item.location)
        }
    }

    private func readPairs(_ fields: Fields) -> [MatchPair] {
        (fields.list("pairs") ?? []).enumerated().compactMap { index, node in
            guard let pair = Fields(
                node, in: fields.file, owner: { _ in "\(fields.owner) pair \(index + 1)" },
                allowed: ["prompt", "answer", "why"], required: ["prompt", "answer", "why"])
            else { return nil }
            return MatchPair(
                prompt: pair.text("prompt") ?? .missing, answer: pair.text("answer") ?? .missing,
                why: pair.text("why") ?? .missing, location: pair.location)
        }
    }
}

extension LocalizedText {
    /// Stands in for a text whose absence is already reported; never reaches a loaded library.
    static let missing = LocalizedText(en: "", ja: "")
}
