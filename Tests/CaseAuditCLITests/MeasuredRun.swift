import CaseAuditTestSupport
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Runs a program to its end and reports what it wrote to standard error and the most memory
/// it held (its peak resident set, from wait4), to check that a command stays within a bound.
struct MeasuredRun {
    var status: Int32
    var errors: String
    var peakMemoryKiB: Int
    /// The test process's own peak when the program ended. Linux carries the peak of the memory
    /// a program was started in (the spawner's, shared or copied until the exec) into the
    /// program's figure, so `peakMemoryKiB` is never below the spawner's peak at that moment
    /// (measured: a 300 MiB parent's `/bin/true` peaks at 313 MiB): a bound on the program's
    /// own use holds above this.
    var spawnerPeakKiB: Int

    /// `limitKiB` for the program's own use, or, when the spawner's peak (which the figure
    /// starts from) is above it, that peak and `marginKiB`.
    func withinBound(_ limitKiB: Int, margin marginKiB: Int) -> Bool {
        peakMemoryKiB < max(limitKiB, spawnerPeakKiB + marginKiB)
    }

    static func run(_ arguments: [String]) throws -> MeasuredRun {
        let errorsPath = FileManager.default.temporaryDirectory.appendingPathComponent(
            "measured-\(UUID().uuidString).txt"
        ).path
        defer { unlink(errorsPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, errorsPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        var cArguments = arguments.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        // The tests' environment, with a state directory of the run's own (see `Fixtures`).
        var variables = ProcessInfo.processInfo.environment
        variables["CASEAUDIT_STATE_DIR"] = variables["CASEAUDIT_STATE_DIR"] ?? Fixtures.stateDirectory
        var cEnvironment = variables.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { cEnvironment.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, arguments[0], &actions, nil, &cArguments, &cEnvironment)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EINVAL) }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let exited = (status & 0x7F) == 0
        let errors = (try? String(contentsOfFile: errorsPath, encoding: .utf8)) ?? ""
        var own = rusage()
        getrusage(RUSAGE_SELF.rawValue, &own)
        return MeasuredRun(
            status: exited ? (status >> 8) & 0xFF : 128 + (status & 0x7F), errors: errors,
            peakMemoryKiB: Int(usage.ru_maxrss), spawnerPeakKiB: Int(own.ru_maxrss))
    }
}
