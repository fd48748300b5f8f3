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
        /// `lineLimit` bytes, before the rest is read; with how many lines it has (line feeds,
        /// plus one), counted as they are checked.
        public func readLines(lineLimit: Int) throws(Failure) -> (bytes: [UInt8], lines: Int) {
            var lineStart = 0
            var lines = 1
            let bytes = try FileContents.read(descriptor, from: 0, count: size, chunkLength: FileContents.chunkLength) {
                chunk, offset in
                guard let base = chunk.baseAddress else { return nil }
                var position = 0
                while position < chunk.count, let found = memchr(base + position, 0x0A, chunk.count - position) {
                    let end = offset + base.distance(to: UnsafeRawPointer(found))
                    if end - lineStart > lineLimit { return .lineTooLong(limit: lineLimit) }
                    lineStart = end + 1
                    lines += 1
                    position = end + 1 - offset
                }
                // A line still open is refused as soon as it is too long, not once it is read.
                return offset + chunk.count - lineStart > lineLimit ? .lineTooLong(limit: lineLimit) : nil
            }
            return (bytes, lines)
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
        if let lineLimit { return try readInputLines(path, limit: limit, lineLimit: lineLimit).bytes }
        do throws(Failure) {
            return try openText(path, limit: limit).readAll()
        } catch {
            throw InputError(.file, at: SourceLocation(file: path), error.message)
        }
    }

    /// The same with a line limit, and how many lines the file has (line feeds, plus one).
    package static func readInputLines(_ path: String, limit: Int, lineLimit: Int) throws(InputError) -> (
        bytes: [UInt8], lines: Int
    ) {
        do throws(Failure) {
            return try openText(path, limit: limit).readLines(lineLimit: lineLimit)
        } catch {
            throw InputError(.file, at: SourceLocation(file: path), error.message)
        }
    }

    /// Up to `count` bytes from `offset`, filled by pread(2) directly (no zeroing pass first),
    /// at most `chunkLength` bytes a call; `check` sees each chunk as it comes (with its offset
    /// in the result) and may stop the reading with a failure.
    package static func read(
        _ descriptor: Int32, from offset: Int, count: Int, chunkLength: Int = .max,
        check: (_ chunk: UnsafeRawBufferPointer, _ at: Int) -> Failure? = { _, _ in nil }
    ) throws(Failure) -> [UInt8] {
        var readFailure: Failure?
        let bytes = [UInt8](unsafeUninitializedCapacity: max(count, 0)) { buffer, filled in
            filled = 0
            guard let base = buffer.baseAddress else { return }
            while filled < buffer.count {
                let wanted = min(chunkLength, buffer.count - filled)
                let got = pread(descriptor, base + filled, wanted, off_t(offset + filled))
                if got < 0 {
                    if errno == EINTR { continue }
                    readFailure = failure(errno)
                    return
                }
                if got == 0 { break }
                if let stop = check(UnsafeRawBufferPointer(start: base + filled, count: got), filled) {
                    readFailure = stop
                    return
                }
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
