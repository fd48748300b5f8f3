import CaseAudit
import CaseAuditTestSupport
import Foundation
import Synchronization

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
        if let today, let date = CalendarDate(parsing: today) { console.today = { date } }
        console.errorIsTerminal = terminal
        let status = Console.$current.withValue(console) { CaseAuditMain.run(arguments) }
        return CommandResult(status: status, output: output.withLock { $0 }, errors: errors.withLock { $0 })
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

    static func run(_ arguments: [String], environment: [String: String]? = nil) throws -> (CommandResult, Duration) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binaryPath)
        process.arguments = arguments
        if let environment { process.environment = environment }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        let clock = ContinuousClock()
        let start = clock.now
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let elapsed = clock.now - start
        return (
            CommandResult(
                status: process.terminationStatus, output: String(decoding: outData, as: UTF8.self),
                errors: String(decoding: errData, as: UTF8.self)), elapsed
        )
    }
}
