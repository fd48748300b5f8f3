import CaseAudit
import GRDB

/// The database schema, one migration per released change. Never edit a released migration:
/// add a new one, so that older databases migrate forward.
enum Migrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1 org chart and case snapshots") { db in
            try db.execute(
                sql: """
                    CREATE TABLE person (
                        id TEXT PRIMARY KEY,
                        display_name TEXT NOT NULL,
                        level TEXT NOT NULL CHECK (level IN ('SW','ATM','TM','SM','AD','DCS','IRO','QA')),
                        team TEXT,
                        reports_to TEXT REFERENCES person(id) DEFERRABLE INITIALLY DEFERRED
                    );
                    CREATE TABLE team (
                        name TEXT PRIMARY KEY,
                        manager_id TEXT NOT NULL REFERENCES person(id) DEFERRABLE INITIALLY DEFERRED
                    );
                    CREATE TABLE org_import (
                        id INTEGER PRIMARY KEY,
                        imported_at TEXT NOT NULL,
                        source TEXT NOT NULL,
                        people INTEGER NOT NULL,
                        teams INTEGER NOT NULL
                    );
                    -- A snapshot's rows are inserted together: first_row..last_row are their rowids,
                    -- which is how they are found (no index to maintain on a million-row import).
                    CREATE TABLE case_snapshot (
                        id INTEGER PRIMARY KEY,
                        imported_at TEXT NOT NULL,
                        source TEXT NOT NULL,
                        format TEXT NOT NULL,
                        case_count INTEGER NOT NULL,
                        unallocated_count INTEGER NOT NULL,
                        first_row INTEGER,
                        last_row INTEGER
                    );
                    -- References are unique within a snapshot (the importer checks before writing);
                    -- case types are checked by the importer too: a CHECK here doubled the import time.
                    CREATE TABLE case_record (
                        snapshot_id INTEGER NOT NULL REFERENCES case_snapshot(id) ON DELETE CASCADE,
                        reference TEXT NOT NULL,
                        case_type TEXT NOT NULL,
                        team TEXT,
                        worker TEXT,
                        opened TEXT,
                        last_visit TEXT
                    );
                    """)
        }
        migrator.registerMigration("v2 samples") { db in
            try db.execute(
                sql: """
                    CREATE TABLE sample (
                        id INTEGER PRIMARY KEY,
                        month TEXT NOT NULL,
                        checklist_id TEXT NOT NULL,
                        snapshot_id INTEGER NOT NULL REFERENCES case_snapshot(id),
                        seed TEXT NOT NULL,
                        parameters TEXT NOT NULL,
                        algorithm TEXT NOT NULL,
                        drawn_at TEXT NOT NULL
                    );
                    CREATE INDEX sample_month ON sample(month);
                    CREATE TABLE sample_case (
                        sample_id INTEGER NOT NULL REFERENCES sample(id) ON DELETE CASCADE,
                        case_reference TEXT NOT NULL,
                        stratum TEXT NOT NULL,
                        inclusion_probability REAL NOT NULL,
                        -- The case as it was when drawn.
                        case_type TEXT NOT NULL,
                        team TEXT,
                        worker TEXT,
                        auditor_id TEXT,
                        unallocated_reason TEXT,
                        PRIMARY KEY (sample_id, case_reference)
                    ) WITHOUT ROWID;
                    """)
        }
        migrator.registerMigration("v3 audits") { db in
            try db.execute(
                sql: """
                    -- The checklists audits were scored against, by content hash.
                    CREATE TABLE pinned_checklist (
                        hash TEXT PRIMARY KEY,
                        checklist_id TEXT NOT NULL,
                        version TEXT NOT NULL,
                        xml BLOB NOT NULL
                    ) WITHOUT ROWID;
                    CREATE TABLE audit (
                        id INTEGER PRIMARY KEY,
                        sample_id INTEGER NOT NULL,
                        case_reference TEXT NOT NULL,
                        auditor_id TEXT NOT NULL,
                        checklist_hash TEXT NOT NULL REFERENCES pinned_checklist(hash),
                        started_at TEXT NOT NULL,
                        submitted_at TEXT,
                        FOREIGN KEY (sample_id, case_reference) REFERENCES sample_case(sample_id, case_reference)
                    );
                    CREATE INDEX audit_case ON audit(sample_id, case_reference);
                    CREATE TABLE audit_answer (
                        audit_id INTEGER NOT NULL REFERENCES audit(id) ON DELETE CASCADE,
                        item_id TEXT NOT NULL,
                        value TEXT NOT NULL,
                        note TEXT,
                        answered_at TEXT NOT NULL,
                        position INTEGER NOT NULL,
                        PRIMARY KEY (audit_id, item_id)
                    ) WITHOUT ROWID;
                    """)
        }
        migrator.registerMigration("v4 judgements, actions, submission and amendments") { db in
            try db.execute(
                sql: """
                    ALTER TABLE audit ADD COLUMN judgement TEXT;
                    ALTER TABLE audit ADD COLUMN judgement_reason TEXT;
                    -- Kept at submission: the grade and score the answers computed then.
                    ALTER TABLE audit ADD COLUMN computed_grade TEXT;
                    ALTER TABLE audit ADD COLUMN score REAL;
                    -- An amendment is a new audit row: version n+1 of the same file, naming the
                    -- version it amends, who amended it and why (when: its submitted_at).
                    ALTER TABLE audit ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
                    ALTER TABLE audit ADD COLUMN amends INTEGER REFERENCES audit(id);
                    ALTER TABLE audit ADD COLUMN amended_by TEXT;
                    ALTER TABLE audit ADD COLUMN amended_reason TEXT;
                    CREATE UNIQUE INDEX audit_amends ON audit(amends) WHERE amends IS NOT NULL;
                    CREATE TABLE audit_action (
                        id INTEGER PRIMARY KEY,
                        audit_id INTEGER NOT NULL REFERENCES audit(id) ON DELETE CASCADE,
                        what TEXT NOT NULL,
                        who TEXT NOT NULL,
                        due TEXT NOT NULL,
                        raised_at TEXT NOT NULL,
                        done_at TEXT
                    );
                    CREATE INDEX audit_action_audit ON audit_action(audit_id);
                    -- A submitted audit is immutable: changes come as a new version.
                    CREATE TRIGGER audit_submitted_is_final BEFORE UPDATE ON audit
                        WHEN OLD.submitted_at IS NOT NULL
                        BEGIN SELECT RAISE(ABORT, 'the audit is submitted: amend it instead'); END;
                    CREATE TRIGGER audit_submitted_is_final_delete BEFORE DELETE ON audit
                        WHEN OLD.submitted_at IS NOT NULL
                        BEGIN SELECT RAISE(ABORT, 'the audit is submitted: amend it instead'); END;
                    CREATE TRIGGER answer_insert_final BEFORE INSERT ON audit_answer
                        WHEN (SELECT submitted_at FROM audit WHERE id = NEW.audit_id) IS NOT NULL
                        BEGIN SELECT RAISE(ABORT, 'the audit is submitted: amend it instead'); END;
                    CREATE TRIGGER answer_update_final BEFORE UPDATE ON audit_answer
                        WHEN (SELECT submitted_at FROM audit WHERE id = OLD.audit_id) IS NOT NULL
                        BEGIN SELECT RAISE(ABORT, 'the audit is submitted: amend it instead'); END;
                    CREATE TRIGGER answer_delete_final BEFORE DELETE ON audit_answer
                        WHEN (SELECT submitted_at FROM audit WHERE id = OLD.audit_id) IS NOT NULL
                        BEGIN SELECT RAISE(ABORT, 'the audit is submitted: amend it instead'); END;
                    CREATE TRIGGER action_insert_final BEFORE INSERT ON audit_action
                        WHEN (SELECT submitted_at FROM audit WHERE id = NEW.audit_id) IS NOT NULL
                        BEGIN SELECT RAISE(ABORT, 'the audit is submitted: amend it instead'); END;
                    -- Marking an action done is the only change a submitted audit takes.
                    CREATE TRIGGER action_update_final BEFORE UPDATE OF audit_id, what, who, due, raised_at ON audit_action
                        WHEN (SELECT submitted_at FROM audit WHERE id = OLD.audit_id) IS NOT NULL
                        BEGIN SELECT RAISE(ABORT, 'the audit is submitted: amend it instead'); END;
                    CREATE TRIGGER action_delete_final BEFORE DELETE ON audit_action
                        WHEN (SELECT submitted_at FROM audit WHERE id = OLD.audit_id) IS NOT NULL
                        BEGIN SELECT RAISE(ABORT, 'the audit is submitted: amend it instead'); END;
                    """)
        }
        migrator.registerMigration("v5 quality roll-ups") { db in
            try db.execute(
                sql: """
                    -- The auditor's level when they submitted (the roll-ups are keyed by it).
                    ALTER TABLE audit ADD COLUMN auditor_level TEXT;
                    -- Submitted audits (latest versions) counted by everything the quality reports
                    -- group by, kept up to date in the transaction that submits or amends an audit.
                    -- '' stands for "none" (a key column cannot be NULL here).
                    CREATE TABLE rollup_grade (
                        month TEXT NOT NULL,
                        checklist_hash TEXT NOT NULL,
                        checklist_id TEXT NOT NULL,
                        team TEXT NOT NULL,
                        case_type TEXT NOT NULL,
                        auditor_level TEXT NOT NULL,
                        judgement TEXT NOT NULL,
                        computed_grade TEXT NOT NULL,
                        inclusion_probability REAL NOT NULL,
                        files INTEGER NOT NULL,
                        PRIMARY KEY (month, checklist_hash, team, case_type, auditor_level, judgement, computed_grade,
                            inclusion_probability)
                    ) WITHOUT ROWID;
                    -- Per item: answers that count, and those with the scale's best score.
                    CREATE TABLE rollup_item (
                        month TEXT NOT NULL,
                        checklist_hash TEXT NOT NULL,
                        team TEXT NOT NULL,
                        case_type TEXT NOT NULL,
                        auditor_level TEXT NOT NULL,
                        item_id TEXT NOT NULL,
                        compliant INTEGER NOT NULL,
                        answered INTEGER NOT NULL,
                        PRIMARY KEY (month, checklist_hash, team, case_type, auditor_level, item_id)
                    ) WITHOUT ROWID;
                    -- Audits submitted before this migration: their grades (their item figures
                    -- need the checklist's skip logic, so they start from the next submission).
                    INSERT INTO rollup_grade
                    SELECT s.month, a.checklist_hash, s.checklist_id, COALESCE(c.team, ''), COALESCE(c.case_type, ''), '',
                        a.judgement, COALESCE(a.computed_grade, ''), c.inclusion_probability, COUNT(*)
                    FROM audit a JOIN sample s ON s.id = a.sample_id
                    JOIN sample_case c ON c.sample_id = a.sample_id AND c.case_reference = a.case_reference
                    WHERE a.submitted_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM audit b WHERE b.amends = a.id)
                    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9;
                    """)
        }
        migrator.registerMigration("v6 council and trend roll-ups, sample tallies") { db in
            try db.execute(
                sql: """
                    -- What a month's report reads besides the grade cells: the trend (files by month,
                    -- version and judgement), the council's item figures, and the files each sample
                    -- allocated by team and case type. Kept with the other roll-ups.
                    CREATE TABLE rollup_trend (
                        month TEXT NOT NULL,
                        checklist_hash TEXT NOT NULL,
                        checklist_id TEXT NOT NULL,
                        judgement TEXT NOT NULL,
                        files INTEGER NOT NULL,
                        PRIMARY KEY (month, checklist_hash, judgement)
                    ) WITHOUT ROWID;
                    INSERT INTO rollup_trend
                    SELECT month, checklist_hash, MIN(checklist_id), judgement, SUM(files) FROM rollup_grade
                    GROUP BY month, checklist_hash, judgement;
                    CREATE TABLE rollup_item_council (
                        month TEXT NOT NULL,
                        checklist_hash TEXT NOT NULL,
                        item_id TEXT NOT NULL,
                        compliant INTEGER NOT NULL,
                        answered INTEGER NOT NULL,
                        PRIMARY KEY (month, checklist_hash, item_id)
                    ) WITHOUT ROWID;
                    INSERT INTO rollup_item_council
                    SELECT month, checklist_hash, item_id, SUM(compliant), SUM(answered) FROM rollup_item
                    GROUP BY month, checklist_hash, item_id;
                    CREATE TABLE sample_tally (
                        sample_id INTEGER NOT NULL REFERENCES sample(id) ON DELETE CASCADE,
                        team TEXT NOT NULL,
                        case_type TEXT NOT NULL,
                        files INTEGER NOT NULL,
                        PRIMARY KEY (sample_id, team, case_type)
                    ) WITHOUT ROWID;
                    INSERT INTO sample_tally
                    SELECT sample_id, COALESCE(team, ''), COALESCE(case_type, ''), COUNT(*) FROM sample_case
                    WHERE auditor_id IS NOT NULL GROUP BY sample_id, COALESCE(team, ''), COALESCE(case_type, '');
                    """)
        }
        migrator.registerMigration("v7 an action's identity across versions") { db in
            // An action is the same action in every version of its audit: `action_key` is the id
            // of its row in the version that raised it, and an amendment carries key and status.
            try db.execute(
                sql: """
                    ALTER TABLE audit_action ADD COLUMN action_key INTEGER;
                    UPDATE audit_action SET action_key = id;
                    CREATE INDEX audit_action_key ON audit_action(action_key);
                    DROP TRIGGER action_update_final;
                    CREATE TRIGGER action_update_final BEFORE UPDATE OF audit_id, what, who, due, raised_at, action_key ON audit_action
                        WHEN (SELECT submitted_at FROM audit WHERE id = OLD.audit_id) IS NOT NULL
                        BEGIN SELECT RAISE(ABORT, 'the audit is submitted: amend it instead'); END;
                    """)
        }
        migrator.registerMigration("v8 one sample per checklist per month") { db in
            // A sample drawn afresh (`sample draw --replace`) is kept, naming the sample that
            // replaced it; allocations, exclusions and the reports count only current samples.
            try db.execute(
                sql: """
                    ALTER TABLE sample ADD COLUMN replaced_by INTEGER REFERENCES sample(id);
                    CREATE INDEX sample_month_checklist ON sample(month, checklist_id);
                    """)
        }
        migrator.registerMigration("v9 each submitted audit's item outcomes") { db in
            // What a submitted audit added to the item roll-ups, kept with it, so that an
            // amendment takes away exactly that (the store no longer takes it from its caller).
            try db.execute(
                sql: """
                    CREATE TABLE audit_outcome (
                        audit_id INTEGER NOT NULL REFERENCES audit(id),
                        item_id TEXT NOT NULL,
                        compliant INTEGER NOT NULL,
                        position INTEGER NOT NULL,
                        PRIMARY KEY (audit_id, item_id)
                    ) WITHOUT ROWID;
                    CREATE TRIGGER outcome_insert_submitted BEFORE INSERT ON audit_outcome
                        WHEN (SELECT submitted_at FROM audit WHERE id = NEW.audit_id) IS NULL
                        BEGIN SELECT RAISE(ABORT, 'outcomes are kept when an audit is submitted'); END;
                    CREATE TRIGGER outcome_update_final BEFORE UPDATE ON audit_outcome
                        BEGIN SELECT RAISE(ABORT, 'the audit is submitted: amend it instead'); END;
                    CREATE TRIGGER outcome_delete_final BEFORE DELETE ON audit_outcome
                        BEGIN SELECT RAISE(ABORT, 'the audit is submitted: amend it instead'); END;
                    """)
            try OutcomeBackfill.run(db)
        }
        migrator.registerMigration("v10 commit order of snapshots and samples") { db in
            // "The latest case list" and "drawn before this sample" follow the order the
            // snapshots and samples were committed in, not their ids: a counter row taken inside
            // the writing transaction (on a server its row lock orders concurrent writers).
            try db.execute(
                sql: """
                    CREATE TABLE store_sequence (name TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
                    INSERT INTO store_sequence VALUES ('case_snapshot', COALESCE((SELECT MAX(id) FROM case_snapshot), 0));
                    INSERT INTO store_sequence VALUES ('sample', COALESCE((SELECT MAX(id) FROM sample), 0));
                    ALTER TABLE case_snapshot ADD COLUMN sequence INTEGER;
                    UPDATE case_snapshot SET sequence = id;
                    CREATE UNIQUE INDEX case_snapshot_sequence ON case_snapshot(sequence);
                    ALTER TABLE sample ADD COLUMN sequence INTEGER;
                    UPDATE sample SET sequence = id;
                    CREATE UNIQUE INDEX sample_sequence ON sample(sequence);
                    """)
        }
        migrator.registerMigration("v11 logins, and who keyed an audit for its auditor") { db in
            try db.execute(
                sql: """
                    ALTER TABLE person ADD COLUMN login TEXT;
                    CREATE UNIQUE INDEX person_login ON person(login) WHERE login IS NOT NULL;
                    ALTER TABLE audit ADD COLUMN keyed_by TEXT;
                    """)
        }
        migrator.registerMigration("v12 reallocations") { db in
            try db.execute(
                sql: """
                    CREATE TABLE reallocation (
                        id INTEGER PRIMARY KEY,
                        sample_id INTEGER NOT NULL,
                        case_reference TEXT NOT NULL,
                        from_auditor TEXT,
                        to_auditor TEXT NOT NULL,
                        by TEXT NOT NULL,
                        reason TEXT NOT NULL,
                        at TEXT NOT NULL,
                        FOREIGN KEY (sample_id, case_reference) REFERENCES sample_case(sample_id, case_reference)
                    );
                    """)
        }
        migrator.registerMigration("v13 the trail") { db in
            try db.execute(sql: SQLiteTrail.schema)
            try SQLiteTrail.began(
                db, login: SQLiteStore.operatingSystemLogin() ?? "unknown", at: StoreClock.system.timestamp())
        }
        migrator.registerMigration("v14 moderation draws") { db in
            try db.execute(sql: ModerationSchema.tables)
            try db.execute(sql: ModerationSchema.sqliteTrigger)
        }
        return migrator
    }
}
