import ChamberModel

/// Signature blocks: one or more `Name Surname (PARTY)` in a row, nothing else.
enum Signatures {
    static func signatories(in text: LocatedText) -> [Signatory]? {
        guard text.text.utf8.last == UInt8(ascii: ")") else { return nil }
        var result: [Signatory] = []
        var rest = Substring(text.text)
        while !rest.isEmpty {
            guard let open = rest.firstIndex(of: "("), let close = rest[open...].firstIndex(of: ")") else { return nil }
            let name = rest[..<open].trimmed
            let party = rest[rest.index(after: open)..<close].trimmed
            let words = name.split(separator: " ")
            guard (2...6).contains(words.count), words.first?.first?.isUppercase == true, words.last?.first?.isUppercase == true,
                  words.allSatisfy({ $0.allSatisfy { $0.isLetter || $0 == "-" || $0 == "’" || $0 == "'" || $0 == "." } }),
                  !party.isEmpty, party.count <= 16, !party.contains(" ") || party.split(separator: " ").count <= 2
            else { return nil }
            result.append(Signatory(name: String(name), party: String(party), span: text.span))
            rest = rest[rest.index(after: close)...].trimmed
        }
        return result.isEmpty ? nil : result
    }
}
