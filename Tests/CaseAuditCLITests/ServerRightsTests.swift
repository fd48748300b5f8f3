import CaseAudit
import CaseAuditStore
import CaseAuditTestSupport
import Foundation
import Testing

/// Rights enforced by the server itself, proved against a real PostgreSQL: each person signs in
/// with their own login, and row-level security on `session_user` decides what they see and
/// write, through caseaudit and through `psql` alike.
@Suite struct ServerRightsTests {
    /// A council on a fresh server database: the owner imports the chart (everyone's login is
    /// their id with `prefix`), sets the rights and grants them; the quality lead imports the
    /// case list and draws December's sample.
    struct Council {
        let folder: TemporaryDirectory
        let server: PostgresServer
        let owner: String
        let prefix: String
        let chart: String
        let initialised: CommandResult
        let granted: CommandResult

        init() throws {
            folder = try TemporaryDirectory()
            server = try PostgresServer.shared()
            owner = try PostgresServer.freshDatabase()
            prefix = "r\(UInt32.random(in: 0...UInt32.max))_"
            chart = try IdentityTests.chartWithLogins(qualityLead: "\(prefix)qa_lead", prefix: prefix, in: folder)
            let charted = CommandRunner.run(["org", "import", chart], on: owner)
            #expect(charted.status == 0, "\(charted.errors)")
            // On a server, the import says who brings the logins into line, and how.
            #expect(
                charted.output.contains("Next, as the schema's owner: caseaudit server grant"), "\(charted.output)")
            initialised = CommandRunner.run(["server", "init"], on: owner)
            #expect(initialised.status == 0, "\(initialised.errors)")
            granted = CommandRunner.run(["server", "grant"], on: owner)
            #expect(granted.status == 0, "\(granted.errors)")
            let lead = login("qa_lead")
            let imported = CommandRunner.run(
                ["cases", "import", "\(Fixtures.packageRoot)/Samples/cases.csv"], on: lead)
            #expect(imported.status == 0, "\(imported.errors)")
            let drawn = CommandRunner.run(
                [
                    "sample", "draw", "--month", "2026-12", "--checklist", "climbie-compliance", "--per-team", "2",
                    "--seed", "9",
                ],
                on: lead)
            #expect(drawn.status == 0, "\(drawn.errors)")
        }

        func login(_ person: String) -> String {
            owner.replacingOccurrences(of: "user=\(server.admin)", with: "user=\(prefix)\(person)")
        }

