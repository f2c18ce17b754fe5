/// One terminal cell. A double-width character occupies a head cell (width 2) and a tail cell (width 0)
/// that holds nothing of its own; the tail must never be drawn alone.
public struct Cell: Hashable, Sendable {
    public var symbol: Character
    public var style: Style
    public var width: UInt8

    public init(_ symbol: Character = " ", style: Style = .plain, width: UInt8 = 1) {
        self.symbol = symbol
        self.style = style
        self.width = width
    }

    public static let blank = Cell()
    public var isTail: Bool { width == 0 }
}

/// A run of cells on one row that links to `url`, with the text it had when it was drawn: if something
/// drawn later covers it, the text no longer matches and the link is not sent.
public struct Hyperlink: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public var text: String
    public var url: String
}

public struct CellChange: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public var cell: Cell
}

/// A grid of cells that widgets render into; the backend only ever sees differences between two buffers.
public struct Buffer: Hashable, Sendable {
    public private(set) var area: Rect
    public private(set) var cells: [Cell]
    public private(set) var hyperlinks: [Hyperlink] = []

    public init(size: Size) {
        area = Rect(size: size)
        cells = Array(repeating: .blank, count: size.width * size.height)
    }

    public var size: Size { area.size }

    /// The text of row `y` from column `x`, `width` columns wide (tails of wide characters skipped).
    public func text(x: Int, y: Int, width: Int) -> String {
        guard y >= 0, y < area.height else { return "" }
        var out = ""
        for cx in max(0, x)..<min(area.width, x + width) where !self[cx, y].isTail { out.append(self[cx, y].symbol) }
        return out
    }

    /// Marks the `width` columns drawn at (x, y) as a link to `url`.
    public mutating func link(_ url: String, x: Int, y: Int, width: Int) {
        guard width > 0, y >= 0, y < area.height, x >= 0, x < area.width else { return }
        hyperlinks.append(Hyperlink(x: x, y: y, text: text(x: x, y: y, width: width), url: url))
    }

