import Testing
@testable import RGMap

@Suite struct DelimitedRecordReaderTests {
    /// All records of `text` as string arrays with their line numbers.
    func records(_ text: String, delimiter: Delimiter = .comma, comment: UInt8? = nil,
                 capacity: Int = 1 << 20) throws -> [(Int, [String])] {
        let path = Fixtures.file(named: "t.txt", text)
        var reader = DelimitedRecordReader(source: try ByteSource(path: path), delimiter: delimiter.rawValue,
                                           commentByte: comment, initialCapacity: capacity)
        var result: [(Int, [String])] = []
        while try reader.next() { result.append((reader.lineNumber, reader.strings())) }
        return result
    }

    @Test func splitsFieldsAndTrimsSpaces() throws {
        let rows = try records("a, b ,c\n1,2,3\n")
        #expect(rows.map(\.1) == [["a", "b", "c"], ["1", "2", "3"]])
        #expect(rows.map(\.0) == [1, 2])
    }

    @Test func handlesQuotesWithDelimitersQuotesAndLineBreaks() throws {
        let rows = try records("name,note\n\"x, y\",\"say \"\"hi\"\"\"\n\"multi\nline\",z\nlast,1\n")
        #expect(rows.map(\.1) == [["name", "note"], ["x, y", "say \"hi\""], ["multi\nline", "z"], ["last", "1"]])
        #expect(rows.map(\.0) == [1, 2, 3, 5])
    }

    @Test func toleratesCRLFByteOrderMarkBlankLinesAndMissingFinalNewline() throws {
        let rows = try records("\u{FEFF}h1\th2\r\n\r\n1\t2\r\n\n3\t\r\n4\t5", delimiter: .tab)
        #expect(rows.map(\.1) == [["h1", "h2"], ["1", "2"], ["3", ""], ["4", "5"]])
        #expect(rows.map(\.0) == [1, 3, 5, 6])
    }

    @Test func skipsCommentLines() throws {
        let rows = try records("#version 2.4\na\tb\n#note\n1\t2\n", delimiter: .tab, comment: 0x23)
        #expect(rows.map(\.1) == [["a", "b"], ["1", "2"]])
        #expect(rows.map(\.0) == [2, 4])
    }

    @Test func readsRecordsLongerThanItsBuffer() throws {
        // A 64-byte starting buffer forces refills and growth in the middle of records and quoted fields.
        let long = String(repeating: "x", count: 1000)
        let text = (0..<50).map { "r\($0),\"\(long)\",\($0)" }.joined(separator: "\n") + "\n"
        let rows = try records(text, capacity: 64)
        #expect(rows.count == 50)
        #expect(rows.allSatisfy { $0.1.count == 3 && $0.1[1] == long })
        #expect(rows.last!.1 == ["r49", long, "49"])
    }

    @Test func reportsAnUnterminatedQuote() throws {
        let path = Fixtures.file(named: "q.csv", "a,b\n1,\"open\n2,3\n")
        var reader = DelimitedRecordReader(source: try ByteSource(path: path), delimiter: Delimiter.comma.rawValue)
        _ = try reader.next()
        let error = inputError { while try reader.next() {} }
        #expect(error?.line == 2)
        #expect(error?.column == 2)
        #expect(error?.message.description.contains("unterminated quoted field") == true)
    }
}
