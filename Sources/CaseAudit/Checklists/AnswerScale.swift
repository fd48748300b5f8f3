/// The answers an item can take, each with its score.
public struct AnswerScale: Sendable, Hashable, Encodable {
    public var id: String
    public var label: String?
    public var options: [AnswerOption]
    /// Line of the `<scale>` element, for diagnostics; 0 when built in code.
    public var line: Int

    public init(id: String, label: String? = nil, options: [AnswerOption], line: Int = 0) {
        self.id = id
        self.label = label
        self.options = options
        self.line = line
    }

    public func option(value: String) -> AnswerOption? {
        options.first { $0.value == value }
    }

    /// The option a person means by `text`: its value exactly, else its value, label or key in
    /// any case ("Yes", "y", "YES" are all yes).
    public func option(spelled text: String) -> AnswerOption? {
        if let exact = option(value: text) { return exact }
        let wanted = text.trimmingWhitespace.lowercased()
        guard !wanted.isEmpty else { return nil }
        return options.first { $0.value.lowercased() == wanted } ?? options.first { $0.label.lowercased() == wanted }
            ?? options.first { String($0.key).lowercased() == wanted }
    }

    /// The best score an answer on this scale can get; item scores are relative to it.
    public var maximumScore: Double {
        options.filter(\.counts).compactMap(\.score).max() ?? 0
    }
}

/// One answer on a scale.
public struct AnswerOption: Sendable, Hashable, Encodable {
    public var value: String
    public var label: String
    /// The key the auditor presses on the scoring screen.
    public var key: Character
    /// Absent only for options that do not count.
    public var score: Double?
    /// False for answers left out of the grade, such as "not applicable".
    public var counts: Bool
    /// True when this answer fails a critical item.
    public var fails: Bool
    public var line: Int

    public init(
        value: String, label: String, key: Character? = nil, score: Double?, counts: Bool = true,
        fails: Bool = false, line: Int = 0
    ) {
        self.value = value
        self.label = label
        self.key = key ?? value.first ?? "?"
        self.score = score
        self.counts = counts
        self.fails = fails
        self.line = line
    }
}

extension AnswerOption {
    private enum CodingKeys: String, CodingKey {
        case value, label, key, score, counts, fails, line
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(value, forKey: .value)
        try container.encode(label, forKey: .label)
        try container.encode(String(key), forKey: .key)
        try container.encodeIfPresent(score, forKey: .score)
        try container.encode(counts, forKey: .counts)
        try container.encode(fails, forKey: .fails)
        try container.encode(line, forKey: .line)
    }
}
