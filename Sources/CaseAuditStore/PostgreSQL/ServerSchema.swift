/// The server store's schema, one migration per released change, each in one transaction; a
/// database a newer caseaudit has migrated is refused. The tables are the embedded store's as
/// of its migration v10, in PostgreSQL's terms: identity columns, BYTEA, PL/pgSQL triggers that
/// refuse changes to a submitted audit with SQLSTATE CA001.
enum ServerSchema {
    /// Each migration's SQL is made only when it is applied: most connections find every one
    /// applied, and building every script (v10's is rewritten from v1's) took a millisecond of each connection.
    static let migrations: [(version: Int, name: String, sql: @Sendable () -> String)] = [
        (1, "the schema of caseaudit's embedded store v10", { v1 }),
        (2, "logins, and who keyed an audit for its auditor", { v2 }),
        (3, "reallocations", { v3 }),
        (4, "leases: one person per audit at a time, across machines", { v4 }),
        (5, "a lease ends with its holder's connection", { v5 }),
        (6, "a submission's roll-ups counted once, through the server's check", { v6 }),
        (7, "a case list's rows checked against their snapshot once per statement", { v7 }),
        (8, "the trail: append-only and hash-chained", { ServerTrail.schema }),
        (
            9, "appending to the trail without waiting: events sealed into the chain by the next append",
            { ServerTrail.sealing }
        ),
        (10, "moderation draws", { v10 }),
        (11, "appending to the trail with less work per event", { ServerTrail.cheaperAppend }),
        (12, "logins compared byte by byte, so a login is found through its index", { v12 }),
        (13, "each case list's counts by team and case type, kept as it is imported", { v13 }),
        (14, "row-level security asks who the session is once a statement, not once a row", { v14 }),
        (
            15, "the trail's chain sealed by whoever reads it, not in the commit of every change",
            { ServerTrail.sealedByReaders }
        ),
        (
            16,
            "a case list's rows found by a block range index and checked against the list their import names: less for an import to do",
            { v16 }
        ),
        (17, "a submitted audit's changes refused through a plan kept for the session", { v17 }),
        (18, "each case list a table of its own, made with its list and closed when the list is kept", { v18 }),
        (
            19, "an event costs its change's commit less: no function call per field, no index until it is sealed",
            { ServerTrail.lighterEvent }
        ),
        (
            20,
            "the council's figures for reports, read by senior managers and quality leads, not by auditors",
            { v20 }
        ),
        (
            21,
            "an auditor sees the moderation of their file once its outcome is recorded, and a calibration's other scorings of a file once theirs is submitted",
            { v21 }
        ),
    ]

    /// The questions the auditor's new rights ask (`ServerRights.v21Questions`), made by the
    /// schema's owner; the rights, made again after this migration on a database whose rights
    /// are set, let the auditor read a decided moderation of their file, and the others'
    /// scorings of a calibration file they have scored.
    static var v21: String { ServerRights.v21Questions }

    /// A report's actions counted for the whole council, with the schema owner's rights (a
    /// senior manager's own view takes in only their line's audits), and only what the figures
    /// need: no action's text, nobody's name. Nobody but the owner may call it until the rights
    /// say who may (quality leads and senior managers). Those rights, which a database whose
    /// rights are set has made again after any migration (`PostgreSQLStore.migrate`), also
    /// stop auditors reading the roll-ups.
    static let v20 = """
        CREATE OR REPLACE FUNCTION caseaudit_report_actions(first_month TEXT, last_month TEXT)
            RETURNS TABLE (audit_id BIGINT, month TEXT, checklist_id TEXT, team TEXT, due TEXT, done BOOLEAN)
            LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $f$
                SELECT x.audit_id, s.month, s.checklist_id, c.team, x.due, x.done_at IS NOT NULL
                FROM audit_action x JOIN audit a ON a.id = x.audit_id
                JOIN sample s ON s.id = a.sample_id
                JOIN sample_case c ON c.sample_id = a.sample_id AND c.case_reference = a.case_reference
                WHERE s.month BETWEEN first_month AND last_month AND a.submitted_at IS NOT NULL
                    AND a.moderates IS NULL AND NOT EXISTS (SELECT 1 FROM audit b WHERE b.amends = a.id) $f$;
        REVOKE ALL ON FUNCTION caseaudit_report_actions(TEXT, TEXT) FROM PUBLIC;
        """

