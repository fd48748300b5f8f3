/// Everything a draw depends on besides the population: recorded with the sample so that an
/// inspector can redraw it.
public struct SampleParameters: Sendable, Hashable, Codable {
    /// How strata are formed.
    public enum Stratum: String, Sendable, Hashable, Codable, CaseIterable {
        case team
        case caseType = "case-type"

        /// `team`, `case-type` or `team,case-type`; nil when a part is neither.
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

    public init(
        month: AuditMonth, checklistID: String, size: Size, strata: [Stratum] = [.team], caseTypes: [CaseType] = [],
        seed: UInt64
    ) {
        self.month = month
        self.checklistID = checklistID
        self.size = size
        self.strata = strata
        self.caseTypes = caseTypes
        self.seed = seed
    }
}
