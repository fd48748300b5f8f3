/// A social work team and the team manager who manages it.
public struct Team: Sendable, Hashable, Codable {
    public var name: String
    public var managerID: String

    public init(name: String, managerID: String) {
        self.name = name
        self.managerID = managerID
    }
}
