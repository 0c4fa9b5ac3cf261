/// A small dense matrix of doubles in row-major order, for covariance matrices and the
/// normal equations of regression; sizes here are tens, not thousands.
public struct Matrix: Sendable, Equatable, CustomStringConvertible {
    public let rows: Int
    public let columns: Int
    public private(set) var values: [Double]

    public init(rows: Int, columns: Int, repeating value: Double = 0) {
        self.rows = rows
        self.columns = columns
        values = [Double](repeating: value, count: rows * columns)
    }

    /// A matrix from its entries in row-major order; `values.count` must be `rows * columns`.
    public init(rows: Int, columns: Int, values: [Double]) {
        precondition(values.count == rows * columns, "matrix entries do not match its size")
        self.rows = rows
        self.columns = columns
        self.values = values
    }

    /// A matrix from its rows; all rows must have the same length.
    public init(_ rowArrays: [[Double]]) {
        let width = rowArrays.first?.count ?? 0
        precondition(rowArrays.allSatisfy { $0.count == width }, "ragged matrix")
        rows = rowArrays.count
        columns = width
        values = rowArrays.flatMap { $0 }
    }

    public static func identity(_ size: Int) -> Matrix {
        var matrix = Matrix(rows: size, columns: size)
        for index in 0..<size { matrix[index, index] = 1 }
        return matrix
    }

    public static func diagonal(_ entries: [Double]) -> Matrix {
        var matrix = Matrix(rows: entries.count, columns: entries.count)
        for (index, entry) in entries.enumerated() { matrix[index, index] = entry }
        return matrix
    }

    public subscript(row: Int, column: Int) -> Double {
        get { values[row * columns + column] }
        set { values[row * columns + column] = newValue }
    }

    public var diagonal: [Double] { (0..<min(rows, columns)).map { self[$0, $0] } }
    public var trace: Double { diagonal.reduce(0, +) }

    public var transposed: Matrix {
        var result = Matrix(rows: columns, columns: rows)
        for row in 0..<rows {
            for column in 0..<columns { result[column, row] = self[row, column] }
        }
        return result
    }

    public func row(_ index: Int) -> [Double] { Array(values[index * columns..<(index + 1) * columns]) }

    public func scaled(by factor: Double) -> Matrix {
        var copy = self
        copy.values = values.map { $0 * factor }
        return copy
    }

    public static func * (lhs: Matrix, rhs: Matrix) -> Matrix {
        precondition(lhs.columns == rhs.rows, "matrix sizes do not match")
        var result = Matrix(rows: lhs.rows, columns: rhs.columns)
        for row in 0..<lhs.rows {
            for inner in 0..<lhs.columns {
                let left = lhs[row, inner]
                if left == 0 { continue }
                for column in 0..<rhs.columns { result[row, column] += left * rhs[inner, column] }
            }
        }
        return result
    }

    public static func + (lhs: Matrix, rhs: Matrix) -> Matrix {
        precondition(lhs.rows == rhs.rows && lhs.columns == rhs.columns, "matrix sizes do not match")
        var result = lhs
        for index in result.values.indices { result.values[index] += rhs.values[index] }
        return result
    }

    public static func - (lhs: Matrix, rhs: Matrix) -> Matrix {
        lhs + rhs.scaled(by: -1)
    }

    public var description: String {
        (0..<rows).map { row(($0)).map { "\($0)" }.joined(separator: "\t") }.joined(separator: "\n")
    }
}
