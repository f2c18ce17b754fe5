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

    func makeContext(canShowJapanese: Bool) -> AppContext {
        let file = settingsFile
        let ctx = AppContext(settings: settings, canShowJapanese: canShowJapanese, paths: paths, onSettingsChange: { s in
            do { try file.save(s); return nil } catch { return "Could not save settings to \(file.url.path): \(error.localizedDescription)" }
        })
        ctx.status = notices.first
        return ctx
    }
}