    /// Each case list is a partition of `case_record` of its own, in the schema `case_lists`
    /// (no one but the schema's owner uses it by name): made when its snapshot is inserted,
    /// closed to further rows when the transaction that fills it commits, and dropped with its
    /// snapshot. A row for a list that does not exist has no partition to go to, and a kept
    /// list refuses rows, changes and deletions, so v16's check on every row and its block range
    /// index go: they were 0.4 s of a million-case import's 1.65 s (owner's import by hand,
    /// 2026-12-06: 1.64–1.72 s with both, 1.49–1.53 s with either, 1.30–1.31 s with neither). A
    /// draw reads its list's table alone.
    static let v18 = """
        DROP TRIGGER case_record_names_its_list ON case_record;
        DROP FUNCTION case_record_names_its_list();
        ALTER TABLE case_record RENAME TO case_record_before_v18;
        CREATE SCHEMA case_lists;
        -- The same columns (and NOT NULLs), none of the old table's checks or indexes.
        CREATE TABLE case_record (LIKE case_record_before_v18) PARTITION BY LIST (snapshot_id);
        -- Made, and closed, with the owner's rights: a quality lead imports without creating
        -- tables, and nobody changes a kept list.
        CREATE FUNCTION caseaudit_make_case_list(list BIGINT) RETURNS void LANGUAGE plpgsql
            SECURITY DEFINER SET search_path = public AS $f$
        BEGIN
            EXECUTE format('CREATE TABLE case_lists.%I (LIKE public.case_record)', 'list_' || list);
            EXECUTE format('ALTER TABLE public.case_record ATTACH PARTITION case_lists.%I FOR VALUES IN (%s)',
                'list_' || list, list);
        END $f$;
        CREATE FUNCTION caseaudit_close_case_list(list BIGINT) RETURNS void LANGUAGE plpgsql
            SECURITY DEFINER SET search_path = public AS $f$
        BEGIN
            EXECUTE format('CREATE TRIGGER kept BEFORE INSERT OR UPDATE OR DELETE ON case_lists.%I
                FOR EACH ROW EXECUTE FUNCTION public.case_list_is_kept()', 'list_' || list);
            EXECUTE format('ALTER TABLE case_lists.%I ENABLE ALWAYS TRIGGER kept', 'list_' || list);
        END $f$;
        REVOKE ALL ON FUNCTION caseaudit_make_case_list(BIGINT), caseaudit_close_case_list(BIGINT) FROM PUBLIC;
        CREATE FUNCTION case_list_is_kept() RETURNS trigger LANGUAGE plpgsql AS $f$
        BEGIN
            RAISE EXCEPTION 'case list % is kept: its cases do not change', coalesce(NEW.snapshot_id, OLD.snapshot_id)
                USING ERRCODE = '42501';
        END $f$;
        -- Made when the snapshot's row goes in; closed at commit, once every row of it is in.
        CREATE FUNCTION case_snapshot_list() RETURNS trigger LANGUAGE plpgsql
            SECURITY DEFINER SET search_path = public AS $f$
        BEGIN
            IF TG_ARGV[0] = 'make' THEN
                PERFORM caseaudit_make_case_list(NEW.id);
            ELSE
                PERFORM caseaudit_close_case_list(NEW.id);
            END IF;
            RETURN NULL;
        END $f$;
        CREATE TRIGGER case_snapshot_makes_its_list AFTER INSERT ON case_snapshot
            FOR EACH ROW EXECUTE FUNCTION case_snapshot_list('make');
        CREATE CONSTRAINT TRIGGER case_snapshot_closes_its_list AFTER INSERT ON case_snapshot
            DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION case_snapshot_list('close');
        -- Also when a superuser copies a council in with the triggers off (`server import`).
        ALTER TABLE case_snapshot ENABLE ALWAYS TRIGGER case_snapshot_makes_its_list;
        ALTER TABLE case_snapshot ENABLE ALWAYS TRIGGER case_snapshot_closes_its_list;
        CREATE OR REPLACE FUNCTION case_snapshot_takes_its_rows() RETURNS trigger LANGUAGE plpgsql
            SECURITY DEFINER SET search_path = public AS $f$
        BEGIN
            EXECUTE format('DROP TABLE IF EXISTS case_lists.%I', 'list_' || OLD.id);
            RETURN OLD;
        END $f$;
        DO $$ DECLARE list BIGINT; BEGIN
            FOR list IN SELECT id FROM case_snapshot ORDER BY id LOOP
                PERFORM caseaudit_make_case_list(list);
            END LOOP;
            INSERT INTO case_record SELECT snapshot_id, position, reference, case_type, team, worker, opened, last_visit
                FROM case_record_before_v18;
            FOR list IN SELECT id FROM case_snapshot ORDER BY id LOOP
                PERFORM caseaudit_close_case_list(list);
            END LOOP;
        END $$;
        DROP TABLE case_record_before_v18;
        """

