namespace CommunityRules.Text.Links;

/// <summary>
/// A link found in a text. <see cref="Start"/> and <see cref="Length"/> cover the whole URL as it stands in the text,
/// without trailing punctuation that belongs to the sentence; <see cref="HostStart"/> and <see cref="HostLength"/>
/// cover the host alone (no user info, no port, no trailing dot).
/// </summary>
internal readonly record struct LinkMatch(int Start, int Length, int HostStart, int HostLength);

/// <summary>Receives the links <see cref="LinkScanner"/> finds, in the order they stand in the text.</summary>
internal interface ILinkSink
{
    /// <summary>Called once for every link found.</summary>
    void Add(LinkMatch link);
}
