import CaseAudit
import GRDB

extension SQLiteStore {
    public func addCalibrationExercise(_ exercise: CalibrationExercise) throws(StoreError) -> CalibrationExercise {
        let createdAt = now()
        return try write { db -> CalibrationExercise in
            try db.execute(
                sql:
                    "INSERT INTO calibration_exercise (name, month, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                arguments: [exercise.name, exercise.month.description, createdAt])
            guard db.changesCount == 1 else { throw StoreError.exists(path: "calibration exercise '\(exercise.name)'") }
            for file in exercise.files {
                try db.execute(
                    sql: """
                        INSERT INTO calibration_file (exercise, audit_id, sample_id, case_reference, checklist_id,
                            checklist_hash, team)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        exercise.name, file.original, file.sampleID, file.caseReference, file.checklistID,
                        file.checklistHash, file.team,
                    ])
            }
            for person in exercise.participants {
                try db.execute(
                    sql: "INSERT INTO calibration_participant (exercise, person) VALUES (?, ?)",
                    arguments: [exercise.name, person])
            }
            var stored = exercise
            stored.createdAt = createdAt
            try appendTrail(.calibrationCreated(stored), db)
            return stored
        }
    }

    public func calibrationExercise(named name: String) throws(StoreError) -> CalibrationExercise? {
        try read { db -> CalibrationExercise? in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT month, created_at FROM calibration_exercise WHERE name = ?", arguments: [name]),
                let month = AuditMonth(row["month"] as String)
            else { return nil }
            let files = try Row.fetchAll(
                db, sql: "SELECT \(CalibrationColumns.file) FROM calibration_file WHERE exercise = ? ORDER BY audit_id",
                arguments: [name]
            ).compactMap { CalibrationColumns.file($0.text) }
            let people = try String.fetchAll(
                db, sql: "SELECT person FROM calibration_participant WHERE exercise = ? ORDER BY person",
                arguments: [name])
            let scorings = try Row.fetchAll(
                db, sql: "SELECT \(Self.auditColumns) FROM audit WHERE calibration = ? ORDER BY id", arguments: [name]
            ).map(Self.storedAudit).compactMap { audit in
                audit.moderates.map { CalibrationExercise.Scoring(original: $0, person: audit.auditorID, audit: audit) }
            }
            return CalibrationExercise(
                name: name, month: month, createdAt: row["created_at"], files: files, participants: people,
                scorings: scorings)
        }
    }

    public func startOrResumeCalibration(
        _ exercise: String, file: CalibrationExercise.File, person: String, checklist: PinnedChecklist
    ) throws(StoreError) -> StoredAudit {
        try write { db -> StoredAudit in
            let takesPart = try Bool.fetchOne(
                db,
                sql: """
                    SELECT EXISTS (SELECT 1 FROM calibration_participant p JOIN calibration_file f ON f.exercise = p.exercise
                        WHERE p.exercise = ? AND p.person = ? AND f.audit_id = ? AND f.checklist_hash = ?)
                    """, arguments: [exercise, person, file.original, checklist.hash])
            guard takesPart == true else { throw StoreError.notModerator(audit: file.original, person: person) }
            if let begun = try Row.fetchOne(
                db,
                sql:
                    "SELECT \(Self.auditColumns) FROM audit WHERE calibration = ? AND moderates = ? AND auditor_id = ?",
                arguments: [exercise, file.original, person]
            ).map(Self.storedAudit) {
                return begun
            }
            try pin(checklist, db)
            let startedAt = now()
            try db.execute(
                sql: """
                    INSERT INTO audit (sample_id, case_reference, auditor_id, checklist_hash, started_at, moderates,
                        calibration)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    file.sampleID, file.caseReference, person, checklist.hash, startedAt, file.original, exercise,
                ])
            let audit = StoredAudit(
                id: AuditID(db.lastInsertedRowID), sampleID: file.sampleID, caseReference: file.caseReference,
                auditorID: person, checklistHash: checklist.hash, startedAt: startedAt, moderates: file.original,
                calibration: exercise)
            try appendTrail(.auditStarted(audit), db)
            return audit
        }
    }
}
