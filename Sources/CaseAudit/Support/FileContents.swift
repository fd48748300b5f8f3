#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a whole input file, refusing what cannot be a text document before any parser sees it.
public enum FileContents {
    public enum Failure: Error, Sendable, Hashable {
        case notFound
        case isDirectory
        case notReadable(reason: String)
        case tooLarge(size: Int, limit: Int)
        case binary(offset: Int)
        case empty

        public var message: String {
            switch self {
            case .notFound: Messages.Load.notFound
            case .isDirectory: Messages.Load.isDirectory
            case .notReadable(let reason): Messages.Load.notReadable(reason)
            case .tooLarge(let size, let limit): Messages.Load.tooLarge(size, limit: limit)
            case .binary(let offset): Messages.Load.binary(offset: offset)
            case .empty: Messages.Load.empty
            }
        }
    }

    /// Bytes of a text file. `limit` bounds memory for files no one should make that large.
    public static func readText(_ path: String, limit: Int) throws(Failure) -> [UInt8] {
        let bytes = try readBytes(path, limit: limit)
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            throw .empty
        }
        // UTF-16 text carries NULs and starts with a byte-order mark; anything else with a NUL
        // near the start is binary.
        let utf16 = bytes.count >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF))
        if !utf16, let offset = bytes.prefix(8192).firstIndex(of: 0) {
            throw .binary(offset: offset)
        }
        return bytes
    }

    /// Bytes of any file.
    public static func readBytes(_ path: String, limit: Int) throws(Failure) -> [UInt8] {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw failure(errno) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw failure(errno) }
        if (status.st_mode & S_IFMT) == S_IFDIR { throw .isDirectory }
        let size = Int(status.st_size)
        if size > limit { throw .tooLarge(size: size, limit: limit) }

        // Filled by read(2) directly: no zeroing pass over a large file first.
        var readFailure: Failure?
        let bytes = [UInt8](unsafeUninitializedCapacity: max(size, 0)) { buffer, count in
            count = 0
            guard let base = buffer.baseAddress else { return }
            while count < buffer.count {
                let got = read(descriptor, base + count, buffer.count - count)
                if got < 0 {
                    if errno == EINTR { continue }
                    readFailure = Self.failure(errno)
                    return
                }
                if got == 0 { break }
                count += got
            }
        }
        if let readFailure { throw readFailure }
        return bytes
    }

    private static func failure(_ code: Int32) -> Failure {
        switch code {
        case ENOENT, ENOTDIR: .notFound
        case EISDIR: .isDirectory
        default: .notReadable(reason: String(cString: strerror(code)))
        }
    }
}

