import CaseAudit
import Testing

/// Properties every agreement figure must have, over seeded random tables and ratings, and the
/// pitfalls of reference implementations (`shared/agreement/README.md`) kept as regressions.
@Suite struct AgreementPropertyTests {
    /// A small deterministic generator (SplitMix64).
    struct Seeded {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
    }

    static func table(_ seed: UInt64, q: Int) -> [[Int]] {
        var random = Seeded(state: seed)
        return (0..<q).map { i in (0..<q).map { j in random.next(i == j ? 30 : 8) } }
    }

    @Test(arguments: 1...20) func kappaIsSymmetricUnderTransposition(seed: UInt64) {
        let table = Self.table(seed, q: 4)
        let transposed = (0..<4).map { j in (0..<4).map { i in table[i][j] } }
        for weights in AgreementWeights.allCases {
            let a = TwoRaterAgreement(table: table, weights: weights)
            let b = TwoRaterAgreement(table: transposed, weights: weights)
            #expect(abs((a.kappa.value ?? .nan) - (b.kappa.value ?? .nan)) < 1e-12)
            #expect(abs((a.kappa.standardError ?? .nan) - (b.kappa.standardError ?? .nan)) < 1e-12)
            #expect(abs((a.gwet.value ?? .nan) - (b.gwet.value ?? .nan)) < 1e-12)
        }
    }

    /// κ with weights a·w + (1 − a) (an affine change that keeps w_ii = 1) is the same κ.
    @Test(arguments: 1...10) func kappaIsInvariantUnderAffineRescalingOfTheWeights(seed: UInt64) {
        let table = Self.table(seed, q: 5)
        let n = Double(table.reduce(0) { $0 + $1.reduce(0, +) })
        for weights in [AgreementWeights.linear, .quadratic] {
            let w = weights.matrix(5)
            func kappa(_ a: Double) -> Double {
                let scaled = w.map { $0.map { a * $0 + (1 - a) } }
                let p = table.map { $0.map { Double($0) / n } }
                let rows = p.map { $0.reduce(0, +) }
                let columns = (0..<5).map { j in p.reduce(0) { $0 + $1[j] } }
                var observed = 0.0
                var chance = 0.0
                for i in 0..<5 {
                    for j in 0..<5 {
                        observed += scaled[i][j] * p[i][j]
                        chance += scaled[i][j] * rows[i] * columns[j]
                    }
                }
                return (observed - chance) / (1 - chance)
            }
            let library = TwoRaterAgreement(table: table, weights: weights).kappa.value ?? .nan
            #expect(abs(kappa(1) - library) < 1e-12)
            #expect(abs(kappa(0.3) - library) < 1e-12)
            #expect(abs(kappa(2.5) - library) < 1e-12)
        }
    }

    static func complete(_ seed: UInt64, files: Int, raters: Int, q: Int) -> [[Int]] {
        var random = Seeded(state: seed)
        return (0..<files).map { _ in
            var counts = [Int](repeating: 0, count: q)
            let lean = random.next(q)
            for _ in 0..<raters { counts[random.next(3) == 0 ? random.next(q) : lean] += 1 }
            return counts
        }
    }

    /// With every file rated by every rater: α nominal = 1 − (1 − κ_Fleiss)(n − 1)/n, n the
    /// number of ratings.
    @Test(arguments: 1...10) func alphaNominalFollowsFleissWithCompleteData(seed: UInt64) {
        let counts = Self.complete(seed, files: 40, raters: 4, q: 4)
        let kappa = ManyRaterAgreement(counts: counts, categories: 4).fleissKappa.value ?? .nan
        let alpha = KrippendorffAlpha.alpha(counts: counts, categories: 4, metric: .nominal).value ?? .nan
        let n = Double(40 * 4)
        #expect(abs(alpha - (1 - (1 - kappa) * (n - 1) / n)) < 1e-12)
    }

