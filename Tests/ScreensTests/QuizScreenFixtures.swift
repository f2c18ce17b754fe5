import AIFCore
import Foundation
import GoldenTesting
import Screens
import TerminalUI
import Testing

/// A small library with realistic text for the quiz screen tests, and helpers that drive screens
/// through `AppModel` with an injected clock.
enum QuizScreenFixtures {
    static func lt(_ en: String, _ ja: String) -> LocalizedText { LocalizedText(en: en, ja: ja) }

    static let blueprint = ExamBlueprint(
        code: "AIF-C01", title: lt("AWS Certified AI Practitioner", "AWS Certified AI Practitioner"), questions: 65, scored: 50,
        minutes: 90, extraMinutes: 30, passingScore: 700, minScore: 100, maxScore: 1000,
        domains: [
            Domain(id: "d1", number: 1, weight: 40, title: lt("Fundamentals of AI and ML", "AI と ML の基礎"),
                   tasks: [TaskStatement(id: "1.1", domainID: "d1", title: lt("Explain basic AI concepts", "AI の基本概念を説明する"))]),
            Domain(id: "d3", number: 3, weight: 60, title: lt("Applications of Foundation Models", "基盤モデルの応用"),
                   tasks: [TaskStatement(id: "3.1", domainID: "d3", title: lt("Design FM applications", "FM アプリケーションを設計する"))]),
        ])

    static let single = Question(
        id: "d1-001", taskID: "1.1", domainID: "d1", kind: .single,
        stem: lt("A model scores 99 % on training data and 70 % on validation data. What is the **most likely** cause?",
                 "モデルの精度は学習データで 99 %、検証データで 70 % です。**最も可能性の高い**原因はどれですか?"),
        options: [
            AnswerOption(text: lt("Overfitting", "過学習"), isCorrect: true, why: lt("It memorised the training data.", "学習データを暗記しています。")),
            AnswerOption(text: lt("Underfitting", "学習不足"), isCorrect: false, why: lt("Training accuracy would be low too.", "学習精度も低くなるはずです。")),
            AnswerOption(text: lt("Too small a learning rate", "学習率が小さすぎる"), isCorrect: false, why: lt("That slows training.", "学習が遅くなるだけです。")),
            AnswerOption(text: lt("Data leakage into validation", "検証データへの漏洩"), isCorrect: false, why: lt("That would raise validation accuracy.", "検証精度が上がるはずです。")),
        ],
        explanation: lt("A large gap between training and validation accuracy means overfitting.", "学習精度と検証精度の大きな差は過学習を示します。"),
        refs: [Reference(url: "https://docs.aws.amazon.com/machine-learning/latest/dg/model-fit-underfitting-vs-overfitting.html")],
        difficulty: .hard)

    static let multiple = Question(
        id: "d1-002", taskID: "1.1", domainID: "d1", kind: .multiple(choose: 2),
        stem: lt("Which actions reduce overfitting? (Choose TWO.)", "過学習を減らす対策はどれですか? (2 つ選択してください。)"),
        options: [
            AnswerOption(text: lt("Early stopping", "早期終了"), isCorrect: true, why: lt("Stops before memorising.", "暗記する前に止めます。")),
            AnswerOption(text: lt("More epochs", "エポックを増やす"), isCorrect: false, why: lt("Makes it worse.", "悪化させます。")),
            AnswerOption(text: lt("More training data", "学習データを増やす"), isCorrect: true, why: lt("Harder to memorise.", "暗記しにくくなります。")),
            AnswerOption(text: lt("Remove regularisation", "正則化をやめる"), isCorrect: false, why: lt("Makes it worse.", "悪化させます。")),
            AnswerOption(text: lt("A larger model", "より大きなモデル"), isCorrect: false, why: lt("More capacity to memorise.", "暗記する能力が増えます。")),
        ],
        explanation: lt("Early stopping and more data both fight overfitting.", "早期終了とデータの追加はどちらも過学習を抑えます。"),
        refs: [Reference(url: "https://docs.aws.amazon.com/sagemaker/latest/dg/automatic-model-tuning-early-stopping.html")])

    static let ordering = Question(
        id: "d1-003", taskID: "1.1", domainID: "d1", kind: .ordering,
        stem: lt("Put the ML lifecycle steps in order.", "ML ライフサイクルの手順を順番に並べてください。"),
        items: [
            OrderingItem(text: lt("Collect data", "データを収集する"), why: lt("First.", "最初です。")),
            OrderingItem(text: lt("Train the model", "モデルを学習する"), why: lt("Needs data.", "データが必要です。")),
            OrderingItem(text: lt("Evaluate the model", "モデルを評価する"), why: lt("Needs a model.", "モデルが必要です。")),
            OrderingItem(text: lt("Deploy", "デプロイする"), why: lt("Last.", "最後です。")),
        ],
        explanation: lt("Data, training, evaluation, deployment.", "データ、学習、評価、デプロイの順です。"),
        refs: [Reference(url: "https://docs.aws.amazon.com/wellarchitected/latest/machine-learning-lens/ml-lifecycle-phases.html")])

