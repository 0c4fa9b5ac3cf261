/// Whether a wave has answers enough to publish without the analyst confirming it.
///
/// Below 30 responses even the wave's overall shares fail the NCHS standard for proportions
/// (an effective sample size of at least 30) that the results pages apply, so nearly every cell
/// would read «for usikker» and every breakdown «skjult». Publishing such a wave is allowed (a
/// small pilot may want its results out), but never by one click.
public enum PublicationReadiness {
    public static let minimumResponses = 30

    /// A wave without a single response has nothing to publish, confirmed or not.
    public static func hasAnythingToPublish(responses: Int) -> Bool {
        responses > 0
    }

    /// Publishing a wave with this many responses needs the analyst's explicit confirmation.
    public static func needsConfirmation(responses: Int) -> Bool {
        responses < minimumResponses
    }
}
