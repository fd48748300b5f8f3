import CaseAudit
import CaseAuditCLI
import CaseAuditTestSupport
import Foundation
import Testing

/// The smaller mends of the first week (issue 11), each as the user meets it, on the real
/// binary where they would see it.
@Suite struct SmallerMendsTests {
    let folder: TemporaryDirectory
    let database: String

    init() throws {
        folder = try TemporaryDirectory()
        database = "\(folder.path)/council.sqlite"
    }

    func binary(_ arguments: [String]) throws -> CommandResult {
        try BinaryRunner.run(arguments, timeout: .seconds(60)).0
    }

    func bestSheet() throws -> String { try AnswerSheets.best(in: folder) }

    @Test func helpSaysWhatTheToolDoesAndRefusesWhatIsNotACommand() throws {
        let demo = try binary(["help", "demo"])
        #expect(demo.status == 0)
        #expect(!demo.output.contains("Later releases"))
        #expect(demo.output.contains("scored from paper audits"))
        let unknown = try binary(["help", "foo"])
        #expect(unknown.status == 2)
        #expect(unknown.errors.contains("there is no command 'foo'"))
        #expect(try binary(["help", "sample", "draw"]).status == 0)
        let report = try binary(["help", "report", "monthly"])
        #expect(!report.output.contains("ReportFormats("))
        #expect(
            report.output.contains("default:\n                          html,md,csv,json")
                || report.output.contains("default: html,md,csv,json"))
        let importHelp = try binary(["help", "checklist", "import"])
        let versionLines = importHelp.output.split(separator: "\n").filter {
            $0.trimmingCharacters(in: .whitespaces).hasPrefix("--version")
        }
        #expect(versionLines.count == 1)
        #expect(try binary(["--version"]).output == CaseAuditVersion.current + "\n")
    }

    /// Imports that take no --map do not suggest one.
    @Test func hintsSuggestOnlyOptionsTheCommandHas() throws {
        let org = try folder.write("org.csv", "id,name,grade,team,manages,boss\nsw1,A Person,SW,Team 1,,\n")
        let refused = try binary(["org", "import", org, "--database", database])
        #expect(refused.status == 1)
        #expect(refused.errors.contains("no column for the reports-to") || refused.errors.contains("no column for the"))
        #expect(!refused.errors.contains("--map"))
        let cases = try folder.write("cases.csv", "Ref,Kind\nC1,CIN\n")
        let casesRefused = try binary(["cases", "import", cases, "--database", database])
        #expect(casesRefused.status == 1)
        #expect(casesRefused.errors.contains("--map"))
    }

    /// Counted nouns agree with their counts; a folder given with a slash is not doubled.
    @Test func oneIsSingularAndFoldersHaveOneSlash() throws {
        let environment = ["CASEAUDIT_TODAY": "2026-11-21", "PATH": "/usr/bin:/bin"]
        func run(_ arguments: [String]) throws -> CommandResult {
            try BinaryRunner.run(arguments + ["--database", database], environment: environment, timeout: .seconds(60))
                .0
        }
        let org = try folder.write(
            "org.csv", "id,name,level,team,manages,reports_to\ndcs,Director,DCS,,,\ntm1,Manager,TM,,Solo Team,dcs\n")
        #expect(try run(["org", "import", org]).output.contains("(1 TM, 1 DCS) and 1 team into"))
        let cases = try folder.write("cases.csv", "reference,case type,team,worker\nC-1,CIN,Solo Team,w1\n")
        #expect(try run(["cases", "import", cases]).output.contains("Snapshot 1: 1 case from"))
        let drawn = try run([
            "sample", "draw", "--month", "2026-12", "--checklist", "climbie-compliance", "--size", "1", "--seed", "1",
            "--quota", "TM=1,DCS=1", "--dir", Fixtures.shippedChecklistsDirectory,
        ])
        #expect(drawn.status == 0, "\(drawn.errors)")
        #expect(drawn.output.contains("1 file from 1 stratum"))
        #expect(drawn.output.contains("Allocated 1 of 1 file to 1 auditor\n"))
        let plan = try run(["sample", "plan", "--allocation", "neyman"])
        #expect(!plan.output.contains("neymanly"))
        #expect(plan.output.contains("1 file from a population of 1, shared by Neyman allocation"))
        let report = try run([
            "report", "monthly", "--month", "2026-12", "--format", "csv", "-o", "\(folder.path)/board-papers/",
        ])
        #expect(report.status == 0, "\(report.errors)")
        #expect(
            report.output.contains("to \(folder.path)/board-papers/;")
                || report.output.contains("to \(folder.path)/board-papers/\n"))
        #expect(!report.output.contains("board-papers//"))
    }

    /// With --per-team 500 most files cannot be allocated: one line says so, not one per file.
    @Test func unallocatedFilesAreSummedUpInOneLine() throws {
        CommandRunner.importSampleCouncil(into: database)
        let drawn = try BinaryRunner.run(
            [
                "sample", "draw", "--month", "2026-12", "--checklist", "climbie-compliance", "--per-team", "500",
                "--seed", "1",
                "--dir", Fixtures.shippedChecklistsDirectory, "--database", database,
            ],
            environment: ["CASEAUDIT_TODAY": "2026-11-21"], timeout: .seconds(60)
        ).0
        #expect(drawn.status == 0)
        #expect(drawn.errorLines.filter { $0.contains("not allocated") }.count == 1)
        #expect(drawn.errors.contains("files are not allocated: "))
        #expect(drawn.errors.contains("because every auditor's quota is used up"))
        #expect(drawn.errors.contains("lists each with its reason"))
        let listed = CommandRunner.run(["sample", "show", "--format", "csv", "--database", database])
        #expect(listed.output.split(separator: "\r\n").filter { $0.contains("quota is used up") }.count > 1000)
    }

    /// A name that is HTML is shown as text in the Markdown summary, as it is in the HTML one.
    @Test func namesAreEscapedInTheMarkdownSummary() throws {
        let hostile = "<img src=x onerror=alert(1)>"
        let org = try String(contentsOfFile: "\(Fixtures.packageRoot)/Samples/org.csv", encoding: .utf8)
            .replacingOccurrences(of: "Child in Need 1", with: hostile)
        let cases = try String(contentsOfFile: "\(Fixtures.packageRoot)/Samples/cases.csv", encoding: .utf8)
            .replacingOccurrences(of: "Child in Need 1", with: hostile)
        let today = "2026-11-21"
        func run(_ arguments: [String]) -> CommandResult {
            CommandRunner.run(arguments + ["--database", database], today: today)
        }
        #expect(run(["org", "import", try folder.write("org.csv", org)]).status == 0)
        #expect(run(["cases", "import", try folder.write("cases.csv", cases)]).status == 0)
        #expect(
            run([
                "sample", "draw", "--month", "2026-12", "--checklist", "climbie-compliance", "--per-team", "2",
                "--seed", "3",
                "--dir", Fixtures.shippedChecklistsDirectory,
            ]).status == 0)
        let listed = run(["audit", "list", "--format", "json"]).output
        let files = try #require(try JSONSerialization.jsonObject(with: Data(listed.utf8)) as? [[String: Any]])
        let sheet = try bestSheet()
        for file in files where file["team"] as? String == hostile {
            let scored = run([
                "audit", "score", try #require(file["caseReference"] as? String), "--on-behalf-of",
                try #require(file["auditorID"] as? String),
                "--answers", sheet, "--submit", "--dir", Fixtures.shippedChecklistsDirectory,
            ])
            #expect(scored.status == 0, "\(scored.errors)")
        }
        let out = "\(folder.path)/report"
        let report = run(["report", "monthly", "--month", "2026-12", "--format", "md,html", "--detail", "-o", out])
        #expect(report.status == 0, "\(report.errors)")
        let markdown = try String(contentsOfFile: "\(out)/summary.md", encoding: .utf8)
        // Every "<img" is backslash-escaped: none is left for a renderer to run.
        #expect(!markdown.replacingOccurrences(of: "\\<img", with: "").contains("<img"))
        #expect(markdown.contains("\\<img src=x onerror=alert(1)\\>"))
        let html = try String(contentsOfFile: "\(out)/summary.html", encoding: .utf8)
        #expect(!html.contains("<img"))
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;"))
    }
}
