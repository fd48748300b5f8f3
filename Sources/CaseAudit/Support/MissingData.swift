/// What a command needs that the database does not have yet, or a thing it names that is
/// not there. The command line adds how to go on (which command makes it).
public enum MissingData: ReportableError, Hashable {
    case noCaseList
    case noOrgChart
    case noSample(SampleID)
    /// No sample at all, or none for the month.
    case noSampleYet(month: AuditMonth?)
    case noOpenAction(Int64)
    case notInOrgChart(String)

    public var message: String {
        switch self {
        case .noCaseList: "no case list yet"
        case .noOrgChart: "no org chart yet"
        case .noSample(let id): "there is no sample \(id)"
        case .noSampleYet(let month): "no sample\(month.map { " for \($0)" } ?? "") yet"
        case .noOpenAction(let id): "there is no open action \(id)"
        case .notInOrgChart(let person): "'\(person)' is not in the org chart"
        }
    }
}