    /// An unused category at either end of the scale leaves α ordinal as it was (pitfall 1: it
    /// does change weighted κ and AC1, which is why the scale, not the data, gives the categories).
    @Test(arguments: 1...10) func anUnusedEndCategoryLeavesAlphaOrdinalUnchanged(seed: UInt64) {
        let counts = Self.complete(seed, files: 30, raters: 3, q: 4)
        let before = KrippendorffAlpha.alpha(counts: counts, categories: 4, metric: .ordinal).value ?? .nan
        let high = KrippendorffAlpha.alpha(counts: counts.map { $0 + [0] }, categories: 5, metric: .ordinal)
        let low = KrippendorffAlpha.alpha(counts: counts.map { [0] + $0 }, categories: 5, metric: .ordinal)
        #expect(abs((high.value ?? .nan) - before) < 1e-12)
        #expect(abs((low.value ?? .nan) - before) < 1e-12)
    }

    /// Pitfall 2: the unweighted FCE variance on F1 is 0.1380, not the transposed term's 0.1615.
    @Test func theUnweightedStandardErrorIsNotTheTransposedOne() {
        let se = TwoRaterAgreement(table: [[0, 4, 1], [0, 8, 0], [0, 1, 5]]).kappa.standardError ?? 0
        #expect(abs(se - 0.1380) < 0.00005)
        #expect(abs(se - 0.1615) > 0.01)
    }

    /// Pitfall 3: with more than two raters and nothing missing, each pair counts 1/(m − 1):
    /// three raters on every file give the same α whichever rater is listed first.
    @Test func alphaWeighsEachFilesPairsByItsRaters() {
        let counts = [[3, 0, 0], [2, 1, 0], [0, 3, 0], [0, 1, 2], [1, 1, 1], [0, 0, 3]]
        let alpha = KrippendorffAlpha.alpha(counts: counts, categories: 3, metric: .nominal).value ?? .nan
        var coincidence = [[Double]](repeating: [0, 0, 0], count: 3)
        for unit in counts {
            for c in 0..<3 {
                for k in 0..<3 { coincidence[c][k] += Double(unit[c] * (unit[k] - (c == k ? 1 : 0))) / 2 }
            }
        }
        let totals = coincidence.map { $0.reduce(0, +) }
        let n = totals.reduce(0, +)
        let observed = (0..<3).reduce(0.0) { $0 + coincidence[$1][$1] } / n
        let expected = totals.reduce(0.0) { $0 + $1 * ($1 - 1) } / (n * (n - 1))
        #expect(abs(alpha - (observed - expected) / (1 - expected)) < 1e-12)
        #expect(n == 18)
    }

    /// Pitfall 4: undefined says why, and is never NaN.
    @Test func undefinedSaysWhy() {
        let one = TwoRaterAgreement(table: [[10, 0], [0, 0]])
        #expect(one.kappa.value == nil && one.kappa.undefined?.contains("chance agreement is 1") == true)
        #expect(one.percentAgreement.value == 1)
        let none = KrippendorffAlpha.alpha(counts: [[1, 0], [0, 1]], categories: 2, metric: .nominal)
        #expect(none.value == nil && none.undefined?.contains("two ratings") == true)
        let same = KrippendorffAlpha.alpha(counts: [[2, 0], [3, 0]], categories: 2, metric: .ordinal)
        #expect(same.value == nil && same.undefined != nil)
        let empty = TwoRaterAgreement(table: [[0, 0], [0, 0]])
        #expect(empty.kappa.value == nil && empty.kappa.undefined?.contains("no file") == true)
    }

    /// Pitfall 5: Fleiss' κ does not pool files rated by different numbers of raters.
    @Test func fleissDoesNotPoolDifferentNumbersOfRaters() {
        let mixed = ManyRaterAgreement(counts: [[2, 0], [1, 1], [3, 0], [0, 3]], categories: 2)
        #expect(mixed.fleissKappa.value == nil)
        #expect(mixed.fleissKappa.undefined?.contains("different numbers of raters (2 to 3)") == true)
        #expect(
            KrippendorffAlpha.alpha(counts: [[2, 0], [1, 1], [3, 0], [0, 3]], categories: 2, metric: .nominal).value
                != nil)
    }
}