    /// Whether an audit is submitted, asked by the triggers that keep a submitted audit final
    /// before every answer and action is written. As a SQL function it was parsed and planned
    /// again at every call, as a trigger's condition is prepared for every statement: 13 % of
    /// the server's work with 200 auditors scoring at once (perf, 2026-12-06), two calls an
    /// answer (the insert, then the update of an answer given before). PL/pgSQL keeps its
    /// statement's plan for the session.
    static let v17 = """
        CREATE OR REPLACE FUNCTION audit_of(row_audit BIGINT) RETURNS TEXT LANGUAGE plpgsql STABLE AS $f$
        BEGIN
            RETURN (SELECT submitted_at FROM audit WHERE id = row_audit);
        END $f$;
        """

    /// Less for an import to do on the server, where a million cases cost 1.7 s against a plain
    /// table's 0.9 s (COPY of the same rows from a file, one server, 2026-12-06):
    /// - A case list's rows are written once, in the order of their positions, at the end of
    ///   the table, and read a list at a time: a block range index finds them and costs an
    ///   import next to nothing to keep. The B-tree primary key it replaces cost 0.5–1.3 s
    ///   (1.07–1.23 s with this index, 1.57–2.56 s with the key); reading half a list through it
    ///   took 170–204 ms, through this one 110–165 ms. Positions are still one to a case: the
    ///   import numbers them, and the reader puts each case at its place and refuses a list
    ///   where one is missing or repeated.
    /// - v7's check that every row names a snapshot read the rows again once the statement had
    ///   inserted them (PostgreSQL keeps them aside for it): 0.4–0.5 s. Now an import names, for
    ///   its transaction, the list it fills (`caseaudit.filling_list`); before the statement
    ///   the server checks that the list exists, and each row must name that list (a check
    ///   constraint, 0.1 s a million). The schema's owner (or a superuser) copying a council in
    ///   (`caseaudit.copying_trail`) copies every list's rows at once; anyone else is refused.
    static let v16 = """
        ALTER TABLE case_record DROP CONSTRAINT case_record_pkey;
        CREATE INDEX case_record_range ON case_record USING brin (snapshot_id, position);
        DROP TRIGGER case_record_has_snapshot ON case_record;
        DROP FUNCTION case_record_has_snapshot();
        CREATE FUNCTION case_record_names_its_list() RETURNS trigger LANGUAGE plpgsql AS $f$
        BEGIN
            IF current_setting('caseaudit.copying_trail', true) = 'on' THEN
                IF session_user = (SELECT tableowner FROM pg_tables WHERE schemaname = 'public' AND tablename = 'case_record')
                    OR EXISTS (SELECT 1 FROM pg_roles WHERE rolname = session_user AND rolsuper) THEN
                    RETURN NULL;
                END IF;
                RAISE EXCEPTION 'only the schema''s owner copies a council in' USING ERRCODE = '42501';
            END IF;
            IF NOT EXISTS (SELECT 1 FROM public.case_snapshot s
                    WHERE s.id = nullif(current_setting('caseaudit.filling_list', true), '')::bigint) THEN
                RAISE EXCEPTION 'a case row names no snapshot' USING ERRCODE = '23503';
            END IF;
            RETURN NULL;
        END $f$;
        CREATE TRIGGER case_record_names_its_list BEFORE INSERT ON case_record
            FOR EACH STATEMENT EXECUTE FUNCTION case_record_names_its_list();
        -- Never null: a check that comes out null lets the row in.
        ALTER TABLE case_record ADD CONSTRAINT case_record_in_its_list CHECK (coalesce(
            snapshot_id = nullif(current_setting('caseaudit.filling_list', true), '')::bigint
            OR current_setting('caseaudit.copying_trail', true) = 'on', false)) NOT VALID;
        """

