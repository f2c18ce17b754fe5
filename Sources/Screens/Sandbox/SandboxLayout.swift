import TerminalUI

/// Where each part of the sandbox goes; `update` uses the same rects for mouse hits.
///
/// Left: one slider row per control, then the batch-size panel and (when there is room) notes.
/// Right: a status line, the loss chart with its learning-rate strip, the fit chart.
/// Bottom, full width: the diagnosis panel.
struct SandboxLayout {
    var sliders: [Rect]
    var batch: Rect
    var notes: Rect
    var status: Rect
    var lossTitle: Rect
    var loss: Rect
    var lrStrip: Rect
    var fitTitle: Rect
    var fit: Rect
    var diagnosis: Rect

    /// Columns before a slider's track: pointer, the longest label (14 columns), a space.
    static let labelColumns = 16

    init(area: Rect, controls: Int) {
        let rows = Layout.vertical([.fill(1), .length(area.height >= 20 ? 5 : 4)]).split(area)
        let top = rows[0]
        diagnosis = rows[1]
        let leftWidth = min(44, max(30, area.width * 47 / 100))
        let cols = Layout.horizontal([.length(leftWidth), .fill(1)], spacing: 1).split(top)
        let left = Layout.vertical([.length(controls), .length(5), .fill(1)]).split(cols[0])
        sliders = (0..<controls).map { left[0].row($0) }.filter { $0.height == 1 }
        batch = left[1]
        notes = left[2]
        let right = Layout.vertical([.length(1), .length(1), .fill(1), .length(1), .length(1), .fill(1)]).split(cols[1])
        status = right[0]
        lossTitle = right[1]
        loss = right[2]
        lrStrip = right[3]
        fitTitle = right[4]
        fit = right[5]
    }

    /// The rect handed to `Slider.render` for a row: shifted so its track starts after our labels.
    static func sliderRect(_ row: Rect) -> Rect {
        let shift = labelColumns - Slider.labelWidth
        return Rect(x: row.x + shift, y: row.y, width: row.width - shift, height: row.height)
    }
}
