namespace CommunityRules.Data;

/// <summary>
/// Something a run says once about its data rather than per record: a rule that was not run because no source holds
/// what its check needs, or records a format holds that are left out by design (join events, private messages).
/// </summary>
/// <param name="Message">What happened and, where there is one, what to do, in plain words.</param>
public sealed record DataNote(string Message)
{
    /// <summary>Gets the description of the source the note is about, or <see langword="null"/> when it is about the run.</summary>
    public string? Source { get; init; }

    /// <summary>Gets the ids of the rules that were not run, if the note is about skipped rules.</summary>
    public IReadOnlyList<string> SkippedRules { get; init; } = [];

    /// <summary>Gets what the data lacks, if the note is about skipped rules.</summary>
    public DataCapabilities Missing { get; init; }
}
