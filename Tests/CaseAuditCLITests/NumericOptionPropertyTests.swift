import CaseAudit
import CaseAuditTestSupport
import Foundation
import PropertyBased
import Testing

/// Any value of any numeric option either works or is refused with a message (exit 2 for a
/// usage mistake, 1 where the value is fine but the data says no), never a trap. Checked on the
/// real binary, so a trap shows as the signal it is (132, 133, 134) instead of killing the tests.
@Suite(.serialized) struct NumericOptionPropertyTests {
    /// Numbers as a user, a script or a corrupted config file might type them.
    static let numbers = Gen<String>.oneOf(
        Gen.int(in: Int.min...Int.max).map { String($0) }.eraseToAny(),
        Gen.int(in: -1000...1000).map { String($0) }.eraseToAny(),
        Gen.double(in: -8e307...8e307).map { "\($0)" }.eraseToAny(),
        Gen.double(in: -2...2).map { "\($0)" }.eraseToAny(),
        Gen.int(in: 0...400).map { "1e\($0)" }.eraseToAny(),
        Gen.int(in: 0...400).map { "1e-\($0)" }.eraseToAny(),
        Gen<String?>.element(of: Self.edges).map { $0 ?? "0" }.eraseToAny()
    )

    static let edges = [
        "nan", "NaN", "inf", "-inf", "infinity", "5e-324", "1e400", "-0", "0", "1", "-1", "9223372036854775807",
        "9223372036854775808", "-9223372036854775808", "-9223372036854775809", "18446744073709551616", "0x10", "1_000",
        "",
        " 5", "3.5", "0.999999999999999999", "1e3", "٣",
    ]

