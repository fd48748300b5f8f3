// Issue 4's benchmark, and issue 14's: the latency of committing one answer through the real
// store (its own transaction; on SQLite WAL with synchronous=FULL, on a server its default
// durability), with its trail event and without the trail, against the raw latency of
// write+fsync of a small block on the same disk, all measured by the same program,
// interleaved so that each sees the same disk. The answers go to audits of 12 answers each
// (the size of the shipped checklists), as an auditor gives them.
//
// usage: commit-latency [ANSWERS] [DIRECTORY] [CONNINFO-WITH-TRAIL CONNINFO-WITHOUT]
//   (defaults: 10000, Benchmarks/out/commit; with two connection strings, two empty server
//   databases are measured instead of two SQLite files)
import CaseAudit
@_spi(Benchmarks) import CaseAuditStore

#if canImport(Glibc)
    import Glibc
#endif

let arguments = CommandLine.arguments
let count = arguments.count > 1 ? Int(arguments[1]) ?? 10_000 : 10_000
let directory = arguments.count > 2 ? arguments[2] : "Benchmarks/out/commit"
let servers = arguments.count > 4 ? [arguments[3], arguments[4]] : nil
mkdir(directory, 0o755)

func nanoseconds() -> UInt64 {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
}

/// A store with `files` drawn files allocated to tm1, ready to score.
func prepared(_ store: any CaseAuditStore, files: Int) throws -> (SampleID, [String]) {
    let references = (0..<files).map { "BENCH-\($0)" }
    try store.replaceOrgChart(
        OrgChart(
            people: [
                Person(id: "dcs", displayName: "Dee", level: .director),
                Person(id: "tm1", displayName: "Tam", level: .teamManager, team: "A", reportsTo: "dcs"),
            ], teams: [Team(name: "A", managerID: "tm1")]), source: "bench")
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
    return (sample.id, references)
}

do {
    let stores: [any CaseAuditStore]
    if let servers {
        stores = [
            try PostgreSQLStore(conninfo: servers[0], keepingTrail: true),
            try PostgreSQLStore(conninfo: servers[1], keepingTrail: false),
        ]
    } else {
        let paths = ["\(directory)/commit-trail.sqlite", "\(directory)/commit-no-trail.sqlite"]
        for path in paths { for suffix in ["", "-wal", "-shm", "-lock"] { unlink(path + suffix) } }
        stores = [
            try SQLiteStore(path: paths[0], keepingTrail: true), try SQLiteStore(path: paths[1], keepingTrail: false),
        ]
    }
    let perAudit = 12
    let files = (count + perAudit - 1) / perAudit
    let samples = try stores.map { try prepared($0, files: files) }
    let pinned = PinnedChecklist(id: "bench", version: "1", hash: "sha256:bench", xml: Array("<checklist/>".utf8))
    var audits: [[AuditID]] = [[], []]

    let blockPath = "\(directory)/fsync.bin"
    let descriptor = open(blockPath, O_RDWR | O_CREAT | O_TRUNC, 0o600)
    guard descriptor >= 0 else { fatalError("cannot open \(blockPath)") }
    var block = [UInt8](repeating: 0x61, count: 4096)

    var commits: [[UInt64]] = [[], []]
    var syncs: [UInt64] = []
    syncs.reserveCapacity(count)
    for index in 0..<count {
        let note = index % 4 == 0 ? "Partly: seen at school on \(index % 28 + 1) November, not at home." : nil
        let answer = ItemAnswer(
            itemID: "item-\(index % perAudit)", value: index % 3 == 0 ? "partly" : "yes", note: note)
        // Which store goes first alternates, so neither always follows the fsync.
        for side in index % 2 == 0 ? [0, 1] : [1, 0] {
            let store = stores[side]
            if index % perAudit == 0 {
                let (sample, references) = samples[side]
                let audit = try store.startOrResumeAudit(
                    sampleID: sample, caseReference: references[index / perAudit], auditorID: "tm1", checklist: pinned)
                audits[side].append(audit.id)
            }
            let audit = audits[side][audits[side].count - 1]
            let start = nanoseconds()
            try store.recordAnswer(answer, audit: audit)
            commits[side].append(nanoseconds() - start)
        }
        let before = nanoseconds()
        block[0] = UInt8(truncatingIfNeeded: index)
        _ = pwrite(descriptor, &block, block.count, off_t((index % 16) * 4096))
        fsync(descriptor)
        syncs.append(nanoseconds() - before)
    }
    close(descriptor)
    for side in 0..<2 {
        var kept = 0
        for audit in audits[side] { kept += try stores[side].answers(audit: audit).count }
        guard kept == count else { fatalError("answers were lost: \(kept) of \(count) kept") }
    }
    let events = try stores[0].trailEvents(TrailFilter(actions: [.answerRecorded])).count
    guard events == count, try stores[1].trailHead() == nil else {
        fatalError("the trail has \(events) answer events, not \(count)")
    }

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
        servers == nil
            ? "engine: SQLite, WAL, synchronous=FULL (every commit syncs the WAL before it returns); \(count) answers to \(files) audits, one transaction each"
            : "engine: PostgreSQL, default durability (synchronous_commit on); \(count) answers to \(files) audits, one transaction each"
    )
    print(line("commit one answer     ", commits[0]))
    print(line("commit without trail  ", commits[1]))
    print(line("write+fsync 4 KiB     ", syncs))
    let ratio = percentile(commits[0], 0.99) / percentile(syncs, 0.99)
    let ratioToMedian = percentile(commits[0], 0.99) / percentile(syncs, 0.5)
    let trailRatio = percentile(commits[0], 0.99) / percentile(commits[1], 0.99)
    print(
        "commit p99 / fsync p99 = \(format(ratio)) (target <= 2.00); commit p99 / fsync p50 = \(format(ratioToMedian))")
    print("commit p99 with trail / without = \(format(trailRatio)) (target <= 1.20)")
} catch {
    print("commit-latency: \(error)")
    exit(1)
}
