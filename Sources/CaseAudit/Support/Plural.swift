/// Counted nouns in messages: "1 file", "2 files", "1 child is", "3 children are".
public enum Plural {
    /// The count and the noun, singular for exactly one.
    public static func count(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(count) \(noun(count, singular, plural))"
    }

    /// The noun alone, singular for exactly one.
    public static func noun(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
        count == 1 ? singular : plural ?? singular + "s"
    }

    /// "is" or "are", "has" or "have": the verb that agrees with the count.
    public static func verb(_ count: Int, _ singular: String, _ plural: String) -> String {
        count == 1 ? singular : plural
    }
}
