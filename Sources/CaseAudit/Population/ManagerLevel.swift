/// A person's role in the org chart: the "manager level" reports group auditors by.
public enum ManagerLevel: String, Sendable, Hashable, CaseIterable, Codable {
    /// Social worker.
    case socialWorker = "SW"
    /// Assistant team manager (or practice manager).
    case assistantTeamManager = "ATM"
    case teamManager = "TM"
    case serviceManager = "SM"
    case assistantDirector = "AD"
    /// Director of children's services.
    case director = "DCS"
    /// Independent reviewing officer.
    case reviewingOfficer = "IRO"
    /// Quality assurance officer.
    case qualityOfficer = "QA"

    /// Levels that audit files in the council's programme ("a sample of case files audited by
    /// ATM, TM, Service Manager, AD & DCS"), plus IROs and QA officers.
    public var audits: Bool { self != .socialWorker }
}
