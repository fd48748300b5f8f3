// Issue 4's benchmark: the latency of committing one answer through the real store (its own
// transaction, WAL with synchronous=FULL), against the raw latency of write+fsync of a small
// block on the same disk, measured by the same program, interleaved so both see the same disk.
// The answers go to audits of 12 answers each (the size of the shipped checklists), as an
// auditor gives them.
//
// usage: commit-latency [ANSWERS] [DIRECTORY]   (defaults: 10000, Benchmarks/out/commit)
import CaseAudit
import CaseAuditStore

#if canImport(Glibc)
    import Glibc
#endif

let arguments = CommandLine.arguments
let count = arguments.count > 1 ? Int(arguments[1]) ?? 10_000 : 10_000
let directory = arguments.count > 2 ? arguments[2] : "Benchmarks/out/commit"
mkdir(directory, 0o755)
let database = "\(directory)/commit.sqlite"
for suffix in ["", "-wal", "-shm", "-lock"] { unlink(database + suffix) }

func nanoseconds() -> UInt64 {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
}

do {
    let store = try SQLiteStore(path: database)
    let perAudit = 12
    let files = (count + perAudit - 1) / perAudit
    let references = (0..<files).map { "BENCH-\($0)" }
    let snapshot = try store.addCaseSnapshot(
        CaseList(
            records: references.map { CaseRecord(reference: $0, caseType: .childInNeed, team: "A") }, format: .csv),
        source: "bench")
    guard let month = AuditMonth("2026-12") else { fatalError("month") }
    let parameters = SampleParameters(
        month: month, checklistID: "bench", size: .perStratum(files), strata: [.team], caseTypes: [.childInNeed],
        seed: 1)
    let sample = try store.addSample(
        parameters, snapshot: snapshot.id,
        cases: references.map {
            SampledCase(
                reference: $0, stratum: "A", inclusionProbability: 1, caseType: .childInNeed, team: "A",
                auditorID: "tm1")
        })
    let pinned = PinnedChecklist(id: "bench", version: "1", hash: "sha256:bench", xml: Array("<checklist/>".utf8))
    var audits: [AuditID] = []

    let blockPath = "\(directory)/fsync.bin"
    let descriptor = open(blockPath, O_RDWR | O_CREAT | O_TRUNC, 0o600)
    guard descriptor >= 0 else { fatalError("cannot open \(blockPath)") }
    var block = [UInt8](repeating: 0x61, count: 4096)

    var commits: [UInt64] = []
    var syncs: [UInt64] = []
    commits.reserveCapacity(count)
    syncs.reserveCapacity(count)
    for index in 0..<count {
        let note = index % 4 == 0 ? "Partly: seen at school on \(index % 28 + 1) November, not at home." : nil
        if index % perAudit == 0 {
            let audit = try store.startOrResumeAudit(
                sampleID: sample.id, caseReference: references[index / perAudit], auditorID: "tm1", checklist: pinned)
            audits.append(audit.id)
        }
        let answer = ItemAnswer(
            itemID: "item-\(index % perAudit)", value: index % 3 == 0 ? "partly" : "yes", note: note)
        let audit = audits[audits.count - 1]
        let start = nanoseconds()
        try store.recordAnswer(answer, audit: audit)
        let committed = nanoseconds()
        block[0] = UInt8(truncatingIfNeeded: index)
        _ = pwrite(descriptor, &block, block.count, off_t((index % 16) * 4096))
        fsync(descriptor)
        let synced = nanoseconds()
        commits.append(committed - start)
        syncs.append(synced - committed)
    }
    close(descriptor)
    var kept = 0
    for audit in audits { kept += try store.answers(audit: audit).count }
    guard kept == count else { fatalError("answers were lost: \(kept) of \(count) kept") }

    func percentile(_ values: [UInt64], _ p: Double) -> Double {
        let sorted = values.sorted()
        return Double(sorted[min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.up)) - 1)]) / 1_000_000
    }
    func line(_ name: String, _ values: [UInt64]) -> String {
        let figures = [0.5, 0.99, 1.0].map { percentile(values, $0) }
        return "\(name)  p50 \(format(figures[0])) ms  p99 \(format(figures[1])) ms  max \(format(figures[2])) ms"
    }
    func format(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    }
    print(
        "durability: WAL, synchronous=FULL (every commit syncs the WAL before it returns); \(count) answers to \(files) audits, one transaction each"
    )
    print(line("commit one answer     ", commits))
    print(line("write+fsync 4 KiB     ", syncs))
    let ratio = percentile(commits, 0.99) / percentile(syncs, 0.99)
    let ratioToMedian = percentile(commits, 0.99) / percentile(syncs, 0.5)
    print(
        "commit p99 / fsync p99 = \(format(ratio)) (target <= 2.00); commit p99 / fsync p50 = \(format(ratioToMedian))")
} catch {
    print("commit-latency: \(error)")
    exit(1)
}
