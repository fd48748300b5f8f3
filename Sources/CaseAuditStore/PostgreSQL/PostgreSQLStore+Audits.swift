import CaseAudit
import Foundation

extension PostgreSQLStore: AuditStore {
    public func startOrResumeAudit(
        sampleID: SampleID, caseReference: String, auditorID: String, checklist: PinnedChecklist
    ) throws(StoreError) -> StoredAudit {
        try write { () throws -> StoredAudit in
            if let audit = try unfinished(sampleID: sampleID, caseReference: caseReference, auditorID: auditorID) {
                return audit
            }
            // Only the auditor the file is allocated to, in a current sample, may start its audit.
            let allocated = try run(
                """
                SELECT c.auditor_id FROM sample_case c JOIN sample s ON s.id = c.sample_id
                WHERE c.sample_id = $1 AND c.case_reference = $2 AND s.replaced_by IS NULL
                """, [sampleID, caseReference]
            ).first?.text("auditor_id")
            guard allocated == auditorID else {
                throw StoreError.notAllocated(sample: sampleID, caseReference: caseReference, auditor: auditorID)
            }
            try pin(checklist)
            let startedAt = now()
            guard
                let id = try run(
                    """
                    INSERT INTO audit (sample_id, case_reference, auditor_id, checklist_hash, started_at)
                    VALUES ($1, $2, $3, $4, $5) RETURNING id
                    """, [sampleID, caseReference, auditorID, checklist.hash, startedAt]
                ).first?.int("id")
            else { throw StoreError.failed(reason: "the audit was not kept") }
            let audit = StoredAudit(
                id: AuditID(id), sampleID: sampleID, caseReference: caseReference, auditorID: auditorID,
                checklistHash: checklist.hash, startedAt: startedAt)
            try appendTrail(.auditStarted(audit))
            return audit
        }
    }

    func pin(_ checklist: PinnedChecklist) throws {
        let pinned = try run(
            "INSERT INTO pinned_checklist (hash, checklist_id, version, xml) VALUES ($1, $2, $3, decode($4, 'base64')) ON CONFLICT DO NOTHING RETURNING hash",
            [checklist.hash, checklist.id, checklist.version, Data(checklist.xml).base64EncodedString()])
        if !pinned.rows.isEmpty { try appendTrail(.checklistPinned(checklist)) }
    }

    public func pinnedChecklist(hash: String) throws(StoreError) -> PinnedChecklist? {
        try read {
            try run(
                "SELECT checklist_id, version, encode(xml, 'base64') AS xml FROM pinned_checklist WHERE hash = $1",
                [hash]
            ).first.map { row in
                PinnedChecklist(
                    id: row.string("checklist_id"), version: row.string("version"), hash: hash,
                    xml: [UInt8](Data(base64Encoded: row.string("xml"), options: .ignoreUnknownCharacters) ?? Data()))
            }
        }
    }

    public func unfinishedAudit(sampleID: SampleID, caseReference: String, auditorID: String) throws(StoreError)
        -> StoredAudit?
    {
        try read { try unfinished(sampleID: sampleID, caseReference: caseReference, auditorID: auditorID) }
    }

    private func unfinished(sampleID: SampleID, caseReference: String, auditorID: String) throws -> StoredAudit? {
        try run(
            """
            SELECT \(Self.auditColumns) FROM audit
            WHERE sample_id = $1 AND case_reference = $2 AND auditor_id = $3 AND submitted_at IS NULL AND moderates IS NULL
            ORDER BY id DESC LIMIT 1
            """, [sampleID, caseReference, auditorID]
        ).first.map(Self.storedAudit)
    }

    static let auditColumns =
        "id, sample_id, case_reference, auditor_id, checklist_hash, started_at, submitted_at, version, amends, amended_by, amended_reason, keyed_by, moderates, calibration"

