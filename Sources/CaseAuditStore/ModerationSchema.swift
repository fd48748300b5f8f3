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
        CREATE TABLE moderation_challenge (
            audit_id INTEGER PRIMARY KEY REFERENCES moderation_file(audit_id),
            raised_by TEXT NOT NULL,
            reason TEXT NOT NULL,
            raised_at TEXT NOT NULL,
            decision TEXT CHECK (decision IN ('upheld', 'rejected')),
            decided_grade TEXT,
            decided_by TEXT,
            decision_reason TEXT,
            decided_at TEXT
        );
        ALTER TABLE audit ADD COLUMN moderates INTEGER REFERENCES audit(id);
        ALTER TABLE audit ADD COLUMN calibration TEXT;
        CREATE TABLE calibration_exercise (
            name TEXT PRIMARY KEY,
            month TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE TABLE calibration_file (
            exercise TEXT NOT NULL REFERENCES calibration_exercise(name),
            audit_id INTEGER NOT NULL REFERENCES audit(id),
            sample_id INTEGER NOT NULL,
            case_reference TEXT NOT NULL,
            checklist_id TEXT NOT NULL,
            checklist_hash TEXT NOT NULL,
            team TEXT,
            PRIMARY KEY (exercise, audit_id)
        );
        CREATE TABLE calibration_participant (
            exercise TEXT NOT NULL REFERENCES calibration_exercise(name),
            person TEXT NOT NULL,
            PRIMARY KEY (exercise, person)
        );
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
                    AND a.calibration IS NULL AND a.submitted_at IS NOT NULL)))
        """

    static let challengeMessage = "a challenge is raised once and decided once, and is never removed"

    static let refusedChallengeUpdate = """
        OLD.decision IS NOT NULL OR NEW.audit_id IS DISTINCT FROM OLD.audit_id OR NEW.raised_by IS DISTINCT FROM OLD.raised_by
            OR NEW.reason IS DISTINCT FROM OLD.reason OR NEW.raised_at IS DISTINCT FROM OLD.raised_at
            OR NEW.decided_by = NEW.raised_by
        """

    static let sqliteTrigger = """
        CREATE TRIGGER moderation_file_decided_once BEFORE UPDATE ON moderation_file
        WHEN \(refusedUpdate.replacingOccurrences(of: "IS DISTINCT FROM", with: "IS NOT"))
        BEGIN SELECT RAISE(ABORT, '\(decidedMessage.replacingOccurrences(of: "'", with: "''"))'); END;
        CREATE TRIGGER moderation_challenge_once BEFORE UPDATE ON moderation_challenge
        WHEN \(refusedChallengeUpdate.replacingOccurrences(of: "IS DISTINCT FROM", with: "IS NOT"))
        BEGIN SELECT RAISE(ABORT, '\(challengeMessage)'); END;
        CREATE TRIGGER moderation_challenge_kept BEFORE DELETE ON moderation_challenge
        BEGIN SELECT RAISE(ABORT, '\(challengeMessage)'); END;
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
        CREATE FUNCTION moderation_challenge_once() RETURNS trigger LANGUAGE plpgsql AS $f$
        BEGIN
            IF TG_OP = 'DELETE' OR \(refusedChallengeUpdate) THEN
                RAISE EXCEPTION '\(challengeMessage)' USING ERRCODE = 'CA002';
            END IF;
            RETURN NEW;
        END $f$;
        CREATE TRIGGER moderation_challenge_once BEFORE UPDATE OR DELETE ON moderation_challenge
            FOR EACH ROW EXECUTE FUNCTION moderation_challenge_once();
        """

    /// A grade applied on the server by the schema's owner, since neither a moderator nor an
    /// assistant director may write another person's audit: `caseaudit_next_version` (which no
    /// client may call) makes an audit's next version, its answers, actions and outcomes copied
    /// and `grade` its judgement, and moves the file's grade and trend cells from the old grade to
    /// the new (its item cells do not change). `caseaudit_apply_moderation` calls it for a changed
    /// outcome, once, when the session is its moderator; `caseaudit_resolve_challenge` for an
    /// upheld challenge, when the session decided it.
    static let serverApply = """
        CREATE FUNCTION caseaudit_next_version(target BIGINT, grade TEXT, grade_reason TEXT, person TEXT, why TEXT,
            stamp TEXT) RETURNS BIGINT LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $f$
        DECLARE
            a RECORD;
            k RECORD;
            made BIGINT;
        BEGIN
            IF EXISTS (SELECT 1 FROM audit WHERE amends = target) OR EXISTS (
                SELECT 1 FROM rollup_ledger WHERE audit_id = target AND sign = -1) THEN
                RAISE EXCEPTION 'audit % was amended already', target USING ERRCODE = 'CA002';
            END IF;
            SELECT * INTO a FROM audit WHERE id = target;
            INSERT INTO audit (sample_id, case_reference, auditor_id, checklist_hash, started_at, version, amends,
                amended_by, amended_reason)
            VALUES (a.sample_id, a.case_reference, a.auditor_id, a.checklist_hash, stamp, a.version + 1, target,
                person, why)
            RETURNING id INTO made;
            INSERT INTO audit_answer (audit_id, item_id, value, note, answered_at, position)
                SELECT made, item_id, value, note, answered_at, position FROM audit_answer WHERE audit_id = target;
            INSERT INTO audit_action (audit_id, what, who, due, raised_at, done_at, action_key)
                SELECT made, what, who, due, raised_at, done_at, action_key FROM audit_action
                WHERE audit_id = target ORDER BY id;
            UPDATE audit SET judgement = grade, judgement_reason = grade_reason,
                computed_grade = a.computed_grade, score = a.score, auditor_level = a.auditor_level, submitted_at = stamp
            WHERE id = made;
            -- Outcomes go in once the version is submitted (the schema's rule).
            INSERT INTO audit_outcome (audit_id, item_id, compliant, position)
                SELECT made, item_id, compliant, position FROM audit_outcome WHERE audit_id = target;
            SELECT s.month, s.checklist_id, coalesce(c.team, '') AS team, coalesce(c.case_type, '') AS case_type,
                c.inclusion_probability
            INTO k
            FROM sample s JOIN sample_case c ON c.sample_id = s.id AND c.case_reference = a.case_reference
            WHERE s.id = a.sample_id;
            UPDATE rollup_grade SET files = files - 1
            WHERE month = k.month AND checklist_hash = a.checklist_hash AND team = k.team AND case_type = k.case_type
                AND auditor_level = coalesce(a.auditor_level, '') AND judgement = a.judgement
                AND computed_grade = coalesce(a.computed_grade, '') AND inclusion_probability = k.inclusion_probability;
            INSERT INTO rollup_grade VALUES (k.month, a.checklist_hash, k.checklist_id, k.team, k.case_type,
                coalesce(a.auditor_level, ''), grade, coalesce(a.computed_grade, ''), k.inclusion_probability, 1)
            ON CONFLICT (month, checklist_hash, team, case_type, auditor_level, judgement, computed_grade,
                inclusion_probability) DO UPDATE SET files = rollup_grade.files + 1;
            UPDATE rollup_trend SET files = files - 1
            WHERE month = k.month AND checklist_hash = a.checklist_hash AND judgement = a.judgement;
            INSERT INTO rollup_trend VALUES (k.month, a.checklist_hash, k.checklist_id, grade, 1)
            ON CONFLICT (month, checklist_hash, judgement) DO UPDATE SET files = rollup_trend.files + 1;
            INSERT INTO rollup_ledger VALUES (target, -1), (made, 1);
            RETURN made;
        END $f$;
        REVOKE EXECUTE ON FUNCTION caseaudit_next_version(BIGINT, TEXT, TEXT, TEXT, TEXT, TEXT) FROM PUBLIC;
        -- Who the session is, and whether it leads, before and after `server init` sets the rights.
        CREATE FUNCTION caseaudit_session_may(person TEXT, deciders TEXT[]) RETURNS BOOLEAN LANGUAGE plpgsql
            SECURITY DEFINER SET search_path = public AS $f$
        DECLARE
            lead BOOLEAN := true;
        BEGIN
            IF to_regproc('caseaudit_is_lead') IS NOT NULL THEN
                EXECUTE 'SELECT caseaudit_is_lead()' INTO lead;
            END IF;
            RETURN lead OR EXISTS (SELECT 1 FROM person p WHERE p.login = session_user
                AND (p.id = person OR p.level = ANY (deciders)));
        END $f$;
        CREATE FUNCTION caseaudit_apply_moderation(original BIGINT, stamp TEXT) RETURNS BIGINT
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $f$
        DECLARE
            f RECORD;
        BEGIN
            SELECT * INTO f FROM moderation_file WHERE audit_id = original;
            IF NOT FOUND OR f.outcome IS DISTINCT FROM 'changed' THEN
                RAISE EXCEPTION 'audit % has no changed moderation to apply', original USING ERRCODE = 'CA002';
            END IF;
            IF NOT caseaudit_session_may(f.moderator_id, ARRAY[]::TEXT[]) THEN
                RAISE EXCEPTION 'the moderation of audit % is not yours', original USING ERRCODE = 'CA002';
            END IF;
            RETURN caseaudit_next_version(original, f.outcome_grade, f.outcome_reason, f.moderator_id,
                'moderated by ' || f.moderator_id || ': ' || coalesce(f.outcome_reason, ''), stamp);
        END $f$;
        CREATE FUNCTION caseaudit_resolve_challenge(original BIGINT, stamp TEXT) RETURNS BIGINT
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $f$
        DECLARE
            c RECORD;
        BEGIN
            SELECT * INTO c FROM moderation_challenge WHERE audit_id = original;
            IF NOT FOUND OR c.decision IS DISTINCT FROM 'upheld' THEN
                RAISE EXCEPTION 'audit % has no upheld challenge to apply', original USING ERRCODE = 'CA002';
            END IF;
            IF NOT caseaudit_session_may(c.decided_by, ARRAY[]::TEXT[]) THEN
                RAISE EXCEPTION 'the challenge of audit % was not decided by you', original USING ERRCODE = 'CA002';
            END IF;
            -- The version the moderation reported: the one it made, else the first audit itself.
            RETURN caseaudit_next_version(coalesce((SELECT id FROM audit WHERE amends = original), original),
                c.decided_grade, c.decision_reason, c.decided_by,
                'challenge upheld by ' || c.decided_by || ': ' || c.decision_reason, stamp);
        END $f$;
        """
}
