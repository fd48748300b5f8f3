import CaseAudit
import CaseAuditTestSupport
import Dispatch
import Synchronization
import Testing

extension StoreConformance {
    /// Two quality leads drawing the same month's sample at once, on their own connections,
    /// get one sample: the second is told the month has one, and nothing of its draw is kept.
    public static func twoDrawsAtOnceKeepOne(_ engine: StoreEngine) throws {
        let folder = try TemporaryDirectory()
        let store = try engine.make(folder)
        try store.replaceOrgChart(ConformanceCouncil.chart, source: "org.csv")
        _ = try store.addCaseSnapshot(CaseList(records: ConformanceCouncil.cases, format: .csv), source: "cases.csv")
        var parameters = ConformanceCouncil.parameters
        parameters.month = ConformanceCouncil.month.subtracting(months: -1)
        let request = MonthlyDraw.Request(
            parameters: parameters, mode: .first, quota: AuditorQuota([.teamManager: 20, .director: 20]),
            allowOwnLine: false)
        let stores = [store, try engine.connectAgain(store)]
        let outcomes = Mutex<[Result<SampleID, SampleDrawError>]>([])
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            let result = Result { () throws(SampleDrawError) -> SampleID in
                try MonthlyDraw.draw(request, store: stores[index]).sample.id
            }
            outcomes.withLock { $0.append(result) }
        }
        let results = outcomes.withLock { $0 }
        let kept = results.compactMap { try? $0.get() }
        #expect(results.count == 2 && kept.count == 1)
        for case .failure(let error) in results {
            guard case .alreadyDrawn(let samples) = error else {
                Issue.record("the second draw failed with \(error.message)")
                continue
            }
            #expect(samples.map(\.id) == kept)
        }
        #expect(try store.samples(month: parameters.month).count == 1)
    }
}

extension StoreConformance {
    /// A council's whole case list reads back as it was kept, in the file's order (on the
    /// server, past 100,000 cases, in two halves at once), every field as it was whatever bytes
    /// it holds; and a draw of more files than one statement carries leaves its events in the
    /// sample's order on one unbroken chain.
    public static func aLargeSnapshotAndDrawKeepTheirOrder(_ engine: StoreEngine) throws {
        let folder = try TemporaryDirectory()
        let store = try engine.make(folder)
        try store.replaceOrgChart(ConformanceCouncil.chart, source: "org.csv")
        let odd = ["tab\there", "back\\slash", "new\nline", "Ø Åse", "quote\"d", ""]
        let types = CaseType.allCases
        let records = (0..<100_003).map { index in
            CaseRecord(
                reference: index % 997 == 0 ? "C\(index) \(odd[index % odd.count])" : "C\(index)",
                caseType: types[index % types.count], team: index % 101 == 0 ? nil : ["A", "B"][index % 2],
                worker: index % 7 == 0 ? nil : "W\(index % 53)\(index % 1_009 == 0 ? odd[index % odd.count] : "")",
                opened: CalendarDate(year: 2020 + index % 6, month: 1 + index % 12, day: 1 + index % 28),
                lastVisit: index % 3 == 0 ? nil : CalendarDate(year: 2026, month: 1 + index % 11, day: 1 + index % 28))
        }
        let snapshot = try store.addCaseSnapshot(CaseList(records: records, format: .csv), source: "cases.csv")
        let read = try store.cases(snapshot: snapshot.id, includingDates: true)
        #expect(read.count == records.count)
        #expect(read == records)
        let withoutDates = try store.cases(snapshot: snapshot.id, includingDates: false)
        #expect(withoutDates.count == records.count)
        #expect(withoutDates.map(\.reference) == records.map(\.reference))
        #expect(withoutDates.map(\.worker) == records.map(\.worker))
        #expect(withoutDates.map(\.team) == records.map(\.team))
        let counted = Dictionary(grouping: records) { [$0.team ?? "\u{0}", $0.caseType.rawValue] }.mapValues(\.count)
        let counts = try store.caseCounts(snapshot: snapshot.id)
        #expect(counts.count == counted.count)
        #expect(counts.allSatisfy { counted[[$0.team ?? "\u{0}", $0.caseType.rawValue]] == $0.count })
        #expect(counts.last?.team == nil && snapshot.unallocated == records.count { $0.team == nil })

        let files = records.prefix(1_201).map { record in
            SampledCase(
                reference: record.reference, stratum: record.team ?? "", inclusionProbability: 0.01,
                caseType: record.caseType, team: record.team, worker: record.worker,
                auditorID: record.team == nil ? nil : ConformanceCouncil.auditor(of: record),
                unallocatedReason: record.team == nil ? "no team" : nil)
        }
        let sample = try store.addSample(ConformanceCouncil.parameters, snapshot: snapshot.id, cases: Array(files))
        #expect(sample.cases.count == files.count)
        let events = try verified(store)
        let drawn = events.firstIndex { $0.action == TrailAction.sampleDrawn.rawValue }
        let allocated = events.enumerated().filter { $0.element.action == TrailAction.fileAllocated.rawValue }
        #expect(allocated.map(\.element.entityID) == files.map(\.reference))
        #expect(drawn.map { $0 < (allocated.first?.offset ?? 0) } == true)
        #expect(allocated.map(\.offset) == Array((drawn ?? 0) + 1...(drawn ?? 0) + files.count))
    }
}