    static func storedAudit(_ row: PGRow) -> StoredAudit {
        StoredAudit(
            id: AuditID(row.int("id") ?? 0), sampleID: SampleID(row.int("sample_id") ?? 0),
            caseReference: row.string("case_reference"), auditorID: row.string("auditor_id"),
            checklistHash: row.string("checklist_hash"), startedAt: row.string("started_at"),
            submittedAt: row.text("submitted_at"), version: Int(row.int("version") ?? 1),
            amends: row.int("amends").map { AuditID($0) }, amendedBy: row.text("amended_by"),
            amendedReason: row.text("amended_reason"), keyedBy: row.text("keyed_by"),
            moderates: row.int("moderates").map { AuditID($0) }, calibration: row.text("calibration"))
    }

    public func latestSubmittedAudit(sampleID: SampleID, caseReference: String) throws(StoreError) -> StoredAudit? {
        try read {
            try run(
                """
                SELECT \(Self.auditColumns) FROM audit
                WHERE sample_id = $1 AND case_reference = $2 AND submitted_at IS NOT NULL AND moderates IS NULL
                ORDER BY version DESC LIMIT 1
                """, [sampleID, caseReference]
            ).first.map(Self.storedAudit)
        }
    }

    /// The triggers' refusal of a change to a submitted audit.
    static let submittedState = "CA001"

    public func recordAnswers(_ answers: [ItemAnswer], audit: AuditID) throws(StoreError) {
        do {
            if answers.count == 1 {
                try recordOneAnswer(answers[0], audit: audit)
                return
            }
            try connection.transaction {
                try requireLease(audit)
                try insertAnswers(answers, audit: audit, trail: true)
            }
        } catch let error as PGError where error.sqlState == Self.submittedState {
            throw .submitted(audit: audit)
        } catch {
            throw storeError(error)
        }
    }

    /// One answer as the scoring screen gives it: the lease checked (and share-locked), the
    /// answer kept and its event (with the answer it replaced) appended in one statement, its
    /// own transaction, so an answer costs one round trip to the server rather than four. The
    /// same rules as `requireLease` and `insertAnswers`, and the payload `TrailEntry` builds.
    private func recordOneAnswer(_ answer: ItemAnswer, audit: AuditID) throws {
        let mine = leases.withLock { $0[audit] }
        try connection.reconnectIfBroken()
        let statement = oneAnswerStatement
        let row = try connection.execute(
            prepared: statement.name, statement.sql, [audit, answer.itemID, answer.value, answer.note, now(), mine]
        ).first
        guard row?.bool("ok") == true else {
            guard mine == nil else { throw StoreError.leaseBroken(audit: audit) }
            throw StoreError.auditBusy(audit: audit, hold: try? ServerLease.hold(audit, on: connection))
        }
    }

    /// The statement `recordOneAnswer` runs, and the name it is prepared under on a connection:
    /// `$1` the audit, `$2` the item, `$3` the answer, `$4` the note, `$5` the time, `$6` this
    /// session's lease on the audit, if it holds one.
    private var oneAnswerStatement: (name: String, sql: String) {
        // The answer's event goes in with it (always, but in the benchmark of what the trail costs).
        keepsTrail ? Self.oneAnswerTrailed : Self.oneAnswerUntrailed
    }

    private static let oneAnswerTrailed = oneAnswer(trail: true)
    private static let oneAnswerUntrailed = oneAnswer(trail: false)

    private static func oneAnswer(trail: Bool) -> (name: String, sql: String) {
        let event =
            trail
            ? """
            ,
            old AS (SELECT value, note FROM audit_answer WHERE audit_id = $1 AND item_id = $2),
            logged AS (
                INSERT INTO trail (action, entity, entity_id, payload, on_behalf_of)
                SELECT '\(TrailAction.answerRecorded.rawValue)', 'audit', $1::text,
                    '{"item":' || caseaudit_json($2) || ',"new":{"note":' || caseaudit_json($4) || ',"value":'
                        || caseaudit_json($3) || '},"old":' || coalesce((SELECT '{"note":' || caseaudit_json(note)
                        || ',"value":' || caseaudit_json(value) || '}' FROM old), 'null') || '}',
                    (SELECT CASE WHEN keyed_by IS NOT NULL THEN auditor_id END FROM audit WHERE id = $1)
                FROM kept
                RETURNING 1)
            """ : ""
        return (
            trail ? "record_one_answer" : "record_one_answer_untrailed",
            """
            WITH lease AS (
                SELECT session,
                    CASE WHEN session = $6 THEN true ELSE caseaudit_lease_live(expires_at, backend_pid) END AS live
                FROM audit_lease WHERE audit_id = $1 FOR SHARE),
            allowed AS (
                SELECT CASE WHEN $6::text IS NOT NULL THEN EXISTS (SELECT 1 FROM lease WHERE session = $6)
                    ELSE NOT EXISTS (SELECT 1 FROM lease WHERE live) END AS ok),
            kept AS (
                INSERT INTO audit_answer (audit_id, item_id, value, note, answered_at, position)
                SELECT $1, $2, $3, $4, $5, (SELECT COUNT(*) FROM audit_answer WHERE audit_id = $1)
                WHERE (SELECT ok FROM allowed)
                ON CONFLICT (audit_id, item_id) DO UPDATE SET value = EXCLUDED.value, note = EXCLUDED.note,
                    answered_at = EXCLUDED.answered_at
                RETURNING 1)\(event)
            SELECT (SELECT ok FROM allowed) AS ok
            """
        )
    }

