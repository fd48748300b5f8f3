import Foundation

/// Paths into the repository for tests: fixtures, the shipped checklists, the built binary.
public enum Fixtures {
    /// The day every test runs as: the binary gets it as CASEAUDIT_TODAY, in-process commands
    /// as their console's date, so no test reads the real date.
    public static let today = "2026-12-01"
    /// The state directory (the trail heads a client remembers) the binary under test gets when
    /// a test names none, so it never writes into the tester's own: one for the run, removed
    /// when it ends.
    public static let stateDirectory: String = {
        atexit { try? FileManager.default.removeItem(atPath: Fixtures.runStatePath) }
        return runStatePath
    }()
    private static var runStatePath: String {
        FileManager.default.temporaryDirectory.path + "/caseaudit-test-state-\(getpid())"
    }
    /// Who runs the tests, to the system: the account the embedded store knows them by.
    public static let account = ProcessInfo.processInfo.userName
    /// The package root, found from this file's own path (Tests/CaseAuditTestSupport/…).
    public static let packageRoot: String = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
    }()

    /// A file under `Tests/<target>/Fixtures/`.
    public static func path(_ relative: String, target: String = "CaseAuditTests") -> String {
        "\(packageRoot)/Tests/\(target)/Fixtures/\(relative)"
    }

    public static func checklist(_ name: String) -> String {
        path("Checklists/\(name)")
    }

    public static var shippedChecklistsDirectory: String { "\(packageRoot)/Checklists" }

    public static let shippedChecklistNames = [
        "climbie-compliance.xml", "childs-voice.xml", "chronology.xml", "supervision.xml",
    ]

    /// `../shared/` beside the project: the public format samples and the seed papers.
    public static var sharedDirectory: String { "\(packageRoot)/../shared" }

    public static func text(_ path: String) throws -> String {
        try String(contentsOfFile: path, encoding: .utf8)
    }
}
