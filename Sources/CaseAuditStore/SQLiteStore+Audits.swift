import CaseAudit
import Foundation
import GRDB

extension SQLiteStore: AuditStore {
    public func startOrResumeAudit(
        sampleID: SampleID, caseReference: String, auditorID: String, checklist: PinnedChecklist
    ) throws(StoreError) -> StoredAudit {
        try write { db -> StoredAudit in
            if let audit = try Self.unfinishedAudit(
                db, sampleID: sampleID, caseReference: caseReference, auditorID: auditorID)
            {
                return audit
            }
            // Only the auditor the file is allocated to, in a current sample, may start its audit.
            let allocated = try String.fetchOne(
                db,
                sql: """
                    SELECT c.auditor_id FROM sample_case c JOIN sample s ON s.id = c.sample_id
                    WHERE c.sample_id = ? AND c.case_reference = ? AND s.replaced_by IS NULL
                    """, arguments: [sampleID, caseReference])
            guard allocated == auditorID else {
                throw StoreError.notAllocated(sample: sampleID, caseReference: caseReference, auditor: auditorID)
            }
            try pin(checklist, db)
            let startedAt = now()
            try db.execute(
                sql:
                    "INSERT INTO audit (sample_id, case_reference, auditor_id, checklist_hash, started_at) VALUES (?, ?, ?, ?, ?)",
                arguments: [sampleID, caseReference, auditorID, checklist.hash, startedAt])
            let audit = StoredAudit(
                id: AuditID(db.lastInsertedRowID), sampleID: sampleID, caseReference: caseReference,
                auditorID: auditorID,
                checklistHash: checklist.hash, startedAt: startedAt)
            try appendTrail(.auditStarted(audit), db)
            return audit
        }
    }

    func pin(_ checklist: PinnedChecklist, _ db: Database) throws {
        try db.execute(
            sql: "INSERT OR IGNORE INTO pinned_checklist (hash, checklist_id, version, xml) VALUES (?, ?, ?, ?)",
            arguments: [checklist.hash, checklist.id, checklist.version, Data(checklist.xml)])
        if db.changesCount > 0 { try appendTrail(.checklistPinned(checklist), db) }
    }

    public func unfinishedAudit(sampleID: SampleID, caseReference: String, auditorID: String) throws(StoreError)
        -> StoredAudit?
    {
        try read { db in
            try Self.unfinishedAudit(db, sampleID: sampleID, caseReference: caseReference, auditorID: auditorID)
        }
    }

    static let auditColumns =
        "id, sample_id, case_reference, auditor_id, checklist_hash, started_at, submitted_at, version, amends, amended_by, amended_reason, keyed_by, moderates, calibration"

    static func storedAudit(_ row: Row) -> StoredAudit {
        StoredAudit(
            id: row["id"], sampleID: row["sample_id"], caseReference: row["case_reference"],
            auditorID: row["auditor_id"],
            checklistHash: row["checklist_hash"], startedAt: row["started_at"], submittedAt: row["submitted_at"],
            version: row["version"], amends: row["amends"], amendedBy: row["amended_by"],
            amendedReason: row["amended_reason"], keyedBy: row["keyed_by"], moderates: row["moderates"],
            calibration: row["calibration"])
    }

    private static func unfinishedAudit(_ db: Database, sampleID: SampleID, caseReference: String, auditorID: String)
        throws
        -> StoredAudit?
    {
        try Row.fetchOne(
            db,
            sql: """
                SELECT \(auditColumns) FROM audit
                WHERE sample_id = ? AND case_reference = ? AND auditor_id = ? AND submitted_at IS NULL AND moderates IS NULL
                ORDER BY id DESC LIMIT 1
                """, arguments: [sampleID, caseReference, auditorID]
        ).map(storedAudit)
    }

    public func latestSubmittedAudit(sampleID: SampleID, caseReference: String) throws(StoreError) -> StoredAudit? {
        try read { db in
            try Row.fetchOne(
                db,
                sql: """
                    SELECT \(Self.auditColumns) FROM audit
                    WHERE sample_id = ? AND case_reference = ? AND submitted_at IS NOT NULL AND moderates IS NULL
                    ORDER BY version DESC LIMIT 1
                    """, arguments: [sampleID, caseReference]
            ).map(Self.storedAudit)
        }
    }

