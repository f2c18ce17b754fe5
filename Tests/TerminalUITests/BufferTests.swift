import Testing
@testable import TerminalUI

@Suite struct BufferTests {
    @Test func wideCharactersTakeTwoCells() {
        var b = Buffer(size: Size(width: 6, height: 1))
        let used = b.put("日本x", x: 0, y: 0)
        #expect(used == 5)
        #expect(b[0, 0].symbol == "日" && b[0, 0].width == 2)
        #expect(b[1, 0].isTail)
        #expect(b[2, 0].symbol == "本")
        #expect(b[4, 0].symbol == "x")
        #expect(b.lines() == ["日本x "])
    }

    @Test func aWideCharacterIsNeverSplitAtTheRightEdge() {
        var b = Buffer(size: Size(width: 5, height: 1))
        b.put("ab日本", x: 0, y: 0, ellipsis: false)
        #expect(b.lines() == ["ab日 "])
        #expect(!b[4, 0].isTail)
        var clipped = Buffer(size: Size(width: 10, height: 1))
        clipped.put("日本語", x: 1, y: 0, maxWidth: 3, ellipsis: false)
        #expect(clipped.lines() == [" 日       "])
        // By default a cut is signalled: the last column is "…", never half a wide character.
        var cut = Buffer(size: Size(width: 5, height: 1))
        cut.put("ab日本", x: 0, y: 0)
        #expect(cut.lines() == ["ab日…"])
        var cut2 = Buffer(size: Size(width: 10, height: 1))
        cut2.put("日本語", x: 1, y: 0, maxWidth: 3)
        #expect(cut2.lines() == [" 日…      "])
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var b = Buffer(size: Size(width: 4, height: 1))
        b.put("日本", x: 0, y: 0)
        b.set(1, 0, "x")
        #expect(b.lines() == [" x本"])
        b.set(2, 0, "y")
        #expect(b.lines() == [" xy "])
        #expect(b.lines().allSatisfy { DisplayWidth.of($0) == 4 })
    }

    @Test func combiningMarksStayWithTheirBase() {
        var b = Buffer(size: Size(width: 4, height: 1))
        let used = b.put("e\u{301}a", x: 0, y: 0)
        #expect(used == 2)
        #expect(b[0, 0].symbol == "e\u{301}")
        #expect(b.lines() == ["e\u{301}a  "])
    }

    @Test func controlCharactersAndEscapeSequencesAreStripped() {
        #expect(Sanitizer.clean("a\u{1B}[31mred\u{1B}[0m b") == "ared b")
        #expect(Sanitizer.clean("x\u{1B}]0;title\u{07}y") == "xy")
        #expect(Sanitizer.clean("x\u{1B}]8;;http://e\u{1B}\\link\u{1B}]8;;\u{1B}\\y") == "xlinky")
        #expect(Sanitizer.clean("tab\there\r\nnext\u{7F}\u{0}") == "tab here next")
        #expect(Sanitizer.clean("keep\nlines", keepNewlines: true) == "keep\nlines")
        #expect(Sanitizer.clean("\u{9B}2Jz\u{202E}evil") == "zevil")
        var b = Buffer(size: Size(width: 8, height: 1))
        b.put("\u{1B}[2Jhi\u{7}", x: 0, y: 0)
        #expect(b.lines() == ["hi      "])
    }

    @Test func clippingOutsideTheBufferIsHarmless() {
        var b = Buffer(size: Size(width: 3, height: 2))
        b.put("abcdef", x: -2, y: 0)
        b.put("zz", x: 2, y: 1, ellipsis: false)
        b.put("never", x: 0, y: 5)
        b.fill(Rect(x: -5, y: -5, width: 100, height: 1), "#")
        #expect(b.lines() == ["cde", "  z"])
    }

    @Test func diffListsOnlyChangedCells() {
        var a = Buffer(size: Size(width: 4, height: 2))
        a.put("abcd", x: 0, y: 0)
        var b = a
        b.put("X", x: 2, y: 1)
        let d = b.diff(from: a)
        #expect(d == [CellChange(x: 2, y: 1, cell: Cell("X"))])
        #expect(b.diff(from: nil).count == 8)
        #expect(b.diff(from: Buffer(size: Size(width: 3, height: 2))).count == 8)
    }

    @Test func displayWidthMatchesTheTerminal() {
        #expect(DisplayWidth.of("a") == 1)
        #expect(DisplayWidth.of("。") == 2)
        #expect(DisplayWidth.of("ｱ") == 1)        // half-width katakana
        #expect(DisplayWidth.of("Ａ") == 2)        // full-width Latin
        #expect(DisplayWidth.of("한") == 2)
        #expect(DisplayWidth.of("─") == 1)
        #expect(DisplayWidth.of("⠿") == 1)
        #expect(DisplayWidth.of("学習率 lr") == 9)
    }
}

@Suite struct ASCIIFallbackTests {
    @Test func symbolsBecomeReadableASCII() {
        #expect(String(" aifprep · Home › Quiz".map(ASCIIFallback.map)) == " aifprep . Home > Quiz")
        #expect(String("⚑ Flag ◂ Prev ✓ ✗ ↑↓".map(ASCIIFallback.map)) == "F Flag < Prev v x ^v")
        #expect(ASCIIFallback.map("e\u{301}") == "e")
        #expect(ASCIIFallback.map("学") == "?")
    }
}
