import CaseAuditTestSupport
import Foundation
import Testing

/// org, cases, sample and generate, in-process, against a real SQLite file and a real
/// PostgreSQL database alike (the checks of files themselves on SQLite only).
@Suite struct PopulationCommandTests {
    /// One test's council: its folder, its database and the engine it is on.
    struct Bench {
        let engine: CommandEngine
        let folder: TemporaryDirectory
        let database: String
        /// The demo org chart as this engine's tests import it.
        let chart: String

        init(_ engine: CommandEngine) throws {
            self.engine = engine
            folder = try TemporaryDirectory()
            database = try engine.newDatabase(in: folder)
            chart = try engine.sampleChart(in: folder)
        }

        func run(_ arguments: [String], today: String = "2026-11-21") -> CommandResult {
            CommandRunner.run(arguments + ["--database", database], today: today)
        }

        func importDemoCouncil() {
            #expect(run(["org", "import", chart]).status == 0)
            #expect(run(["cases", "import", "\(Fixtures.packageRoot)/Samples/cases.csv"]).status == 0)
        }
    }

    @Test(arguments: CommandEngine.allCases) func importsAndShowsTheOrgChart(_ engine: CommandEngine) throws {
        let bench = try Bench(engine)
        let imported = bench.run(["org", "import", bench.chart])
        #expect(imported.status == 0)
        #expect(
            imported.output.contains(
                "Imported 117 people (84 SW, 12 ATM, 12 TM, 4 SM, 2 AD, 1 DCS, 1 IRO, 1 QA) and 12 teams"))
        // Only a server has logins to bring into line.
        #expect(imported.output.contains("caseaudit server grant") == (engine == .postgresql), "\(imported.output)")
        let shown = bench.run(["org", "show"])
        #expect(shown.status == 0)
        #expect(shown.output.hasPrefix("DCS "))
        #expect(shown.output.contains("├─ AD "))
        #expect(shown.output.contains(": manages Assessment 1"))
        #expect(shown.output.hasSuffix("117 people, 12 teams\n"))
    }

    @Test(arguments: CommandEngine.allCases) func aBadOrgChartChangesNothing(_ engine: CommandEngine) throws {
        let bench = try Bench(engine)
        #expect(bench.run(["org", "import", Fixtures.population("org-valid.csv")]).status == 0)
        let before = bench.run(["org", "show", "--format", "json"]).output
        let failed = bench.run(["org", "import", Fixtures.population("org-cycle.csv")])
        #expect(failed.status == 1)
        #expect(failed.errors.contains("org-cycle.csv:3:6: error: reporting lines go round in a circle"))
        #expect(bench.run(["org", "show", "--format", "json"]).output == before)
    }

    @Test(arguments: CommandEngine.allCases) func importsACaseListAndSummarisesIt(_ engine: CommandEngine) throws {
        let bench = try Bench(engine)
        bench.importDemoCouncil()
        let summary = bench.run(["cases", "summary"])
        #expect(summary.status == 0)
        #expect(summary.output.contains("Assessment 1        84   37   0    0    121"))
        #expect(summary.output.contains("(unallocated)       14   4    7    2    27"))
        let json = try #require(
            try JSONSerialization.jsonObject(
                with: Data(bench.run(["cases", "summary", "--format", "json"]).output.utf8))
                as? [String: Any])
        #expect(json["total"] as? Int == 1500)
        #expect(json["unallocated"] as? Int == 27)
    }

    @Test(arguments: CommandEngine.allCases) func aBadCaseListIsRefusedWholeWithRowsAndColumns(_ engine: CommandEngine)
        throws
    {
        let bench = try Bench(engine)
        let result = bench.run(["cases", "import", Fixtures.population("cases-bad-rows.csv")])
        #expect(result.status == 1)
        #expect(result.errorLines.count == 4)
        #expect(
            result.errorLines[0].hasSuffix(
                "cases-bad-rows.csv:2:4: error: '2025-02-30' in 'Opened' is not a date (expected yyyy-mm-dd or dd/mm/yyyy)"
            ))
        #expect(bench.run(["cases", "summary"]).status == 1)
    }

    @Test func mapFlagsNameColumnsAndBadOnesAreUsageErrors() throws {
        let bench = try Bench(.sqlite)
        let mapped = bench.run([
            "cases", "import", Fixtures.population("cases-custom-headers.csv"), "--map", "case-type=Kind", "--map",
            "team=Where",
        ])
        #expect(mapped.status == 0, "\(mapped.errors)")
        #expect(mapped.output.contains("Snapshot 1: 1 case from"))
        #expect(
            bench.run(["cases", "import", Fixtures.population("cases-custom-headers.csv"), "--map", "colour=Kind"])
                .status
                == 2)
        let missing = bench.run(["cases", "import", "\(bench.folder.path)/list.xlsx"])
        #expect(missing.status == 1)
        #expect(missing.errors.contains("list.xlsx: error: no such file"))
    }

    @Test(arguments: CommandEngine.allCases) func drawsTheSameSampleFromTheSameSeed(_ engine: CommandEngine) throws {
        let bench = try Bench(engine)
        bench.importDemoCouncil()
        let arguments = [
            "sample", "draw", "--month", "2026-12", "--checklist", "climbie-compliance", "--per-team", "2",
            "--seed", "77", "--dir", Fixtures.shippedChecklistsDirectory,
        ]
        let first = bench.run(arguments)
        #expect(first.status == 0, "\(first.errors)")
        #expect(first.output.contains("26 files from 13 strata"))
        // The same draw again, afresh (nothing scored yet): the replaced sample is kept.
        #expect(bench.run(arguments + ["--replace"]).status == 0)
        let json = try #require(
            try JSONSerialization.jsonObject(
                with: Data(bench.run(["sample", "show", "--month", "2026-12", "--format", "json"]).output.utf8))
                as? [[String: Any]])
        #expect(json.count == 2)
        let references = json.map { ($0["cases"] as? [[String: Any]])?.compactMap { $0["reference"] as? String } ?? [] }
        #expect(references[0] == references[1])
        #expect(references[0].count == 26)
        let parameters = try #require(json[0]["parameters"] as? [String: Any])
        #expect(parameters["seed"] as? UInt64 == 77)
        #expect(parameters["caseTypes"] as? [String] == ["CIN", "CP", "LAC"])
        let csv = bench.run(["sample", "show", "--format", "csv"])
        #expect(csv.output.split(separator: "\r\n").count == 53)
    }

    @Test(arguments: CommandEngine.allCases) func aGeneratedSeedIsPrintedAndRecorded(_ engine: CommandEngine) throws {
        let bench = try Bench(engine)
        bench.importDemoCouncil()
        let drawn = bench.run([
            "sample", "draw", "--month", "2026-11", "--checklist", "supervision", "--size", "20", "--dir",
            Fixtures.shippedChecklistsDirectory,
        ])
        #expect(drawn.status == 0)
        let seedLine = try #require(drawn.output.split(separator: "\n").first { $0.hasPrefix("Seed ") })
        let seed = try #require(UInt64(seedLine.dropFirst(5).prefix { $0.isNumber }))
        #expect(bench.run(["sample", "show", "--month", "2026-11"]).output.contains("Seed \(seed)"))
    }

    @Test(arguments: CommandEngine.allCases) func refusesBadMonthsSeedsAndSizes(_ engine: CommandEngine) throws {
        let bench = try Bench(engine)
        bench.importDemoCouncil()
        let base = [
            "sample", "draw", "--checklist", "climbie-compliance", "--dir", Fixtures.shippedChecklistsDirectory,
        ]
        let future = bench.run(base + ["--month", "2027-03", "--size", "5"])
        #expect(future.status == 1)
        #expect(future.errors.contains("is in the future"))
        #expect(bench.run(base + ["--month", "2026-13", "--size", "5"]).status == 2)
        #expect(bench.run(base + ["--month", "Dec 2026", "--size", "5"]).status == 2)
        #expect(bench.run(base + ["--month", "2026-12", "--size", "5", "--seed", "abc"]).status == 2)
        #expect(bench.run(base + ["--month", "2026-12"]).status == 2)
        #expect(bench.run(base + ["--month", "2026-12", "--size", "5", "--per-team", "2"]).status == 2)
        #expect(bench.run(base + ["--month", "2026-12", "--size", "0"]).status == 2)
        #expect(bench.run(base + ["--month", "2026-12", "--size", "5", "--case-types", "CL"]).status == 1)
    }

    @Test(arguments: CommandEngine.allCases) func drawingBeforeImportingSaysWhatToDo(_ engine: CommandEngine) throws {
        let bench = try Bench(engine)
        #expect(bench.run(["org", "import", bench.chart]).status == 0)
        let result = bench.run([
            "sample", "draw", "--month", "2026-12", "--checklist", "supervision", "--size", "5", "--dir",
            Fixtures.shippedChecklistsDirectory,
        ])
        #expect(result.status == 1)
        #expect(result.errors.contains("no case list yet"))
    }

    @Test func theCommittedSamplesAreWhatTheGeneratorMakes() throws {
        let bench = try Bench(.sqlite)
        let result = CommandRunner.run(["generate", "--out", bench.folder.path, "--as-of", "2026-11-01"])
        #expect(result.status == 0)
        for file in [
            "org.csv", "cases.csv", "annex-a.xlsx", "board/board-audit-tool.xlsx", "board/board-audit-tool-v2.xlsx",
            "board/board-audit-tool.docx", "board/board-audit-tool.csv",
        ] {
            let made = try Data(contentsOf: URL(fileURLWithPath: "\(bench.folder.path)/\(file)"))
            let committed = try Data(contentsOf: URL(fileURLWithPath: "\(Fixtures.packageRoot)/Samples/\(file)"))
            #expect(made == committed, "run `make samples` and commit Samples/\(file)")
        }
    }

    @Test func theDatabaseRefusesToBeNewerThanTheBinary() throws {
        let bench = try Bench(.sqlite)
        #expect(bench.run(["cases", "summary"]).status == 1)
        let other = "\(bench.folder.path)/notes.sqlite"
        try Data(String(repeating: "not sqlite\n", count: 100).utf8).write(to: URL(fileURLWithPath: other))
        let result = CommandRunner.run(["org", "show", "--database", other])
        #expect(result.status == 1)
        #expect(result.errors.contains("cannot open the database"))
    }

    @Test(arguments: CommandEngine.allCases) func allocatesFilesAndListsThemForEachAuditor(_ engine: CommandEngine)
        throws
    {
        let bench = try Bench(engine)
        bench.importDemoCouncil()
        let drawn = bench.run([
            "sample", "draw", "--month", "2026-12", "--checklist", "climbie-compliance", "--per-team", "2",
            "--seed", "5", "--dir", Fixtures.shippedChecklistsDirectory,
        ])
        #expect(drawn.status == 0)
        #expect(drawn.output.contains("Allocated 26 of 26 files to"))
        let all = try #require(
            try JSONSerialization.jsonObject(with: Data(bench.run(["audit", "list", "--format", "json"]).output.utf8))
                as? [[String: Any]])
        #expect(all.count == 26)
        let auditor = try #require(all.first?["auditorID"] as? String)
        let mine = bench.run(["audit", "list", "--auditor", auditor])
        #expect(mine.status == 0)
        #expect(mine.output.contains("2026-12"))
        #expect(
            mine.output.split(separator: "\n").count == 1 + all.filter { $0["auditorID"] as? String == auditor }.count)
        #expect(bench.run(["audit", "list", "--auditor", "nobody"]).status == 1)
        // Nothing in a state says which, in words.
        #expect(
            bench.run(["audit", "list", "--auditor", auditor, "--status", "submitted"]).output
                == "No files allocated to \(auditor) that are submitted.\n")
        #expect(
            bench.run(["audit", "list", "--status", "in-progress"]).output
                == "No files allocated that are in progress.\n")
    }

    @Test(arguments: CommandEngine.allCases) func quotasThatCannotBeMetAreReported(_ engine: CommandEngine) throws {
        let bench = try Bench(engine)
        bench.importDemoCouncil()
        let base = [
            "sample", "draw", "--month", "2026-12", "--checklist", "climbie-compliance", "--per-team", "2", "--seed",
            "5",
            "--dir", Fixtures.shippedChecklistsDirectory,
        ]
        let tight = bench.run(base + ["--quota", "TM=1"])
        #expect(tight.status == 0)
        #expect(tight.output.contains("Allocated 12 of 26 files"))
        // One line for the fourteen, by reason, not fourteen warnings.
        #expect(tight.errorLines.count == 1)
        #expect(
            tight.errors.contains(
                "14 files are not allocated: 13 because every auditor's quota is used up; 1 because every auditor with quota left manages team"
            ))
        #expect(
            tight.errors.contains(
                "; to allocate more, use --allow-own-line or raise --quota; `caseaudit sample show --month 2026-12 --format csv` lists each with its reason"
            ))
        let nobody = bench.run(base + ["--quota", "IRO=2,ATM=1", "--replace"])
        #expect(nobody.status == 0)
        let noLevel = CommandRunner.run(base + ["--quota", "XX=2", "--database", bench.database])
        #expect(noLevel.status == 2)
    }

    @Test(arguments: CommandEngine.allCases) func plansTheSampleSize(_ engine: CommandEngine) throws {
        let bench = try Bench(engine)
        bench.importDemoCouncil()
        let plan = bench.run(["sample", "plan"])
        #expect(plan.status == 0)
        #expect(plan.output.contains("91 files from a population of 1500"))
        #expect(plan.output.contains("Cochran"))
        // Every column is explained: PLAN is the allocation chosen, OWN what a stratum needs alone.
        #expect(plan.output.contains("NEYMAN  OWN ±10%\n"))
        #expect(
            plan.output.hasSuffix(
                "PLAN is the proportional allocation of the 91; OWN ±10% is what a stratum would need to "
                    + "estimate its own rate within ±10%, alone.\n"))
        #expect(bench.run(["sample", "plan", "--confidence", "1.5"]).status == 2)
        #expect(bench.run(["sample", "plan", "--allocation", "random"]).status == 2)
        #expect(bench.run(["sample", "plan", "--stratum-rate", "A=2"]).status == 2)
    }

    @Test func showsProgressOnATerminalOnly() throws {
        let bench = try Bench(.sqlite)
        let rows = (0..<45_000).map { "C\($0),CIN,Team \($0 % 5)" }.joined(separator: "\n")
        let path = try bench.folder.write("many.csv", "Case Reference,Case Type,Team\n" + rows + "\n")
        let onTerminal = CommandRunner.run(["cases", "import", path, "--database", bench.database], terminal: true)
        #expect(onTerminal.status == 0)
        #expect(onTerminal.errors.contains("cases stored…"))
        #expect(onTerminal.errors.hasSuffix("\r\u{1B}[K"))
        let piped = CommandRunner.run(["cases", "import", path, "--database", "\(bench.folder.path)/other.sqlite"])
        #expect(piped.status == 0)
        #expect(piped.errors.isEmpty)
    }

    @Test(arguments: CommandEngine.allCases) func importsACensusWithATeamsFile(_ engine: CommandEngine) throws {
        let bench = try Bench(engine)
        let result = bench.run([
            "cases", "import", Fixtures.population("census-small.xml"), "--schema",
            "\(Fixtures.sharedDirectory)/formats/cin-census-2024.xsd", "--teams",
            Fixtures.population("census-teams.csv"),
        ])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("2 cases"))
        #expect(result.output.contains("1 unallocated"))
        #expect(result.errors.contains("1 child has no open episode"))
        #expect(!result.errors.contains("DfE schema"))
        #expect(!result.errors.contains("names no team"))
        let summary = bench.run(["cases", "summary"])
        #expect(summary.output.contains("Child Protection 1  0    1"))
        #expect(bench.run(["cases", "import", Fixtures.population("cases-valid.csv"), "--teams", "x.csv"]).status == 2)
        #expect(bench.run(["cases", "import", Fixtures.population("cases-valid.csv"), "--lists", "6"]).status == 2)
        let unchecked = bench.run(["cases", "import", Fixtures.population("census-small.xml")])
        #expect(unchecked.status == 0, "\(unchecked.errors)")
        #expect(
            unchecked.errors.contains(
                "census-small.xml: not checked against the DfE schema: give the schema with --schema FILE.xsd"))
        // Without a teams file every child is unallocated, and the import says how to give them teams.
        #expect(unchecked.output.contains("2 cases from") && unchecked.output.contains("2 unallocated"))
        #expect(
            unchecked.errors.contains(
                "census-small.xml: a census names no team or worker, so all 2 of its children are unallocated: "
                    + "give each child's team and worker with --teams FILE (a CSV of child id, team, worker)"))
    }

    @Test(arguments: CommandEngine.allCases) func importsAnAnnexAWorkbook(_ engine: CommandEngine) throws {
        let bench = try Bench(engine)
        let result = bench.run(["cases", "import", "\(Fixtures.sharedDirectory)/formats/annex-a-sample.xlsx"])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("17 cases"))
        #expect(result.errors.contains("6 rows have a closure or end date"))
        #expect(bench.run(["cases", "summary"]).output.contains("Care Leavers Team        0    0   0    6   6"))
        let listed = bench.run([
            "cases", "import", "\(Fixtures.sharedDirectory)/formats/annex-a-sample.xlsx", "--lists", "3,6,7,8,9",
        ])
        #expect(listed.output.contains("23 cases"))
        #expect(
            bench.run(["cases", "import", "\(Fixtures.sharedDirectory)/formats/annex-a-sample.xlsx", "--lists", "12"])
                .status
                == 2)
        let notZip = bench.run(["cases", "import", Fixtures.population("cases-valid.csv"), "--format", "annex-a"])
        #expect(notZip.status == 1)
        #expect(notZip.errors.contains("is not a zip file"))
    }

    @Test(arguments: CommandEngine.allCases) func leavesOutRecentlySampledCasesAndDrawsPerWorker(
        _ engine: CommandEngine
    ) throws {
        let bench = try Bench(engine)
        bench.importDemoCouncil()
        let base = [
            "sample", "draw", "--checklist", "climbie-compliance", "--dir", Fixtures.shippedChecklistsDirectory,
        ]
        #expect(bench.run(base + ["--month", "2026-11", "--per-team", "3", "--seed", "1"]).status == 0)
        let second = bench.run(
            base + ["--month", "2026-12", "--per-team", "3", "--seed", "1", "--exclude-audited-within", "6m"])
        #expect(second.status == 0)
        #expect(second.errors.contains("39 cases were left out: drawn within 6m"))
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(bench.run(["sample", "show", "--format", "json"]).output.utf8))
                as? [[String: Any]])
        let first = Set((json[0]["cases"] as? [[String: Any]] ?? []).compactMap { $0["reference"] as? String })
        let then = Set((json[1]["cases"] as? [[String: Any]] ?? []).compactMap { $0["reference"] as? String })
        #expect(first.count == 39)
        #expect(first.isDisjoint(with: then))

        let perWorker = bench.run(
            base + ["--month", "2026-12", "--per-worker", "1", "--seed", "2", "--weights", "CP=3", "--replace"])
        #expect(perWorker.status == 0, "\(perWorker.errors)")
        #expect(perWorker.output.contains("from 85 strata"))
        #expect(bench.run(base + ["--month", "2026-12", "--per-worker", "1", "--per-team", "1"]).status == 2)
        #expect(bench.run(base + ["--month", "2026-12", "--size", "5", "--weights", "CP=x"]).status == 2)
        #expect(bench.run(base + ["--month", "2026-12", "--size", "5", "--exclude-audited-within", "90d"]).status == 2)
    }

    @Test(arguments: CommandEngine.allCases) func anInspectorCanRedrawASampleFromItsRecord(_ engine: CommandEngine)
        throws
    {
        let bench = try Bench(engine)
        bench.importDemoCouncil()
        let base = [
            "sample", "draw", "--checklist", "climbie-compliance", "--dir", Fixtures.shippedChecklistsDirectory,
        ]
        #expect(bench.run(base + ["--month", "2026-11", "--per-team", "2", "--seed", "9"]).status == 0)
        #expect(
            bench.run(
                base + [
                    "--month", "2026-12", "--size", "30", "--seed", "10", "--weights", "CP=2",
                    "--exclude-audited-within", "3m",
                ]
            ).status == 0)
        for id in ["1", "2"] {
            let redraw = bench.run(["sample", "redraw", id])
            #expect(redraw.status == 0, "\(redraw.output)")
            #expect(redraw.output.contains("Identical"))
        }
        // Tamper with the record: the redraw no longer matches.
        #expect(bench.run(["cases", "import", Fixtures.population("cases-valid.csv")]).status == 0)
        try engine.execute("UPDATE sample SET snapshot_id = 2 WHERE id = 1", in: bench.database)
        let tampered = bench.run(["sample", "redraw", "1"])
        #expect(tampered.status == 1)
        #expect(tampered.output.contains("DIFFERENT"))
        #expect(bench.run(["sample", "redraw", "99"]).status == 1)
    }

    /// With --size, each stratum gets what `sample plan` says for proportional allocation.
    @Test(arguments: CommandEngine.allCases) func strataMatchThePlan(_ engine: CommandEngine) throws {
        let bench = try Bench(engine)
        bench.importDemoCouncil()
        let plan = bench.run(["sample", "plan"])
        #expect(plan.status == 0)
        let planned = plan.output.split(separator: "\n").compactMap { line -> (String, Int)? in
            let parts = line.split(separator: " ", omittingEmptySubsequences: true)
            guard parts.count >= 7, let n = Int(parts[parts.count - 5]) else { return nil }
            return (parts[0..<(parts.count - 6)].joined(separator: " "), n)
        }
        let total = planned.reduce(0) { $0 + $1.1 }
        #expect(total == 91)
        #expect(
            bench.run([
                "sample", "draw", "--month", "2026-12", "--checklist", "supervision", "--size", String(total), "--seed",
                "3",
                "--dir", Fixtures.shippedChecklistsDirectory,
            ]).status == 0)
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(bench.run(["sample", "show", "--format", "json"]).output.utf8))
                as? [[String: Any]])
        let drawn = Dictionary(
            grouping: (json[0]["cases"] as? [[String: Any]] ?? []).compactMap { $0["stratum"] as? String }, by: { $0 }
        )
        .mapValues(\.count)
        for (stratum, n) in planned where n > 0 {
            #expect(drawn[stratum] == n, "\(stratum)")
        }
    }
}
