import CaseAudit
import Foundation

/// Rights enforced by the server itself: three group roles, and row-level security on every
/// table, with policies that compare rows with `session_user` (which `SET ROLE` cannot
/// change) through the org chart's logins. The role that runs `server init` owns the schema
/// and is not anyone in the chart.
enum ServerRights {
    /// The policies and grants for `database`'s groups, re-runnable: everything is dropped and
    /// made again.
    static func script(database: String) -> String {
        (template + ServerTrail.rights(lead: "caseaudit_lead", senior: "caseaudit_senior", auditor: "caseaudit_auditor"))
            .replacingOccurrences(of: "caseaudit_lead", with: RightsGroup.qualityLead.role(in: database))
            .replacingOccurrences(of: "caseaudit_senior", with: RightsGroup.seniorManager.role(in: database))
            .replacingOccurrences(of: "caseaudit_auditor", with: RightsGroup.auditor.role(in: database))
    }

    /// The questions v21's rights ask, with the schema owner's rights, as the policies' other
    /// questions are; made by migration v21 and again with the rights.
    /// `caseaudit_moderation_of_mine`: whether the audit `target` is a moderator's scoring of
    /// the session's own audit whose outcome is recorded (the moderation's feedback to its
    /// auditor, and what a challenge answers; blind until then).
    /// `caseaudit_calibrated_with_me`: whether it is a scoring in a calibration exercise of a
    /// file the session has submitted its own scoring of (the group's, blind until then).
    static let v21Questions = """
        CREATE OR REPLACE FUNCTION caseaudit_moderation_of_mine(target BIGINT) RETURNS BOOLEAN LANGUAGE sql
            STABLE SECURITY DEFINER SET search_path = public AS $f$
                SELECT EXISTS (SELECT 1 FROM audit m JOIN moderation_file f ON f.audit_id = m.moderates
                    WHERE m.id = target AND m.calibration IS NULL AND m.auditor_id = f.moderator_id
                        AND f.decided_at IS NOT NULL
                        AND f.auditor_id = (SELECT id FROM person WHERE login = session_user)) $f$;
        CREATE OR REPLACE FUNCTION caseaudit_calibrated_with_me(target BIGINT) RETURNS BOOLEAN LANGUAGE sql
            STABLE SECURITY DEFINER SET search_path = public AS $f$
                SELECT EXISTS (SELECT 1 FROM audit t JOIN audit mine
                    ON mine.calibration = t.calibration AND mine.moderates = t.moderates
                    WHERE t.id = target AND t.calibration IS NOT NULL AND mine.submitted_at IS NOT NULL
                        AND mine.auditor_id = (SELECT id FROM person WHERE login = session_user)) $f$;

        """

