/// Krippendorff's α from each file's counts per category (any number of raters, ratings
/// missing where a rater skipped a file): files with fewer than two ratings are left out, and
/// each file's pairs count 1/(m − 1), so that a file with more raters does not weigh more.
public enum KrippendorffAlpha {
    public enum Metric: String, Sendable, CaseIterable, Codable {
        case nominal, ordinal, interval
    }

    /// `values` are the categories' numbers, for the interval metric (their positions by default).
    public static func alpha(counts: [[Int]], categories q: Int, metric: Metric, values: [Double]? = nil)
        -> AgreementFigure
    {
        var coincidence = [[Double]](repeating: [Double](repeating: 0, count: q), count: q)
        for unit in counts {
            let m = unit.reduce(0, +)
            guard m >= 2 else { continue }
            let share = 1 / Double(m - 1)
            for c in 0..<q where unit[c] > 0 {
                for k in 0..<q where unit[k] > 0 {
                    let pairs = c == k ? unit[c] * (unit[c] - 1) : unit[c] * unit[k]
                    coincidence[c][k] += Double(pairs) * share
                }
            }
        }
        let totals = coincidence.map { $0.reduce(0, +) }
        let n = totals.reduce(0, +)
        guard n > 0 else { return .undefined("no file has two ratings to compare") }
        let distance = distances(totals: totals, metric: metric, values: values ?? (0..<q).map(Double.init))
        var disagreement = 0.0
        var expected = 0.0
        for c in 0..<q {
            for k in 0..<q where c != k {
                disagreement += coincidence[c][k] * distance[c][k]
                expected += totals[c] * totals[k] * distance[c][k]
            }
        }
        guard expected > 0 else {
            return .undefined("every rating is in one category, so there is no disagreement to expect")
        }
        return .estimate(1 - (n - 1) * disagreement / expected)
    }

    /// δ² between categories c and k.
    static func distances(totals: [Double], metric: Metric, values: [Double]) -> [[Double]] {
        let q = totals.count
        return (0..<q).map { c in
            (0..<q).map { k in
                guard c != k else { return 0 }
                switch metric {
                case .nominal: return 1
                case .interval: return pow2(values[c] - values[k])
                case .ordinal:
                    let (low, high) = (min(c, k), max(c, k))
                    let between = totals[low...high].reduce(0, +)
                    return pow2(between - (totals[c] + totals[k]) / 2)
                }
            }
        }
    }
}