    /// The links whose text is still on screen as drawn.
    public var intactHyperlinks: [Hyperlink] {
        hyperlinks.filter { text(x: $0.x, y: $0.y, width: DisplayWidth.of($0.text)) == $0.text }
    }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * area.width + x] }
    }

    /// Writes changed cells as a backend would (what `TestBackend` shows); changes outside are ignored.
    public mutating func apply(_ changes: [CellChange]) {
        for c in changes { if let i = index(c.x, c.y) { cells[i] = c.cell } }
    }

    private func index(_ x: Int, _ y: Int) -> Int? {
        guard x >= 0, y >= 0, x < area.width, y < area.height else { return nil }
        return y * area.width + x
    }

    /// Sets one grapheme at (x, y), keeping wide characters whole: a wide character that would not fit
    /// before `limit` becomes a space, and any wide character it half-covers is blanked.
    @discardableResult
    public mutating func set(_ x: Int, _ y: Int, _ ch: Character, style: Style = .plain, limit: Int? = nil) -> Int {
        let right = min(limit ?? area.width, area.width)
        guard x >= 0, x < right, let i = index(x, y) else { return 0 }
        let w = DisplayWidth.of(ch)
        if w == 0 { return 0 }
        if w == 2 && x + 1 >= right {
            clearWide(at: x, y)
            cells[i] = Cell(" ", style: style)
            return 1
        }
        clearWide(at: x, y)
        if w == 2 { clearWide(at: x + 1, y) }
        cells[i] = Cell(ch, style: style, width: UInt8(w))
        if w == 2 { cells[i + 1] = Cell(" ", style: style, width: 0) }
        return w
    }

    /// Before overwriting (x, y), blanks the other half of a wide character that covers it.
    private mutating func clearWide(at x: Int, _ y: Int) {
        guard let i = index(x, y) else { return }
        let c = cells[i]
        if c.isTail, x > 0 {
            cells[i - 1] = Cell(" ", style: cells[i - 1].style)
            cells[i] = Cell(" ", style: c.style)
        } else if c.width == 2, let j = index(x + 1, y) {
            cells[j] = Cell(" ", style: cells[j].style)
        }
    }

    /// Writes sanitised text on one line starting at (x, y), clipped to `maxWidth` columns (and the buffer's
    /// edge). Text that does not fit ends in "…" so a cut is never silent; `ellipsis: false` clips bare (for
    /// fragments that are continued or drawn over). Returns the number of columns used.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, maxWidth: Int? = nil, ellipsis: Bool = true) -> Int {
        let limit = min(area.width, maxWidth.map { x + max(0, $0) } ?? area.width)
        let clean = Sanitizer.clean(text)
        if ellipsis, x >= 0, limit > x {
            // Trailing spaces that fall off the edge are not text being cut.
            let visible = DisplayWidth.of(String(clean.reversed().drop { $0 == " " }.reversed()))
            if visible > limit - x {
                let used = draw(clean, x: x, y: y, style: style, limit: limit - 1)
                return used + set(x + used, y, "…", style: style, limit: limit)
            }
        }
        return draw(clean, x: x, y: y, style: style, limit: limit)
    }

    /// Puts a span's text, and records its link over the columns it took.
    @discardableResult
    public mutating func put(_ span: Span, x: Int, y: Int, maxWidth: Int? = nil) -> Int {
        let used = put(span.text, x: x, y: y, style: span.style, maxWidth: maxWidth)
        if let url = span.link { link(url, x: x, y: y, width: used) }
        return used
    }

    private mutating func draw(_ clean: String, x: Int, y: Int, style: Style, limit: Int) -> Int {
        var cx = x
        for ch in clean {
            if cx >= limit { break }
            let w = DisplayWidth.of(ch)
            if w == 0 { continue }
            if cx < 0 { cx += w; continue }
            let used = set(cx, y, ch, style: style, limit: limit)
            if used < w { cx += used; break }
            cx += w
        }
        return max(0, cx - x)
    }

    /// How `text` would be cut to `width` columns by `put`: unchanged when it fits, else ending in "…".
    public static func truncated(_ text: String, width: Int) -> String {
        guard width > 0 else { return "" }
        if DisplayWidth.of(text) <= width { return text }
        var out = "", w = 0
        for ch in text {
            let cw = DisplayWidth.of(ch)
            if w + cw > width - 1 { break }
            out.append(ch)
            w += cw
        }
        return out + "…"
    }

    /// Restyles a rect without touching its symbols (used for selection bars and highlights).
    public mutating func style(_ rect: Rect, _ transform: (Style) -> Style) {
        let r = rect.intersection(area)
        for y in r.y..<r.maxY { for x in r.x..<r.maxX { cells[y * area.width + x].style = transform(cells[y * area.width + x].style) } }
    }

    public mutating func fill(_ rect: Rect, _ ch: Character = " ", style: Style = .plain) {
        let r = rect.intersection(area)
        guard !r.isEmpty else { return }
        for y in r.y..<r.maxY { for x in r.x..<r.maxX { set(x, y, ch, style: style, limit: r.maxX) } }
    }

    /// The cells that differ from `previous`; every cell when the sizes differ.
    public func diff(from previous: Buffer?) -> [CellChange] {
        var out: [CellChange] = []
        let w = area.width
        if let previous, previous.area == area {
            for i in cells.indices where cells[i] != previous.cells[i] {
                out.append(CellChange(x: i % w, y: i / w, cell: cells[i]))
            }
        } else {
            for i in cells.indices { out.append(CellChange(x: i % w, y: i / w, cell: cells[i])) }
        }
        return out
    }

    /// The buffer as plain text, one string per row, each exactly `width` columns wide: the form goldens use.
    public func lines() -> [String] {
        (0..<area.height).map { y in
            var s = ""
            for x in 0..<area.width {
                let c = self[x, y]
                if !c.isTail { s.append(c.symbol) }
            }
            return s
        }
    }

    public var text: String { lines().joined(separator: "\n") }

    /// The styles `lines()` leaves out: per row with any non-plain cell, its runs as
    /// "row: x1-x2 style, …" (columns inclusive; a wide character's tail takes its head's style).
    public func styleLines() -> [String] {
        (0..<area.height).compactMap { y -> String? in
            var runs: [String] = []
            var x = 0
            while x < area.width {
                let style = self[x, y].style
                var end = x
                while end + 1 < area.width, self[end + 1, y].style == style || self[end + 1, y].isTail { end += 1 }
                if style != .plain { runs.append(end == x ? "\(x) \(style)" : "\(x)-\(end) \(style)") }
                x = end + 1
            }
            return runs.isEmpty ? nil : "\(y): " + runs.joined(separator: ", ")
        }
    }
}