    /// The script as for a database called caseaudit.
    private static let template = """
        DO $$ BEGIN
            IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'caseaudit_lead') THEN CREATE ROLE caseaudit_lead NOLOGIN; END IF;
            IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'caseaudit_senior') THEN CREATE ROLE caseaudit_senior NOLOGIN; END IF;
            IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'caseaudit_auditor') THEN CREATE ROLE caseaudit_auditor NOLOGIN; END IF;
        END $$;
        REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC;
        GRANT USAGE ON SCHEMA public TO caseaudit_lead, caseaudit_senior, caseaudit_auditor;
        GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO caseaudit_lead, caseaudit_senior, caseaudit_auditor;
        GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO caseaudit_lead, caseaudit_senior, caseaudit_auditor;
        -- A quality lead's import copies straight into the list's own table (v18), which the
        -- schema's owner makes: routing each row through case_record cost the server 5–8 %
        -- of the copy. Once the list is kept, its trigger refuses any row, so the right to
        -- insert lasts only while the import's transaction is open. No one reads these tables
        -- by name.
        -- (A database before v18 has no such schema.)
        DO $$ BEGIN
            IF EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'case_lists') THEN
                GRANT USAGE ON SCHEMA case_lists TO caseaudit_lead;
                ALTER DEFAULT PRIVILEGES IN SCHEMA case_lists GRANT INSERT ON TABLES TO caseaudit_lead;
            END IF;
        END $$;

        -- The role a function runs as (its owner), for the policies that let it write; nobody
        -- when there is no such function yet.
        CREATE OR REPLACE FUNCTION caseaudit_function_owner(name TEXT) RETURNS TEXT LANGUAGE sql STABLE
            SET search_path = public AS 'SELECT pg_get_userbyid(proowner)::text FROM pg_proc WHERE oid = to_regproc(name)';
        -- Who the session is, in the org chart; whether it leads; the teams in its line.
        CREATE OR REPLACE FUNCTION caseaudit_me() RETURNS TEXT LANGUAGE sql STABLE SECURITY DEFINER
            SET search_path = public AS 'SELECT id FROM person WHERE login = session_user';
        CREATE OR REPLACE FUNCTION caseaudit_is_lead() RETURNS BOOLEAN LANGUAGE sql STABLE SECURITY DEFINER
            SET search_path = public AS $f$
                SELECT pg_has_role(session_user, 'caseaudit_lead', 'MEMBER')
                    OR EXISTS (SELECT 1 FROM pg_roles WHERE rolname = session_user AND rolsuper)
                    OR session_user = (SELECT tableowner FROM pg_tables WHERE schemaname = 'public' AND tablename = 'person') $f$;
        CREATE OR REPLACE FUNCTION caseaudit_line_teams() RETURNS SETOF TEXT LANGUAGE sql STABLE SECURITY DEFINER
            SET search_path = public AS $f$
                WITH RECURSIVE line(id) AS (
                    SELECT id FROM person WHERE login = session_user
                        AND level IN ('SM', 'AD', 'DCS')
                    UNION SELECT p.id FROM person p JOIN line ON p.reports_to = line.id)
                SELECT t.name FROM team t JOIN line ON t.manager_id = line.id $f$;
        CREATE OR REPLACE FUNCTION caseaudit_my_file(file_sample BIGINT, file_case TEXT) RETURNS BOOLEAN LANGUAGE sql
            STABLE SECURITY DEFINER SET search_path = public AS $f$
                SELECT EXISTS (SELECT 1 FROM sample_case c WHERE c.sample_id = file_sample
                    AND c.case_reference = file_case AND c.auditor_id = (SELECT id FROM person WHERE login = session_user)) $f$;
        -- A moderator's: the first audit `original` is given to the session to moderate.
        CREATE OR REPLACE FUNCTION caseaudit_my_moderation(original BIGINT) RETURNS BOOLEAN LANGUAGE sql
            STABLE SECURITY DEFINER SET search_path = public AS $f$
                SELECT EXISTS (SELECT 1 FROM moderation_file m WHERE m.audit_id = original
                    AND m.moderator_id = (SELECT id FROM person WHERE login = session_user)) $f$;
        -- A calibration exercise's: the session takes part in `exercise`, which holds the file `original`.
        CREATE OR REPLACE FUNCTION caseaudit_my_calibration(exercise_name TEXT, original BIGINT) RETURNS BOOLEAN
            LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $f$
                SELECT EXISTS (SELECT 1 FROM calibration_participant p JOIN calibration_file f ON f.exercise = p.exercise
                    WHERE p.exercise = exercise_name AND f.audit_id = original
                        AND p.person = (SELECT id FROM person WHERE login = session_user)) $f$;
        -- The first audit, once the session's own moderation of it is submitted (blind until then).
        CREATE OR REPLACE FUNCTION caseaudit_moderated_by_me(target BIGINT) RETURNS BOOLEAN LANGUAGE sql
            STABLE SECURITY DEFINER SET search_path = public AS $f$
                SELECT EXISTS (SELECT 1 FROM moderation_file f WHERE f.audit_id = target AND f.scored_at IS NOT NULL
                    AND f.moderator_id = (SELECT id FROM person WHERE login = session_user)) $f$;
        CREATE OR REPLACE FUNCTION caseaudit_my_audit(target BIGINT) RETURNS BOOLEAN LANGUAGE sql STABLE SECURITY DEFINER
            SET search_path = public AS $f$
                SELECT EXISTS (SELECT 1 FROM audit a WHERE a.id = target
                    AND a.auditor_id = (SELECT id FROM person WHERE login = session_user)
                    AND ((a.moderates IS NULL AND EXISTS (SELECT 1 FROM sample_case c WHERE c.sample_id = a.sample_id
                        AND c.case_reference = a.case_reference AND c.auditor_id = a.auditor_id))
                    OR (a.moderates IS NOT NULL AND a.calibration IS NULL AND EXISTS (SELECT 1 FROM moderation_file m
                        WHERE m.audit_id = a.moderates AND m.moderator_id = a.auditor_id))
                    OR (a.calibration IS NOT NULL AND EXISTS (SELECT 1 FROM calibration_participant p
                        WHERE p.exercise = a.calibration AND p.person = a.auditor_id)))) $f$;
        \(v21Questions)CREATE OR REPLACE FUNCTION caseaudit_sees_audit(target BIGINT) RETURNS BOOLEAN LANGUAGE sql STABLE SECURITY DEFINER
            SET search_path = public AS $f$
                SELECT EXISTS (SELECT 1 FROM audit a JOIN sample_case c
                    ON c.sample_id = a.sample_id AND c.case_reference = a.case_reference
                    WHERE a.id = target AND (a.auditor_id = (SELECT id FROM person WHERE login = session_user)
                        OR (a.moderates IS NULL AND c.team IN (SELECT caseaudit_line_teams()))))
                    OR caseaudit_moderated_by_me(target) OR caseaudit_moderation_of_mine(target)
                    OR caseaudit_calibrated_with_me(target) $f$;

        DO $$ DECLARE t TEXT; p RECORD; BEGIN
            -- Every table but a case list's rows (below).
            FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'case_record' LOOP
                EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
                EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
                FOR p IN SELECT policyname FROM pg_policies WHERE schemaname = 'public' AND tablename = t LOOP
                    EXECUTE format('DROP POLICY %I ON %I', p.policyname, t);
                END LOOP;
                -- A quality lead does everything; the policies below say what the others may.
                -- Who the session is and whether it leads are asked once a statement, as
                -- (SELECT …): called in the policy itself, they were asked for every row, and a
                -- quality lead's import of a million cases spent 18 s asking.
                EXECUTE format('CREATE POLICY lead ON %I USING ((SELECT caseaudit_is_lead())) WITH CHECK ((SELECT caseaudit_is_lead()))', t);
            END LOOP;
        END $$;
        -- A case list's rows are a quality lead's alone, said by the table's rights instead of a
        -- policy: PostgreSQL refuses COPY into a table under row-level security, and going
        -- through a table of the lead's own cost a lead's import of a million cases 1.2 s more.
        -- (A database whose rights were set before v16 had a policy on it.)
        ALTER TABLE case_record NO FORCE ROW LEVEL SECURITY;
        ALTER TABLE case_record DISABLE ROW LEVEL SECURITY;
        DROP POLICY IF EXISTS lead ON case_record;
        REVOKE ALL ON case_record FROM caseaudit_senior, caseaudit_auditor;
        -- Everyone reads the org chart, the samples' headers, the checklists and the schema.
        CREATE POLICY everyone_reads ON person FOR SELECT USING (true);
        CREATE POLICY everyone_reads ON team FOR SELECT USING (true);
        CREATE POLICY everyone_reads ON sample FOR SELECT USING (true);
        CREATE POLICY everyone_reads ON pinned_checklist FOR SELECT USING (true);
        CREATE POLICY everyone_pins ON pinned_checklist FOR INSERT WITH CHECK (true);
        CREATE POLICY everyone_reads ON schema_migration FOR SELECT USING (true);
        -- Files: an auditor sees theirs, a senior manager their line's; only a lead changes them
        -- (an auditor may lock their own row while submitting, never change it).
        CREATE POLICY mine ON sample_case FOR SELECT
            USING (auditor_id = (SELECT caseaudit_me()) OR team IN (SELECT caseaudit_line_teams()));
        CREATE POLICY lock_mine ON sample_case FOR UPDATE USING (auditor_id = (SELECT caseaudit_me())) WITH CHECK (false);
        -- Audits: an auditor's own, of files allocated to them; a senior manager reads their line's.
        -- On the row's own columns (a function's snapshot would not see a row being inserted).
        -- A moderator's second scoring: theirs, of a file given to them; the first audit only once
        -- their own is submitted. A senior manager's line does not take in the moderations of it.
        -- The file's auditor reads its moderation once the outcome is recorded; a calibration
        -- exercise's participant reads the others' scorings of a file once theirs is submitted.
        CREATE POLICY sees ON audit FOR SELECT USING (auditor_id = (SELECT caseaudit_me()) OR (moderates IS NULL AND EXISTS (
            SELECT 1 FROM sample_case c WHERE c.sample_id = audit.sample_id AND c.case_reference = audit.case_reference
                AND c.team IN (SELECT caseaudit_line_teams()))) OR caseaudit_moderated_by_me(id)
            OR (moderates IS NOT NULL AND calibration IS NULL AND caseaudit_moderation_of_mine(id))
            OR (calibration IS NOT NULL AND caseaudit_calibrated_with_me(id)));
        CREATE POLICY starts ON audit FOR INSERT
            WITH CHECK (auditor_id = (SELECT caseaudit_me()) AND ((moderates IS NULL AND caseaudit_my_file(sample_id, case_reference))
                OR (moderates IS NOT NULL AND calibration IS NULL AND caseaudit_my_moderation(moderates))
                OR (calibration IS NOT NULL AND caseaudit_my_calibration(calibration, moderates))));
        CREATE POLICY scores ON audit FOR UPDATE USING (caseaudit_my_audit(id))
            WITH CHECK (auditor_id = (SELECT caseaudit_me()) AND ((moderates IS NULL AND caseaudit_my_file(sample_id, case_reference))
                OR (moderates IS NOT NULL AND calibration IS NULL AND caseaudit_my_moderation(moderates))
                OR (calibration IS NOT NULL AND caseaudit_my_calibration(calibration, moderates))));
        CREATE POLICY sees ON audit_answer FOR SELECT USING (caseaudit_sees_audit(audit_id));
        CREATE POLICY answers ON audit_answer FOR INSERT WITH CHECK (caseaudit_my_audit(audit_id));
        CREATE POLICY changes ON audit_answer FOR UPDATE USING (caseaudit_my_audit(audit_id))
            WITH CHECK (caseaudit_my_audit(audit_id));
        CREATE POLICY sees ON audit_action FOR SELECT USING (caseaudit_sees_audit(audit_id));
        CREATE POLICY raises ON audit_action FOR INSERT WITH CHECK (caseaudit_my_audit(audit_id));
        CREATE POLICY keys ON audit_action FOR UPDATE USING (caseaudit_my_audit(audit_id))
            WITH CHECK (caseaudit_my_audit(audit_id));
        CREATE POLICY sees ON audit_outcome FOR SELECT USING (caseaudit_sees_audit(audit_id));
        CREATE POLICY submits ON audit_outcome FOR INSERT WITH CHECK (caseaudit_my_audit(audit_id));
        -- Moderation: a draw's own row (why each file was chosen) is a lead's alone; a moderator
        -- sees the files allocated to them, an auditor which of theirs are moderated, a senior
        -- manager their line's.
        CREATE POLICY sees ON moderation_file FOR SELECT USING (moderator_id = (SELECT caseaudit_me())
            OR auditor_id = (SELECT caseaudit_me()) OR team IN (SELECT caseaudit_line_teams()));
        -- The moderator records the outcome (the database lets it be written once, and nothing else change).
        CREATE POLICY decides ON moderation_file FOR UPDATE USING (moderator_id = (SELECT caseaudit_me()))
            WITH CHECK (moderator_id = (SELECT caseaudit_me()));
        -- Calibration: everyone who audits reads the exercises and who takes part (never the
        -- others' scorings, which are audits of their own); a lead makes them.
        CREATE POLICY everyone_reads ON calibration_exercise FOR SELECT USING (true);
        CREATE POLICY everyone_reads ON calibration_file FOR SELECT USING (true);
        CREATE POLICY everyone_reads ON calibration_participant FOR SELECT USING (true);
        -- Challenges: seen with the file; raised by its auditor once the outcome is recorded;
        -- decided by an assistant director (or a lead), who is not the one who raised it.
        CREATE POLICY sees ON moderation_challenge FOR SELECT
            USING (EXISTS (SELECT 1 FROM moderation_file f WHERE f.audit_id = moderation_challenge.audit_id));
        CREATE POLICY raises ON moderation_challenge FOR INSERT WITH CHECK (raised_by = (SELECT caseaudit_me()) AND EXISTS (
            SELECT 1 FROM moderation_file f WHERE f.audit_id = moderation_challenge.audit_id
                AND f.auditor_id = (SELECT caseaudit_me()) AND f.outcome IS NOT NULL));
        CREATE POLICY decides ON moderation_challenge FOR UPDATE
            USING (EXISTS (SELECT 1 FROM person p WHERE p.login = session_user AND p.level = 'AD'))
            WITH CHECK (decided_by = (SELECT caseaudit_me()));
        -- Leases: everyone sees who holds what; a session takes, renews and gives up its own, or
        -- takes one that has run out or whose holder's connection has gone.
        CREATE POLICY everyone_reads ON audit_lease FOR SELECT USING (true);
        CREATE POLICY takes ON audit_lease FOR INSERT WITH CHECK (holder = session_user AND caseaudit_my_audit(audit_id));
        CREATE POLICY renews ON audit_lease FOR UPDATE
            USING (holder = session_user OR NOT caseaudit_lease_live(expires_at, backend_pid))
            WITH CHECK (holder = session_user);
        CREATE POLICY gives_up ON audit_lease FOR DELETE USING (holder = session_user);
        -- The roll-ups: the council's figures, which the reports are made of, read by senior
        -- managers (and leads), not by auditors (v20); changed only through caseaudit_count,
        -- which runs as the schema's owner and checks a submission's cells against its audit's rows.
        CREATE OR REPLACE FUNCTION caseaudit_may_count(auditor TEXT) RETURNS BOOLEAN LANGUAGE sql STABLE
            SECURITY DEFINER SET search_path = public AS 'SELECT caseaudit_is_lead() OR auditor = caseaudit_me()';
        DO $$ DECLARE t TEXT; BEGIN
            FOREACH t IN ARRAY ARRAY['rollup_grade', 'rollup_trend', 'rollup_item', 'rollup_item_council'] LOOP
                EXECUTE format('CREATE POLICY reports_read ON %I FOR SELECT USING (pg_has_role(session_user, %L, ''MEMBER''))',
                    t, 'caseaudit_senior');
            END LOOP;
            -- The function's own role, whoever runs this script (the owner, or a superuser for
            -- them): a policy naming the script's runner would refuse the function's writes.
            FOREACH t IN ARRAY ARRAY['rollup_grade', 'rollup_trend', 'rollup_item', 'rollup_item_council', 'rollup_ledger'] LOOP
                EXECUTE format('CREATE POLICY counted ON %I USING (current_user = %L) WITH CHECK (current_user = %L)',
                    t, caseaudit_function_owner('caseaudit_count'), caseaudit_function_owner('caseaudit_count'));
            END LOOP;
        END $$;
        CREATE POLICY reads ON sample_tally FOR SELECT USING (pg_has_role(session_user, 'caseaudit_senior', 'MEMBER'));
        -- A report's actions are counted for the whole council by the owner's rights, for those
        -- who read reports; the owner reads the files' teams to count them by team.
        -- (A database before v20 has no such function.)
        DO $$ BEGIN
            IF to_regproc('caseaudit_report_actions') IS NOT NULL THEN
                GRANT EXECUTE ON FUNCTION caseaudit_report_actions(TEXT, TEXT) TO caseaudit_lead, caseaudit_senior;
            END IF;
            EXECUTE format('CREATE POLICY owner_reads ON sample_case FOR SELECT USING (current_user = %L)',
                caseaudit_function_owner('caseaudit_report_actions'));
        END $$;
        -- A moderation's changed grade is applied by caseaudit_apply_moderation, which runs as the
        -- schema's owner and checks the outcome is the session's and changed: the owner writes the
        -- first audit's next version there, whoever the session is.
        DO $$ DECLARE t TEXT; BEGIN
            FOREACH t IN ARRAY ARRAY['audit', 'audit_answer', 'audit_action', 'audit_outcome'] LOOP
                EXECUTE format('CREATE POLICY applied ON %I USING (current_user = %L) WITH CHECK (current_user = %L)',
                    t, caseaudit_function_owner('caseaudit_apply_moderation'),
                    caseaudit_function_owner('caseaudit_apply_moderation'));
            END LOOP;
        END $$;
        """
}

