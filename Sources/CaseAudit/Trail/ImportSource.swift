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

    /// The SHA-256 of the file at `path`, read in blocks.
    public static func sha256(ofFile path: String) -> String? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var hasher = SHA256()
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 { return nil }
            if count == 0 { break }
            buffer.withUnsafeBytes { hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: $0[..<count])) }
        }
        return HexBytes.encode(hasher.finalize())
    }

    var members: [(String, TrailJSON)] { [("file", .string(name)), ("sha256", .text(sha256))] }
}
