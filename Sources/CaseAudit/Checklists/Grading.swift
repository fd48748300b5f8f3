/// How a file's score becomes a grade.
public struct Grading: Sendable, Hashable, Encodable {
    /// Best grade first; a file gets the first band whose minimum its score reaches.
    public var bands: [GradeBand]
    public var caps: [GradeCap]

    public init(bands: [GradeBand], caps: [GradeCap] = []) {
        self.bands = bands
        self.caps = caps
    }
}

public struct GradeBand: Sendable, Hashable, Encodable {
    public var grade: String
    public var label: String?
    /// Share of the available weighted score, 0...1.
    public var minimum: Double
    public var line: Int

    public init(grade: String, label: String? = nil, minimum: Double, line: Int = 0) {
        self.grade = grade
        self.label = label
        self.minimum = minimum
        self.line = line
    }

    public var displayName: String { label ?? grade }
}

/// A ceiling on the grade when something happens, whatever the score.
public struct GradeCap: Sendable, Hashable, Encodable {
    public enum Trigger: String, Sendable, Hashable, Encodable {
        /// A critical item was answered with an option that fails.
        case criticalFail = "critical-fail"
    }

    public var trigger: Trigger
    public var grade: String
    public var line: Int

    public init(trigger: Trigger, grade: String, line: Int = 0) {
        self.trigger = trigger
        self.grade = grade
        self.line = line
    }
}

extension Grading {
    /// The grades that count as "good or better" in reports: the bands down to the one called
    /// "good", else the top two.
    public var goodOrBetter: Set<String> {
        let goodIndex = bands.firstIndex { $0.grade == "good" } ?? min(1, bands.count - 1)
        return Set(bands.prefix(goodIndex + 1).map(\.grade))
    }
}
