import CaseAuditTestSupport
import Foundation

/// One run of the real binary's `demo`, shared by the tests that need a council with six
/// months of submitted audits (it takes seconds; running it once keeps the suite quick).
enum DemoFixture {
    struct Run: Sendable {
        /// Kept for the whole test process.
        let directory: TemporaryDirectory
        let result: CommandResult
        var folder: String { directory.path }
        var database: String { "\(folder)/demo.sqlite" }
    }

    static let run: Result<Run, PseudoTerminal.Failure> = {
        do {
            let folder = try TemporaryDirectory.forTheRun("caseaudit-demo")
            let (result, _) = try BinaryRunner.run([
                "demo", "--dir", Fixtures.shippedChecklistsDirectory, "--samples", "\(Fixtures.packageRoot)/Samples",
                "--database", "\(folder.path)/demo.sqlite", "--report-templates",
                "\(Fixtures.packageRoot)/Reports/templates",
            ])
            return .success(Run(directory: folder, result: result))
        } catch {
            return .failure(PseudoTerminal.Failure(description: "the demo did not run: \(error)"))
        }
    }()
}
