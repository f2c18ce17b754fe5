import TerminalUI

/// Where each part of the sandbox goes; `update` uses the same rects for mouse hits.
///
/// Left: one slider row per control (a window around the selection when they do not all fit),
/// then the batch lines and (when there is room) notes. Right: a status line, the loss chart with
/// its learning-rate strip, the fit chart. Bottom, full width: the diagnosis panel, tall enough
/// for its text.
struct SandboxLayout {
    var sliders: [Rect]
    /// Index of the control drawn in `sliders[0]`.
    var firstControl: Int
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
    static let batchLines = 3

    /// `diagnosisLines`: the text lines the diagnosis needs inside its frame.
    init(area: Rect, controls: Int, selected: Int = 0, diagnosisLines: Int = 3) {
        let wanted = diagnosisLines + 2
        let diagnosisHeight = min(max(4, wanted), max(4, area.height / 3))
        let rows = Layout.vertical([.fill(1), .length(diagnosisHeight)]).split(area)
        let top = rows[0]
        diagnosis = rows[1]
        let leftWidth = min(44, max(30, area.width * 47 / 100))
        let cols = Layout.horizontal([.length(leftWidth), .fill(1)], spacing: 1).split(top)
        // Sliders first; the batch lines only when every slider still fits.
        let showBatch = cols[0].height >= controls + Self.batchLines
        let visible = max(1, min(controls, cols[0].height))
        let left = Layout.vertical([.length(visible), .length(showBatch ? Self.batchLines : 0), .fill(1)]).split(cols[0])
        firstControl = min(max(0, selected - visible / 2), controls - visible)
        sliders = (0..<visible).map { left[0].row($0) }.filter { $0.height == 1 }
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

    /// The control drawn in slider row `row`.
    func control(atRow row: Int) -> Int { firstControl + row }

    /// The rect handed to `Slider.render` for a row: shifted so its track starts after our labels.
    static func sliderRect(_ row: Rect) -> Rect {
        let shift = labelColumns - Slider.labelWidth
        return Rect(x: row.x + shift, y: row.y, width: row.width - shift, height: row.height)
    }
}
