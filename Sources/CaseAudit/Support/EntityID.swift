/// A number the store gives a thing (an audit, a sample), typed by what it names so that an
/// audit's number can never be passed where a sample's is meant. Printed, parsed and encoded
/// as the bare number.
public struct EntityID<Entity>: RawRepresentable, Hashable, Comparable, Sendable, ExpressibleByIntegerLiteral,
    LosslessStringConvertible, Codable
{
    public var rawValue: Int64

    public init(rawValue: Int64) { self.rawValue = rawValue }
    public init(_ rawValue: Int64) { self.rawValue = rawValue }
    public init(integerLiteral value: Int64) { rawValue = value }

    public init?(_ description: String) {
        guard let value = Int64(description) else { return nil }
        rawValue = value
    }

    public var description: String { String(rawValue) }

    public static func < (left: Self, right: Self) -> Bool { left.rawValue < right.rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(Int64.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// What an `EntityID` names.
public enum AuditEntity: Sendable {}
public enum SampleEntity: Sendable {}

/// An audit's number: each version of an audit has its own.
public typealias AuditID = EntityID<AuditEntity>
/// A sample's number.
public typealias SampleID = EntityID<SampleEntity>
