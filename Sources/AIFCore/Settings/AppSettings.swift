import Foundation

/// What a learner can change in Settings. Stored as JSON in the config directory; unknown or missing keys
/// fall back to defaults so that an older or newer file never stops the app.
public struct AppSettings: Codable, Equatable, Sendable {
    public var language: Language = .en
    public var newCardsPerDay: Int = 20
    public var reviewsPerDay: Int = 200
    public var desiredRetention: Double = 0.9
    public var dayStartHour: Int = 4
    public var examExtraTime: Bool = false
    /// The learner's exam day, "YYYY-MM-DD" (nil: not set); the plan counts down to it.
    public var examDate: String?
    /// The last practice setup, offered again next time (nil: everything, the default).
    public var practice: PracticeChoice?

    public init() {}

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = AppSettings()
        language = (try? c.decodeIfPresent(Language.self, forKey: .language)) ?? d.language
        newCardsPerDay = (try? c.decodeIfPresent(Int.self, forKey: .newCardsPerDay)).map { min(max($0, 0), 9999) } ?? d.newCardsPerDay
        reviewsPerDay = (try? c.decodeIfPresent(Int.self, forKey: .reviewsPerDay)).map { min(max($0, 0), 99999) } ?? d.reviewsPerDay
        desiredRetention = (try? c.decodeIfPresent(Double.self, forKey: .desiredRetention)).map { min(max($0, 0.7), 0.97) } ?? d.desiredRetention
        dayStartHour = (try? c.decodeIfPresent(Int.self, forKey: .dayStartHour)).map { min(max($0, 0), 23) } ?? d.dayStartHour
        examExtraTime = (try? c.decodeIfPresent(Bool.self, forKey: .examExtraTime)) ?? d.examExtraTime
        examDate = ((try? c.decodeIfPresent(String.self, forKey: .examDate)) ?? nil).flatMap { AppSettings.parseExamDate($0) == nil ? nil : $0 }
        practice = (try? c.decodeIfPresent(PracticeChoice.self, forKey: .practice)) ?? nil
    }
}

extension AppSettings {
    /// (year, month, day) from "YYYY-MM-DD", or nil when it is not a real date.
    public static func parseExamDate(_ text: String) -> (year: Int, month: Int, day: Int)? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m), (1...31).contains(d) else { return nil }
        var c = DateComponents(year: y, month: m, day: d)
        c.calendar = Calendar(identifier: .gregorian)
        guard c.isValidDate else { return nil }
        return (y, m, d)
    }
}

/// What the learner chose in practice setup; ids that no longer exist in the content are ignored on load.
public struct PracticeChoice: Codable, Equatable, Sendable {
    public var tasks: [String]
    public var kinds: [String]
    public var difficulties: [String]
    public var count: Int
    public var timed: Bool

    public init(tasks: [String], kinds: [String], difficulties: [String], count: Int, timed: Bool) {
        self.tasks = tasks
        self.kinds = kinds
        self.difficulties = difficulties
        self.count = count
        self.timed = timed
    }
}

/// Reads and writes settings atomically; a file that cannot be parsed is kept aside, never overwritten silently.
public struct SettingsFile: Sendable {
    public let url: URL

    public init(directory: URL) { url = directory.appendingPathComponent("settings.json") }

    public enum LoadResult: Sendable {
        case loaded(AppSettings)
        case missing
        /// The file was unreadable; it has been renamed to `backup` and defaults are used.
        case recovered(AppSettings, backup: URL, reason: String)
    }

    public func load() -> LoadResult {
        guard let data = try? Data(contentsOf: url) else { return .missing }
        do {
            return .loaded(try JSONDecoder().decode(AppSettings.self, from: data))
        } catch {
            let backup = url.appendingPathExtension("broken-\(Int(Date().timeIntervalSince1970))")
            try? FileManager.default.moveItem(at: url, to: backup)
            return .recovered(AppSettings(), backup: backup, reason: "\(error)")
        }
    }

    public func save(_ settings: AppSettings) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys]
        try enc.encode(settings).write(to: url, options: .atomic)
    }
}

/// Where aifprep keeps things, following the XDG base directory spec.
public struct AppPaths: Sendable, Equatable {
    public var dataDirectory: URL
    public var configDirectory: URL

    public init(dataDirectory: URL, configDirectory: URL) {
        self.dataDirectory = dataDirectory
        self.configDirectory = configDirectory
    }

    /// `--data-dir`, then `AIFPREP_DATA_DIR`, then `$XDG_DATA_HOME/aifprep`, then `~/.local/share/aifprep`;
    /// settings in `$XDG_CONFIG_HOME/aifprep` (else `~/.config/aifprep`).
    public static func resolve(dataDir: String?, environment: [String: String]) -> AppPaths {
        let home = environment["HOME"].map { URL(fileURLWithPath: $0) } ?? FileManager.default.homeDirectoryForCurrentUser
        func nonEmpty(_ k: String) -> String? { environment[k].flatMap { $0.isEmpty ? nil : $0 } }
        let data: URL
        if let d = dataDir ?? nonEmpty("AIFPREP_DATA_DIR") {
            data = URL(fileURLWithPath: d)
        } else if let x = nonEmpty("XDG_DATA_HOME") {
            data = URL(fileURLWithPath: x).appendingPathComponent("aifprep")
        } else {
            data = home.appendingPathComponent(".local/share/aifprep")
        }
        let config = nonEmpty("XDG_CONFIG_HOME").map { URL(fileURLWithPath: $0) } ?? home.appendingPathComponent(".config")
        return AppPaths(dataDirectory: data.standardizedFileURL, configDirectory: config.appendingPathComponent("aifprep").standardizedFileURL)
    }
}
