import GoldenTesting
import Testing
@testable import TerminalUI

@Suite struct WidgetGoldenTests {
    func buffer(_ w: Int, _ h: Int) -> Buffer { Buffer(size: Size(width: w, height: h)) }

    @Test func panelUnicodeAndASCII() {
        for (theme, name) in [(Theme.standard, "panel-unicode"), (Theme.ascii, "panel-ascii")] {
            var b = buffer(24, 5)
            Panel(title: "学習 Study", theme: theme).render(b.area, into: &b)
            let inner = Panel.inner(of: b.area)
            Paragraph("inside the frame", width: inner.width).render(inner, into: &b)
            expectGolden(b, name)
            #expect(inner == Rect(x: 2, y: 1, width: 20, height: 3))
        }
    }

    @Test func paragraphWrapsAndAligns() {
        var b = buffer(20, 6)
        Paragraph(Markup.parse("Overfitting: **low** train loss, high validation loss."), width: 20).render(Rect(x: 0, y: 0, width: 20, height: 3), into: &b)
        Paragraph("過学習は検証損失が上がる状態です。", width: 20, alignment: .center).render(Rect(x: 0, y: 3, width: 20, height: 3), into: &b)
        expectGolden(b, "paragraph")
    }

    @Test func listScrollsToKeepTheSelectionVisible() {
        let items: [Line] = (1...10).map { [Span("item \($0)")] }
        let list = ListView(items: items, selected: 7, previousOffset: 0, height: 4, theme: .standard)
        #expect(list.offset == 4)
        var b = buffer(16, 4)
        list.render(b.area, into: &b)
        expectGolden(b, "list")
        #expect(list.rowAt(Point(x: 3, y: 2), in: b.area) == 6)
        #expect(list.rowAt(Point(x: 3, y: 9), in: b.area) == nil)
    }

    @Test func gaugeAndSlider() {
        var b = buffer(40, 4)
        Gauge(ratio: 0.75, label: "75%", theme: .standard).render(Rect(x: 0, y: 0, width: 20, height: 1), into: &b)
        Gauge(ratio: 0.5, label: "50%", theme: .ascii).render(Rect(x: 0, y: 1, width: 20, height: 1), into: &b)
        let slider = Slider(label: "lr", valueText: "0.01", position: 4, count: 11, focused: true, marks: [8], theme: .standard)
        slider.render(Rect(x: 0, y: 2, width: 40, height: 1), into: &b)
        Slider(label: "batch", valueText: "16", position: 0, count: 5, theme: .ascii).render(Rect(x: 0, y: 3, width: 40, height: 1), into: &b)
        expectGolden(b, "gauge-slider")
        let r = Rect(x: 0, y: 2, width: 40, height: 1)
        let track = Slider.track(in: r)
        #expect(Slider.position(at: track.x, in: r, count: 11) == 0)
        #expect(Slider.position(at: track.maxX - 1, in: r, count: 11) == 10)
        #expect(Slider.position(at: 0, in: r, count: 11) == nil)
    }

    @Test func sparkline() {
        var b = buffer(10, 2)
        Sparkline([1, 2, 3, 4, 5, 6, 7, 8], theme: .standard).render(Rect(x: 0, y: 0, width: 10, height: 1), into: &b)
        Sparkline([0, 1, .infinity, 1, 0], theme: .ascii).render(Rect(x: 0, y: 1, width: 10, height: 1), into: &b)
        expectGolden(b, "sparkline")
    }

    func lossSeries() -> [ChartSeries] {
        var train: [(x: Double, y: Double)] = []
        var val: [(x: Double, y: Double)] = []
        for e in 1...100 {
            let x = Double(e)
            train.append((x: x, y: 1.0 / x))
            val.append((x: x, y: 1.0 / x + 0.00001 * x * x))
        }
        return [ChartSeries(name: "train", points: train, asciiMarker: "*"), ChartSeries(name: "val", points: val, asciiMarker: "o")]
    }

    @Test func lineChartBrailleLogScale() {
        var b = buffer(40, 12)
        LineChart(series: lossSeries(), logY: true, markers: [ChartMarker(x: 30, label: "best")], xTitle: "epoch", theme: .standard)
            .render(b.area, into: &b)
        expectGolden(b, "linechart-braille-log")
        #expect(b.text.contains("best"))
        #expect(b.text.unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) })
    }

