import CaseAudit
import Foundation

extension PostgreSQLStore: PopulationStore {
    public func replaceOrgChart(_ chart: OrgChart, source: ImportSource) throws(StoreError) {
        try write {
            try run("DELETE FROM team")
            try run("DELETE FROM person")
            for (position, entry) in chart.people.enumerated() {
                try run(
                    """
                    INSERT INTO person (id, display_name, level, team, reports_to, position, login)
                    VALUES ($1, $2, $3, $4, $5, $6, $7)
                    """,
                    [
                        entry.id, entry.displayName, entry.level.rawValue, entry.team, entry.reportsTo, position,
                        entry.login,
                    ])
            }
            for entry in chart.teams {
                try run("INSERT INTO team (name, manager_id) VALUES ($1, $2)", [entry.name, entry.managerID])
            }
            try run(
                "INSERT INTO org_import (imported_at, source, people, teams) VALUES ($1, $2, $3, $4)",
                [now(), source.name, chart.people.count, chart.teams.count])
            try appendTrail(.orgChartImported(chart, source: source))
        }
    }

    public func orgChart(levels: [ManagerLevel]?) throws(StoreError) -> OrgChart? {
        try read { () throws -> OrgChart? in
            let people = try run(
                "SELECT id, display_name, level, team, reports_to, login FROM person WHERE $1::text[] IS NULL OR level = ANY($1::text[]) ORDER BY position",
                [levels.map { PGArray.text($0.map(\.rawValue)) }]
            ).all.compactMap(Self.person)
            guard !people.isEmpty else { return nil }
            let teams = try run("SELECT name, manager_id FROM team ORDER BY name").all
                .map { Team(name: $0.string("name"), managerID: $0.string("manager_id")) }
            return OrgChart(people: people, teams: teams)
        }
    }

    public func person(login: String) throws(StoreError) -> Person? {
        try read {
            try run("SELECT id, display_name, level, team, reports_to, login FROM person WHERE login = $1", [login])
                .first.flatMap(Self.person)
        }
    }

    private static func person(_ row: PGRow) -> Person? {
        guard let level = ManagerLevel(rawValue: row.string("level")) else { return nil }
        return Person(
            id: row.string("id"), displayName: row.string("display_name"), level: level, team: row.text("team"),
            reportsTo: row.text("reports_to"), login: row.text("login"))
    }

    /// The cases go in with one COPY, batch by batch as they are read, in one transaction that
    /// the first bad batch rolls back.
    public func addCaseSnapshot(
        source: @autoclosure () -> ImportSource, format: CaseList.Format,
        batches next: () throws(InputError) -> [CaseRecord]?
    ) throws(CaseImportError) -> CaseSnapshot {
        let importedAt = now()
        var batches = CaseBatches()
        do throws(StoreError) {
            return try write { () throws -> CaseSnapshot in
                guard
                    let snapshot = try run(
                        """
                        INSERT INTO case_snapshot (imported_at, source, format, case_count, unallocated_count, sequence)
                        VALUES ($1, '', $2, 0, 0, $3) RETURNING id
                        """, [importedAt, format.rawValue, try nextSequence("case_snapshot")]
                    ).first?.int("id")
                else { throw StoreError.failed(reason: "the snapshot was not kept") }
                // The snapshot's row made the list's own table (v18), which takes its rows
                // until this transaction commits: straight into it where this login may
                // (the schema's owner; a quality lead, since `server init`), else through
                // case_record, which puts each row in it.
                let table =
                    try run(
                        """
                        SELECT has_table_privilege(c.oid, 'INSERT') AS direct \(CaseListTable.catalogue)
                            AND has_schema_privilege(n.oid, 'USAGE')
                        """, [snapshot]
                    ).first?.bool("direct") == true ? CaseListTable.name(snapshot) : "case_record"
                var count = 0
                var tally = CaseTally()
                // One COPY for the whole list: the batches stream into it as they are read, so the
                // server inserts one while the next is written.
                try copy(
                    into: table,
                    columns: "snapshot_id, position, reference, case_type, team, worker, opened, last_visit"
                ) { sink in
                    let list = PGCopySink.Number(snapshot)
                    try batches.forEach(next) { batch in  // a bad batch cancels the COPY and rolls back
                        // Field by field into COPY's bytes: a million cases make no row arrays.
                        for record in batch {
                            sink.field(list)
                            sink.field(Int64(count))
                            sink.field(record.reference)
                            sink.field(record.caseType.rawValue)
                            sink.field(record.team)
                            sink.field(record.worker)
                            sink.field(record.opened)
                            sink.field(record.lastVisit, last: true)
                            try sink.endLine()
                            count += 1
                            tally.count(team: record.team, caseType: record.caseType)
                        }
                    }
                }
                try copy(
                    into: "case_tally", columns: "snapshot_id, team, case_type, cases",
                    rows: tally.rows.map { [String(snapshot), $0.team, $0.caseType.rawValue, String($0.cases)] })
                let unallocated = tally.unallocatedCount
                let source = source()
                try run(
                    "UPDATE case_snapshot SET source = $1, case_count = $2, unallocated_count = $3 WHERE id = $4",
                    [source.name, count, unallocated, snapshot])
                let stored = CaseSnapshot(
                    id: snapshot, importedAt: importedAt, source: source.name, format: format, cases: count,
                    unallocated: unallocated)
                try appendTrail(.casesImported(stored, source: source))
                return stored
            }
        } catch {
            throw batches.importError(error)
        }
    }

