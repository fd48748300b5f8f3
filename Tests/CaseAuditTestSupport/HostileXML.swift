/// Attack documents built in code (too large, or too machine-specific, to keep as fixtures).
public enum HostileXML {
    /// One large internal entity referenced many times: tiny to parse, huge to read back.
    public static func quadraticBlowUp(entityLength: Int, references: Int) -> String {
        let payload = String(repeating: "a", count: entityLength)
        let uses = String(repeating: "&a;", count: references)
        return """
            <?xml version="1.0"?>
            <!DOCTYPE checklist [<!ENTITY a "\(payload)">]>
            <checklist xmlns="urn:caseaudit:checklist:1" id="q" version="1" title="q" caseTypes="CIN">
              <source issuer="x">\(uses)</source>
            </checklist>
            """
    }

    /// An external entity that would inline a local file.
    public static func externalEntity(readingFile path: String) -> String {
        """
        <?xml version="1.0"?>
        <!DOCTYPE checklist [<!ENTITY leak SYSTEM "file://\(path)">]>
        <checklist xmlns="urn:caseaudit:checklist:1" id="x" version="1" title="x" caseTypes="CIN">
          <source issuer="x">&leak;</source>
        </checklist>
        """
    }

    /// A DOCTYPE that would fetch its DTD from a server.
    public static func networkDTD(port: Int) -> String {
        """
        <?xml version="1.0"?>
        <!DOCTYPE checklist SYSTEM "http://127.0.0.1:\(port)/checklist.dtd">
        <checklist xmlns="urn:caseaudit:checklist:1" id="x" version="1" title="x" caseTypes="CIN">
          <source issuer="x">x</source>
        </checklist>
        """
    }
}
