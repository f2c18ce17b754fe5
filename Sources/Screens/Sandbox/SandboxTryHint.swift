import AIFCore
import TerminalUI

/// What to try first on a preset, from the state it is expected to reach: the control to change and the
/// curve to watch. Shown at the top of the notes so it is visible even when the description is cut.
enum SandboxTryHint {
    static func control(for preset: SandboxPreset) -> SandboxControl {
        switch preset.expect {
        case "overfitting", "good": .epochs
        default: .learningRate
        }
    }

    static func text(for preset: SandboxPreset, _ ctx: AppContext) -> String {
        switch preset.expect {
        case "overfitting":
            ctx.t("Try: press ← on Epochs and watch validation loss stop rising, or turn on Early stopping.",
                  "試す: エポック数で ← を押し、検証損失が上がらなくなる様子を見る (早期停止をオンにしても可)。")
        case "underfitting":
            ctx.t("Try: press → on Learning rate and watch both losses fall further.",
                  "試す: 学習率で → を押し、2 つの損失がさらに下がる様子を見る。")
        case "unstable":
            ctx.t("Try: press ← on Learning rate and watch the loss spikes settle.",
                  "試す: 学習率で ← を押し、損失の跳ね上がりが収まる様子を見る。")
        default:
            ctx.t("Try: press → on Epochs and watch validation loss: where does it start to rise?",
                  "試す: エポック数で → を押し、検証損失がどこで上がり始めるかを見る。")
        }
    }
}
