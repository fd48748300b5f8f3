import CaseAudit
import CaseAuditTestSupport
import Foundation
import GRDB
import Testing

/// What a quality lead hits in the first week (issue 11), each as they would meet it: the
/// demo council, December's sample, the commands they type.
@Suite struct FirstWeekTests {
    let folder: TemporaryDirectory
    let database: String
    static let today = "2026-11-21"

    init() throws {
        folder = try TemporaryDirectory()
        database = "\(folder.path)/council.sqlite"
    }

    /// Runs a command on the council's database; those that read checklists get the shipped ones.
    func run(_ arguments: [String], database: String? = nil) -> CommandResult {
        CommandRunner.run(arguments, on: database ?? self.database, today: Self.today)
    }

    func importCouncil() {
        CommandRunner.importSampleCouncil(into: database)
    }

    func allocations() throws -> [[String: Any]] {
        let listed = CommandRunner.run(
            ["audit", "list", "--format", "json", "--database", database], today: Self.today
        ).output
        return try #require(try JSONSerialization.jsonObject(with: Data(listed.utf8)) as? [[String: Any]])
    }

    /// The council imported, one file a team drawn for December: the first allocated file.
    func firstFileDrawn(seed: Int) throws -> (reference: String, auditor: String) {
        importCouncil()
        #expect(
            run([
                "sample", "draw", "--month", "2026-12", "--checklist", "climbie-compliance", "--per-team", "1",
                "--seed", String(seed),
            ]).status == 0)
        let file = try #require(try allocations().first)
        return (try #require(file["caseReference"] as? String), try #require(file["auditorID"] as? String))
    }

    func bestSheet() throws -> String { try AnswerSheets.best(in: folder) }

