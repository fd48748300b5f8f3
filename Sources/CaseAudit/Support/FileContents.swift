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
        case changedWhileRead

        public var message: String {
            switch self {
            case .notFound: Messages.Load.notFound
            case .isDirectory: Messages.Load.isDirectory
            case .notReadable(let reason): Messages.Load.notReadable(reason)
            case .tooLarge(let size, let limit): Messages.Load.tooLarge(size, limit: limit)
            case .binary(let offset): Messages.Load.binary(offset: offset)
            case .empty: Messages.Load.empty
            case .lineTooLong(let limit): Messages.Load.lineTooLong(limit: limit)
            case .changedWhileRead: Messages.Load.changedWhileRead
            }
        }
    }

    /// How much is read at a time when lines are checked as the file is read.
    package static let chunkLength = 4 * 1024 * 1024

    /// How much of a file is looked at to tell text from binary.
    package static let sniffLength = 8192

    /// An open, checked text file; closed when the value goes away. What is read of it is
    /// what it held when it was opened, or a failure: a regular file written to meanwhile (its
    /// size or modification time moved) is refused once read, rather than read half old, half new.
    public final class OpenFile: @unchecked Sendable {
        public let descriptor: Int32
        public let size: Int
        /// The file as it was opened; nil for what is not a regular file (a pipe's times move
        /// as it is written to).
        private let opened: Identity?

        init(descriptor: Int32, status: stat) {
            self.descriptor = descriptor
            size = Int(status.st_size)
            opened = (status.st_mode & S_IFMT) == S_IFREG ? Identity(status) : nil
        }

        deinit {
            close(descriptor)
        }

        /// Whether the file is as it was opened: always, for what is not a regular file.
        public func isUnchanged() -> Bool {
            guard let opened else { return true }
            var status = stat()
            return fstat(descriptor, &status) == 0 && Identity(status) == opened
        }

        /// Fails when the file changed since it was opened.
        public func checkUnchanged() throws(Failure) {
            guard isUnchanged() else { throw .changedWhileRead }
        }

        /// The whole file, read from the start whatever has been read before.
        public func readAll() throws(Failure) -> [UInt8] {
            let bytes = try FileContents.read(descriptor, from: 0, count: size)
            try checkUnchanged()
            return bytes
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
            try checkUnchanged()
            return (bytes, lines)
        }
    }

    /// What tells one state of a file's content from another: which file it is, its size, and
    /// when its content last changed (to the nanosecond). Not the inode's change time, which
    /// moves when the file is only renamed over or given other rights.
    struct Identity: Equatable {
        var device: UInt64
        var inode: UInt64
        var size: Int64
        var modified: timespec

        init(_ status: stat) {
            device = UInt64(status.st_dev)
            inode = UInt64(status.st_ino)
            size = Int64(status.st_size)
            #if canImport(Darwin)
                modified = status.st_mtimespec
            #else
                modified = status.st_mtim
            #endif
        }

        static func == (left: Identity, right: Identity) -> Bool {
            (left.device, left.inode, left.size) == (right.device, right.inode, right.size)
                && (left.modified.tv_sec, left.modified.tv_nsec) == (right.modified.tv_sec, right.modified.tv_nsec)
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
        let file = OpenFile(descriptor: descriptor, status: status)
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
            throw input(error, path)
        }
    }

    /// The same with a line limit, and how many lines the file has (line feeds, plus one);
    /// `opened`, when given, is the file at `path` opened already (see `openInput`).
    package static func readInputLines(_ path: String, opened: OpenFile? = nil, limit: Int, lineLimit: Int)
        throws(InputError) -> (bytes: [UInt8], lines: Int)
    {
        let file: OpenFile
        if let opened { file = opened } else { file = try openInput(path, limit: limit) }
        do throws(Failure) {
            return try file.readLines(lineLimit: lineLimit)
        } catch {
            throw input(error, path)
        }
    }

    /// A checked text file (see `openText`), opened to be read by more than one reader, with a
    /// failure reported as an input error located at the file.
    package static func openInput(_ path: String, limit: Int) throws(InputError) -> OpenFile {
        do throws(Failure) {
            return try openText(path, limit: limit)
        } catch {
            throw input(error, path)
        }
    }

    /// A failure to read the file at `path`, as an input error located at it.
    package static func input(_ failure: Failure, _ path: String) -> InputError {
        InputError(.file, at: SourceLocation(file: path), failure.message)
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
