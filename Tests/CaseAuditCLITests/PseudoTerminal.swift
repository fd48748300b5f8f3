import CaseAuditTestSupport
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The real binary on a real pseudo-terminal: a new session whose controlling terminal is the
/// pty's slave side, driven from the master side: keys typed, the screen read back through
/// `TerminalEmulator`, the window resized, signals sent.
final class PseudoTerminal {
    let pid: pid_t
    let master: Int32
    private(set) var emulator: TerminalEmulator
    /// Everything the program wrote, for checks on escape sequences.
    private(set) var transcript: [UInt8] = []
    private var exitStatus: Int32?

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    init(
        _ executable: String, _ arguments: [String], environment: [String: String] = [:], columns: Int = 80,
        rows: Int = 24
    ) throws {
        // posix_openpt, unlockpt and ptsname, as ioctls (Glibc does not import the former).
        master = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
        var unlock: Int32 = 0
        var number: UInt32 = 0
        guard master >= 0, ioctl(master, 0x4004_5431, &unlock) == 0, ioctl(master, 0x8004_5430, &number) == 0 else {
            throw Failure(description: "cannot open a pseudo-terminal: \(String(cString: strerror(errno)))")
        }
        let slavePath = "/dev/pts/\(number)"
        emulator = TerminalEmulator(columns: columns, rows: rows)
        var window = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &window)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // After setsid, the first terminal the child opens becomes its controlling terminal.
        posix_spawn_file_actions_addopen(&actions, 0, slavePath, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        let setSID: Int16 = 0x80  // POSIX_SPAWN_SETSID (glibc)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGWINCH, SIGPIPE] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setflags(&attributes, setSID | Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        var variables = [
            "TERM": "xterm-256color", "PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory(),
            "CASEAUDIT_TODAY": Fixtures.today, "CASEAUDIT_STATE_DIR": Fixtures.stateDirectory,
        ]
        variables.merge(environment) { _, given in given }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = variables.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var child: pid_t = 0
        let status = posix_spawn(&child, executable, &actions, &attributes, argv, envp)
        guard status == 0 else {
            throw Failure(description: "cannot start \(executable): \(String(cString: strerror(status)))")
        }
        pid = child
    }

    deinit {
        if exitStatus == nil {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        close(master)
    }

    /// Types text (each character is a key press; no Enter unless given).
    func type(_ text: String) {
        var bytes = Array(text.utf8)
        _ = write(master, &bytes, bytes.count)
    }

    /// Reads what the program writes until the screen shows `text` (or `timeout` passes).
    @discardableResult
    func waitFor(_ text: String, timeout: Double = 15) throws -> String {
        try waitUntil(timeout: timeout, "the screen to show '\(text)'") { $0.contains(text) }
    }

    @discardableResult
    func waitUntil(timeout: Double = 15, _ what: String, _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let screen = emulator.text
            // A frame arrives in pieces: read on until it is whole (it ends by clearing the rest
            // of the screen) or the program has gone quiet.
            if condition(screen) {
                if transcript.suffix(3) == [0x1B, 0x5B, 0x4A] || pump(milliseconds: 100) == 0 {
                    if condition(emulator.text) { return emulator.text }
                }
                continue
            }
            guard Date() < deadline else {
                throw Failure(description: "timed out waiting for \(what); the screen shows:\n\(screen)")
            }
            pump(milliseconds: 100)
        }
    }

    /// Feeds whatever output arrives within `milliseconds` to the emulator; how many bytes came.
    @discardableResult
    func pump(milliseconds: Int32) -> Int {
        var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, milliseconds) > 0 else { return 0 }
        var buffer = [UInt8](repeating: 0, count: 65536)
        let count = read(master, &buffer, buffer.count)
        guard count > 0 else {
            usleep(UInt32(milliseconds) * 1000)  // EIO once the child has closed the terminal.
            return 0
        }
        transcript += buffer.prefix(count)
        emulator.feed(buffer.prefix(count))
        return count
    }

    func resize(columns: Int, rows: Int) {
        var window = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
        emulator.resize(columns: columns, rows: rows)
        // The kernel sends SIGWINCH to the terminal's foreground process group.
        _ = ioctl(master, UInt(TIOCSWINSZ), &window)
    }

    func signal(_ signal: Int32) {
        kill(pid, signal)
    }

    /// Waits for the process to end, reading its last output; the wait status.
    @discardableResult
    func waitForExit(timeout: Double = 15) throws -> Int32 {
        if let exitStatus { return exitStatus }
        let deadline = Date().addingTimeInterval(timeout)
        var status: Int32 = 0
        while waitpid(pid, &status, WNOHANG) == 0 {
            guard Date() < deadline else {
                throw Failure(description: "the program did not end; the screen shows:\n\(emulator.text)")
            }
            pump(milliseconds: 50)
        }
        pump(milliseconds: 50)
        exitStatus = status
        return status
    }

    /// The terminal's line discipline as the program left it.
    var settings: termios {
        var settings = termios()
        _ = tcgetattr(master, &settings)
        return settings
    }
}

