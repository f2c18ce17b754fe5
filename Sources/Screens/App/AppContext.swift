import AIFCore
import Foundation
import TerminalUI

/// State shared by every screen: the learner's settings and language, and the services screens call.
/// Screens read it in `view` and may change it in `update`; persistence goes through `saveSettings`.
public final class AppContext {
    public var settings: AppSettings
    /// Forced to English when the terminal cannot show Japanese (no UTF-8 locale).
    public let canShowJapanese: Bool
    public var paths: AppPaths
    public var now: () -> Date
    public var onSettingsChange: (AppSettings) -> String?
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
        self.now = now
        self.onSettingsChange = onSettingsChange
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

    public func saveSettings() {
        if let error = onSettingsChange(settings) { status = error }
    }
}
