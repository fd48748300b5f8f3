extension CaseAuditStore {
    /// The latest case list, which a command needs to go on.
    public func requiredCaseSnapshot() throws -> CaseSnapshot {
        guard let snapshot = try latestCaseSnapshot() else { throw MissingData.noCaseList }
        return snapshot
    }

    /// The org chart, which a command needs to go on.
    public func requiredOrgChart() throws -> OrgChart {
        guard let chart = try orgChart() else { throw MissingData.noOrgChart }
        return chart
    }

    /// A recorded sample by its number.
    public func requiredSample(_ id: SampleID) throws -> StoredSample {
        guard let sample = try samples(month: nil).first(where: { $0.id == id }) else {
            throw MissingData.noSample(id)
        }
        return sample
    }

    /// The samples of a month (or all), at least one.
    public func requiredSamples(month: AuditMonth?) throws -> [StoredSample] {
        let samples = try samples(month: month)
        guard !samples.isEmpty else { throw MissingData.noSampleYet(month: month) }
        return samples
    }

    /// Refuses a person the org chart (when there is one) does not have.
    public func requirePerson(_ id: String) throws {
        if let chart = try orgChart(), chart.person(id: id) == nil { throw MissingData.notInOrgChart(id) }
    }

    /// The case summary of the latest case list.
    public func latestCaseSummary() throws -> CaseSummary {
        let snapshot = try requiredCaseSnapshot()
        return CaseSummary(snapshot: snapshot, counts: try caseCounts(snapshot: snapshot.id))
    }

    /// Each snapshot's cases by reference, for the samples' tables.
    public func caseDetails(of samples: [StoredSample]) throws -> [Int64: [String: CaseRecord]] {
        var details: [Int64: [String: CaseRecord]] = [:]
        for snapshot in Set(samples.map(\.snapshotID)) {
            details[snapshot] = Dictionary(
                try cases(snapshot: snapshot).map { ($0.reference, $0) }, uniquingKeysWith: { first, _ in first })
        }
        return details
    }
}