    // 1. Teams with no submitted audit stay in every table, and the headline says so.
    @Test func teamsThatHaveNotAuditedStayInTheReport() throws {
        importCouncil()
        #expect(
            run([
                "sample", "draw", "--month", "2026-12", "--checklist", "climbie-compliance", "--per-team", "2",
                "--seed", "20261201",
            ]).status == 0)
        let sheet = try bestSheet()
        let silent: Set<String> = ["Child in Need 2", "Child in Need 3"]
        var submitted = 0
        for file in try allocations() where !silent.contains(file["team"] as? String ?? "") {
            let reference = try #require(file["caseReference"] as? String)
            let auditor = try #require(file["auditorID"] as? String)
            let result = run(["audit", "score", reference, "--on-behalf-of", auditor, "--answers", sheet, "--submit"])
            #expect(result.status == 0, "\(result.errors)")
            submitted += 1
        }
        #expect(submitted == 22)
        let out = "\(folder.path)/report"
        #expect(
            run(["report", "monthly", "--month", "2026-12", "--detail", "--format", "json,md", "-o", out]).status == 0)
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(out)/summary.json")))
                as? [String: Any])
        let figures = try #require(json["figures"] as? [String: Any])
        let section = try #require((figures["sections"] as? [[String: Any]])?.first)
        let teams = try #require(section["teams"] as? [[String: Any]])
        for name in silent {
            let team = try #require(
                teams.first { $0["name"] as? String == name }, "\(name) is missing from the by-team table")
            #expect(team["audited"] as? Int == 0)
            #expect(team["sampled"] as? Int == 2)
        }
        #expect(section["teamsNotYetAudited"] as? [String] == silent.sorted())
        #expect(section["filesNotYetAudited"] as? Int == 4)
        // The service manager over Child in Need 1–3 has all three teams and all their files.
        let lines = try #require(section["managementLines"] as? [[String: Any]])
        let line = try #require(
            lines.first {
                ($0["teams"] as? [String])?.contains("Child in Need 2") == true && $0["level"] as? String == "SM"
            })
        #expect((line["teams"] as? [String])?.count == 3)
        #expect((line["figures"] as? [String: Any])?["sampled"] as? Int == 6)
        let markdown = try String(contentsOfFile: "\(out)/summary.md", encoding: .utf8)
        #expect(
            markdown.contains(
                "4 sampled files are not yet audited; 2 teams have submitted none: Child in Need 2, Child in Need 3"))
    }

    // 4. A past month needs --backdate and a reason; the reason is kept with the sample.
    @Test func aPastMonthIsACatchUpDrawWithAReason() throws {
        importCouncil()
        let past = run([
            "sample", "draw", "--month", "2026-10", "--checklist", "climbie-compliance", "--per-team", "1", "--seed",
            "1",
        ])
        #expect(past.status == 1)
        #expect(
            past.errors.contains(
                "caseaudit: error: 2026-10 is past: draw this month's or next month's sample (2026-11 or 2026-12); for a catch-up draw add --backdate --reason TEXT"
            ))
        let noReason = run([
            "sample", "draw", "--month", "2026-10", "--checklist", "climbie-compliance", "--per-team", "1", "--seed",
            "1", "--backdate",
        ])
        #expect(noReason.status == 2)
        #expect(noReason.errors.contains("--backdate needs --reason TEXT"))
        let catchUp = run([
            "sample", "draw", "--month", "2026-10", "--checklist", "climbie-compliance", "--per-team", "1", "--seed",
            "1", "--backdate",
            "--reason", "October's draw was missed during the system change",
        ])
        #expect(catchUp.status == 0, "\(catchUp.errors)")
        #expect(
            catchUp.output.contains(
                "A catch-up draw for a past month: October's draw was missed during the system change"))
        #expect(
            run(["sample", "show", "--month", "2026-10"]).output.contains(
                "Catch-up draw for a past month: October's draw was missed"))
        #expect(
            run([
                "sample", "draw", "--month", "2026-11", "--checklist", "climbie-compliance", "--per-team", "1",
                "--seed", "1",
            ]).status == 0)
    }

    // 5. Only imports make a database; a mistyped path is pointed out.
    @Test func aMistypedDatabasePathIsNotCreated() {
        let typo = "\(folder.path)/typo.sqlite"
        for command in [
            ["cases", "summary"], ["audit", "list"], ["sample", "show"], ["report", "monthly", "--month", "2026-11"],
        ] {
            let result = run(command, database: typo)
            #expect(result.status == 1)
            #expect(result.errors.contains("there is no database at \(typo): check --database"))
            #expect(!FileManager.default.fileExists(atPath: typo))
        }
        #expect(
            CommandRunner.run(["org", "import", "\(Fixtures.packageRoot)/Samples/org.csv", "--database", typo]).status
                == 0)
        #expect(FileManager.default.fileExists(atPath: typo))
    }

    // 6. generate checks the database before it writes any file.
    @Test func generateWritesNothingWhenTheDatabaseExists() throws {
        importCouncil()
        let out = "\(folder.path)/generated"
        let result = CommandRunner.run(
            ["generate", "--out", out, "--audits", "10", "--database", database], today: Self.today)
        #expect(result.status == 1)
        #expect(
            result.errors.contains("\(database) exists: only a new database is written to (nothing was written)"))
        #expect(!FileManager.default.fileExists(atPath: "\(out)/org.csv"))
        // A folder that cannot be made names the part in the way.
        let blocked = CommandRunner.run(["generate", "--out", "\(database)/inside"], today: Self.today)
        #expect(blocked.status == 1)
        #expect(blocked.errors.contains("cannot write the files: \(database) is a file, not a folder"))
    }

    // 7. Teams the org chart lacks are named at import and at the draw; an empty census is
    // warned about; two files with one checklist version are an error naming both.
    @Test func quietMismatchesAreSaid() throws {
        #expect(
            CommandRunner.run(["org", "import", "\(Fixtures.packageRoot)/Samples/org.csv", "--database", database])
                .status == 0)
        let annexA = "\(Fixtures.sharedDirectory)/formats/annex-a-sample.xlsx"
        let imported = CommandRunner.run(["cases", "import", annexA, "--database", database], today: Self.today)
        #expect(imported.status == 0)
        #expect(
            imported.errors.contains(
                "4 teams are not in the org chart, with 12 cases: 'Care Leavers Team' (6), 'Children in Care Team 1' (3), 'Locality 4 Unit 1' (2), 'Children in Care Team 2' (1)"
            ))
        let drawn = run([
            "sample", "draw", "--month", "2026-12", "--checklist", "climbie-compliance", "--per-team", "1", "--seed",
            "3",
        ])
        #expect(drawn.status == 0)
        #expect(drawn.errors.contains("teams are not in the org chart, with 3 files drawn"))
        #expect(drawn.errors.contains("'Locality 4 Unit 1' (1)"))

        let census = try folder.write(
            "closed.xml",
            """
            <Message><Header/><Children><Child><ChildIdentifiers><LAchildID>C1</LAchildID></ChildIdentifiers>
            <CINdetails><CINreferralDate>2025-01-01</CINreferralDate><CINclosureDate>2025-06-01</CINclosureDate></CINdetails>
            </Child></Children></Message>
            """)
        let empty = CommandRunner.run(
            ["cases", "import", census, "--format", "cin", "--database", database], today: Self.today)
        #expect(empty.status == 0)
        #expect(empty.errors.contains("no open cases: the latest case list is now empty"))
        #expect(
            empty.errors.contains(
                "1 child has no open episode (every episode has a closure date) and is not in the population"))

        let twins = try TemporaryDirectory()
        let source = try String(
            contentsOfFile: "\(Fixtures.shippedChecklistsDirectory)/climbie-compliance.xml", encoding: .utf8)
        _ = try twins.write("a.xml", source)
        _ = try twins.write("b.xml", source)
        let listed = CommandRunner.run(["checklist", "list", "--dir", twins.path])
        #expect(listed.status == 1)
        #expect(listed.errors.contains("\(twins.path)/a.xml"))
        #expect(listed.errors.contains("\(twins.path)/b.xml"))
        #expect(listed.errors.contains("both hold checklist 'climbie-compliance' version 1.0.0"))
        let draw = CommandRunner.run(
            [
                "sample", "draw", "--month", "2026-12", "--checklist", "climbie-compliance", "--per-team", "1",
                "--seed", "3", "--dir", twins.path,
                "--database", database,
            ], today: Self.today)
        #expect(draw.status == 1)
        #expect(draw.errors.contains("both hold checklist 'climbie-compliance' version 1.0.0"))
    }

    // 9. A paper sheet may write an answer as its value, key or label in any case, and a row
    // with several faults has each reported.
    @Test func sheetsTakeAnswersAsPeopleWriteThemAndReportEveryFault() throws {
        let (reference, auditor) = try firstFileDrawn(seed: 3)
        let loose = try folder.write(
            "loose.csv", "item,answer,note,who,due\nallocated,Yes,,,\ndecision-recorded,Y,,,\ndecision-24h,YES,,,\n")
        let kept = run(["audit", "score", reference, "--on-behalf-of", auditor, "--answers", loose])
        #expect(kept.status == 0, "\(kept.errors)")
        #expect(kept.output.contains("Recorded 3 answers"))
        let faulty = try folder.write("faulty.csv", "item,answer,note,who,due\n#action,,,,2026-01-05\n")
        let refused = run(["audit", "score", reference, "--on-behalf-of", auditor, "--answers", faulty])
        #expect(refused.status == 1)
        #expect(
            refused.errors.contains("faulty.csv:2:2: error: the action does not say what is to be done")
                || refused.errors.contains("faulty.csv:2:2:"))
        #expect(refused.errors.contains("faulty.csv:2:4: error: the action does not say who is to do it"))
        #expect(refused.errors.contains("faulty.csv:2:5: error: the action is due 2026-01-05, which is in the past"))
    }

    // 10. audit show names each item's id (for an amendment sheet); audit list shows the due date.
    @Test func auditsShowItemIDsAndDueDates() throws {
        let (reference, auditor) = try firstFileDrawn(seed: 3)
        #expect(
            run(["audit", "score", reference, "--on-behalf-of", auditor, "--answers", try bestSheet(), "--submit"])
                .status
                == 0)
        let shown = run(["audit", "show", "1"])
        #expect(shown.output.contains("[allocated] Yes: Is the case allocated"))
        let listed = run(["audit", "list"])
        #expect(listed.output.contains("DUE"))
        #expect(listed.output.contains("2026-12-31"))
    }

    // 3. An action keeps its number and its status across versions of its audit.
    @Test func actionsStayDoneThroughAnAmendment() throws {
        let (reference, auditor) = try firstFileDrawn(seed: 3)
        let best = try String(contentsOfFile: try bestSheet(), encoding: .utf8)
        let withActions = try folder.write(
            "actions.csv",
            best.replacingOccurrences(of: "item,answer,note\n", with: "item,answer,note,who,due\n")
                + "#action,Update the chronology,,sw1,2026-12-15\n#action,Record the child's views,,sw1,2026-12-20\n")
        #expect(
            run(["audit", "score", reference, "--on-behalf-of", auditor, "--answers", withActions, "--submit"]).status
                == 0)
        #expect(run(["audit", "actions", "--done", "1"]).status == 0)
        let change = try folder.write(
            "amend.csv", "item,answer,note,who,due\n#action,Check the plan's review date,,tm1,2026-12-22\n")
        let amended = run([
            "audit", "amend", "1", "--reason", "A third action agreed at supervision", "--answers",
            change,
        ])
        #expect(amended.status == 0, "\(amended.errors)")
        let listed = run(["audit", "actions", "--format", "json"])
        let actions = try #require(try JSONSerialization.jsonObject(with: Data(listed.output.utf8)) as? [[String: Any]])
        #expect(actions.count == 3)
        let chronology = try #require(actions.first { $0["what"] as? String == "Update the chronology" })
        #expect(chronology["id"] as? Int == 1)
        #expect(chronology["doneAt"] as? String != nil)
        #expect(chronology["auditID"] as? Int == 2)
        let views = try #require(actions.first { $0["what"] as? String == "Record the child's views" })
        #expect(views["id"] as? Int == 2)
        #expect(views["doneAt"] == nil)
        // The number of the superseded version's copy marks the action in the listed version.
        #expect(run(["audit", "actions", "--done", "2"]).status == 0)
        let after = run(["audit", "actions", "--status", "open", "--format", "json"])
        let open = try #require(try JSONSerialization.jsonObject(with: Data(after.output.utf8)) as? [[String: Any]])
        #expect(open.map { $0["what"] as? String } == ["Check the plan's review date"])
    }

    // Smaller mends: sample plan refuses what it does not know and gives JSON like every table.
    @Test func samplePlanRefusesUnknownTypesAndStrataAndSpeaksJSON() throws {
        importCouncil()
        let types = run(["sample", "plan", "--case-types", "XX"])
        #expect(types.status == 2)
        #expect(types.errors.contains("'XX' is not a case type"))
        let stratum = run(["sample", "plan", "--allocation", "neyman", "--stratum-rate", "Nope=0.5"])
        #expect(stratum.status == 1)
        #expect(
            stratum.errors.contains("no stratum is called 'Nope' (strata: ")
                && stratum.errors.contains("): check --stratum-rate"))
        let json = run(["sample", "plan", "--format", "json"])
        #expect(json.status == 0)
        let plan = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        #expect(plan["population"] as? Int == 1500)
        #expect((plan["strata"] as? [[String: Any]])?.isEmpty == false)
    }

    // Exact planning: binomial asks more than Cochran, the finite population's hypergeometric
    // less than the binomial, and each says its method; the sizes are ExactPlan's.
    @Test func samplePlanPlansExactly() throws {
        importCouncil()
        func size(_ method: String) throws -> (Int, String) {
            let result = run(["sample", "plan", "--method", method, "--format", "json"])
            #expect(result.status == 0)
            let plan = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
            return (plan["sampleSize"] as? Int ?? 0, plan["method"] as? String ?? "")
        }
        let cochran = try size("cochran")
        let binomial = try size("binomial")
        let hypergeometric = try size("hypergeometric")
        #expect(cochran == (91, "cochran"))
        #expect(
            binomial.0
                == ExactPlan.size(model: .binomial, population: nil, confidence: 0.95, margin: 0.1, expectedRate: 0.5))
        #expect(
            hypergeometric.0
                == ExactPlan.size(
                    model: .hypergeometric, population: 1500, confidence: 0.95, margin: 0.1, expectedRate: 0.5))
        #expect(binomial.0 > cochran.0 && hypergeometric.0 < binomial.0)
        #expect(run(["sample", "plan", "--method", "hypergeometric"]).output.contains("Method: exact hypergeometric"))
        #expect(run(["sample", "plan", "--method", "exact"]).status == 2)
    }

    // 2. One sample per checklist per month: a second draw is refused; --replace only while
    // nothing is scored (the old one kept, marked); --top-up adds files none already drawn,
    // within the month's quotas.
    @Test func oneSamplePerChecklistPerMonth() throws {
        importCouncil()
        let draw = ["sample", "draw", "--month", "2026-12", "--checklist", "climbie-compliance"]
        #expect(run(draw + ["--per-team", "2", "--seed", "20261201"]).status == 0)
        let again = run(draw + ["--per-team", "2", "--seed", "5"])
        #expect(again.status == 1)
        #expect(again.errors.contains("2026-12 has a climbie-compliance sample already: sample 1, drawn "))
        #expect(again.errors.contains("26 files; one sample per checklist per month, so nothing was drawn"))
        #expect(again.errors.contains("--replace") && again.errors.contains("--top-up N"))
        #expect(try allocations().count == 26)

        let replaced = run(draw + ["--per-team", "2", "--seed", "5", "--replace"])
        #expect(replaced.status == 0, "\(replaced.errors)")
        #expect(replaced.errors.contains("sample 1 is kept, marked replaced by sample 2"))
        let current = try allocations()
        #expect(current.count == 26)
        #expect(!current.isEmpty)
        #expect(current.allSatisfy { $0["sampleID"] as? Int == 2 })
        let shown = run(["sample", "show", "--month", "2026-12", "--format", "json"])
        let samples = try #require(try JSONSerialization.jsonObject(with: Data(shown.output.utf8)) as? [[String: Any]])
        #expect(samples.map { $0["replacedBy"] as? Int } == [2, nil])
        #expect(run(["sample", "show", "--month", "2026-12"]).output.contains("REPLACED by sample 2"))

        // Once a file is scored, the sample can no longer be drawn afresh.
        let file = try #require(current.first)
        let scored = run([
            "audit", "score", try #require(file["caseReference"] as? String), "--on-behalf-of",
            try #require(file["auditorID"] as? String),
            "--answers", try bestSheet(),
        ])
        #expect(scored.status == 0, "\(scored.errors)")
        let refused = run(draw + ["--per-team", "2", "--seed", "6", "--replace"])
        #expect(refused.status == 1)
        #expect(
            refused.errors.contains("sample 2 cannot be drawn afresh: 1 file of it has an audit begun or submitted"))
        #expect(run(draw + ["--top-up", "4", "--per-team", "1"]).status == 2)

        let topUp = run(draw + ["--top-up", "4", "--seed", "9"])
        #expect(topUp.status == 0, "\(topUp.errors)")
        #expect(topUp.output.contains("Sample 3 for 2026-12, checklist climbie-compliance: 4 files"))
        #expect(topUp.output.contains("A top-up of sample 2"))
        let month = try allocations()
        #expect(month.count == 30)
        let references = month.compactMap { $0["caseReference"] as? String }
        #expect(Set(references).count == 30)
        // The standard quota (TM 2, SM 2, AD 1, DCS 1) holds across the month's two samples.
        let load = Dictionary(grouping: month.compactMap { $0["auditorID"] as? String }, by: { $0 }).mapValues(\.count)
        for (auditor, files) in load {
            #expect(files <= (auditor.hasPrefix("ad") || auditor == "dcs" ? 1 : 2), "\(auditor) has \(files)")
        }
        for sample in ["1", "2", "3"] {
            let redrawn = run(["sample", "redraw", sample])
            #expect(redrawn.status == 0, "sample \(sample): \(redrawn.output)")
        }
    }

    // 2. A case in two current samples (a database from before the rule, or two checklists)
    // is never picked silently: the auditor names the sample.
    @Test func aCaseInTwoSamplesIsNeverPickedSilently() throws {
        let (reference, auditor) = try firstFileDrawn(seed: 4)
        // As an older caseaudit left it: a second sample of the month holding the same file.
        let queue = try DatabaseQueue(path: database)
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO sample (month, checklist_id, snapshot_id, seed, parameters, algorithm, drawn_at, sequence)
                    SELECT month, checklist_id, snapshot_id, '5', parameters, algorithm, drawn_at, sequence + 1
                    FROM sample WHERE id = 1;
                    INSERT INTO sample_case (sample_id, case_reference, stratum, inclusion_probability, case_type, team, worker,
                        auditor_id, unallocated_reason)
                    SELECT 2, case_reference, stratum, inclusion_probability, case_type, team, worker, auditor_id, unallocated_reason
                    FROM sample_case WHERE sample_id = 1 AND case_reference = ?;
                    """, arguments: [reference])
        }
        let sheet = try bestSheet()
        let ambiguous = run(["audit", "score", reference, "--on-behalf-of", auditor, "--answers", sheet])
        #expect(ambiguous.status == 1)
        #expect(
            ambiguous.errors.contains(
                "is allocated to \(auditor) in 2 samples still to audit: sample 1 (2026-12, climbie-compliance), sample 2 (2026-12, climbie-compliance); say which with --sample N"
            ))
        let chosen = run([
            "audit", "score", reference, "--on-behalf-of", auditor, "--answers", sheet, "--sample", "2", "--submit",
        ])
        #expect(chosen.status == 0, "\(chosen.errors)")
        // The other allocation is the only one left to audit: it is taken without asking.
        #expect(run(["audit", "score", reference, "--on-behalf-of", auditor, "--answers", sheet]).status == 0)
        #expect(run(["audit", "list", "--format", "json"]).output.contains("\"sampleID\" : 2"))
    }

    // 8. Exports carry what a quality lead's own analysis needs, typed.
    @Test func exportsCarryNotesVersionsAndAmendmentsTyped() throws {
        let (reference, auditor) = try firstFileDrawn(seed: 3)
        let best = try String(contentsOfFile: try bestSheet(), encoding: .utf8)
        let lines = best.split(separator: "\n").map(String.init)
        let noted = [lines[0], lines[1] + "Seen alone at school on 3 Dec"] + lines.dropFirst(2)
        let sheet = try folder.write("noted.csv", noted.joined(separator: "\n") + "\n")
        #expect(
            run(["audit", "score", reference, "--on-behalf-of", auditor, "--answers", sheet, "--submit"]).status == 0)
        let firstItem = try #require(lines[1].split(separator: ",").first.map(String.init))
        let change = try folder.write(
            "change.csv",
            "item,answer,note\n\(firstItem),\(lines[1].split(separator: ",")[1]),Seen alone at school on 4 Dec\n")
        #expect(
            run(["audit", "amend", "1", "--reason", "The visit date was mistyped", "--answers", change])
                .status == 0)

        let audits = run(["export", "audits", "--format", "json"])
        #expect(audits.status == 0)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(audits.output.utf8)) as? [[String: Any]])
        let audit = try #require(rows.first)
        #expect(rows.count == 1)
        #expect(audit["audit"] as? Int == 2)
        #expect(audit["version"] as? Int == 2)
        #expect(audit["sample"] as? Int == 1)
        #expect(audit["checklist_version"] as? String == "1.0.0")
        #expect((audit["checklist_hash"] as? String)?.hasPrefix("sha256:") == true)
        #expect(audit["auditor_level"] as? String != nil)
        #expect((audit["submitted_at"] as? String)?.hasPrefix("20") == true)
        #expect(audit["amended_by"] as? String == Fixtures.account)
        #expect(audit["amendment_reason"] as? String == "The visit date was mistyped")
        #expect(audit["inclusion_probability"] is Double || audit["inclusion_probability"] is Int)
        #expect(!(audit["inclusion_probability"] is String))
        #expect(audit["judgement_reason"] is NSNull)

        let answers = run(["export", "answers"])
        let csv = answers.output.split(separator: "\r\n").map(String.init)
        #expect(csv.first?.hasSuffix(",item,answer,note") == true)
        #expect(csv.contains { $0.contains(",\(firstItem),") && $0.hasSuffix(",Seen alone at school on 4 Dec") })
    }
}
