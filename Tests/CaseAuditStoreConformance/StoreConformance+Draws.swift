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
