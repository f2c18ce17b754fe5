import Foundation
import Testing
@testable import TrainingSandbox

/// The learning-rate finder: its schedule, smoothing, stop rule and suggestion against the plain-Python
/// oracle (`Fixtures/lr_finder_reference.py`, output in `lr_finder_expected.json`), and the sweep itself
/// on fixed seeds.
@Suite struct LRFinderTests {
    struct Cases: Decodable { var cases: [Case] }
    struct Case: Decodable {
        var name: String
        var config: TrainingConfig?
        var iterations: Int
        var loss: [Double]
    }
    struct Expected: Decodable { var cases: [Result] }
    struct Result: Decodable {
        var name: String
        var lr: [Double]
        var smoothedLoss: [Double]
        var points: Int
        var diverged: Bool
        var suggestionIndex: Int?
        var valley: [Int]?
        var suggested: Double?
    }

    static func load<T: Decodable>(_ name: String) throws -> T {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures"))
        return try JSONDecoder().decode(T.self, from: Data(contentsOf: url))
    }

    static func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-12) -> Bool {
        Swift.abs(a - b) <= tolerance * max(1, Swift.abs(a), Swift.abs(b))
    }

    @Test func scheduleRunsExponentiallyFrom1e7TowardTen() {
        let n = 100
        #expect(LRFinder.rate(iteration: 0, of: n) == 1e-7)
        #expect(Self.close(LRFinder.rate(iteration: 50, of: n), 1e-3, 1e-9))
        #expect(LRFinder.rate(iteration: n - 1, of: n) < 10)
        // The same factor between every two minibatches: 1e8^(1/100).
        let factor = pow(1e8, 0.01)
        for i in 1..<n {
            #expect(Self.close(LRFinder.rate(iteration: i, of: n) / LRFinder.rate(iteration: i - 1, of: n), factor, 1e-9))
        }
    }

    @Test func biasCorrectionMakesAConstantLossItsOwnAverage() {
        let f = LRFinder.analyse(losses: Array(repeating: 0.7, count: 100))
        #expect(f.points.count == 100 && !f.diverged)
        #expect(f.points.allSatisfy { Self.close($0.smoothedLoss, 0.7, 1e-12) })
    }

    /// One loss far above the rest pushes the smoothed loss past 4× its best at once: the sweep ends on it.
    @Test func stopsOnTheFirstPointAboveFourTimesTheBest() {
        var losses = Array(repeating: 1.0, count: 100)
        losses[20] = 1000
        let f = LRFinder.analyse(losses: losses)
        #expect(f.diverged)
        #expect(f.points.count == 21)
        #expect(f.points.last!.smoothedLoss > 4 * f.points.dropLast().map(\.smoothedLoss).min()!)
        // Just under the factor goes on to the end.
        var mild = Array(repeating: 1.0, count: 100)
        mild[20] = 40
        let g = LRFinder.analyse(losses: mild)
        #expect(g.points[20].smoothedLoss < 4)
        #expect(!g.diverged && g.points.count == 100)
    }

    @Test func aNonFiniteLossStopsTheSweep() {
        let f = LRFinder.analyse(losses: Array(repeating: 1.0, count: 40) + [.nan] + Array(repeating: 1.0, count: 59))
        #expect(f.diverged && f.points.count == 41)
        // The suggestion never lands on or after the NaN.
        #expect((f.suggestionIndex ?? 0) < 40)
    }

    /// fastai's valley on a hand-made curve: the longest strictly decreasing subsequence, suggestion
    /// start + ⌊d/3⌋ + ⌊d/6⌋ into it.
    @Test func valleyIsTheLongestDescent() {
        //             0    1    2    3    4    5    6    7    8    9
        let losses = [3.0, 2.0, 2.5, 1.9, 1.8, 1.7, 1.6, 1.5, 4.0, 0.5]
        let v = LRFinder.valley(losses)
        // 3 > 2.5 > 1.9 > … > 1.5 > 0.5: 8 long, first ending at index 9.
        #expect(v.end == 9)
        #expect(v.start == 1)
        #expect(v.index == 1 + 2 + 1)
        // A curve falling from its first point: fastai's start would be −1; clamped to 0.
        let falling = LRFinder.valley([5, 4, 3, 2, 1])
        #expect(falling.start == 0 && falling.end == 4 && falling.index == 0 + 1 + 0)
    }

    @Test func matchesThePythonOracle() throws {
        let cases: Cases = try Self.load("lr_finder_cases")
        let expected: Expected = try Self.load("lr_finder_expected")
        #expect(cases.cases.count == 3 && expected.cases.count == 3)
        for (input, want) in zip(cases.cases, expected.cases) {
            #expect(input.name == want.name)
            let f = LRFinder.analyse(losses: input.loss, iterations: input.iterations)
            #expect(f.points.count == want.points, "\(want.name)")
            #expect(f.diverged == want.diverged, "\(want.name)")
            #expect(f.suggestionIndex == want.suggestionIndex, "\(want.name)")
            #expect(f.valley.map { [$0.lowerBound, $0.upperBound] } == want.valley, "\(want.name)")
            for (p, (lr, smoothed)) in zip(f.points, zip(want.lr, want.smoothedLoss)) {
                #expect(Self.close(p.lr, lr), "\(want.name) lr at \(p.iteration)")
                #expect(Self.close(p.smoothedLoss, smoothed), "\(want.name) smoothed at \(p.iteration)")
            }
            if let s = want.suggested { #expect(Self.close(f.suggested ?? 0, s), "\(want.name)") }
        }
    }

    /// The sweeps the oracle's cases came from: the same minibatch losses again, on the same seed.
    @Test func sweepReproducesTheRecordedLosses() throws {
        let cases: Cases = try Self.load("lr_finder_cases")
        for input in cases.cases {
            guard let config = input.config else { continue }
            let f = LRFinder.sweep(config, iterations: input.iterations)
            #expect(f.points.count == input.loss.count, "\(input.name)")
            for (p, loss) in zip(f.points, input.loss) {
                #expect(Self.close(p.loss, loss, 1e-9), "\(input.name) at \(p.iteration)")
            }
        }
    }

    /// The default setup on seed 1: full-batch Adam falls steadily, then blows up well before lr 10;
    /// the suggestion lies inside the descent, far below the blow-up.
    @Test func defaultSweepStopsAndSuggestsInsideTheDescent() throws {
        let f = LRFinder.sweep(TrainingConfig())
        #expect(f == LRFinder.sweep(TrainingConfig()))
        #expect(f.diverged)
        #expect(f.points.count == 88)
        let last = try #require(f.points.last)
        #expect(last.lr < 1 && last.smoothedLoss > 4 * f.points.map(\.smoothedLoss).min()!)
        let s = try #require(f.suggestionIndex)
        let valley = try #require(f.valley)
        #expect(valley.contains(s))
        #expect(s == 44)
        #expect(Self.close(f.suggested!, 1e-7 * pow(1e8, 0.44), 1e-9))
        // Inside the descent: lower than the smoothed loss at the valley's start.
        #expect(f.points[s].smoothedLoss < f.points[valley.lowerBound].smoothedLoss)
    }

    /// The sweep trains a copy: the run it starts from keeps its weights and history.
    @Test func theRunItStartsFromIsLeftAlone() {
        var run = TrainingRun(config: TrainingConfig())
        run.step()
        let before = run.weights
        _ = LRFinder.sweep(run)
        #expect(run.weights == before && run.epochsDone == 1)
        // It starts from the run's initial weights, not its trained ones.
        #expect(LRFinder.sweep(run) == LRFinder.sweep(TrainingRun(config: TrainingConfig())))
    }

    @Test func cancellingEndsTheSweepEarly() {
        nonisolated(unsafe) var calls = 0
        let f = LRFinder.sweep(TrainingConfig()) { calls += 1; return calls > 10 }
        #expect(f.points.count == 10)
    }
}
