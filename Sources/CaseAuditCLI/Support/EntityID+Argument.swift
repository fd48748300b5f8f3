import ArgumentParser
import CaseAudit

/// An audit's or a sample's number on the command line.
extension EntityID: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}

/// A day on the command line, as YYYY-MM-DD.
extension CalendarDate: ExpressibleByArgument {
    public init?(argument: String) { self.init(parsing: argument) }
}
