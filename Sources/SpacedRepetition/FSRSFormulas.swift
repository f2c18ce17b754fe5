import Foundation

// The FSRS-6 formulas, in py-fsrs's operation order so results agree to the last bit.
// py-fsrs computes e^x as `math.e ** x`; `pow(M_E, x)` is the same libm call, `exp(x)` is not.

let minimumStability = 0.001
let difficultyRange = 1.0...10.0

func ePow(_ x: Double) -> Double { pow(M_E, x) }

extension Scheduler {
    func initialStability(_ rating: Rating) -> Double {
        max(w[rating.rawValue - 1], minimumStability)
    }

    func initialDifficulty(_ rating: Rating, clamp: Bool) -> Double {
        let difficulty = w[4] - ePow(w[5] * Double(rating.rawValue - 1)) + 1
        return clamp ? clampDifficulty(difficulty) : difficulty
    }

    func nextDifficulty(_ difficulty: Double, rating: Rating) -> Double {
        let target = initialDifficulty(.easy, clamp: false)
        let delta = -(w[6] * Double(rating.rawValue - 3))
        let damped = difficulty + (10.0 - difficulty) * delta / 9.0
        return clampDifficulty(w[7] * target + (1 - w[7]) * damped)
    }

    /// Same-day review: less than a whole day since the last one.
    func shortTermStability(_ stability: Double, rating: Rating) -> Double {
        var increase = ePow(w[17] * (Double(rating.rawValue - 3) + w[18])) * pow(stability, -w[19])
        if rating != .again { increase = max(increase, 1.0) }
        return max(stability * increase, minimumStability)
    }

    func longTermStability(difficulty: Double, stability: Double, retrievability: Double, rating: Rating) -> Double {
        let next: Double
        if rating == .again {
            let longTerm = w[11] * pow(difficulty, -w[12]) * (pow(stability + 1, w[13]) - 1)
                * ePow((1 - retrievability) * w[14])
            let shortTerm = stability / ePow(w[17] * w[18])
            next = min(longTerm, shortTerm)
        } else {
            let hardPenalty = rating == .hard ? w[15] : 1
            let easyBonus = rating == .easy ? w[16] : 1
            next = stability * (1 + ePow(w[8]) * (11 - difficulty) * pow(stability, -w[9])
                * (ePow((1 - retrievability) * w[10]) - 1) * hardPenalty * easyBonus)
        }
        return max(next, minimumStability)
    }

    func clampDifficulty(_ difficulty: Double) -> Double {
        min(max(difficulty, difficultyRange.lowerBound), difficultyRange.upperBound)
    }
}