/// Enough of a VT100/xterm to read what the scoring screen draws: cursor movement, erasing,
/// line feeds with scrolling, the alternate screen, and SGR (ignored).
struct TerminalEmulator {
    private(set) var columns: Int
    private(set) var rows: Int
    private var grid: [[Character]]
    private var mainGrid: [[Character]]?
    private var row = 0
    private var column = 0
    private var pending: [UInt8] = []

    init(columns: Int, rows: Int) {
        self.columns = columns
        self.rows = rows
        grid = Array(repeating: Array(repeating: " ", count: columns), count: rows)
    }

    /// The screen as text, trailing spaces removed.
    var text: String {
        grid.map { line in String(String(line).reversed().drop(while: { $0 == " " }).reversed()) }.joined(
            separator: "\n")
    }

    mutating func resize(columns: Int, rows: Int) {
        self.columns = columns
        self.rows = rows
        grid = Array(repeating: Array(repeating: " ", count: columns), count: rows)
        row = min(row, rows - 1)
        column = min(column, columns - 1)
    }

    mutating func feed(_ bytes: some Sequence<UInt8>) {
        pending += bytes
        // Keep an incomplete UTF-8 sequence or escape sequence for the next read.
        var index = 0
        let input = pending
        while index < input.count {
            let byte = input[index]
            if byte == 0x1B {
                guard let end = escapeEnd(input, from: index) else { break }
                escape(Array(input[index...end]))
                index = end + 1
            } else if byte == 0x0D {
                column = 0
                index += 1
            } else if byte == 0x0A {
                lineFeed()
                index += 1
            } else if byte == 0x08 {
                column = max(0, column - 1)
                index += 1
            } else if byte < 0x20 {
                index += 1
            } else {
                let length = byte < 0x80 ? 1 : byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
                guard index + length <= input.count else { break }
                let character = String(decoding: input[index..<index + length], as: UTF8.self).first ?? "?"
                put(character)
                index += length
            }
        }
        pending = Array(input[index...])
    }

    private func escapeEnd(_ input: [UInt8], from start: Int) -> Int? {
        guard start + 1 < input.count else { return nil }
        guard input[start + 1] == UInt8(ascii: "[") else { return start + 1 }
        var index = start + 2
        while index < input.count {
            if (0x40...0x7E).contains(input[index]) { return index }
            index += 1
        }
        return nil
    }

    private mutating func escape(_ sequence: [UInt8]) {
        guard sequence.count > 2, sequence[1] == UInt8(ascii: "[") else { return }
        let final = Character(UnicodeScalar(sequence[sequence.count - 1]))
        var body = String(decoding: sequence[2..<sequence.count - 1], as: UTF8.self)
        let isPrivate = body.hasPrefix("?")
        if isPrivate { body.removeFirst() }
        let numbers = body.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) ?? 0 }
        switch (final, isPrivate) {
        case ("H", false), ("f", false):
            row = min(rows - 1, max(0, (numbers.first ?? 1) - 1))
            column = min(columns - 1, max(0, (numbers.count > 1 ? numbers[1] : 1) - 1))
        case ("J", false):
            let mode = numbers.first ?? 0
            if mode == 2 || mode == 3 {
                clear(rows: 0..<rows)
            } else {
                clear(row: row, from: column)
                clear(rows: (row + 1)..<rows)
            }
        case ("K", false): clear(row: row, from: column)
        case ("h", true) where numbers.first == 1049:
            mainGrid = grid
            clear(rows: 0..<rows)
        case ("l", true) where numbers.first == 1049:
            if let saved = mainGrid, saved.count == rows, saved.first?.count == columns { grid = saved }
            mainGrid = nil
        default: break  // SGR and cursor visibility change nothing in the text.
        }
    }

    private mutating func clear(rows range: Range<Int>) {
        for line in range where line < rows && line >= 0 { grid[line] = Array(repeating: " ", count: columns) }
    }

    private mutating func clear(row line: Int, from start: Int) {
        for index in start..<columns { grid[line][index] = " " }
    }

    private mutating func put(_ character: Character) {
        if column >= columns {
            column = 0
            lineFeed()
        }
        grid[row][column] = character
        column += 1
    }

    private mutating func lineFeed() {
        if row == rows - 1 {
            grid.removeFirst()
            grid.append(Array(repeating: " ", count: columns))
        } else {
            row += 1
        }
    }
}
