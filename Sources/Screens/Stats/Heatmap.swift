import SpacedRepetition
import StudyStats
import TerminalUI

/// Reviews per day as a calendar: one column per week (Monday on top), darker for more reviews, month
/// names above and a caret under today's column.
struct Heatmap: Widget {
    var days: [DayActivity]
    var today: StudyDate
    var monthNames: [String]
    /// Monday first; every other one is shown.
    var weekdayNames: [String]
    var todayLabel: String
    var theme: Theme

    /// Monday = 0 (day 0, 1970-01-01, was a Thursday).
    static func weekday(_ d: StudyDate) -> Int { ((d.dayNumber + 3) % 7 + 7) % 7 }

    /// 0 for none, then 1–4 by quarter of the busiest day.
    static func level(_ n: Int, max: Int) -> Int {
        guard n > 0, max > 0 else { return 0 }
        return min(4, 1 + (n - 1) * 4 / max)
    }

    /// Width in cells: two for the weekday labels, then two per week (a gap, then the day).
    var width: Int { 2 + 2 * columns }
    var columns: Int {
        guard let first = days.first else { return 0 }
        return (Self.weekday(first.date) + days.count + 6) / 7
    }

    func render(_ rect: Rect, into buf: inout Buffer) {
        guard let first = days.first, rect.height >= 9 else { return }
        let shades: [Character] = theme.unicode ? ["·", "░", "▒", "▓", "█"] : [".", "-", "+", "*", "#"]
        let busiest = days.map(\.reviews).max() ?? 0
        let offset = Self.weekday(first.date)
        for (row, label) in weekdayNames.enumerated() where row % 2 == 0 {
            buf.put(label, x: rect.x, y: rect.y + 1 + row, style: theme.muted, maxWidth: 2)
        }
        var lastMonth = -1
        var labelEnd = rect.x
        for (i, day) in days.enumerated() {
            let column = (offset + i) / 7, row = (offset + i) % 7
            let x = rect.x + 3 + column * 2  // after the labels and the gap before this week
            guard x < rect.maxX else { break }
            if day.date.month != lastMonth {
                lastMonth = day.date.month
                // A month's name goes over the first column that is wholly in it, if it fits.
                let labelX = row == 0 ? x - 1 : x + 1
                if labelX >= labelEnd && labelX + 3 <= rect.maxX {
                    labelEnd = labelX + buf.put(monthNames[day.date.month - 1], x: labelX, y: rect.y, style: theme.muted) + 1
                }
            }
            let level = Self.level(day.reviews, max: busiest)
            let isToday = day.date == today
            let style: Style = isToday ? theme.accent.with(.bold) : (level == 0 ? theme.muted : theme.good)
            buf.set(x, rect.y + 1 + row, shades[level], style: style)
            if isToday {
                let caret = (theme.unicode ? "▲ " : "^ ") + todayLabel
                let cx = min(x, rect.maxX - DisplayWidth.of(caret))
                buf.put(caret, x: cx, y: rect.y + 8, style: theme.accent)
            }
        }
    }
}
