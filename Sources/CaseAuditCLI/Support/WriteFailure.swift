import Foundation

/// Why a file could not be written, as a person can act on it: the path that failed and the
/// system's reason ("Permission denied", "No space left on device"), never Foundation's bare
/// "The file doesn't exist".
enum WriteFailure {
    static func describe(_ error: any Error) -> String {
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
