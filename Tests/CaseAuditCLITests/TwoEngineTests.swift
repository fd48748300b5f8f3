import CaseAudit
import CaseAuditTestSupport
import Foundation
import Testing

/// One behaviour, two engines: the month's programme run by the commands on a SQLite file and
/// on a PostgreSQL database prints the same, and publishes the same figures.
@Suite struct TwoEngineTests {
    /// What each step printed, with the database's name and the clock's times taken out.
    /// `login`: who the engine says the tests are, made the council's quality lead.
    func programme(database: String, login: String, folder: TemporaryDirectory) throws -> [String] {
        func run(_ arguments: [String]) -> String {
            let result = CommandRunner.run(arguments + ["--database", database])
            #expect(result.status == 0, "\(arguments): \(result.errors)")
            return Self.normalised(result.output + result.errors, database: database)
        }
        let chart =
            try String(contentsOfFile: "\(Fixtures.packageRoot)/Samples/org.csv", encoding: .utf8)
            .split(whereSeparator: \.isNewline).enumerated().map {
                $0.offset == 0 ? $0.element + ",login" : $0.element + ","
            }
            .joined(separator: "\n") + "\nqa-tests,Quality lead (demo),QA,,,dcs,\(login)\n"
        let org = try folder.write("org-\(login).csv", chart)
        var printed = [run(["org", "import", org]).replacingOccurrences(of: org, with: "<org>")]
        // Who the tests are differs by engine (an account, a database login); what they may do does not.
        let whoami = run(["whoami"])
        #expect(whoami.contains("You are \(login) (") && whoami.contains(": qa-tests, Quality lead (demo), QA."))
        #expect(whoami.contains("Role: quality lead"))
        printed += [

            run(["cases", "import", "\(Fixtures.packageRoot)/Samples/cases.csv"]),
            run(["cases", "summary"]),
            run([
                "sample", "draw", "--month", "2026-12", "--checklist", "climbie-compliance", "--per-team", "2",
                "--seed", "20261201", "--dir", Fixtures.shippedChecklistsDirectory,
            ]),
            run(["sample", "show", "--format", "csv"]),
        ]
        let allocated = CommandRunner.run(["audit", "list", "--format", "json", "--database", database])
        let files = try #require(
            try JSONSerialization.jsonObject(with: Data(allocated.output.utf8)) as? [[String: Any]])
        #expect(files.count == 26)
        let sheet = try AnswerSheets.best(in: folder)
        for file in files.prefix(5) {
            let reference = try #require(file["caseReference"] as? String)
            let auditor = try #require(file["auditorID"] as? String)
            printed.append(
                run([
                    "audit", "score", reference, "--on-behalf-of", auditor, "--answers", sheet, "--submit", "--dir",
                    Fixtures.shippedChecklistsDirectory,
                ]))
        }
        printed.append(run(["audit", "list"]))
        printed.append(run(["export", "audits", "--format", "csv"]))
        printed.append(run(["export", "answers", "--format", "json"]))
        let out = "\(folder.path)/report"
        printed.append(
            run([
                "report", "monthly", "--month", "2026-12", "--format", "json,csv", "--out", out,
            ]).replacingOccurrences(of: out, with: "<out>"))
        printed.append(
            Self.normalised(try String(contentsOfFile: "\(out)/summary.json", encoding: .utf8), database: database))
        return printed
    }

    static func normalised(_ text: String, database: String) -> String {
        text.replacingOccurrences(of: database, with: "<database>")
            .replacingOccurrences(
                of: #"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z"#, with: "<time>", options: .regularExpression
            )
            // The trail's hashes cover who and when, which differ; its event numbers do not.
            .replacingOccurrences(of: #"[0-9a-f]{64}"#, with: "<hash>", options: .regularExpression)
            // Only a server has logins for its owner to bring into line after an org chart
            // import (`PopulationCommandTests` checks the line is there, and only there).
            .replacingOccurrences(
                of: #"Next, as the schema's owner: caseaudit server grant[^\n]*\n"#, with: "",
                options: .regularExpression)
    }

    @Test func theMonthsProgrammeIsTheSameOnBothEngines() throws {
        let folder = try TemporaryDirectory()
        let onFile = try programme(
            database: "\(folder.path)/caseaudit.sqlite", login: Fixtures.account, folder: folder)
        let server = try PostgresServer.shared()
        let onServer = try programme(database: try PostgresServer.freshDatabase(), login: server.admin, folder: folder)
        #expect(onFile.count == onServer.count && onFile.count == 15)
        for (step, (file, server)) in zip(onFile, onServer).enumerated() {
            #expect(file == server, "step \(step)")
        }
        // The figures are real: five good files submitted.
        #expect(onServer[onServer.count - 1].contains("\"audited\" : 5"))
    }
}
