import Foundation
import Testing
@testable import SpacedRepetition

@Suite struct StudyDayTests {
    let tokyo = TimeZone(identifier: "Asia/Tokyo")!
    let newYork = TimeZone(identifier: "America/New_York")!

    @Test("Before the start hour a moment belongs to the previous day")
    func tokyoDays() {
        // 03:59 JST on 10 March is still the 9 March study day, which began 04:00 JST.
        let lateNight = date("2025-03-09T18:59:00Z")
        #expect(StudyDay.start(containing: lateNight, timeZone: tokyo) == date("2025-03-08T19:00:00Z"))
        #expect(StudyDay.date(containing: lateNight, timeZone: tokyo) == StudyDate(year: 2025, month: 3, day: 9))
        #expect(StudyDay.nextStart(after: lateNight, timeZone: tokyo) == date("2025-03-09T19:00:00Z"))
        // 04:00 JST sharp opens the next day.
        let opening = date("2025-03-09T19:00:00Z")
        #expect(StudyDay.start(containing: opening, timeZone: tokyo) == opening)
        #expect(StudyDay.date(containing: opening, timeZone: tokyo).description == "2025-03-10")
        // Midnight start hour.
        #expect(StudyDay.start(containing: lateNight, timeZone: tokyo, dayStartHour: 0) == date("2025-03-09T15:00:00Z"))
    }

    @Test("Across DST the day starts at 4 am local, so days are 23 or 25 hours long")
    func newYorkDST() {
        // Spring forward on 9 March 2025: 4 am EST (09:00Z) then 4 am EDT (08:00Z).
        let saturday = date("2025-03-08T12:00:00Z")
        #expect(StudyDay.start(containing: saturday, timeZone: newYork) == date("2025-03-08T09:00:00Z"))
        #expect(StudyDay.nextStart(after: saturday, timeZone: newYork) == date("2025-03-09T08:00:00Z"))
        // 03:30 EDT on the 9th still belongs to the 8th.
        #expect(StudyDay.date(containing: date("2025-03-09T07:30:00Z"), timeZone: newYork).day == 8)
        // Fall back on 2 November 2025: 4 am EDT (08:00Z) then 4 am EST (09:00Z).
        let saturdayAutumn = date("2025-11-01T20:00:00Z")
        let start = StudyDay.start(containing: saturdayAutumn, timeZone: newYork)
        let next = StudyDay.nextStart(after: saturdayAutumn, timeZone: newYork)
        #expect(start == date("2025-11-01T08:00:00Z"))
        #expect(next.timeIntervalSince(start) == 25 * 3_600)
        // The repeated 1 am hour belongs to the 1 November day.
        #expect(StudyDay.start(containing: date("2025-11-02T06:30:00Z"), timeZone: newYork) == start)
    }

    @Test func studyDatesCount() {
        let date = StudyDate(year: 2024, month: 12, day: 31)
        #expect(date.adding(days: 1) == StudyDate(year: 2025, month: 1, day: 1))
        #expect(date.adding(days: 60).description == "2025-03-01")
        #expect(StudyDate(year: 2025, month: 3, day: 1).dayNumber - date.dayNumber == 60)
        #expect(date < date.adding(days: 1))
    }
}
