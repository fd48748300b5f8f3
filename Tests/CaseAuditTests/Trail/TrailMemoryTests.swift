import CaseAuditTestSupport
import Foundation
import Testing

@testable import CaseAudit

@Suite struct TrailMemoryTests {
    @Test func eachPlaceKeepsItsOwnHeadAndTheLatestReplacesTheOld() throws {
        let folder = try TemporaryDirectory()
        let memory = TrailMemory(directory: folder.path + "/state")
        #expect(memory.head(for: "/councils/a.sqlite") == nil)
        let first = TrailHead(seq: 3, hash: String(repeating: "a", count: 64))
        let second = TrailHead(seq: 9, hash: String(repeating: "b", count: 64))
        let other = TrailHead(seq: 1, hash: String(repeating: "c", count: 64))
        memory.remember(first, for: "/councils/a.sqlite")
        // A place whose name starts with another's is a place of its own.
        memory.remember(other, for: "/councils/a.sqlite2")
        memory.remember(second, for: "/councils/a.sqlite")
        #expect(memory.head(for: "/councils/a.sqlite") == second)
        #expect(memory.head(for: "/councils/a.sqlite2") == other)
        #expect(memory.head(for: "/councils/a") == nil)
        let lines = try String(contentsOfFile: memory.file, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.filter { $0.hasPrefix("/councils/a.sqlite\t") } == ["/councils/a.sqlite\t9\t\(second.hash)"])
    }

    @Test func aLineThatIsNotAHeadIsPassedOver() throws {
        let folder = try TemporaryDirectory()
        let memory = TrailMemory(directory: folder.path)
        try "/councils/a.sqlite\tnot-a-number\tffff\n/councils/b.sqlite\t4\tdddd\n".write(
            toFile: memory.file, atomically: true, encoding: .utf8)
        #expect(memory.head(for: "/councils/a.sqlite") == nil)
        #expect(memory.head(for: "/councils/b.sqlite") == TrailHead(seq: 4, hash: "dddd"))
    }
}
