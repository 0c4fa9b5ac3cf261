public import ArgumentParser

/// The `fornye` command-line tool: every job of the platform as a subcommand.
public struct FornyeCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "fornye",
        abstract: "Fornye: measure and spread innovation in Norwegian municipalities.",
        subcommands: [
            EstimateCommand.self, TestCommand.self, RegressCommand.self, CompareCommand.self, WeightCommand.self,
            ReportCommand.self, DemoCommand.self, SynthCommand.self, ServeCommand.self, MigrateCommand.self,
            BackupCommand.self, UserCommand.self, OpenAPICommand.self,
            ProjectsCommand.self,
            ProgrammeCommand.self, EvaluateCommand.self,
            WaveCreateCommand.self,
            ImportCommand.self, ConvertCommand.self,
        ]
    )

    public init() {}
}
