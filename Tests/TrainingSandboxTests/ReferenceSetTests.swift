import Foundation
import Testing
import TrainingSandbox

/// The classifier, which reads only the loss curves, against labels that
/// `Fixtures/label_reference_set.py` derived from the ground truth (the model's error against the
/// true function, retrained in numpy). Every disagreement is printed with its numbers.
@Suite struct ReferenceSetTests {
    struct Reference: Decodable { var settings: [Row] }
    struct Row: Decodable {
        var settings: [String: String]
        var label: String
        var why: String
        var trueError: Double?
        var trueErrorMinimum: Double?
        var trueErrorMinimumEpoch: Int?
    }

    static let requiredAgreement = 0.95

    @Test func classifierAgreesWithTheGroundTruthLabels() throws {
        let url = try #require(Bundle.module.url(forResource: "reference_set", withExtension: "json", subdirectory: "Fixtures"))
        let reference = try JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
        #expect(reference.settings.count >= 80)
        var agreed = 0
        var lines: [String] = []
        var labels = Set<String>()
        for row in reference.settings {
            labels.insert(row.label)
            let settings = row.settings.sorted { $0.key < $1.key }.map { (key: $0.key, value: $0.value) }
            var run = TrainingRun(config: try TrainingConfig.default.applying(settings: settings))
            run.run()
            let d = try #require(run.diagnosis)
            if d.state.rawValue == row.label {
                agreed += 1
                continue
            }
            let final = try #require(run.finalRecord)
            let name = settings.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            lines.append("  [\(name)] oracle \(row.label) (\(row.why); true error \(row.trueError.map { String(format: "%.4g", $0) } ?? "-")"
                         + " vs min \(row.trueErrorMinimum.map { String(format: "%.4g", $0) } ?? "-") @\(row.trueErrorMinimumEpoch ?? 0))"
                         + " | classifier \(d.state.rawValue): \(d.reason) | train \(String(format: "%.4g", final.trainLoss)) val \(String(format: "%.4g", final.validationLoss))")
        }
        let share = Double(agreed) / Double(reference.settings.count)
        print("Reference set: classifier agrees with the ground-truth labels on \(agreed) of \(reference.settings.count) settings (\(String(format: "%.1f", 100 * share)) %)")
        for line in lines { print(line) }
        #expect(labels == Set(FitState.allCases.map(\.rawValue)))
        #expect(share >= Self.requiredAgreement, "\(agreed)/\(reference.settings.count) agree; disagreements:\n\(lines.joined(separator: "\n"))")
    }
}
