import CaseAuditTestSupport
import Foundation
import Testing

/// Inputs that crashed caseaudit, or that the fuzzers made, as a user would meet them: the real
/// binary, a clear located error, exit 1, and nothing written. Each fixture is in
/// `Fixtures/Hostile/`, named after what it holds.
@Suite struct HostileInputTests {
    let folder: TemporaryDirectory
    let database: String

    init() throws {
        folder = try TemporaryDirectory()
        database = "\(folder.path)/council.sqlite"
    }

    static func hostile(_ name: String) -> String { Fixtures.path("Hostile/\(name)", target: "CaseAuditCLITests") }

    /// The binary on the council's database; a hang fails the test (status 124) instead of the suite.
    func run(_ arguments: [String]) throws -> CommandResult {
        try BinaryRunner.run(arguments + ["--database", database], timeout: .seconds(60)).0
    }

    /// A case list that failed to import leaves the database without one.
    func expectNoCaseList() throws {
        let summary = try run(["cases", "summary"])
        #expect(summary.status == 1)
        #expect(summary.errors.contains("no case list yet"))
    }

    struct Refusal: Sendable, CustomTestStringConvertible {
        var fixture: String
        var command: [String]
        var expected: [String]
        var testDescription: String { fixture }
    }

    static let caseLists: [Refusal] = [
        // Issue 10's first crash: exit 132 ("Illegal instruction") before the checked conversion.
        Refusal(
            fixture: "annex-a-huge-date-serial.xlsx", command: ["cases", "import"],
            expected: [
                "annex-a-huge-date-serial.xlsx[List 6]:3:4: error: the number 4.57e+44 in 'CIN start date' is not a date: a date cell holds a day number from 1 (1900-01-01) to 401768 (2999-12-31)"
            ]),
        Refusal(
            fixture: "annex-a-nan-date.xlsx", command: ["cases", "import"],
            expected: [
                "annex-a-nan-date.xlsx[List 6]:2:4: error: 'nan' in 'CIN start date' is not a date (expected yyyy-mm-dd or dd/mm/yyyy)",
                "annex-a-nan-date.xlsx[List 6]:3:4: error: '-inf' in 'CIN start date' is not a date (expected yyyy-mm-dd or dd/mm/yyyy)",
            ]),
    ]

    /// Found by the fuzzer: zips whose entries point past the end of the file, which
    /// ZIPFoundation's in-memory reader trapped on; and a damaged Word document whose failed
    /// open leaked. caseaudit's own zip reader refuses each.
    static let officeFiles: [Refusal] = [
        Refusal(
            fixture: "annex-a-zip-entry-past-end.xlsx", command: ["cases", "import"],
            expected: ["annex-a-zip-entry-past-end.xlsx: error: cannot be unpacked: the zip file is damaged"]),
        Refusal(
            fixture: "board-zip-entry-past-end.xlsx", command: ["checklist", "import", "-o", "OUT"],
            expected: ["board-zip-entry-past-end.xlsx: error: cannot be unpacked: the zip file is damaged"]),
        Refusal(
            fixture: "board-damaged.docx", command: ["checklist", "import", "-o", "OUT"],
            expected: ["board-damaged.docx: error: cannot be unpacked: the zip file is damaged"]),
        // Deflate streams that never end before the file does: ZIPFoundation read on at the end
        // of the file for ever (the fuzzer's timeouts); caseaudit's own inflater stops.
        Refusal(
            fixture: "annex-a-deflate-never-ends.xlsx", command: ["cases", "import"],
            expected: [
                "annex-a-deflate-never-ends.xlsx[xl/worksheets/sheet3.xml]: error: cannot be unpacked: the zip file is damaged"
            ]),
        Refusal(
            fixture: "board-deflate-never-ends.xlsx", command: ["checklist", "import", "-o", "OUT"],
            expected: [
                "board-deflate-never-ends.xlsx[xl/worksheets/sheet1.xml]: error: cannot be unpacked: the zip file is damaged"
            ]),
        Refusal(
            fixture: "board-deflate-never-ends.docx", command: ["checklist", "import", "-o", "OUT"],
            expected: [
                "board-deflate-never-ends.docx[word/document.xml]: error: cannot be unpacked: the zip file is damaged"
            ]),
    ]

    @Test(arguments: officeFiles)
    func aDamagedOfficeFileIsRefused(_ refusal: Refusal) throws {
        let out = "\(folder.path)/imported.xml"
        let command = refusal.command.map { $0 == "OUT" ? out : $0 }
        // checklist import writes a file, not the database.
        let arguments = command + [Self.hostile(refusal.fixture)]
        let result =
            refusal.command.first == "cases"
            ? try run(arguments) : try BinaryRunner.run(arguments, timeout: .seconds(60)).0
        #expect(result.status == 1)
        for line in refusal.expected { #expect(result.errors.contains(line), "\(result.errors)") }
        #expect(!FileManager.default.fileExists(atPath: out))
        if refusal.command.first == "cases" { try expectNoCaseList() }
    }

    @Test(arguments: caseLists)
    func aHostileCaseListIsRefusedWithItsPlace(_ refusal: Refusal) throws {
        let result = try run(refusal.command + [Self.hostile(refusal.fixture)])
        #expect(result.status == 1)
        for line in refusal.expected { #expect(result.errors.contains(line), "\(result.errors)") }
        #expect(!result.errors.contains("Fatal error"))
        try expectNoCaseList()
    }

    /// Issue 10's second crash: `--margin 1e-300` squared to 0 and the plan divided infinity by
    /// infinity. So small a margin needs every file.
    @Test func aMarginTooSmallToSquarePlansEveryFile() throws {
        #expect(try run(["cases", "import", "\(Fixtures.packageRoot)/Samples/cases.csv"]).status == 0)
        let plan = try run(["sample", "plan", "--margin", "1e-300"])
        #expect(plan.status == 0, "\(plan.errors)")
        #expect(plan.output.contains("1500 files from a population of 1500"))
        let nan = try run(["sample", "plan", "--margin", "nan"])
        #expect(nan.status == 2)
        #expect(nan.errors.contains("--margin must be above 0 and below 0.5"))
    }

    @Test func aOneGigabyteLineIsRefusedWithoutReadingItIntoMemory() throws {
        // A header, then a line with no end: 1 GiB, sparse on disk (the zeros after the first
        // 8 KiB pass the text check, which looks at the start).
        let path = "\(folder.path)/one-line.csv"
        let start = "reference,case type\n" + String(repeating: "x", count: 8300)
        #expect(FileManager.default.createFile(atPath: path, contents: Data(start.utf8)))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.truncate(atOffset: 1 << 30)
        try handle.close()
        let measured = try MeasuredRun.run([BinaryRunner.binaryPath, "cases", "import", path, "--database", database])
        #expect(measured.status == 1)
        #expect(measured.errors.contains("has a line longer than 1048576 bytes"))
        // Reading it whole would take 1 GiB; the reader stops after its first 4 MiB chunk. (The
        // figure starts from the test process's own peak, which a busy run can take past 256 MiB.)
        #expect(
            measured.withinBound(256 * 1024, margin: 64 * 1024),
            "peak memory \(measured.peakMemoryKiB) KiB; the tests' own \(measured.spawnerPeakKiB) KiB")
        try expectNoCaseList()
    }
}
