extension TrainingConfig {
    /// TensorFlow Playground's defaults (`state.ts`): 500 points, half for training, noise 0,
    /// features x1 and x2, 2-4-2-1 tanh with a tanh output, plain SGD at lr 0.03, batch 10, no
    /// regularisation, its ½ squared error. Epochs are Playground's iterations; 300 is where the
    /// circle has long been learned.
    public static let playground: TrainingConfig = {
        var c = TrainingConfig()
        c.dataset = .circle
        c.trainSize = 250
        c.validationSize = 250
        c.noise = 0
        c.features = InputFeature.plain
        c.layers = [4, 2]
        c.activation = .tanh
        c.outputActivation = .tanh
        c.optimizer = .sgd
        c.lr = 0.03
        c.batch = 10
        c.epochs = 300
        c.regularization = .none
        c.regRate = 0
        c.loss = .square
        return c
    }()

    /// The defaults settings are applied on: Playground's for a 2-D dataset (the last `dataset`
    /// setting decides), the regression sandbox's otherwise.
    public static func base(for settings: [(key: String, value: String)]) -> TrainingConfig {
        let named = settings.last { $0.key == "dataset" }.flatMap { DatasetKind(rawValue: $0.value.trimmingWhitespace().lowercased()) }
        return named?.isPlane == true ? .playground : .default
    }

    /// Playground's limits: at most 6 hidden layers of at most 8 units.
    public static let maxPlaygroundLayers = 6
    public static let maxPlaygroundWidth = 8
    /// Playground's noise slider ends at 50 %.
    public static let maxPlaygroundNoise = 0.5

    /// Checks the settings that only make sense together (a single setting is checked by `set`).
    public func validateCombination() throws {
        if dataset.isPlane {
            guard layers.count <= Self.maxPlaygroundLayers, layers.allSatisfy({ $0 <= Self.maxPlaygroundWidth }) else {
                throw SettingError(key: "layers", message: "the 2-D datasets take 1 to \(Self.maxPlaygroundLayers) hidden layers of 1 to \(Self.maxPlaygroundWidth) units each (as TensorFlow Playground), got \(layers.map(String.init).joined(separator: ","))")
            }
            guard noise <= Self.maxPlaygroundNoise else {
                throw SettingError(key: "noise", message: "the \(dataset.rawValue) dataset takes a noise ratio from 0 to \(Self.maxPlaygroundNoise) (as TensorFlow Playground), got \(noise)")
            }
        } else {
            guard layers.count <= Self.maxHiddenLayers else {
                throw SettingError(key: "layers", message: "1 to \(Self.maxHiddenLayers) layers of 1 to \(Self.maxLayerWidth) units each, got \(layers.map(String.init).joined(separator: ","))")
            }
            guard features == InputFeature.plain else {
                throw SettingError(key: "features", message: "input features apply to the 2-D datasets (\(DatasetKind.planes.map(\.rawValue).joined(separator: ", "))), not to sine")
            }
        }
        if regularization == .none && regRate > 0 {
            throw SettingError(key: "regRate", message: "a regularisation rate needs a regularization (l1 or l2)")
        }
    }
}
