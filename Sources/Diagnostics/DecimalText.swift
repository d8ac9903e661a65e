extension Double {
    /// The value with `fractionDigits` digits after the point, rounded half away
    /// from zero (`%.Nf` without Foundation's formatter): `1.25` with 1 digit is
    /// `"1.3"`, `-0.04` with 1 is `"-0.0"`. Not finite: `"inf"`, `"-inf"`, `"nan"`.
    public func decimalText(fractionDigits: Int) -> String {
        guard isFinite else { return isNaN ? "nan" : (self < 0 ? "-inf" : "inf") }
        let digits = max(0, min(fractionDigits, 17))
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (abs(self) * scale).rounded(.toNearestOrAwayFromZero)
        // Beyond what an integer holds the digits are not exact anyway.
        guard scaled < 9e18 else { return String(self) }
        let units = UInt64(scaled)
        let whole = units / UInt64(scale)
        var text = (sign == .minus ? "-" : "") + String(whole)
        if digits > 0 {
            let fraction = String(units % UInt64(scale))
            text += "." + String(repeating: "0", count: digits - fraction.count) + fraction
        }
        return text
    }
}
