import CaseAudit
import CaseAuditTestSupport
import Foundation
import Testing

/// `audit score --answers`: a paper audit keyed in bulk, in-process, against a real SQLite file
/// and a real PostgreSQL database alike.
@Suite struct AuditScoreCommandTests {
    /// One test's council: its folder, its database and the engine it is on.
    struct Bench {
        let engine: CommandEngine
        let folder: TemporaryDirectory
        let database: String

        init(_ engine: CommandEngine) throws {
            self.engine = engine
            folder = try TemporaryDirectory()
            database = try engine.newDatabase(in: folder)
        }

        func run(_ arguments: [String]) -> CommandResult {
            CommandRunner.run(
                arguments + ["--database", database, "--dir", Fixtures.shippedChecklistsDirectory], today: "2026-11-21")
        }

        /// Imports the demo council, draws December's sample and returns one allocated file.
        func drawnFile() throws -> (reference: String, auditor: String) {
            try engine.importSampleCouncil(into: database, in: folder)
            #expect(
                run([
                    "sample", "draw", "--month", "2026-12", "--checklist", "climbie-compliance", "--per-team", "1",
                    "--seed", "3",
                ]).status == 0)
            let listed = CommandRunner.run(["audit", "list", "--format", "json", "--database", database]).output
            let all = try #require(try JSONSerialization.jsonObject(with: Data(listed.utf8)) as? [[String: Any]])
            let first = try #require(all.first)
            return (try #require(first["caseReference"] as? String), try #require(first["auditorID"] as? String))
        }

        /// The best answer to every item asked, in order, as CSV rows.
        func bestAnswers() throws -> [String] {
            let checklist = try ChecklistLoader().load(
                file: "\(Fixtures.shippedChecklistsDirectory)/climbie-compliance.xml"
            ).checklist
            var session = ScoringSession(checklist: checklist)
            var rows: [String] = []
            while let item = session.nextItem, rows.count <= checklist.itemCount {
                let scale = try #require(checklist.scale(for: item))
                let best = try #require(scale.options.first { $0.counts && $0.score == scale.maximumScore })
                try session.answer(item.id, value: best.value)
                rows.append("\(item.id),\(best.value),")
            }
            return rows
        }

        func sheet(_ name: String, _ rows: [String]) throws -> String {
            let path = "\(folder.path)/\(name)"
            try Data((["item,answer,note"] + rows).joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: path))
            return path
        }