    /// The policies are `ServerRights`', set again after any migration of a database whose
    /// rights were set: this version has no change of its own to make, and marks the policies
    /// that ask `caseaudit_is_lead()` and `caseaudit_me()` as sub-selects, once a statement.
    static let v14 = "SELECT 1"

    /// A case list's counts by team and case type, which the import reports (teams the org
    /// chart does not know) and `cases show` prints, were counted from its rows each time: a
    /// million rows just imported have no statistics yet, so the planner sorted them on disk
    /// (0.9 s). The import counts them as it writes them; the lists already kept are counted here.
    static let v13 = """
        CREATE TABLE case_tally (
            snapshot_id BIGINT NOT NULL REFERENCES case_snapshot(id) ON DELETE CASCADE,
            team TEXT,
            case_type TEXT NOT NULL,
            cases INTEGER NOT NULL,
            UNIQUE NULLS NOT DISTINCT (snapshot_id, team, case_type)
        );
        \(countsCaseLists);
        """

    /// Counts every case list's rows into `case_tally`: for the lists kept before v13, and for
    /// those `server import` copies.
    static let countsCaseLists = """
        INSERT INTO case_tally SELECT snapshot_id, team, case_type, count(*) FROM case_record
            GROUP BY snapshot_id, team, case_type
        """

    /// Every policy, rights function and trail event finds the session's person by
    /// `login = session_user`. `session_user` is a `name`, whose collation is "C", and `login` had
    /// the database's: the two collations differ, so the index on `login` could not serve and
    /// every look-up read the whole org chart (0.9 ms with the generator's 500-team council, for
    /// every event of a draw and every row a policy checked). Logins are role names, which
    /// PostgreSQL compares byte by byte anyway. The one policy on the column (an assistant
    /// director decides a challenge) goes while the column changes; the rights, set again after
    /// the migrations in the same transaction, bring it back.
    static let v12 = """
        DROP POLICY IF EXISTS decides ON moderation_challenge;
        ALTER TABLE person ALTER COLUMN login TYPE TEXT COLLATE "C";
        """

    /// The embedded store's moderation tables with an identity column; who reads them is set
    /// with the rest of the rights (a draw's own row, which says why each file was chosen, is
    /// a quality lead's alone).
    static let v10 =
        ModerationSchema.tables
        .replacingOccurrences(
            of: "id INTEGER PRIMARY KEY", with: "id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"
        )
        .replacingOccurrences(of: "draw_id INTEGER", with: "draw_id BIGINT")
        .replacingOccurrences(of: "audit_id INTEGER", with: "audit_id BIGINT")
        .replacingOccurrences(of: "sample_id INTEGER", with: "sample_id BIGINT")
        .replacingOccurrences(of: "moderates INTEGER", with: "moderates BIGINT") + ModerationSchema.serverTrigger
        + ModerationSchema.serverApply

    /// A million-row case list paid a foreign-key check per row (more than half the import);
    /// the same rule is checked once per statement, over the rows it inserted, and a snapshot
    /// deleted takes its rows with it as before.
    static let v7 = """
        ALTER TABLE case_record DROP CONSTRAINT case_record_snapshot_id_fkey;
        CREATE FUNCTION case_record_has_snapshot() RETURNS trigger LANGUAGE plpgsql AS $f$
        BEGIN
            IF EXISTS (SELECT 1 FROM inserted i LEFT JOIN case_snapshot s ON s.id = i.snapshot_id WHERE s.id IS NULL) THEN
                RAISE EXCEPTION 'a case row names no snapshot' USING ERRCODE = '23503';
            END IF;
            RETURN NULL;
        END $f$;
        CREATE TRIGGER case_record_has_snapshot AFTER INSERT ON case_record
            REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION case_record_has_snapshot();
        CREATE FUNCTION case_snapshot_takes_its_rows() RETURNS trigger LANGUAGE plpgsql AS $f$
        BEGIN
            DELETE FROM case_record WHERE snapshot_id = OLD.id;
            RETURN OLD;
        END $f$;
        CREATE TRIGGER case_snapshot_takes_its_rows BEFORE DELETE ON case_snapshot
            FOR EACH ROW EXECUTE FUNCTION case_snapshot_takes_its_rows();
        """

