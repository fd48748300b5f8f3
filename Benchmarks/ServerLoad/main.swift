// Issue 13's benchmark of many auditors at once: CLIENTS auditors scoring at the same time on
// the server store, each on their own connections (the store's, and its lease's) holding the
// lease on their own audit, each committing one answer at a time with no think time, through
// the real store (`recordAnswer`: its own transaction, the lease checked, the answer upserted).
// Prints the commit latency's p50, p99 and max, the throughput, and every error a user would
// have seen (there should be none). Benchmarks/server.sh runs it beside pgbench.
//
// usage: server-load CONNINFO [CLIENTS] [ANSWERS]   (defaults: 200 clients, 50 answers each)
import CaseAudit
import CaseAuditStore
import Foundation
import Synchronization

let arguments = CommandLine.arguments
guard arguments.count > 1 else {
    print("usage: server-load CONNINFO [CLIENTS] [ANSWERS]")
    exit(2)
}
let conninfo = arguments[1]
let clients = arguments.count > 2 ? Int(arguments[2]) ?? 200 : 200
let answersEach = arguments.count > 3 ? Int(arguments[3]) ?? 50 : 50
let perAudit = 12

@Sendable func nanoseconds() -> UInt64 {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
}

/// One file per client, allocated to an auditor of its own, with its audit started.
func setUp() throws -> [AuditID] {
    let store = try PostgreSQLStore(conninfo: conninfo)
    let references = (0..<clients).map { "LOAD-\($0)" }
    let snapshot = try store.addCaseSnapshot(
        CaseList(
            records: references.map { CaseRecord(reference: $0, caseType: .childInNeed, team: "A") }, format: .csv),
        source: "load")
    guard let month = AuditMonth("2026-12") else { throw StoreError.failed(reason: "month") }
    let sample = try store.addSample(
        SampleParameters(
            month: month, checklistID: "load", size: .perStratum(clients), strata: [.team],
            caseTypes: [.childInNeed], seed: 1),
        snapshot: snapshot.id,
        cases: references.enumerated().map { index, reference in
            SampledCase(
                reference: reference, stratum: "A", inclusionProbability: 1, caseType: .childInNeed, team: "A",
                auditorID: "a\(index)")
        })
    let pinned = PinnedChecklist(id: "load", version: "1", hash: "sha256:load", xml: Array("<checklist/>".utf8))
    return try references.enumerated().map { index, reference in
        try store.startOrResumeAudit(
            sampleID: sample.id, caseReference: reference, auditorID: "a\(index)", checklist: pinned
        ).id
    }
}

final class Results: Sendable {
    let latencies = Mutex<[UInt64]>([])
    /// Each client's first answer, also in `latencies`: a connection's first statements cost
    /// the server more (its caches are cold), and 200 clients start at once.
    let firsts = Mutex<[UInt64]>([])
    let errors = Mutex<[String]>([])
    let connected = Atomic(0)
    let go = Atomic(false)
    let finished = Atomic(0)
}

do {
    let audits = try setUp()
    let results = Results()
    for (index, audit) in audits.enumerated() {
        let thread = Thread {
            var mine: [UInt64] = []
            mine.reserveCapacity(answersEach)
            do {
                let store = try PostgreSQLStore(conninfo: conninfo)
                let claim = try store.claimAudit(audit)
                results.connected.add(1, ordering: .sequentiallyConsistent)
                while !results.go.load(ordering: .sequentiallyConsistent) { usleep(1000) }
                for answer in 0..<answersEach {
                    let given = ItemAnswer(
                        itemID: "item-\(answer % perAudit)", value: answer % 3 == 0 ? "partly" : "yes",
                        note: answer % 4 == 0 ? "Seen at school, not at home (\(index))." : nil)
                    let start = nanoseconds()
                    do {
                        try store.recordAnswer(given, audit: audit)
                        mine.append(nanoseconds() - start)
                    } catch {
                        results.errors.withLock { $0.append(String(describing: error)) }
                    }
                }
                withExtendedLifetime(claim) {}
            } catch {
                results.connected.add(1, ordering: .sequentiallyConsistent)
                results.errors.withLock { $0.append("client \(index): \(error)") }
            }
            let kept = mine
            results.latencies.withLock { $0 += kept }
            if let first = kept.first { results.firsts.withLock { $0.append(first) } }
            results.finished.add(1, ordering: .sequentiallyConsistent)
        }
        thread.stackSize = 1 << 20
        thread.start()
    }
    while results.connected.load(ordering: .sequentiallyConsistent) < clients { usleep(1000) }
    let start = nanoseconds()
    results.go.store(true, ordering: .sequentiallyConsistent)
    while results.finished.load(ordering: .sequentiallyConsistent) < clients { usleep(1000) }
    let seconds = Double(nanoseconds() - start) / 1e9

    let sorted = results.latencies.withLock { $0 }.sorted()
    let firsts = results.firsts.withLock { $0 }.sorted()
    let errors = results.errors.withLock { $0 }
    func percentile(_ p: Double, of sorted: [UInt64]) -> Double {
        guard !sorted.isEmpty else { return .nan }
        return Double(sorted[min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.up)) - 1)]) / 1e6
    }
    func percentile(_ p: Double) -> Double { percentile(p, of: sorted) }
    print(
        String(
            format:
                "caseaudit  clients %d  commits %d  p50 %.2f ms  p99 %.2f ms  max %.2f ms  %.0f commits/s  errors %d",
            clients, sorted.count, percentile(0.5), percentile(0.99), percentile(1), Double(sorted.count) / seconds,
            errors.count))
    print(
        String(
            format: "           each client's first answer: p50 %.2f ms  max %.2f ms",
            percentile(0.5, of: firsts), percentile(1, of: firsts)))
    for error in Set(errors).sorted().prefix(5) { print("  error: \(error)") }
    exit(errors.isEmpty ? 0 : 1)
} catch {
    print("server-load: \(error)")
    exit(1)
}
