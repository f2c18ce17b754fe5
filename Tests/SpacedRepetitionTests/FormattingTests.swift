import Foundation
import SeededRandom
import Testing
@testable import SpacedRepetition

@Suite struct FormattingTests {
    @Test func compactIntervalLabels() {
        let cases: [(TimeInterval, String)] = [
            (-5, "0s"), (0, "0s"), (45, "45s"), (60, "1m"), (330, "5.5m"), (600, "10m"), (3_600, "1h"),
            (5_400, "1.5h"), (86_400, "1d"), (3 * 86_400, "3d"), (29 * 86_400, "29d"), (60 * 86_400, "2mo"),
            (45 * 86_400, "1.5mo"), (365 * 86_400, "1y"), (400 * 86_400, "1.1y"), (36_500 * 86_400, "100y"),
        ]
        for (seconds, label) in cases {
            #expect(formatInterval(seconds: seconds) == label, "\(seconds) s")
        }
        let start = date("2025-01-01T09:00:00Z")
        #expect(formatInterval(from: start, to: start.addingTimeInterval(600)) == "10m")
    }

    @Test func iso8601RoundTrips() {
        for text in ["2025-01-01T09:10:00Z", "2025-01-01T09:05:22.5Z", "2000-02-29T23:59:59.000001Z",
                     "1969-12-31T23:59:59Z", "2125-11-30T00:00:00Z"] {
            #expect(ISO8601.format(ISO8601.parse(text)!) == text)
        }
        #expect(ISO8601.parse("2025-01-01T18:00:00+09:00") == ISO8601.parse("2025-01-01T09:00:00Z"))
        #expect(ISO8601.parse("2025-01-01T04:00:00-05:00") == ISO8601.parse("2025-01-01T09:00:00Z"))
        #expect(ISO8601.parse("2025-01-01T09:00:00.25Z")!.timeIntervalSince(ISO8601.parse("2025-01-01T09:00:00Z")!) == 0.25)
        for bad in ["2025-01-01", "2025-01-01T09:00:00", "2025-13-01T09:00:00Z", "2023-02-29T09:00:00Z",
                    "2025-01-01T24:00:00Z", "2025-01-01T09:00:00.Z", "2025-01-01T09:00:00Zjunk", " 2025-01-01T09:00:00Z"] {
            #expect(ISO8601.parse(bad) == nil, "\(bad)")
        }
    }

    @Test("SplitMix64 matches the Python copy used by the fixture generator")
    func seededGeneratorVectors() {
        for vector in ReferenceFixtures.shared.splitmix64 {
            var generator = SeededGenerator(seed: UInt64(vector.seed)!)
            #expect((0..<vector.outputs.count).map { _ in generator.next() } == vector.outputs.map { UInt64($0)! })
        }
    }
}

@Suite struct JapaneseIntervalTests {
    @Test func intervalsReadInJapanese() {
        let cases: [(TimeInterval, String)] = [(45, "45秒"), (60, "1分"), (330, "5.5分"), (3600, "1時間"), (3 * 86_400, "3日"),
                                               (60 * 86_400, "2か月"), (400 * 86_400, "1.1年")]
        for (seconds, label) in cases {
            #expect(formatInterval(seconds: seconds, japanese: true) == label, "\(seconds) s")
        }
        #expect(formatInterval(seconds: 330) == "5.5m")
    }
}