    /// A submission's (or an amendment's) contribution to the roll-ups goes in through
    /// `caseaudit_count`, which runs with the schema owner's rights and checks it against the
    /// audit's own rows before it adds it: one file, in the audit's own grade cell; one answer
    /// for each outcome kept with the audit; once each way (`rollup_ledger`). So an auditor
    /// with `psql` cannot change the sums, nor count an audit twice. Who may count an audit
    /// (`caseaudit_may_count`) is everyone until `server init` sets the rights.
    static let v6 = """
        CREATE TABLE rollup_ledger (
            audit_id BIGINT NOT NULL REFERENCES audit(id),
            sign INTEGER NOT NULL CHECK (sign IN (1, -1)),
            PRIMARY KEY (audit_id, sign)
        );
        CREATE FUNCTION caseaudit_may_count(auditor TEXT) RETURNS BOOLEAN LANGUAGE sql STABLE AS 'SELECT true';
        CREATE FUNCTION caseaudit_count(target BIGINT, sign INTEGER, grade JSONB, items JSONB) RETURNS VOID
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $f$
        DECLARE
            k RECORD;
            wrong TEXT;
        BEGIN
            SELECT s.month, s.checklist_id, a.checklist_hash, coalesce(c.team, '') AS team,
                coalesce(c.case_type, '') AS case_type, coalesce(a.auditor_level, '') AS auditor_level,
                a.judgement, coalesce(a.computed_grade, '') AS computed_grade, c.inclusion_probability,
                a.submitted_at, a.auditor_id
            INTO k
            FROM audit a JOIN sample s ON s.id = a.sample_id
            JOIN sample_case c ON c.sample_id = a.sample_id AND c.case_reference = a.case_reference
            WHERE a.id = target;
            IF NOT FOUND OR k.submitted_at IS NULL THEN
                RAISE EXCEPTION 'audit % is not submitted, so it is not counted', target USING ERRCODE = 'CA002';
            END IF;
            IF NOT caseaudit_may_count(k.auditor_id) THEN
                RAISE EXCEPTION 'audit % is not yours to count', target USING ERRCODE = 'CA002';
            END IF;
            IF sign = -1 AND NOT EXISTS (SELECT 1 FROM audit WHERE amends = target) THEN
                RAISE EXCEPTION 'audit % is not amended, so it stays counted', target USING ERRCODE = 'CA002';
            END IF;
            BEGIN
                INSERT INTO rollup_ledger VALUES (target, sign);
            EXCEPTION WHEN unique_violation THEN
                RAISE EXCEPTION 'audit % is counted already', target USING ERRCODE = 'CA002';
            END;
            IF (grade->>'month', grade->>'checklistHash', grade->>'checklistID', grade->>'team', grade->>'caseType',
                    grade->>'auditorLevel', grade->>'judgement', grade->>'computedGrade',
                    (grade->>'inclusionProbability')::DOUBLE PRECISION, (grade->>'files')::INTEGER)
                IS DISTINCT FROM (k.month, k.checklist_hash, k.checklist_id, k.team, k.case_type, k.auditor_level,
                    k.judgement, k.computed_grade, k.inclusion_probability, sign) THEN
                RAISE EXCEPTION 'the grade cell is not audit %''s', target USING ERRCODE = 'CA002';
            END IF;
            -- One answer per outcome kept with the audit, in its group, counted as the outcome says.
            SELECT string_agg(coalesce(o.item_id, i.value->>'item'), ', ') INTO wrong
            FROM (SELECT * FROM audit_outcome WHERE audit_id = target) o
            FULL JOIN jsonb_array_elements(items) i ON i.value->>'item' = o.item_id
            WHERE o.item_id IS NULL OR i.value IS NULL
                OR (i.value->>'answered')::INTEGER <> sign
                OR (i.value->>'compliant')::INTEGER <> CASE WHEN o.compliant THEN sign ELSE 0 END;
            IF wrong IS NOT NULL OR jsonb_array_length(items) <> (SELECT count(*) FROM audit_outcome WHERE audit_id = target) THEN
                RAISE EXCEPTION 'the item cells are not audit %''s outcomes (%)', target, coalesce(wrong, 'repeated')
                    USING ERRCODE = 'CA002';
            END IF;
            INSERT INTO rollup_grade VALUES (k.month, k.checklist_hash, k.checklist_id, k.team, k.case_type,
                k.auditor_level, k.judgement, k.computed_grade, k.inclusion_probability, sign)
            ON CONFLICT (month, checklist_hash, team, case_type, auditor_level, judgement, computed_grade,
                inclusion_probability) DO UPDATE SET files = rollup_grade.files + EXCLUDED.files;
            INSERT INTO rollup_trend VALUES (k.month, k.checklist_hash, k.checklist_id, k.judgement, sign)
            ON CONFLICT (month, checklist_hash, judgement) DO UPDATE SET files = rollup_trend.files + EXCLUDED.files;
            -- In the item order the client sorted (one lock order for every submitter).
            INSERT INTO rollup_item
                SELECT k.month, k.checklist_hash, k.team, k.case_type, k.auditor_level, i.value->>'item',
                    (i.value->>'compliant')::INTEGER, (i.value->>'answered')::INTEGER
                FROM jsonb_array_elements(items) WITH ORDINALITY i ORDER BY i.ordinality
            ON CONFLICT (month, checklist_hash, team, case_type, auditor_level, item_id)
            DO UPDATE SET compliant = rollup_item.compliant + EXCLUDED.compliant,
                answered = rollup_item.answered + EXCLUDED.answered;
            INSERT INTO rollup_item_council
                SELECT k.month, k.checklist_hash, i.value->>'item', (i.value->>'compliant')::INTEGER,
                    (i.value->>'answered')::INTEGER
                FROM jsonb_array_elements(items) WITH ORDINALITY i ORDER BY i.ordinality
            ON CONFLICT (month, checklist_hash, item_id)
            DO UPDATE SET compliant = rollup_item_council.compliant + EXCLUDED.compliant,
                answered = rollup_item_council.answered + EXCLUDED.answered;
        END $f$;
        """

