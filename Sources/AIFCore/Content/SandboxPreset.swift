/// One `aifprep train` flag of a preset, exactly as written (the sandbox parses the value).
public struct PresetSetting: Sendable, Hashable, Codable {
    public var key: String
    public var value: String
    /// Where the key is written.
    public var location: SourceLocation

    public init(key: String, value: String, location: SourceLocation = .none) {
        self.key = key
        self.value = value
        self.location = location
    }
}

/// A training-sandbox setup that demonstrates one training state.
public struct SandboxPreset: Sendable, Hashable, Identifiable, Codable {
    /// The training states a preset can expect; also the keys of `diagnoses`.
    public static let trainingStates = ["good", "overfitting", "underfitting", "unstable"]

    public var id: String
    public var title: LocalizedText
    public var description: LocalizedText
    /// One of `trainingStates`.
    public var expect: String
    public var cardIDs: [String]
    /// In file order.
    public var settings: [PresetSetting]
    public var location: SourceLocation

    public init(
        id: String, title: LocalizedText, description: LocalizedText, expect: String, cardIDs: [String] = [],
        settings: [PresetSetting] = [], location: SourceLocation = .none
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.expect = expect
        self.cardIDs = cardIDs
        self.settings = settings
        self.location = location
    }
}
