import Foundation
import TerminalUI

/// What aifprep is, the keys that work everywhere, and where the learner's data lives.
public struct HelpScreen: Screen {
    public var scroll = 0
    public init() {}

    public func title(_ ctx: AppContext) -> String { ctx.t("Help", "ヘルプ") }

    public func keyHelp(_ ctx: AppContext) -> [KeyHelp] {
        [KeyHelp("↑↓ j k", ctx.t("scroll", "スクロール"), footer: true)]
    }

    public mutating func update(_ event: Event, _ ctx: AppContext) -> Transition {
        switch event {
        case .key(.down), .char("j"): scroll += 1
        case .key(.up), .char("k"): scroll = max(0, scroll - 1)
        case .mouse(let m) where m.kind == .scrollDown: scroll += 1
        case .mouse(let m) where m.kind == .scrollUp: scroll = max(0, scroll - 1)
        case .key(.pageDown), .char(" "): scroll += 10
        case .key(.pageUp): scroll = max(0, scroll - 10)
        case .key(.escape), .char("q"), .char("h"), .key(.left): return .pop
        default: break
        }
        return .none
    }

    func text(_ ctx: AppContext) -> String {
        let data = ctx.paths.dataDirectory.path
        let config = ctx.paths.configDirectory.path
        if ctx.isJapanese {
            return """
            **aifprep** は AWS Certified AI Practitioner (AIF-C01) 試験対策のためのターミナル学習アプリです。

            **どの画面でも使えるキー**
            ? キー操作の一覧 · L 英語/日本語の切り替え (設定は保存されます) · q または Esc 前の画面へ戻る (ホームでは終了) · Ctrl-C 終了 · Ctrl-Z 一時停止 (fg で再開)。矢印キーのほか vim 式の h j k l も使えます。マウスのクリックにも対応しています。

            **データの保存場所**
            学習記録: \(data)
            設定: \(config)
            --data-dir または環境変数 AIFPREP_DATA_DIR で変更できます。

            **学習内容**
            カード・問題・サンドボックスのプリセットは Content/ フォルダーの YAML ファイルです。書式は Content/FORMAT.md を参照し、追加後に aifprep content lint で確認してください。
            """
        }
        return """
        **aifprep** is a terminal study app for the AWS Certified AI Practitioner exam (AIF-C01).

        **Keys that work everywhere**
        ? keys of this screen · L switch English/Japanese (remembered) · q or Esc go back (quit on the home screen) · Ctrl-C quit · Ctrl-Z suspend (fg resumes). Arrow keys and vim keys h j k l both work, and so do mouse clicks.

        **Where your data lives**
        Progress: \(data)
        Settings: \(config)
        Change it with --data-dir or the AIFPREP_DATA_DIR environment variable.

        **Study material**
        Cards, questions and sandbox presets are YAML files in Content/. See Content/FORMAT.md for the format and run aifprep content lint after adding your own.
        """
    }

    public func view(into buf: inout Buffer, area: Rect, _ ctx: AppContext, theme: Theme) {
        Panel(title: title(ctx), style: theme.muted, titleStyle: theme.title, theme: theme).render(area, into: &buf)
        let inner = Panel.inner(of: area)
        let p = Paragraph(Markup.parse(text(ctx), emphasis: theme.title), width: inner.width, scroll: min(scroll, 1000))
        var shown = p
        shown.scroll = min(scroll, max(0, p.height - inner.height))
        shown.render(inner, into: &buf)
    }
}