    /// With `trail`, each answer's event (with the one it replaced) goes in with it; an
    /// amendment's answers are in its own event instead.
    private func insertAnswers(_ answers: [ItemAnswer], audit: AuditID, trail: Bool) throws {
        if trail {
            let onBehalf = try onBehalf(audit)
            var entries: [TrailEntry] = []
            var given: [String: ItemAnswer] = [:]
            for answer in answers {
                let replaced =
                    try given[answer.itemID]
                    ?? run(
                        "SELECT value, note FROM audit_answer WHERE audit_id = $1 AND item_id = $2",
                        [audit, answer.itemID]
                    ).first.map { ItemAnswer(itemID: answer.itemID, value: $0.string("value"), note: $0.text("note")) }
                given[answer.itemID] = answer
                entries.append(.answerRecorded(answer, replacing: replaced, audit: audit, onBehalfOf: onBehalf))
            }
            try appendTrail(entries)
        }
        // A changed answer keeps its place in the order answers were first given.
        let now = now()
        for answer in answers {
            try run(
                """
                INSERT INTO audit_answer (audit_id, item_id, value, note, answered_at, position)
                VALUES ($1, $2, $3, $4, $5, (SELECT COUNT(*) FROM audit_answer WHERE audit_id = $1))
                ON CONFLICT (audit_id, item_id) DO UPDATE SET value = EXCLUDED.value, note = EXCLUDED.note,
                    answered_at = EXCLUDED.answered_at
                """, [audit, answer.itemID, answer.value, answer.note, now])
        }
    }

    /// Whom a change to the audit is made for, when it is not its auditor's own: a paper audit a
    /// quality lead keyed.
    private func onBehalf(_ audit: AuditID) throws -> String? {
        try run("SELECT CASE WHEN keyed_by IS NOT NULL THEN auditor_id END AS who FROM audit WHERE id = $1", [audit])
            .first?.text("who")
    }

    func judgement(of audit: AuditID) throws -> AuditJudgement? {
        try run("SELECT judgement, judgement_reason FROM audit WHERE id = $1", [audit]).first.flatMap { row in
            row.text("judgement").map { AuditJudgement(grade: $0, reason: row.text("judgement_reason")) }
        }
    }

    func actions(of audit: AuditID) throws -> [AuditAction] {
        try run("SELECT what, who, due FROM audit_action WHERE audit_id = $1 ORDER BY id", [audit]).all
            .compactMap { row -> AuditAction? in
                CalendarDate(parsing: row.string("due")).map {
                    AuditAction(what: row.string("what"), who: row.string("who"), due: $0)
                }
            }
    }

    /// Refuses a change to a submitted (or unknown) audit, inside the change's transaction
    /// (its row locked until the change commits).
    private func requireOpen(_ audit: AuditID) throws {
        guard
            let row = try run("SELECT submitted_at IS NOT NULL AS done FROM audit WHERE id = $1 FOR UPDATE", [audit])
                .first
        else { throw StoreError.noAudit(audit) }
        if row.bool("done") == true { throw StoreError.submitted(audit: audit) }
        try requireLease(audit)
    }

