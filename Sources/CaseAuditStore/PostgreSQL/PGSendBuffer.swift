#if canImport(Glibc)
    import Glibc
#endif

/// How a bulk COPY sends: the socket's send buffer, and how much goes at once.
///
/// To a server on this machine (a Unix-domain socket), a COPY's sending thread and the server's
/// backend took turns on one core while the other idled. With the socket's usual 200 kB, a
/// million-case import's backend was busy three quarters of the time: `perf` on its switches
/// showed it pre-empted about 230 times by the sender its read had woken, and waiting for data
/// about 200 times. A wider buffer alone only moved the turns to the sender's sends. Widening it
/// to 4 MB (as far as `net.core.wmem_max` allows) and sending a quarter of it at once, up to
/// 1 MB, lets the sender stay ahead and the backend read without waiting: the import took
/// 1.16 s instead of 1.49 s, and 1.32 s instead of 1.76 s on a busier hour (medians of six and
/// seven runs, side by side). Over TCP the kernel sizes the buffer as the connection goes, which
/// setting it would turn off, so any other socket keeps its buffer and sends 64 kB at once.
enum PGSendBuffer {
    /// The buffer asked for.
    static let wanted: Int32 = 4 << 20
    /// What is sent at once: a quarter of the buffer, within these bounds.
    static let sends = (64 << 10)...(1 << 20)

    /// Widens a Unix-domain socket's send buffer; returns how much to send at once.
    static func prepare(_ socket: Int32) -> Int {
        guard family(of: socket) == AF_UNIX else { return sends.lowerBound }
        var asked = wanted
        _ = setsockopt(socket, SOL_SOCKET, SO_SNDBUF, &asked, socklen_t(MemoryLayout<Int32>.size))
        guard let granted = size(of: socket) else { return sends.lowerBound }
        return min(max(granted / 4, sends.lowerBound), sends.upperBound)
    }

    /// The socket's send buffer, as the kernel counts it (Linux doubles what was set).
    static func size(of socket: Int32) -> Int? {
        var size: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        return getsockopt(socket, SOL_SOCKET, SO_SNDBUF, &size, &length) == 0 ? Int(size) : nil
    }

    private static func family(of socket: Int32) -> Int32? {
        var address = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let named = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) }
        }
        return named == 0 ? Int32(address.ss_family) : nil
    }
}