    public func pinnedChecklist(hash: String) throws(StoreError) -> PinnedChecklist? {
        try read { db in
            try Row.fetchOne(
                db, sql: "SELECT checklist_id, version, xml FROM pinned_checklist WHERE hash = ?", arguments: [hash]
            )
            .map { row in
                PinnedChecklist(
                    id: row["checklist_id"], version: row["version"], hash: hash, xml: [UInt8](row["xml"] as Data))
            }
        }
    }

    public func recordAnswers(_ answers: [ItemAnswer], audit: AuditID) throws(StoreError) {
        // The hot path (one commit per key press): the triggers refuse a submitted audit
        // without a separate look-up first.
        do {
            try write { db in try insertAnswers(answers, audit: audit, trail: true, db) }
        } catch .failed(let reason) where reason.contains(Self.submittedMessage) {
            throw .submitted(audit: audit)
        }
    }

    /// What the migration's triggers say when a submitted audit is changed.
    static let submittedMessage = "the audit is submitted"

    /// With `trail`, each answer's event (with the one it replaced) goes in with it; an
    /// amendment's answers are in its own event instead.
    private func insertAnswers(_ answers: [ItemAnswer], audit: AuditID, trail: Bool, _ db: Database) throws {
        if trail {
            let onBehalf = try onBehalf(audit, db)
            let old = try db.cachedStatement(
                sql: "SELECT value, note FROM audit_answer WHERE audit_id = ? AND item_id = ?")
            var entries: [TrailEntry] = []
            var given: [String: ItemAnswer] = [:]
            for answer in answers {
                let replaced =
                    try given[answer.itemID]
                    ?? Row.fetchOne(old, arguments: [audit, answer.itemID]).map {
                        ItemAnswer(itemID: answer.itemID, value: $0["value"], note: $0["note"])
                    }
                given[answer.itemID] = answer
                entries.append(.answerRecorded(answer, replacing: replaced, audit: audit, onBehalfOf: onBehalf))
            }
            try appendTrail(entries, db)
        }
        // A changed answer keeps its place in the order answers were first given.
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO audit_answer (audit_id, item_id, value, note, answered_at, position)
                VALUES (?1, ?2, ?3, ?4, ?5, (SELECT COUNT(*) FROM audit_answer WHERE audit_id = ?1))
                ON CONFLICT (audit_id, item_id) DO UPDATE SET value = excluded.value, note = excluded.note,
                    answered_at = excluded.answered_at
                """)
        let now = now()
        for answer in answers {
            try statement.execute(arguments: [audit, answer.itemID, answer.value, answer.note, now])
        }
    }

    /// Whom a change to the audit is made for, when it is not its auditor's own: a paper audit a
    /// quality lead keyed.
    private func onBehalf(_ audit: AuditID, _ db: Database) throws -> String? {
        try String.fetchOne(
            db.cachedStatement(
                sql: "SELECT CASE WHEN keyed_by IS NOT NULL THEN auditor_id END FROM audit WHERE id = ?"),
            arguments: [audit])
    }

    /// Refuses a change to a submitted (or unknown) audit, inside the change's transaction.
    private func requireOpen(_ audit: AuditID, _ db: Database) throws {
        let submitted = try Row.fetchOne(
            db, sql: "SELECT submitted_at IS NOT NULL AS done FROM audit WHERE id = ?", arguments: [audit])
        guard let submitted else { throw StoreError.noAudit(audit) }
        if submitted["done"] as Bool { throw StoreError.submitted(audit: audit) }
    }

    public func answers(audit: AuditID) throws(StoreError) -> [ItemAnswer] {
        try read { db in try Self.answers(audit, db) }
    }

    /// What an audit holds: its answers, judgement and actions.
    static func content(of audit: AuditID, _ db: Database) throws -> AuditContent {
        AuditContent(
            answers: try answers(audit, db), judgement: try judgement(audit, db), actions: try actions(audit, db))
    }

    private static func answers(_ audit: AuditID, _ db: Database) throws -> [ItemAnswer] {
        try Row.fetchAll(
            db, sql: "SELECT item_id, value, note FROM audit_answer WHERE audit_id = ? ORDER BY position",
            arguments: [audit]
        ).map { ItemAnswer(itemID: $0["item_id"], value: $0["value"], note: $0["note"]) }
    }

    public func recordJudgement(_ judgement: AuditJudgement?, audit: AuditID) throws(StoreError) {
        try write { db in
            try requireOpen(audit, db)
            try setJudgement(judgement, audit: audit, db)
        }
    }

    private static func judgement(_ audit: AuditID, _ db: Database) throws -> AuditJudgement? {
        try Row.fetchOne(db, sql: "SELECT judgement, judgement_reason FROM audit WHERE id = ?", arguments: [audit])
            .flatMap { row in
                (row["judgement"] as String?).map { AuditJudgement(grade: $0, reason: row["judgement_reason"]) }
            }
    }

    private func setJudgement(_ judgement: AuditJudgement?, audit: AuditID, _ db: Database) throws {
        try appendTrail(
            .judgementRecorded(
                judgement, replacing: try Self.judgement(audit, db), audit: audit, onBehalfOf: try onBehalf(audit, db)),
            db)
        try db.execute(
            sql: "UPDATE audit SET judgement = ?, judgement_reason = ? WHERE id = ?",
            arguments: [judgement?.grade, judgement?.reason, audit])
    }

    public func addAction(_ action: AuditAction, audit: AuditID) throws(StoreError) {
        try write { db in
            try requireOpen(audit, db)
            try insertActions([action], audit: audit, db)
            try appendTrail(.actionAdded(action, audit: audit, onBehalfOf: try onBehalf(audit, db)), db)
        }
    }

    /// Inserts an audit's actions. With `carriedFrom`, an action the earlier version has too
    /// (same what, who and due date) keeps its identity, when it was raised, and whether it is done.
    private func insertActions(
        _ actions: [AuditAction], audit: AuditID, carriedFrom earlier: AuditID? = nil, _ db: Database
    ) throws {
        let now = now()
        var previous =
            try earlier.map { id in
                try Row.fetchAll(
                    db,
                    sql:
                        "SELECT what, who, due, raised_at, done_at, action_key FROM audit_action WHERE audit_id = ? ORDER BY id",
                    arguments: [id])
            } ?? []
        for action in actions {
            let match = previous.firstIndex { row in
                row["what"] as String == action.what && row["who"] as String == action.who
                    && row["due"] as String == action.due.description
            }
            let carried = match.map { previous.remove(at: $0) }
            try db.execute(
                sql:
                    "INSERT INTO audit_action (audit_id, what, who, due, raised_at, done_at, action_key) VALUES (?, ?, ?, ?, ?, ?, ?)",
                arguments: [
                    audit, action.what, action.who, action.due.description, carried?["raised_at"] as String? ?? now,
                    carried?["done_at"] as String?, carried?["action_key"] as Int64?,
                ])
            if carried == nil {
                try db.execute(
                    sql: "UPDATE audit_action SET action_key = id WHERE id = ?", arguments: [db.lastInsertedRowID])
            }
        }
    }

    public func recordSheet(_ content: AuditContent, audit: AuditID) throws(StoreError) {
        try write { db in
            try requireOpen(audit, db)
            try insertAnswers(content.answers, audit: audit, trail: true, db)
            if let judgement = content.judgement { try setJudgement(judgement, audit: audit, db) }
            try insertActions(content.actions, audit: audit, db)
            let onBehalf = try onBehalf(audit, db)
            try appendTrail(content.actions.map { .actionAdded($0, audit: audit, onBehalfOf: onBehalf) }, db)
        }
    }

    public func submitAudit(_ audit: AuditID, judgement: AuditJudgement, grade: FileGrade, outcomes: [ItemOutcome])
        throws(StoreError)
    {
        try write { db in
            try requireOpen(audit, db)
            let moderation = try requireStillAllocated(audit, db)
            try submit(audit, judgement: judgement, grade: grade, db)
            // A moderator's second scoring is kept beside the first, not counted again.
            if moderation {
                try db.execute(
                    sql: """
                        UPDATE moderation_file SET scored_at = ?2
                        WHERE audit_id = (SELECT moderates FROM audit WHERE id = ?1)
                            AND moderator_id = (SELECT auditor_id FROM audit WHERE id = ?1)
                            AND (SELECT calibration FROM audit WHERE id = ?1) IS NULL
                        """, arguments: [audit, now()])
            } else {
                try QualityRollup.add(audit, outcomes: outcomes, db)
            }
            try appendTrail(
                .auditSubmitted(audit, judgement: judgement, grade: grade, onBehalfOf: try onBehalf(audit, db)), db)
        }
    }

    /// Refuses to submit an audit whose file was reallocated to someone else meanwhile (or, for
    /// a moderation, whose file is no longer its moderator's); true for a moderation.
    private func requireStillAllocated(_ audit: AuditID, _ db: Database) throws -> Bool {
        guard
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT a.sample_id, a.case_reference, a.auditor_id, a.moderates,
                        CASE WHEN a.moderates IS NULL THEN c.auditor_id IS a.auditor_id
                            WHEN a.calibration IS NOT NULL THEN EXISTS (SELECT 1 FROM calibration_participant p
                                WHERE p.exercise = a.calibration AND p.person = a.auditor_id)
                            ELSE EXISTS (SELECT 1 FROM moderation_file m WHERE m.audit_id = a.moderates
                                AND m.moderator_id = a.auditor_id) END AS still
                    FROM audit a JOIN sample_case c ON c.sample_id = a.sample_id AND c.case_reference = a.case_reference
                    WHERE a.id = ?
                    """, arguments: [audit])
        else { throw StoreError.noAudit(audit) }
        if let original = row["moderates"] as AuditID? {
            guard row["still"] as Bool else {
                throw StoreError.notModerator(audit: original, person: row["auditor_id"])
            }
            return true
        }
        guard row["still"] as Bool else {
            throw StoreError.notAllocated(
                sample: row["sample_id"], caseReference: row["case_reference"], auditor: row["auditor_id"])
        }
        return false
    }

    private func submit(_ audit: AuditID, judgement: AuditJudgement, grade: FileGrade, _ db: Database) throws {
        try db.execute(
            sql: """
                UPDATE audit SET judgement = ?, judgement_reason = ?, computed_grade = ?, score = ?, submitted_at = ?,
                    auditor_level = (SELECT level FROM person WHERE person.id = audit.auditor_id)
                WHERE id = ?
                """, arguments: [judgement.grade, judgement.reason, grade.band?.grade, grade.score, now(), audit])
    }

    public func amendAudit(
        _ audit: AuditID, by person: String, reason: String, content: AuditContent, judgement: AuditJudgement,
        grade: FileGrade,
        outcomes: [ItemOutcome]
    ) throws(StoreError) -> StoredAudit {
        try write { db -> StoredAudit in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT \(Self.auditColumns) FROM audit WHERE id = ?", arguments: [audit])
            else { throw StoreError.noAudit(audit) }
            let old = Self.storedAudit(row)
            // A moderator's second scoring is final: the moderation's outcome is what changes a grade.
            guard old.moderates == nil else { throw StoreError.submitted(audit: audit) }
            guard old.submittedAt != nil else { throw StoreError.notSubmitted(audit: audit) }
            let id = try Self.insertVersion(after: old, by: person, reason: reason, at: now(), db)
            let before = AuditContent(
                answers: try Self.answers(audit, db), judgement: try Self.judgement(audit, db),
                actions: try Self.actions(audit, db))
            try insertAnswers(content.answers, audit: id, trail: false, db)
            try insertActions(content.actions, audit: id, carriedFrom: audit, db)
            // What the version amended added comes from what was kept with it.
            try QualityRollup.remove(audit, db)
            try submit(id, judgement: judgement, grade: grade, db)
            try QualityRollup.add(id, outcomes: outcomes, db)
            try appendTrail(
                .auditAmended(
                    id, amends: audit, version: old.version + 1, before: before,
                    after: AuditContent(answers: content.answers, judgement: judgement, actions: content.actions),
                    computedGrade: grade.band?.grade, reason: reason), db)
            guard
                let amended = try Row.fetchOne(
                    db, sql: "SELECT \(Self.auditColumns) FROM audit WHERE id = ?", arguments: [id])
            else { throw StoreError.failed(reason: "the amendment was not kept") }
            return Self.storedAudit(amended)
        }
    }

    /// The row of an audit's next version, by `person` for `reason`, refused when the audit has
    /// one already: an amendment's, or a moderation's that changed the grade.
    static func insertVersion(
        after old: StoredAudit, by person: String, reason: String, at stamp: String, _ db: Database
    )
        throws -> AuditID
    {
        if let later = try AuditID.fetchOne(db, sql: "SELECT id FROM audit WHERE amends = ?", arguments: [old.id]) {
            throw StoreError.alreadyAmended(audit: old.id, by: later)
        }
        try db.execute(
            sql: """
                INSERT INTO audit (sample_id, case_reference, auditor_id, checklist_hash, started_at, version, amends,
                    amended_by, amended_reason)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                old.sampleID, old.caseReference, old.auditorID, old.checklistHash, stamp, old.version + 1, old.id,
                person, reason,
            ])
        return AuditID(db.lastInsertedRowID)
    }

    public func audit(id: AuditID) throws(StoreError) -> AuditRecord? {
        try read { db -> AuditRecord? in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql:
                        "SELECT \(Self.auditColumns), judgement, judgement_reason, computed_grade, score, moderates FROM audit WHERE id = ?",
                    arguments: [id])
            else { return nil }
            let actions = try Self.actions(id, db)
            let judgement = (row["judgement"] as String?).map {
                AuditJudgement(grade: $0, reason: row["judgement_reason"])
            }
            let audit = Self.storedAudit(row)
            let latest = try AuditID.fetchOne(
                db,
                sql:
                    "SELECT id FROM audit WHERE sample_id = ? AND case_reference = ? AND submitted_at IS NOT NULL AND moderates IS ? ORDER BY version DESC LIMIT 1",
                arguments: [audit.sampleID, audit.caseReference, row["moderates"] as Int64?])
            return AuditRecord(
                audit: audit,
                content: AuditContent(answers: try Self.answers(id, db), judgement: judgement, actions: actions),
                computedGrade: row["computed_grade"], score: row["score"],
                supersededBy: latest.flatMap { $0 != id && audit.submittedAt != nil ? $0 : nil })
        }
    }

    private static func actions(_ audit: AuditID, _ db: Database) throws -> [AuditAction] {
        try Row.fetchAll(
            db, sql: "SELECT what, who, due FROM audit_action WHERE audit_id = ? ORDER BY id", arguments: [audit]
        ).compactMap { row -> AuditAction? in
            CalendarDate(parsing: row["due"] as String).map { AuditAction(what: row["what"], who: row["who"], due: $0) }
        }
    }

    public func actionListings() throws(StoreError) -> [ActionListing] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT x.action_key AS id, x.audit_id, a.case_reference, c.team, x.what, x.who, x.due, x.done_at
                    FROM audit_action x JOIN audit a ON a.id = x.audit_id
                    JOIN sample_case c ON c.sample_id = a.sample_id AND c.case_reference = a.case_reference
                    WHERE a.submitted_at IS NOT NULL AND a.moderates IS NULL
                        AND NOT EXISTS (SELECT 1 FROM audit b WHERE b.amends = a.id)
                    ORDER BY x.due, x.id
                    """
            ).compactMap { row -> ActionListing? in
                guard let due = CalendarDate(parsing: row["due"] as String) else { return nil }
                return ActionListing(
                    id: row["id"], auditID: row["audit_id"], caseReference: row["case_reference"], team: row["team"],
                    what: row["what"],
                    who: row["who"], due: due, doneAt: row["done_at"])
            }
        }
    }

    public func markActionDone(_ id: Int64) throws(StoreError) -> Bool {
        try write { db in
            // The action in every version of its audit, so the latest version shows it done
            // whichever version's number was given.
            try db.execute(
                sql: """
                    UPDATE audit_action SET done_at = ?
                    WHERE action_key = (SELECT action_key FROM audit_action WHERE id = ? OR action_key = ? LIMIT 1) AND done_at IS NULL
                    """,
                arguments: [now(), id, id])
            guard db.changesCount > 0 else { return false }
            // Recorded against the latest version of its audit, with the action's own number.
            if let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT x.action_key, x.audit_id FROM audit_action x
                    WHERE x.action_key = (SELECT action_key FROM audit_action WHERE id = ?1 OR action_key = ?1 LIMIT 1)
                    ORDER BY x.audit_id DESC LIMIT 1
                    """, arguments: [id])
            {
                try appendTrail(.actionDone(row["action_key"], audit: row["audit_id"]), db)
            }
            return true
        }
    }

    public func recordKeyedBy(_ person: String, audit: AuditID) throws(StoreError) {
        try write { db in
            try requireOpen(audit, db)
            try db.execute(sql: "UPDATE audit SET keyed_by = ? WHERE id = ?", arguments: [person, audit])
            try appendTrail(.auditKeyed(audit, by: person, for: try onBehalf(audit, db)), db)
        }
    }

    /// The embedded store's holds are the kernel's locks on one machine: they go when their
    /// session does, however it ends, and there is nothing to break.
    public func breakLease(_ audit: AuditID, by person: String, reason: String) throws(StoreError) -> String? {
        nil
    }

    public func claimAudit(_ audit: AuditID) throws(StoreError) -> AuditClaim {
        try AuditLock.claim(audit, lockFile: path + "-lock")
    }
}
