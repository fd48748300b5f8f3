import CaseAudit

/// What the scoring screen runs on: keys in, frames out. `RawTerminal` is the process's own
/// terminal; tests drive a session in-process with a scripted one.
public protocol Terminal: AnyObject {
    /// Columns and rows.
    var size: (columns: Int, rows: Int) { get }
    /// Waits for keys, a resize or a stop; at most `timeout` seconds when one is given.
    func read(timeout: Double?) -> TerminalInput
    /// True once after each resize.
    func takeResize() -> Bool
    func write(_ text: String)
    /// Puts the terminal back as it was before the screen.
    func restore()
}

/// What a wait on the terminal gave.
public enum TerminalInput: Sendable, Equatable {
    case bytes([UInt8])
    /// A signal (a resize) interrupted the wait.
    case interrupted
    /// The terminal has gone (closed window, hung-up line).
    case closed
    /// A signal asked the process to stop.
    case stopped(Int32)
    /// Nothing came within the wait's timeout.
    case timedOut
}

/// Why the scoring screen cannot run here.
public enum ScreenUnavailable: ReportableError, Hashable {
    case inputNotATerminal
    case noRawMode

    public var message: String {
        switch self {
        case .inputNotATerminal: "standard input is not a terminal, so the scoring screen cannot run"
        case .noRawMode: "cannot put the terminal into raw mode"
        }
    }
}
