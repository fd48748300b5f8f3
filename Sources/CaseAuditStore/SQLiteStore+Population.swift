import CaseAudit
import GRDB
import GRDBSQLite

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension SQLiteStore: PopulationStore {
    public func replaceOrgChart(_ chart: OrgChart, source: ImportSource) throws(StoreError) {
        try write { db in
            try db.execute(sql: "DELETE FROM team; DELETE FROM person")
            let person = try db.makeStatement(
                sql: "INSERT INTO person (id, display_name, level, team, reports_to, login) VALUES (?, ?, ?, ?, ?, ?)")
            for entry in chart.people {
                try person.execute(arguments: [
                    entry.id, entry.displayName, entry.level.rawValue, entry.team, entry.reportsTo, entry.login,
                ])
            }
            let team = try db.makeStatement(sql: "INSERT INTO team (name, manager_id) VALUES (?, ?)")
            for entry in chart.teams {
                try team.execute(arguments: [entry.name, entry.managerID])
            }
            try db.execute(
                sql: "INSERT INTO org_import (imported_at, source, people, teams) VALUES (?, ?, ?, ?)",
                arguments: [now(), source.name, chart.people.count, chart.teams.count])
            try appendTrail(.orgChartImported(chart, source: source), db)
        }
    }

    public func orgChart(levels: [ManagerLevel]?) throws(StoreError) -> OrgChart? {
        try read { db -> OrgChart? in
            let filter = levels.map { "WHERE level IN (\($0.map { "'\($0.rawValue)'" }.joined(separator: ",")))" } ?? ""
            let people = try Row.fetchAll(
                db, sql: "SELECT id, display_name, level, team, reports_to, login FROM person \(filter) ORDER BY rowid"
            )
            .compactMap(Self.person)
            guard !people.isEmpty else { return nil }
            let teams = try Row.fetchAll(db, sql: "SELECT name, manager_id FROM team ORDER BY name")
                .map { Team(name: $0["name"], managerID: $0["manager_id"]) }
            return OrgChart(people: people, teams: teams)
        }
    }

    public func person(login: String) throws(StoreError) -> Person? {
        try read { db in
            try Row.fetchOne(
                db, sql: "SELECT id, display_name, level, team, reports_to, login FROM person WHERE login = ?",
                arguments: [login]
            ).flatMap(Self.person)
        }
    }

    private static func person(_ row: Row) -> Person? {
        guard let level = ManagerLevel(rawValue: row["level"]) else { return nil }
        return Person(
            id: row["id"], displayName: row["display_name"], level: level, team: row["team"],
            reportsTo: row["reports_to"], login: row["login"])
    }

    public func addCaseSnapshot(
        source: @autoclosure () -> ImportSource, format: CaseList.Format,
        batches next: () throws(InputError) -> [CaseRecord]?
    ) throws(CaseImportError) -> CaseSnapshot {
        let importedAt = now()
        var batches = CaseBatches()
        do throws(StoreError) {
            return try write { db -> CaseSnapshot in
                try db.execute(
                    sql:
                        "INSERT INTO case_snapshot (imported_at, source, format, case_count, unallocated_count, sequence) VALUES (?, ?, ?, 0, 0, ?)",
                    arguments: [importedAt, "", format.rawValue, try StoreSequence.next("case_snapshot", db)])
                let snapshot = db.lastInsertedRowID
                // A council's export can have a million rows: bind through the C API, into a
                // table with no index, remembering the rowid range the snapshot occupies.
                let firstRow = (try Int64.fetchOne(db, sql: "SELECT MAX(rowid) FROM case_record") ?? 0) + 1
                let statement = try db.makeStatement(
                    sql:
                        "INSERT INTO case_record (snapshot_id, reference, case_type, team, worker, opened, last_visit) VALUES (?, ?, ?, ?, ?, ?, ?)"
                )
                let handle = statement.sqliteStatement
                var count = 0
                var unallocated = 0
                try batches.forEach(next) { batch in  // a bad batch rolls the transaction back
                    for record in batch {
                        sqlite3_reset(handle)
                        sqlite3_bind_int64(handle, 1, snapshot)
                        Self.bind(handle, 2, record.reference)
                        Self.bind(handle, 3, record.caseType.rawValue)
                        Self.bind(handle, 4, record.team)
                        Self.bind(handle, 5, record.worker)
                        Self.bind(handle, 6, record.opened?.description)
                        Self.bind(handle, 7, record.lastVisit?.description)
                        guard sqlite3_step(handle) == SQLITE_DONE else {
                            throw StoreError.failed(reason: String(cString: sqlite3_errmsg(db.sqliteConnection)))
                        }
                        if record.team == nil { unallocated += 1 }
                    }
                    count += batch.count
                }
                let source = source()
                try db.execute(
                    sql:
                        "UPDATE case_snapshot SET source = ?, case_count = ?, unallocated_count = ?, first_row = ?, last_row = ? WHERE id = ?",
                    arguments: [
                        source.name, count, unallocated, firstRow, count > 0 ? db.lastInsertedRowID : firstRow - 1,
                        snapshot,
                    ])
                let stored = CaseSnapshot(
                    id: snapshot, importedAt: importedAt, source: source.name, format: format, cases: count,
                    unallocated: unallocated)
                try appendTrail(.casesImported(stored, source: source), db)
                return stored
            }
        } catch {
            throw batches.importError(error)
        }
    }

    /// The SQL condition that selects a snapshot's rows of case_record by rowid range.
    static let snapshotRows =
        "rowid BETWEEN (SELECT first_row FROM case_snapshot WHERE id = ?1) AND (SELECT last_row FROM case_snapshot WHERE id = ?1)"

    public func latestCaseSnapshot() throws(StoreError) -> CaseSnapshot? {
        try read { db -> CaseSnapshot? in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql:
                        "SELECT id, imported_at, source, format, case_count, unallocated_count FROM case_snapshot ORDER BY sequence DESC LIMIT 1"
                )
            else { return nil }
            return CaseSnapshot(
                id: row["id"], importedAt: row["imported_at"], source: row["source"],
                format: CaseList.Format(rawValue: row["format"]) ?? .csv, cases: row["case_count"],
                unallocated: row["unallocated_count"])
        }
    }

    public func caseCounts(snapshot: Int64) throws(StoreError) -> [TeamCaseCount] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT team, case_type, COUNT(*) AS n FROM case_record WHERE \(Self.snapshotRows)
                    GROUP BY team, case_type ORDER BY team IS NULL, team, case_type
                    """, arguments: [snapshot]
            ).compactMap { row -> TeamCaseCount? in
                guard let type = CaseType(rawValue: row["case_type"]) else { return nil }
                return TeamCaseCount(team: row["team"], caseType: type, count: row["n"])
            }
        }
    }

    private static func bind(_ handle: SQLiteStatement, _ index: Int32, _ text: String?) {
        guard var text else {
            sqlite3_bind_null(handle, index)
            return
        }
        text.withUTF8 { bytes in
            // sqliteTransient: SQLite copies the bytes before this returns.
            _ = bytes.withMemoryRebound(to: CChar.self) { chars in
                sqlite3_bind_text(handle, index, chars.baseAddress, Int32(chars.count), sqliteTransient)
            }
        }
    }

    /// The time now, from the store's clock.
    func now() -> String { clock.timestamp() }
}

/// SQLite's "copy the value now" destructor, which the C macro spells as -1.
private let sqliteTransient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)
