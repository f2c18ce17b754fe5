import Foundation
import TerminalUI

/// The root program: a stack of screens under a header and a footer, with the keys that work everywhere
/// (`?` help, `L` language, `q`/Esc back, `q` on the home screen quits).
public struct AppModel: Program {
    public var stack: [any Screen]
    public let context: AppContext
    public var showHelp = false

    public init(root: any Screen, context: AppContext) {
        stack = [root]
        self.context = context
    }

    public var tickInterval: Duration? { showHelp ? nil : stack.last?.tickInterval }

    public static let minimumSize = MinimumSize(width: 60, height: 18)

    static func bodyArea(_ size: Size) -> Rect { Rect(x: 0, y: 1, width: size.width, height: size.height - 2) }

    public mutating func update(_ event: Event) -> Command {
        if case .key = event { context.status = nil }
        if case .resize(let size) = event { context.bodyArea = Self.bodyArea(size) }
        if showHelp {
            switch event {
            case .key(.character("?")), .key(.escape), .key(.character("q")), .key(.enter):
                showHelp = false
            case .mouse(let m) where m.kind == .press:
                showHelp = false
            case .key(.character("L")):
                context.toggleLanguage()
            default: break
            }
            return .none
        }
        guard var top = stack.popLast() else { return .quit }
        if !top.capturesText, case .key(let key) = event {
            switch key {
            case .character("?"):
                stack.append(top)
                showHelp = true
                return .none
            case .character("L"):
                stack.append(top)
                context.toggleLanguage()
                return .none
            default: break
            }
        }
        let transition = top.update(event, context)
        stack.append(top)
        return apply(transition)
    }

    private mutating func apply(_ transition: Transition) -> Command {
        switch transition {
        case .none:
            return .none
        case .push(let s):
            stack.append(s)
        case .pop:
            if stack.count > 1 { stack.removeLast() } else { return .quit }
        case .replace(let s):
            stack[stack.count - 1] = s
        case .quit:
            return .quit
        }
        return .none
    }

    public func view(into buf: inout Buffer, theme: Theme) {
        let area = buf.area
        guard let top = stack.last else { return }
        let body = Self.bodyArea(area.size)
        renderHeader(top, into: &buf, area: area.row(0), theme: theme)
        top.view(into: &buf, area: body, context, theme: theme)
        renderFooter(top, into: &buf, area: area.row(area.height - 1), theme: theme)
        if showHelp { renderHelp(top, into: &buf, area: area, theme: theme) }
    }

    private func renderHeader(_ top: any Screen, into buf: inout Buffer, area: Rect, theme: Theme) {
        buf.fill(area, style: Style(.reverse))
        let crumbs = stack.map { $0.title(context) }.joined(separator: " › ")
        buf.put(" aifprep · \(crumbs)", x: area.x, y: area.y, style: Style([.reverse, .bold]), maxWidth: area.width - 12)
        let lang = context.isJapanese ? "日本語" : "English"
        let right = "\(lang) "
        let w = DisplayWidth.of(right)
        buf.put(right, x: area.maxX - w, y: area.y, style: Style(.reverse))
    }

    private func renderFooter(_ top: any Screen, into buf: inout Buffer, area: Rect, theme: Theme) {
        if let status = context.status {
            buf.put(" " + status, x: area.x, y: area.y, style: theme.warning, maxWidth: area.width)
            return
        }
        var items = top.keyHelp(context).filter(\.inFooter)
        items.append(KeyHelp("L", context.isJapanese ? "English" : "日本語"))
        items.append(KeyHelp("?", context.t("help", "ヘルプ")))
        items.append(KeyHelp("q", stack.count > 1 ? context.t("back", "戻る") : context.t("quit", "終了")))
        var x = area.x + 1
        for item in items {
            let needed = DisplayWidth.of(item.keys) + DisplayWidth.of(item.action) + 3
            if x + needed > area.maxX { break }
            x += buf.put(item.keys, x: x, y: area.y, style: theme.key)
            x += buf.put(" " + item.action + "  ", x: x, y: area.y, style: theme.muted)
        }
    }

    private func renderHelp(_ top: any Screen, into buf: inout Buffer, area: Rect, theme: Theme) {
        let ctx = context
        var entries = top.keyHelp(ctx)
        entries += [
            KeyHelp("?", ctx.t("show or hide this help", "このヘルプを表示/非表示")),
            KeyHelp("L", ctx.t("switch English / Japanese", "英語と日本語を切り替え")),
            KeyHelp("q  Esc", stack.count > 1 ? ctx.t("go back", "前の画面に戻る") : ctx.t("quit aifprep", "aifprep を終了")),
            KeyHelp("Ctrl-Z", ctx.t("suspend (resume with fg)", "一時停止 (fg で再開)")),
        ]
        let width = min(area.width - 4, 64)
        // Wide enough for the longest key plus a gap (a Japanese key name is twice as wide).
        let keyW = min(max(4, (width - 4) / 2), (entries.map { DisplayWidth.of($0.keys) }.max() ?? 4) + 2)
        let height = min(area.height - 2, entries.count + 4)
        let box = area.centered(width: width, height: height)
        buf.fill(box)
        let inner = Panel(title: ctx.t("Keys — \(top.title(ctx))", "キー操作 — \(top.title(ctx))"), style: theme.accent, titleStyle: theme.title)
            .render(in: box, &buf, theme: theme)
        for (i, e) in entries.prefix(inner.height - 1).enumerated() {
            buf.put(e.keys, x: inner.x, y: inner.y + i, style: theme.key, maxWidth: keyW - 1)
            buf.put(e.action, x: inner.x + keyW, y: inner.y + i, maxWidth: inner.width - keyW)
        }
        buf.put(ctx.t("Press ? or Esc to close", "? または Esc で閉じる"), x: inner.x, y: inner.maxY - 1, style: theme.muted, maxWidth: inner.width)
    }
}
