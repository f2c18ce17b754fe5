import Foundation
import Testing
import TrainingSandbox

/// Replays the fixture cases (data and initial weights exported by `train --json`) and compares
/// every epoch with the numpy reference (`Fixtures/reference_trainer.py`, exact tanh).
@Suite struct ReferenceTrajectoryTests {
    struct Cases: Decodable { var cases: [Case] }
    struct Case: Decodable {
        var name: String
        var config: TrainingConfig
        var data: DataRows
        var initialWeights: [LayerWeights]
    }
    struct DataRows: Decodable { var train: [[Double]]; var validation: [[Double]] }
    struct Trajectories: Decodable { var cases: [Trajectory] }
    struct Trajectory: Decodable {
        var name: String
        var lr: [Double]
        var trainLoss: [Double]
        var validationLoss: [Double]
    }

    static func load<T: Decodable>(_ name: String) throws -> T {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures"))
        return try JSONDecoder().decode(T.self, from: Data(contentsOf: url))
    }

    static func dataset(_ rows: [[Double]], dimension: Int) -> Dataset {
        Dataset(inputDimension: dimension, inputs: rows.flatMap { $0.prefix(dimension) }, targets: rows.map { $0[dimension] })
    }

    /// fastTanh differs from exact tanh by < 2e-9 absolute; through up to 60 full-batch epochs of
    /// these (stable) cases that stays below 1e-7 relative in the losses (measured ≤ 2e-10). A
    /// wrong formula anywhere is off by far more than this from the first epoch on.
    static let tolerance = 1e-7

    @Test func everyEpochMatchesTheNumpyReference() throws {
        let cases: Cases = try Self.load("reference_cases")
        let expected: Trajectories = try Self.load("reference_trajectories")
        #expect(cases.cases.count == expected.cases.count)
        #expect(cases.cases.count >= 8)
        var optimizers = Set<Optimizer>(), schedules = Set<Schedule>(), warmups = 0
        for (input, reference) in zip(cases.cases, expected.cases) {
            #expect(input.name == reference.name)
            let d = input.config.dataset.inputDimension
            var run = TrainingRun(config: input.config,
                                  trainingData: Self.dataset(input.data.train, dimension: d),
                                  validationData: Self.dataset(input.data.validation, dimension: d),
                                  initialWeights: input.initialWeights)
            run.run()
            #expect(run.history.count == reference.trainLoss.count, "\(input.name)")
            for (record, e) in zip(run.history, 0...) {
                #expect(abs(record.lr - reference.lr[e]) <= 1e-15, "\(input.name) epoch \(e + 1) lr")
                let t = reference.trainLoss[e], v = reference.validationLoss[e]
                #expect(abs(record.trainLoss - t) <= Self.tolerance * abs(t), "\(input.name) epoch \(e + 1) train")
                #expect(abs(record.validationLoss - v) <= Self.tolerance * abs(v), "\(input.name) epoch \(e + 1) val")
            }
            optimizers.insert(input.config.optimizer)
            schedules.insert(input.config.schedule)
            if input.config.warmup > 0 { warmups += 1 }
        }
        // The fixture covers every optimiser, every schedule and warm-up.
        #expect(optimizers == Set(Optimizer.allCases))
        #expect(schedules == Set(Schedule.allCases))
        #expect(warmups >= 2)
    }

    @Test func fixtureInputsAreWhatTheEngineGeneratesForThoseConfigs() throws {
        // Guards the seeded generators: the exported data and initial weights are reproducible.
        let cases: Cases = try Self.load("reference_cases")
        for input in cases.cases {
            let run = TrainingRun(config: input.config)
            #expect(run.trainingData.rows == input.data.train, "\(input.name)")
            #expect(run.validationData.rows == input.data.validation, "\(input.name)")
            #expect(run.initialWeights == input.initialWeights, "\(input.name)")
        }
    }
}