    /// A lease is live while it has not run out and its holder's connection is still there:
    /// a client killed, or a laptop shut, gives its audits up at once (the server ends the
    /// connection's backend), as the kernel releases the embedded store's locks.
    static let v5 = """
        ALTER TABLE audit_lease ADD COLUMN backend_pid INTEGER;
        CREATE FUNCTION caseaudit_lease_live(expires TIMESTAMPTZ, holder_pid INTEGER) RETURNS BOOLEAN
            LANGUAGE sql STABLE AS $f$
                SELECT expires > now() AND (holder_pid IS NULL
                    OR EXISTS (SELECT 1 FROM pg_stat_activity WHERE pid = holder_pid)) $f$;
        """

    static let v4 = """
        CREATE TABLE audit_lease (
            audit_id BIGINT PRIMARY KEY,
            holder TEXT NOT NULL,
            session TEXT NOT NULL,
            taken_at TIMESTAMPTZ NOT NULL,
            expires_at TIMESTAMPTZ NOT NULL
        );
        CREATE TABLE lease_break (
            id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            audit_id BIGINT NOT NULL REFERENCES audit(id),
            holder TEXT NOT NULL,
            taken_at TIMESTAMPTZ NOT NULL,
            broken_by TEXT NOT NULL,
            reason TEXT NOT NULL,
            at TIMESTAMPTZ NOT NULL DEFAULT now()
        );
        """

    static let v3 = """
        CREATE TABLE reallocation (
            id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            sample_id BIGINT NOT NULL,
            case_reference TEXT NOT NULL,
            from_auditor TEXT,
            to_auditor TEXT NOT NULL,
            by TEXT NOT NULL,
            reason TEXT NOT NULL,
            at TEXT NOT NULL,
            FOREIGN KEY (sample_id, case_reference) REFERENCES sample_case(sample_id, case_reference)
        );
        """

    static let v2 = """
        ALTER TABLE person ADD COLUMN login TEXT UNIQUE;
        ALTER TABLE audit ADD COLUMN keyed_by TEXT;
        """

