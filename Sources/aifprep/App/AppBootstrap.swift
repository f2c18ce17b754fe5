import ArgumentParser
import AIFCore
import Foundation
import Screens

/// Settings and paths, resolved once for every subcommand that needs them.
struct AppBootstrap {
    let paths: AppPaths
    let settingsFile: SettingsFile
    var settings: AppSettings
    var notices: [String] = []

    init(dataDir: String?, environment: [String: String] = ProcessInfo.processInfo.environment) {
        paths = AppPaths.resolve(dataDir: dataDir, environment: environment)
        settingsFile = SettingsFile(directory: paths.configDirectory)
        switch settingsFile.load() {
        case .loaded(let s): settings = s
        case .missing: settings = AppSettings()
        case .recovered(let s, let backup, let reason):
            settings = s
            notices.append("Settings file was unreadable (\(reason)); kept it as \(backup.path) and started from defaults.")
        }
    }

    /// `--exam-date`: "YYYY-MM-DD" sets the exam day, "none" clears it; saved so the app and `stats` share it.
    static func checkExamDate(_ text: String?) throws {
        guard let text, text != "none" else { return }
        if AppSettings.parseExamDate(text) == nil { throw ValidationError("--exam-date must be a date like 2026-03-14, or none") }
    }

    mutating func apply(examDate text: String?) {
        guard let text else { return }
        settings.examDate = text == "none" ? nil : text
        do { try settingsFile.save(settings) } catch { notices.append("Could not save the exam date to \(settingsFile.url.path): \(error.localizedDescription)") }
    }

    func makeContext(canShowJapanese: Bool) -> AppContext {
        let file = settingsFile
        let ctx = AppContext(settings: settings, canShowJapanese: canShowJapanese, paths: paths, onSettingsChange: { s in
            do { try file.save(s); return nil } catch { return "Could not save settings to \(file.url.path): \(error.localizedDescription)" }
        })
        ctx.status = notices.first
        return ctx
    }
}
