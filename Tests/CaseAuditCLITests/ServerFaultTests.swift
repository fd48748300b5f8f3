import CaseAudit
import CaseAuditTestSupport
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Faults on the server store as an auditor meets them: the real binary scoring on a real
/// pseudo-terminal against a real PostgreSQL server of the test's own, clients killed with
/// SIGKILL and the server crashed (`pg_ctl -m immediate`) at seeded random moments. Every
/// answer the screen acknowledged (shown answered, with no NOT SAVED) is there afterwards.
@Suite(.serialized, .tags(.terminal)) struct ServerFaultTests {
    /// The seed of the moments: `CASEAUDIT_FAULT_SEED` to replay a failure (it is printed).
    static let seed = UInt64(ProcessInfo.processInfo.environment["CASEAUDIT_FAULT_SEED"] ?? "") ?? 20_261_202

    struct Moments: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {  // SplitMix64
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test func acknowledgedAnswersSurviveKilledClientsAndACrashedServer() throws {
        let server = try PostgresServer.ownServer()
        defer { server.remove() }
        let database = try server.makeDatabase()
        let folder = try TemporaryDirectory()
        let chart = try IdentityTests.chartWithLogins(qualityLead: server.admin, in: folder)
        #expect(CommandRunner.run(["org", "import", chart], on: database).status == 0)
        #expect(
            CommandRunner.run(["cases", "import", "\(Fixtures.packageRoot)/Samples/cases.csv"], on: database).status
                == 0)
        #expect(
            CommandRunner.run(
                [
                    "sample", "draw", "--month", "2026-12", "--checklist", "climbie-compliance", "--per-team", "1",
                    "--seed", "5",
                ], on: database
            ).status == 0)
        let listed = CommandRunner.run(["audit", "list", "--format", "json"], on: database).output
        let all = try #require(try JSONSerialization.jsonObject(with: Data(listed.utf8)) as? [[String: Any]])
        let files = try all.prefix(3).map {
            (try #require($0["caseReference"] as? String), try #require($0["auditorID"] as? String))
        }
        #expect(files.count == 3)
        let checklist = try ChecklistLoader().load(
            file: "\(Fixtures.shippedChecklistsDirectory)/climbie-compliance.xml"
        ).checklist

        var moments = Moments(state: Self.seed)
        var kills = 0
        var crashes = 0
        for (reference, auditor) in files {
            var session = ScoringSession(checklist: checklist)
            func progress() -> String { "\(session.progress.answered) of \(session.progress.asked) answered" }
            func open() throws -> PseudoTerminal {
                let terminal = try PseudoTerminal(
                    BinaryRunner.binaryPath,
                    [
                        "audit", "score", reference, "--on-behalf-of", auditor, "--database", database, "--dir",
                        Fixtures.shippedChecklistsDirectory,
                    ], environment: ["NO_COLOR": "1"], columns: 100, rows: 30)
                try terminal.waitFor(progress())
                return terminal
            }
            var terminal = try open()
            while let item = session.nextItem {
                switch Int.random(in: 0..<8, using: &moments) {
                case 0:
                    // Killed between two keys: what was acknowledged is kept, and it resumes.
                    terminal.signal(SIGKILL)
                    _ = try terminal.waitForExit()
                    kills += 1
                    #expect(try answerCount(reference, database) == session.progress.answered, "seed \(Self.seed)")
                    terminal = try open()
                case 1:
                    // The server crashes; the next key waits on screen, NOT SAVED; sometimes the
                    // client is killed while it waits (that answer was never acknowledged).
                    try server.crash()
                    crashes += 1
                    terminal.type("y")
                    try terminal.waitFor("NOT SAVED", timeout: 20)
                    let killWhileDown = Bool.random(using: &moments)
                    if killWhileDown {
                        terminal.signal(SIGKILL)
                        _ = try terminal.waitForExit()
                        kills += 1
                    }
                    try server.start()
                    if killWhileDown {
                        let kept = try answerCount(reference, database)
                        #expect(kept == session.progress.answered, "seed \(Self.seed)")
                        terminal = try open()
                    } else {
                        try session.answer(item.id, value: "yes")
                        try terminal.waitUntil(timeout: 20, "the answer kept after the restart") {
                            $0.contains(progress()) && !$0.contains("NOT SAVED")
                        }
                    }
                default:
                    try session.answer(item.id, value: "yes")
                    terminal.type("y")
                    try terminal.waitUntil(timeout: 20, "'\(progress())', saved") {
                        $0.contains(progress()) && !$0.contains("NOT SAVED")
                    }
                }
                #expect(try answerCount(reference, database) >= session.progress.answered, "seed \(Self.seed)")
            }
            terminal.type("S")
            try terminal.waitFor("Submit this audit?")
            terminal.type("y")
            try terminal.waitFor("is submitted")
            terminal.type("q")
            #expect(try terminal.waitForExit() == 0)
            #expect(try answerCount(reference, database) == session.progress.answered)
        }
        // The seed gives both faults at least once; every file ends submitted, answered in full.
        #expect(kills > 0 && crashes > 0, "seed \(Self.seed): \(kills) kills, \(crashes) crashes")
        let submitted = try PostgresServer.query(
            "SELECT count(*) FROM audit WHERE submitted_at IS NOT NULL", in: database)
        #expect(submitted == "3")
    }

    private func answerCount(_ reference: String, _ database: String) throws -> Int {
        Int(
            try PostgresServer.query(
                "SELECT count(*) FROM audit_answer JOIN audit ON audit.id = audit_id WHERE case_reference = '\(reference)'",
                in: database)) ?? -1
    }
}
