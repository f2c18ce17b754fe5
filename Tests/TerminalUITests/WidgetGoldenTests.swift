import GoldenTesting
import Testing
@testable import TerminalUI

@Suite struct WidgetGoldenTests {
    func buffer(_ w: Int, _ h: Int) -> Buffer { Buffer(size: Size(width: w, height: h)) }

    @Test func panelUnicodeAndASCII() {
        for (theme, name) in [(Theme.standard, "panel-unicode"), (Theme.ascii, "panel-ascii")] {
            var b = buffer(24, 5)
            let inner = Panel(title: "学習 Study").render(in: b.area, &b, theme: theme)
            Paragraph("inside the frame", width: inner.width).render(in: inner, &b)
            expectGolden(b, name)
            #expect(inner == Rect(x: 2, y: 1, width: 20, height: 3))
        }
    }

    @Test func paragraphWrapsAndAligns() {
        var b = buffer(20, 6)
        Paragraph(Markup.parse("Overfitting: **low** train loss, high validation loss."), width: 20).render(in: Rect(x: 0, y: 0, width: 20, height: 3), &b)
        Paragraph("過学習は検証損失が上がる状態です。", width: 20, alignment: .center).render(in: Rect(x: 0, y: 3, width: 20, height: 3), &b)
        expectGolden(b, "paragraph")
    }

    @Test func listScrollsToKeepTheSelectionVisible() {
        let items: [Line] = (1...10).map { [Span("item \($0)")] }
        let list = ListView(items: items, selected: 7, previousOffset: 0, height: 4)
        #expect(list.offset == 4)
        var b = buffer(16, 4)
        list.render(in: b.area, &b, theme: .standard)
        expectGolden(b, "list")
        #expect(list.rowAt(Point(x: 3, y: 2), in: b.area) == 6)
        #expect(list.rowAt(Point(x: 3, y: 9), in: b.area) == nil)
    }

    @Test func gaugeAndSlider() {
        var b = buffer(40, 4)
        Gauge(ratio: 0.75, label: "75%").render(in: Rect(x: 0, y: 0, width: 20, height: 1), &b, theme: .standard)
        Gauge(ratio: 0.5, label: "50%").render(in: Rect(x: 0, y: 1, width: 20, height: 1), &b, theme: .ascii)
        let slider = Slider(label: "lr", valueText: "0.01", position: 4, count: 11, focused: true, marks: [8])
        slider.render(in: Rect(x: 0, y: 2, width: 40, height: 1), &b, theme: .standard)
        Slider(label: "batch", valueText: "16", position: 0, count: 5).render(in: Rect(x: 0, y: 3, width: 40, height: 1), &b, theme: .ascii)
        expectGolden(b, "gauge-slider")
        let r = Rect(x: 0, y: 2, width: 40, height: 1)
        let track = Slider.track(in: r)
        #expect(Slider.position(at: track.x, in: r, count: 11) == 0)
        #expect(Slider.position(at: track.maxX - 1, in: r, count: 11) == 10)
        #expect(Slider.position(at: 0, in: r, count: 11) == nil)
    }

    @Test func sparkline() {
        var b = buffer(10, 2)
        Sparkline([1, 2, 3, 4, 5, 6, 7, 8]).render(in: Rect(x: 0, y: 0, width: 10, height: 1), &b, theme: .standard)
        Sparkline([0, 1, .infinity, 1, 0]).render(in: Rect(x: 0, y: 1, width: 10, height: 1), &b, theme: .ascii)
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
        LineChart(series: lossSeries(), logY: true, markers: [ChartMarker(x: 30, label: "best")], xTitle: "epoch")
            .render(in: b.area, &b, theme: .standard)
        expectGolden(b, "linechart-braille-log")
        #expect(b.text.contains("best"))
        #expect(b.text.unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) })
    }

    @Test func dashedSeriesLeaveGapsOnlyInBraille() {
        let points = (0...40).map { (x: Double($0), y: Double($0)) }
        var solid = buffer(30, 8), dashed = buffer(30, 8)
        LineChart(series: [ChartSeries(name: "s", points: points)]).render(in: solid.area, &solid, theme: .standard)
        LineChart(series: [ChartSeries(name: "d", points: points, dashed: true)]).render(in: dashed.area, &dashed, theme: .standard)
        func dots(_ b: Buffer) -> Int {
            b.text.unicodeScalars.filter { (0x2801...0x28FF).contains($0.value) }.reduce(0) { $0 + ($1.value - 0x2800).nonzeroBitCount }
        }
        #expect(dots(dashed) < dots(solid))
        #expect(dots(dashed) * 3 > dots(solid))  // about half the dots, never a vanished line
        expectGolden(dashed, "linechart-dashed")
        var ascii = buffer(30, 8)
        LineChart(series: [ChartSeries(name: "d", points: points, dashed: true)]).render(in: ascii.area, &ascii, theme: .ascii)
        #expect(ascii.text.filter { $0 == "*" }.count >= 20)
    }

    @Test func lineChartASCIILinear() {
        var b = buffer(40, 12)
        LineChart(series: lossSeries(), yBounds: 0...1, xTitle: "epoch").render(in: b.area, &b, theme: .ascii)
        expectGolden(b, "linechart-ascii")
        #expect(b.text.unicodeScalars.allSatisfy { $0.isASCII })
    }

    @Test func lineChartSurvivesNonFiniteAndEmptyData() {
        var b = buffer(30, 8)
        let s = ChartSeries(name: "x", points: [(1, 1), (2, .nan), (3, .infinity), (4, 0), (5, -1)])
        LineChart(series: [s], logY: true).render(in: b.area, &b, theme: .standard)
        var e = buffer(30, 8)
        LineChart(series: []).render(in: e.area, &e, theme: .standard)
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
