import CaseAudit
import Testing

/// What a session may do follows from who the system says it is: its level in the org chart,
/// or holding everything (the embedded store's file, the server schema's owner).
@Suite struct CallerTests {
    static func login(_ login: String, administers: Bool = false) -> SessionIdentity {
        SessionIdentity(login: login, source: .databaseLogin, administers: administers)
    }

    static func person(_ id: String, _ level: ManagerLevel) -> Person {
        Person(id: id, displayName: "\(id) (demo)", level: level, login: id)
    }

    @Test func theSchemasOwnerAndTheFilesHolderHoldEveryRight() throws {
        let owner = Caller(identity: Self.login("caseaudit_owner", administers: true), person: nil)
        #expect(owner.role == .qualityLead)
        try owner.mayPublish("the monthly summary")
        let holder = Caller(identity: SessionIdentity(login: "sam", source: .operatingSystemAccount), person: nil)
        #expect(holder.role == .qualityLead)
        // Any other login is what its person's level makes it.
        #expect(Caller(identity: Self.login("someone"), person: nil).role == nil)
    }

    @Test func reportsAreForQualityLeadsAndSeniorManagers() throws {
        for level in [ManagerLevel.qualityOfficer, .serviceManager, .assistantDirector, .director] {
            try Caller(identity: Self.login("p"), person: Self.person("p", level)).mayPublish("the monthly summary")
        }
        for level in [ManagerLevel.teamManager, .assistantTeamManager, .reviewingOfficer, .socialWorker] {
            let person = Self.person("p", level)
            #expect(throws: IdentityError.notAReportReader(Self.login("p"), person: person, report: "the report")) {
                try Caller(identity: Self.login("p"), person: person).mayPublish("the report")
            }
        }
        #expect(throws: IdentityError.notInOrgChart(Self.login("ghost"))) {
            try Caller(identity: Self.login("ghost"), person: nil).mayPublish("the report")
        }
        let message = IdentityError.notAReportReader(
            Self.login("tm_login"), person: Self.person("tm1", .teamManager), report: "the monthly summary"
        ).message
        #expect(
            message
                == "you are 'tm_login' (tm1, TM): the monthly summary is for quality leads and senior managers (SM, AD, DCS), so nothing was read or written"
        )
    }
}