    static let v1 = """
        CREATE TABLE person (
            id TEXT PRIMARY KEY,
            display_name TEXT NOT NULL,
            level TEXT NOT NULL CHECK (level IN ('SW','ATM','TM','SM','AD','DCS','IRO','QA')),
            team TEXT,
            reports_to TEXT REFERENCES person(id) DEFERRABLE INITIALLY DEFERRED,
            position INTEGER NOT NULL
        );
        CREATE TABLE team (
            name TEXT PRIMARY KEY,
            manager_id TEXT NOT NULL REFERENCES person(id) DEFERRABLE INITIALLY DEFERRED
        );
        CREATE TABLE org_import (
            id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            imported_at TEXT NOT NULL,
            source TEXT NOT NULL,
            people INTEGER NOT NULL,
            teams INTEGER NOT NULL
        );
        CREATE TABLE store_sequence (name TEXT PRIMARY KEY, value BIGINT NOT NULL);
        INSERT INTO store_sequence VALUES ('case_snapshot', 0), ('sample', 0);
        CREATE TABLE case_snapshot (
            id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            imported_at TEXT NOT NULL,
            source TEXT NOT NULL,
            format TEXT NOT NULL,
            case_count INTEGER NOT NULL,
            unallocated_count INTEGER NOT NULL,
            sequence BIGINT NOT NULL UNIQUE
        );
        -- A snapshot's cases in the order of the file: a draw is a function of that order.
        CREATE TABLE case_record (
            snapshot_id BIGINT NOT NULL REFERENCES case_snapshot(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            reference TEXT NOT NULL,
            case_type TEXT NOT NULL,
            team TEXT,
            worker TEXT,
            opened TEXT,
            last_visit TEXT,
            PRIMARY KEY (snapshot_id, position)
        );
        CREATE TABLE sample (
            id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            month TEXT NOT NULL,
            checklist_id TEXT NOT NULL,
            snapshot_id BIGINT NOT NULL REFERENCES case_snapshot(id),
            seed TEXT NOT NULL,
            parameters TEXT NOT NULL,
            algorithm TEXT NOT NULL,
            drawn_at TEXT NOT NULL,
            replaced_by BIGINT REFERENCES sample(id),
            sequence BIGINT NOT NULL UNIQUE
        );
        CREATE INDEX sample_month_checklist ON sample(month, checklist_id);
        CREATE TABLE sample_case (
            sample_id BIGINT NOT NULL REFERENCES sample(id) ON DELETE CASCADE,
            case_reference TEXT NOT NULL,
            stratum TEXT NOT NULL,
            inclusion_probability DOUBLE PRECISION NOT NULL,
            case_type TEXT NOT NULL,
            team TEXT,
            worker TEXT,
            auditor_id TEXT,
            unallocated_reason TEXT,
            PRIMARY KEY (sample_id, case_reference)
        );
        CREATE TABLE sample_tally (
            sample_id BIGINT NOT NULL REFERENCES sample(id) ON DELETE CASCADE,
            team TEXT NOT NULL,
            case_type TEXT NOT NULL,
            files INTEGER NOT NULL,
            PRIMARY KEY (sample_id, team, case_type)
        );
        CREATE TABLE pinned_checklist (
            hash TEXT PRIMARY KEY,
            checklist_id TEXT NOT NULL,
            version TEXT NOT NULL,
            xml BYTEA NOT NULL
        );
        CREATE TABLE audit (
            id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            sample_id BIGINT NOT NULL,
            case_reference TEXT NOT NULL,
            auditor_id TEXT NOT NULL,
            checklist_hash TEXT NOT NULL REFERENCES pinned_checklist(hash),
            started_at TEXT NOT NULL,
            submitted_at TEXT,
            judgement TEXT,
            judgement_reason TEXT,
            computed_grade TEXT,
            score DOUBLE PRECISION,
            version INTEGER NOT NULL DEFAULT 1,
            amends BIGINT REFERENCES audit(id),
            amended_by TEXT,
            amended_reason TEXT,
            auditor_level TEXT,
            FOREIGN KEY (sample_id, case_reference) REFERENCES sample_case(sample_id, case_reference)
        );
        CREATE INDEX audit_case ON audit(sample_id, case_reference);
        CREATE UNIQUE INDEX audit_amends ON audit(amends) WHERE amends IS NOT NULL;
        CREATE TABLE audit_answer (
            audit_id BIGINT NOT NULL REFERENCES audit(id) ON DELETE CASCADE,
            item_id TEXT NOT NULL,
            value TEXT NOT NULL,
            note TEXT,
            answered_at TEXT NOT NULL,
            position INTEGER NOT NULL,
            PRIMARY KEY (audit_id, item_id)
        );
        CREATE TABLE audit_action (
            id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            audit_id BIGINT NOT NULL REFERENCES audit(id) ON DELETE CASCADE,
            what TEXT NOT NULL,
            who TEXT NOT NULL,
            due TEXT NOT NULL,
            raised_at TEXT NOT NULL,
            done_at TEXT,
            action_key BIGINT
        );
        CREATE INDEX audit_action_audit ON audit_action(audit_id);
        CREATE INDEX audit_action_key ON audit_action(action_key);
        CREATE TABLE audit_outcome (
            audit_id BIGINT NOT NULL REFERENCES audit(id),
            item_id TEXT NOT NULL,
            compliant BOOLEAN NOT NULL,
            position INTEGER NOT NULL,
            PRIMARY KEY (audit_id, item_id)
        );
        CREATE TABLE rollup_grade (
            month TEXT NOT NULL,
            checklist_hash TEXT NOT NULL,
            checklist_id TEXT NOT NULL,
            team TEXT NOT NULL,
            case_type TEXT NOT NULL,
            auditor_level TEXT NOT NULL,
            judgement TEXT NOT NULL,
            computed_grade TEXT NOT NULL,
            inclusion_probability DOUBLE PRECISION NOT NULL,
            files INTEGER NOT NULL,
            PRIMARY KEY (month, checklist_hash, team, case_type, auditor_level, judgement, computed_grade,
                inclusion_probability)
        );
        CREATE TABLE rollup_trend (
            month TEXT NOT NULL,
            checklist_hash TEXT NOT NULL,
            checklist_id TEXT NOT NULL,
            judgement TEXT NOT NULL,
            files INTEGER NOT NULL,
            PRIMARY KEY (month, checklist_hash, judgement)
        );
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
        );
        CREATE TABLE rollup_item_council (
            month TEXT NOT NULL,
            checklist_hash TEXT NOT NULL,
            item_id TEXT NOT NULL,
            compliant INTEGER NOT NULL,
            answered INTEGER NOT NULL,
            PRIMARY KEY (month, checklist_hash, item_id)
        );

        -- A submitted audit is final: changes come as a new version.
        CREATE FUNCTION refuse_submitted() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'the audit is submitted: amend it instead' USING ERRCODE = 'CA001';
        END $$;
        CREATE FUNCTION audit_of(row_audit BIGINT) RETURNS TEXT LANGUAGE sql STABLE AS
            'SELECT submitted_at FROM audit WHERE id = row_audit';
        CREATE TRIGGER audit_submitted_is_final BEFORE UPDATE OR DELETE ON audit
            FOR EACH ROW WHEN (OLD.submitted_at IS NOT NULL) EXECUTE FUNCTION refuse_submitted();
        CREATE TRIGGER answer_insert_final BEFORE INSERT ON audit_answer
            FOR EACH ROW WHEN (audit_of(NEW.audit_id) IS NOT NULL) EXECUTE FUNCTION refuse_submitted();
        CREATE TRIGGER answer_change_final BEFORE UPDATE OR DELETE ON audit_answer
            FOR EACH ROW WHEN (audit_of(OLD.audit_id) IS NOT NULL) EXECUTE FUNCTION refuse_submitted();
        CREATE TRIGGER action_insert_final BEFORE INSERT ON audit_action
            FOR EACH ROW WHEN (audit_of(NEW.audit_id) IS NOT NULL) EXECUTE FUNCTION refuse_submitted();
        -- Marking an action done is the only change a submitted audit takes.
        CREATE TRIGGER action_update_final BEFORE UPDATE OF audit_id, what, who, due, raised_at, action_key ON audit_action
            FOR EACH ROW WHEN (audit_of(OLD.audit_id) IS NOT NULL) EXECUTE FUNCTION refuse_submitted();
        CREATE TRIGGER action_delete_final BEFORE DELETE ON audit_action
            FOR EACH ROW WHEN (audit_of(OLD.audit_id) IS NOT NULL) EXECUTE FUNCTION refuse_submitted();
        CREATE FUNCTION refuse_unsubmitted_outcome() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'outcomes are kept when an audit is submitted';
        END $$;
        CREATE TRIGGER outcome_insert_submitted BEFORE INSERT ON audit_outcome
            FOR EACH ROW WHEN (audit_of(NEW.audit_id) IS NULL) EXECUTE FUNCTION refuse_unsubmitted_outcome();
        CREATE TRIGGER outcome_change_final BEFORE UPDATE OR DELETE ON audit_outcome
            FOR EACH ROW EXECUTE FUNCTION refuse_submitted();
        """
}
