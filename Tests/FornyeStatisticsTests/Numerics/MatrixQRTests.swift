import Testing

@testable import FornyeStatistics

@Suite("QR residuals against R's qr.resid")
struct MatrixQRTests {
    // R: x1 <- c(0.5, 1.7, -0.3, 2.2, 1.1, 0.9); x2 <- c(3, 1, 4, 1, 5, 9)
    //    Y <- cbind(c(1.2, 0.4, -0.7, 2.5, 1.9, 0.3), c(10, 12, 9, 15, 11, 13))
    static let x1: [Double] = [0.5, 1.7, -0.3, 2.2, 1.1, 0.9]
    static let x2: [Double] = [3, 1, 4, 1, 5, 9]
    static let y = Matrix([[1.2, 10], [0.4, 12], [-0.7, 9], [2.5, 15], [1.9, 11], [0.3, 13]])

    static func design(_ columns: [[Double]]) -> Matrix {
        Matrix((0..<columns[0].count).map { row in columns.map { $0[row] } })
    }

    static let ones = [Double](repeating: 1, count: 6)

    @Test("full rank: qr.resid(qr(cbind(1, x1)), Y)")
    func fullRank() {
        let expected = Matrix([
            [0.75255036433776246, -0.559365623660524],
            [-1.1759537076725246, -1.1311615945135016],
            [-0.3951135876553788, 0.15516502357479678],
            [0.45383626232318869, 0.79725675096442328],
            [0.8882983283326189, -0.84526360908701248],
            [-0.52361765966566631, 1.5833690527218176],
        ])
        let residuals = Self.design([Self.ones, Self.x1]).qrResiduals(of: Self.y)
        #expect(relativeDifference(residuals, expected) <= 1e-14)
    }

    @Test("collinear and zero columns are skipped: qr.resid(qr(cbind(1, x1, 2 * x1, 0, x2)), Y), rank 3")
    func rankDeficient() {
        let expected = Matrix([
            [0.73903041028268024, -0.19000605411447077],
            [-1.1918502305220506, -0.69687514553159746],
            [-0.40991011968518531, 0.55940017696642375],
            [0.44410189540352973, 1.0631956410375822],
            [0.89933870441950325, -1.1468821310482931],
            [-0.48071065989847739, 0.4111675126903554],
        ])
        let doubled = Self.x1.map { 2 * $0 }
        let zero = [Double](repeating: 0, count: 6)
        let residuals = Self.design([Self.ones, Self.x1, doubled, zero, Self.x2]).qrResiduals(of: Self.y)
        #expect(relativeDifference(residuals, expected) <= 1e-13)
        // The same column space spanned in another order and with a sum column: same residuals.
        let sum = zip(Self.x1, Self.x2).map { $0 + $1 }
        let reordered = Self.design([Self.x2, Self.ones, sum, Self.x1]).qrResiduals(of: Self.y)
        #expect(relativeDifference(reordered, expected) <= 1e-13)
    }

    @Test("intercept only gives deviations from the mean; no columns or zero columns leave y as it is")
    func degenerate() {
        let residuals = Self.design([Self.ones]).qrResiduals(of: Self.y)
        for column in 0..<2 {
            let mean = (0..<6).reduce(0) { $0 + Self.y[$1, column] } / 6
            for row in 0..<6 {
                #expect(abs(residuals[row, column] - (Self.y[row, column] - mean)) <= 1e-14)
            }
        }
        let zero = [Double](repeating: 0, count: 6)
        #expect(Self.design([zero]).qrResiduals(of: Self.y) == Self.y)
        #expect(Matrix(rows: 6, columns: 0).qrResiduals(of: Self.y) == Self.y)
    }

    @Test("as many independent columns as rows leaves no residual")
    func saturated() {
        let x = Matrix([[1, 0.5, 2, 7], [1, -1, 0, 3], [1, 4, 1, 1]])
        #expect(x.qrResiduals(of: Matrix([[1], [2], [3]])) == Matrix(rows: 3, columns: 1))
    }
}
