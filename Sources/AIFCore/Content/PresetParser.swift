import Yams

extension ContentReader {
    func readPresets(_ path: String) {
        guard let parsed = parse(path),
              let top = Fields(parsed.root, in: parsed.file, owner: { _ in "presets file" },
                               allowed: ["diagnoses", "presets"], required: ["diagnoses", "presets"])
        else { return }
        if let node = top.value("diagnoses") { readDiagnoses(node, parsed.file) }
        for node in top.list("presets") ?? [] {
            if let preset = readPreset(node, parsed.file) { presets.append(preset) }
        }
    }

    private func readDiagnoses(_ node: Node, _ file: YAMLFile) {
        let states = SandboxPreset.trainingStates
        guard let fields = Fields(node, in: file, owner: { _ in "diagnoses" }, allowed: states, required: states)
        else { return }
        for state in states {
            guard let valueNode = fields.value(state), let cardID = fields.string(state) else { continue }
            diagnosisCards[state] = cardID
            link(.card, id: cardID, at: valueNode, in: file, phrase: "diagnoses: '\(state)' card")
        }
    }

    private func readPreset(_ node: Node, _ file: YAMLFile) -> SandboxPreset? {
        guard let fields = Fields(
            node, in: file, owner: { $0.map { "preset '\($0)'" } ?? "preset" },
            allowed: ["id", "title", "description", "expect", "cards", "settings"],
            required: ["id", "title", "description", "expect"])
        else { return nil }
        let id = register(.preset, fields)
        let title = fields.text("title")
        let description = fields.text("description")
        let expect = fields.string("expect")
        if let expect, !SandboxPreset.trainingStates.contains(expect) {
            let states = SandboxPreset.trainingStates
            fields.file.report(
                "\(fields.owner): expect '\(expect)' is not a training state\(Suggestions.hint(for: expect, in: states)) "
                    + "(\(states.joined(separator: ", ")))", at: fields.value("expect")!)
        }
        let cardIDs = fields.stringList("cards") ?? []
        for card in cardIDs {
            link(.card, id: card.value, at: card.node, in: file, phrase: "\(fields.owner): card")
        }
        let settings = readSettings(fields)
        guard let id, let title, let description, let expect else { return nil }
        return SandboxPreset(
            id: id, title: title, description: description, expect: expect, cardIDs: cardIDs.map(\.value),
            settings: settings, location: fields.location)
    }

    private func readSettings(_ fields: Fields) -> [PresetSetting] {
        guard let node = fields.value("settings"), !YAMLFile.isNull(node) else { return [] }
        guard case .mapping(let mapping) = node else {
            fields.file.report(
                "\(fields.owner): 'settings' should be a mapping of train flags to values, found "
                    + YAMLFile.describe(node), at: node)
            return []
        }
        var settings: [PresetSetting] = []
        for (keyNode, valueNode) in mapping {
            guard let key = fields.file.scalar(keyNode, owner: fields.owner, field: "a setting name"),
                  let value = fields.file.scalar(valueNode, owner: fields.owner, field: "setting '\(key)'")
            else { continue }
            let location = fields.file.location(keyNode)
            if let problem = settingValidator?(key, value) {
                fields.file.report("\(fields.owner): setting '\(key): \(value)': \(problem)", at: location)
            }
            settings.append(PresetSetting(key: key, value: value, location: location))
        }
        return settings
    }
}