    @Test func dashedSeriesLeaveGapsOnlyInBraille() {
        let points = (0...40).map { (x: Double($0), y: Double($0)) }
        var solid = buffer(30, 8), dashed = buffer(30, 8)
        LineChart(series: [ChartSeries(name: "s", points: points)], theme: .standard).render(solid.area, into: &solid)
        LineChart(series: [ChartSeries(name: "d", points: points, dashed: true)], theme: .standard).render(dashed.area, into: &dashed)
        func dots(_ b: Buffer) -> Int {
            b.text.unicodeScalars.filter { (0x2801...0x28FF).contains($0.value) }.reduce(0) { $0 + ($1.value - 0x2800).nonzeroBitCount }
        }
        #expect(dots(dashed) < dots(solid))
        #expect(dots(dashed) * 3 > dots(solid))  // about half the dots, never a vanished line
        expectGolden(dashed, "linechart-dashed")
        var ascii = buffer(30, 8)
        LineChart(series: [ChartSeries(name: "d", points: points, dashed: true)], theme: .ascii).render(ascii.area, into: &ascii)
        #expect(ascii.text.filter { $0 == "*" }.count >= 20)
    }

    @Test func lineChartASCIILinear() {
        var b = buffer(40, 12)
        LineChart(series: lossSeries(), yBounds: 0...1, xTitle: "epoch", theme: .ascii).render(b.area, into: &b)
        expectGolden(b, "linechart-ascii")
        #expect(b.text.unicodeScalars.allSatisfy { $0.isASCII })
    }

    @Test func lineChartSurvivesNonFiniteAndEmptyData() {
        var b = buffer(30, 8)
        let s = ChartSeries(name: "x", points: [(1, 1), (2, .nan), (3, .infinity), (4, 0), (5, -1)])
        LineChart(series: [s], logY: true, theme: .standard).render(b.area, into: &b)
        var e = buffer(30, 8)
        LineChart(series: [], theme: .standard).render(e.area, into: &e)
        expectGolden(b, "linechart-nonfinite")
        expectGolden(e, "linechart-empty")
    }

    @Test func tickFormatting() {
        #expect(LineChart.formatTick(0.0001) == "1e-4")
        #expect(LineChart.formatTick(0.25) == "0.250")
        #expect(LineChart.formatTick(100) == "100")
        #expect(LineChart.formatTick(2.5) == "2.50")
        #expect(LineChart.formatTick(1500) == "1500")
        #expect(LineChart.formatTick(25000) == "2.5e4")
    }

    @Test func minimumSizeMessage() {
        var b = buffer(40, 12)
        MinimumSize(width: 60, height: 18).renderMessage(into: &b, theme: .standard, japanese: false)
        expectGolden(b, "too-small")
        #expect(b.text.contains("needs 60×18"))
    }
}

@Suite struct WidgetQueryTests {
    func trimmed(_ b: Buffer) -> [String] { b.lines().map { String($0.reversed().drop { $0 == " " }.reversed()) } }

    @Test func aParagraphsHeightIsTheRowsItFillsFromItsScroll() {
        var p = Paragraph("one\ntwo\nthree", width: 9)
        #expect(p.height == 3)
        #expect(p.height(in: Rect(x: 0, y: 0, width: 9, height: 10)) == 3)
        #expect(p.height(in: Rect(x: 0, y: 0, width: 9, height: 2)) == 2)
        p.scroll = 2
        #expect(p.height(in: Rect(x: 0, y: 0, width: 9, height: 10)) == 1)
        var b = Buffer(size: Size(width: 9, height: 3))
        p.render(b.area, into: &b)
        #expect(trimmed(b) == ["three", "", ""])
        p.scroll = 5
        #expect(p.height(in: b.area) == 0)
    }

    @Test func aPanelsInnerAreaIsInsideItsFrameAndEmptyWhenThereIsNoRoom() {
        #expect(Panel.inner(of: Rect(x: 3, y: 2, width: 10, height: 5)) == Rect(x: 5, y: 3, width: 6, height: 3))
        #expect(Panel.inner(of: Rect(x: 0, y: 0, width: 1, height: 5)) == .zero)
        var b = Buffer(size: Size(width: 1, height: 5))
        Panel(title: "t", theme: .standard).render(b.area, into: &b)
        #expect(trimmed(b) == Array(repeating: "", count: 5), "no room: nothing drawn")
    }
}
