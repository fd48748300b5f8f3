import CaseAuditScreen

/// A terminal that types what it is given, one wait at a time, and keeps every frame; when
/// the script runs out it reports the terminal closed (as a closed window would).
public final class ScriptedTerminal: Terminal {
    private var script: [TerminalInput]
    public private(set) var frames: [String] = []
    public private(set) var restored = false
    public var size: (columns: Int, rows: Int) = (80, 24)

    /// Each string is one wait's worth of keys.
    public init(keys: [String]) { script = keys.map { .bytes(Array($0.utf8)) } }

    /// Waits as given: keys, timeouts (a wait in which nothing was typed), and the rest.
    public init(script: [TerminalInput]) { self.script = script }

    public func read(timeout: Double?) -> TerminalInput { script.isEmpty ? .closed : script.removeFirst() }
    public func takeResize() -> Bool { false }
    public func write(_ text: String) { frames.append(text) }
    public func restore() { restored = true }
}
