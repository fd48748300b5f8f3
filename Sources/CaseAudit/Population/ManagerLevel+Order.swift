extension ManagerLevel {
    /// Seniority for ordering: the DCS first.
    public var order: Int {
        switch self {
        case .director: 0
        case .assistantDirector: 1
        case .serviceManager: 2
        case .teamManager: 3
        case .assistantTeamManager: 4
        case .reviewingOfficer: 5
        case .qualityOfficer: 6
        case .socialWorker: 7
        }
    }
}