    /// The latest case list; for anyone but a quality lead, under the rights, a refusal.
    public func latestCaseSnapshot() throws(StoreError) -> CaseSnapshot? {
        try read { () throws -> CaseSnapshot? in
            let latest = try run(
                "SELECT id, imported_at, source, format, case_count, unallocated_count FROM case_snapshot ORDER BY sequence DESC LIMIT 1"
            ).first
            if latest == nil, let refusal = try refusalUnlessLead() { throw refusal }
            return latest.map { row in
                CaseSnapshot(
                    id: row.int("id") ?? 0, importedAt: row.string("imported_at"), source: row.string("source"),
                    format: CaseList.Format(rawValue: row.string("format")) ?? .csv,
                    cases: Int(row.int("case_count") ?? 0), unallocated: Int(row.int("unallocated_count") ?? 0))
            }
        }
    }

    public func caseCounts(snapshot: Int64) throws(StoreError) -> [TeamCaseCount] {
        try read {
            try run(
                """
                SELECT team, case_type, cases AS n FROM case_tally WHERE snapshot_id = $1
                ORDER BY team IS NULL, team COLLATE "C", case_type COLLATE "C"
                """, [snapshot]
            ).all.compactMap { row -> TeamCaseCount? in
                guard let type = CaseType(rawValue: row.string("case_type")) else { return nil }
                return TeamCaseCount(team: row.text("team"), caseType: type, count: Int(row.int("n") ?? 0))
            }
        }
    }
}

extension PGCopySink {
    /// Adds a date as a field (yyyy-mm-dd), or NULL.
    mutating func field(_ date: CalendarDate?, last: Bool = false) {
        guard let date else { return field(nil as String?, last: last) }
        field(writing: { date.append(to: &$0) }, last: last)
    }
}

/// COPY's text format: tab-separated fields, `\N` for NULL, backslash escapes.
enum PGCopy {
    /// One row's line: its fields, tab-separated.
    static func line(_ values: [String?]) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(96)
        for (index, value) in values.enumerated() {
            if index > 0 { bytes.append(0x09) }
            escape(value, into: &bytes)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func field(_ value: String?) -> String {
        var bytes: [UInt8] = []
        escape(value, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `value` in COPY's text form: `\N` for nil; backslash, tab, newline and carriage
    /// return escaped, byte by byte (so "\r\n", one Character, has both halves escaped). A value
    /// with none of those, nearly every one, goes in as one copy of its bytes.
    static func escape(_ value: String?, into buffer: inout [UInt8]) {
        guard let value else {
            buffer.append(0x5C)
            buffer.append(UInt8(ascii: "N"))
            return
        }
        let copied = value.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard !bytes.contains(where: { $0 == 0x5C || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else { return false }
            buffer.append(contentsOf: bytes)
            return true
        }
        guard copied != true else { return }
        for byte in value.utf8 {
            switch byte {
            case 0x5C: buffer.append(contentsOf: [0x5C, 0x5C])
            case 0x09: buffer.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0x0A: buffer.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: buffer.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            default: buffer.append(byte)
            }
        }
    }

    /// One line of COPY's text format back into its fields (nil for `\N`).
    static func fields(_ line: String) -> [String?] {
        line.unicodeScalars.split(separator: "\t", omittingEmptySubsequences: false).map { raw -> String? in
            if String(raw) == "\\N" { return nil }
            guard raw.contains("\\") else { return String(raw) }
            var text = String.UnicodeScalarView()
            var escaping = false
            for character in raw {
                if escaping {
                    switch character {
                    case "t": text.append("\t")
                    case "n": text.append("\n")
                    case "r": text.append("\r")
                    case "b": text.append("\u{08}")
                    case "f": text.append("\u{0C}")
                    case "v": text.append("\u{0B}")
                    default: text.append(character)
                    }
                    escaping = false
                } else if character == "\\" {
                    escaping = true
                } else {
                    text.append(character)
                }
            }
            return String(text)
        }
    }
}

/// Arrays bound as PostgreSQL's text form: `{"a","b"}`.
enum PGArray {
    static func text(_ values: [String]) -> String {
        "{"
            + values.map {
                "\"" + $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                    + "\""
            }
            .joined(separator: ",") + "}"
    }
}
