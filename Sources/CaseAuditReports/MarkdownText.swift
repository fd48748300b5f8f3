import CaseAudit

/// Text from the data (team, person, checklist and question names) made safe to print in
/// Markdown: every character Markdown or its inline HTML would act on is backslash-escaped,
/// so `<img src=x onerror=alert(1)>` shows as written in any renderer instead of running.
public enum MarkdownText {
    /// The ASCII punctuation CommonMark gives a meaning to inline: emphasis, code, links,
    /// images, HTML, entities, tables' pipes, strikethrough and headings.
    static let special: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "|", "#", "!", "~", "&"]

    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            if character == "\n" || character == "\r" {
                out.append(" ")
                continue
            }
            if special.contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }
}
