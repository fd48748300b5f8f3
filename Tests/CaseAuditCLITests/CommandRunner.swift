import CaseAudit
import CaseAuditTestSupport
import Foundation
import Synchronization
import Testing

@testable import CaseAuditCLI

/// What a command printed and how it exited.
struct CommandResult: Sendable {
    var status: Int32
    var output: String
    var errors: String

    var errorLines: [String] { errors.split(separator: "\n").map(String.init) }
}

/// Runs `caseaudit` in-process with a captured console.
enum CommandRunner {
    static func run(
        _ arguments: [String], environment: [String: String] = [:], today: String? = nil, terminal: Bool = false
    ) -> CommandResult {
        let output = Mutex("")
        let errors = Mutex("")
        var console = Console(
            write: { text in output.withLock { $0 += text } },
            writeError: { text in errors.withLock { $0 += text } },
            environment: environment)
        if let date = CalendarDate(parsing: today ?? Fixtures.today) { console.fix(today: date) }
        console.errorIsTerminal = terminal
        let status = Console.$current.withValue(console) { CaseAuditMain.run(arguments) }
        return CommandResult(status: status, output: output.withLock { $0 }, errors: errors.withLock { $0 })
    }
}

extension CommandRunner {
    /// Runs a command on `database`; those that read checklists get the shipped ones.
    static func run(_ arguments: [String], on database: String, today: String? = nil) -> CommandResult {
        let takesChecklists = arguments.starts(with: ["sample", "draw"]) || arguments.starts(with: ["audit", "score"])
        let checklists = takesChecklists ? ["--dir", Fixtures.shippedChecklistsDirectory] : []
        return run(arguments + ["--database", database] + checklists, today: today)
    }

    /// The demo council of `Samples/` (org chart, then case list) into `database`.
    static func importSampleCouncil(into database: String) {
        #expect(run(["org", "import", "\(Fixtures.packageRoot)/Samples/org.csv", "--database", database]).status == 0)
        #expect(
            run(["cases", "import", "\(Fixtures.packageRoot)/Samples/cases.csv", "--database", database]).status == 0)
    }

    /// The sample council with December's sample drawn (`perTeam` files a team, `seed`), and
    /// the allocated files as `audit list --format json` gives them.
    /// With `engine` and `folder`, the council is imported as that engine's tests need it
    /// (`CommandEngine.importSampleCouncil`).
    static func drawSampleCouncil(
        into database: String, seed: Int, perTeam: Int = 1, engine: CommandEngine? = nil,
        folder: TemporaryDirectory? = nil
    ) throws -> [[String: Any]] {
        if let engine, let folder {
            try engine.importSampleCouncil(into: database, in: folder)
        } else {
            importSampleCouncil(into: database)
        }
        #expect(
            run([
                "sample", "draw", "--month", "2026-12", "--checklist", "climbie-compliance", "--per-team",
                String(perTeam), "--seed", String(seed), "--dir", Fixtures.shippedChecklistsDirectory, "--database",
                database,
            ]).status == 0)
        let listed = run(["audit", "list", "--format", "json", "--database", database]).output
        return try #require(try JSONSerialization.jsonObject(with: Data(listed.utf8)) as? [[String: Any]])
    }
}

/// Runs the built `caseaudit` binary as a separate process.
enum BinaryRunner {
    static var binaryPath: String {
        if let path = ProcessInfo.processInfo.environment["CASEAUDIT_BIN"] { return path }
        // swift test puts the test bundle beside the products it built.
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("caseaudit").path
        if FileManager.default.isExecutableFile(atPath: beside) { return beside }
        return "\(Fixtures.packageRoot)/.build/debug/caseaudit"
    }

    /// With a `timeout`, a process still running then is killed and reported as status 124
    /// (as timeout(1) does), so a hang fails a test instead of stopping the suite.
    static func run(
        _ arguments: [String], environment: [String: String]? = nil, timeout: Duration? = nil
    ) throws -> (CommandResult, Duration) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binaryPath)
        process.arguments = arguments
        // The binary runs as of the tests' day unless told otherwise.
        var variables = environment ?? ProcessInfo.processInfo.environment
        if variables["CASEAUDIT_TODAY"] == nil { variables["CASEAUDIT_TODAY"] = Fixtures.today }
        if variables["CASEAUDIT_STATE_DIR"] == nil { variables["CASEAUDIT_STATE_DIR"] = Fixtures.stateDirectory }
        process.environment = variables
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        let clock = ContinuousClock()
        let start = clock.now
        try process.run()
        let timedOut = Mutex(false)
        if let timeout {
            let seconds = Double(timeout.components.seconds)
            DispatchQueue.global().asyncAfter(deadline: .now() + seconds) {
                if process.isRunning {
                    timedOut.withLock { $0 = true }
                    kill(process.processIdentifier, SIGKILL)
                }
            }
        }
        // Both pipes are drained at once: a command that fills one while the other is being
        // read would otherwise block for ever.
        let errors = Mutex(Data())
        let done = DispatchSemaphore(value: 0)
        Thread {
            let data = drain(err.fileHandleForReading.fileDescriptor)
            errors.withLock { $0 = data }
            done.signal()
        }.start()
        let outData = drain(out.fileHandleForReading.fileDescriptor)
        done.wait()
        let errData = errors.withLock { $0 }
        process.waitUntilExit()
        let elapsed = clock.now - start
        return (
            CommandResult(
                // A signal shows as the shell shows it (132 for SIGILL, a Swift trap).
                status: timedOut.withLock { $0 }
                    ? 124
                    : process.terminationReason == .uncaughtSignal
                        ? 128 + process.terminationStatus : process.terminationStatus,
                output: String(decoding: outData, as: UTF8.self),
                errors: String(decoding: errData, as: UTF8.self)), elapsed
        )
    }
}

/// Everything a pipe gives until it closes, read with read(2) directly: FileHandle's
/// readDataToEndOfFile traps on EINTR, which Process's SIGCHLD handling can cause.
private func drain(_ descriptor: Int32) -> Data {
    var data = Data()
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
        let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        if count > 0 {
            data.append(contentsOf: buffer[0..<count])
        } else if count == 0 || errno != EINTR {
            return data
        }
    }
}
