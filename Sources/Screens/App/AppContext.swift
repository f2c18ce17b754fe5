import AIFCore
import Foundation
import TerminalUI

/// State shared by every screen: the learner's settings and language, and the services screens call.
/// Screens read it in `view` and may change it in `update`. Screens do no I/O: they hand commands to
/// `perform`, which `AppModel` returns to the runtime (settings are saved that way too).
public final class AppContext {
    public var settings: AppSettings
    /// Forced to English when the terminal cannot show Japanese (no UTF-8 locale).
    public let canShowJapanese: Bool
    public var paths: AppPaths
    /// Read by whoever delivers events (the runtime, a test driver) to stamp them with their time.
    public var clock: () -> Date
    /// The time of the event being handled (set by `AppModel`); `now()` reads it.
    var eventTime: Date?
    /// Writes the settings file; runs off the loop, returns an error message on failure.
    public var onSettingsChange: (AppSettings) -> String?
    /// Commands asked for during the current update: (command, owned by the app rather than the screen).
    private(set) var outbox: [(command: Command, appOwned: Bool)] = []
    /// A one-line message shown in the footer until the next key (errors from saving, notices).
    public var status: String?
    /// Where the current screen is drawn (between header and footer), for mouse hit-testing in updates.
    public internal(set) var bodyArea = Rect.zero

    public init(settings: AppSettings = AppSettings(), canShowJapanese: Bool = true,
                paths: AppPaths = AppPaths(dataDirectory: URL(fileURLWithPath: "/tmp/aifprep"), configDirectory: URL(fileURLWithPath: "/tmp/aifprep")),
                now: @escaping () -> Date = Date.init, onSettingsChange: @escaping (AppSettings) -> String? = { _ in nil }) {
        self.settings = settings
        self.canShowJapanese = canShowJapanese
        self.paths = paths
        self.clock = now
        self.onSettingsChange = onSettingsChange
    }

    /// The time of the current event (the clock only outside an update, e.g. while a screen is built in a test).
    public func now() -> Date { eventTime ?? clock() }

    /// Asks the runtime for `command` once this update returns. A job's messages go back to the screen
    /// that asked, and are dropped once it closes.
    public func perform(_ command: Command) { outbox.append((command, false)) }

    /// Like `perform`, for work whose outcome matters after the screen closes: its messages go to the
    /// app (a `StatusReport` is shown in the footer).
    public func performForApp(_ command: Command) { outbox.append((command, true)) }

    func takeOutbox() -> [(command: Command, appOwned: Bool)] {
        defer { outbox.removeAll() }
        return outbox
    }

    public var language: Language { canShowJapanese ? settings.language : .en }
    public var isJapanese: Bool { language == .ja }

    /// Picks the string for the current language; both are written side by side where they are used.
    public func t(_ en: String, _ ja: String) -> String { isJapanese ? ja : en }

    /// "1 card" / "2 cards" / "2 枚": counts read naturally in both languages.
    public func count(_ n: Int, _ singular: String, _ plural: String, ja unit: String) -> String {
        isJapanese ? "\(n) \(unit)" : "\(n) \(n == 1 ? singular : plural)"
    }

    public func toggleLanguage() {
        guard canShowJapanese else {
            status = "Japanese needs a UTF-8 locale (e.g. LANG=C.UTF-8)"
            return
        }
        settings.language = settings.language == .en ? .ja : .en
        saveSettings()
    }

    /// Saves off the loop, in order on one lane; an error shows in the footer when it comes back.
    public func saveSettings() {
        let settings = settings, save = onSettingsChange
        performForApp(.run(Job(key: "settings", lane: "settings") { _ in StatusReport(save(settings)) }))
    }
}

/// A job result meant for the footer: shown when non-nil (a failed save), otherwise nothing happens.
public struct StatusReport: Sendable, Equatable {
    public var text: String?
    public init(_ text: String?) { self.text = text }
}
