/// Something that draws itself into an area of a buffer, as Ratatui's `Widget`. Everything a widget
/// needs (its data, its `Theme`) is given at construction, so every widget is drawn the same way;
/// what a caller needs to know about the drawing (a panel's inner area, a paragraph's height) is a
/// separate query, never the result of `render`.
public protocol Widget {
    func render(_ area: Rect, into buffer: inout Buffer)
}
