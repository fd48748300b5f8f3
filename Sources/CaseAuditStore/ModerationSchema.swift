/// The moderation tables, in SQL both engines take (the server's migration adds its
/// identity column and rights). One draw per month; a moderator's second scoring is an
/// `audit` row that `moderates` the first (the same file, the same pinned checklist), kept
/// out of the roll-ups and the quality reports, and its outcome goes on the file's row.
/// `scored_at` is set when the moderator's scoring is submitted (the database checks it is):
/// from then on, and not before, they may read the first audit.
enum ModerationSchema {
    static let tables = """
        CREATE TABLE moderation_draw (
            id INTEGER PRIMARY KEY,
            month TEXT NOT NULL UNIQUE,
            rule TEXT NOT NULL,
            seed TEXT NOT NULL,
            drawn_at TEXT NOT NULL,
            candidates TEXT NOT NULL,
            files TEXT NOT NULL
        );
        CREATE TABLE moderation_file (
            draw_id INTEGER NOT NULL REFERENCES moderation_draw(id),
            audit_id INTEGER NOT NULL REFERENCES audit(id),
            month TEXT NOT NULL,
            sample_id INTEGER NOT NULL,
            case_reference TEXT NOT NULL,
            checklist_id TEXT NOT NULL,
            checklist_hash TEXT NOT NULL,
            team TEXT,
            auditor_id TEXT NOT NULL,
            moderator_id TEXT,
            unallocated_reason TEXT,
            scored_at TEXT,
            outcome TEXT CHECK (outcome IN ('confirmed', 'changed')),
            outcome_grade TEXT,
            outcome_reason TEXT,
            decided_at TEXT,
            PRIMARY KEY (draw_id, audit_id)
        );
        CREATE INDEX moderation_file_moderator ON moderation_file (moderator_id);
        CREATE UNIQUE INDEX moderation_file_audit ON moderation_file (audit_id);
        ALTER TABLE audit ADD COLUMN moderates INTEGER REFERENCES audit(id);
        """

    /// What the database says when a decided outcome, or a moderated file, is changed.
    static let decidedMessage = "a moderation's outcome is recorded once, and its file does not change"

    /// The condition, in both engines' SQL, under which an update of a moderated file's row is refused.
    static let refusedUpdate = """
        OLD.outcome IS NOT NULL OR NEW.draw_id IS DISTINCT FROM OLD.draw_id OR NEW.audit_id IS DISTINCT FROM OLD.audit_id
            OR NEW.sample_id IS DISTINCT FROM OLD.sample_id OR NEW.month IS DISTINCT FROM OLD.month OR NEW.case_reference IS DISTINCT FROM OLD.case_reference
            OR NEW.checklist_hash IS DISTINCT FROM OLD.checklist_hash OR NEW.auditor_id IS DISTINCT FROM OLD.auditor_id
            OR NEW.moderator_id IS DISTINCT FROM OLD.moderator_id
            OR (NEW.outcome IS NOT NULL AND NEW.scored_at IS NULL)
            OR (NEW.scored_at IS DISTINCT FROM OLD.scored_at AND (OLD.scored_at IS NOT NULL OR NOT EXISTS (
                SELECT 1 FROM audit a WHERE a.moderates = NEW.audit_id AND a.auditor_id = NEW.moderator_id
                    AND a.submitted_at IS NOT NULL)))
        """

    static let sqliteTrigger = """
        CREATE TRIGGER moderation_file_decided_once BEFORE UPDATE ON moderation_file
        WHEN \(refusedUpdate.replacingOccurrences(of: "IS DISTINCT FROM", with: "IS NOT"))
        BEGIN SELECT RAISE(ABORT, '\(decidedMessage.replacingOccurrences(of: "'", with: "''"))'); END;
        """

    static let serverTrigger = """
        CREATE FUNCTION moderation_file_decided_once() RETURNS trigger LANGUAGE plpgsql AS $f$
        BEGIN
            IF \(refusedUpdate) THEN
                RAISE EXCEPTION '\(decidedMessage.replacingOccurrences(of: "'", with: "''"))' USING ERRCODE = 'CA002';
            END IF;
            RETURN NEW;
        END $f$;
        CREATE TRIGGER moderation_file_decided_once BEFORE UPDATE ON moderation_file
            FOR EACH ROW EXECUTE FUNCTION moderation_file_decided_once();
        """
}
