import Foundation

/// A learner's calendar day. Days start at `dayStartHour` local time (4 am by default, like Anki),
/// so a late-night session still counts toward the evening's day.
public struct StudyDate: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Days since 1970-01-01; differences between two dates count days (for streaks, heatmaps).
    public var dayNumber: Int { ISO8601.daysFromCivil(year, month, day) }

    public init(dayNumber: Int) {
        let (year, month, day) = ISO8601.civilFromDays(dayNumber)
        self.init(year: year, month: month, day: day)
    }

    public func adding(days: Int) -> StudyDate { StudyDate(dayNumber: dayNumber + days) }

    /// "2025-03-09".
    public var description: String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }

    public static func < (lhs: StudyDate, rhs: StudyDate) -> Bool { lhs.dayNumber < rhs.dayNumber }
}

public enum StudyDay {
    /// The study day `date` falls in, in `timeZone`.
    public static func date(containing date: Date, timeZone: TimeZone, dayStartHour: Int = 4) -> StudyDate {
        let local = calendar(timeZone).dateComponents([.year, .month, .day, .hour], from: date)
        let calendarDay = StudyDate(year: local.year!, month: local.month!, day: local.day!)
        return local.hour! < dayStartHour ? calendarDay.adding(days: -1) : calendarDay
    }

    /// The instant the study day containing `date` began.
    public static func start(containing date: Date, timeZone: TimeZone, dayStartHour: Int = 4) -> Date {
        start(of: self.date(containing: date, timeZone: timeZone, dayStartHour: dayStartHour),
              timeZone: timeZone, dayStartHour: dayStartHour)
    }

    /// The instant the study day after the one containing `date` begins.
    public static func nextStart(after date: Date, timeZone: TimeZone, dayStartHour: Int = 4) -> Date {
        let today = self.date(containing: date, timeZone: timeZone, dayStartHour: dayStartHour)
        return start(of: today.adding(days: 1), timeZone: timeZone, dayStartHour: dayStartHour)
    }

    /// The instant a given study day begins. If DST skips that hour, Foundation moves it forward.
    public static func start(of day: StudyDate, timeZone: TimeZone, dayStartHour: Int = 4) -> Date {
        precondition((0...23).contains(dayStartHour), "dayStartHour must be 0...23")
        let components = DateComponents(year: day.year, month: day.month, day: day.day, hour: dayStartHour)
        return calendar(timeZone).date(from: components)!
    }

    private static func calendar(_ timeZone: TimeZone) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }
}
