import JSON
import Testing
import Webhooks

struct JSONParserTests {
    @Test(arguments: [
        (#"{"a":[1,-2.5e3,true,false,null,"x"]}"#, JSONValue.object(["a": .array([.number("1"), .number("-2.5e3"), .bool(true), .bool(false), .null, .string("x")])])),
        (#""\u00e9\ud83d\ude00\n\"""#, .string("é😀\n\"")),
        (#"  12345678901234567890 "#, .number("12345678901234567890")),
        (#"[]"#, .array([])),
    ])
    func parses(text: String, expected: JSONValue) throws {
        #expect(try JSONParser.parse(text) == expected)
    }

    @Test(arguments: [#"{"a" 1}"#, #"[1,]"#, #"{"a":1"#, "tru", #""\x""#, "01", #"{"a":1} x"#, "\"a\u{01}\"", ""])
    func rejects(text: String) {
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(text) }
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let deep = String(repeating: "[", count: 100_000)
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(deep) }
    }

    @Test func writerRoundTrips() throws {
        let value: JSONValue = ["b": [1, "two\u{1B}", nil], "a": true]
        #expect(value.serialized() == #"{"a":true,"b":[1,"two\u001b",null]}"#)
        #expect(try JSONParser.parse(value.serialized()) == value)
    }
}

@Suite("Byte order mark")
struct JSONByteOrderMarkTests {
    @Test func aLeadingBOMIsAccepted() throws {
        let value = try JSONParser.parse([0xEF, 0xBB, 0xBF] + Array(#"{"a":1}"#.utf8))
        #expect(value["a"]?.text == "1")
    }
}
