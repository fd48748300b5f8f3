#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// What the signal handlers need, kept where they can reach it without allocating or locking.
nonisolated(unsafe) private var savedSettings = termios()
nonisolated(unsafe) private var settingsSaved: sig_atomic_t = 0
nonisolated(unsafe) private var windowChanged: sig_atomic_t = 0
/// The signal that asked the process to stop (SIGTERM, SIGHUP, SIGINT, SIGQUIT); 0 for none.
nonisolated(unsafe) private var stopSignal: sig_atomic_t = 0
/// The self-pipe a resize writes to, so a wait for keys wakes however the signal falls.
nonisolated(unsafe) private var wakeWriter: Int32 = -1
/// Leaves the alternate screen, shows the cursor and resets colours.
private let restoreSequence: StaticString = "\u{1B}[0m\u{1B}[?25h\u{1B}[?1049l"

/// Puts the terminal back as it was: async-signal-safe (tcsetattr and write only).
private func restoreTerminal() {
    guard settingsSaved != 0 else { return }
    _ = tcsetattr(STDIN_FILENO, TCSAFLUSH, &savedSettings)
    _ = write(STDOUT_FILENO, restoreSequence.utf8Start, restoreSequence.utf8CodeUnitCount)
    settingsSaved = 0
}

/// SIGINT, SIGTERM, SIGHUP, SIGQUIT: noted, and the wait for keys woken, so the screen stops
/// at once: it restores the terminal, says what was saved, then dies of the same signal
/// (`RawTerminal.dieOfStopSignal`), so the shell sees how the process ended. Answers are
/// already committed; nothing else is pending. A second signal restores and dies at once.
private func noteStop(_ signal: Int32) {
    guard stopSignal == 0 else {
        restoreTerminal()
        dieOf(signal)
        return
    }
    stopSignal = signal
    var byte: UInt8 = 1
    _ = write(wakeWriter, &byte, 1)
}

private func dieOf(_ signal: Int32) {
    var action = sigaction()
    action.__sigaction_handler.sa_handler = SIG_DFL
    sigaction(signal, &action, nil)
    raise(signal)
}

private func noteWindowChange(_: Int32) {
    windowChanged = 1
    var byte: UInt8 = 1
    _ = write(wakeWriter, &byte, 1)
}

/// The process's own terminal in raw mode for the scoring screen: keys arrive one at a time
/// without echo, the screen is the alternate one, and every way out (return, error, signal)
/// restores it.
public final class RawTerminal: Terminal {
    public static var inputIsTerminal: Bool { isatty(STDIN_FILENO) == 1 }
    public static var outputIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

    private let wakeReader: Int32

    public init?() {
        guard tcgetattr(STDIN_FILENO, &savedSettings) == 0 else { return nil }
        var pipeEnds: [Int32] = [-1, -1]
        guard pipe(&pipeEnds) == 0 else { return nil }
        for end in pipeEnds { _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK) }
        wakeReader = pipeEnds[0]
        wakeWriter = pipeEnds[1]
        var raw = savedSettings
        raw.c_iflag &= ~tcflag_t(BRKINT | ICRNL | INPCK | ISTRIP | IXON)
        raw.c_lflag &= ~tcflag_t(ECHO | ICANON | IEXTEN | ISIG)
        raw.c_cflag |= tcflag_t(CS8)
        withUnsafeMutableBytes(of: &raw.c_cc) { cc in
            cc[Int(VMIN)] = 1
            cc[Int(VTIME)] = 0
        }
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGQUIT] { Self.install(signal, noteStop, restart: true) }
        Self.install(SIGWINCH, noteWindowChange, restart: true)
        settingsSaved = 1
        guard tcsetattr(STDIN_FILENO, TCSAFLUSH, &raw) == 0 else {
            settingsSaved = 0
            return nil
        }
        write("\u{1B}[?1049h\u{1B}[?25l\u{1B}[H\u{1B}[2J")
    }

    deinit { restore() }

    public func restore() {
        restoreTerminal()
    }

    private static func install(_ signal: Int32, _ handler: @convention(c) (Int32) -> Void, restart: Bool) {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = handler
        sigemptyset(&action.sa_mask)
        action.sa_flags = restart ? Int32(SA_RESTART) : 0
        sigaction(signal, &action, nil)
    }

    /// Columns and rows; 80×24 when the terminal does not say.
    public var size: (columns: Int, rows: Int) {
        var window = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &window) == 0, window.ws_col > 0, window.ws_row > 0 else {
            return (80, 24)
        }
        return (Int(window.ws_col), Int(window.ws_row))
    }

    /// True once after each resize.
    public func takeResize() -> Bool {
        guard windowChanged != 0 else { return false }
        windowChanged = 0
        return true
    }

    /// After the screen has said what was saved: dies of the signal that stopped it, if one did.
    public func dieOfStopSignal() {
        guard stopSignal != 0 else { return }
        restoreTerminal()
        dieOf(Int32(stopSignal))
    }

    /// Waits for keys or a resize.
    public func read(timeout: Double?) -> TerminalInput {
        var waits = [
            pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
            pollfd(fd: wakeReader, events: Int16(POLLIN), revents: 0),
        ]
        if stopSignal != 0 { return .stopped(Int32(stopSignal)) }
        let ready = poll(&waits, 2, timeout.map { Int32(($0 * 1000).rounded()) } ?? -1)
        if stopSignal != 0 { return .stopped(Int32(stopSignal)) }
        if ready < 0 { return errno == EINTR ? .interrupted : .closed }
        if ready == 0 { return .timedOut }
        if waits[1].revents != 0 {
            var drain = [UInt8](repeating: 0, count: 64)
            while Glibc.read(wakeReader, &drain, drain.count) > 0 {}
            if waits[0].revents == 0 { return .interrupted }
        }
        var buffer = [UInt8](repeating: 0, count: 256)
        let count = buffer.withUnsafeMutableBytes { Glibc.read(STDIN_FILENO, $0.baseAddress, $0.count) }
        if count > 0 { return .bytes(Array(buffer.prefix(count))) }
        if count < 0 && errno == EINTR { return .interrupted }
        return .closed
    }

    public func write(_ text: String) { writeAll(text, to: STDOUT_FILENO) }
}
