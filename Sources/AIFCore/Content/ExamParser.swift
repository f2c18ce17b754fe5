import Yams

extension ContentReader {
    /// The domain number of a task id like `"1.2"`, or nil when it is not `<number>.<number>`.
    static func domainNumber(ofTaskID id: String) -> Int? {
        let parts = id.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { ("0"..."9").contains($0) } })
        else { return nil }
        return Int(parts[0])
    }

    func readExam(_ path: String) {
        guard let parsed = parse(path),
              let top = Fields(parsed.root, in: parsed.file, owner: { _ in "exam.yaml" },
                               allowed: ["exam", "domains"], required: ["exam", "domains"])
        else { return }
        let file = parsed.file
        guard let examNode = top.value("exam"),
              let exam = Fields(
                examNode, in: file, owner: { _ in "exam" },
                allowed: ["code", "title", "questions", "scored", "minutes", "extraMinutes", "passingScore",
                          "minScore", "maxScore"],
                required: ["code", "title", "questions", "scored", "minutes", "extraMinutes", "passingScore",
                           "minScore", "maxScore"])
        else { return }

        let code = exam.string("code")
        let title = exam.text("title")
        let numbers = ["questions", "scored", "minutes", "extraMinutes", "passingScore", "minScore", "maxScore"]
        var values: [String: Int] = [:]
        for key in numbers { values[key] = exam.int(key) }
        checkExamNumbers(values, exam)

        var domains: [Domain] = []
        var taskLocations: [String: SourceLocation] = [:]
        for node in top.list("domains") ?? [] {
            if let domain = readDomain(node, file, &taskLocations) { domains.append(domain) }
        }
        checkWeights(domains, top)

        guard let code, let title, numbers.allSatisfy({ values[$0] != nil }) else { return }
        for task in domains.flatMap(\.tasks) where tasksByID[task.id] == nil { tasksByID[task.id] = task }
        blueprint = ExamBlueprint(
            code: code, title: title, questions: values["questions"]!, scored: values["scored"]!,
            minutes: values["minutes"]!, extraMinutes: values["extraMinutes"]!, passingScore: values["passingScore"]!,
            minScore: values["minScore"]!, maxScore: values["maxScore"]!, domains: domains, location: exam.location)
    }

    private func checkExamNumbers(_ values: [String: Int], _ exam: Fields) {
        if let questions = values["questions"], let scored = values["scored"], scored > questions {
            exam.file.report(
                "exam: 'scored' (\(scored)) cannot be more than 'questions' (\(questions))", at: exam.location(of: "scored"))
        }
        if let low = values["minScore"], let pass = values["passingScore"], let high = values["maxScore"],
           !(low <= pass && pass <= high) {
            exam.file.report(
                "exam: 'passingScore' (\(pass)) must lie between 'minScore' (\(low)) and 'maxScore' (\(high))",
                at: exam.location(of: "passingScore"))
        }
    }

    private func checkWeights(_ domains: [Domain], _ top: Fields) {
        let total = domains.reduce(0) { $0 + $1.weight }
        guard !domains.isEmpty, total != 100 else { return }
        let parts = domains.map { "\($0.id) \($0.weight)" }.joined(separator: " + ")
        top.file.report("domain weights add up to \(total) (\(parts)), not 100", at: top.location(of: "domains"))
    }

    private func readDomain(
        _ node: Node, _ file: YAMLFile, _ taskLocations: inout [String: SourceLocation]
    ) -> Domain? {
        guard let fields = Fields(
            node, in: file, owner: { $0.map { "domain '\($0)'" } ?? "domain" },
            allowed: ["id", "number", "weight", "title", "tasks"], required: ["id", "number", "weight", "title", "tasks"])
        else { return nil }
        let id = register(.domain, fields)
        let number = fields.int("number")
        let weight = fields.int("weight")
        let title = fields.text("title")
        var tasks: [TaskStatement] = []
        let taskNodes = fields.list("tasks")
        if taskNodes?.isEmpty == true {
            file.report("\(fields.owner) has no tasks", at: fields.location(of: "tasks"))
        }
        for taskNode in taskNodes ?? [] {
            guard let task = Fields(
                taskNode, in: file, owner: { $0.map { "task '\($0)'" } ?? "task" },
                allowed: ["id", "title", "topics"], required: ["id", "title"]),
                  let taskID = task.string("id"), let taskTitle = task.text("title")
            else { continue }
            let topics = readTopics(task)
            let location = task.location(of: "id")
            if let domainNumber = Self.domainNumber(ofTaskID: taskID) {
                if let number, domainNumber != number {
                    file.report(
                        "task '\(taskID)' is listed under domain \(number); its id should start with '\(number).'",
                        at: task.file.location(task.value("id")!))
                }
            } else {
                file.report(
                    "task id '\(taskID)' is not valid; task ids are '<domain number>.<task number>', e.g. \"1.2\"",
                    at: task.file.location(task.value("id")!))
            }
            if let first = taskLocations[taskID] {
                file.report(
                    "duplicate task id '\(taskID)'; first defined at \(issues.fileAndLine(first))",
                    at: task.file.location(task.value("id")!))
            } else {
                taskLocations[taskID] = location
            }
            tasks.append(TaskStatement(
                id: taskID, domainID: id ?? "", title: taskTitle, topics: topics, location: task.location))
        }
        guard let id, let number, let weight, let title else { return nil }
        return Domain(id: id, number: number, weight: weight, title: title, tasks: tasks, location: fields.location)
    }

    private func readTopics(_ task: Fields) -> [Topic] {
        (task.list("topics") ?? []).enumerated().compactMap { index, node in
            guard let topic = Fields(
                node, in: task.file, owner: { _ in "\(task.owner) topic \(index + 1)" },
                allowed: ["tag", "title"], required: ["tag", "title"]),
                  let tagNode = topic.value("tag"), let tag = topic.string("tag"), let title = topic.text("title")
            else { return nil }
            if !Self.isValidID(tag) {
                topic.file.report("\(topic.owner): tag '\(tag)' should use a-z, 0-9 and '-'", at: tagNode)
            }
            return Topic(tag: tag, title: title)
        }
    }
}
