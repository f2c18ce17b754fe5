import Testing
@testable import TerminalUI

@Suite struct LayoutTests {
    let area = Rect(x: 0, y: 0, width: 80, height: 24)

    @Test func lengthsAndFill() {
        let rows = Layout.vertical([.length(1), .fill(1), .length(1)]).split(area)
        #expect(rows.map(\.height) == [1, 22, 1])
        #expect(rows.map(\.y) == [0, 1, 23])
    }

    @Test func weightedFillAndSpacing() {
        let cols = Layout.horizontal([.fill(1), .fill(3)], spacing: 2).split(area)
        #expect(cols.map(\.width) == [19, 59])
        #expect(cols[1].x == 21)
    }

    @Test func percentagesAndMinimums() {
        let cols = Layout.horizontal([.percentage(25), .min(10), .length(5)]).split(area)
        #expect(cols.map(\.width) == [20, 55, 5])
    }

    @Test func overflowShrinksFromTheEnd() {
        let cols = Layout.horizontal([.length(50), .length(50)]).split(area)
        #expect(cols.map(\.width) == [50, 30])
        let none = Layout.vertical([.length(3), .fill(1)]).split(Rect(x: 0, y: 0, width: 5, height: 2))
        #expect(none.map(\.height) == [2, 0])
    }

    @Test func rectHelpers() {
        #expect(area.centered(width: 10, height: 4) == Rect(x: 35, y: 10, width: 10, height: 4))
        #expect(area.inset(by: 1) == Rect(x: 1, y: 1, width: 78, height: 22))
        #expect(Rect(x: 0, y: 0, width: 3, height: 3).inset(by: 5).isEmpty)
    }
}

/// Issue 10: the "too small" message overlapped itself at 10×5.
@Suite struct MinimumSizeMessageTests {
    @Test(arguments: [(10, 5), (20, 5), (40, 8), (5, 3)])
    func theMessageNeverOverlapsItself(width: Int, height: Int) {
        var buf = Buffer(size: Size(width: width, height: height))
        MinimumSize(width: 60, height: 20).renderMessage(into: &buf, theme: .standard, japanese: false)
        let rows = buf.lines().map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let text = rows.joined(separator: " ")
        // Every word of one of the two messages, in order, each on its own row: nothing drawn over another.
        let long = "Terminal too small needs 60×20 (now \(width)×\(height))"
        let short = "Too small need 60×20"
        #expect(text == long || text == short || short.hasPrefix(text), "rows: \(rows)")
        #expect(rows.count <= height)
    }
}