    public func answers(audit: AuditID) throws(StoreError) -> [ItemAnswer] {
        try read { try answers(of: audit) }
    }

    func answers(of audit: AuditID) throws -> [ItemAnswer] {
        try run("SELECT item_id, value, note FROM audit_answer WHERE audit_id = $1 ORDER BY position", [audit]).all.map
        {
            ItemAnswer(itemID: $0.string("item_id"), value: $0.string("value"), note: $0.text("note"))
        }
    }

    public func recordJudgement(_ judgement: AuditJudgement?, audit: AuditID) throws(StoreError) {
        try write {
            try requireOpen(audit)
            try setJudgement(judgement, audit: audit)
        }
    }

    private func setJudgement(_ judgement: AuditJudgement?, audit: AuditID) throws {
        try appendTrail(
            .judgementRecorded(
                judgement, replacing: try self.judgement(of: audit), audit: audit, onBehalfOf: try onBehalf(audit)))
        try run(
            "UPDATE audit SET judgement = $1, judgement_reason = $2 WHERE id = $3",
            [judgement?.grade, judgement?.reason, audit])
    }

    public func addAction(_ action: AuditAction, audit: AuditID) throws(StoreError) {
        try write {
            try requireOpen(audit)
            try insertActions([action], audit: audit)
            try appendTrail(.actionAdded(action, audit: audit, onBehalfOf: try onBehalf(audit)))
        }
    }

    /// Inserts an audit's actions. With `carriedFrom`, an action the earlier version has too
    /// (same what, who and due date) keeps its identity, when it was raised, and whether it is done.
    private func insertActions(_ actions: [AuditAction], audit: AuditID, carriedFrom earlier: AuditID? = nil) throws {
        let now = now()
        var previous =
            try earlier.map { id in
                try run(
                    "SELECT what, who, due, raised_at, done_at, action_key FROM audit_action WHERE audit_id = $1 ORDER BY id",
                    [id]
                ).all
            } ?? []
        for action in actions {
            let match = previous.firstIndex { row in
                row.string("what") == action.what && row.string("who") == action.who
                    && row.string("due") == action.due.description
            }
            let carried = match.map { previous.remove(at: $0) }
            try run(
                """
                INSERT INTO audit_action (audit_id, what, who, due, raised_at, done_at, action_key)
                VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id
                """,
                [
                    audit, action.what, action.who, action.due.description, carried?.text("raised_at") ?? now,
                    carried?.text("done_at"), carried?.int("action_key"),
                ])
            if carried == nil {
                try run("UPDATE audit_action SET action_key = id WHERE action_key IS NULL AND audit_id = $1", [audit])
            }
        }
    }

    public func recordSheet(_ content: AuditContent, audit: AuditID) throws(StoreError) {
        try write {
            try requireOpen(audit)
            try insertAnswers(content.answers, audit: audit, trail: true)
            if let judgement = content.judgement { try setJudgement(judgement, audit: audit) }
            try insertActions(content.actions, audit: audit)
            let onBehalf = try onBehalf(audit)
            try appendTrail(content.actions.map { .actionAdded($0, audit: audit, onBehalfOf: onBehalf) })
        }
    }

    public func submitAudit(_ audit: AuditID, judgement: AuditJudgement, grade: FileGrade, outcomes: [ItemOutcome])
        throws(StoreError)
    {
        try writeRetrying {
            try requireOpen(audit)
            let moderation = try requireStillAllocated(audit)
            try submit(audit, judgement: judgement, grade: grade)
            // A moderator's second scoring is kept beside the first, not counted again.
            if moderation {
                try run(
                    """
                    UPDATE moderation_file SET scored_at = $2
                    WHERE audit_id = (SELECT moderates FROM audit WHERE id = $1)
                        AND moderator_id = (SELECT auditor_id FROM audit WHERE id = $1)
                        AND (SELECT calibration FROM audit WHERE id = $1) IS NULL
                    """, [audit, now()])
            } else {
                try ServerRollup.add(audit, outcomes: outcomes, in: self)
            }
            try appendTrail(.auditSubmitted(audit, judgement: judgement, grade: grade, onBehalfOf: try onBehalf(audit)))
        }
    }