    /// Each numeric option, with the rest of a command that would otherwise work.
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var arguments: @Sendable (_ value: String, _ folder: String) -> [String]
        var testDescription: String { name }
    }

    /// This month, as of the tests' day.
    static let month = String(Fixtures.today.prefix(7))

    static let cases: [Case] = [
        Case(name: "sample plan --confidence") { value, _ in ["sample", "plan", "--confidence", value] },
        Case(name: "sample plan --margin") { value, _ in ["sample", "plan", "--margin", value] },
        Case(name: "sample plan --expected-rate") { value, _ in ["sample", "plan", "--expected-rate", value] },
        Case(name: "sample plan --stratum-rate") { value, _ in
            ["sample", "plan", "--allocation", "neyman", "--stratum-rate", "Assessment 1=\(value)"]
        },
        Case(name: "sample draw --size") { value, _ in draw(["--size", value]) },
        Case(name: "sample draw --per-team") { value, _ in draw(["--per-team", value]) },
        Case(name: "sample draw --per-worker") { value, _ in draw(["--per-worker", value]) },
        Case(name: "sample draw --seed") { value, _ in
            [
                "sample", "draw", "--month", month, "--checklist", "climbie-compliance", "--per-team", "1", "--seed",
                value,
            ]
        },
        Case(name: "sample draw --weights") { value, _ in draw(["--per-team", "1", "--weights", "CP=\(value),LAC=2"]) },
        Case(name: "sample draw --exclude-audited-within (months)") { value, _ in
            draw(["--per-team", "1", "--exclude-audited-within", "\(value)m"])
        },
        Case(name: "sample draw --exclude-audited-within (years)") { value, _ in
            draw(["--per-team", "1", "--exclude-audited-within", "\(value)y"])
        },
        Case(name: "sample draw --quota") { value, _ in draw(["--per-team", "1", "--quota", "TM=\(value),SM=2"]) },
        Case(name: "report monthly --min-cell") { value, folder in
            ["report", "monthly", "--month", month, "--format", "json", "--min-cell", value, "-o", "\(folder)/report"]
        },
        Case(name: "audit actions --done") { value, _ in ["audit", "actions", "--done", value] },
        Case(name: "audit show") { value, _ in ["audit", "show", value] },
        Case(name: "cases import --lists") { value, _ in
            ["cases", "import", "\(Fixtures.packageRoot)/Samples/annex-a.xlsx", "--lists", "6,\(value)"]
        },
        // A valid size makes as much as it says, so the generator's counts are tried cheaply:
        // the value as given when it is outside the range or small, else a small stand-in.
        Case(name: "generate --teams") { value, folder in
            ["generate", "--out", "\(folder)/gen", "--teams", cheap(value)]
        },
        Case(name: "generate --cases") { value, folder in
            ["generate", "--out", "\(folder)/gen", "--teams", "2", "--cases", cheap(value)]
        },
        Case(name: "generate --workers-per-team") { value, folder in
            ["generate", "--out", "\(folder)/gen", "--teams", "2", "--workers-per-team", cheap(value)]
        },
        Case(name: "generate --board-questions") { value, folder in
            ["generate", "--out", "\(folder)/gen", "--teams", "2", "--board-questions", cheap(value)]
        },
        Case(name: "generate --months") { value, folder in
            [
                "generate", "--out", "\(folder)/gen", "--teams", "2", "--audits", "3", "--database",
                "\(folder)/g-\(UInt32.random(in: 0...UInt32.max)).sqlite", "--months", cheap(value),
            ]
        },
        Case(name: "generate --items") { value, folder in
            [
                "generate", "--out", "\(folder)/gen", "--teams", "2", "--audits", "3", "--database",
                "\(folder)/g-\(UInt32.random(in: 0...UInt32.max)).sqlite", "--items", cheap(value),
            ]
        },
        Case(name: "generate --audits") { value, folder in
            [
                "generate", "--out", "\(folder)/gen", "--teams", "2", "--database",
                "\(folder)/g-\(UInt32.random(in: 0...UInt32.max)).sqlite", "--audits", cheap(value),
            ]
        },
    ]

    static func draw(_ size: [String]) -> [String] {
        ["sample", "draw", "--month", month, "--checklist", "climbie-compliance", "--seed", "7"] + size
    }

    /// A whole number above 50 that some range would accept becomes 50; anything else (out of
    /// any range, not a number) is passed as it is.
    static func cheap(_ value: String) -> String {
        guard let number = Int(value), number > 50, number <= 10_000_000 else { return value }
        return "50"
    }

    static let database: (folder: TemporaryDirectory, path: String) = {
        // One council for every case; a broken setup fails every case loudly.
        let folder = try! TemporaryDirectory.forTheRun()
        let path = "\(folder.path)/council.sqlite"
        _ = try? BinaryRunner.run(["org", "import", "\(Fixtures.packageRoot)/Samples/org.csv", "--database", path])
        _ = try? BinaryRunner.run(["cases", "import", "\(Fixtures.packageRoot)/Samples/cases.csv", "--database", path])
        return (folder, path)
    }()

    @Test(arguments: cases)
    func anyValueWorksOrIsRefusedWithAMessage(_ option: Case) async throws {
        let (folder, path) = Self.database
        #expect(try BinaryRunner.run(["cases", "summary", "--database", path]).0.status == 0)
        await propertyCheck(count: 12, input: Self.numbers) { value in
            var arguments = option.arguments(value, folder.path)
            if !arguments.contains("--database") { arguments += ["--database", path] }
            guard let (result, _) = try? BinaryRunner.run(arguments, timeout: .seconds(60)) else {
                Issue.record("could not run caseaudit \(arguments)")
                return
            }
            #expect(
                [0, 1, 2].contains(result.status),
                "caseaudit \(arguments.joined(separator: " ")) exited \(result.status): \(result.errors)")
            if result.status != 0 {
                #expect(
                    !result.errors.isEmpty, "caseaudit \(arguments.joined(separator: " ")) failed without a message")
            }
            #expect(!result.errors.contains("Fatal error"), "\(arguments): \(result.errors)")
        }
    }
}
