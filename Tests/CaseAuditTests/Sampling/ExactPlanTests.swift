import Foundation
import Testing

@testable import CaseAudit

/// Exact planning against a direct search written apart from the library: probabilities by
/// recurrence (no log-gamma), the binomial bounds by bisection on them, the hypergeometric
/// bounds by trying every number of compliant cases, and every n from 1 tried in turn.
@Suite struct ExactPlanTests {
    static func binomialPMF(n: Int, p: Double) -> [Double] {
        var pmf = [pow(1 - p, Double(n))]
        for k in 0..<n { pmf.append(pmf[k] * Double(n - k) / Double(k + 1) * p / (1 - p)) }
        return pmf
    }

    static func clopperPearson(x: Int, n: Int, alpha: Double) -> (Double, Double) {
        func bisect(_ rises: (Double) -> Bool) -> Double {
            var (low, high) = (0.0, 1.0)
            for _ in 0..<60 {
                let mid = (low + high) / 2
                if rises(mid) { high = mid } else { low = mid }
            }
            return low
        }
        let lower = x == 0 ? 0 : bisect { p in binomialPMF(n: n, p: p)[x...].reduce(0, +) > alpha / 2 }
        let upper = x == n ? 1 : bisect { p in binomialPMF(n: n, p: p)[...x].reduce(0, +) < alpha / 2 }
        return (lower, upper)
    }

    /// ln k! for k up to 2,000, summed once.
    static let logFactorials: [Double] = (1...2000).reduce(into: [0.0]) { table, k in
        table.append(table[k - 1] + log(Double(k)))
    }

    static func logFactorial(_ n: Int) -> Double { logFactorials[n] }

    static func hypergeometricPMF(_ k: Int, n: Int, m: Int, total: Int) -> Double {
        guard k >= max(0, n - (total - m)), k <= min(n, m) else { return 0 }
        func logChoose(_ a: Int, _ b: Int) -> Double { logFactorial(a) - logFactorial(b) - logFactorial(a - b) }
        return exp(logChoose(m, k) + logChoose(total - m, n - k) - logChoose(total, n))
    }

    static func hypergeometricBounds(x: Int, n: Int, total: Int, alpha: Double) -> (Int, Int) {
        let possible = (0...total).filter { m in m >= x && total - m >= n - x }
        let atLeast = possible.filter { m in
            (x...n).reduce(0.0) { $0 + hypergeometricPMF($1, n: n, m: m, total: total) } > alpha / 2
        }
        let atMost = possible.filter { m in
            (0...x).reduce(0.0) { $0 + hypergeometricPMF($1, n: n, m: m, total: total) } > alpha / 2
        }
        return (x == 0 ? 0 : atLeast.min() ?? 0, x == n ? total : atMost.max() ?? total)
    }

    static func directSearch(
        model: ExactPlan.Model, population: Int?, confidence: Double, margin: Double, rate: Double
    ) -> Int? {
        let alpha = 1 - confidence
        for n in 1...(population ?? 2000) {
            let x = Int((Double(n) * rate).rounded(.toNearestOrAwayFromZero))
            let half: Double
            switch model {
            case .binomial:
                let (lower, upper) = clopperPearson(x: x, n: n, alpha: alpha)
                half = (upper - lower) / 2
            case .hypergeometric:
                guard let population else { return nil }
                let (lower, upper) = hypergeometricBounds(x: x, n: n, total: population, alpha: alpha)
                half = Double(upper - lower) / Double(2 * population)
            }
            if half <= margin + 1e-9 { return n }
        }
        return nil
    }

    @Test(arguments: [(0.95, 0.15, 0.5), (0.90, 0.10, 0.8), (0.95, 0.12, 0.7), (0.80, 0.10, 0.95)])
    func binomialMatchesTheDirectSearch(confidence: Double, margin: Double, rate: Double) {
        let library = ExactPlan.size(
            model: .binomial, population: nil, confidence: confidence, margin: margin, expectedRate: rate)
        #expect(library != nil)
        #expect(
            library
                == Self.directSearch(
                    model: .binomial, population: nil, confidence: confidence, margin: margin, rate: rate))
    }

    @Test(arguments: [(120, 0.95, 0.15, 0.5), (300, 0.90, 0.10, 0.8), (80, 0.95, 0.10, 0.6)])
    func hypergeometricMatchesTheDirectSearch(population: Int, confidence: Double, margin: Double, rate: Double) {
        let library = ExactPlan.size(
            model: .hypergeometric, population: population, confidence: confidence, margin: margin,
            expectedRate: rate)
        #expect(library != nil)
        #expect(
            library
                == Self.directSearch(
                    model: .hypergeometric, population: population, confidence: confidence, margin: margin, rate: rate))
    }

    /// The textbook case: no compliant file of 10, 95 %: the upper bound is 1 − 0.025^(1/10).
    @Test func clopperPearsonAtTheEdge() {
        let (lower, upper) = ExactPlan.clopperPearson(x: 0, n: 10, tail: 0.025)
        #expect(lower == 0)
        #expect(abs(upper - (1 - pow(0.025, 0.1))) < 1e-9)
    }

    /// Exact plans ask more than Cochran's normal approximation, and a finite population less
    /// than an infinite one.
    @Test func exactIsNoSmallerThanCochranAndFiniteIsNoLarger() {
        let cochran = SamplePlan.size(population: nil, confidence: 0.95, margin: 0.1, expectedRate: 0.5) ?? 0
        let binomial =
            ExactPlan.size(model: .binomial, population: nil, confidence: 0.95, margin: 0.1, expectedRate: 0.5) ?? 0
        let finite =
            ExactPlan.size(model: .hypergeometric, population: 400, confidence: 0.95, margin: 0.1, expectedRate: 0.5)
            ?? 0
        #expect(binomial >= cochran)
        #expect(finite < binomial)
        #expect(finite > 0)
    }
}
