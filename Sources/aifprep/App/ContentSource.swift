import AIFCore
import ArgumentParser
import EmbeddedContent
import Foundation
import TextSafety
import TrainingSandbox

/// Finding and loading the study material, the same way for every command.
enum ContentSource {
    /// Preset settings are checked by the sandbox itself, so content and engine cannot disagree.
    static func settingValidator(_ key: String, _ value: String) -> String? { TrainingConfig.validateSetting(key: key, value: value) }

    /// The content directory, or a clear error naming where it looked.
    static func locate(_ explicit: String?) throws -> URL {
        let environment = ProcessInfo.processInfo.environment
        let executable = Bundle.main.executableURL?.path ?? CommandLine.arguments[0]
        if let found = ContentLocator.find(explicit: explicit, environment: environment, executablePath: executable,
                                           builtIn: { builtInContent(environment: environment) }) {
            return found
        }
        if let chosen = ContentLocator.chosenByUser(explicit: explicit, environment: environment) {
            printError("aifprep: \(chosen.path) has no exam.yaml; is it the content directory?")
        } else {
            printError("aifprep: content not found; pass --content DIR or set AIFPREP_CONTENT")
        }
        throw ExitCode.failure
    }

    /// The material built into this binary, unpacked into `$XDG_CACHE_HOME/aifprep` (else `~/.cache/aifprep`);
    /// nil (after saying why) when it cannot be written there.
    static func builtInContent(environment: [String: String]) -> URL? {
        guard EmbeddedContent.isAvailable else { return nil }
        let cache = EmbeddedContent.defaultCacheRoot(environment: environment)
        do {
            return try EmbeddedContent.unpack(in: cache)
        } catch {
            printError("aifprep: cannot unpack the built-in study material into \(cache.path) "
                + "(\(error.localizedDescription)); set XDG_CACHE_HOME to a writable folder, or pass --content DIR")
            return nil
        }
    }

    /// The learner's own decks, `<data dir>/decks` (the data dir as `--data-dir`, `AIFPREP_DATA_DIR`, XDG).
    static func userDecks(dataDir: String?) -> URL {
        UserDecks.folder(dataDirectory: AppPaths.resolve(dataDir: dataDir, environment: ProcessInfo.processInfo.environment).dataDirectory)
    }

    /// Loads the content (and, with `userDecks`, the learner's own decks beside it) or prints every problem as
    /// FILE:LINE:COL: message and fails (no stack trace).
    /// With `cacheDirectory`, through the validated `ContentCache` (set AIFPREP_NO_CONTENT_CACHE=1 to skip it).
    static func load(_ explicit: String?, userDecks: URL? = nil, cacheDirectory: URL? = nil) throws -> ContentLibrary {
        let directory = try locate(explicit)
        do {
            let environment = ProcessInfo.processInfo.environment
            // AIFPREP_CACHE_DIR moves the cache (the end-to-end tests share one across their data folders).
            let cacheDirectory = environment["AIFPREP_CACHE_DIR"].map { URL(fileURLWithPath: $0) } ?? cacheDirectory
            if let cacheDirectory, environment["AIFPREP_NO_CONTENT_CACHE"] != "1" {
                return try ContentCache.load(from: directory, userDecks: userDecks, cacheDirectory: cacheDirectory,
                                             buildID: buildID, settingValidator: settingValidator).library
            }
            return try ContentLoader.load(from: directory, userDecks: userDecks, settingValidator: settingValidator)
        } catch let errors as ContentErrors {
            for issue in errors.issues { printError(issue.description) }
            printError("aifprep: the study material in \(directory.path) has \(errors.issues.count) problem\(errors.issues.count == 1 ? "" : "s"); fix them (see Content/FORMAT.md) and run `aifprep content lint`")
            throw ExitCode.failure
        }
    }

    /// This binary's size and modification time: a new build never trusts a library an older one cached.
    static var buildID: String {
        let path = Bundle.main.executableURL?.path ?? CommandLine.arguments[0]
        var info = stat()
        guard stat(path, &info) == 0 else { return "aifprep \(AIFPrep.version) unknown-binary-\(UInt64.random(in: 0...UInt64.max))" }
        return "aifprep \(AIFPrep.version) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }

    /// Sanitised: messages quote content and file names, which must not reach the terminal as controls.
    static func printError(_ line: String) {
        FileHandle.standardError.write(Data((TerminalText.clean(line, keepNewlines: true) + "\n").utf8))
    }
}
