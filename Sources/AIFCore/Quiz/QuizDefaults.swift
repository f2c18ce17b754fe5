import Foundation

public enum QuizDefaults {
    /// The exam's time (plus the non-native-speaker accommodation when chosen) for `count` questions:
    /// 90 minutes for 65, scaled for shorter runs and rounded up to whole minutes. Seconds.
    public static func examTimeLimit(blueprint: ExamBlueprint, count: Int, extraTime: Bool) -> Double {
        let minutes = Double(blueprint.minutes + (extraTime ? blueprint.extraMinutes : 0))
        let scaled = minutes * Double(count) / Double(max(1, blueprint.questions))
        return max(1, scaled.rounded(.up)) * 60
    }

    /// Practice, when timed: the exam's pace per question.
    public static func practiceTimeLimit(blueprint: ExamBlueprint, count: Int) -> Double {
        examTimeLimit(blueprint: blueprint, count: count, extraTime: false)
    }

    public static let quickCount = 10
    public static let mistakesCount = 20
}
