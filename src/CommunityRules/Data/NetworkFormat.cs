namespace CommunityRules.Data;

/// <summary>
/// A kind of export that a path can hold, such as a Slack export: how to recognise it and how to make a source of it.
/// The command line's <c>--data PATH</c> asks each known format whether it recognises the path; <c>--data NAME:PATH</c>
/// picks one by <see cref="Name"/>.
/// </summary>
public abstract class NetworkFormat
{
    /// <summary>Gets the short name used in <c>--data NAME:PATH</c>, such as <c>slack</c>.</summary>
    public abstract string Name { get; }

    /// <summary>Gets the name people know the format by, such as <c>Slack export</c>.</summary>
    public abstract string DisplayName { get; }

    /// <summary>Gets what a path of this format holds, in plain words, for the message when no format recognises a path.</summary>
    public abstract string Expects { get; }

    /// <summary>Looks at a path's layout (file names, not contents) and says whether it is of this format.</summary>
    /// <param name="path">A folder or a file.</param>
    /// <returns><see langword="true"/> when the path has this format's layout.</returns>
    public abstract bool Recognizes(string path);

    /// <summary>Creates a source that reads the path as this format. Nothing is read until the source is built.</summary>
    /// <param name="path">A folder or a file.</param>
    /// <returns>The source.</returns>
    public abstract INetworkSource CreateSource(string path);
}
