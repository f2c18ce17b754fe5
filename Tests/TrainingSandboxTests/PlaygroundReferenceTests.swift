import Foundation
import Testing
import TrainingSandbox

/// Replays the Playground-mode cases (exported by `train --json`: raw points, features, L1/L2,
/// Playground's loss) and compares every epoch with the numpy oracle
/// (`Fixtures/playground_reference.py`, exact tanh, Playground's update rules).
@Suite struct PlaygroundReferenceTests {
    struct Cases: Decodable { var cases: [ReferenceTrajectoryTests.Case] }
    struct Trajectories: Decodable { var cases: [Trajectory] }
    struct Trajectory: Decodable {
        var name: String
        var trainLoss: [Double]
        var validationLoss: [Double]
        var trainAccuracy: [Double]
        var validationAccuracy: [Double]
        var deadWeights: [Int]
    }

    /// As for the regression cases: fastTanh's < 2e-9 through a few dozen full-batch epochs.
    static let tolerance = 1e-7

    @Test func everyEpochMatchesTheNumpyOracle() throws {
        let cases: Cases = try ReferenceTrajectoryTests.load("playground_cases")
        let expected: Trajectories = try ReferenceTrajectoryTests.load("playground_trajectories")
        #expect(cases.cases.count == expected.cases.count && cases.cases.count >= 5)
        var regularizations = Set<Regularization>(), features = Set<InputFeature>(), kinds = Set<DatasetKind>()
        var killed = 0
        for (input, reference) in zip(cases.cases, expected.cases) {
            #expect(input.name == reference.name)
            var run = TrainingRun(config: input.config,
                                  trainingData: ReferenceTrajectoryTests.dataset(input.data.train, dimension: 2),
                                  validationData: ReferenceTrajectoryTests.dataset(input.data.validation, dimension: 2),
                                  initialWeights: input.initialWeights)
            run.run()
            #expect(run.history.count == reference.trainLoss.count, "\(input.name)")
            for (record, e) in zip(run.history, 0...) {
                let t = reference.trainLoss[e], v = reference.validationLoss[e]
                #expect(abs(record.trainLoss - t) <= Self.tolerance * abs(t), "\(input.name) epoch \(e + 1) train \(record.trainLoss) vs \(t)")
                #expect(abs(record.validationLoss - v) <= Self.tolerance * abs(v), "\(input.name) epoch \(e + 1) val")
                #expect(record.trainAccuracy == reference.trainAccuracy[e], "\(input.name) epoch \(e + 1) train accuracy")
                #expect(record.validationAccuracy == reference.validationAccuracy[e], "\(input.name) epoch \(e + 1) val accuracy")
            }
            #expect(run.deadWeights == reference.deadWeights.last, "\(input.name) dead weights")
            killed += run.deadWeights
            regularizations.insert(input.config.regularization)
            features.formUnion(input.config.features)
            kinds.insert(input.config.dataset)
        }
        // The fixture covers both penalties (and none), every feature and dataset, and L1 zeroing weights.
        #expect(regularizations == Set(Regularization.allCases))
        #expect(features == Set(InputFeature.allCases))
        #expect(kinds == Set(DatasetKind.planes))
        #expect(killed > 0)
    }

    @Test func fixtureInputsAreWhatTheEngineGeneratesForThoseConfigs() throws {
        let cases: Cases = try ReferenceTrajectoryTests.load("playground_cases")
        for input in cases.cases {
            let run = TrainingRun(config: input.config)
            #expect(run.trainingData.rows == input.data.train, "\(input.name)")
            #expect(run.validationData.rows == input.data.validation, "\(input.name)")
            #expect(run.initialWeights == input.initialWeights, "\(input.name)")
        }
    }
}
