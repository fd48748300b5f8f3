import CaseAudit
import CaseAuditScreen

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where a command's output goes and what it can see of its surroundings, injected so that
/// tests run commands in-process and read what they printed.
public struct Console: Sendable {
    public var write: @Sendable (String) -> Void
    public var writeError: @Sendable (String) -> Void
    /// Looks up one environment variable (reading the whole environment costs start-up time).
    public var environment: @Sendable (String) -> String?
    /// Whether standard error is a terminal: progress lines are shown only then.
    public var errorIsTerminal = false
    /// Today's date (UTC); injected so that tests fix the clock.
    public var today: @Sendable () -> CalendarDate = { CalendarDate.today() }
    /// What the store stamps records with: the system clock, or the fixed day's.
    public var clock: StoreClock = .system

    /// Runs as of `day`: today is that day and the store stamps records on it.
    public mutating func fix(today day: CalendarDate) {
        today = { day }
        clock = .on(day)
    }

    public init(
        write: @escaping @Sendable (String) -> Void, writeError: @escaping @Sendable (String) -> Void,
        environment: @escaping @Sendable (String) -> String?
    ) {
        self.write = write
        self.writeError = writeError
        self.environment = environment
    }

    /// A console whose environment is the given variables only.
    public init(
        write: @escaping @Sendable (String) -> Void, writeError: @escaping @Sendable (String) -> Void,
        environment variables: [String: String]
    ) {
        self.init(write: write, writeError: writeError, environment: { variables[$0] })
    }

    public static let standard: Console = {
        var console = Console(
            write: { writeAll($0, to: STDOUT_FILENO) },
            writeError: { writeAll($0, to: STDERR_FILENO) },
            environment: { name in getenv(name).map { String(cString: $0) } })
        console.errorIsTerminal = isatty(STDERR_FILENO) == 1
        // For training sessions and tests: the tool runs as of this day (YYYY-MM-DD).
        if let fixed = getenv("CASEAUDIT_TODAY").flatMap({ CalendarDate(parsing: String(cString: $0)) }) {
            console.fix(today: fixed)
        }
        return console
    }()

    /// A progress line that rewrites itself on a terminal; nothing when stderr is a file or a
    /// pipe (logs and CI stay clean).
    public func progress(_ text: String) {
        guard errorIsTerminal else { return }
        writeError("\r\u{1B}[K" + text)
    }

    /// Ends a progress line (only if one was shown).
    public func endProgress() {
        guard errorIsTerminal else { return }
        writeError("\r\u{1B}[K")
    }

    /// Runs `body`, which writes progress lines, and clears the line however it ends.
    func whileProgressing<T>(_ body: () throws -> T) rethrows -> T {
        defer { endProgress() }
        return try body()
    }

    /// Prints notes and warnings on standard error.
    func tell(_ notices: [Notice]) {
        for notice in notices {
            switch notice {
            case .note(let text, let remedy): writeError("caseaudit: note: \(text)\(CommandHint.text(for: remedy))\n")
            case .warning(let text, let remedy):
                writeError("caseaudit: warning: \(text)\(CommandHint.text(for: remedy))\n")
            }
        }
    }

    @TaskLocal public static var current: Console = .standard
}
