#if canImport(Glibc)
import Glibc
#else
import Foundation
#endif
import Testing
@testable import TrainingSandbox

@Suite struct FastMathTests {
    @Test func fastTanhMatchesLibmWithinDocumentedError() {
        var worst = 0.0
        var x = -40.0
        while x <= 40 {
            worst = max(worst, abs(fastTanh(x) - tanh(x)))
            #expect(abs(fastTanh(x)) < 1)
            x += 0.000_37
        }
        #expect(worst < 2e-9)
    }

    @Test func fastTanhIsOddExactAtZeroAndSaturates() {
        #expect(fastTanh(0) == 0)
        for x in [1e-300, 0.1, 0.7, 1.3, 4.2, 11.0] { #expect(fastTanh(-x) == -fastTanh(x)) }
        #expect(abs(fastTanh(1e-8) - 1e-8) < 1e-17)  // relative accuracy near 0 too
        #expect(abs(fastTanh(25) - 1) < 2e-9)
        #expect(abs(fastTanh(-1e300) + 1) < 2e-9)
        #expect(abs(fastTanh(.infinity) - 1) < 2e-9)
    }

    @Test func nanPropagates() {
        #expect(fastTanh(.nan).isNaN)
        #expect(fastSigmoid(.nan).isNaN)
    }

    @Test func fastSigmoidMatchesLogistic() {
        var worst = 0.0
        var x = -40.0
        while x <= 40 {
            worst = max(worst, abs(fastSigmoid(x) - 1 / (1 + exp(-x))))
            x += 0.001_3
        }
        #expect(worst < 1e-9)
    }
}
