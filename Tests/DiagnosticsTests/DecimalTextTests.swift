import Diagnostics
import Testing

@Suite struct DecimalTextTests {
    @Test(arguments: [
        (0.0, 3, "0.000"), (1.5, 0, "2"), (2.5, 0, "3"), (1.25, 1, "1.3"),
        (123.456, 1, "123.5"), (-0.04, 1, "-0.0"), (-1.06, 1, "-1.1"), (1024.0, 1, "1024.0"),
        (0.001, 3, "0.001"), (99.99, 1, "100.0"), (7.0, -2, "7"),
    ])
    func fixedDigits(_ value: Double, _ digits: Int, _ text: String) {
        #expect(value.decimalText(fractionDigits: digits) == text)
    }

    @Test func notFinite() {
        #expect(Double.infinity.decimalText(fractionDigits: 1) == "inf")
        #expect((-Double.infinity).decimalText(fractionDigits: 1) == "-inf")
        #expect(Double.nan.decimalText(fractionDigits: 1) == "nan")
        // Too large for the integer digits: the shortest exact text instead of a trap.
        #expect(1e300.decimalText(fractionDigits: 2) == String(1e300))
    }
}
