/// One change, as the trail keeps it: what was done, to which entity, by whom (the person and
/// the login, from the system), on whose behalf, with a compact JSON payload (old and new value
/// for a change) and the reason where one was given. Chained: `rowHash` is the SHA-256 of
/// `prevHash` and the event's canonical bytes (`TrailCanonical`), the same on either store.
public struct TrailEvent: Sendable, Hashable, Codable {
    public var seq: Int64
    /// UTC, ISO 8601.
    public var at: String
    /// The login (the database login, or the operating-system account) that made the change.
    public var actorLogin: String
    /// The person of the org chart with that login, when there is one.
    public var actorID: String?
    /// The person a quality lead keyed for (a paper audit), when it was not their own.
    public var onBehalfOf: String?
    public var action: String
    public var entity: String
    public var entityID: String?
    /// Compact JSON; never a child's name.
    public var payload: String
    public var reason: String?
    /// Hex SHA-256 of the previous event (64 zeros for the first).
    public var prevHash: String
    public var rowHash: String

    public init(
        seq: Int64, at: String, actorLogin: String, actorID: String?, onBehalfOf: String?, action: String,
        entity: String, entityID: String?, payload: String, reason: String?, prevHash: String, rowHash: String
    ) {
        self.seq = seq
        self.at = at
        self.actorLogin = actorLogin
        self.actorID = actorID
        self.onBehalfOf = onBehalfOf
        self.action = action
        self.entity = entity
        self.entityID = entityID
        self.payload = payload
        self.reason = reason
        self.prevHash = prevHash
        self.rowHash = rowHash
    }

    enum CodingKeys: String, CodingKey {
        case seq, at
        case actorLogin = "actor_login"
        case actorID = "actor"
        case onBehalfOf = "on_behalf_of"
        case action, entity
        case entityID = "entity_id"
        case payload, reason
        case prevHash = "prev_hash"
        case rowHash = "row_hash"
    }

    /// Who did it, as a person reads it: the person, else the login.
    public var actor: String { actorID ?? actorLogin }
}

/// What a change appends to the trail; the store fills in the sequence, the time, the actor
/// and the hashes, inside the change's own transaction.
public struct TrailEntry: Sendable, Hashable {
    public var action: TrailAction
    public var entity: TrailEntity
    public var entityID: String?
    public var payload: String
    public var reason: String?
    public var onBehalfOf: String?

    public init(
        _ action: TrailAction, _ entity: TrailEntity, _ entityID: String?, payload: TrailJSON = .object([]),
        reason: String? = nil, onBehalfOf: String? = nil
    ) {
        self.action = action
        self.entity = entity
        self.entityID = entityID
        self.payload = payload.text
        self.reason = reason
        self.onBehalfOf = onBehalfOf
    }
}

/// The head of the trail: its last event's number and hash.
public struct TrailHead: Sendable, Hashable, Codable {
    public var seq: Int64
    public var hash: String

    public init(seq: Int64, hash: String) {
        self.seq = seq
        self.hash = hash
    }

    /// As it is printed under a report and by `log verify`.
    public var description: String { "event \(seq), sha256 \(hash)" }
}
