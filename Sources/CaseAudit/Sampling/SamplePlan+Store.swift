extension SamplePlan {
    /// The plan for the latest case list: its cases in `strata` (only `caseTypes`, when given),
    /// with `stratumRates` naming strata the list has.
    public static func forLatestCaseList(
        in store: some CaseAuditStore, strata: [SampleParameters.Stratum], caseTypes: [CaseType], confidence: Double,
        margin: Double, expectedRate: Double, stratumRates: [String: Double], allocation: Allocation,
        method: Method = .cochran
    ) throws -> SamplePlan {
        let snapshot = try store.requiredCaseSnapshot()
        let sizes = StratifiedSampler.strata(
            of: try store.cases(snapshot: snapshot.id), by: strata, caseTypes: caseTypes)
        let unknown = stratumRates.keys.filter { key in !sizes.contains { $0.key == key } }.sorted()
        guard unknown.isEmpty else { throw SamplePlanError.unknownStrata(unknown, known: sizes.map(\.key)) }
        return SamplePlan(
            strata: sizes, confidence: confidence, margin: margin, expectedRate: expectedRate,
            stratumRates: stratumRates, allocation: allocation, method: method)
    }

    /// "STRATUM=RATE" entries, each rate between 0 and 1; nil for the first that is not one
    /// (with it).
    public static func stratumRates(parsing entries: [String]) -> Result<[String: Double], StratumRateError> {
        var result: [String: Double] = [:]
        for entry in entries {
            let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let rate = Double(parts[1]), rate > 0, rate < 1 else {
                return .failure(StratumRateError(entry: entry))
            }
            result[parts[0]] = rate
        }
        return .success(result)
    }
}

/// A stratum's rate that is not STRATUM=RATE with a rate between 0 and 1.
public struct StratumRateError: Error, Sendable, Hashable {
    public var entry: String
}

public enum SamplePlanError: ReportableError, Hashable {
    /// Rates were given for strata the case list does not have.
    case unknownStrata([String], known: [String])

    public var message: String {
        switch self {
        case .unknownStrata(let names, let known):
            "no stratum is called \(names.map { "'\($0)'" }.joined(separator: ", ")) (strata: \(known.joined(separator: ", ")))"
        }
    }
}
