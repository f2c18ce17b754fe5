import Foundation

public struct ChartSeries: Sendable {
    public var name: String
    public var points: [(x: Double, y: Double)]
    public var style: Style
    /// The character used for this series in ASCII mode.
    public var asciiMarker: Character
    /// Drawn as a dashed line in braille, so that two series stay apart without colour.
    public var dashed: Bool

    public init(name: String, points: [(x: Double, y: Double)], style: Style = .plain, asciiMarker: Character = "*",
                dashed: Bool = false) {
        self.name = name
        self.points = points
        self.style = style
        self.asciiMarker = asciiMarker
        self.dashed = dashed
    }
}

/// A vertical line at an x value, e.g. the best epoch or where early stopping stopped.
public struct ChartMarker: Sendable {
    public var x: Double
    public var label: String
    public var style: Style
    public init(x: Double, label: String, style: Style = .plain) { self.x = x; self.label = label; self.style = style }
}

/// Line series on labelled axes. With Unicode, lines are drawn on a braille grid (2×4 dots per cell);
/// otherwise each series is drawn with its ASCII marker. A log y axis suits loss curves.
public struct LineChart: Widget, Sendable {
    public var series: [ChartSeries]
    public var xBounds: ClosedRange<Double>?
    public var yBounds: ClosedRange<Double>?
    public var logY: Bool
    public var markers: [ChartMarker]
    public var xTitle: String
    public var theme: Theme

    public init(series: [ChartSeries], xBounds: ClosedRange<Double>? = nil, yBounds: ClosedRange<Double>? = nil,
                logY: Bool = false, markers: [ChartMarker] = [], xTitle: String = "", theme: Theme) {
        self.series = series
        self.xBounds = xBounds
        self.yBounds = yBounds
        self.logY = logY
        self.markers = markers
        self.xTitle = xTitle
        self.theme = theme
    }

    func transformY(_ y: Double) -> Double? {
        guard y.isFinite else { return nil }
        if logY { return y > 0 ? log10(y) : nil }
        return y
    }

    /// The data bounds (in transformed y) when none were given.
    func bounds() -> (ClosedRange<Double>, ClosedRange<Double>) {
        var xs: [Double] = [], ys: [Double] = []
        for s in series {
            for p in s.points where p.x.isFinite {
                xs.append(p.x)
                if let ty = transformY(p.y) { ys.append(ty) }
            }
        }
        let xr = xBounds ?? ((xs.min() ?? 0)...(max(xs.max() ?? 1, (xs.min() ?? 0) + 1e-9)))
        var yr: ClosedRange<Double>
        if let yb = yBounds {
            let lo = transformY(yb.lowerBound) ?? (ys.min() ?? 0)
            let hi = transformY(yb.upperBound) ?? (ys.max() ?? 1)
            yr = lo...max(hi, lo + 1e-9)
        } else {
            let lo = ys.min() ?? 0, hi = ys.max() ?? 1
            yr = hi - lo < 1e-12 ? (lo - 0.5)...(hi + 0.5) : lo...hi
        }
        return (xr, yr)
    }

    public static func formatTick(_ v: Double) -> String {
        if v == 0 { return "0" }
        let a = abs(v)
        if v == v.rounded(), a < 10000 { return "\(Int(v))" }
        if a >= 10000 || a < 0.001 {
            let e = Int(floor(log10(a)))
            let m = v / pow(10, Double(e))
            return abs(m - m.rounded()) < 0.05 ? "\(Int(m.rounded()))e\(e)" : String(format: "%.1fe%d", m, e)
        }
        if a >= 100 { return String(format: "%.0f", v) }
        if a >= 10 { return String(format: "%.1f", v) }
        if a >= 1 { return String(format: "%.2f", v) }
        return String(format: "%.3f", v)
    }

