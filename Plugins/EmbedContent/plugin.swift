import Foundation
import PackagePlugin

/// Embeds the study material in the binary: every `Content/**/*.yaml` (and `FORMAT.md`) becomes a string
/// literal in a generated Swift file, so that one file can be copied to a machine and run there.
/// The tool is re-run whenever a content file is added, removed or changed.
@main
struct EmbedContent: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let content = context.package.directoryURL.appendingPathComponent("Content")
        let manager = FileManager.default
        var relative: [String] = []
        if let walker = manager.enumerator(atPath: content.path) {
            while let path = walker.nextObject() as? String {
                let name = (path as NSString).lastPathComponent
                if name.hasPrefix(".") { walker.skipDescendants(); continue }
                if name.hasSuffix(".yaml") || name.hasSuffix(".yml") || path == "FORMAT.md" { relative.append(path) }
            }
        }
        relative.sort()
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("EmbeddedFiles.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(relative.count) files of Content/",
                executable: try context.tool(named: "EmbedContentTool").url,
                arguments: [content.path, output.path] + relative,
                inputFiles: relative.map { content.appendingPathComponent($0) },
                outputFiles: [output])
        ]
    }
}
