import AIFCore
import Foundation

/// What the quiz screens need from outside, injected by the executable (or a test).
public struct QuizServices {
    public var library: ContentLibrary
    public var store: any QuizAttemptStoring
    /// A fresh seed for each new quiz; tests pass a fixed sequence.
    public var makeSeed: () -> UInt64
    /// Opens the training sandbox on a preset (`v` after a hyperparameter question); nil without a sandbox.
    public var openSandbox: ((String) -> (any Screen)?)?

    public init(library: ContentLibrary, store: any QuizAttemptStoring,
                makeSeed: @escaping () -> UInt64 = { UInt64.random(in: 0...UInt64(UInt32.max)) },
                openSandbox: ((String) -> (any Screen)?)? = nil) {
        self.library = library
        self.store = store
        self.makeSeed = makeSeed
        self.openSandbox = openSandbox
    }
}

extension QuizMode {
    func title(_ ctx: AppContext) -> String {
        switch self {
        case .exam: ctx.t("Exam simulation", "模擬試験")
        case .practice: ctx.t("Practice", "練習")
        case .mistakes: ctx.t("Mistakes", "間違えた問題")
        case .quick: ctx.t("Quick 10", "クイック 10")
        }
    }
}

extension QuestionKind {
    /// Without the "choose N", which the question's own instruction line shows.
    func shortLabel(_ ctx: AppContext) -> String {
        if case .multiple = self { return ctx.t("multiple response", "複数選択") }
        return label(ctx)
    }

    func label(_ ctx: AppContext) -> String {
        switch self {
        case .single: ctx.t("single choice", "単一選択")
        case .multiple(let n): ctx.t("multiple response (choose \(n))", "複数選択 (\(n) つ選択)")
        case .ordering: ctx.t("ordering", "並べ替え")
        case .matching: ctx.t("matching", "組み合わせ")
        }
    }
}