    /// Refuses to submit an audit whose file was reallocated to someone else meanwhile; the
    /// file's row is share-locked, so a reallocation waits for the submission, then sees it.
    private func requireStillAllocated(_ audit: AuditID) throws -> Bool {
        // An auditor's own audit: one look, at the file's row (the common case, first).
        if let row = try run(
            """
            SELECT a.sample_id, a.case_reference, a.auditor_id, a.moderates,
                c.auditor_id IS NOT DISTINCT FROM a.auditor_id AS still
            FROM audit a JOIN sample_case c ON c.sample_id = a.sample_id AND c.case_reference = a.case_reference
            WHERE a.id = $1 FOR SHARE OF c
            """, [audit]
        ).first, row.int("moderates") == nil {
            guard row.bool("still") == true else {
                throw StoreError.notAllocated(
                    sample: SampleID(row.int("sample_id") ?? 0), caseReference: row.string("case_reference"),
                    auditor: row.string("auditor_id"))
            }
            return false
        }
        // A moderation or a calibration scoring: the file is still its scorer's (whose session
        // may not see the file's row at all).
        guard
            let row = try run(
                """
                SELECT a.moderates, a.auditor_id, CASE WHEN a.calibration IS NOT NULL THEN EXISTS (
                        SELECT 1 FROM calibration_participant p WHERE p.exercise = a.calibration AND p.person = a.auditor_id)
                    ELSE EXISTS (SELECT 1 FROM moderation_file m WHERE m.audit_id = a.moderates
                        AND m.moderator_id = a.auditor_id) END AS still
                FROM audit a WHERE a.id = $1 AND a.moderates IS NOT NULL
                """, [audit]
            ).first, let original = row.int("moderates")
        else { throw StoreError.noAudit(audit) }
        guard row.bool("still") == true else {
            throw StoreError.notModerator(audit: AuditID(original), person: row.string("auditor_id"))
        }
        return true
    }

    private func submit(_ audit: AuditID, judgement: AuditJudgement, grade: FileGrade) throws {
        try run(
            """
            UPDATE audit SET judgement = $1, judgement_reason = $2, computed_grade = $3, score = $4, submitted_at = $5,
                auditor_level = (SELECT level FROM person WHERE person.id = audit.auditor_id)
            WHERE id = $6
            """, [judgement.grade, judgement.reason, grade.band?.grade, grade.score, now(), audit])
    }

    public func amendAudit(
        _ audit: AuditID, by person: String, reason: String, content: AuditContent, judgement: AuditJudgement,
        grade: FileGrade,
        outcomes: [ItemOutcome]
    ) throws(StoreError) -> StoredAudit {
        try writeRetrying { () throws -> StoredAudit in
            guard let row = try run("SELECT \(Self.auditColumns) FROM audit WHERE id = $1 FOR UPDATE", [audit]).first
            else { throw StoreError.noAudit(audit) }
            let old = Self.storedAudit(row)
            // A moderator's second scoring is final: the moderation's outcome is what changes a grade.
            guard old.moderates == nil else { throw StoreError.submitted(audit: audit) }
            guard old.submittedAt != nil else { throw StoreError.notSubmitted(audit: audit) }
            if let later = try run("SELECT id FROM audit WHERE amends = $1", [audit]).first?.int("id") {
                throw StoreError.alreadyAmended(audit: audit, by: AuditID(later))
            }
            guard
                let raw = try run(
                    """
                    INSERT INTO audit (sample_id, case_reference, auditor_id, checklist_hash, started_at, version, amends,
                        amended_by, amended_reason)
                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id
                    """,
                    [
                        old.sampleID, old.caseReference, old.auditorID, old.checklistHash, now(), old.version + 1,
                        audit,
                        person, reason,
                    ]
                ).first?.int("id")
            else { throw StoreError.failed(reason: "the amendment was not kept") }
            let id = AuditID(raw)
            let before = AuditContent(
                answers: try answers(of: audit), judgement: try self.judgement(of: audit),
                actions: try actions(of: audit))
            try insertAnswers(content.answers, audit: id, trail: false)
            try insertActions(content.actions, audit: id, carriedFrom: audit)
            // What the version amended added comes from what was kept with it.
            try ServerRollup.remove(audit, in: self)
            try submit(id, judgement: judgement, grade: grade)
            try ServerRollup.add(id, outcomes: outcomes, in: self)
            try appendTrail(
                .auditAmended(
                    id, amends: audit, version: old.version + 1, before: before,
                    after: AuditContent(answers: content.answers, judgement: judgement, actions: content.actions),
                    computedGrade: grade.band?.grade, reason: reason))
            guard let amended = try run("SELECT \(Self.auditColumns) FROM audit WHERE id = $1", [id]).first else {
                throw StoreError.failed(reason: "the amendment was not kept")
            }
            return Self.storedAudit(amended)
        }
    }

