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
