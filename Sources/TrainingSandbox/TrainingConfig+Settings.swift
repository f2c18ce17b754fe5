#if canImport(Glibc)
import Glibc
#else
import Foundation
#endif

/// A setting that could not be applied, with a message fit to show a person.
public struct SettingError: Error, Equatable, CustomStringConvertible, Sendable {
    public let key: String
    public let message: String
    public var description: String { "\(key): \(message)" }
}

extension TrainingConfig {
    /// Every key `applying(settings:)` accepts (the `train` flags in camelCase).
    public static let settingKeys: [String] = [
        "optimizer", "lr", "batch", "dropLast", "epochs", "schedule", "gamma", "stepSize", "warmup",
        "earlyStopping", "patience", "minDelta", "restoreBest", "hidden", "layers", "activation",
        "outputActivation", "dataset", "trainSize", "validationSize", "noise", "seed",
        "features", "regularization", "regRate", "loss", "trainRatio",
    ]

    public static let maxLayerWidth = 256
    /// The regression sandbox's limit; the 2-D datasets take up to `maxPlaygroundLayers`.
    public static let maxHiddenLayers = 4

    /// nil when `value` is acceptable for `key`, otherwise why not (used by the content linter).
    public static func validateSetting(key: String, value: String) -> String? {
        var scratch = TrainingConfig()
        do {
            try scratch.set(key: key, value: value)
            return nil
        } catch let error as SettingError {
            return error.message
        } catch {
            return "\(error)"
        }
    }

    /// A copy with the settings applied in order (later ones win), then checked as a whole.
    public func applying(settings: [(key: String, value: String)]) throws -> TrainingConfig {
        var config = self
        for setting in settings { try config.set(key: setting.key, value: setting.value) }
        try config.validateCombination()
        return config
    }

    public mutating func set(key: String, value raw: String) throws {
        let value = raw.trimmingWhitespace()
        func fail(_ message: String) -> SettingError { SettingError(key: key, message: message) }
        func choice<T: RawRepresentable & CaseIterable>(_: T.Type) throws -> T where T.RawValue == String {
            if let found = T(rawValue: value.lowercased()) { return found }
            let names = T.allCases.map(\.rawValue).joined(separator: ", ")
            throw fail("expected one of \(names), got \"\(value)\"")
        }
        func number(_ range: ClosedRange<Double>, open lowerOpen: Bool = false) throws -> Double {
            guard let x = Double(value), x.isFinite else { throw fail("expected a number, got \"\(value)\"") }
            let ok = lowerOpen ? (x > range.lowerBound && x <= range.upperBound) : range.contains(x)
            guard ok else {
                let low = lowerOpen ? "greater than \(range.lowerBound)" : "at least \(range.lowerBound)"
                throw fail("must be \(low) and at most \(range.upperBound), got \(value)")
            }
            return x
        }
        func integer(_ range: ClosedRange<Int>) throws -> Int {
            guard let n = Int(value) else { throw fail("expected a whole number, got \"\(value)\"") }
            guard range.contains(n) else {
                throw fail("must be between \(range.lowerBound) and \(range.upperBound), got \(n)")
            }
            return n
        }
        func flag() throws -> Bool {
            switch value.lowercased() {
            case "true", "yes", "on", "1": return true
            case "false", "no", "off", "0": return false
            default: throw fail("expected true or false, got \"\(value)\"")
            }
        }

        switch key {
        case "optimizer": optimizer = try choice(Optimizer.self)
        case "lr": lr = try number(0...10, open: true)
        case "batch": batch = try integer(1...2000)
        case "dropLast": dropLast = try flag()
        case "epochs": epochs = try integer(1...5000)
        case "schedule": schedule = try choice(Schedule.self)
        case "gamma": gamma = try number(0...1, open: true)
        case "stepSize": stepSize = try integer(1...5000)
        case "warmup": warmup = try integer(0...5000)
        case "earlyStopping": earlyStopping = try flag()
        case "patience": patience = try integer(0...5000)
        case "minDelta": minDelta = try number(0...1e6)
        case "restoreBest": restoreBest = try flag()
        case "hidden": layers = [try integer(1...Self.maxLayerWidth)]
        case "layers":
            let parts = value.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingWhitespace() }
            let widths = parts.compactMap { Int($0) }
            guard !parts.isEmpty, widths.count == parts.count else {
                throw fail("expected hidden layer widths separated by commas, e.g. 8,8; got \"\(value)\"")
            }
            // The dataset may be set later: the limits of each kind are checked by validateCombination.
            guard widths.count <= Self.maxPlaygroundLayers, widths.allSatisfy({ (1...Self.maxLayerWidth).contains($0) }) else {
                throw fail("1 to \(Self.maxPlaygroundLayers) layers of 1 to \(Self.maxLayerWidth) units each, got \"\(value)\"")
            }
            layers = widths
        case "activation": activation = try choice(Activation.self)
        case "outputActivation": outputActivation = try choice(Activation.self)
        case "dataset": dataset = try choice(DatasetKind.self)
        case "trainSize": trainSize = try integer(2...2000)
        case "validationSize": validationSize = try integer(1...2000)
        case "noise": noise = try number(0...2)
        case "seed":
            guard let s = UInt64(value) else { throw fail("expected a non-negative whole number, got \"\(value)\"") }
            seed = s
        case "features":
            let names = value.split(separator: ",").map { $0.trimmingWhitespace().lowercased() }
            var chosen: [InputFeature] = []
            for name in names {
                guard let f = InputFeature(rawValue: name) ?? InputFeature.allCases.first(where: { $0.label == name }) else {
                    throw fail("expected features from \(InputFeature.allCases.map(\.rawValue).joined(separator: ", ")) separated by commas, got \"\(name)\"")
                }
                guard !chosen.contains(f) else { throw fail("\(f.rawValue) is listed twice") }
                chosen.append(f)
            }
            guard !chosen.isEmpty else { throw fail("choose at least one feature, e.g. x1,x2") }
            // Playground's order, whatever order they are named in.
            features = InputFeature.allCases.filter(chosen.contains)
        case "regularization": regularization = try choice(Regularization.self)
        case "regRate": regRate = try number(0...10)
        case "loss": loss = try choice(Loss.self)
        case "trainRatio":
            // A share of the point pool (trainSize + validationSize), as Playground's percTrainData.
            let percent = try number(0...100, open: true)
            guard percent < 100 else { throw fail("must leave some points for testing (below 100), got \(value)") }
            let total = trainSize + validationSize
            let train = Int((Double(total) * percent / 100).rounded(.down))
            guard train >= 2, total - train >= 1 else {
                throw fail("\(value)% of \(total) points leaves \(train) for training and \(total - train) for testing; each needs some")
            }
            (trainSize, validationSize) = (train, total - train)
        default:
            throw fail("unknown setting; known: \(Self.settingKeys.joined(separator: ", "))")
        }
    }
}

extension StringProtocol {
    func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return String(s)
    }
}
