import Testing
@testable import TerminalUI

@Suite struct TextWrapTests {
    @Test func englishWrapsAtSpaces() {
        #expect(TextWrap.wrap("the quick brown fox jumps", width: 10) == ["the quick", "brown fox", "jumps"])
    }

    @Test func longWordsAreSplit() {
        #expect(TextWrap.wrap("abcdefghij kl", width: 4) == ["abcd", "efgh", "ij", "kl"])
    }

    @Test func newlinesStartNewLinesAndBlankLinesSurvive() {
        #expect(TextWrap.wrap("one\n\ntwo", width: 10) == ["one", "", "two"])
    }

    @Test func japaneseBreaksBetweenCharacters() {
        let lines = TextWrap.wrap("学習率が高すぎると学習が不安定になります", width: 10)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 10 })
        #expect(lines.joined() == "学習率が高すぎると学習が不安定になります")
    }

    @Test func closingPunctuationNeverStartsALine() {
        // At width 8, "。" would fall at the start of line 2; the rule carries the previous character with it.
        for text in ["あいうえ。かきく", "あいうえお、かき", "「あいう」えおか", "検証損失が最小です。次へ"] {
            for width in 4...12 {  // below 4 columns a line holds one wide character: no rule can be kept
                let lines = TextWrap.wrap(text, width: width)
                for line in lines.dropFirst() {
                    if let first = line.first { #expect(!TextWrap.noStart.contains(first), "\(text) @\(width): \(lines)") }
                }
                for line in lines {
                    if let last = line.last { #expect(!TextWrap.noEnd.contains(last), "\(text) @\(width): \(lines)") }
                    #expect(DisplayWidth.of(line) <= width)
                }
                #expect(lines.joined() == text)
            }
        }
    }

    @Test func mixedEnglishAndJapanese() {
        let lines = TextWrap.wrap("Amazon Bedrock のガードレール (guardrails) を使います。", width: 16)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 16 })
        #expect(lines.first == "Amazon Bedrock")
    }

    @Test func styledSpansKeepTheirStyles() {
        let spans = Markup.parse("a **bold** word")
        #expect(spans == [Span("a "), Span("bold", style: .bold), Span(" word")])
        let lines = TextWrap.wrap(spans, width: 6)
        #expect(lines.map(\.plainText) == ["a bold", "word"])
        #expect(lines[0].contains(Span("bold", style: .bold)))
    }
}
