import Testing
import TrainingSandbox

/// One slider step should not flip the verdict back and forth: along a ladder of values the
/// label may change where the state changes, but never return to a label it left (A, B, A).
@Suite struct StabilityTests {
    func labels(_ key: String, _ values: [String], base: [(key: String, value: String)] = []) throws -> [FitState] {
        try values.map { v in
            var run = TrainingRun(config: try TrainingConfig.default.applying(settings: base + [(key, v)]))
            run.run()
            return try #require(run.diagnosis).state
        }
    }

    /// The first label that comes back after another one, if any.
    func flipBack(_ states: [FitState]) -> Int? {
        var left: Set<FitState> = []
        for i in states.indices.dropFirst() where states[i] != states[i - 1] {
            left.insert(states[i - 1])
            if left.contains(states[i]) { return i }
        }
        return nil
    }

    @Test func epochsFromFewToMany() throws {
        let epochs = ["10", "20", "30", "40", "50", "60", "80", "100", "150", "200", "300", "400", "500", "600", "800", "1000"]
        let states = try labels("epochs", epochs)
        #expect(flipBack(states) == nil, "\(zip(epochs, states).map { "\($0) \($1)" })")
        // It goes from underfitting through a good fit to overfitting, as the lesson says.
        #expect(states.first == .underfitting && states.contains(.good) && states.last == .overfitting)
        #expect(states.suffix(8).allSatisfy { $0 == .overfitting })
    }

    @Test func learningRateAtAHundredEpochs() throws {
        let rates = ["0.0001", "0.0003", "0.001", "0.003", "0.01", "0.03", "0.1", "0.3", "1"]
        let states = try labels("lr", rates, base: [("epochs", "100")])
        #expect(flipBack(states) == nil, "\(zip(rates, states).map { "\($0) \($1)" })")
        #expect(states.first == .underfitting && states.last == .unstable)
    }

    @Test func hiddenUnitsAndNoiseInTheOverfittingRegion() throws {
        let units = ["16", "32", "64", "128", "256"]
        let byUnits = try labels("hidden", units, base: [("epochs", "1000")])
        #expect(byUnits.allSatisfy { $0 == .overfitting }, "\(zip(units, byUnits).map { "\($0) \($1)" })")
        let noises = ["0.2", "0.3", "0.5", "0.75", "1"]
        let byNoise = try labels("noise", noises, base: [("epochs", "1000")])
        #expect(byNoise.allSatisfy { $0 == .overfitting }, "\(zip(noises, byNoise).map { "\($0) \($1)" })")
    }

    @Test func hiddenUnitsFromOneUpAtFiveHundredEpochs() throws {
        let units = ["1", "2", "4", "8", "16", "32", "64"]
        let states = try labels("hidden", units, base: [("epochs", "500")])
        #expect(flipBack(states) == nil, "\(zip(units, states).map { "\($0) \($1)" })")
        #expect(states.first == .underfitting)
    }
}
