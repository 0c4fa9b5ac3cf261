import Testing

@testable import FornyeStatistics

@Suite("Cholesky inverse against R")
struct MatrixCholeskyTests {
    @Test("chol2inv(chol(s)) for a positive definite matrix")
    func inverse() throws {
        // R: m <- rbind(c(2.5, -1.2, 0.3, 4), c(0.7, 3.1, -2.2, 1), c(-1.4, 0.2, 5.6, -0.9), c(3.3, 1.8, -0.4, 2.2))
        //    s <- crossprod(m) + diag(4) * 0.1; sprintf("%.17g", chol2inv(chol(s)))
        let m = Matrix([[2.5, -1.2, 0.3, 4], [0.7, 3.1, -2.2, 1], [-1.4, 0.2, 5.6, -0.9], [3.3, 1.8, -0.4, 2.2]])
        let s = m.transposed * m + Matrix.identity(4).scaled(by: 0.1)
        let expected = Matrix([
            [0.3926803886218741, -0.069925600708017788, 0.034303971236945452, -0.31492256434637711],
            [-0.069925600708017788, 0.088539489342483083, 0.0074705404339783102, 0.053252925168301837],
            [0.034303971236945452, 0.0074705404339783102, 0.034451874080670394, -0.019184794841253947],
            [-0.31492256434637711, 0.053252925168301837, -0.019184794841253947, 0.29930931086091528],
        ])
        let inverse = try s.choleskyInverse()
        #expect(relativeDifference(inverse, expected) <= 1e-13)
        #expect(inverse == inverse.transposed)
        #expect(relativeDifference(inverse, try s.inverse()) <= 1e-13)
    }

    @Test("a matrix that is not positive definite throws (R: chol(rbind(c(1, 2), c(2, 1))))")
    func notPositiveDefinite() {
        #expect(throws: StatisticsError.self) { try Matrix([[1, 2], [2, 1]]).choleskyInverse() }
        #expect(throws: StatisticsError.self) { try Matrix([[1, 0], [0, 0]]).choleskyInverse() }
        #expect(throws: StatisticsError.self) { try Matrix([[-1]]).choleskyInverse() }
        #expect(throws: StatisticsError.self) { try Matrix([[1, 0, 0], [0, 1, 0]]).choleskyInverse() }
    }

    @Test("a diagonal matrix inverts entrywise")
    func diagonal() throws {
        let inverse = try Matrix.diagonal([4, 0.5, 8]).choleskyInverse()
        #expect(relativeDifference(inverse, Matrix.diagonal([0.25, 2, 0.125])) <= 1e-15)
    }
}
