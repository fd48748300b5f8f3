/// Agreement between two raters from their q × q table of counts (rows the first rater, columns
/// the second, over every category of the scale, used or not): percent agreement, Cohen's κ with
/// Fleiss–Cohen–Everitt (1969) standard errors, Scott's π, and Gwet's AC1 (AC2 when weighted)
/// with Gwet's (2008) standard error.
public struct TwoRaterAgreement: Sendable, Hashable, Codable {
    public var weights: AgreementWeights
    public var files: Int
    public var percentAgreement: AgreementFigure
    public var kappa: AgreementFigure
    public var scottsPi: AgreementFigure?
    public var gwet: AgreementFigure

    public init(table counts: [[Int]], weights: AgreementWeights = .identity) {
        self.weights = weights
        let q = counts.count
        let total = counts.reduce(0) { $0 + $1.reduce(0, +) }
        files = total
        guard total > 0, q > 0 else {
            let none = AgreementFigure.undefined("no file was rated by both raters")
            percentAgreement = none
            kappa = none
            scottsPi = weights == .identity ? none : nil
            gwet = none
            return
        }
        let n = Double(total)
        let w = weights.matrix(q)
        let p = counts.map { $0.map { Double($0) / n } }
        let rows = p.map { $0.reduce(0, +) }
        let columns = (0..<q).map { j in p.reduce(0) { $0 + $1[j] } }
        var observed = 0.0
        for i in 0..<q { for j in 0..<q { observed += w[i][j] * p[i][j] } }
        percentAgreement = .estimate(observed)

        kappa = Self.kappa(p: p, w: w, rows: rows, columns: columns, observed: observed, n: n)
        if weights == .identity {
            let pi = (0..<q).map { (rows[$0] + columns[$0]) / 2 }
            let chance = pi.reduce(0) { $0 + $1 * $1 }
            scottsPi =
                chance >= 1
                ? .undefined("both raters used one category only, so chance agreement is 1")
                : .estimate((observed - chance) / (1 - chance))
        } else {
            scottsPi = nil
        }
        gwet = Self.gwet(p: p, w: w, rows: rows, columns: columns, observed: observed, n: n)
    }

    private static func kappa(
        p: [[Double]], w: [[Double]], rows: [Double], columns: [Double], observed: Double, n: Double
    )
        -> AgreementFigure
    {
        let q = p.count
        var chance = 0.0
        for i in 0..<q { for j in 0..<q { chance += w[i][j] * rows[i] * columns[j] } }
        guard chance < 1 - 1e-12 else {
            return .undefined("chance agreement is 1 (both raters used one category only)")
        }
        let kappa = (observed - chance) / (1 - chance)
        let rowMeans = (0..<q).map { i in (0..<q).reduce(0) { $0 + w[i][$1] * columns[$1] } }
        let columnMeans = (0..<q).map { j in (0..<q).reduce(0) { $0 + w[$1][j] * rows[$1] } }
        var spread = 0.0
        var nullSpread = 0.0
        for i in 0..<q {
            for j in 0..<q {
                let mean = rowMeans[i] + columnMeans[j]
                let d = w[i][j] - mean * (1 - kappa)
                spread += p[i][j] * d * d
                let d0 = w[i][j] - mean
                nullSpread += rows[i] * columns[j] * d0 * d0
            }
        }
        let scale = n * (1 - chance) * (1 - chance)
        let variance = (spread - pow2(kappa - chance * (1 - kappa))) / scale
        let nullVariance = (nullSpread - chance * chance) / scale
        return .estimate(
            kappa, standardError: variance >= 0 ? variance.squareRoot() : nil,
            nullZ: nullVariance > 0 ? kappa / nullVariance.squareRoot() : nil)
    }

    private static func gwet(
        p: [[Double]], w: [[Double]], rows: [Double], columns: [Double], observed: Double, n: Double
    )
        -> AgreementFigure
    {
        let q = p.count
        guard q > 1 else { return .undefined("the scale has one category only") }
        let pi = (0..<q).map { (rows[$0] + columns[$0]) / 2 }
        let weightSum = w.reduce(0) { $0 + $1.reduce(0, +) }
        let factor = weightSum / Double(q * (q - 1))
        let chance = factor * pi.reduce(0) { $0 + $1 * (1 - $1) }
        guard chance < 1 - 1e-12 else { return .undefined("chance agreement is 1") }
        let gamma = (observed - chance) / (1 - chance)
        var spread = 0.0
        for k in 0..<q {
            for l in 0..<q {
                let t = factor * (1 - (pi[k] + pi[l]) / 2)
                spread += p[k][l] * pow2(w[k][l] - 2 * (1 - gamma) * t)
            }
        }
        let variance = (spread - pow2(observed - 2 * (1 - gamma) * chance)) / (n * pow2(1 - chance))
        return .estimate(gamma, standardError: variance >= 0 ? variance.squareRoot() : nil)
    }
}

@inline(__always) func pow2(_ x: Double) -> Double { x * x }
