import ChamberModel

/// Signature blocks: one or more `Name Surname (PARTY)` in a row, nothing else.
enum Signatures {
    static func signatories(in text: LocatedText) -> [Signatory]? {
        Signatory.names(in: Substring(text.text))?.map { Signatory(name: String($0.name), party: String($0.party), span: text.span) }
    }
}
