import Foundation
import Synchronization

/// A fresh folder under the system's temporary directory, removed when the value goes away.
public final class TemporaryDirectory: @unchecked Sendable {
    public let path: String

    public init(_ prefix: String = "caseaudit-test") throws {
        let base = FileManager.default.temporaryDirectory.path
        path = "\(base)/\(prefix)-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// A folder kept for the whole test process, as a static holds it (and a static is never
    /// released): removed when the process ends, so runs leave nothing behind.
    public static func forTheRun(_ prefix: String = "caseaudit-test") throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory(prefix)
        keptForTheRun.withLock { kept in
            if kept.isEmpty { atexit { TemporaryDirectory.removeKeptForTheRun() } }
            kept.append(directory.path)
        }
        return directory
    }

    private static let keptForTheRun = Mutex<[String]>([])

    private static func removeKeptForTheRun() {
        for path in keptForTheRun.withLock({ $0 }) { try? FileManager.default.removeItem(atPath: path) }
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Writes `contents` to `name` in the folder and returns the file's path.
    @discardableResult
    public func write(_ name: String, _ contents: String) throws -> String {
        try write(name, Data(contents.utf8))
    }

    @discardableResult
    public func write(_ name: String, _ data: Data) throws -> String {
        let file = "\(path)/\(name)"
        try data.write(to: URL(fileURLWithPath: file))
        return file
    }
}
