extension Matrix {
    /// The Moore–Penrose inverse of a symmetric matrix (R's `MASS::ginv`), from its eigenvalues by
    /// cyclic Jacobi rotations: eigenvalues whose magnitude is at most `relativeTolerance` times the
    /// largest are taken as zero. For a symmetric matrix the singular values are the eigenvalues'
    /// magnitudes, so this is ginv's SVD rule.
    func symmetricPseudoInverse(relativeTolerance: Double = 256 * Double.ulpOfOne) -> Matrix {
        let n = rows
        var a = self
        var vectors = Matrix.identity(n)
        for _ in 0..<100 {
            var offDiagonal = 0.0
            for p in 0..<n {
                for q in (p + 1)..<max(n, p + 1) { offDiagonal += a[p, q] * a[p, q] }
            }
            if offDiagonal == 0 || !offDiagonal.isFinite { break }
            for p in 0..<n {
                for q in (p + 1)..<max(n, p + 1) where a[p, q] != 0 {
                    let theta = (a[q, q] - a[p, p]) / (2 * a[p, q])
                    let t = (theta >= 0 ? 1 : -1) / (abs(theta) + (theta * theta + 1).squareRoot())
                    let c = 1 / (t * t + 1).squareRoot()
                    let s = t * c
                    for k in 0..<n {
                        let (akp, akq) = (a[k, p], a[k, q])
                        a[k, p] = c * akp - s * akq
                        a[k, q] = s * akp + c * akq
                    }
                    for k in 0..<n {
                        let (apk, aqk) = (a[p, k], a[q, k])
                        a[p, k] = c * apk - s * aqk
                        a[q, k] = s * apk + c * aqk
                    }
                    for k in 0..<n {
                        let (vkp, vkq) = (vectors[k, p], vectors[k, q])
                        vectors[k, p] = c * vkp - s * vkq
                        vectors[k, q] = s * vkp + c * vkq
                    }
                }
            }
        }
        let eigenvalues = (0..<n).map { a[$0, $0] }
        let largest = eigenvalues.map(abs).max() ?? 0
        var result = Matrix(rows: n, columns: n)
        for k in 0..<n where abs(eigenvalues[k]) > relativeTolerance * largest && largest > 0 {
            let inverse = 1 / eigenvalues[k]
            for i in 0..<n {
                let factor = vectors[i, k] * inverse
                for j in 0..<n { result[i, j] += factor * vectors[j, k] }
            }
        }
        return result
    }
}
