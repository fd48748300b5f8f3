#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads input files, refusing what cannot be a text document before any parser sees it.
public enum FileContents {
    public enum Failure: Error, Sendable, Hashable {
        case notFound
        case isDirectory
        case notReadable(reason: String)
        case tooLarge(size: Int, limit: Int)
        case binary(offset: Int)
        case empty
        case lineTooLong(limit: Int)

        public var message: String {
            switch self {
            case .notFound: Messages.Load.notFound
            case .isDirectory: Messages.Load.isDirectory
            case .notReadable(let reason): Messages.Load.notReadable(reason)
            case .tooLarge(let size, let limit): Messages.Load.tooLarge(size, limit: limit)
            case .binary(let offset): Messages.Load.binary(offset: offset)
            case .empty: Messages.Load.empty
            case .lineTooLong(let limit): Messages.Load.lineTooLong(limit: limit)
            }
        }
    }

    /// How much is read at a time when lines are checked as the file is read.
    package static let chunkLength = 4 * 1024 * 1024

    /// How much of a file is looked at to tell text from binary.
    package static let sniffLength = 8192

    /// An open, checked text file; closed when the value goes away.
    public final class OpenFile: @unchecked Sendable {
        public let descriptor: Int32
        public let size: Int

        init(descriptor: Int32, size: Int) {
            self.descriptor = descriptor
            self.size = size
        }

        deinit {
            close(descriptor)
        }

        /// The whole file, read from the start whatever has been read before.
        public func readAll() throws(Failure) -> [UInt8] {
            try FileContents.read(descriptor, from: 0, count: size)
        }

        /// The whole file, read in chunks and refused at the first line longer than
        /// `lineLimit` bytes, before the rest is read.
        public func readAll(lineLimit: Int) throws(Failure) -> [UInt8] {
            // Read straight into the one buffer (a chunk at a time, each checked as it comes):
            // copying each chunk on was a fifth of the time to read a 95 MB case list.
            var failure: Failure?
            let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, filled in
                filled = 0
                guard let base = buffer.baseAddress else { return }
                var lineStart = 0
                while filled < buffer.count {
                    let wanted = min(FileContents.chunkLength, buffer.count - filled)
                    let got = pread(descriptor, base + filled, wanted, off_t(filled))
                    if got < 0 {
                        if errno == EINTR { continue }
                        failure = FileContents.failure(errno)
                        return
                    }
                    if got == 0 { break }
                    let chunk = UnsafeRawBufferPointer(start: base + filled, count: got)
                    if !Self.linesFit(chunk, at: filled, lineStart: &lineStart, limit: lineLimit) {
                        failure = .lineTooLong(limit: lineLimit)
                        return
                    }
                    filled += got
                    // A line still open is refused as soon as it is too long, not once it is read.
                    if filled - lineStart > lineLimit {
                        failure = .lineTooLong(limit: lineLimit)
                        return
                    }
                }
            }
            if let failure { throw failure }
            return bytes
        }

        /// Whether every line ending in `chunk` (which starts `offset` bytes into the file) is
        /// within `limit` bytes of the line's start; `lineStart` moves past each.
        private static func linesFit(
            _ chunk: UnsafeRawBufferPointer, at offset: Int, lineStart: inout Int, limit: Int
        ) -> Bool {
            guard let base = chunk.baseAddress else { return true }
            var position = 0
            while position < chunk.count, let found = memchr(base + position, 0x0A, chunk.count - position) {
                let end = offset + base.distance(to: UnsafeRawPointer(found))
                if end - lineStart > limit { return false }
                lineStart = end + 1
                position = end + 1 - offset
            }
            return true
        }
    }

    /// Opens any file after checking it is present, not a folder, and within `limit`.
    public static func openFile(_ path: String, limit: Int) throws(Failure) -> OpenFile {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure(errno) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            let code = errno
            close(descriptor)
            throw failure(code)
        }
        let file = OpenFile(descriptor: descriptor, size: Int(status.st_size))
        if (status.st_mode & S_IFMT) == S_IFDIR { throw .isDirectory }
        if file.size > limit { throw .tooLarge(size: file.size, limit: limit) }
        return file
    }

    /// Opens a text file after checking it is one: present, not a folder, within `limit`,
    /// not empty, and with no NUL byte in its first 8 KB (UTF-16 with a byte-order mark aside).
    public static func openText(_ path: String, limit: Int) throws(Failure) -> OpenFile {
        let file = try openFile(path, limit: limit)
        let descriptor = file.descriptor

        let prefix = try read(descriptor, from: 0, count: min(file.size, sniffLength))
        let blank = prefix.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
        if blank && file.size <= sniffLength { throw .empty }
        let utf16 =
            prefix.count >= 2 && ((prefix[0] == 0xFF && prefix[1] == 0xFE) || (prefix[0] == 0xFE && prefix[1] == 0xFF))
        if !utf16, let offset = prefix.firstIndex(of: 0) { throw .binary(offset: offset) }
        return file
    }

    /// The bytes of a checked text file (see `openText`).
    public static func readText(_ path: String, limit: Int) throws(Failure) -> [UInt8] {
        try openText(path, limit: limit).readAll()
    }

    /// The same, with a failure reported as an input error located at the file; with a
    /// `lineLimit`, a line longer than that is refused before the rest is read.
    package static func readInput(_ path: String, limit: Int, lineLimit: Int? = nil) throws(InputError) -> [UInt8] {
        do throws(Failure) {
            let file = try openText(path, limit: limit)
            if let lineLimit { return try file.readAll(lineLimit: lineLimit) }
            return try file.readAll()
        } catch {
            throw InputError(.file, at: SourceLocation(file: path), error.message)
        }
    }

    /// Up to `count` bytes from `offset`, filled by pread(2) directly (no zeroing pass first).
    package static func read(_ descriptor: Int32, from offset: Int, count: Int) throws(Failure) -> [UInt8] {
        var readFailure: Failure?
        let bytes = [UInt8](unsafeUninitializedCapacity: max(count, 0)) { buffer, filled in
            filled = 0
            guard let base = buffer.baseAddress else { return }
            while filled < buffer.count {
                let got = pread(descriptor, base + filled, buffer.count - filled, off_t(offset + filled))
                if got < 0 {
                    if errno == EINTR { continue }
                    readFailure = failure(errno)
                    return
                }
                if got == 0 { break }
                filled += got
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
