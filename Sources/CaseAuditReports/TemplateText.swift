import Mustache

/// A text a template shows only when there is one: `{{#note}}…{{note}}…{{/note}}` leaves out
/// the section (and its lines) when the text is empty, where a plain empty string would still
/// open it and leave its blank lines behind.
struct TemplateText: MustacheCustomRenderable {
    let text: String

    init(_ text: String?) { self.text = text ?? "" }

    var renderText: String { text }
    var isNull: Bool { text.isEmpty }
}