    static let matching = Question(
        id: "d3-001", taskID: "3.1", domainID: "d3", kind: .matching,
        stem: lt("Match each inference parameter with what it controls.", "推論パラメータと、それが制御するものを組み合わせてください。"),
        pairs: [
            MatchPair(prompt: lt("Temperature", "温度"), answer: lt("Randomness of token choice", "トークン選択のランダム性"), why: lt("Flattens the distribution.", "分布を平らにします。")),
            MatchPair(prompt: lt("Top-p", "Top-p"), answer: lt("Cumulative probability cut-off", "累積確率のしきい値"), why: lt("Nucleus sampling.", "核サンプリングです。")),
            MatchPair(prompt: lt("Maximum length", "最大長"), answer: lt("Number of tokens generated", "生成するトークン数"), why: lt("Stops generation.", "生成を止めます。")),
        ],
        explanation: lt("Inference parameters shape the output, not the training.", "推論パラメータは出力を調整し、学習には関係しません。"),
        refs: [Reference(url: "https://docs.aws.amazon.com/bedrock/latest/userguide/inference-parameters.html")])

    static let caseQuestion = Question(
        id: "d3-002", taskID: "3.1", domainID: "d3", kind: .single, caseStudyID: "cs-insurer",
        stem: lt("Which approach gives answers grounded in the policy documents with the **least operational overhead**?",
                 "**運用上の負荷が最も少なく**、約款に基づいた回答を返す方法はどれですか?"),
        options: [
            AnswerOption(text: lt("Amazon Bedrock Knowledge Bases", "Amazon Bedrock のナレッジベース"), isCorrect: true, why: lt("Managed RAG.", "マネージドな RAG です。")),
            AnswerOption(text: lt("Fine-tune a model every week", "毎週モデルをファインチューニングする"), isCorrect: false, why: lt("Costly and slow.", "高コストで時間がかかります。")),
            AnswerOption(text: lt("Train a model from scratch", "ゼロからモデルを学習する"), isCorrect: false, why: lt("Far too much work.", "作業量が多すぎます。")),
            AnswerOption(text: lt("Longer prompts with every document", "すべての文書をプロンプトに入れる"), isCorrect: false, why: lt("Exceeds context.", "コンテキストを超えます。")),
        ],
        explanation: lt("Knowledge Bases manage retrieval for you.", "ナレッジベースが検索を管理します。"),
        refs: [Reference(url: "https://docs.aws.amazon.com/bedrock/latest/userguide/knowledge-base.html")])

    static let caseStudy = CaseStudy(
        id: "cs-insurer", title: lt("Insurer support assistant", "保険会社のサポートアシスタント"),
        scenario: lt("A Japanese insurer wants an assistant that answers customer questions from 300 policy documents that change monthly.",
                     "ある日本の保険会社は、毎月更新される 300 件の約款から顧客の質問に答えるアシスタントを作りたいと考えています。"))

    static var library: ContentLibrary {
        ContentLibrary(blueprint: blueprint, decks: [], cards: [], questions: [single, multiple, ordering, matching, caseQuestion],
                       caseStudies: [caseStudy], presets: [], diagnosisCards: [:])
    }

    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)
}

/// An app driven in memory: keys in, rendered text out, the clock moved by hand.
final class QuizDriver {
    var clock = QuizScreenFixtures.t0
    let store = InMemoryQuizAttemptStore()
    let ctx: AppContext
    var app: AppModel
    let services: QuizServices
    let size: Size

    init(language: Language = .en, size: Size = Size(width: 80, height: 24), root: ((QuizServices) -> any Screen)? = nil) {
        var settings = AppSettings()
        settings.language = language
        var box: QuizDriver?
        let ctx = AppContext(settings: settings, now: { box?.clock ?? QuizScreenFixtures.t0 })
        self.ctx = ctx
        self.size = size
        var seeds: UInt64 = 100
        services = QuizServices(library: QuizScreenFixtures.library, store: store, makeSeed: { seeds += 1; return seeds })
        app = AppModel(root: root?(services) ?? QuizMenuScreen(services: services), context: ctx)
        box = self
        app.send(.resize(size))
    }

    private var runs = 0

    /// Opens a run screen over `questions` directly (no random draw).
    func startRun(_ questions: [Question], mode: QuizMode = .exam, limit: Double? = 5400, shuffle: Bool = false) throws {
        let session = try QuizSession.start(mode: mode, questions: questions, library: services.library, seed: 1, timeLimit: limit,
                                            shuffle: shuffle, now: clock, id: "test-attempt-\(runs)")
        runs += 1
        app = AppModel(root: QuizRunScreen(session: session, services: services), context: ctx)
        app.send(.resize(size))
    }

    @discardableResult
    func send(_ events: Event...) -> Command {
        var last = Command.none
        for e in events { last = app.send(e) }
        return last
    }

    func keys(_ s: String) { for c in s { app.send(.char(c)) } }

    func tick(_ seconds: Double) {
        clock = clock.addingTimeInterval(seconds)
        app.send(.tick(clock))
    }

    func render(theme: Theme = .standard) -> Buffer {
        var buf = Buffer(size: size)
        app.view(into: &buf, theme: theme)
        return buf
    }

    var screen: String { render().text }
    var run: QuizRunScreen? { app.stack.last as? QuizRunScreen }
}

