#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import TerminalUI

/// `DisplayWidth` against the C library's `wcwidth` in a UTF-8 locale, scalar by scalar over all of Unicode
/// (ncurses places what the buffer laid out by wcwidth). Every deliberate difference is in `deliberate`, with
/// its reason; any other difference fails, with the ranges named.
@Suite(.serialized) struct DisplayWidthTests {
    /// A deliberate difference: where `applies(scalar, wcwidth, ours)` holds, the two may differ.
    struct Difference: Sendable {
        let name: String
        let why: String
        let applies: @Sendable (Unicode.Scalar, _ libc: Int, _ ours: Int) -> Bool
    }

    static let deliberate: [Difference] = [
        Difference(name: "C0 and C1 controls", why: """
            wcwidth says -1 (not printable); DisplayWidth never answers -1 and counts them 0: the Sanitizer \
            removes them before text reaches a cell.
            """) { s, libc, ours in libc == -1 && ours == 0 && ((0x01...0x1F).contains(s.value) || (0x7F...0x9F).contains(s.value)) },
        Difference(name: "U+2028 LINE SEPARATOR and U+2029 PARAGRAPH SEPARATOR", why: """
            wcwidth says -1; the Sanitizer draws each as a space, so DisplayWidth counts 1.
            """) { s, libc, ours in libc == -1 && ours == 1 && (0x2028...0x2029).contains(s.value) },
        Difference(name: "unassigned code points and noncharacters", why: """
            wcwidth says -1; a terminal shows a replacement glyph, so DisplayWidth counts 1, or 2 inside the \
            wide blocks (CJK extension planes, emoji blocks), where Unicode's East Asian Width gives unassigned \
            code points W.
            """) { s, libc, ours in libc == -1 && s.properties.generalCategory == .unassigned && (1...2).contains(ours) },
        Difference(name: "characters newer than the C library's Unicode tables", why: """
            glibc 2.36 (Debian 12) has Unicode 14 data and says -1 for characters added since; DisplayWidth \
            follows Swift's newer Unicode properties (marks 0, wide emoji 2, others 1).
            """) { s, libc, _ in libc == -1 && (s.properties.age.map { $0.major >= 15 } ?? false) },
        Difference(name: "U+1171E AHOM CONSONANT SIGN MEDIAL RA", why: """
            a non-spacing mark in glibc 2.36's data (width 0), a spacing mark (Mc) in Swift's newer Unicode \
            data, which DisplayWidth follows (width 1).
            """) { s, libc, ours in s.value == 0x1171E && libc == 0 && ours == 1 },
    ]

    #if canImport(Glibc)
    @Test func matchesTheSystemWcwidthOverAllOfUnicode() throws {
        let previous = setlocale(LC_ALL, nil).map { String(cString: $0) }
        defer { _ = setlocale(LC_ALL, previous ?? "C") }
        try #require(setlocale(LC_ALL, "C.UTF-8") != nil, "the C.UTF-8 locale is missing")
        // Glibc's Swift module leaves wcwidth out (an X/Open extension of <wchar.h>): look it up by name.
        let symbol = try #require(dlsym(dlopen(nil, RTLD_NOW), "wcwidth"), "wcwidth not found in the C library")
        let wcwidth = unsafeBitCast(symbol, to: (@convention(c) (wchar_t) -> Int32).self)
        var compared = 0, explained = Array(repeating: 0, count: Self.deliberate.count)
        var unexplained: [(first: UInt32, last: UInt32, libc: Int, ours: Int)] = []
        for v in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(v) else { continue }   // surrogates are not scalars
            compared += 1
            let libc = Int(wcwidth(wchar_t(v)))
            let ours = DisplayWidth.of(scalar)
            if libc == ours { continue }
            if let i = Self.deliberate.firstIndex(where: { $0.applies(scalar, libc, ours) }) { explained[i] += 1; continue }
            if let last = unexplained.last, last.last == v - 1, last.libc == libc, last.ours == ours {
                unexplained[unexplained.count - 1].last = v
            } else {
                unexplained.append((v, v, libc, ours))
            }
        }
        #expect(compared == 0x110000 - 0x800)
        let hex = { (v: UInt32) in "U+" + String(v, radix: 16, uppercase: true) }
        let listing = unexplained.map {
            "\(hex($0.first))...\(hex($0.last)) wcwidth \($0.libc), DisplayWidth \($0.ours) (\(Unicode.Scalar($0.first)!.properties.generalCategory))"
        }
        #expect(unexplained.isEmpty, "\(unexplained.count) ranges differ from wcwidth:\n\(listing.joined(separator: "\n"))")
        // Each listed difference still occurs here: one that no longer does should be taken off the list.
        for (difference, count) in zip(Self.deliberate, explained) {
            #expect(count > 0, "'\(difference.name)' no longer differs from wcwidth: remove it from the list")
        }
    }
    #endif
}
