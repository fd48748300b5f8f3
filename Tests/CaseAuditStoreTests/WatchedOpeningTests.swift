import CaseAudit
import CaseAuditTestSupport
import Testing

@testable import CaseAuditStore

/// Every command opens its database through `WatchedOpening`: a database made new starts
/// afresh, one whose trail extends the head remembered opens quietly and moves the head on,
/// and one whose trail no longer does is opened with a warning.
@Suite struct WatchedOpeningTests {
    @Test func aNewDatabaseStartsAfreshAndALaterOpenFollowsItsTrail() throws {
        let folder = try TemporaryDirectory()
        let memory = TrailMemory(directory: folder.path + "/state")
        let location = folder.path + "/caseaudit.sqlite"
        let made = try WatchedOpening.open(location, creating: true, clock: .system, memory: memory)
        #expect(made.warning == nil)
        #expect(WatchedOpening.rememberedHead(made.store, location: location, memory: memory) != nil)

        try made.store.replaceOrgChart(OrgChart(people: [], teams: []), source: "org.csv")
        let again = try WatchedOpening.open(location, creating: false, clock: .system, memory: memory)
        #expect(again.warning == nil)
        let head = try #require(try again.store.trailHead())
        #expect(WatchedOpening.rememberedHead(again.store, location: location, memory: memory) == head)
    }

    @Test func aTrailThatNoLongerExtendsTheRememberedHeadIsOpenedWithAWarning() throws {
        let folder = try TemporaryDirectory()
        let memory = TrailMemory(directory: folder.path + "/state")
        let location = folder.path + "/caseaudit.sqlite"
        let store = try WatchedOpening.open(location, creating: true, clock: .system, memory: memory).store
        try store.replaceOrgChart(OrgChart(people: [], teams: []), source: "org.csv")
        let head = try #require(try store.trailHead())
        // As if this machine had seen an event the trail no longer has.
        memory.remember(
            TrailHead(seq: head.seq + 5, hash: head.hash), for: WatchedOpening.key(store, location: location))
        let reopened = try WatchedOpening.open(location, creating: false, clock: .system, memory: memory)
        #expect(reopened.warning?.contains("no longer extends the head this machine last saw") == true)
        #expect(try WatchedOpening.open(location, creating: false, clock: .system, memory: nil).warning == nil)
    }
}
