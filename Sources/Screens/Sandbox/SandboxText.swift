import AIFCore
import Foundation
import TerminalUI
import TrainingSandbox

/// Every word the sandbox shows, in English and Japanese (the study article's terms).
extension SandboxControl {
    func label(_ ctx: AppContext) -> String {
        switch self {
        case .learningRate: ctx.t("Learning rate", "学習率")
        case .batch: ctx.t("Batch size", "バッチサイズ")
        case .epochs: ctx.t("Epochs", "エポック数")
        case .schedule: ctx.t("LR decay", "学習率の減衰")
        case .decay: ctx.t("Decay factor", "減衰率")
        case .stepSize: ctx.t("Step every", "ステップ間隔")
        case .warmup: ctx.t("Warm-up", "ウォームアップ")
        case .earlyStopping: ctx.t("Early stopping", "早期停止")
        case .patience: ctx.t("Patience", "待機エポック")
        case .optimizer: ctx.t("Optimiser", "最適化手法")
        case .hidden: ctx.t("Hidden units", "隠れユニット")
        case .layers: ctx.t("Hidden layers", "隠れ層の数")
        case .activation: ctx.t("Activation", "活性化関数")
        case .noise: ctx.t("Noise", "ノイズ")
        case .seed: ctx.t("Seed", "シード")
        }
    }

    func valueText(_ c: TrainingConfig, _ ctx: AppContext) -> String {
        switch self {
        case .learningRate: return SandboxFormat.decimal(c.lr)
        case .batch: return "\(c.effectiveBatch)/\(c.trainSize)"
        case .epochs: return "\(c.epochs)"
        case .schedule:
            switch c.schedule {
            case .constant: return ctx.t("none", "なし")
            case .step: return ctx.t("step", "ステップ")
            case .exponential: return ctx.t("exp", "指数")
            case .cosine: return ctx.t("cosine", "コサイン")
            }
        case .decay: return SandboxFormat.decimal(c.gamma)
        case .stepSize: return "\(c.stepSize)"
        case .warmup: return "\(c.warmup)"
        case .earlyStopping: return c.earlyStopping ? ctx.t("on", "オン") : ctx.t("off", "オフ")
        case .patience: return "\(c.patience)"
        case .optimizer:
            switch c.optimizer {
            case .sgd: return "SGD"
            case .momentum: return "Momentum"
            case .adam: return "Adam"
            }
        case .hidden: return c.layers.count > 1 ? "\(c.layers.first ?? 0)x\(c.layers.count)" : "\(c.layers.first ?? 0)"
        case .layers: return "\(c.layers.count)"
        case .activation: return c.activation.rawValue
        case .noise: return SandboxFormat.decimal(c.noise)
        case .seed: return "\(c.seed)"
        }
    }

    /// One line shown under the diagnosis when the control is selected: what the setting does.
    func hint(_ ctx: AppContext) -> String {
        switch self {
        case .learningRate: ctx.t("Step size of each update: too high is unstable, too low learns slowly.",
                                  "1 回の更新の大きさ。高すぎると不安定、低すぎると学習が遅くなります。")
        case .batch: ctx.t("Points per update: smaller batches mean more, noisier updates per epoch. d drops a leftover last batch.",
                           "1 回の更新に使う点の数。小さいほど 1 エポックの更新回数が増え、ノイズも増えます。d で端数の最後のバッチを捨てます。")
        case .epochs: ctx.t("Passes over the training data: too many can overfit.",
                            "訓練データを何周するか。多すぎると過学習することがあります。")
        case .schedule: ctx.t("How the learning rate falls after warm-up.", "ウォームアップ後に学習率をどう下げるか。")
        case .decay: ctx.t("Factor the rate is multiplied by: each epoch (exp), or each step (step).",
                           "学習率に掛ける係数。指数ではエポックごと、ステップではステップごとに掛けます。")
        case .stepSize: ctx.t("Step schedule only: epochs between two decays of the learning rate.",
                              "ステップ減衰のときだけ使います。学習率を下げる間隔 (エポック数)。")
        case .warmup: ctx.t("Epochs over which the learning rate ramps up from small.", "学習率を小さな値から徐々に上げるエポック数。")
        case .earlyStopping: ctx.t("Stop when the validation loss stops improving; keep the best weights.",
                                   "検証損失が改善しなくなったら止め、最良の重みを残します。")
        case .patience: ctx.t("Epochs without improvement before early stopping stops.", "早期停止が止めるまでに待つ、改善のないエポック数。")
        case .optimizer: ctx.t("How gradients become updates.", "勾配から更新を作る方法。")
        case .layers: ctx.t("Hidden layers of the same width: deeper nets bend more, and train differently.",
                            "同じ幅の隠れ層をいくつ重ねるか。深いほど複雑な形を表せますが、学習の様子も変わります。")
        case .activation: ctx.t("The hidden units' curve: tanh and sigmoid are smooth, relu is bent, linear cannot bend at all.",
                                "隠れユニットの関数。tanh と sigmoid はなめらか、relu は折れ線、linear はまったく曲がりません。")
        case .hidden: ctx.t("Width of the hidden layer: more units can fit (and overfit) more.",
                            "隠れ層の幅。多いほど複雑な形に合わせられ、過学習もしやすくなります。")
        case .noise: ctx.t("Label noise σ: validation loss cannot stay below the noise floor σ² on average; training loss below it means the model is memorising noise.",
                           "データのノイズ σ。検証損失は平均してノイズの下限 σ² を下回れません。訓練損失がそれを下回るのは、ノイズまで丸暗記しているサインです。")
        case .seed: ctx.t("Random data and starting weights; R or S picks the next seed.", "データと初期重みの乱数。R か S で次のシードにします。")
        }
    }
}

extension FitState {
    func name(_ ctx: AppContext) -> String {
        switch self {
        case .good: ctx.t("Good fit", "適切な汎化")
        case .overfitting: ctx.t("Overfitting", "過学習")
        case .underfitting: ctx.t("Underfitting", "学習不足 (未学習)")
        case .unstable: ctx.t("Unstable training", "不安定な学習")
        }
    }

    func style(_ theme: Theme) -> Style {
        switch self {
        case .good: theme.good
        case .overfitting, .underfitting: theme.warning
        case .unstable: theme.bad
        }
    }
}

extension InstabilityKind {
    func name(_ ctx: AppContext) -> String {
        switch self {
        case .diverged: ctx.t("diverged", "発散")
        case .spiking: ctx.t("loss spike", "損失の急上昇")
        case .oscillating: ctx.t("oscillating", "振動")
        }
    }
}

enum SandboxText {
    /// A YAML block as one paragraph: English lines join with a space, Japanese lines directly.
    static func unfold(_ text: LocalizedText, _ lang: Language) -> String {
        let lines = text(lang).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        return lines.joined(separator: lang == .ja ? "" : " ")
    }
}
