import AIFCore
import Foundation
import StudyStats
import Testing

@Suite struct ResultsExportTests {
    let input = StatsInput(
        reviews: [F.log("a1", at: F.date("2025-03-10T09:00:00Z"), rating: .again, ms: 2500)],
        attempts: [QuizHistoryEntry(id: "e,1", mode: .exam, finishedAt: F.date("2025-03-11T10:00:00Z"), scaledScore: 720,
                                    correct: 7, total: 10, passed: true, timeUsed: 61)],
        answers: [AnswerRecord(questionID: "q1-1", correct: true, answeredAt: F.date("2025-03-11T09:59:00Z"), attemptID: "e,1")])

    @Test func csvHasOneRowPerAttemptAnswerAndReview() {
        let lines = ResultsExport.csv(input).split(separator: "\n").map(String.init)
        #expect(lines == [
            ResultsExport.csvHeader,
            "attempt,2025-03-11T10:00:00Z,\"e,1\",exam,720,7,10,1,61",
            "answer,2025-03-11T09:59:00Z,\"e,1\",q1-1,,1,,,",
            "review,2025-03-10T09:00:00Z,\(input.reviews[0].id),a1,1,0,,,2.5",
        ])
    }

    @Test func jsonParsesBackWithEveryRecord() throws {
        let object = try JSONSerialization.jsonObject(with: Data(try ResultsExport.json(input).utf8)) as! [String: [[String: Any]]]
        #expect(object["attempts"]?.first?["scaledScore"] as? Int == 720)
        #expect(object["answers"]?.count == 1)
        #expect(object["reviews"]?.first?["rating"] as? Int == 1 && object["reviews"]?.first?["stateBefore"] as? String == "new")
    }
}
