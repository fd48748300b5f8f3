/// Everything a draw depends on besides the population: recorded with the sample so that an
/// inspector can redraw it.
public struct SampleParameters: Sendable, Hashable, Codable {
    /// How strata are formed.
    public enum Stratum: String, Sendable, Hashable, Codable, CaseIterable {
        case team
        case caseType = "case-type"
        case worker

        /// `team`, `case-type`, `worker` or a combination such as `team,case-type`; nil when a part
        /// is none of these.
        public static func list(_ text: String) -> [Stratum]? {
            let parts = text.split(separator: ",").map { Stratum(rawValue: $0.trimmingWhitespace) }
            guard !parts.isEmpty, !parts.contains(nil) else { return nil }
            return parts.compactMap { $0 }
        }
    }

    /// How many files each stratum gets.
    public enum Size: Sendable, Hashable, Codable {
        /// This many files in all, shared across strata in proportion to their size.
        case total(Int)
        /// This many files from each stratum (all of a smaller one).
        case perStratum(Int)
    }

    public var month: AuditMonth
    public var checklistID: String
    public var size: Size
    public var strata: [Stratum]
    /// Only these case types are eligible; empty: all.
    public var caseTypes: [CaseType]
    public var seed: UInt64
    /// Risk weights by case type (absent: 1). With any weight set, files are drawn within each
    /// stratum with probability proportional to weight (systematic PPS), and the exact
    /// inclusion probabilities are recorded.
    public var weights: [CaseType: Double]
    /// Cases drawn in a sample in this many months before `month` are left out.
    public var excludeSampledWithinMonths: Int?
    /// Why a sample is drawn for a month already under way or past (a catch-up draw); nil for
    /// an ordinary draw. Recorded with the sample.
    public var backdateReason: String?
    /// For a top-up (`sample draw --top-up N`): the month's first sample, whose design it
    /// follows. Its files leave out every file the month's samples of the checklist hold.
    public var topUpOf: SampleID?

    public init(
        month: AuditMonth, checklistID: String, size: Size, strata: [Stratum] = [.team], caseTypes: [CaseType] = [],
        seed: UInt64, weights: [CaseType: Double] = [:], excludeSampledWithinMonths: Int? = nil
    ) {
        self.month = month
        self.checklistID = checklistID
        self.size = size
        self.strata = strata
        self.caseTypes = caseTypes
        self.seed = seed
        self.weights = weights
        self.excludeSampledWithinMonths = excludeSampledWithinMonths
    }

    /// `CP=3,LAC=2`: a weight above 0 for each case type named.
    public static func weights(parsing text: String) -> [CaseType: Double]? {
        var weights: [CaseType: Double] = [:]
        for part in text.split(separator: ",") {
            let pieces = part.split(separator: "=").map { $0.trimmingWhitespace }
            guard pieces.count == 2, let type = CaseType(spelling: pieces[0]),
                let weight = CheckedNumber.finite(text: pieces[1]),
                weight > 0, weight <= weightLimit
            else { return nil }
            weights[type] = weight
        }
        return weights.isEmpty ? nil : weights
    }

    /// `6m` or `1y`: a number of months, at most `monthLimit`.
    public static func months(parsing text: String) -> Int? {
        guard let unit = text.last, let count = CheckedNumber.integer(text: text.dropLast(), in: 1...monthLimit) else {
            return nil
        }
        switch unit {
        case "m": return count
        case "y": return count <= monthLimit / 12 ? count * 12 : nil
        default: return nil
        }
    }

    /// The heaviest risk weight (`--weights`), and the longest look-back (`6m`, `1y`): 100 years.
    public static let weightLimit = 1000.0
    public static let monthLimit = 1200
    /// The largest sample (`--size`, `--per-team`, `--per-worker`): more files than any council has.
    public static let sizeLimit = 1_000_000
}
