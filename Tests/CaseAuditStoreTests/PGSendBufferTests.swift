import Foundation
import Testing

@testable import CaseAuditStore

#if canImport(Glibc)
    import Glibc
#endif

@Suite struct PGSendBufferTests {
    /// A Unix-domain socket's buffer is widened as far as the system allows, and a quarter of
    /// it, within the bounds, is sent at once.
    @Test func aUnixSocketIsWidenedAndSendsAQuarterOfIt() throws {
        var pair: [Int32] = [0, 0]
        #expect(socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &pair) == 0)
        defer { pair.forEach { close($0) } }
        let before = try #require(PGSendBuffer.size(of: pair[0]))
        let chunk = PGSendBuffer.prepare(pair[0])
        let after = try #require(PGSendBuffer.size(of: pair[0]))
        let allowed = try String(contentsOfFile: "/proc/sys/net/core/wmem_max", encoding: .utf8)
        let limit = try #require(Int32(allowed.trimmingCharacters(in: .whitespacesAndNewlines)))
        // Linux keeps twice what is set, up to twice the system's limit.
        #expect(after == 2 * Int(min(PGSendBuffer.wanted, limit)))
        #expect(after >= before)
        #expect(chunk == min(max(after / 4, PGSendBuffer.sends.lowerBound), PGSendBuffer.sends.upperBound))
    }

    /// A TCP socket keeps the buffer the kernel sizes as it goes, and sends the smallest chunk.
    @Test func aTCPSocketIsLeftAsItIs() throws {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #expect(socket >= 0)
        defer { close(socket) }
        let before = try #require(PGSendBuffer.size(of: socket))
        #expect(PGSendBuffer.prepare(socket) == PGSendBuffer.sends.lowerBound)
        #expect(PGSendBuffer.size(of: socket) == before)
    }
}
