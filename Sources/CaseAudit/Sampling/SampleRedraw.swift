/// Redraws a recorded sample from its snapshot, parameters and seed, as an inspector would, and
/// says whether the same files come out with the same probabilities.
public enum SampleRedraw {
    public struct Outcome: Sendable {
        public var sample: StoredSample
        public var redrawn: [SampledCase]
        public var missing: [String]
        public var extra: [String]
        public var isIdentical: Bool { missing.isEmpty && extra.isEmpty }
    }

    /// The check, recorded in the trail with its result (the use case behind `sample redraw`).
    public static func checkAndRecord(_ sample: StoredSample, store: some CaseAuditStore) throws(StoreError)
        -> Outcome
    {
        let outcome = try check(sample, store: store)
        try store.appendEvent(
            .redrawChecked(
                sample.id, reproduced: outcome.isIdentical, differences: outcome.missing.count + outcome.extra.count))
        return outcome
    }

    public static func check(_ sample: StoredSample, store: some SampleStore) throws(StoreError) -> Outcome {
        let parameters = sample.parameters
        var excluded =
            try parameters.excludeSampledWithinMonths.map { months throws(StoreError) in
                try store.sampledReferences(since: parameters.month.subtracting(months: months), before: sample.id)
            } ?? []
        excluded.formUnion(try MonthlyDraw.heldByMonth(before: sample, store: store))
        let redrawn = StratifiedSampler.draw(
            try store.cases(snapshot: sample.snapshotID, includingDates: false), parameters: parameters,
            excluded: excluded)
        let recorded = Dictionary(
            sample.cases.map { ($0.reference, $0.inclusionProbability) }, uniquingKeysWith: { a, _ in a })
        let again = Dictionary(redrawn.map { ($0.reference, $0.inclusionProbability) }, uniquingKeysWith: { a, _ in a })
        let missing = recorded.filter { entry in
            guard let probability = again[entry.key] else { return true }
            return abs(probability - entry.value) > 1e-12
        }.keys.sorted()
        let extra = again.keys.filter { recorded[$0] == nil }.sorted()
        return Outcome(sample: sample, redrawn: redrawn, missing: missing, extra: extra)
    }
}
