import CaseAudit
import CaseAuditTestSupport
import Foundation
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
        let takesChecklists = arguments.starts(with: ["sample", "draw"]) || arguments.starts(with: ["audit", "score"])
        let checklists = takesChecklists ? ["--dir", Fixtures.shippedChecklistsDirectory] : []
        return CommandRunner.run(arguments + ["--database", database ?? self.database] + checklists, today: Self.today)
    }

    func importCouncil() {
        #expect(CommandRunner.run(["org", "import", "\(Fixtures.packageRoot)/Samples/org.csv", "--database", database]).status == 0)
        #expect(CommandRunner.run(["cases", "import", "\(Fixtures.packageRoot)/Samples/cases.csv", "--database", database]).status == 0)
    }

    func allocations() throws -> [[String: Any]] {
        let listed = CommandRunner.run(["audit", "list", "--format", "json", "--database", database], today: Self.today).output
        return try #require(try JSONSerialization.jsonObject(with: Data(listed.utf8)) as? [[String: Any]])
    }

    /// A sheet with the best answer to every asked item of the Climbié checklist.
    func bestSheet() throws -> String {
        let checklist = try ChecklistLoader().load(file: "\(Fixtures.shippedChecklistsDirectory)/climbie-compliance.xml").checklist
        var session = ScoringSession(checklist: checklist)
        var rows = ["item,answer,note"]
        while let item = session.nextItem, rows.count <= checklist.itemCount + 1 {
            let scale = try #require(checklist.scale(for: item))
            let best = try #require(scale.options.first { $0.counts && $0.score == scale.maximumScore })
            try session.answer(item.id, value: best.value)
            rows.append("\(item.id),\(best.value),")
        }
        return try folder.write("best.csv", rows.joined(separator: "\n") + "\n")
    }

    // 1. Teams with no submitted audit stay in every table, and the headline says so.
    @Test func teamsThatHaveNotAuditedStayInTheReport() throws {
        importCouncil()
        #expect(run(["sample", "draw", "--month", "2026-12", "--checklist", "climbie-compliance", "--per-team", "2", "--seed", "20261201"]).status == 0)
        let sheet = try bestSheet()
        let silent: Set<String> = ["Child in Need 2", "Child in Need 3"]
        var submitted = 0
        for file in try allocations() where !silent.contains(file["team"] as? String ?? "") {
            let reference = try #require(file["caseReference"] as? String)
            let auditor = try #require(file["auditorID"] as? String)
            let result = run(["audit", "score", reference, "--auditor", auditor, "--answers", sheet, "--submit"])
            #expect(result.status == 0, "\(result.errors)")
            submitted += 1
        }
        #expect(submitted == 22)
        let out = "\(folder.path)/report"
        #expect(run(["report", "monthly", "--month", "2026-12", "--detail", "--format", "json,md", "-o", out]).status == 0)
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(out)/summary.json"))) as? [String: Any])
        let figures = try #require(json["figures"] as? [String: Any])
        let section = try #require((figures["sections"] as? [[String: Any]])?.first)
        let teams = try #require(section["teams"] as? [[String: Any]])
        for name in silent {
            let team = try #require(teams.first { $0["name"] as? String == name }, "\(name) is missing from the by-team table")
            #expect(team["audited"] as? Int == 0)
            #expect(team["sampled"] as? Int == 2)
        }
        #expect(section["teamsNotYetAudited"] as? [String] == silent.sorted())
        #expect(section["filesNotYetAudited"] as? Int == 4)
        // The service manager over Child in Need 1–3 has all three teams and all their files.
        let lines = try #require(section["managementLines"] as? [[String: Any]])
        let line = try #require(lines.first { ($0["teams"] as? [String])?.contains("Child in Need 2") == true && $0["level"] as? String == "SM" })
        #expect((line["teams"] as? [String])?.count == 3)
        #expect((line["figures"] as? [String: Any])?["sampled"] as? Int == 6)
        let markdown = try String(contentsOfFile: "\(out)/summary.md", encoding: .utf8)
        #expect(markdown.contains("4 sampled files are not yet audited; 2 teams have submitted none: Child in Need 2, Child in Need 3"))
    }

    // 4. A past month needs --backdate and a reason; the reason is kept with the sample.
    @Test func aPastMonthIsACatchUpDrawWithAReason() throws {
        importCouncil()
        let past = run(["sample", "draw", "--month", "2026-10", "--checklist", "climbie-compliance", "--per-team", "1", "--seed", "1"])
        #expect(past.status == 1)
        #expect(past.errors.contains("--month 2026-10 is past: draw this month's or next month's sample (2026-11 or 2026-12); for a catch-up draw add --backdate --reason TEXT"))
        let noReason = run(["sample", "draw", "--month", "2026-10", "--checklist", "climbie-compliance", "--per-team", "1", "--seed", "1", "--backdate"])
        #expect(noReason.status == 2)
        #expect(noReason.errors.contains("--backdate needs --reason TEXT"))
        let catchUp = run([
            "sample", "draw", "--month", "2026-10", "--checklist", "climbie-compliance", "--per-team", "1", "--seed", "1", "--backdate",
            "--reason", "October's draw was missed during the system change",
        ])
        #expect(catchUp.status == 0, "\(catchUp.errors)")
        #expect(catchUp.output.contains("A catch-up draw for a past month: October's draw was missed during the system change"))
        #expect(run(["sample", "show", "--month", "2026-10"]).output.contains("Catch-up draw for a past month: October's draw was missed"))
        #expect(run(["sample", "draw", "--month", "2026-11", "--checklist", "climbie-compliance", "--per-team", "1", "--seed", "1"]).status == 0)
    }

    // 5. Only imports make a database; a mistyped path is pointed out.
    @Test func aMistypedDatabasePathIsNotCreated() {
        let typo = "\(folder.path)/typo.sqlite"
        for command in [["cases", "summary"], ["audit", "list"], ["sample", "show"], ["report", "monthly", "--month", "2026-11"]] {
            let result = run(command, database: typo)
            #expect(result.status == 1)
            #expect(result.errors.contains("there is no database at \(typo): check --database"))
            #expect(!FileManager.default.fileExists(atPath: typo))
        }
        #expect(CommandRunner.run(["org", "import", "\(Fixtures.packageRoot)/Samples/org.csv", "--database", typo]).status == 0)
        #expect(FileManager.default.fileExists(atPath: typo))
    }

    // 6. generate checks the database before it writes any file.
    @Test func generateWritesNothingWhenTheDatabaseExists() throws {
        importCouncil()
        let out = "\(folder.path)/generated"
        let result = CommandRunner.run(["generate", "--out", out, "--audits", "10", "--database", database], today: Self.today)
        #expect(result.status == 1)
        #expect(result.errors.contains("\(database) exists: generated audits go into a new database (nothing was written)"))
        #expect(!FileManager.default.fileExists(atPath: "\(out)/org.csv"))
        // A folder that cannot be made names the part in the way.
        let blocked = CommandRunner.run(["generate", "--out", "\(database)/inside"], today: Self.today)
        #expect(blocked.status == 1)
        #expect(blocked.errors.contains("cannot write the files: \(database) is a file, not a folder"))
    }

    // 7. Teams the org chart lacks are named at import and at the draw; an empty census is
    // warned about; two files with one checklist version are an error naming both.
    @Test func quietMismatchesAreSaid() throws {
        #expect(CommandRunner.run(["org", "import", "\(Fixtures.packageRoot)/Samples/org.csv", "--database", database]).status == 0)
        let annexA = "\(Fixtures.sharedDirectory)/formats/annex-a-sample.xlsx"
        let imported = CommandRunner.run(["cases", "import", annexA, "--database", database], today: Self.today)
        #expect(imported.status == 0)
        #expect(imported.errors.contains("4 teams are not in the org chart, with 12 cases: 'Care Leavers Team' (6), 'Children in Care Team 1' (3), 'Locality 4 Unit 1' (2), 'Children in Care Team 2' (1)"))
        let drawn = run(["sample", "draw", "--month", "2026-12", "--checklist", "climbie-compliance", "--per-team", "1", "--seed", "3"])
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
        let empty = CommandRunner.run(["cases", "import", census, "--format", "cin", "--database", database], today: Self.today)
        #expect(empty.status == 0)
        #expect(empty.errors.contains("no open cases: the latest case list is now empty"))

        let twins = try TemporaryDirectory()
        let source = try String(contentsOfFile: "\(Fixtures.shippedChecklistsDirectory)/climbie-compliance.xml", encoding: .utf8)
        _ = try twins.write("a.xml", source)
        _ = try twins.write("b.xml", source)
        let listed = CommandRunner.run(["checklist", "list", "--dir", twins.path])
        #expect(listed.status == 1)
        #expect(listed.errors.contains("\(twins.path)/a.xml"))
        #expect(listed.errors.contains("\(twins.path)/b.xml"))
        #expect(listed.errors.contains("both hold checklist 'climbie-compliance' version 1.0.0"))
        let draw = CommandRunner.run(
            ["sample", "draw", "--month", "2026-12", "--checklist", "climbie-compliance", "--per-team", "1", "--seed", "3", "--dir", twins.path,
             "--database", database], today: Self.today)
        #expect(draw.status == 1)
        #expect(draw.errors.contains("both hold checklist 'climbie-compliance' version 1.0.0"))
    }

    // 9. A paper sheet may write an answer as its value, key or label in any case, and a row
    // with several faults has each reported.
    @Test func sheetsTakeAnswersAsPeopleWriteThemAndReportEveryFault() throws {
        importCouncil()
        #expect(run(["sample", "draw", "--month", "2026-12", "--checklist", "climbie-compliance", "--per-team", "1", "--seed", "3"]).status == 0)
        let file = try #require(try allocations().first)
        let reference = try #require(file["caseReference"] as? String)
        let auditor = try #require(file["auditorID"] as? String)
        let loose = try folder.write("loose.csv", "item,answer,note,who,due\nallocated,Yes,,,\ndecision-recorded,Y,,,\ndecision-24h,YES,,,\n")
        let kept = run(["audit", "score", reference, "--auditor", auditor, "--answers", loose])
        #expect(kept.status == 0, "\(kept.errors)")
        #expect(kept.output.contains("Recorded 3 answers"))
        let faulty = try folder.write("faulty.csv", "item,answer,note,who,due\n#action,,,,2026-01-05\n")
        let refused = run(["audit", "score", reference, "--auditor", auditor, "--answers", faulty])
        #expect(refused.status == 1)
        #expect(refused.errors.contains("faulty.csv:2:2: error: the action does not say what is to be done") || refused.errors.contains("faulty.csv:2:2:"))
        #expect(refused.errors.contains("faulty.csv:2:4: error: the action does not say who is to do it"))
        #expect(refused.errors.contains("faulty.csv:2:5: error: the action is due 2026-01-05, which is in the past"))
    }

    // 10. audit show names each item's id (for an amendment sheet); audit list shows the due date.
    @Test func auditsShowItemIDsAndDueDates() throws {
        importCouncil()
        #expect(run(["sample", "draw", "--month", "2026-12", "--checklist", "climbie-compliance", "--per-team", "1", "--seed", "3"]).status == 0)
        let file = try #require(try allocations().first)
        let reference = try #require(file["caseReference"] as? String)
        let auditor = try #require(file["auditorID"] as? String)
        #expect(run(["audit", "score", reference, "--auditor", auditor, "--answers", try bestSheet(), "--submit"]).status == 0)
        let shown = run(["audit", "show", "1"])
        #expect(shown.output.contains("[allocated] Yes: Is the case allocated"))
        let listed = run(["audit", "list"])
        #expect(listed.output.contains("DUE"))
        #expect(listed.output.contains("2026-12-31"))
    }

    // 3. An action keeps its number and its status across versions of its audit.
    @Test func actionsStayDoneThroughAnAmendment() throws {
        importCouncil()
        #expect(run(["sample", "draw", "--month", "2026-12", "--checklist", "climbie-compliance", "--per-team", "1", "--seed", "3"]).status == 0)
        let file = try #require(try allocations().first)
        let reference = try #require(file["caseReference"] as? String)
        let auditor = try #require(file["auditorID"] as? String)
        let best = try String(contentsOfFile: try bestSheet(), encoding: .utf8)
        let withActions = try folder.write(
            "actions.csv",
            best.replacingOccurrences(of: "item,answer,note\n", with: "item,answer,note,who,due\n")
                + "#action,Update the chronology,,sw1,2026-12-15\n#action,Record the child's views,,sw1,2026-12-20\n")
        #expect(run(["audit", "score", reference, "--auditor", auditor, "--answers", withActions, "--submit"]).status == 0)
        #expect(run(["audit", "actions", "--done", "1"]).status == 0)
        let change = try folder.write("amend.csv", "item,answer,note,who,due\n#action,Check the plan's review date,,tm1,2026-12-22\n")
        let amended = run(["audit", "amend", "1", "--by", "qa1", "--reason", "A third action agreed at supervision", "--answers", change])
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
        #expect(stratum.errors.contains("--stratum-rate: no stratum is called 'Nope'"))
        let json = run(["sample", "plan", "--format", "json"])
        #expect(json.status == 0)
        let plan = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        #expect(plan["population"] as? Int == 1500)
        #expect((plan["strata"] as? [[String: Any]])?.isEmpty == false)
    }
}
