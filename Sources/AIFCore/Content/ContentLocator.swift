import Foundation

/// Finds the content directory for the CLI and the app.
public enum ContentLocator {
    /// The first directory holding `exam.yaml`, searching in order:
    /// 1. `explicit` (`--content`), 2. `$AIFPREP_CONTENT` — when either is given it is the only answer, so a
    ///    typo is reported instead of silently loading other content;
    /// 3. `<exe dir>/../share/aifprep/Content`, 4. `<exe dir>/Content`,
    /// 5. the nearest ancestor of the executable with `Package.swift` and `Content/exam.yaml`
    ///    (`.build/debug/aifprep`, `swift run`),
    /// 6. `builtIn()`: the material embedded in the binary, unpacked (a binary copied anywhere),
    /// 7. the same walk as 5 from this source file (a binary moved elsewhere on the build machine).
    public static func find(
        explicit: String?, environment: [String: String], executablePath: String, builtIn: () -> URL? = { nil }
    ) -> URL? {
        find(explicit: explicit, environment: environment, executablePath: executablePath, sourceFile: #filePath,
             builtIn: builtIn)
    }

    static func find(
        explicit: String?, environment: [String: String], executablePath: String, sourceFile: String,
        builtIn: () -> URL? = { nil }
    ) -> URL? {
        if let chosen = chosenByUser(explicit: explicit, environment: environment) {
            return hasExam(chosen) ? chosen : nil
        }
        var exeDirs = [URL(fileURLWithPath: executablePath).deletingLastPathComponent().standardizedFileURL]
        let resolved = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath().deletingLastPathComponent()
        if resolved.path != exeDirs[0].path { exeDirs.append(resolved) }

        for dir in exeDirs {
            for candidate in [dir.appendingPathComponent("../share/aifprep/Content"), dir.appendingPathComponent("Content")]
            where hasExam(candidate) {
                return candidate.standardizedFileURL
            }
        }
        if let found = packageContent(above: exeDirs) { return found }
        if let embedded = builtIn(), hasExam(embedded) { return embedded }
        let sourceDir = URL(fileURLWithPath: sourceFile).resolvingSymlinksInPath().deletingLastPathComponent()
        return packageContent(above: [sourceDir])
    }

    /// The `Content/` of the nearest ancestor (of any of `starts`) that holds `Package.swift`.
    private static func packageContent(above starts: [URL]) -> URL? {
        let manager = FileManager.default
        for start in starts {
            var dir = start.standardizedFileURL
            while true {
                let content = dir.appendingPathComponent("Content")
                if manager.fileExists(atPath: dir.appendingPathComponent("Package.swift").path), hasExam(content) {
                    return content
                }
                let parent = dir.deletingLastPathComponent()
                if parent.path == dir.path { break }
                dir = parent
            }
        }
        return nil
    }

    /// The directory the user named with `--content` or `$AIFPREP_CONTENT`, if any.
    public static func chosenByUser(explicit: String?, environment: [String: String]) -> URL? {
        for value in [explicit, environment["AIFPREP_CONTENT"]] {
            if let value, !value.isEmpty {
                return URL(fileURLWithPath: (value as NSString).expandingTildeInPath).standardizedFileURL
            }
        }
        return nil
    }

    private static func hasExam(_ directory: URL) -> Bool {
        FileManager.default.fileExists(atPath: directory.appendingPathComponent("exam.yaml").path)
    }
}
