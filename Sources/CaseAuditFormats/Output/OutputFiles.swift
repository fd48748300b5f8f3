import CaseAudit
import Foundation

/// Writing what the product makes (reports, checklists, generated councils), with a refusal a
/// person can act on.
public enum OutputFiles {
    /// Writes each file under `folder`, making the sub-folders it needs; `what` says what is
    /// written ("the report").
    public static func write(_ files: [(path: String, text: String)], to folder: String, what: String)
        throws(OutputError)
    {
        do {
            for file in files {
                let path = "\(folder)/\(file.path)"
                try FileManager.default.createDirectory(
                    atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try Data(file.text.utf8).write(to: URL(fileURLWithPath: path))
            }
        } catch {
            throw OutputError(path: folder, what: what, reason: OutputError.describe(error))
        }
    }

    /// Writes one file's bytes; its folder must exist.
    public static func write(_ data: Data, to path: String, what: String) throws(OutputError) {
        do {
            try data.write(to: URL(fileURLWithPath: path))
        } catch {
            throw OutputError(path: path, what: what, reason: OutputError.describe(error))
        }
    }

    /// Runs `body`, which writes under `folder` (making it first); any failure is `what` not
    /// being written there.
    public static func into(_ folder: String, what: String, _ body: (String) throws -> Void) throws(OutputError) {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try body(folder)
        } catch {
            throw OutputError(path: folder, what: what, reason: OutputError.describe(error))
        }
    }

    /// A folder as given, without trailing slashes (so messages say `board-papers/summary.md`).
    public static func folder(_ path: String) -> String {
        var path = path
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        return path
    }
}

/// A file or folder that could not be written: the path that failed and the system's reason
/// ("Permission denied", "No space left on device"), never Foundation's bare "The file
/// doesn't exist".
public struct OutputError: ReportableError, Hashable {
    public var path: String
    public var what: String
    public var reason: String

    public var message: String { "\(path): cannot write \(what): \(reason)" }

    package static func describe(_ error: any Error) -> String {
        let nsError = error as NSError
        let path = nsError.userInfo[NSFilePathErrorKey] as? String ?? (nsError.userInfo[NSURLErrorKey] as? URL)?.path
        var reason = nsError.localizedDescription
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain
        {
            reason = String(cString: strerror(Int32(underlying.code)))
        } else if nsError.domain == NSPOSIXErrorDomain {
            reason = String(cString: strerror(Int32(nsError.code)))
        } else if let path, let blocker = fileInTheWay(of: path) {
            return "\(blocker) is a file, not a folder"
        }
        return path.map { "\($0): \(reason)" } ?? reason
    }

    /// The first part of `path` that exists but is not a folder, when one stands in the way.
    private static func fileInTheWay(of path: String) -> String? {
        var partial = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/").dropLast() {
            partial += "/\(component)"
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: partial, isDirectory: &isFolder) else { return nil }
            if !isFolder.boolValue { return partial }
        }
        return nil
    }
}