        func listed(_ arguments: [String], today: String = "2026-11-21") throws -> [[String: Any]] {
            let output = CommandRunner.run(
                ["audit", "list", "--format", "json", "--database", database] + arguments, today: today
            ).output
            return try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [[String: Any]])
        }
    }

    @Test(arguments: CommandEngine.allCases) func entersAPaperAuditInPartsAndResumesWhereItStopped(
        _ engine: CommandEngine
    ) throws {
        let bench = try Bench(engine)
        let file = try bench.drawnFile()
        let rows = try bench.bestAnswers()
        let first = bench.run([
            "audit", "score", file.reference, "--on-behalf-of", file.auditor, "--answers",
            try bench.sheet("part1.csv", Array(rows.prefix(3))),
        ])
        #expect(first.status == 0)
        #expect(first.output.contains("Recorded 3 answers for case \(file.reference)"))
        // Items whose condition needs a later answer are not asked yet, so "of" counts fewer.
        #expect(first.output.contains(": 3 of "))
        #expect(first.output.contains("Next unanswered item: \(rows[3].split(separator: ",")[0])"))
        let listed = CommandRunner.run(["audit", "list", "--auditor", file.auditor, "--database", bench.database])
            .output
        #expect(listed.split(separator: "\n").contains { $0.contains(file.reference) && $0.contains(" in-progress ") })

        let rest = bench.run([
            "audit", "score", file.reference, "--on-behalf-of", file.auditor, "--answers",
            try bench.sheet("part2.csv", Array(rows.dropFirst(3))),
        ])
        #expect(rest.status == 0)
        #expect(rest.output.contains("\(rows.count) of \(rows.count) asked items answered"))
        #expect(rest.output.contains("Computed grade: Outstanding (score 100%)"))
        // Keyed without --submit, the audit is open, and the output says so and how to submit it.
        #expect(rest.output.contains("Not submitted: the audit stays open. To submit it, run this again with --submit"))
        let submitted = bench.run([
            "audit", "score", file.reference, "--on-behalf-of", file.auditor, "--answers",
            try bench.sheet("part2.csv", Array(rows.dropFirst(3))), "--submit",
        ])
        #expect(submitted.status == 0, "\(submitted.errors)")
        #expect(submitted.output.contains("Submitted audit "))
        #expect(!submitted.output.contains("Not submitted"))
    }

    @Test(arguments: CommandEngine.allCases) func aBadSheetNamesEveryRowAndKeepsNothing(_ engine: CommandEngine) throws
    {
        let bench = try Bench(engine)
        let file = try bench.drawnFile()
        let rows = try bench.bestAnswers()
        let item = rows[0].split(separator: ",")[0]
        let bad = try bench.sheet(
            "bad.csv",
            [rows[0], "no-such-item,yes,", "\(item),no,", rows[1].replacingOccurrences(of: ",yes,", with: ",maybe,")])
        let refused = bench.run(["audit", "score", file.reference, "--on-behalf-of", file.auditor, "--answers", bad])
        #expect(refused.status == 1)
        #expect(refused.errors.contains("bad.csv:3:1: error: the checklist has no item 'no-such-item'"))
        #expect(refused.errors.contains("bad.csv:4:1: error: item '\(item)' is answered twice (first on line 2)"))
        #expect(refused.errors.contains("bad.csv:5:2: error: 'maybe' is not an answer to item"))

        // Nothing of the refused sheet was kept: one good answer makes one answered item.
        let good = bench.run([
            "audit", "score", file.reference, "--on-behalf-of", file.auditor, "--answers",
            try bench.sheet("good.csv", [rows[0]]),
        ])
        #expect(good.status == 0)
        #expect(good.output.contains("1 of "))
    }

    @Test(arguments: CommandEngine.allCases) func refusesAFileAllocatedToSomeoneElseOrNeverDrawn(
        _ engine: CommandEngine
    ) throws {
        let bench = try Bench(engine)
        let file = try bench.drawnFile()
        let answers = try bench.sheet("one.csv", [try bench.bestAnswers()[0]])
        let other = bench.run([
            "audit", "score", file.reference, "--on-behalf-of", "someone-else", "--answers", answers,
        ])
        #expect(other.status == 1)
        #expect(other.errors.contains("is allocated to \(file.auditor) (sample 1, 2026-12), not someone-else"))
        let undrawn = bench.run(["audit", "score", "NOT-DRAWN-1", "--on-behalf-of", file.auditor, "--answers", answers])
        #expect(undrawn.status == 1)
        #expect(undrawn.errors.contains("case 'NOT-DRAWN-1' is not allocated in any sample"))
    }

    @Test(arguments: CommandEngine.allCases) func submitsAPaperAuditWithJudgementAndActionsThenRefusesToScoreItAgain(
        _ engine: CommandEngine
    ) throws {
        let bench = try Bench(engine)
        let file = try bench.drawnFile()
        let rows = try bench.bestAnswers()
        let path = "\(bench.folder.path)/paper.csv"
        let text =
            (["item,answer,note,who,due"] + rows.map { $0 + "," }
            + [
                "#judgement,good,Recording is late,,",
                "#action,Bring the chronology up to date,,\(file.auditor),2026-12-20",
            ])
            .joined(separator: "\n")
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let submitted = bench.run([
            "audit", "score", file.reference, "--on-behalf-of", file.auditor, "--answers", path, "--submit",
        ])
        #expect(submitted.status == 0, "\(submitted.errors)")
        #expect(submitted.output.contains("Kept the judgement 'good' and 1 action."))
        #expect(submitted.output.contains("Submitted audit 1 of case \(file.reference): good."))

        let done = try bench.listed(["--status", "submitted"])
        #expect(done.count == 1)
        #expect(done.first?["caseReference"] as? String == file.reference)
        #expect(done.first?["auditID"] as? Int == 1)

        let shown = CommandRunner.run(["audit", "show", "1", "--database", bench.database])
        #expect(shown.status == 0)
        #expect(
            shown.output.contains(
                "Audit 1 · case \(file.reference) · auditor \(file.auditor) · climbie-compliance 1.0.0 · version 1 · submitted"
            ))
        #expect(shown.output.contains("Computed grade: outstanding (score 100%)"))
        #expect(shown.output.contains("Judgement: good, because: Recording is late"))
        #expect(shown.output.contains("- Bring the chronology up to date (\(file.auditor), due 2026-12-20)"))

        let again = bench.run([
            "audit", "score", file.reference, "--on-behalf-of", file.auditor, "--answers",
            try bench.sheet("again.csv", [rows[0]]),
        ])
        #expect(again.status == 1)
        #expect(again.errors.contains("was audited and submitted"))
        #expect(again.errors.contains("caseaudit audit amend 1"))
    }

    @Test(arguments: CommandEngine.allCases) func refusesToSubmitAnIncompleteSheetButKeepsIt(_ engine: CommandEngine)
        throws
    {
        let bench = try Bench(engine)
        let file = try bench.drawnFile()
        let rows = try bench.bestAnswers()
        let partial = bench.run([
            "audit", "score", file.reference, "--on-behalf-of", file.auditor, "--answers",
            try bench.sheet("part.csv", Array(rows.prefix(2))), "--submit",
        ])
        #expect(partial.status == 1)
        #expect(
            partial.errors.contains("part.csv: not submitted: ")
                && partial.errors.contains("asked items are not answered yet"))
        #expect(try bench.listed(["--status", "in-progress"]).count == 1)
    }

    @Test(arguments: CommandEngine.allCases) func keysInAJSONSheet(_ engine: CommandEngine) throws {
        let bench = try Bench(engine)
        let file = try bench.drawnFile()
        let answers = try bench.bestAnswers().map { row -> [String: String] in
            let fields = row.split(separator: ",", omittingEmptySubsequences: false)
            return ["item": String(fields[0]), "answer": String(fields[1])]
        }
        let document: [String: Any] = [
            "answers": answers, "actions": [["what": "Visit the child at home", "who": "sw1", "due": "2026-12-01"]],
        ]
        let path = "\(bench.folder.path)/paper.json"
        try JSONSerialization.data(withJSONObject: document, options: .prettyPrinted).write(
            to: URL(fileURLWithPath: path))
        let keyed = bench.run([
            "audit", "score", file.reference, "--on-behalf-of", file.auditor, "--answers", path, "--submit",
        ])
        #expect(keyed.status == 0, "\(keyed.errors)")
        #expect(keyed.output.contains("Submitted audit 1 of case \(file.reference): outstanding."))
    }

    @Test(arguments: CommandEngine.allCases) func amendsASubmittedAuditAsANewVersion(_ engine: CommandEngine) throws {
        let bench = try Bench(engine)
        let file = try bench.drawnFile()
        let rows = try bench.bestAnswers()
        #expect(
            bench.run([
                "audit", "score", file.reference, "--on-behalf-of", file.auditor, "--answers",
                try bench.sheet("all.csv", rows),
                "--submit",
            ]).status == 0)
        let item = rows[1].split(separator: ",")[0]
        let change = try bench.sheet("change.csv", ["\(item),no,No decision recorded after all"])

        let noReason = CommandRunner.run([
            "audit", "amend", "1", "--reason", " ", "--answers", change, "--database", bench.database,
        ])
        #expect(noReason.status == 2)
        // Who amended it, as the system says: on a file its holder's account (nobody in the
        // chart); on a server the person the database login maps to.
        let amender = engine == .sqlite ? Fixtures.account : "qa1"
        let amended = CommandRunner.run(
            [
                "audit", "amend", "1", "--reason", "Decision was for a sibling", "--answers",
                change, "--database", bench.database,
            ],
            today: "2026-11-21")
        #expect(amended.status == 0, "\(amended.errors)")
        #expect(
            amended.output.contains(
                "version 2 is audit 2 (by \(amender): Decision was for a sibling); judgement inadequate"))

        let old = CommandRunner.run(["audit", "show", "1", "--database", bench.database]).output
        #expect(old.contains("version 1 · superseded"))
        #expect(old.contains("Superseded by audit 2"))
        let new = CommandRunner.run(["audit", "show", "2", "--format", "json", "--database", bench.database])
            .output
        let record = try #require(try JSONSerialization.jsonObject(with: Data(new.utf8)) as? [String: Any])
        #expect(record["version"] as? Int == 2)
        #expect(record["amends"] as? Int == 1)
        #expect(record["amendedReason"] as? String == "Decision was for a sibling")
        #expect(record["computedGrade"] as? String == "inadequate")
        #expect(
            try bench.listed([]).first { $0["caseReference"] as? String == file.reference }?["auditID"] as? Int == 2)

        let twice = CommandRunner.run([
            "audit", "amend", "1", "--reason", "again", "--answers", change, "--database",
            bench.database,
        ])
        #expect(twice.status == 1)
        #expect(twice.errors.contains("already amended by audit 2"))

        // The file's life in the trail: keyed for its auditor, submitted, amended with the
        // reason, the old and new answer side by side; the refused second amendment left nothing.
        let history = CommandRunner.run(["audit", "history", "2", "--database", bench.database])
        #expect(history.status == 0, "\(history.errors)")
        for expected in [
            "file.allocated", "audit.started", "audit.keyed", "answer.recorded", "for \(file.auditor)",
            "audit.submitted", "audit.amended", "(reason: Decision was for a sibling)", "amends audit 1",
            "\(item): no (note: No decision recorded after all), was ",
        ] {
            #expect(history.output.contains(expected), "\(expected)")
        }
        #expect(!history.output.contains("again"))
        let events = CommandRunner.run([
            "log", "show", "--audit", "1", "--format", "json", "--database", bench.database,
        ])
        let decoded = try #require(try JSONSerialization.jsonObject(with: Data(events.output.utf8)) as? [[String: Any]])
        #expect(decoded.count == rows.count + 3, "started, keyed, each answer, submitted")
        #expect(decoded.allSatisfy { $0["entity"] as? String == "audit" && $0["entity_id"] as? String == "1" })
    }

    @Test(arguments: CommandEngine.allCases) func listsByStatusIncludingOverdue(_ engine: CommandEngine) throws {
        let bench = try Bench(engine)
        let file = try bench.drawnFile()
        #expect(
            bench.run([
                "audit", "score", file.reference, "--on-behalf-of", file.auditor, "--answers",
                try bench.sheet("one.csv", [try bench.bestAnswers()[0]]),
            ]).status == 0)
        let all = try bench.listed([])
        #expect(
            try bench.listed(["--status", "in-progress"]).map { $0["caseReference"] as? String } == [file.reference])
        #expect(try bench.listed(["--status", "allocated"]).count == all.count - 1)
        // December's files are due on 31 December: none is overdue before then, all after.
        #expect(try bench.listed(["--status", "overdue"], today: "2026-12-31").isEmpty)
        #expect(try bench.listed(["--status", "overdue"], today: "2027-01-01").count == all.count)
        let bad = CommandRunner.run(["audit", "list", "--status", "late", "--database", bench.database])
        #expect(bad.status == 2)
        // --month keeps a month's files, with --status too; a month with none says so.
        #expect(try bench.listed(["--month", "2026-12"]).count == all.count)
        #expect(try bench.listed(["--month", "2026-12", "--status", "in-progress"]).count == 1)
        #expect(try bench.listed(["--month", "2026-11"]).isEmpty)
        let none = CommandRunner.run(["audit", "list", "--month", "2026-11", "--database", bench.database])
        #expect(none.output == "No files allocated for 2026-11.\n")
        #expect(CommandRunner.run(["audit", "list", "--month", "November", "--database", bench.database]).status == 2)
    }

    @Test(arguments: CommandEngine.allCases) func showRefusesAnUnknownAudit(_ engine: CommandEngine) throws {
        let bench = try Bench(engine)
        #expect(
            CommandRunner.run([
                "org", "import", "\(Fixtures.packageRoot)/Samples/org.csv", "--database", bench.database,
            ])
            .status == 0)
        let shown = CommandRunner.run(["audit", "show", "99", "--database", bench.database])
        #expect(shown.status == 1)
        // Whoever holds everything sees every audit: there is none.
        #expect(shown.errors.hasSuffix("there is no audit 99\n"), "\(shown.errors)")
    }

    @Test(arguments: CommandEngine.allCases) func listsActionsAndMarksOneDone(_ engine: CommandEngine) throws {
        let bench = try Bench(engine)
        let file = try bench.drawnFile()
        let rows = try bench.bestAnswers()
        let path = "\(bench.folder.path)/actions.csv"
        let text =
            (["item,answer,note,who,due"] + rows.map { $0 + "," }
            + ["#action,Update the chronology,,sw1,2026-11-25", "#action,Review the plan,,sw2,2026-12-20"]).joined(
                separator: "\n")
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        #expect(
            bench.run(["audit", "score", file.reference, "--on-behalf-of", file.auditor, "--answers", path, "--submit"])
                .status
                == 0)

        func actions(_ arguments: [String], today: String) -> CommandResult {
            CommandRunner.run(["audit", "actions", "--database", bench.database] + arguments, today: today)
        }
        let overdue = actions(["--status", "overdue"], today: "2026-11-30")
        #expect(overdue.output.contains("Update the chronology") && !overdue.output.contains("Review the plan"))
        #expect(overdue.output.contains("OVERDUE"))
        #expect(actions(["--done", "1"], today: "2026-11-30").output == "Action 1 is done.\n")
        #expect(actions(["--status", "overdue"], today: "2026-11-30").output == "No overdue actions.\n")
        #expect(
            actions(["--status", "done", "--format", "json"], today: "2026-11-30").output.contains(
                "\"what\" : \"Update the chronology\""))
        let again = actions(["--done", "1"], today: "2026-11-30")
        #expect(again.status == 1)
        #expect(again.errors.contains("there is no open action 1"))
    }
}
