/// Every agreement figure for a set of ratings: with exactly two raters, Cohen's κ (unweighted,
/// linear and quadratic), Scott's π, Gwet's AC1 and AC2, over the files both rated; for any
/// number, Fleiss' κ, Gwet's AC1, the mean pairwise agreement and Krippendorff's α (nominal,
/// ordinal, interval), which takes files with ratings missing.
public struct AgreementAnalysis: Sendable, Hashable, Codable {
    public var categories: [String]
    public var files: Int
    public var raters: Int
    public var ratings: Int
    /// Where the scale is only the categories the ratings used (no `--categories`).
    public var scaleFromRatings: Bool
    /// Cohen's family for each weighting, when there are exactly two raters.
    public var twoRaters: [TwoRaterAgreement]
    public var manyRaters: ManyRaterAgreement
    public var alphaNominal: AgreementFigure
    public var alphaOrdinal: AgreementFigure
    public var alphaInterval: AgreementFigure

    /// Below this many files a figure is indicative only.
    public static let indicativeBelow = 30

    public var isIndicative: Bool { files < Self.indicativeBelow }

    public init(_ set: RatingSet, scaleFromRatings: Bool = false) {
        categories = set.categories
        raters = set.raters.count
        ratings = set.ratings.count
        self.scaleFromRatings = scaleFromRatings
        let counts = set.countsPerFile
        let q = set.categories.count
        files = counts.filter { $0.reduce(0, +) >= 2 }.count
        twoRaters =
            set.raters.count == 2
            ? AgreementWeights.allCases.map { TwoRaterAgreement(table: set.table(0, 1), weights: $0) } : []
        manyRaters = ManyRaterAgreement(counts: counts, categories: q)
        alphaNominal = KrippendorffAlpha.alpha(counts: counts, categories: q, metric: .nominal)
        alphaOrdinal = KrippendorffAlpha.alpha(counts: counts, categories: q, metric: .ordinal)
        let numbers = set.categories.compactMap(Double.init)
        alphaInterval = KrippendorffAlpha.alpha(
            counts: counts, categories: q, metric: .interval, values: numbers.count == q ? numbers : nil)
    }
}
