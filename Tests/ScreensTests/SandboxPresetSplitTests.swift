import AIFCore
import Foundation
import Testing
import TerminalUI
@testable import Screens

/// Each tab's picker lists its own presets: a Playground preset picked in the regression tab would train
/// a 2-D dataset in a view drawn for a curve.
@Suite struct SandboxPresetSplitTests {
    @Test func theRegressionPickerLeavesOutPlaygroundPresets() {
        let context = AppContext(settings: AppSettings(), now: { Date(timeIntervalSince1970: 1_700_000_000) })
        let screen = SandboxScreen(library: PlaygroundFixture.library, openCard: { _ in nil }, pacing: .fixed(epochsPerTick: 5))
        var model = AppModel(root: screen, context: context)
        model.send(.resize(Size(width: 100, height: 40)))
        model.send(.char("p"))
        var buffer = Buffer(size: Size(width: 100, height: 40))
        model.view(into: &buffer, theme: .standard)
        #expect(buffer.text.contains("Learning rate too high"))
        #expect(!buffer.text.contains("XOR with x1·x2"))
        // Cycling the whole list never lands on it either.
        for _ in 0..<PlaygroundFixture.library.presets.count {
            model.send(.key(.down))
            let s = model.stack.last as! SandboxScreen
            #expect(s.presets.indices.contains(s.pickerSelection ?? -1))
        }
        #expect((model.stack.last as! SandboxScreen).presets.allSatisfy { !$0.id.hasPrefix("pg-") })
    }
}
