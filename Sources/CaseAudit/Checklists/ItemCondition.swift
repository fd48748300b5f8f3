/// Skip logic: an item is asked only when every clause holds for the answers so far.
///
/// Grammar (spaces optional around operators):
///
///     condition := clause ("and" clause)*
///     clause    := ITEM ("=" | "!=") VALUE ("|" VALUE)*
///
/// `seen-alone = no` asks the item when `seen-alone` was answered "no";
/// `seen = yes|partly and seen-alone != yes` needs both.
public struct ItemCondition: Sendable, Hashable, Encodable {
    public struct Clause: Sendable, Hashable, Encodable {
        public var itemID: String
        /// True for `!=`: the clause holds when the answer is none of the values.
        public var isNegated: Bool
        public var values: [String]

        public init(itemID: String, isNegated: Bool = false, values: [String]) {
            self.itemID = itemID
            self.isNegated = isNegated
            self.values = values
        }
    }

    public var clauses: [Clause]

    public init(clauses: [Clause]) {
        self.clauses = clauses
    }

    /// Whether the item is asked, given the answers so far. A clause about an item that has no
    /// answer (unanswered, or itself skipped) does not hold, for `=` and `!=` alike.
    public func holds(answer: (String) -> String?) -> Bool {
        clauses.allSatisfy { clause in
            guard let given = answer(clause.itemID) else { return false }
            return clause.values.contains(given) != clause.isNegated
        }
    }

    /// The condition written in its canonical spelling.
    public var text: String {
        clauses.map { "\($0.itemID) \($0.isNegated ? "!=" : "=") \($0.values.joined(separator: "|"))" }
            .joined(separator: " and ")
    }
}

extension ItemCondition {
    public struct SyntaxError: Error, Sendable, Hashable {
        public var message: String
    }

    public static func parse(_ text: String) throws(SyntaxError) -> ItemCondition {
        var tokens = ConditionTokens(text)
        var clauses: [Clause] = []
        repeat {
            guard case .name(let itemID)? = tokens.next() else {
                throw SyntaxError(message: "expected an item id at the start of a clause in '\(text)'")
            }
            let negated: Bool
            switch tokens.next() {
            case .equals?: negated = false
            case .notEquals?: negated = true
            default: throw SyntaxError(message: "expected '=' or '!=' after '\(itemID)' in '\(text)'")
            }
            var values: [String] = []
            repeat {
                guard case .name(let value)? = tokens.next() else {
                    throw SyntaxError(
                        message: "expected an answer value after '\(itemID) \(negated ? "!=" : "=")' in '\(text)'")
                }
                values.append(value)
            } while tokens.skip(.bar)
            clauses.append(Clause(itemID: itemID, isNegated: negated, values: values))
            if let token = tokens.next() {
                guard token == .name("and") else {
                    throw SyntaxError(message: "expected 'and' between clauses in '\(text)', found '\(token.spelling)'")
                }
                continue
            }
            break
        } while true
        return ItemCondition(clauses: clauses)
    }
}

/// Splits a condition into names and operators. Works on UTF-8 bytes: every character the
/// grammar knows is ASCII, and anything else is simply not part of a name.
private struct ConditionTokens {
    enum Token: Equatable {
        case name(String)
        case equals
        case notEquals
        case bar
        case invalid(String)

        var spelling: String {
            switch self {
            case .name(let name): name
            case .equals: "="
            case .notEquals: "!="
            case .bar: "|"
            case .invalid(let text): text
            }
        }
    }

    private let bytes: [UInt8]
    private var index = 0
    private var lookahead: Token??

    init(_ text: String) {
        bytes = Array(text.utf8)
    }

    mutating func skip(_ token: Token) -> Bool {
        if peek() == token {
            _ = next()
            return true
        }
        return false
    }

    mutating func peek() -> Token? {
        if let lookahead { return lookahead }
        let token = scan()
        lookahead = .some(token)
        return token
    }

    mutating func next() -> Token? {
        if let lookahead {
            self.lookahead = nil
            return lookahead
        }
        return scan()
    }

    private mutating func scan() -> Token? {
        while index < bytes.count,
            bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0A
                || bytes[index] == 0x0D
        {
            index += 1
        }
        guard index < bytes.count else { return nil }
        let start = index
        let byte = bytes[index]
        index += 1
        switch byte {
        case UInt8(ascii: "="): return .equals
        case UInt8(ascii: "|"): return .bar
        case UInt8(ascii: "!"):
            if index < bytes.count, bytes[index] == UInt8(ascii: "=") {
                index += 1
                return .notEquals
            }
            return .invalid("!")
        default:
            guard ChecklistNaming.isIDByte(byte) else {
                // Skip the rest of a multi-byte character so the message shows it whole.
                while index < bytes.count, bytes[index] & 0xC0 == 0x80 { index += 1 }
                return .invalid(String(decoding: bytes[start..<index], as: UTF8.self))
            }
            while index < bytes.count, ChecklistNaming.isIDByte(bytes[index]) { index += 1 }
            return .name(String(decoding: bytes[start..<index], as: UTF8.self))
        }
    }
}
