import CaseAudit

extension PostgreSQLStore {
    public func addCalibrationExercise(_ exercise: CalibrationExercise) throws(StoreError) -> CalibrationExercise {
        let createdAt = now()
        return try write { () throws -> CalibrationExercise in
            guard
                try run(
                    """
                    INSERT INTO calibration_exercise (name, month, created_at) VALUES ($1, $2, $3)
                    ON CONFLICT DO NOTHING RETURNING name
                    """, [exercise.name, exercise.month.description, createdAt]
                ).first != nil
            else { throw StoreError.exists(path: "calibration exercise '\(exercise.name)'") }
            for file in exercise.files {
                try run(
                    """
                    INSERT INTO calibration_file (exercise, audit_id, sample_id, case_reference, checklist_id,
                        checklist_hash, team)
                    VALUES ($1, $2, $3, $4, $5, $6, $7)
                    """,
                    [
                        exercise.name, file.original, file.sampleID, file.caseReference, file.checklistID,
                        file.checklistHash, file.team,
                    ])
            }
            for person in exercise.participants {
                try run(
                    "INSERT INTO calibration_participant (exercise, person) VALUES ($1, $2)", [exercise.name, person])
            }
            var stored = exercise
            stored.createdAt = createdAt
            try appendTrail(.calibrationCreated(stored))
            return stored
        }
    }

    public func calibrationExercise(named name: String) throws(StoreError) -> CalibrationExercise? {
        try read { () throws -> CalibrationExercise? in
            guard
                let row = try run("SELECT month, created_at FROM calibration_exercise WHERE name = $1", [name]).first,
                let month = row.text("month").flatMap({ AuditMonth($0) })
            else { return nil }
            let files = try run(
                "SELECT \(CalibrationColumns.file) FROM calibration_file WHERE exercise = $1 ORDER BY audit_id", [name]
            ).all.compactMap { CalibrationColumns.file($0.text) }
            let people = try run(
                "SELECT person FROM calibration_participant WHERE exercise = $1 ORDER BY person", [name]
            ).all.compactMap { $0.text("person") }
            let scorings = try run(
                "SELECT \(Self.auditColumns) FROM audit WHERE calibration = $1 ORDER BY id", [name]
            ).all.map(Self.storedAudit).compactMap { audit in
                audit.moderates.map { CalibrationExercise.Scoring(original: $0, person: audit.auditorID, audit: audit) }
            }
            return CalibrationExercise(
                name: name, month: month, createdAt: row.text("created_at") ?? "", files: files, participants: people,
                scorings: scorings)
        }
    }

    public func startOrResumeCalibration(
        _ exercise: String, file: CalibrationExercise.File, person: String, checklist: PinnedChecklist
    ) throws(StoreError) -> StoredAudit {
        try writeRetrying { () throws -> StoredAudit in
            let takesPart = try run(
                """
                SELECT EXISTS (SELECT 1 FROM calibration_participant p JOIN calibration_file f ON f.exercise = p.exercise
                    WHERE p.exercise = $1 AND p.person = $2 AND f.audit_id = $3 AND f.checklist_hash = $4) AS yes
                """, [exercise, person, file.original, checklist.hash]
            ).first?.bool("yes")
            guard takesPart == true else { throw StoreError.notModerator(audit: file.original, person: person) }
            if let begun = try run(
                "SELECT \(Self.auditColumns) FROM audit WHERE calibration = $1 AND moderates = $2 AND auditor_id = $3",
                [exercise, file.original, person]
            ).first.map(Self.storedAudit) {
                return begun
            }
            try pin(checklist)
            let startedAt = now()
            guard
                let id = try run(
                    """
                    INSERT INTO audit (sample_id, case_reference, auditor_id, checklist_hash, started_at, moderates,
                        calibration)
                    VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id
                    """,
                    [
                        file.sampleID, file.caseReference, person, checklist.hash, startedAt, file.original,
                        exercise,
                    ]
                ).first?.int("id")
            else { throw StoreError.failed(reason: "the calibration scoring was not kept") }
            let audit = StoredAudit(
                id: AuditID(id), sampleID: file.sampleID, caseReference: file.caseReference, auditorID: person,
                checklistHash: checklist.hash, startedAt: startedAt, moderates: file.original, calibration: exercise)
            try appendTrail(.auditStarted(audit))
            return audit
        }
    }
}