    public func render(_ rect: Rect, into buf: inout Buffer) {
        guard rect.width >= 12, rect.height >= 4 else { return }
        let (xr, yr) = bounds()
        let untransform: (Double) -> Double = logY ? { pow(10, $0) } : { $0 }
        let yLabels = [yr.upperBound, (yr.lowerBound + yr.upperBound) / 2, yr.lowerBound].map { Self.formatTick(untransform($0)) }
        let labelW = min(9, yLabels.map { DisplayWidth.of($0) }.max() ?? 1)
        let plot = Rect(x: rect.x + labelW + 1, y: rect.y, width: rect.width - labelW - 1, height: rect.height - 2)
        guard plot.width > 2, plot.height > 1 else { return }
        let sym = theme.symbols
        let axis = theme.muted

        // Axes and labels.
        for y in plot.y..<plot.maxY { buf.set(plot.x - 1, y, theme.unicode ? "┤" : "|", style: axis) }
        buf.set(plot.x - 1, plot.maxY, theme.unicode ? "└" : "+", style: axis)
        for x in plot.x..<plot.maxX { buf.set(x, plot.maxY, sym.horizontal, style: axis) }
        let rows = [plot.y, plot.y + (plot.height - 1) / 2, plot.maxY - 1]
        for (label, row) in zip(yLabels, rows) {
            let w = DisplayWidth.of(label)
            buf.put(label, x: plot.x - 1 - w, y: row, style: axis, maxWidth: labelW)
        }
        let xLeft = Self.formatTick(xr.lowerBound), xRight = Self.formatTick(xr.upperBound)
        buf.put(xLeft, x: plot.x, y: plot.maxY + 1, style: axis)
        buf.put(xRight, x: plot.maxX - DisplayWidth.of(xRight), y: plot.maxY + 1, style: axis)
        if !xTitle.isEmpty {
            let tw = DisplayWidth.of(xTitle)
            buf.put(xTitle, x: plot.x + max(DisplayWidth.of(xLeft) + 1, (plot.width - tw) / 2), y: plot.maxY + 1, style: axis)
        }

        let dotsX = theme.unicode ? 2 : 1, dotsY = theme.unicode ? 4 : 1
        let gw = plot.width * dotsX, gh = plot.height * dotsY
        func gx(_ x: Double) -> Int {
            let f = (x - xr.lowerBound) / max(1e-300, xr.upperBound - xr.lowerBound)
            return Int((f * Double(gw - 1)).rounded())
        }
        func gy(_ ty: Double) -> Int {
            let f = (ty - yr.lowerBound) / max(1e-300, yr.upperBound - yr.lowerBound)
            let clamped = min(1, max(0, f))
            return (gh - 1) - Int((clamped * Double(gh - 1)).rounded())
        }

        // Marker lines first, so data draws over them; their labels last, so data never hides them.
        for m in markers where xr.contains(m.x) {
            let cx = plot.x + gx(m.x) / dotsX
            for y in plot.y..<plot.maxY { buf.set(cx, y, theme.unicode ? "┊" : ":", style: m.style) }
        }

        var dots = [UInt8](repeating: 0, count: plot.width * plot.height)
        var owner = [Int](repeating: -1, count: plot.width * plot.height)
        func plotDot(_ x: Int, _ y: Int, _ s: Int) {
            guard x >= 0, y >= 0, x < gw, y < gh else { return }
            let cell = (y / dotsY) * plot.width + x / dotsX
            if theme.unicode {
                let bits: [[UInt8]] = [[0x01, 0x08], [0x02, 0x10], [0x04, 0x20], [0x40, 0x80]]
                dots[cell] |= bits[y % 4][x % 2]
            } else {
                dots[cell] = 1
            }
            owner[cell] = s
        }
        for (si, s) in series.enumerated() {
            var prev: (Int, Int)? = nil
            // Dashes run along the line: three dots drawn, three skipped.
            var step = 0
            let dash = s.dashed && theme.unicode
            let draw: (Int, Int) -> Void = { x, y in
                if !dash || (step / 3) % 2 == 0 { plotDot(x, y, si) }
                step += 1
            }
            for p in s.points {
                guard p.x.isFinite, xr.contains(p.x), let ty = transformY(p.y) else { prev = nil; continue }
                let cur = (gx(p.x), gy(ty))
                if let pr = prev {
                    var first = true
                    Self.line(from: pr, to: cur) { x, y in
                        if first { first = false; return }  // the joint was drawn by the previous segment
                        draw(x, y)
                    }
                } else {
                    draw(cur.0, cur.1)
                }
                prev = cur
            }
        }
        for i in dots.indices where dots[i] != 0 {
            let x = plot.x + i % plot.width, y = plot.y + i / plot.width
            let s = series[owner[i]]
            let ch: Character = theme.unicode ? Character(Unicode.Scalar(0x2800 + UInt32(dots[i]))!) : s.asciiMarker
            buf.set(x, y, ch, style: s.style)
        }
        for m in markers where xr.contains(m.x) {
            let cx = plot.x + gx(m.x) / dotsX
            buf.put(m.label, x: max(plot.x, min(cx + 1, plot.maxX - DisplayWidth.of(m.label))), y: plot.y, style: m.style)
        }
    }

    /// Bresenham's line between two grid points.
    static func line(from a: (Int, Int), to b: (Int, Int), _ plot: (Int, Int) -> Void) {
        var (x0, y0) = a
        let (x1, y1) = b
        let dx = abs(x1 - x0), sx = x0 < x1 ? 1 : -1
        let dy = -abs(y1 - y0), sy = y0 < y1 ? 1 : -1
        var err = dx + dy
        while true {
            plot(x0, y0)
            if x0 == x1 && y0 == y1 { return }
            let e2 = 2 * err
            if e2 >= dy { err += dy; x0 += sx }
            if e2 <= dx { err += dx; y0 += sy }
        }
    }
}
