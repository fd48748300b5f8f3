/// Agreement among any number of raters, from how many ratings each file got in each category
/// (one row per file, one column per category of the scale): the mean pairwise percent
/// agreement, Fleiss' κ (with Gwet's standard error, and Fleiss's null z when every file has the
/// same number of ratings), and Gwet's AC1, all over the files with two ratings or more.
public struct ManyRaterAgreement: Sendable, Hashable, Codable {
    public var files: Int
    public var percentAgreement: AgreementFigure
    public var fleissKappa: AgreementFigure
    public var gwetAC1: AgreementFigure

    public init(counts: [[Int]], categories q: Int) {
        let units = counts.filter { $0.reduce(0, +) >= 2 }
        files = units.count
        guard !units.isEmpty, q > 0 else {
            let none = AgreementFigure.undefined("no file has two ratings")
            percentAgreement = none
            fleissKappa = none
            gwetAC1 = none
            return
        }
        let n = Double(units.count)
        let raters = units.map { Double($0.reduce(0, +)) }
        // The share of each file's ratings in each category, averaged over the files.
        var pi = [Double](repeating: 0, count: q)
        for (unit, r) in zip(units, raters) { for k in 0..<q { pi[k] += Double(unit[k]) / r / n } }
        // Each file's share of agreeing pairs.
        let agreement = zip(units, raters).map { unit, r in
            unit.reduce(0.0) { $0 + Double($1) * Double($1 - 1) } / (r * (r - 1))
        }
        let observed = agreement.reduce(0, +) / n
        percentAgreement = .estimate(observed)

        let fleissChance = pi.reduce(0) { $0 + $1 * $1 }
        let sameRaters = Set(raters).count == 1
        if !sameRaters {
            fleissKappa = .undefined(
                "files were rated by different numbers of raters (\(Int(raters.min() ?? 0)) to \(Int(raters.max() ?? 0))), which Fleiss' κ cannot pool; see Krippendorff's α"
            )
        } else if fleissChance >= 1 - 1e-12 {
            fleissKappa = .undefined("every rating is in one category, so chance agreement is 1")
        } else {
            let kappa = (observed - fleissChance) / (1 - fleissChance)
            let se = Self.linearisedError(
                units: units, raters: raters, agreement: agreement, chance: fleissChance, estimate: kappa
            ) { unit, r in (0..<q).reduce(0) { $0 + Double(unit[$1]) * pi[$1] } / r }
            // Fleiss (1971), Fleiss, Nee & Landis (1979): the variance under no agreement.
            let m = raters[0]
            let pq = pi.reduce(0) { $0 + $1 * (1 - $1) }
            let skew = pi.reduce(0) { $0 + $1 * (1 - $1) * ((1 - $1) - $1) }
            let null = (2.0).squareRoot() / (pq * (n * m * (m - 1)).squareRoot()) * (pq * pq - skew).squareRoot()
            fleissKappa = .estimate(kappa, standardError: se, nullZ: null > 0 ? kappa / null : nil)
        }

        if q < 2 {
            gwetAC1 = .undefined("the scale has one category only")
        } else {
            let factor = 1 / Double(q - 1)
            let chance = factor * pi.reduce(0) { $0 + $1 * (1 - $1) }
            let gamma = (observed - chance) / (1 - chance)
            let se = Self.linearisedError(
                units: units, raters: raters, agreement: agreement, chance: chance, estimate: gamma
            ) { unit, r in factor * (0..<q).reduce(0) { $0 + Double(unit[$1]) * (1 - pi[$1]) } / r }
            gwetAC1 = .estimate(gamma, standardError: se)
        }
    }

    /// Gwet's linearised standard error of a chance-corrected coefficient over files: each file's
    /// own agreement and chance agreement (`chanceOf`), corrected for the estimated chance.
    private static func linearisedError(
        units: [[Int]], raters: [Double], agreement: [Double], chance: Double, estimate: Double,
        chanceOf: ([Int], Double) -> Double
    ) -> Double? {
        let n = Double(units.count)
        guard n > 1 else { return nil }
        var spread = 0.0
        for index in units.indices {
            let own = (agreement[index] - chance) / (1 - chance)
            let ownChance = chanceOf(units[index], raters[index])
            let corrected = own - 2 * (1 - estimate) * (ownChance - chance) / (1 - chance)
            spread += pow2(corrected - estimate)
        }
        return (spread / (n * (n - 1))).squareRoot()
    }
}
