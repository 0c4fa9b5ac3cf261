import Foundation

/// Replicate weights in an SPSS file: SPSS has no slot for their method, scale and rscales, so
/// each column's variable label names them (what R's `foreign::read.spss` and `haven` show), the
/// file's documents (record 6) explain the variance formula, and a file attribute keeps the
/// specification as JSON for Fornye. The texts are ASCII so that every reader shows them alike.
extension ReplicateSpecification {
    /// The label of replicate column `index` (1-based), e.g. "Replicate weight 3 of 12: JKn,
    /// scale 1, rscale 0.8333333333333334, mse false".
    public func columnLabel(_ index: Int) -> String {
        "Replicate weight \(index) of \(count): \(method.rawValue), scale \(scale), rscale \(rscales[index - 1]), "
            + "mse \(mse)"
    }

    /// The name of the file attribute holding the specification as JSON.
    public static let savAttribute = "fornye_replicates"

    /// Document lines of at most 80 bytes: what the columns are and how they give variances.
    public var documentLines: [String] {
        let header = [
            "Replicate weights \(prefix)1 ... \(prefix)\(count): \(method.rawValue), \(count) replicates.",
            "Variance of an estimate: scale * sum over r of rscale_r * (theta_r - centre)^2,",
            "theta_r the estimate with weights \(prefix)r, centre their mean (mse false) or the",
            "full-sample estimate (mse true). Degrees of freedom: \(degreesOfFreedom).",
            "scale \(scale); mse \(mse); rscales in order (also in each column's label):",
        ]
        var lines = header
        var line = ""
        for rscale in rscales.map({ "\($0)" }) {
            if !line.isEmpty && line.utf8.count + 1 + rscale.utf8.count > 80 {
                lines.append(line)
                line = ""
            }
            line += line.isEmpty ? rscale : " " + rscale
        }
        if !line.isEmpty { lines.append(line) }
        lines.append("R: svrepdesign(data = d, repweights = \"\(prefix)[0-9]+\", weights = ~W,")
        let rMSE = mse ? "TRUE" : "FALSE"
        lines.append("  type = \"\(method.rawValue)\", scale = scale, rscales = rscales, mse = \(rMSE))")
        return lines
    }

    /// Labels the replicate columns of `file`, adds the document lines and the JSON attribute.
    /// - Throws: `FormatError` when a column `prefix1` … `prefixR` is not in the file.
    public func annotate(_ file: inout SAVFile) throws(FormatError) {
        for index in 1...count {
            guard let position = file.variables.firstIndex(where: { $0.name == "\(prefix)\(index)" }) else {
                throw .located(
                    FileLocation(file: "(SPSS export)", field: "\(prefix)\(index)"),
                    "the replicate weight column \(prefix)\(index) is not in the data")
            }
            file.variables[position].label = columnLabel(index)
        }
        file.documents += documentLines
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        do {
            file.fileAttributes[Self.savAttribute] = [String(decoding: try encoder.encode(self), as: UTF8.self)]
        } catch {
            throw .located(FileLocation(file: "(SPSS export)"), "replicate specification: \(error)")
        }
    }
}
