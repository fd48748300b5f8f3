import CaseAudit
import CaseAuditTestSupport
import Foundation
import Testing

/// Who you are comes from the system: the database login on a server, the account on a file.
@Suite struct IdentityTests {
    /// The demo council with a login for everyone (`prefix` and their id: logins are the
    /// cluster's, shared by the tests running at once) and a quality lead whose login is
    /// `qualityLead`.
    static func chartWithLogins(qualityLead: String, prefix: String = "", in folder: TemporaryDirectory) throws
        -> String
    {
        let lines = try String(contentsOfFile: "\(Fixtures.packageRoot)/Samples/org.csv", encoding: .utf8)
            .split(whereSeparator: \.isNewline)
        let rows = lines.enumerated().map { index, line in
            index == 0
                ? line + ",login" : line + "," + prefix + (line.split(separator: ",").first.map(String.init) ?? "")
        }
        return try folder.write(
            "org-logins.csv", (rows + ["qa-tests,Quality lead (demo),QA,,,dcs,\(qualityLead)"]).joined(separator: "\n"))
    }

    @Test func onAFileYouAreYourAccountAndHoldItAll() throws {
        let folder = try TemporaryDirectory()
        let database = "\(folder.path)/caseaudit.sqlite"
        CommandRunner.importSampleCouncil(into: database)
        let unmapped = CommandRunner.run(["whoami", "--database", database])
        #expect(unmapped.status == 0)
        #expect(
            unmapped.output.contains("You are \(Fixtures.account) (operating-system account); nobody in the org chart"))
        #expect(unmapped.output.contains("Role: quality lead (you hold the database file"))
        let chart = try Self.chartWithLogins(qualityLead: Fixtures.account, in: folder)
        #expect(CommandRunner.run(["org", "import", chart, "--database", database]).status == 0)
        let mapped = CommandRunner.run(["whoami", "--format", "json", "--database", database])
        let caller = try #require(try JSONSerialization.jsonObject(with: Data(mapped.output.utf8)) as? [String: Any])
        #expect((caller["person"] as? [String: Any])?["id"] as? String == "qa-tests")
        #expect(caller["role"] as? String == "quality lead")
    }

    @Test func aLoginIsOnePersonOnly() throws {
        let folder = try TemporaryDirectory()
        let chart = try folder.write(
            "org.csv",
            "id,name,level,team,manages,reports_to,login\ndcs,Dee (demo),DCS,,,,dee\nqa,Quinn (demo),QA,,,dcs,dee\n")
        let result = CommandRunner.run(["org", "import", chart, "--database", "\(folder.path)/c.sqlite"])
        #expect(result.status == 1)
        #expect(result.errors.contains("org.csv:3:7: error: the login 'dee' is dcs's already (line 2)"))
    }

    /// On the server, an auditor signs in as themselves: they score their own file, cannot
    /// score for someone else, and a quality lead keying for an auditor is recorded beside them.
    @Test func onAServerYouAreYourLogin() throws {
        let folder = try TemporaryDirectory()
        let server = try PostgresServer.shared()
        let admin = try PostgresServer.freshDatabase()
        func run(_ arguments: [String], as conninfo: String = admin) -> CommandResult {
            CommandRunner.run(arguments, on: conninfo)
        }
        let prefix = "i\(UInt32.random(in: 0...UInt32.max))_"
        #expect(
            run(["org", "import", try Self.chartWithLogins(qualityLead: server.admin, prefix: prefix, in: folder)])
                .status == 0)
        #expect(run(["cases", "import", "\(Fixtures.packageRoot)/Samples/cases.csv"]).status == 0)
        #expect(
            run([
                "sample", "draw", "--month", "2026-12", "--checklist", "climbie-compliance", "--per-team", "1",
                "--seed", "7",
            ]).status == 0)
        let listed = run(["audit", "list", "--format", "json"])
        let files = try #require(try JSONSerialization.jsonObject(with: Data(listed.output.utf8)) as? [[String: Any]])
        let first = try #require(files.first)
        let other = try #require(files.first { $0["auditorID"] as? String != first["auditorID"] as? String })
        let auditor = try #require(first["auditorID"] as? String)
        let reference = try #require(first["caseReference"] as? String)
        // The auditor's own login (no rights model yet beyond what caseaudit checks: issue 13 #3).
        try PostgresServer.execute(
            """
            CREATE ROLE "\(prefix)\(auditor)" LOGIN;
            GRANT ALL ON ALL TABLES IN SCHEMA public TO "\(prefix)\(auditor)";
            GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO "\(prefix)\(auditor)";
            """, in: admin)
        let asAuditor = admin.replacingOccurrences(of: "user=\(server.admin)", with: "user=\(prefix)\(auditor)")

        let whoami = run(["whoami"], as: asAuditor)
        #expect(whoami.output.contains("You are \(prefix)\(auditor) (database login): \(auditor), "))
        #expect(whoami.output.contains("Role: auditor"))
        let sheet = try AnswerSheets.best(in: folder)
        let forSomeoneElse = run(
            [
                "audit", "score", try #require(other["caseReference"] as? String), "--on-behalf-of",
                try #require(other["auditorID"] as? String), "--answers", sheet,
            ], as: asAuditor)
        #expect(forSomeoneElse.status == 1)
        #expect(forSomeoneElse.errors.contains("you are '\(prefix)\(auditor)' and not a quality lead"))
        let reallocated = run(
            ["sample", "reallocate", reference, "--to", try #require(other["auditorID"] as? String), "--reason", "x"],
            as: asAuditor)
        #expect(reallocated.status == 1 && reallocated.errors.contains("not a quality lead, so you cannot reallocate"))
        let own = run(["audit", "score", reference, "--answers", sheet, "--submit"], as: asAuditor)
        #expect(own.status == 0, "\(own.errors)")
        #expect(own.output.contains("Submitted audit 1 of case \(reference)"))

        let keyed = run([
            "audit", "score", try #require(other["caseReference"] as? String), "--on-behalf-of",
            try #require(other["auditorID"] as? String), "--answers", sheet,
        ])
        #expect(keyed.status == 0, "\(keyed.errors)")
        let shown = run(["audit", "show", "2"])
        #expect(shown.output.contains("Keyed by qa-tests on behalf of \(try #require(other["auditorID"] as? String))"))
        #expect(!run(["audit", "show", "1"]).output.contains("Keyed by"))
    }
}
