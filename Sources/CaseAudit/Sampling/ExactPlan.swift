#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Exact sample sizes, as audit-sampling tools (jfa and others) plan them: the smallest n whose
/// exact two-sided interval, around the compliance the expected rate gives (x = n·p rounded),
/// is no wider than ± the margin. Binomial: the Clopper–Pearson interval (an infinite population,
/// or sampling with replacement). Hypergeometric: the exact interval for the number of
/// compliant cases among a finite population of N, sampled without replacement.
///
/// The half-width does not fall steadily as n grows (x is rounded), so the search tries every n
/// from the smallest that could do.
public enum ExactPlan {
    public enum Model: String, Sendable, Codable, CaseIterable {
        case binomial, hypergeometric
    }

    /// The smallest n, or nil when none up to `limit` (or up to the whole population) meets it.
    public static func size(
        model: Model, population: Int?, confidence: Double, margin: Double, expectedRate: Double, limit: Int = 100_000
    ) -> Int? {
        let tail = (1 - confidence) / 2
        let top = min(limit, model == .hypergeometric ? (population ?? limit) : limit)
        guard top >= 1 else { return population == 0 ? 0 : nil }
        // With x = 0 or x = n the interval is at least the one-sided 1 − (α/2)^(1/n) wide, so no n
        // below log(α/2)/log(1 − 2e) can meet a margin e; start a little below that.
        var n = max(1, Int((log(tail) / log(max(1e-12, 1 - 2 * margin))).rounded(.down)) / 4)
        while n <= top {
            if halfWidth(model: model, n: n, population: population, tail: tail, expectedRate: expectedRate)
                <= margin + 1e-12
            {
                return n
            }
            n += 1
        }
        return nil
    }

    /// The exact interval's half-width for n files with x = n·p (rounded) compliant.
    public static func halfWidth(model: Model, n: Int, population: Int?, tail: Double, expectedRate: Double)
        -> Double
    {
        let x = Int((Double(n) * expectedRate).rounded(.toNearestOrAwayFromZero))
        switch model {
        case .binomial:
            let (lower, upper) = clopperPearson(x: x, n: n, tail: tail)
            return (upper - lower) / 2
        case .hypergeometric:
            guard let population, population >= n else { return .infinity }
            let (lower, upper) = hypergeometricBounds(x: x, n: n, population: population, tail: tail)
            return Double(upper - lower) / Double(2 * population)
        }
    }

    /// P(X ≤ x) for X ~ Binomial(n, p), from the pmf summed in logs.
    static func binomialCDF(_ x: Int, n: Int, p: Double) -> Double {
        guard x >= 0 else { return 0 }
        guard x < n else { return 1 }
        if p <= 0 { return 1 }
        if p >= 1 { return 0 }
        let logP = log(p)
        let logQ = log1p(-p)
        let logN = logGamma(Double(n + 1))
        var sum = 0.0
        for k in 0...x {
            sum += exp(
                logN - logGamma(Double(k + 1)) - logGamma(Double(n - k + 1)) + Double(k) * logP + Double(n - k) * logQ)
        }
        return min(1, sum)
    }

    /// Clopper–Pearson: lower solves P(X ≥ x | p) = α/2, upper P(X ≤ x | p) = α/2, by bisection.
    static func clopperPearson(x: Int, n: Int, tail: Double) -> (Double, Double) {
        func solve(_ f: (Double) -> Double) -> Double {
            var (low, high) = (0.0, 1.0)
            for _ in 0..<60 {
                let mid = (low + high) / 2
                if f(mid) > 0 { high = mid } else { low = mid }
            }
            return (low + high) / 2
        }
        // P(X ≥ x | p) rises with p; P(X ≤ x | p) falls.
        let lower = x == 0 ? 0 : solve { p in (1 - binomialCDF(x - 1, n: n, p: p)) - tail }
        let upper = x == n ? 1 : solve { p in tail - binomialCDF(x, n: n, p: p) }
        return (lower, upper)
    }

    /// P(X ≤ x) for X ~ Hypergeometric(population N, M compliant, n drawn).
    static func hypergeometricCDF(_ x: Int, n: Int, compliant m: Int, population total: Int) -> Double {
        let low = max(0, n - (total - m))
        let high = min(n, m)
        guard x >= low else { return 0 }
        guard x < high else { return 1 }
        func logChoose(_ a: Int, _ b: Int) -> Double {
            logGamma(Double(a + 1)) - logGamma(Double(b + 1)) - logGamma(Double(a - b + 1))
        }
        let all = logChoose(total, n)
        var sum = 0.0
        for k in low...x { sum += exp(logChoose(m, k) + logChoose(total - m, n - k) - all) }
        return min(1, sum)
    }

    /// The exact interval for M: the smallest M with P(X ≥ x | M) > α/2 and the largest with
    /// P(X ≤ x | M) > α/2 (each tail is monotone in M, so each is found by bisection).
    static func hypergeometricBounds(x: Int, n: Int, population total: Int, tail: Double) -> (Int, Int) {
        var lower = 0
        if x > 0 {
            var (low, high) = (x, total - (n - x))
            while low < high {
                let mid = (low + high) / 2
                if 1 - hypergeometricCDF(x - 1, n: n, compliant: mid, population: total) > tail {
                    high = mid
                } else {
                    low = mid + 1
                }
            }
            lower = low
        }
        var upper = total
        if x < n {
            var (low, high) = (x, total - (n - x))
            while low < high {
                let mid = (low + high + 1) / 2
                if hypergeometricCDF(x, n: n, compliant: mid, population: total) > tail {
                    low = mid
                } else {
                    high = mid - 1
                }
            }
            upper = low
        }
        return (lower, upper)
    }
}

/// ln Γ(x) (the C library's; Swift also has an lgamma that returns the sign).
@inline(__always) private func logGamma(_ x: Double) -> Double { (lgamma as (Double) -> Double)(x) }
