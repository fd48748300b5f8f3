import CaseAudit
import Foundation

/// A new file written piece by piece (an export of millions of events is never held whole).
/// An existing file is refused rather than overwritten.
public final class ExportSink {
    private let handle: FileHandle
    private let path: String
    private var failure: OutputError?

    public init(path: String) throws(OutputError) {
        self.path = path
        guard !FileManager.default.fileExists(atPath: path) else {
            throw OutputError(path: path, what: "the file", reason: "it exists, and is not overwritten")
        }
        guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]),
            let handle = FileHandle(forWritingAtPath: path)
        else { throw OutputError(path: path, what: "the file", reason: "it cannot be created") }
        self.handle = handle
    }

    public func write(_ text: String) {
        guard failure == nil else { return }
        do {
            try handle.write(contentsOf: Data(text.utf8))
        } catch {
            failure = OutputError(path: path, what: "the file", reason: OutputError.describe(error))
        }
    }

    /// Closes the file; the first failure to write, if any, is thrown here.
    public func close() throws(OutputError) {
        try? handle.close()
        if let failure { throw failure }
    }
}
