import Foundation
import Testing
@testable import TerminalUI

/// OSC 8 links: recorded by the widgets that draw linked spans, re-sent only when curses rewrote their cells,
/// dropped when something covers them, and sent only to terminals that show them.
@Suite struct HyperlinkTests {
    static let url = "https://docs.aws.amazon.com/bedrock/latest/userguide/guardrails.html"

    @Test func aLinkedSpanIsRecordedOverTheColumnsItTook() {
        var buf = Buffer(size: Size(width: 30, height: 3))
        // Linked text sits on a line of its own (as reference lines do): wrapping would drop the link.
        var p = Paragraph([], width: 30)
        p.lines = [[Span("see ", style: .plain), Span("docs.aws.amazon.com/bedrock/latest", style: .bold, link: Self.url)]]
        p.render(Rect(x: 0, y: 1, width: 30, height: 2), into: &buf)
        // The span is cut with "…" at 30 columns; the link still names the whole URL.
        #expect(buf.hyperlinks.count == 1)
        let link = buf.hyperlinks[0]
        #expect(link.x == 4 && link.y == 1 && link.url == Self.url)
        #expect(link.text.hasSuffix("…") && DisplayWidth.of(link.text) == 26)
        #expect(buf.intactHyperlinks == [link])
    }

    @Test func somethingDrawnOverALinkDropsIt() {
        var buf = Buffer(size: Size(width: 30, height: 3))
        buf.put(Span("docs.aws.amazon.com", link: Self.url), x: 0, y: 0)
        buf.put("help", x: 5, y: 0)   // an overlay's edge
        #expect(buf.hyperlinks.count == 1 && buf.intactHyperlinks.isEmpty)
    }

    @Test func linksAreSentAfterAFullRedrawOrWhenTheirCellsChangeOnly() {
        let link = Hyperlink(x: 2, y: 3, text: "docs", url: Self.url)
        let other = Hyperlink(x: 0, y: 5, text: "x", url: Self.url)
        let touch = CellChange(x: 4, y: 3, cell: Cell("c"))
        let elsewhere = CellChange(x: 9, y: 3, cell: Cell("c"))
        #expect(HyperlinkOutput.toSend(current: [link], previous: [link], changes: [], fullRedraw: true) == [link])
        #expect(HyperlinkOutput.toSend(current: [link], previous: [link], changes: [elsewhere], fullRedraw: false).isEmpty)
        #expect(HyperlinkOutput.toSend(current: [link, other], previous: [link, other], changes: [touch], fullRedraw: false) == [link])
        #expect(HyperlinkOutput.toSend(current: [link], previous: [], changes: [], fullRedraw: false) == [link])
        #expect(HyperlinkOutput.toClear(current: [], previous: [link]) == [link])
        #expect(HyperlinkOutput.toClear(current: [link], previous: [link]).isEmpty)
    }

    @Test func theSequenceRewritesTheSameTextInsideALinkAndRestoresTheCursor() throws {
        let s = try #require(HyperlinkOutput.sequence(x: 4, y: 1, text: "docs…", url: Self.url,
                                                      style: Style(fg: .cyan, .bold), color: true))
        #expect(s == "\u{1B}7\u{1B}[2;5H\u{1B}[0;1;36m\u{1B}]8;;\(Self.url)\u{1B}\\docs…\u{1B}]8;;\u{1B}\\\u{1B}8")
        let plain = try #require(HyperlinkOutput.sequence(x: 0, y: 0, text: "a", url: nil, style: .plain, color: false))
        #expect(plain == "\u{1B}7\u{1B}[1;1H\u{1B}[0ma\u{1B}8")
        // A URL that could end the sequence early (or smuggle another) is never sent.
        #expect(HyperlinkOutput.sequence(x: 0, y: 0, text: "a", url: "https://x\u{1B}]52;c;AAA", style: .plain, color: false) == nil)
        #expect(HyperlinkOutput.sequence(x: 0, y: 0, text: "a", url: "https://x y", style: .plain, color: false) == nil)
    }

    @Test func onlyTerminalsKnownToShowLinksGetThem() {
        #expect(HyperlinkOutput.isSupported(environment: ["TERM": "xterm-kitty"]))
        #expect(HyperlinkOutput.isSupported(environment: ["TERM": "xterm-256color", "VTE_VERSION": "7200"]))
        #expect(HyperlinkOutput.isSupported(environment: ["TERM": "xterm-256color", "TERM_PROGRAM": "iTerm.app"]))
        #expect(HyperlinkOutput.isSupported(environment: ["TERM": "xterm-256color", "WT_SESSION": "1"]))
        #expect(!HyperlinkOutput.isSupported(environment: ["TERM": "xterm-256color"]))
        #expect(!HyperlinkOutput.isSupported(environment: ["TERM": "linux", "VTE_VERSION": "7200"]))
        #expect(!HyperlinkOutput.isSupported(environment: ["TERM": "xterm-256color", "VTE_VERSION": "4000"]))
        #expect(HyperlinkOutput.isSupported(environment: ["TERM": "xterm-256color", "AIFPREP_HYPERLINKS": "1"]))
        #expect(!HyperlinkOutput.isSupported(environment: ["TERM": "xterm-kitty", "AIFPREP_HYPERLINKS": "0"]))
    }

    /// The runtime hands the backend each link once, again when its cells were redrawn, and a cleared one.
    @Test func theRuntimeSendsEachLinkOnceAndClearsOneThatWentAway() {
        struct Page: Program {
            var linked = true, counter = 0
            mutating func update(_ event: Event, at now: Date) -> Command { .none }
            func view(into buffer: inout Buffer, theme: Theme) {
                buffer.put(Span("docs.aws.amazon.com", link: linked ? HyperlinkTests.url : nil), x: 0, y: 1)
                buffer.put("\(counter)", x: 0, y: 4)
            }
            var tickInterval: Duration? { nil }
        }
        let backend = TestBackend(size: Size(width: 40, height: 6))
        let runtime = Runtime(backend: backend, minimumSize: MinimumSize(width: 10, height: 3))
        var page = Page()
        runtime.render(page)                 // first frame: sent
        page.counter = 1
        runtime.render(page)                 // a change elsewhere: nothing to send
        page.linked = false
        runtime.render(page)                 // the same text, no longer a link: cleared
        #expect(backend.hyperlinkDraws.map(\.send.count) == [1, 0])
        #expect(backend.hyperlinkDraws.map(\.clear.count) == [0, 1])
        #expect(backend.hyperlinkDraws.first?.send.first?.url == Self.url)
    }
}