        /// The files `audit list` shows the quality lead.
        func leadsFiles() throws -> [[String: Any]] {
            try #require(
                try JSONSerialization.jsonObject(
                    with: Data(
                        CommandRunner.run(["audit", "list", "--format", "json"], on: login("qa_lead")).output.utf8))
                    as? [[String: Any]])
        }
    }

    @Test func eachPersonSeesAndWritesOnlyWhatIsTheirs() throws {
        let council = try Council()
        let (folder, owner, prefix, chart) = (council.folder, council.owner, council.prefix, council.chart)
        func login(_ person: String) -> String { council.login(person) }
        func run(_ arguments: [String], as conninfo: String) -> CommandResult {
            CommandRunner.run(arguments, on: conninfo)
        }
        func json(_ result: CommandResult) throws -> [[String: Any]] {
            try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]])
        }
        let (initialised, granted) = (council.initialised, council.granted)
        // The groups are this database's own, named after it.
        let database = try #require(owner.split(separator: " ").first { $0.hasPrefix("dbname=") }?.dropFirst(7))
        #expect(
            initialised.output.contains("made the groups \(database)_lead, \(database)_senior and \(database)_auditor"))
        #expect(granted.output.contains("put \(prefix)qa_lead (qa-tests, QA) in \(database)_lead"))
        #expect(
            run(["server", "grant"], as: owner).output == "Every login is as the org chart says: nothing changed.\n")

        // A quality lead (not the owner, not a superuser) imported and drew; the rights and the
        // logins are the owner's to set, and the lead is told so.
        let lead = login("qa_lead")
        for command in ["init", "grant"] {
            let refused = run(["server", command], as: lead)
            #expect(refused.status == 1)
            #expect(
                refused.errors.contains(
                    "only the schema's owner (or a superuser) may do this, and the database knows you as '\(prefix)qa_lead'; nothing was written"
                ), "\(refused.errors)")
        }
        let files = try json(run(["audit", "list", "--format", "json"], as: lead))
        #expect(files.count > 10)
        let org = try #require(
            try JSONSerialization.jsonObject(
                with: Data(run(["org", "show", "--format", "json"], as: lead).output.utf8))
                as? [String: Any])
        let people = try #require(org["people"] as? [[String: Any]])
        let teams = try #require(org["teams"] as? [[String: Any]])
        func serviceManager(of team: String?) -> String? {
            let manager = teams.first { $0["name"] as? String == team }?["managerID"] as? String
            return people.first { $0["id"] as? String == manager }?["reportsTo"] as? String
        }
        // A team manager's file (a senior manager would see their line's files besides their own).
        let level = Dictionary(
            people.compactMap { p in (p["id"] as? String).map { ($0, p["level"] as? String ?? "") } },
            uniquingKeysWith: { a, _ in a })
        let first = try #require(
            files.first { $0["team"] is String && level[$0["auditorID"] as? String ?? ""] == "TM" })
        let auditor = try #require(first["auditorID"] as? String)
        let mine = files.filter { $0["auditorID"] as? String == auditor }
        let theirs = try #require(files.first { $0["auditorID"] as? String != auditor })
        let other = try #require(theirs["auditorID"] as? String)

        // The auditor sees only the files allocated to them, in caseaudit and in psql.
        let asAuditor = login(auditor)
        #expect(try json(run(["audit", "list", "--format", "json"], as: asAuditor)).count == mine.count)
        #expect(try PostgresServer.query("SELECT count(*) FROM sample_case", in: asAuditor) == String(mine.count))
        let refusedDraw = run(
            [
                "sample", "draw", "--month", "2027-01", "--checklist", "climbie-compliance", "--per-team", "1",
                "--seed", "1",
            ],
            as: asAuditor)
        #expect(refusedDraw.status == 1)
        // A case list's rows are a lead's alone (the table's rights, since v16): an auditor
        // can neither read them, through the lists' table or the list's own (v18), nor add to
        // them with psql, nor import a list.
        #expect(throws: PostgresServerError.self) {
            try PostgresServer.query("SELECT count(*) FROM case_record", in: asAuditor)
        }
        // What the server says to `sql` run as `conninfo`; "kept" when it runs.
        func refusal(_ sql: String, as conninfo: String) -> String {
            do {
                try PostgresServer.execute(sql, in: conninfo)
                return "kept"
            } catch {
                return String(describing: error)
            }
        }
        let aCase = "(snapshot_id, position, reference, case_type) VALUES (1, 999999, 'X', 'CIN')"
        #expect(
            refusal("SELECT count(*) FROM case_lists.list_1", as: asAuditor)
                .contains("permission denied for schema case_lists"))
        #expect(throws: PostgresServerError.self) {
            try PostgresServer.execute("INSERT INTO case_record \(aCase)", in: asAuditor)
        }
        // The lead imported it; once kept, it takes no more rows from the lead either.
        #expect(refusal("INSERT INTO case_record \(aCase)", as: lead).contains("case list 1 is kept"))
        // The lead's import copied straight into the list's own table, which it may insert
        // into (and nothing else), and which refuses it once kept.
        #expect(
            try PostgresServer.query(
                "SELECT has_table_privilege('case_lists.list_1', 'INSERT'), has_table_privilege('case_lists.list_1', 'SELECT')",
                in: lead) == "t|f")
        #expect(refusal("INSERT INTO case_lists.list_1 \(aCase)", as: lead).contains("case list 1 is kept"))
        let refusedImport = run(["cases", "import", "\(Fixtures.packageRoot)/Samples/cases.csv"], as: asAuditor)
        #expect(refusedImport.status == 1)
        #expect(
            refusedImport.errors.contains("only a quality lead may do this, and the database knows you as"),
            "\(refusedImport.errors)")
        #expect(refusedDraw.errors.contains("only a quality lead may do this"), "\(refusedDraw.errors)")
        let refusedMove = run(["server", "import", try ServerImportTests.demoCopy(in: folder)], as: asAuditor)
        #expect(refusedMove.status == 1)
        #expect(
            refusedMove.errors.contains(
                "only a quality lead may do this, and the database knows you as '\(prefix)\(auditor)', who is not one"),
            "\(refusedMove.errors)")

        // They score their own file; the lead keys another's for them.
        let sheet = try AnswerSheets.best(in: folder)
        let reference = try #require(first["caseReference"] as? String)
        let own = run(["audit", "score", reference, "--answers", sheet, "--submit"], as: asAuditor)
        #expect(own.status == 0, "\(own.errors)")
        let otherReference = try #require(theirs["caseReference"] as? String)
        // Another's file is not theirs, and that is all they are told (they cannot see whose it is).
        let notTheirs = run(["audit", "score", otherReference, "--answers", sheet], as: asAuditor)
        #expect(notTheirs.status == 1)
        #expect(
            notTheirs.errors.contains("case '\(otherReference)' is not allocated to you (\(auditor)) in any sample"),
            "\(notTheirs.errors)")
        #expect(
            run(["audit", "score", otherReference, "--on-behalf-of", other, "--answers", sheet], as: lead).status == 0)
        let audits = try PostgresServer.query("SELECT id || ':' || auditor_id FROM audit ORDER BY id", in: owner)
            .split(separator: "\n").map { $0.split(separator: ":").map(String.init) }
        #expect(audits.count == 2)
        let otherAudit = try #require(audits.first { $0.last == other }?.first)
        let ownAudit = try #require(audits.first { $0.last == auditor }?.first)

        // Not even psql writes an answer to another's file, or an audit in another's name.
        #expect(try PostgresServer.query("SELECT count(*) FROM audit", in: asAuditor) == "1")
        let foreignAnswer = #expect(throws: PostgresServerError.self) {
            try PostgresServer.execute(
                "INSERT INTO audit_answer VALUES (\(otherAudit), 'x', 'yes', NULL, 'now', 99)", in: asAuditor)
        }
        #expect(foreignAnswer?.description.contains("row-level security") == true)
        let hash = try PostgresServer.query("SELECT checklist_hash FROM audit WHERE id = \(ownAudit)", in: owner)
        let inTheirName = #expect(throws: PostgresServerError.self) {
            try PostgresServer.execute(
                """
                INSERT INTO audit (sample_id, case_reference, auditor_id, checklist_hash, started_at)
                VALUES (1, '\(reference)', '\(other)', '\(hash)', 'now')
                """, in: asAuditor)
        }
        #expect(inTheirName?.description.contains("row-level security") == true)
        let theirFile = #expect(throws: PostgresServerError.self) {
            try PostgresServer.execute(
                """
                INSERT INTO audit (sample_id, case_reference, auditor_id, checklist_hash, started_at)
                VALUES (1, '\(otherReference)', '\(auditor)', '\(hash)', 'now')
                """, in: asAuditor)
        }
        #expect(theirFile?.description.contains("row-level security") == true)
        // Nor sees another's audit, and is told it is none that they may see.
        for command in ["show", "history"] {
            let hidden = run(["audit", command, otherAudit], as: asAuditor)
            #expect(hidden.status == 1)
            #expect(
                hidden.errors.contains("there is no audit \(otherAudit) that you may see (your own)"),
                "\(hidden.errors)")
        }

        // Nor changes the quality roll-ups the reports are made of: not directly, not with a
        // made-up cell through the server's check, and not by counting their own audit again.
        let cells = try PostgresServer.query("SELECT sum(files) FROM rollup_grade", in: owner)
        #expect(cells == "1")
        // An UPDATE finds no row it may change (row-level security hides them from it); an
        // INSERT is refused outright.
        _ = try? PostgresServer.execute("UPDATE rollup_grade SET files = files + 100", in: asAuditor)
        let inserted = #expect(throws: PostgresServerError.self) {
            try PostgresServer.execute(
                "INSERT INTO rollup_trend VALUES ('2026-12', 'x', 'climbie-compliance', 'outstanding', 100)",
                in: asAuditor)
        }
        #expect(inserted?.description.contains("row-level security") == true)
        let forged = #expect(throws: PostgresServerError.self) {
            try PostgresServer.execute(
                "SELECT caseaudit_count(\(ownAudit), 1, '{\"month\":\"2026-12\",\"files\":50}'::jsonb, '[]'::jsonb)",
                in: asAuditor)
        }
        #expect(forged?.description.contains("is counted already") == true, "\(forged?.description ?? "")")
        let notMine = #expect(throws: PostgresServerError.self) {
            try PostgresServer.execute(
                "SELECT caseaudit_count(\(otherAudit), -1, '{}'::jsonb, '[]'::jsonb)", in: asAuditor)
        }
        #expect(
            notMine?.description.contains("is not submitted, so it is not counted") == true,
            "\(notMine?.description ?? "")")
        #expect(try PostgresServer.query("SELECT sum(files) FROM rollup_grade", in: owner) == cells)

        // A senior manager reads the audits of the teams in their line, and no others.
        let senior = try #require(serviceManager(of: first["team"] as? String))
        let asSenior = login(senior)
        let seen = run(["audit", "show", ownAudit], as: asSenior)
        #expect(seen.status == 0 && seen.output.contains("case \(reference)"), "\(seen.errors)")
        let seniorsRole = run(["whoami"], as: asSenior).output
        #expect(
            seniorsRole.contains(
                "Role: senior manager: score the files allocated or given you to moderate, read the reports"))
        // Of the senior managers, only an assistant director decides challenges.
        #expect(!seniorsRole.contains("decide challenges"), "\(seniorsRole)")
        #expect(run(["whoami"], as: login("ad1")).output.contains(", decide challenges to moderated grades."))
        if serviceManager(of: theirs["team"] as? String) != senior {
            #expect(run(["audit", "show", otherAudit], as: asSenior).status == 1)
        }

        // The reports are for quality leads and senior managers. An auditor reads none of the
        // council's figures (not even in psql) and publishes no report: nothing is written,
        // not a file and not an event.
        #expect(try PostgresServer.query("SELECT count(*) FROM rollup_grade", in: asAuditor) == "0")
        #expect(try PostgresServer.query("SELECT count(*) FROM rollup_item_council", in: asAuditor) == "0")
        let actionsCalled = #expect(throws: PostgresServerError.self) {
            try PostgresServer.query(
                "SELECT count(*) FROM caseaudit_report_actions('2026-01', '2026-12')", in: asAuditor)
        }
        #expect(actionsCalled?.description.contains("permission denied for function") == true)
        #expect(try PostgresServer.query("SELECT sum(files) FROM rollup_grade", in: asSenior) == cells)
        let publications = "SELECT count(*) FROM trail WHERE action = 'report.published'"
        let publishedBefore = try PostgresServer.query(publications, in: owner)
        for (report, name) in [("monthly", "the monthly summary"), ("moderation", "the moderation report")] {
            let refused = run(
                ["report", report, "--month", "2026-12", "-o", "\(folder.path)/\(report)"], as: asAuditor)
            #expect(refused.status == 1)
            #expect(
                refused.errors.contains(
                    "(\(auditor), TM): \(name) is for quality leads and senior managers (SM, AD, DCS), so nothing was read or written"
                ), "\(refused.errors)")
            #expect(!FileManager.default.fileExists(atPath: "\(folder.path)/\(report)"))
        }
        #expect(try PostgresServer.query(publications, in: owner) == publishedBefore)
        let seniorsReport = run(
            ["report", "monthly", "--month", "2026-12", "--format", "json", "-o", "\(folder.path)/senior"], as: asSenior
        )
        #expect(seniorsReport.status == 0, "\(seniorsReport.errors)")
        #expect(seniorsReport.output.contains(": 1 of "), "\(seniorsReport.output)")
        #expect(FileManager.default.fileExists(atPath: "\(folder.path)/senior/summary.json"))
        #expect(try PostgresServer.query(publications, in: owner) == String((Int(publishedBefore) ?? 0) + 1))
        // A senior manager's report is the council's, its actions too (their own view of the
        // audits takes in only their line): the lead submits the other file, in a team outside
        // that line, with an action, and both reports count it.
        #expect(serviceManager(of: theirs["team"] as? String) != senior)
        let rows = try String(contentsOfFile: sheet, encoding: .utf8).split(whereSeparator: \.isNewline)
        let withAction = try folder.write(
            "with-action.csv",
            (["item,answer,note,who,due"] + rows.dropFirst().map { $0 + ",," }
                + ["#action,Bring the chronology up to date,,\(other),2027-01-31"]).joined(separator: "\n") + "\n")
        let submitted = run(
            ["audit", "score", otherReference, "--on-behalf-of", other, "--answers", withAction, "--submit"], as: lead)
        #expect(submitted.status == 0, "\(submitted.errors)")
        func councilActions(_ person: String, as conninfo: String) throws -> [String] {
            let out = "\(folder.path)/actions-\(person)"
            let made = run(["report", "monthly", "--month", "2026-12", "--format", "json", "-o", out], as: conninfo)
            #expect(made.status == 0, "\(made.errors)")
            let summary = try #require(
                try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(out)/summary.json")))
                    as? [String: Any])
            let tables = try #require(summary["tables"] as? [[String: Any]])
            let actions = try #require(tables.first { $0["name"] as? String == "actions" }?["rows"] as? [[String]])
            return try #require(actions.first { $0.first == "Council" })
        }
        let leadsCount = try councilActions("lead", as: lead)
        #expect(leadsCount.dropFirst().first == "1", "\(leadsCount)")
        #expect(try councilActions("senior", as: asSenior) == leadsCount)
        // The schema's owner holds every right, as the database's policies say.
        let ownersView = run(["whoami"], as: owner)
        #expect(ownersView.output.contains("Role: quality lead (you own the database's schema"), "\(ownersView.output)")

        // The trail: the server says who did each thing, from the login; a lead keying for
        // someone is recorded as keying on their behalf; nobody changes or removes an event,
        // nor names the actor or the number of one they add; an auditor reads only their own.
        #expect(
            try PostgresServer.query(
                "SELECT DISTINCT actor_login || ':' || actor_id FROM trail WHERE entity = 'audit' AND entity_id = '\(ownAudit)'",
                in: owner) == "\(prefix)\(auditor):\(auditor)")
        #expect(
            try PostgresServer.query(
                "SELECT DISTINCT actor_id || ' for ' || on_behalf_of FROM trail WHERE action = 'answer.recorded' AND entity_id = '\(otherAudit)'",
                in: owner) == "qa-tests for \(other)")
        for tampering in [
            "UPDATE trail SET payload = '{}'", "DELETE FROM trail",
            "INSERT INTO trail (action, entity, payload, actor_login) VALUES ('x', 'y', '{}', 'someone')",
        ] {
            let refused = #expect(throws: PostgresServerError.self) {
                try PostgresServer.execute(tampering, in: asAuditor)
            }
            #expect(refused?.description.contains("permission denied") == true, "\(tampering)")
        }
        #expect(
            try PostgresServer.query(
                "SELECT count(*) FROM trail WHERE actor_login <> session_user AND entity_id IS DISTINCT FROM '\(ownAudit)'",
                in: asAuditor) == "0")
        let auditorsView = run(["log", "show", "--format", "json"], as: asAuditor)
        #expect(try json(auditorsView).count > 3)
        let auditorVerifies = run(["log", "verify"], as: asAuditor)
        #expect(auditorVerifies.status == 1 && auditorVerifies.errors.contains("not a quality lead"))
        let leadVerifies = run(["log", "verify"], as: lead)
        #expect(leadVerifies.status == 0 && leadVerifies.output.contains("intact"), "\(leadVerifies.errors)")

        // A login the chart no longer has (a leaver, or a renamed account) loses every group.
        let renamed = try String(contentsOfFile: chart, encoding: .utf8).split(whereSeparator: \.isNewline)
            .map { $0.hasPrefix("\(auditor),") ? $0 + "_new" : String($0) }.joined(separator: "\n")
        #expect(run(["org", "import", try folder.write("org-renamed.csv", renamed)], as: lead).status == 0)
        let regranted = run(["server", "grant"], as: owner)
        #expect(regranted.output.contains("made the login \(prefix)\(auditor)_new (\(auditor))"))
        #expect(
            regranted.output.contains(
                "took \(prefix)\(auditor) out of \(database)_auditor: nobody in the org chart has that login"))
        let gone = run(["audit", "list"], as: asAuditor)
        #expect(gone.status == 1)
        #expect(
            gone.errors.contains(
                "the database knows you as '\(prefix)\(auditor)', who has no rights in it, so nothing was read or written: once your login is in the org chart, the schema's owner gives it its rights with `caseaudit server grant`"
            ), "\(gone.errors)")
    }

    /// A moderation is a quality lead's to draw; its moderators see the files given them, and not
    /// why each was chosen (the draw's own row, which would tell them the first grade).
    @Test func aModerationIsALeadsToDrawAndKeepsItsReasonsFromModerators() throws {
        let council = try Council()
        let lead = council.login("qa_lead")
        let files = try council.leadsFiles()
        let sheet = try AnswerSheets.best(in: council.folder)
        for file in files.prefix(3) {
            let reference = try #require(file["caseReference"] as? String)
            let auditor = try #require(file["auditorID"] as? String)
            let keyed = CommandRunner.run(
                ["audit", "score", reference, "--on-behalf-of", auditor, "--answers", sheet, "--submit"], on: lead)
            #expect(keyed.status == 0, "\(keyed.errors)")
        }
        let auditor = try #require(files.first?["auditorID"] as? String)
        let refused = CommandRunner.run(
            ["moderation", "draw", "--month", "2026-12", "--seed", "1", "--rule", "100%"], on: council.login(auditor))
        #expect(refused.status == 1, "\(refused.output)")
        #expect(try PostgresServer.query("SELECT count(*) FROM moderation_draw", in: council.owner) == "0")

        let drawn = CommandRunner.run(
            ["moderation", "draw", "--month", "2026-12", "--seed", "1", "--rule", "100%", "--format", "json"], on: lead)
        #expect(drawn.status == 0, "\(drawn.errors)")
        let draw = try JSONDecoder().decode(ModerationDraw.self, from: Data(drawn.output.utf8))
        #expect(draw.files.count == 3)
        let moderator = try #require(draw.files.first?.moderatorID)
        let theirs = draw.files.count { $0.moderatorID == moderator }
        let asModerator = council.login(moderator)
        #expect(
            try PostgresServer.query(
                "SELECT count(*) FROM moderation_file WHERE moderator_id = '\(moderator)'", in: asModerator)
                == String(theirs))
        #expect(try PostgresServer.query("SELECT count(*) FROM moderation_draw", in: asModerator) == "0")
        #expect(
            try PostgresServer.query(
                "SELECT count(*) FROM moderation_file WHERE auditor_id = '\(auditor)'", in: council.login(auditor))
                == String(draw.files.count { $0.auditorID == auditor }))
        let redraw = CommandRunner.run(["moderation", "redraw", "--month", "2026-12"], on: lead)
        #expect(redraw.status == 0 && redraw.output.contains("Identical"), "\(redraw.errors)")

        // Blind: the moderator keys their sheet; the first audit stays hidden, to caseaudit and to
        // psql, until their own is submitted, and they cannot mark it scored before it is.
        let file = try #require(draw.files.first { $0.moderatorID == moderator })
        let original = String(file.auditID)
        let kept = CommandRunner.run(
            ["audit", "score", file.caseReference, "--moderation", "--answers", sheet], on: asModerator)
        #expect(kept.status == 0, "\(kept.errors)")
        let hidden = [
            "SELECT count(*) FROM audit WHERE id = \(original)",
            "SELECT count(*) FROM audit_answer WHERE audit_id = \(original)",
        ]
        for query in hidden { #expect(try PostgresServer.query(query, in: asModerator) == "0", "\(query)") }
        #expect(CommandRunner.run(["audit", "show", original], on: asModerator).status == 1)
        #expect(CommandRunner.run(["moderation", "compare", file.caseReference], on: asModerator).status == 1)
        let early = #expect(throws: PostgresServerError.self) {
            try PostgresServer.execute(
                "UPDATE moderation_file SET scored_at = 'now' WHERE audit_id = \(original)", in: asModerator)
        }
        #expect(early?.description.contains("recorded once") == true, "\(early?.description ?? "")")
        let submitted = CommandRunner.run(
            ["audit", "score", file.caseReference, "--moderation", "--answers", sheet, "--submit"], on: asModerator)
        #expect(submitted.status == 0, "\(submitted.errors)")
        for query in hidden { #expect(try PostgresServer.query(query, in: asModerator) != "0", "\(query)") }
        let compared = CommandRunner.run(["moderation", "compare", file.caseReference], on: asModerator)
        #expect(compared.status == 0 && compared.output.contains("Items answered alike"), "\(compared.errors)")
        // The file's auditor sees the moderation beside their audit once the outcome is
        // recorded, not before, in caseaudit and in psql.
        let asItsAuditor = council.login(file.auditorID)
        let secondScoring = try PostgresServer.query(
            "SELECT id FROM audit WHERE moderates = \(original) AND calibration IS NULL", in: council.owner)
        let theModeration = "SELECT count(*) FROM audit_answer WHERE audit_id = \(secondScoring)"
        #expect(try PostgresServer.query(theModeration, in: asItsAuditor) == "0")
        let tooSoon = CommandRunner.run(["moderation", "compare", file.caseReference], on: asItsAuditor)
        #expect(tooSoon.status == 1)
        #expect(
            tooSoon.errors.contains(
                "the moderation of case '\(file.caseReference)' is not decided yet: its auditor sees it beside their audit once the moderator records the outcome"
            ), "\(tooSoon.errors)")
        // A quality lead sees any moderated file, naming nobody.
        let leadsView = CommandRunner.run(["moderation", "compare", file.caseReference], on: lead)
        #expect(leadsView.status == 0, "\(leadsView.errors)")
        #expect(leadsView.output.contains("moderation \(secondScoring) by \(moderator)"), "\(leadsView.output)")
        // Nobody else decides it, and nobody changes the file's row.
        let notTheirs = CommandRunner.run(
            ["moderation", "outcome", file.caseReference, "--confirm"], on: council.login(auditor))
        #expect(notTheirs.status == 1)
        let moved = #expect(throws: PostgresServerError.self) {
            try PostgresServer.execute(
                "UPDATE moderation_file SET moderator_id = 'someone' WHERE audit_id = \(original)", in: asModerator)
        }
        #expect(moved?.description.contains("recorded once") == true, "\(moved?.description ?? "")")
        // Nor applies a changed grade that is not theirs: the server checks.
        let forged = #expect(throws: PostgresServerError.self) {
            try PostgresServer.execute("SELECT caseaudit_apply_moderation(\(original), 'now')", in: asModerator)
        }
        #expect(forged?.description.contains("no changed moderation") == true, "\(forged?.description ?? "")")
        let counted = try PostgresServer.query("SELECT sum(files) FROM rollup_grade", in: council.owner)
        let decided = CommandRunner.run(
            ["moderation", "outcome", file.caseReference, "--change-to", "good", "--reason", "Supervision is thin"],
            on: asModerator)
        #expect(decided.status == 0, "\(decided.errors)")
        #expect(
            try PostgresServer.query(
                "SELECT outcome || ' ' || outcome_grade FROM moderation_file WHERE audit_id = \(original)",
                in: council.owner) == "changed good")
        #expect(try PostgresServer.query(theModeration, in: asItsAuditor) != "0")
        let feedback = CommandRunner.run(["moderation", "compare", file.caseReference], on: asItsAuditor)
        #expect(feedback.status == 0, "\(feedback.errors)")
        #expect(feedback.output.contains("moderation \(secondScoring) by \(moderator)"), "\(feedback.output)")
        #expect(feedback.output.contains("Outcome: changed, reported as good (Supervision is thin)"))
        #expect(!feedback.output.contains("moderation outcome"), "\(feedback.output)")
        // Nobody else's auditor reads it.
        let bystander = try #require(
            files.compactMap { $0["auditorID"] as? String }.first { $0 != file.auditorID && $0 != moderator })
        #expect(try PostgresServer.query(theModeration, in: council.login(bystander)) == "0")
        // Reported with the moderated grade: the first audit's next version, the file counted once.
        #expect(
            try PostgresServer.query(
                "SELECT judgement || ' ' || amended_by FROM audit WHERE amends = \(original)", in: council.owner)
                == "good \(moderator)")
        #expect(try PostgresServer.query("SELECT sum(files) FROM rollup_grade", in: council.owner) == counted)
        #expect(
            try PostgresServer.query(
                "SELECT sum(files) FROM rollup_grade WHERE judgement = 'outstanding'", in: council.owner) == "2")

        // The agreement report: the council's for a quality lead; a senior manager sees the
        // moderation of their line's files only, and their report says so.
        func moderationReport(as person: String, _ conninfo: String) throws -> [String: Any] {
            let out = "\(council.folder.path)/moderation-\(person)"
            let made = CommandRunner.run(
                ["report", "moderation", "--month", "2026-12", "--format", "json,md", "-o", out], on: conninfo)
            #expect(made.status == 0, "\(made.errors)")
            return try #require(
                try JSONSerialization.jsonObject(
                    with: Data(contentsOf: URL(fileURLWithPath: "\(out)/moderation.json"))) as? [String: Any])
        }
        let leads = try moderationReport(as: "lead", lead)
        #expect(leads["teamsInLineOf"] == nil)
        #expect(
            (leads["headlines"] as? [String])?.first?.hasPrefix("Climbié compliance v1.0.0: 1 file moderated") == true)
        let seniors = try moderationReport(as: "sm1", council.login("sm1"))
        #expect(seniors["teamsInLineOf"] as? String == "sm1")
        let seniorsHeadline = (seniors["headlines"] as? [String])?.first ?? "none"
        #expect(seniorsHeadline.hasPrefix("Climbié compliance v1.0.0, the teams in sm1's line: "), "\(seniorsHeadline)")
        #expect(
            try String(contentsOfFile: "\(council.folder.path)/moderation-sm1/moderation.md", encoding: .utf8)
                .hasPrefix("# Moderation: 2026-12, the teams in sm1's line\n"))

        // The auditor sees the outcome of their file's moderation.
        let seenByAuditor = CommandRunner.run(
            ["moderation", "list", "--format", "json"], on: council.login(file.auditorID))
        let theirList = try #require(
            try JSONSerialization.jsonObject(with: Data(seenByAuditor.output.utf8)) as? [[String: Any]])
        let theirFile = try #require(theirList.first { $0["caseReference"] as? String == file.caseReference })
        #expect((theirFile["outcome"] as? [String: Any])?["grade"] as? String == "good")
        #expect(
            theirList.allSatisfy {
                $0["auditorID"] as? String == file.auditorID || $0["moderatorID"] as? String == file.auditorID
            })
        // The auditor challenges, once; neither they nor the moderator decides; a lead upholds it,
        // and the file is reported with the auditor's grade again.
        let asFirstAuditor = council.login(file.auditorID)
        let challenged = CommandRunner.run(
            ["moderation", "challenge", file.caseReference, "--reason", "Supervision is on file"], on: asFirstAuditor)
        #expect(challenged.status == 0, "\(challenged.errors)")
        #expect(
            CommandRunner.run(
                ["moderation", "challenge", file.caseReference, "--reason", "again"], on: asFirstAuditor
            ).status == 1)
        let byModerator = CommandRunner.run(
            ["moderation", "resolve", file.caseReference, "--reject", "--reason", "mine"], on: asModerator)
        #expect(byModerator.status == 1, "\(byModerator.output)")
        let resolved = CommandRunner.run(
            ["moderation", "resolve", file.caseReference, "--uphold", "--reason", "Supervision notes dated"], on: lead)
        #expect(resolved.status == 0 && resolved.output.contains("reported as outstanding"), "\(resolved.errors)")
        #expect(
            try PostgresServer.query(
                "SELECT sum(files) FROM rollup_grade WHERE judgement = 'outstanding'", in: council.owner) == "3")
        #expect(
            try PostgresServer.query(
                "SELECT decision || ' ' || decided_by FROM moderation_challenge WHERE audit_id = \(original)",
                in: council.owner) == "upheld qa-tests")

        // A calibration exercise on the file: each of its auditors scores it as themselves; the
        // server counts none of it, and someone outside the exercise is refused.
        let other = try #require(
            files.compactMap { $0["auditorID"] as? String }.first {
                $0 != moderator && $0 != file.auditorID
            })
        let exercise = CommandRunner.run(
            [
                "moderation", "calibration", "create", "day", "--month", "2026-12", "--case", file.caseReference,
                "--auditors", "\(moderator),\(file.auditorID)",
            ], on: lead)
        #expect(exercise.status == 0, "\(exercise.errors)")
        let before = try PostgresServer.query("SELECT sum(files) FROM rollup_grade", in: council.owner)
        func calibration(as person: String) -> CommandResult {
            CommandRunner.run(["moderation", "calibration", "show", "day"], on: council.login(person))
        }
        let scorings = "SELECT count(*) FROM audit WHERE calibration = 'day'"
        for (index, person) in [moderator, file.auditorID].enumerated() {
            // Blind until their own is submitted: only their own scoring, and the show says so.
            #expect(try PostgresServer.query(scorings, in: council.login(person)) == "0")
            let blind = calibration(as: person)
            #expect(blind.status == 0, "\(blind.errors)")
            #expect(blind.output.contains("yours is not submitted yet"), "\(blind.output)")
            let scored = CommandRunner.run(
                ["audit", "score", file.caseReference, "--calibration", "day", "--answers", sheet, "--submit"],
                on: council.login(person))
            #expect(scored.status == 0, "\(scored.errors)")
            // Then the group's, as far as it has gone: the first sees the second has not scored.
            #expect(try PostgresServer.query(scorings, in: council.login(person)) == String(index + 1))
            let seen = calibration(as: person).output
            #expect(seen.contains("the group's grade") && !seen.contains("yours is not submitted"), "\(seen)")
            #expect(seen.contains("not yet scored by \(file.auditorID)") == (index == 0), "\(seen)")
        }
        let outsider = calibration(as: other)
        #expect(outsider.status == 1)
        #expect(
            outsider.errors.contains(
                "\(other) does not take part in calibration exercise 'day': its result is for its participants and quality leads"
            ), "\(outsider.errors)")
        #expect(try PostgresServer.query(scorings, in: council.login(other)) == "0")
        #expect(try PostgresServer.query("SELECT sum(files) FROM rollup_grade", in: council.owner) == before)
        #expect(
            CommandRunner.run(
                ["audit", "score", file.caseReference, "--calibration", "day", "--answers", sheet],
                on: council.login(other)
            ).status == 1)
        let calibrationHash = try PostgresServer.query(
            "SELECT checklist_hash FROM calibration_file WHERE exercise = 'day'", in: council.owner)
        let sneaked = #expect(throws: PostgresServerError.self) {
            try PostgresServer.execute(
                """
                INSERT INTO audit (sample_id, case_reference, auditor_id, checklist_hash, started_at, moderates, calibration)
                VALUES (1, '\(file.caseReference)', '\(other)', '\(calibrationHash)', 'now', \(original), 'day')
                """, in: council.login(other))
        }
        #expect(sneaked?.description.contains("row-level security") == true, "\(sneaked?.description ?? "")")
        let shown = CommandRunner.run(["moderation", "calibration", "show", "day"], on: lead)
        #expect(shown.status == 0 && shown.output.contains("2 auditors"), "\(shown.errors)")
    }

    /// A schema whose owner is not a superuser, with its rights set by a superuser for them (a
    /// database administrator running `server init` and `server grant`): the server's own
    /// functions, which run as the owner, still count a submission and the council's actions.
    @Test func aSuperuserSetsTheRightsOfAnOwnersSchema() throws {
        let folder = try TemporaryDirectory()
        let server = try PostgresServer.shared()
        let admin = try PostgresServer.freshDatabase()
        let prefix = "s\(UInt32.random(in: 0...UInt32.max))_"
        let database = try #require(admin.split(separator: " ").first { $0.hasPrefix("dbname=") }?.dropFirst(7))
        try PostgresServer.execute(
            "CREATE ROLE \(prefix)owner LOGIN; ALTER DATABASE \(database) OWNER TO \(prefix)owner", in: admin)
        func login(_ person: String) -> String {
            admin.replacingOccurrences(of: "user=\(server.admin)", with: "user=\(prefix)\(person)")
        }
        let owner = login("owner")
        let chart = try IdentityTests.chartWithLogins(qualityLead: "\(prefix)qa_lead", prefix: prefix, in: folder)
        #expect(CommandRunner.run(["org", "import", chart], on: owner).status == 0)
        #expect(
            CommandRunner.run(["cases", "import", "\(Fixtures.packageRoot)/Samples/cases.csv"], on: owner).status == 0)
        #expect(
            CommandRunner.run(
                [
                    "sample", "draw", "--month", "2026-12", "--checklist", "climbie-compliance", "--per-team", "1",
                    "--seed", "9",
                ], on: owner
            ).status == 0)
        let files = try #require(
            try JSONSerialization.jsonObject(
                with: Data(CommandRunner.run(["audit", "list", "--format", "json"], on: owner).output.utf8))
                as? [[String: Any]])
        #expect(CommandRunner.run(["server", "init"], on: admin).status == 0)
        #expect(CommandRunner.run(["server", "grant"], on: admin).status == 0)

        let file = try #require(files.first)
        let reference = try #require(file["caseReference"] as? String)
        let auditor = try #require(file["auditorID"] as? String)
        let submitted = CommandRunner.run(
            ["audit", "score", reference, "--answers", try AnswerSheets.best(in: folder), "--submit"],
            on: login(auditor))
        #expect(submitted.status == 0, "\(submitted.errors)")
        #expect(try PostgresServer.query("SELECT sum(files) FROM rollup_grade", in: owner) == "1")
        let counted = try PostgresServer.query(
            "SELECT DISTINCT qual FROM pg_policies WHERE policyname IN ('counted', 'applied', 'owner_reads') AND tablename <> 'trail'",
            in: admin)
        #expect(counted == "(CURRENT_USER = '\(prefix)owner'::name)", "\(counted)")
    }

    /// An auditor's file open on one machine is theirs there: the same file from another
    /// session is refused, saying whose hold it is and since when and how a lead breaks it; the
    /// auditor cannot break it; a lead does, with a reason; the holder's next write is refused
    /// and the file can be scored again.
    @Test func aHoldIsTheHoldersUntilALeadBreaksItWithAReason() throws {
        let council = try Council()
        let lead = council.login("qa_lead")
        let files = try council.leadsFiles()
        let file = try #require(files.first)
        let reference = try #require(file["caseReference"] as? String)
        let auditor = try #require(file["auditorID"] as? String)
        let asAuditor = council.login(auditor)
        let sheet = try AnswerSheets.best(in: council.folder)
        #expect(CommandRunner.run(["audit", "score", reference, "--answers", sheet], on: asAuditor).status == 0)
        let audit = try #require(Int64(try PostgresServer.query("SELECT max(id) FROM audit", in: council.owner)))

        // The scoring screen's hold, as a session on the auditor's other machine keeps it.
        let laptop = try StoreFactory.open(asAuditor, creating: false)
        let hold = try laptop.claimAudit(AuditID(audit))
        let busy = CommandRunner.run(["audit", "score", reference, "--answers", sheet], on: asAuditor)
        #expect(busy.status == 1)
        #expect(
            busy.errors.contains(
                "audit \(audit) is held by \(council.prefix)\(auditor) since "), "\(busy.errors)")
        #expect(
            busy.errors.contains(
                "or a quality lead can break its hold now with `caseaudit audit unlock \(audit) --reason TEXT`"),
            "\(busy.errors)")
        let notALead = CommandRunner.run(["audit", "unlock", String(audit), "--reason", "mine"], on: asAuditor)
        #expect(notALead.status == 1)
        #expect(notALead.errors.contains("not a quality lead"), "\(notALead.errors)")

        let broken = CommandRunner.run(
            ["audit", "unlock", String(audit), "--reason", "the laptop was left on at home"], on: lead)
        #expect(broken.status == 0, "\(broken.errors)")
        #expect(
            broken.output
                == "Broke \(council.prefix)\(auditor)'s hold on audit \(audit): the laptop was left on at home\n")
        #expect(
            try PostgresServer.query("SELECT holder || ':' || reason FROM lease_break", in: council.owner)
                == "\(council.prefix)\(auditor):the laptop was left on at home")
        #expect(throws: StoreError.leaseBroken(audit: AuditID(audit))) {
            try laptop.recordAnswer(ItemAnswer(itemID: "allocated", value: "no"), audit: AuditID(audit))
        }
        let again = CommandRunner.run(["audit", "score", reference, "--answers", sheet, "--submit"], on: asAuditor)
        #expect(again.status == 0, "\(again.errors)")
        withExtendedLifetime(hold) {}
    }

    /// Two councils' databases on one server: each has groups of its own, so granting in one
    /// takes nobody out of the other's.
    @Test func twoCouncilsOnOneServerKeepTheirOwnGroups() throws {
        let folder = try TemporaryDirectory()
        var groups: [String] = []
        let prefixes = (0..<2).map { _ in "c\(UInt32.random(in: 0...UInt32.max))_" }
        for prefix in prefixes {
            let database = try PostgresServer.freshDatabase()
            let chart = try IdentityTests.chartWithLogins(qualityLead: "\(prefix)qa", prefix: prefix, in: folder)
            #expect(CommandRunner.run(["org", "import", chart], on: database).status == 0)
            #expect(CommandRunner.run(["server", "init"], on: database).status == 0)
            let granted = CommandRunner.run(["server", "grant"], on: database)
            #expect(granted.status == 0, "\(granted.errors)")
            #expect(!granted.output.contains("took "), "\(granted.output)")
            let name = try #require(database.split(separator: " ").first { $0.hasPrefix("dbname=") }?.dropFirst(7))
            groups.append("\(name)_auditor")
        }
        // The first council's team manager is still in its auditors after the second's grant,
        // and in nobody else's.
        let first = try PostgresServer.freshDatabase()
        #expect(
            try PostgresServer.query(
                "SELECT pg_has_role('\(prefixes[0])tm1', '\(groups[0])', 'MEMBER')", in: first) == "t")
        #expect(
            try PostgresServer.query(
                "SELECT pg_has_role('\(prefixes[0])tm1', '\(groups[1])', 'MEMBER')", in: first) == "f")
    }
}
