/// How many files to audit to estimate a compliance rate within a margin at a confidence level.
///
/// Method: Cochran's formula, the normal approximation to the binomial, n₀ = z²·p(1−p)/e², with
/// the finite-population correction n = n₀ / (1 + (n₀ − 1)/N), rounded up. The whole
/// population's n is shared across strata proportionally (n_h ∝ N_h), equally, or by Neyman
/// allocation (n_h ∝ N_h·√(p_h(1−p_h))); each stratum also gets the n it would need for its own
/// estimate at the same margin. Exact methods instead (`ExactPlan`): the smallest n whose exact
/// binomial, or hypergeometric (finite population), interval meets the margin.
public struct SamplePlan: Sendable, Codable {
    public enum Method: String, Sendable, Codable, CaseIterable {
        case cochran, binomial, hypergeometric

        public var description: String {
            switch self {
            case .cochran:
                "Cochran: normal approximation to the binomial with finite-population correction, n0 = z^2 p(1-p)/e^2, n = n0/(1+(n0-1)/N), rounded up"
            case .binomial:
                "exact binomial: the smallest n whose Clopper-Pearson interval around x = n p (rounded) is within the margin"
            case .hypergeometric:
                "exact hypergeometric: the smallest n whose exact interval for the compliant cases of the population (sampled without replacement), around x = n p (rounded), is within the margin"
            }
        }

        /// n for a population of `population` (nil: infinite) by this method.
        public func size(population: Int?, confidence: Double, margin: Double, expectedRate: Double) -> Int? {
            switch self {
            case .cochran:
                SamplePlan.size(
                    population: population, confidence: confidence, margin: margin, expectedRate: expectedRate)
            case .binomial, .hypergeometric:
                ExactPlan.size(
                    model: self == .binomial ? .binomial : .hypergeometric, population: population,
                    confidence: confidence, margin: margin, expectedRate: expectedRate
                )
                .map { n in population.map { Swift.min(n, $0) } ?? n }
            }
        }
    }

    public enum Allocation: String, Sendable, Codable, CaseIterable {
        case proportional, equal, neyman

        /// How the plan says the files are shared: "shared in proportion to stratum size".
        public var sharing: String {
            switch self {
            case .proportional: "shared in proportion to stratum size"
            case .equal: "shared equally across strata"
            case .neyman: "shared by Neyman allocation (stratum size and spread)"
            }
        }
    }

    public struct Stratum: Sendable, Codable, Hashable {
        public var key: String
        public var population: Int
        public var expectedRate: Double
        public var proportional: Int
        public var equal: Int
        public var neyman: Int
        /// The n for this stratum's own estimate at the plan's margin.
        public var forOwnEstimate: Int
    }

    public var confidence: Double
    public var margin: Double
    public var expectedRate: Double
    public var z: Double
    public var population: Int
    public var sampleSize: Int
    public var allocation: Allocation
    public var strata: [Stratum]
    public var method: Method

    /// n for a population of `population` (nil: infinite). Nil when no whole number of files
    /// can meet the margin: an infinite population with a margin so small that n overflows.
    public static func size(population: Int?, confidence: Double, margin: Double, expectedRate: Double) -> Int? {
        let z = NormalQuantile.z(1 - (1 - confidence) / 2)
        // n0 can be infinite (a margin of 1e-300 squares to 0): the finite case below is
        // written so that it then gives the whole population, never inf/inf.
        let n0 = z * z * expectedRate * (1 - expectedRate) / (margin * margin)
        guard let population else { return CheckedNumber.integer(n0, rounding: .up, in: 0...Int.max) }
        guard population > 0 else { return 0 }
        let total = Double(population)
        let corrected = n0.isInfinite ? total : total * n0 / (n0 + total - 1)
        // A tiny epsilon keeps an exact whole number from rounding up past itself.
        return CheckedNumber.integer(corrected - 1e-9, rounding: .up, in: 0...population) ?? population
    }

    public init(
        strata sizes: [(key: String, population: Int)], confidence: Double, margin: Double, expectedRate: Double,
        stratumRates: [String: Double] = [:], allocation: Allocation, method: Method = .cochran
    ) {
        self.method = method
        self.confidence = confidence
        self.margin = margin
        self.expectedRate = expectedRate
        self.allocation = allocation
        z = NormalQuantile.z(1 - (1 - confidence) / 2)
        population = sizes.reduce(0) { $0 + $1.population }
        sampleSize =
            method.size(population: population, confidence: confidence, margin: margin, expectedRate: expectedRate)
            ?? population
        let caps = sizes.map(\.population)
        let rates = sizes.map { stratumRates[$0.key] ?? expectedRate }
        let proportional = LargestRemainder.shares(of: sampleSize, weights: caps.map(Double.init), caps: caps)
        let equal = LargestRemainder.shares(of: sampleSize, weights: caps.map { $0 > 0 ? 1 : 0 }, caps: caps)
        let neyman = LargestRemainder.shares(
            of: sampleSize, weights: zip(caps, rates).map { Double($0) * ($1 * (1 - $1)).squareRoot() }, caps: caps)
        strata = sizes.indices.map { index in
            Stratum(
                key: sizes[index].key, population: caps[index], expectedRate: rates[index],
                proportional: proportional[index],
                equal: equal[index], neyman: neyman[index],
                forOwnEstimate: method.size(
                    population: caps[index], confidence: confidence, margin: margin, expectedRate: rates[index])
                    ?? caps[index])
        }
    }

    public func table() -> String {
        var out =
            "To estimate a compliance rate within ±\(Number.percent(margin)) at \(Number.percent(confidence)) confidence"
        out += " (expected rate \(Number.percent(expectedRate)), z = \(Number.format((z * 1000).rounded() / 1000))):\n"
        out += "\(Plural.count(sampleSize, "file")) from a population of \(population), \(allocation.sharing) below.\n"
        out += "Method: \(method.description).\n\n"
        let rows = strata.map { stratum -> [String] in
            let chosen: Int
            switch allocation {
            case .proportional: chosen = stratum.proportional
            case .equal: chosen = stratum.equal
            case .neyman: chosen = stratum.neyman
            }
            return [
                stratum.key, String(stratum.population), String(chosen), String(stratum.proportional),
                String(stratum.equal),
                String(stratum.neyman), String(stratum.forOwnEstimate),
            ]
        }
        let own = "OWN ±\(Number.percent(margin))"
        out += TextTable(
            headers: ["STRATUM", "CASES", "PLAN", "PROPORTIONAL", "EQUAL", "NEYMAN", own], rows: rows
        ).render()
        out += "\nPLAN is the \(allocation.rawValue) allocation of the \(sampleSize); \(own) is what a stratum would "
        out += "need to estimate its own rate within ±\(Number.percent(margin)), alone.\n"
        return out
    }
}
