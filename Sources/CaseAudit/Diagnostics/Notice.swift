/// Something a person should know that is not a refusal, and what would help, if anything.
public enum Notice: Sendable, Hashable {
    case note(String, Remedy? = nil)
    case warning(String, Remedy? = nil)
}
