internal import Crypto

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where imported data came from, as the trail records it: the file's name and the SHA-256
/// of its bytes (nil for data made in memory), never its content.
public struct ImportSource: Sendable, Hashable, ExpressibleByStringLiteral {
    public var name: String
    public var sha256: String?

    public init(name: String, sha256: String?) {
        self.name = name
        self.sha256 = sha256
    }

    public init(stringLiteral name: String) {
        self.init(name: name, sha256: nil)
    }

    /// The file at `path`, with the SHA-256 of what it holds now (nil if it cannot be read).
    public static func file(_ path: String) -> ImportSource {
        ImportSource(name: path, sha256: sha256(ofFile: path))
    }

    /// The SHA-256 of the file at `path` (nil if it cannot be read whole, as it was opened).
    public static func sha256(ofFile path: String) -> String? {
        try? sha256(of: FileContents.openFile(path, limit: .max))
    }

    /// The SHA-256 of bytes already read: a file's digest taken from the very bytes imported.
    public static func sha256(of bytes: [UInt8]) -> String {
        HexBytes.encode(SHA256.hash(data: bytes))
    }

    /// The SHA-256 of an open file, read in blocks from its start; fails when it cannot be read
    /// or changed since it was opened, so that the digest is of what the file held then.
    public static func sha256(of file: FileContents.OpenFile) throws(FileContents.Failure) -> String {
        var hasher = SHA256()
        var offset = 0
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = buffer.withUnsafeMutableBytes {
                pread(file.descriptor, $0.baseAddress, $0.count, off_t(offset))
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw .notReadable(reason: String(cString: strerror(errno)))
            }
            if count == 0 { break }
            buffer.withUnsafeBytes { hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: $0[..<count])) }
            offset += count
        }
        try file.checkUnchanged()
        return HexBytes.encode(hasher.finalize())
    }

    var members: [(String, TrailJSON)] { [("file", .string(name)), ("sha256", .text(sha256))] }
}
