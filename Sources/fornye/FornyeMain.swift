import FornyeCommands

@main
enum FornyeMain {
    static func main() async {
        await FornyeCommand.main()
    }
}
