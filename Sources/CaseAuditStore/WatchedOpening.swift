import CaseAudit
import Foundation

/// Opening a store as every command does: through `StoreFactory`, then comparing the store's
/// trail with the head this machine's user last saw of it (`TrailWatch`), so that a chain
/// rebuilt by whoever holds the file, or a superuser, is noticed by the next person to open it.
/// A database just made starts afresh.
public struct WatchedOpening {
    public let store: any CaseAuditStore
    /// What the comparison found amiss, to be shown as a warning; nil when the trail extends
    /// the remembered head.
    public let warning: String?

    /// Opens the store at `location` (made new only when `creating`), with `memory` the user's
    /// remembered heads, if they have anywhere to keep them.
    public static func open(_ location: String, creating: Bool, clock: StoreClock, memory: TrailMemory?)
        throws(StoreError) -> WatchedOpening
    {
        let isNew = creating && !StoreFactory.isServer(location) && !FileManager.default.fileExists(atPath: location)
        let store = try StoreFactory.open(location, creating: creating, clock: clock)
        guard let memory else { return WatchedOpening(store: store, warning: nil) }
        if isNew {
            try startAfresh(store, location: location, memory: memory)
            return WatchedOpening(store: store, warning: nil)
        }
        let finding = try TrailWatch.check(store, location: key(store, location: location), memory: memory)
        return WatchedOpening(store: store, warning: finding.warning)
    }

    /// Forgets the head remembered for a database just made new at `location`.
    public static func startAfresh(_ store: any CaseAuditStore, location: String, memory: TrailMemory?)
        throws(StoreError)
    {
        guard let memory else { return }
        TrailWatch.startAfresh(location: key(store, location: location), memory: memory, head: try store.trailHead())
    }

    /// The head remembered for the store at `location`, if any.
    public static func rememberedHead(_ store: any CaseAuditStore, location: String, memory: TrailMemory?)
        -> TrailHead?
    {
        memory?.head(for: key(store, location: location))
    }

    /// What a store's remembered head is filed under: the server as named (without a
    /// password), or the file's absolute path.
    static func key(_ store: any CaseAuditStore, location: String) -> String {
        StoreFactory.isServer(location) ? store.location : URL(fileURLWithPath: location).standardizedFileURL.path
    }
}
