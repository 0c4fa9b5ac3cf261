import Testing

@testable import FornyeReport

@Suite("Norwegian number format")
struct NorwegianFormatTests {
    let nbsp = "\u{00A0}"

    @Test("per cent with a non-breaking space, rounded half away from zero")
    func percent() {
        #expect(NorwegianFormat.percent(0.7412) == "74\(nbsp)%")
        #expect(NorwegianFormat.percent(0.745) == "75\(nbsp)%")
        #expect(NorwegianFormat.percent(0.0449, decimals: 1) == "4,5\(nbsp)%")
        #expect(NorwegianFormat.percent(.nan) == "–")
    }

    @Test("thousands are grouped with spaces, decimals use a comma")
    func numbers() {
        #expect(NorwegianFormat.count(1786) == "1\(nbsp)786")
        #expect(NorwegianFormat.count(999) == "999")
        #expect(NorwegianFormat.count(1_234_567) == "1\(nbsp)234\(nbsp)567")
        #expect(NorwegianFormat.number(2.345, decimals: 2) == "2,35")
        #expect(NorwegianFormat.number(0.05, decimals: 2) == "0,05")
        #expect(NorwegianFormat.number(-1.5, decimals: 1) == "−1,5")
        #expect(NorwegianFormat.number(-0.001, decimals: 1) == "0,0")
        #expect(NorwegianFormat.number(12_345.5, decimals: 1) == "12\(nbsp)345,5")
    }

    @Test("ranges, points and p-values")
    func rangesAndPoints() {
        #expect(NorwegianFormat.range(0.7213, 0.7581) == "72–76")
        // An interval keeps whole per cents unless rounding would hide its width.
        #expect(NorwegianFormat.interval(0.7213, 0.7581) == "72–76")
        #expect(NorwegianFormat.interval(0, 0.0021) == "0,0–0,2")
        #expect(NorwegianFormat.interval(0.9981, 1) == "99,8–100,0")
        #expect(NorwegianFormat.interval(0.5, 0.5) == "50–50")
        #expect(NorwegianFormat.interval(0.107, 0.107 + 1e-12) == "11–11")
        #expect(NorwegianFormat.points(0.18) == "+18")
        #expect(NorwegianFormat.points(-0.031) == "−3")
        #expect(NorwegianFormat.points(0.001) == "0")
        #expect(NorwegianFormat.pValue(0.0004) == "p < 0,001")
        #expect(NorwegianFormat.pValue(0.0342) == "p = 0,034")
        #expect(Captions.intervalName(0.95) == "95\(nbsp)%\(nbsp)KI")
        #expect(Captions.intervalName(0.995) == "99,5\(nbsp)%\(nbsp)KI")
    }

    @Test("money and measured quantities: thousands apart, decimal comma, no trailing zeros")
    func moneyAndQuantities() {
        #expect(NorwegianFormat.kroner(250_000) == "250\(nbsp)000\(nbsp)kr")
        #expect(NorwegianFormat.kroner(1_250_000.4) == "1\(nbsp)250\(nbsp)000\(nbsp)kr")
        #expect(NorwegianFormat.kroner(999) == "999\(nbsp)kr")
        #expect(NorwegianFormat.kroner(-5_000) == "−5\(nbsp)000\(nbsp)kr")
        #expect(NorwegianFormat.kroner(.nan) == "–")
        #expect(NorwegianFormat.count(717_710) == "717\(nbsp)710")
        #expect(NorwegianFormat.quantity(1_200) == "1\(nbsp)200")
        #expect(NorwegianFormat.quantity(12.5) == "12,5")
        #expect(NorwegianFormat.quantity(0.25) == "0,25")
        #expect(NorwegianFormat.quantity(3.14159) == "3,14")
        #expect(NorwegianFormat.quantity(-0.001) == "0")
        #expect(NorwegianFormat.quantity(10) == "10")
    }

    @Test("lists and sentence case")
    func lists() {
        #expect(Captions.list(["a"]) == "a")
        #expect(Captions.list(["a", "b", "c"]) == "a, b og c")
        #expect(Captions.midSentence("Tjeneste") == "tjeneste")
        #expect(Captions.midSentence("IKT-løsning") == "IKT-løsning")
        #expect(Captions.sentence("økt kvalitet") == "Økt kvalitet")
    }

    @Test("CSV fields with commas, quotes or line breaks are quoted")
    func csv() {
        let table = FigureCSV(header: ["a", "b"], rows: [["1,5", "sa \"hei\""], ["x\ny", "z"]])
        #expect(table.text == "a,b\r\n\"1,5\",\"sa \"\"hei\"\"\"\r\n\"x\ny\",z\r\n")
    }

    @Test("Figure CSVs defuse formulas (SpreadsheetFormula) and keep negative numbers")
    func csvDefusesFormulas() {
        let table = FigureCSV(
            header: ["kategori", "endring"], rows: [["=1+1", "-0.031"], ["\r\n@SUM(A1)", "-2e-05"]])
        #expect(table.text == "kategori,endring\r\n'=1+1,-0.031\r\n\"'\r\n@SUM(A1)\",-2e-05\r\n")
    }
}
