namespace CommunityRules.Data;

/// <summary>Something wrong with the data a source read: a record it could not read, or a reference to nothing.</summary>
/// <param name="Kind">What is wrong.</param>
/// <param name="Source">Where the record is, such as a file path.</param>
/// <param name="Line">The 1-based line of the record in <paramref name="Source"/>, if it has lines.</param>
/// <param name="Message">What is wrong, in plain words.</param>
/// <param name="RecordId">The identifier of the record, when it could be read.</param>
public sealed record DataIssue(DataIssueKind Kind, string Source, long? Line, string Message, string? RecordId = null)
{
    /// <summary>Gets a value indicating whether the record was left out of the run because of the issue.</summary>
    public bool Rejected => Kind is DataIssueKind.MalformedRecord or DataIssueKind.DuplicateId;
}

/// <summary>The kinds of data issues.</summary>
public enum DataIssueKind
{
    /// <summary>The record is not valid JSON, or a field has the wrong type, or a required field is missing. The record is left out.</summary>
    MalformedRecord,

    /// <summary>The record refers to a person, group, post or comment the network does not have. The record is kept.</summary>
    UnknownReference,

    /// <summary>A second record has the identifier of an earlier one. The later record is left out.</summary>
    DuplicateId,
}

/// <summary>Receives the data issues a source finds while it reads.</summary>
public interface IDataIssueReporter
{
    /// <summary>Reports an issue.</summary>
    /// <param name="issue">The issue.</param>
    void Report(DataIssue issue);

    /// <summary>Reports something about the data as a whole, such as how many records of a kind were left out by design.</summary>
    /// <param name="note">The note.</param>
    void Report(DataNote note);
}