    public func audit(id: AuditID) throws(StoreError) -> AuditRecord? {
        try read { () throws -> AuditRecord? in
            guard
                let row = try run(
                    "SELECT \(Self.auditColumns), judgement, judgement_reason, computed_grade, score FROM audit WHERE id = $1",
                    [id]
                ).first
            else { return nil }
            let actions = try actions(of: id)
            let judgement = row.text("judgement").map {
                AuditJudgement(grade: $0, reason: row.text("judgement_reason"))
            }
            let audit = Self.storedAudit(row)
            let latest = try run(
                """
                SELECT id FROM audit WHERE sample_id = $1 AND case_reference = $2 AND submitted_at IS NOT NULL
                    AND moderates IS NOT DISTINCT FROM $3::BIGINT
                ORDER BY version DESC LIMIT 1
                """, [audit.sampleID, audit.caseReference, audit.moderates?.rawValue]
            ).first?.int("id").map { AuditID($0) }
            return AuditRecord(
                audit: audit,
                content: AuditContent(answers: try answers(of: id), judgement: judgement, actions: actions),
                computedGrade: row.text("computed_grade"), score: row.double("score"),
                supersededBy: latest.flatMap { $0 != id && audit.submittedAt != nil ? $0 : nil })
        }
    }

    public func actionListings() throws(StoreError) -> [ActionListing] {
        try read {
            try run(
                """
                SELECT x.action_key AS id, x.audit_id, a.case_reference, c.team, x.what, x.who, x.due, x.done_at
                FROM audit_action x JOIN audit a ON a.id = x.audit_id
                JOIN sample_case c ON c.sample_id = a.sample_id AND c.case_reference = a.case_reference
                WHERE a.submitted_at IS NOT NULL AND a.moderates IS NULL
                    AND NOT EXISTS (SELECT 1 FROM audit b WHERE b.amends = a.id)
                ORDER BY x.due, x.id
                """
            ).all.compactMap { row -> ActionListing? in
                guard let due = CalendarDate(parsing: row.string("due")) else { return nil }
                return ActionListing(
                    id: row.int("id") ?? 0, auditID: AuditID(row.int("audit_id") ?? 0),
                    caseReference: row.string("case_reference"), team: row.text("team"), what: row.string("what"),
                    who: row.string("who"), due: due, doneAt: row.text("done_at"))
            }
        }
    }

    public func markActionDone(_ id: Int64) throws(StoreError) -> Bool {
        try write {
            // The action in every version of its audit, so the latest version shows it done
            // whichever version's number was given.
            let changed = try run(
                """
                UPDATE audit_action SET done_at = $1
                WHERE action_key = (SELECT action_key FROM audit_action WHERE id = $2 OR action_key = $2 LIMIT 1)
                    AND done_at IS NULL
                RETURNING action_key, audit_id
                """, [now(), id])
            guard let done = changed.all.max(by: { ($0.int("audit_id") ?? 0) < ($1.int("audit_id") ?? 0) }) else {
                return false
            }
            // Recorded against the latest version of its audit, with the action's own number.
            try appendTrail(.actionDone(done.int("action_key") ?? id, audit: AuditID(done.int("audit_id") ?? 0)))
            return true
        }
    }

    public func recordKeyedBy(_ person: String, audit: AuditID) throws(StoreError) {
        try write {
            try requireOpen(audit)
            try run("UPDATE audit SET keyed_by = $1 WHERE id = $2", [person, audit])
            try appendTrail(.auditKeyed(audit, by: person, for: try onBehalf(audit)))
        }
    }

