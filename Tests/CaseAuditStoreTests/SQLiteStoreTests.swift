import CaseAudit
import CaseAuditTestSupport
import Foundation
import GRDB
import Testing

@testable import CaseAuditStore

@Suite struct SQLiteStoreTests {
    static let chart = OrgChart(
        people: [
            Person(id: "dcs", displayName: "Dee (demo)", level: .director),
            Person(id: "tm1", displayName: "Tam (demo)", level: .teamManager, team: "A", reportsTo: "dcs"),
        ],
        teams: [Team(name: "A", managerID: "tm1")])

    @Test func createsAnOwnerOnlyDatabaseInWALModeWithForeignKeys() throws {
        let folder = try TemporaryDirectory()
        let path = "\(folder.path)/new.sqlite"
        let store = try SQLiteStore(path: path)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let (journal, foreignKeys) = try store.queue.read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA foreign_keys"))
        }
        #expect(journal == "wal")
        #expect(foreignKeys == 1)
    }

    @Test func narrowsAnExistingFileToOwnerOnly() throws {
        let folder = try TemporaryDirectory()
        let path = "\(folder.path)/old.sqlite"
        FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o644])
        _ = try SQLiteStore(path: path)
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int == 0o600)
    }

    @Test func migratesADatabaseFromAnOlderVersion() throws {
        let folder = try TemporaryDirectory()
        let path = "\(folder.path)/v1.sqlite"
        do {
            let queue = try DatabaseQueue(path: path)
            try Migrations.migrator.migrate(queue, upTo: "v1 org chart and case snapshots")
            try queue.write { db in
                try db.execute(
                    sql:
                        "INSERT INTO case_snapshot (imported_at, source, format, case_count, unallocated_count) VALUES ('2026-01-01T00:00:00Z', 'old.csv', 'csv', 0, 0)"
                )
            }
            #expect(try queue.read { try $0.tableExists("sample") } == false)
        }
        let store = try SQLiteStore(path: path)
        #expect(try store.queue.read { try $0.tableExists("sample") })
        #expect(try store.latestCaseSnapshot()?.source == "old.csv")
        // The trail begins with what was there before it.
        let events = try store.trailEvents(TrailFilter())
        #expect(events.map(\.action) == ["trail.began"])
        #expect(
            events.first?.payload
                == #"{"actions":0,"answers":0,"audits":0,"case_snapshots":1,"cases":0,"people":0,"reallocations":0,"samples":0,"teams":0}"#
        )
        // A new database's trail starts with its first change.
        #expect(try SQLiteStore(path: "\(folder.path)/new.sqlite").trailHead() == nil)
    }

    @Test func refusesADatabaseFromANewerVersion() throws {
        let folder = try TemporaryDirectory()
        let path = "\(folder.path)/future.sqlite"
        _ = try SQLiteStore(path: path)
        let queue = try DatabaseQueue(path: path)
        try queue.write {
            try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99 from the future')")
        }
        let error = try #require(throws: StoreError.self) { try SQLiteStore(path: path) }
        #expect(error == .newerDatabase(path: path))
        #expect(error.message.contains("newer version of caseaudit"))
    }

    @Test func refusesAFileThatIsNotADatabase() throws {
        let folder = try TemporaryDirectory()
        let path = try folder.write("notes.sqlite", String(repeating: "not a database\n", count: 200))
        let error = try #require(throws: StoreError.self) { try SQLiteStore(path: path) }
        guard case .cannotOpen = error else { Issue.record("expected cannotOpen, got \(error)"); return }
    }

    @Test func replacesTheOrgChartWholeOrNotAtAll() throws {
        let folder = try TemporaryDirectory()
        let store = try SQLiteStore(path: "\(folder.path)/org.sqlite")
        try store.replaceOrgChart(Self.chart, source: "org.csv")
        #expect(try store.orgChart() == Self.chart)
        // A chart whose team manager is missing breaks a foreign key at commit: nothing changes.
        let broken = OrgChart(
            people: [Person(id: "x", displayName: "X", level: .director)], teams: [Team(name: "B", managerID: "ghost")])
        #expect(throws: StoreError.self) { try store.replaceOrgChart(broken, source: "bad.csv") }
        #expect(try store.orgChart() == Self.chart)
    }

    @Test func storesSnapshotsAndCountsThem() throws {
        let folder = try TemporaryDirectory()
        let store = try SQLiteStore(path: "\(folder.path)/cases.sqlite")
        let list = CaseList(
            records: [
                CaseRecord(
                    reference: "C1", caseType: .childInNeed, team: "A", opened: CalendarDate(parsing: "2025-01-02")),
                CaseRecord(reference: "C2", caseType: .childInNeed, team: "A"),
                CaseRecord(reference: "C3", caseType: .childProtection),
            ], format: .csv)
        let snapshot = try store.addCaseSnapshot(list, source: "cases.csv")
        #expect(snapshot.cases == 3)
        #expect(snapshot.unallocated == 1)
        #expect(try store.latestCaseSnapshot() == snapshot)
        #expect(
            try store.caseCounts(snapshot: snapshot.id) == [
                TeamCaseCount(team: "A", caseType: .childInNeed, count: 2),
                TeamCaseCount(team: nil, caseType: .childProtection, count: 1),
            ])
        #expect(try store.cases(snapshot: snapshot.id).sorted { $0.reference < $1.reference } == list.records)
    }

    /// A write that fails part-way (here a trigger aborts on the last of 1,000 rows) leaves
    /// no trace: no snapshot, no rows.
    @Test func aFailedImportLeavesTheDatabaseAsItWas() throws {
        let folder = try TemporaryDirectory()
        let store = try SQLiteStore(path: "\(folder.path)/atomic.sqlite")
        let first = try store.addCaseSnapshot(
            CaseList(records: [CaseRecord(reference: "C1", caseType: .childInNeed)], format: .csv), source: "a.csv")
        try store.queue.write { db in
            try db.execute(
                sql: """
                    CREATE TRIGGER poison BEFORE INSERT ON case_record WHEN NEW.reference = 'POISON'
                    BEGIN SELECT RAISE(ABORT, 'poisoned row'); END
                    """)
        }
        let records =
            (0..<999).map { CaseRecord(reference: "R\($0)", caseType: .childInNeed) }
            + [CaseRecord(reference: "POISON", caseType: .childInNeed)]
        let error = try #require(throws: StoreError.self) {
            try store.addCaseSnapshot(CaseList(records: records, format: .csv), source: "b.csv")
        }
        #expect(error.message.contains("poisoned row"))
        #expect(try store.latestCaseSnapshot() == first)
        #expect(try store.queue.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM case_record") } == 1)
        #expect(
            try store.queue.read {
                try $0.execute(sql: "PRAGMA integrity_check");
                return try String.fetchOne($0, sql: "PRAGMA integrity_check")
            } == "ok")
    }

    @Test func keepsSamplesWithTheirSeedAndParameters() throws {
        let folder = try TemporaryDirectory()
        let store = try SQLiteStore(path: "\(folder.path)/samples.sqlite")
        let snapshot = try store.addCaseSnapshot(
            CaseList(records: [CaseRecord(reference: "C1", caseType: .childInNeed, team: "A")], format: .csv),
            source: "a.csv")
        let parameters = SampleParameters(
            month: AuditMonth("2026-12")!, checklistID: "climbie-compliance", size: .perStratum(2),
            strata: [.team, .caseType],
            caseTypes: [.childInNeed], seed: UInt64.max)
        let drawn = [
            SampledCase(
                reference: "C1", stratum: "A | CIN", inclusionProbability: 1, caseType: .childInNeed, team: "A",
                auditorID: "tm1")
        ]
        let stored = try store.addSample(parameters, snapshot: snapshot.id, cases: drawn)
        let read = try store.samples(month: AuditMonth("2026-12"))
        #expect(read.count == 1)
        #expect(read[0].id == stored.id)
        #expect(read[0].parameters == parameters)
        #expect(read[0].cases == drawn)
        #expect(read[0].algorithm == SampleRandom.algorithm)
        #expect(try store.samples(month: AuditMonth("2026-11")).isEmpty)
    }
}