extension PostgreSQLStore: RightsAdministration {
    public func initialiseRights() throws(StoreError) -> [String] {
        try requireAdministrator()
        return try write {
            let database = try databaseName()
            try run(ServerRights.script(database: database))
            let groups = RightsGroup.allCases.map { $0.role(in: database) }
            return [
                "made the groups \(groups[0]), \(groups[1]) and \(groups[2]) of database \(database) (if they were missing)",
                "turned on row-level security on every table, with the policies for each group",
            ]
        }
    }

    /// The rights and the logins are the schema owner's to set (or a superuser's): anyone
    /// else, a quality lead included, is told so before anything is tried.
    private func requireAdministrator() throws(StoreError) {
        let identity = try sessionIdentity()
        guard identity.administers else { throw .ownersOnly(login: identity.login) }
    }

    private func databaseName() throws -> String {
        guard let name = try run("SELECT current_database() AS name").first?.text("name") else {
            throw StoreError.failed(reason: "the server does not say which database this is")
        }
        return name
    }

    public func grantRights(to chart: OrgChart) throws(StoreError) -> [String] {
        try requireAdministrator()
        return try write {
            let database = try databaseName()
            var changes: [String] = []
            var wanted: [String: RightsGroup] = [:]
            for person in chart.people {
                guard let login = person.login, let group = RightsGroup(person.level) else { continue }
                wanted[login] = group
                let quoted = Self.quoted(login)
                if try run("SELECT 1 FROM pg_roles WHERE rolname = $1", [login]).rows.isEmpty {
                    try run("CREATE ROLE \(quoted) LOGIN")
                    changes.append("made the login \(login) (\(person.id)); give it a password or a certificate")
                }
                for other in RightsGroup.allCases {
                    let member =
                        try run(
                            "SELECT pg_has_role($1, $2, 'MEMBER') AS member", [login, other.role(in: database)]
                        ).first?.bool("member") == true
                    if other == group && !member {
                        try run("GRANT \(other.role(in: database)) TO \(quoted)")
                        try appendTrail(
                            .rights(granted: true, login: login, person: person.id, group: other.role(in: database)))
                        changes.append(
                            "put \(login) (\(person.id), \(person.level.rawValue)) in \(other.role(in: database))")
                    } else if other != group && member {
                        try run("REVOKE \(other.role(in: database)) FROM \(quoted)")
                        try appendTrail(
                            .rights(granted: false, login: login, person: person.id, group: other.role(in: database)))
                        changes.append("took \(login) out of \(other.role(in: database))")
                    }
                }
            }
            // Leavers: members of a group with no person of that login any more.
            for group in RightsGroup.allCases {
                let members = try run(
                    """
                    SELECT m.rolname FROM pg_auth_members a JOIN pg_roles g ON g.oid = a.roleid
                    JOIN pg_roles m ON m.oid = a.member WHERE g.rolname = $1 ORDER BY m.rolname
                    """, [group.role(in: database)]
                ).rows.compactMap { $0[0] }
                for login in members where wanted[login] == nil {
                    try run("REVOKE \(group.role(in: database)) FROM \(Self.quoted(login))")
                    try appendTrail(.rights(granted: false, login: login, person: nil, group: group.role(in: database)))
                    changes.append(
                        "took \(login) out of \(group.role(in: database)): nobody in the org chart has that login")
                }
            }
            return changes
        }
    }

    private static func quoted(_ identifier: String) -> String {
        "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
