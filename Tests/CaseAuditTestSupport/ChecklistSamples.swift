/// Checklist XML built in code, for tests that need many variations of one document.
public enum ChecklistSamples {
    /// A small valid checklist: two sections, a critical item, a conditional item.
    public static func minimal(
        id: String = "sample", version: String = "1.0.0", extraItems: String = "", itemsBefore: String = ""
    ) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <checklist xmlns="urn:caseaudit:checklist:1" id="\(id)" version="\(version)" title="Sample" caseTypes="CIN CP" scale="ynp">
          <source issuer="Test council" issued="2026-01-01">For tests.</source>
          <scale id="ynp">
            <option value="yes" label="Yes" score="1"/>
            <option value="no" label="No" score="0" fail="true"/>
            <option value="na" label="Not applicable" key="-" counts="false"/>
          </scale>
          <section id="one" title="First">
        \(itemsBefore)    <item id="allocated" critical="true" weight="2">
              <prompt>Is the case allocated?</prompt>
              <guidance>Check the allocation record.</guidance>
            </item>
            <item id="seen" noteRequired="no">
              <prompt>Was the child seen?</prompt>
            </item>
          </section>
          <section id="two" title="Second">
            <item id="seen-alone" when="seen = yes">
              <prompt>Was the child seen alone?</prompt>
            </item>
        \(extraItems)  </section>
          <grading>
            <band grade="good" min="0.8"/>
            <band grade="poor" min="0"/>
            <cap when="critical-fail" grade="poor"/>
          </grading>
        </checklist>

        """
    }
}
