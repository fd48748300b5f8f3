import CaseAudit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One session per audit: an open-file-description lock on byte `audit` of a lock file beside
/// the database. The kernel drops it when the descriptor is closed or the process ends, however
/// it ends (`kill -9` included), so a crashed session never leaves an audit locked.
enum AuditLock {
    #if os(Linux)
        private static let setLock: Int32 = 37  // F_OFD_SETLK
    #else
        private static let setLock: Int32 = F_SETLK
    #endif

    static func claim(_ audit: AuditID, lockFile: String) throws(StoreError) -> AuditClaim {
        let descriptor = open(lockFile, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw .cannotOpen(path: lockFile, reason: String(cString: strerror(errno)))
        }
        var lock = flock()
        lock.l_type = Int16(F_WRLCK)
        lock.l_whence = Int16(SEEK_SET)
        lock.l_start = off_t(audit.rawValue)
        lock.l_len = 1
        lock.l_pid = 0
        guard fcntl(descriptor, setLock, &lock) == 0 else {
            let error = errno
            close(descriptor)
            if error == EAGAIN || error == EACCES { throw .auditBusy(audit: audit) }
            throw .cannotOpen(path: lockFile, reason: String(cString: strerror(error)))
        }
        return AuditClaim { close(descriptor) }
    }
}
