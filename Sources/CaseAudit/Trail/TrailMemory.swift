import Foundation

/// The last head of each store's trail this machine's user saw, kept in their state directory
/// (`trail-heads.tsv`: location, sequence, hash). Whoever holds a SQLite file, or a superuser,
/// can rebuild a whole chain consistently; a head remembered elsewhere shows it.
public struct TrailMemory: Sendable {
    public let file: String

    public init(directory: String) {
        file = directory + "/trail-heads.tsv"
    }

    /// The state directory: `CASEAUDIT_STATE_DIR`, else `$XDG_STATE_HOME/caseaudit`, else
    /// `~/.local/state/caseaudit`; nil when none of those can be named.
    public static func directory(environment: (String) -> String?) -> String? {
        if let explicit = environment("CASEAUDIT_STATE_DIR"), !explicit.isEmpty { return explicit }
        if let state = environment("XDG_STATE_HOME"), !state.isEmpty { return state + "/caseaudit" }
        if let home = environment("HOME"), !home.isEmpty { return home + "/.local/state/caseaudit" }
        return nil
    }

    /// The head remembered for `location`.
    public func head(for location: String) -> TrailHead? {
        Self.head(for: Self.key(location), in: contents())
    }

    /// Remembers `head` for `location` (written to a new file and renamed over the old, so
    /// two clients at once leave one whole file). Every command does this as it opens a
    /// store, so the file is read as bytes and only the one line is looked at: parsed whole
    /// into strings, a file of 900 places took 8 ms of a 55 ms report.
    public func remember(_ head: TrailHead, for location: String) {
        let bytes = contents()
        let key = Self.key(location)
        guard Self.head(for: key, in: bytes) != head else { return }
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count + key.count + 90)
        for line in bytes.split(separator: 0x0A) where !line.starts(with: key) {
            text += line
            text.append(0x0A)
        }
        text += key
        text += Array("\(head.seq)\t\(head.hash)\n".utf8)
        let directory = (file as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(
            atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let temporary = file + ".\(ProcessInfo.processInfo.processIdentifier).tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(text)) else { return }
        if rename(temporary, file) != 0 { try? FileManager.default.removeItem(atPath: temporary) }
    }

    private func contents() -> [UInt8] {
        FileManager.default.contents(atPath: file).map { [UInt8]($0) } ?? []
    }

    /// A line's start: the location and a tab.
    private static func key(_ location: String) -> [UInt8] { Array(location.utf8) + [0x09] }

    /// The head on the last line that starts with `key` (location, sequence, hash).
    private static func head(for key: [UInt8], in bytes: [UInt8]) -> TrailHead? {
        var found: TrailHead?
        for line in bytes.split(separator: 0x0A) where line.starts(with: key) {
            let parts = line.dropFirst(key.count).split(separator: 0x09, omittingEmptySubsequences: false)
            guard parts.count == 2, let seq = Int64(String(decoding: parts[0], as: UTF8.self)) else { continue }
            found = TrailHead(seq: seq, hash: String(decoding: parts[1], as: UTF8.self))
        }
        return found
    }
}

/// What a client finds when it compares a store's trail with the head it remembers.
public enum TrailWatch {
    public enum Finding: Sendable, Hashable {
        /// The trail extends the remembered head (or nothing was remembered).
        case extends
        /// The remembered event is gone: the trail is shorter than it was.
        case cutShort(remembered: TrailHead, end: Int64)
        /// The remembered event has another hash now: the chain was rebuilt.
        case rewritten(remembered: TrailHead, now: String)

        public var warning: String? {
            switch self {
            case .extends: nil
            case .cutShort(let remembered, let end):
                "the trail no longer extends the head this machine last saw (\(remembered.description)): it now ends at event \(end), so events were removed or the trail was rebuilt"
            case .rewritten(let remembered, let now):
                "the trail no longer extends the head this machine last saw (\(remembered.description)): event \(remembered.seq) now has sha256 \(now), so the trail was rebuilt from there or before"
            }
        }
    }

    /// Compares the store's trail with the head `memory` keeps for `location`, and remembers
    /// the store's head when it extends it (a trail found rewritten stays remembered as it
    /// was, so the warning stands until someone looks into it).
    public static func check(_ store: some TrailStore, location: String, memory: TrailMemory) throws(StoreError)
        -> Finding
    {
        let finding = try compare(store, with: memory.head(for: location))
        if finding == .extends, let head = try store.trailHead() { memory.remember(head, for: location) }
        return finding
    }

    /// The same, against a head known some other way.
    public static func compare(_ store: some TrailStore, with remembered: TrailHead?) throws(StoreError) -> Finding {
        guard let remembered, remembered.seq > 0 else { return .extends }
        guard let now = try store.trailHash(at: remembered.seq) else {
            return .cutShort(remembered: remembered, end: try store.trailHead()?.seq ?? 0)
        }
        return now == remembered.hash ? .extends : .rewritten(remembered: remembered, now: now)
    }

    /// Forgets what was remembered for a store just made new at `location`.
    public static func startAfresh(location: String, memory: TrailMemory, head: TrailHead?) {
        memory.remember(head ?? TrailHead(seq: 0, hash: TrailCanonical.genesis), for: location)
    }
}