    /// A lease on the audit (`ServerLease`): refused (`.auditBusy`) while another session holds
    /// a live one; given up when the claim goes.
    public func claimAudit(_ audit: AuditID) throws(StoreError) -> AuditClaim {
        let lease: ServerLease?
        do {
            lease = try ServerLease.take(audit, conninfo: conninfo)
        } catch {
            throw .failed(reason: String(describing: error))
        }
        guard let lease else { throw .auditBusy(audit: audit, hold: try? ServerLease.hold(audit, on: connection)) }
        leases.withLock { $0[audit] = lease.session }
        warmForAnswers(audit)
        return AuditClaim { [weak self] in
            lease.release()
            self?.leases.withLock { held in if held[audit] == lease.session { held[audit] = nil } }
        }
    }

    /// Readies this connection for the answers to come while the auditor reads the first
    /// question: the statement an answer is kept by is prepared, then rehearsed (`rehearsals`
    /// times) in a transaction that is rolled back (nothing is kept, and no event), so the server
    /// has settled on its plan, compiled the triggers it fires and found room in the tables it writes. The
    /// first answer paid for all of that: with 200 auditors starting at once, their first
    /// answers took 250–370 ms at the median with the statement only prepared, and 90–150 ms
    /// rehearsed, against about 50 ms for every later answer (`Benchmarks/ServerLoad`,
    /// 2026-12-06). Best effort: if the rehearsal fails, the first answer does the work.
    private func warmForAnswers(_ audit: AuditID) {
        // Only between transactions: a rehearsal must never end a transaction it did not begin.
        guard connection.isIdle else { return }
        let statement = oneAnswerStatement
        let mine = leases.withLock { $0[audit] }
        _ = try? connection.transaction { () throws -> Void in
            for _ in 0..<Self.rehearsals {
                try connection.execute(prepared: statement.name, statement.sql, [audit, "", "", nil, now(), mine])
            }
            throw Rehearsal()
        }
    }

    /// How many times the rehearsal runs the statement: PostgreSQL plans a prepared statement
    /// afresh for each of its first five runs and only then settles on one plan for every run
    /// after (its plan cache's rule); so an auditor's first five answers each paid for planning.
    static let rehearsals = 6

    /// Ends a rehearsal: its transaction is rolled back.
    private struct Rehearsal: Error {}

    /// Refuses a write to an audit another session holds a live lease on, or one this
    /// session held and lost (a quality lead broke it, or another session took it once it had
    /// lapsed): nothing is written either way. A lease still this session's is good even
    /// while it looks lapsed (the server restarted; the renewal is on its way).
    func requireLease(_ audit: AuditID) throws {
        let mine = leases.withLock { $0[audit] }
        // Whether another's lease is live is asked only when it is another's: it looks at every
        // connection to the server, which two hundred auditors at once would pay on each answer.
        let lease = try run(
            """
            SELECT session, \(ServerLease.holdColumns),
                CASE WHEN session = $2 THEN true ELSE caseaudit_lease_live(expires_at, backend_pid) END AS live
            FROM audit_lease WHERE audit_id = $1 FOR SHARE
            """, [audit, mine]
        ).first
        let session = lease?.text("session")
        if let mine {
            if session != mine { throw StoreError.leaseBroken(audit: audit) }
        } else if let lease, session != mine, lease.bool("live") == true {
            throw StoreError.auditBusy(audit: audit, hold: ServerLease.hold(from: lease))
        }
    }

    public func breakLease(_ audit: AuditID, by person: String, reason: String) throws(StoreError) -> String? {
        try write {
            guard
                let row = try run(
                    "DELETE FROM audit_lease WHERE audit_id = $1 RETURNING holder, taken_at", [audit]
                ).first
            else { return nil }
            try run(
                "INSERT INTO lease_break (audit_id, holder, taken_at, broken_by, reason) VALUES ($1, $2, $3::timestamptz, $4, $5)",
                [audit, row.string("holder"), row.string("taken_at"), person, reason])
            try appendTrail(.leaseBroken(audit, holder: row.string("holder"), reason: reason))
            return row.text("holder")
        }

    }
}
