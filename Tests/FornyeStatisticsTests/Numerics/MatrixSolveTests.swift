import Testing

@testable import FornyeStatistics

@Suite("Matrix solve and inverse against R")
struct MatrixSolveTests {
    // f <- function(m) sprintf("%.17g", m)   # printed row by row
    // a <- rbind(c(0, 2, 1), c(1, 1, 3), c(4, -1, 2)); b <- cbind(c(1, 2, 3), c(-0.5, 0, 7.25))
    static let pivoting = Matrix([[0, 2, 1], [1, 1, 3], [4, -1, 2]])
    static let rightHandSides = Matrix([[1, -0.5], [2, 0], [3, 7.25]])

    @Test("solve(a, b) needs a row exchange: the leading entry is zero")
    func solveWithPivoting() throws {
        // R: solve(a, b)
        let expected = Matrix([
            [0.66666666666666674, 2.25],
            [0.33333333333333337, 0.15000000000000002],
            [0.33333333333333331, -0.80000000000000004],
        ])
        let solution = try Self.pivoting.solving(Self.rightHandSides)
        #expect(relativeDifference(solution, expected) <= 1e-15)
        #expect(relativeDifference(Self.pivoting * solution, Self.rightHandSides) <= 1e-15)
    }

    @Test("inverse matches solve(a)")
    func inverse() throws {
        // R: solve(a)
        let expected = Matrix([
            [0.33333333333333331, -0.33333333333333331, 0.33333333333333331],
            [0.66666666666666663, -0.26666666666666666, 0.066666666666666666],
            [-0.33333333333333331, 0.53333333333333333, -0.13333333333333333],
        ])
        #expect(relativeDifference(try Self.pivoting.inverse(), expected) <= 1e-15)
        // R: m <- rbind(c(2.5, -1.2, 0.3, 4), c(0.7, 3.1, -2.2, 1), c(-1.4, 0.2, 5.6, -0.9), c(3.3, 1.8, -0.4, 2.2))
        //    solve(m)
        let matrix = Matrix([
            [2.5, -1.2, 0.3, 4], [0.7, 3.1, -2.2, 1], [-1.4, 0.2, 5.6, -0.9], [3.3, 1.8, -0.4, 2.2],
        ])
        let inverse = Matrix([
            [-0.20250999574347797, -0.35810165553595802, -0.094673809381220206, 0.49224327730307799],
            [-0.063042891704675919, 0.26883060265527131, 0.11171277684297426, 0.03812839241914058],
            [0.0089960081421279064, -0.049597175884516252, 0.16383424420330592, 0.073210892317718157],
            [0.35698117921761136, 0.30818250369789385, 0.080397395600906973, -0.30170434751251041],
        ])
        #expect(relativeDifference(try matrix.inverse(), inverse) <= 1e-14)
    }

    @Test("an exactly singular matrix throws (R: solve(matrix(1:9, 3)), U[3,3] = 0)")
    func exactlySingular() {
        let singular = Matrix([[1, 4, 7], [2, 5, 8], [3, 6, 9]])
        #expect(throws: StatisticsError.self) { try singular.inverse() }
        #expect(throws: StatisticsError.self) { try Matrix([[1, 2], [2, 4]]).solving(Matrix([[1], [2]])) }
        #expect(throws: StatisticsError.self) { try Matrix([[0, 0], [0, 0]]).inverse() }
    }

    @Test("a numerically singular matrix throws like R's rcond < eps test")
    func computationallySingular() throws {
        // R: solve(1 / (outer(1:12, 1:12, "+") - 1)) fails, reciprocal condition number 2.6e-17;
        // the 9 × 9 Hilbert matrix (rcond about 1e-12) is solved.
        let hilbert12 = Self.hilbert(12)
        #expect(throws: StatisticsError.self) { try hilbert12.inverse() }
        let hilbert9 = Self.hilbert(9)
        let product = hilbert9 * (try hilbert9.inverse())
        #expect(relativeDifference(product, .identity(9)) <= 1e-4)
    }

    @Test("sizes that do not fit and non-finite entries throw")
    func invalidInput() {
        #expect(throws: StatisticsError.self) { try Matrix([[1, 2, 3], [4, 5, 6]]).inverse() }
        #expect(throws: StatisticsError.self) { try Self.pivoting.solving(Matrix([[1], [2]])) }
        #expect(throws: StatisticsError.self) { try Matrix([[1, .nan], [0, 1]]).inverse() }
    }

    static func hilbert(_ size: Int) -> Matrix {
        Matrix((0..<size).map { i in (0..<size).map { j in 1 / Double(i + j + 1) } })
    }
}
