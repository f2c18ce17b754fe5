import Foundation
import TrainingSandbox

/// One setting of the Playground tab: a value the learner steps through with ←→.
enum PlaygroundControl: Int, CaseIterable {
    case dataset, noise, trainRatio, features, layers, units, activation, regularization, regRate, learningRate, batch, optimizer, epochs

    /// Playground's own ladders.
    static let noises: [Double] = stride(from: 0, through: 50, by: 5).map { Double($0) / 100 }
    static let trainRatios: [Double] = stride(from: 10, through: 90, by: 10).map(Double.init)
    static let regRates: [Double] = [0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10]
    static let learningRates: [Double] = [1e-5, 1e-4, 1e-3, 3e-3, 1e-2, 3e-2, 0.1, 0.3, 1, 3, 10]
    static let epochCounts: [Double] = [10, 20, 50, 100, 200, 300, 500, 1000, 1500, 2000]
    /// Feature sets a step goes through; the digits 1–7 toggle single features.
    static let featureSets: [[InputFeature]] = [
        [.x1, .x2], [.x1sq, .x2sq], [.x1, .x2, .x1sq, .x2sq], [.x1x2], [.x1, .x2, .x1x2],
        [.x1, .x2, .sinx1, .sinx2], InputFeature.allCases,
    ]

    func label(_ ctx: AppContext) -> String {
        switch self {
        case .dataset: ctx.t("Data", "データ")
        case .noise: ctx.t("Noise", "ノイズ")
        case .trainRatio: ctx.t("Train ratio", "訓練の割合")
        case .features: ctx.t("Features", "特徴量")
        case .layers: ctx.t("Layers", "隠れ層")
        case .units: ctx.t("Units", "ユニット")
        case .activation: ctx.t("Activation", "活性化")
        case .regularization: ctx.t("Regular.", "正則化")
        case .regRate: ctx.t("Reg. rate", "正則化率")
        case .learningRate: ctx.t("Learn rate", "学習率")
        case .batch: ctx.t("Batch", "バッチ")
        case .optimizer: ctx.t("Optimiser", "最適化")
        case .epochs: ctx.t("Epochs", "エポック")
        }
    }

    func valueText(_ c: TrainingConfig, unicode: Bool) -> String {
        switch self {
        case .dataset: c.dataset.rawValue
        case .noise: "\(Int((c.noise * 100).rounded())) %"
        case .trainRatio: "\(Int((c.trainRatio * 100).rounded())) %"
        case .features: c.features.map { unicode ? $0.label.replacingOccurrences(of: " ", with: "") : $0.rawValue }.joined(separator: " ")
        case .layers: "\(c.layers.count)"
        case .units: c.layers.map(String.init).joined(separator: ",")
        case .activation: c.activation.rawValue
        case .regularization: c.regularization == .none ? "none" : c.regularization.rawValue.uppercased()
        case .regRate: Self.number(c.regRate)
        case .learningRate: Self.number(c.lr)
        case .batch: "\(c.effectiveBatch)"
        case .optimizer: ["sgd": "SGD", "momentum": "momentum", "adam": "Adam"][c.optimizer.rawValue] ?? c.optimizer.rawValue
        case .epochs: "\(c.epochs)"
        }
    }

    static func number(_ x: Double) -> String {
        x == 0 ? "0" : x >= 0.001 ? String(format: "%g", x) : String(format: "%.0e", x)
    }

    /// Moves one rung up (+1) or down (−1); false when already at the end.
    func step(_ direction: Int, _ c: inout TrainingConfig) -> Bool {
        func next(_ ladder: [Double], _ value: Double) -> Double? {
            if direction > 0 { return ladder.first { $0 > value * (1 + 1e-9) + 1e-12 } }
            return ladder.last { $0 < value * (1 - 1e-9) - 1e-12 }
        }
        func cycle<T: Equatable>(_ all: [T], _ value: T) -> T? {
            guard let i = all.firstIndex(of: value) else { return all.first }
            let j = i + direction
            return all.indices.contains(j) ? all[j] : nil
        }
        switch self {
        case .dataset:
            guard let d = cycle(DatasetKind.planes, c.dataset) else { return false }
            c.dataset = d
        case .noise:
            guard let v = next(Self.noises, c.noise) else { return false }
            c.noise = v
        case .trainRatio:
            guard let v = next(Self.trainRatios, c.trainRatio * 100), (try? c.set(key: "trainRatio", value: "\(Int(v))")) != nil else { return false }
        case .features:
            guard let f = cycle(Self.featureSets, c.features) else { return false }
            c.features = f
        case .layers:
            let n = c.layers.count + direction
            guard (1...TrainingConfig.maxPlaygroundLayers).contains(n) else { return false }
            c.layers = direction > 0 ? c.layers + [c.layers.last ?? 4] : Array(c.layers.dropLast())
        case .units:
            let width = (c.layers.max() ?? 1) + direction
            guard (1...TrainingConfig.maxPlaygroundWidth).contains(width) else { return false }
            c.layers = c.layers.map { _ in width }
        case .activation:
            guard let a = cycle(Activation.allCases, c.activation) else { return false }
            c.activation = a
        case .regularization:
            guard let r = cycle(Regularization.allCases, c.regularization) else { return false }
            c.regularization = r
        case .regRate:
            guard let v = next(Self.regRates, c.regRate) else { return false }
            c.regRate = v
        case .learningRate:
            guard let v = next(Self.learningRates, c.lr) else { return false }
            c.lr = v
        case .batch:
            let b = c.effectiveBatch + direction
            guard (1...max(1, min(30, c.trainSize))).contains(b) else { return false }
            c.batch = b
        case .optimizer:
            guard let o = cycle(Optimizer.allCases, c.optimizer) else { return false }
            c.optimizer = o
        case .epochs:
            guard let v = next(Self.epochCounts, Double(c.epochs)) else { return false }
            c.epochs = Int(v)
        }
        return true
    }

    /// What the setting does, one line (shown for the selected control where there is room).
    func hint(_ ctx: AppContext) -> String {
        switch self {
        case .dataset: ctx.t("Playground's four problems.", "Playground の 4 つの問題。")
        case .noise: ctx.t("Flips labels (circle, XOR) or spreads points (Gaussians, spiral).", "ラベルを反転 (円・XOR) または点を散らす (ガウス・渦巻き)。")
        case .trainRatio: ctx.t("Share of the 500 points used for training; the rest test.", "500 点のうち訓練に使う割合。残りはテスト。")
        case .features: ctx.t("What the network sees; 1-7 toggle one.", "ネットワークへの入力。1〜7 で個別に切り替え。")
        case .layers: ctx.t("Hidden layers (up to 6).", "隠れ層の数 (最大 6)。")
        case .units: ctx.t("Units per hidden layer (up to 8).", "隠れ層あたりのユニット数 (最大 8)。")
        case .activation: ctx.t("The hidden units' activation.", "隠れユニットの活性化関数。")
        case .regularization: ctx.t("L1 zeroes weights, L2 shrinks them.", "L1 は重みを 0 に、L2 は重みを小さくする。")
        case .regRate: ctx.t("How hard the penalty pulls.", "罰則の強さ。")
        case .learningRate: ctx.t("Step size of each update.", "1 回の更新の大きさ。")
        case .batch: ctx.t("Points per update.", "1 回の更新に使う点の数。")
        case .optimizer: ctx.t("Playground uses plain SGD.", "Playground は素の SGD。")
        case .epochs: ctx.t("Passes over the training points.", "訓練データを何周するか。")
        }
    }
}
