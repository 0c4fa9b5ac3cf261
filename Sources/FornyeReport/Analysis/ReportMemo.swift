import FornyeStatistics
import Synchronization

/// Tables and tests the report asks for more than once (Fig 4-1 and H1 share a table, Fig 4-3 and
/// the significance table share a test), computed once per report.
final class ReportMemo: Sendable {
    private let tables = Mutex<[String: EstimateTable]>([:])
    private let tests = Mutex<[String: RaoScottTest]>([:])

    func table(_ key: String, _ make: () throws(StatisticsError) -> EstimateTable) throws(StatisticsError)
        -> EstimateTable
    {
        if let table = tables.withLock({ $0[key] }) { return table }
        let table = try make()
        tables.withLock { $0[key] = table }
        return table
    }

    func test(_ key: String, _ make: () throws(StatisticsError) -> RaoScottTest) throws(StatisticsError)
        -> RaoScottTest
    {
        if let test = tests.withLock({ $0[key] }) { return test }
        let test = try make()
        tests.withLock { $0[key] = test }
        return test
    }
}
