import ChamberModel

/// Running headers, footers and page numbers of page-serialized dumps, found by repetition:
/// lines that recur on most pages (`DOC 56`, `0055/001`, the letter-spaced session line)
/// form, with the page number beside them, a cluster that marks a page boundary.
///
/// Used by the raw and the clean reader alike (a raw dump may have blank lines, and then
/// reads as clean). A document of fewer than three pages shows no repetition, and keeps
/// its headers.
enum PageFurniture {
    /// The pages between clusters (and form feeds), and the furniture removed.
    static func split(_ lines: [SourceLine]) -> (pages: [[SourceLine]], furniture: [Furniture]) {
        var counts: [Substring: Int] = [:]
        for line in lines {
            let text = line.text.trimmed
            if text.utf8.count >= 4 { counts[text, default: 0] += 1 }
        }
        // The most frequent line of some length: a running header, if there is any.
        let most = counts.values.max() ?? 0
        func isRepeated(_ line: SourceLine) -> Bool {
            let text = line.text.trimmed
            let count = counts[text] ?? 0
            return count >= 3 && count * 2 >= most && (4...120).contains(text.unicodeScalars.count)
        }
        var pages: [[SourceLine]] = [[]]
        var furniture: [Furniture] = []
        var i = 0
        while i < lines.count {
            if lines[i].startsPage && !pages[pages.count - 1].isEmpty { pages.append([]) }
            // A cluster: repeated lines, at most one page number, blank lines between them.
            var j = i
            var numbers = 0
            var distinct = Set<Substring>()
            while j < lines.count {
                let line = lines[j]
                if isRepeated(line) {
                    distinct.insert(line.text.trimmed)
                } else if isPageNumber(line.text), numbers == 0 {
                    numbers += 1
                } else if !(line.isBlank && j > i) {
                    break
                }
                j += 1
            }
            // One repeated line alone could be a recurring phrase; with a second one or a
            // page number beside it, it is a page's furniture.
            if distinct.count >= 2 || (distinct.count == 1 && numbers == 1) {
                for line in lines[i..<j] where !line.isBlank {
                    furniture.append(Furniture(isRepeated(line) ? .runningHeader : .pageNumber, line: line))
                }
                if !pages[pages.count - 1].isEmpty { pages.append([]) }
                i = j
            } else {
                // A dump without form feeds is paged by its clusters.
                var line = lines[i]
                line.page = pages.count
                pages[pages.count - 1].append(line)
                i += 1
            }
        }
        return (pages.filter { !$0.isEmpty }, furniture)
    }

    static func isPageNumber(_ text: Substring) -> Bool {
        let t = text.trimmed
        return !t.isEmpty && t.utf8.count <= 5 && !t.contains("\t") && t.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }
}

extension Furniture {
    /// A whole line of a dump removed as furniture.
    init(_ kind: Kind, line: SourceLine) {
        self.init(kind: kind, text: String(line.text.trimmed), span: SourceSpan(lines: SourceLines(line.number), page: line.page))
    }
}
