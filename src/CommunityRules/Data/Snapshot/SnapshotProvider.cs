using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CommunityRules.Model;

namespace CommunityRules.Data.Snapshot;

/// <summary>
/// Reads a network from a snapshot folder: JSON Lines files (<c>people.jsonl</c>, <c>groups.jsonl</c>,
/// <c>memberships.jsonl</c>, <c>posts.jsonl</c>, <c>comments.jsonl</c>, <c>reactions.jsonl</c>, each optionally
/// gzip-compressed as <c>.jsonl.gz</c>) and an optional <c>network.json</c> manifest.
/// </summary>
internal sealed class SnapshotProvider : INetworkProvider, IFieldProjectingProvider
{
    // A snapshot is our own format and can hold everything; what a folder lacks a file for, it cannot tell.
    private const DataCapabilities MembershipData = DataCapabilities.Memberships | DataCapabilities.Admins;
    private const DataCapabilities ReactionData = DataCapabilities.Reactions | DataCapabilities.ReactionTimes;

    private const int ReadBufferSize = 1 << 16;

    // The optional fields of posts, comments and reactions this view reads; the others are skipped, not decoded.
    private readonly RecordFields _fields = RecordFields.All;

    /// <summary>Initializes a new instance of the <see cref="SnapshotProvider"/> class.</summary>
    /// <param name="folder">The snapshot folder.</param>
    /// <exception cref="DataSourceException">The folder does not exist or holds no snapshot file.</exception>
    public SnapshotProvider(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        if (!Directory.Exists(folder) && DataFiles.Inspect(folder) == DataFileKind.OutOfReach)
        {
            throw new DataSourceException($"The data folder '{folder}' cannot be read: {DataFiles.WhyOutOfReach(folder)}.");
        }

        if (!Directory.Exists(folder) && DataFiles.Inspect(folder) is not DataFileKind.Missing and var kind)
        {
            throw new DataSourceException($"The data folder '{folder}' is {DataFiles.Name(kind)}, not a folder. Pass the folder that holds people.jsonl, groups.jsonl and the other snapshot files.");
        }

        if (!Directory.Exists(folder))
        {
            throw new DataSourceException($"The data folder '{folder}' does not exist. Pass the folder that holds people.jsonl, groups.jsonl and the other snapshot files.");
        }

        // A folder, pipe, device or broken link where a snapshot file belongs stops the run before anything is opened:
        // opening a FIFO would wait for ever, /dev/urandom never ends, and a folder would be read as "no posts".
        DataFiles.RefuseSpecial(Path.Combine(folder, SnapshotFiles.Manifest));
        foreach (var name in SnapshotFiles.Records)
        {
            DataFiles.RefuseSpecial(Path.Combine(folder, name));
            DataFiles.RefuseSpecial(Path.Combine(folder, name + ".gz"));
        }

        if (!SnapshotFiles.Records.Any(name => FindFile(folder, name) is not null))
        {
            throw new DataSourceException($"The data folder '{folder}' holds no snapshot file. Expected files such as {SnapshotFiles.People}, {SnapshotFiles.Groups} and {SnapshotFiles.Posts}.");
        }

        foreach (var name in SnapshotFiles.Records)
        {
            if (File.Exists(Path.Combine(folder, name)) && File.Exists(Path.Combine(folder, name + ".gz")))
            {
                throw new DataSourceException($"The data folder '{folder}' holds both {name} and {name}.gz; keep one of them, so no records are read twice or left out.");
            }
        }

        Folder = folder;
        Capabilities = DataCapabilities.All
            & ~(FindFile(folder, SnapshotFiles.Memberships) is null ? MembershipData : DataCapabilities.None)
            & ~(FindFile(folder, SnapshotFiles.Reactions) is null ? ReactionData : DataCapabilities.None);
    }

    // The same folder, already checked, read with another projection.
    private SnapshotProvider(SnapshotProvider provider, RecordFields fields)
    {
        Folder = provider.Folder;
        Capabilities = provider.Capabilities;
        _fields = fields;
    }

    /// <summary>Gets the snapshot folder.</summary>
    public string Folder { get; }

    /// <inheritdoc/>
    public string Description => Folder;

    /// <inheritdoc/>
    /// <remarks>Everything, less memberships and admins without a memberships file, and reactions without a reactions file.</remarks>
    public DataCapabilities Capabilities { get; }

    /// <inheritdoc/>
    public INetworkProvider WithFields(RecordFields fields) => fields == _fields ? this : new SnapshotProvider(this, fields);

    /// <inheritdoc/>
    public async ValueTask<NetworkManifest?> ReadManifestAsync(CancellationToken cancellationToken)
    {
        var path = Path.Combine(Folder, SnapshotFiles.Manifest);
        if (!File.Exists(path))
        {
            return null;
        }

        DataFiles.RefuseSpecial(path);
        await using var stream = Open(path);
        try
        {
            return await JsonSerializer.DeserializeAsync(stream, SnapshotJsonContext.Default.NetworkManifest, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            throw new DataSourceException($"{path}({(ex.LineNumber ?? 0) + 1}): the manifest is not valid: {JsonErrors.Describe(ex)}", ex);
        }
        catch (IOException ex)
        {
            throw new DataSourceException($"'{path}' could not be read to its end: {ex.Message}", ex);
        }
    }

    /// <inheritdoc/>
    public IAsyncEnumerable<Person> ReadPeopleAsync(IDataIssueReporter issues, CancellationToken cancellationToken) =>
        ReadRecordsAsync(SnapshotFiles.People, SnapshotRecordParser.TryParsePerson, static () => SnapshotJsonContext.Default.Person, p => RequireBoth(p.Id, p.Id), Normalize, issues, cancellationToken);

    /// <inheritdoc/>
    public IAsyncEnumerable<Group> ReadGroupsAsync(IDataIssueReporter issues, CancellationToken cancellationToken) =>
        ReadRecordsAsync(SnapshotFiles.Groups, SnapshotRecordParser.TryParseGroup, static () => SnapshotJsonContext.Default.Group, g => RequireBoth(g.Id, g.Id), Normalize, issues, cancellationToken);

    /// <inheritdoc/>
    public IAsyncEnumerable<Membership> ReadMembershipsAsync(IDataIssueReporter issues, CancellationToken cancellationToken) =>
        ReadRecordsAsync(SnapshotFiles.Memberships, SnapshotRecordParser.TryParseMembership, static () => SnapshotJsonContext.Default.Membership, m => RequireBoth(m.GroupId, m.PersonId), m => m, issues, cancellationToken);

    /// <inheritdoc/>
    public IAsyncEnumerable<Post> ReadPostsAsync(IDataIssueReporter issues, CancellationToken cancellationToken) =>
        ReadRecordsAsync(SnapshotFiles.Posts, SnapshotRecordParser.TryParsePost, static () => SnapshotJsonContext.Default.Post, p => RequireBoth(p.Id, p.GroupId), p => p, issues, cancellationToken);

    /// <inheritdoc/>
    public IAsyncEnumerable<Comment> ReadCommentsAsync(IDataIssueReporter issues, CancellationToken cancellationToken) =>
        ReadRecordsAsync(SnapshotFiles.Comments, SnapshotRecordParser.TryParseComment, static () => SnapshotJsonContext.Default.Comment, c => RequireBoth(c.Id, c.PostId), c => c, issues, cancellationToken);

    /// <inheritdoc/>
    public IAsyncEnumerable<Reaction> ReadReactionsAsync(IDataIssueReporter issues, CancellationToken cancellationToken) =>
        ReadRecordsAsync(SnapshotFiles.Reactions, SnapshotRecordParser.TryParseReaction, static () => SnapshotJsonContext.Default.Reaction, r => RequireBoth(r.TargetId, r.PersonId), r => r, issues, cancellationToken);

    private static Person Normalize(Person person) => person.Roles is null ? person with { Roles = [] } : person;

    private static Group Normalize(Group group) => group.Topics is null ? group with { Topics = [] } : group;

    // Required string fields that are present but null or blank are as bad as missing ones.
    private static string? RequireBoth(string? first, string? second) =>
        string.IsNullOrWhiteSpace(first) || string.IsNullOrWhiteSpace(second) ? null : first;

    private async IAsyncEnumerable<T> ReadRecordsAsync<T>(
        string fileName,
        SnapshotRecordParser.TryParseProjected<T> tryParse,
        Func<JsonTypeInfo<T>> typeInfo,
        Func<T, string?> requiredKey,
        Func<T, T> normalize,
        IDataIssueReporter issues,
        [EnumeratorCancellation] CancellationToken cancellationToken)
        where T : class
    {
        var fields = _fields;
        var path = FindFile(Folder, fileName);
        if (path is null)
        {
            yield break;
        }

        using var reader = new JsonLinesReader(OpenStream(path), path);
        using var strings = new Utf8StringCache();
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false))
        {
            var record = Parse(reader.Current.Span, tryParse, strings, fields, typeInfo, requiredKey, path, reader.LineNumber, issues);
            if (record is not null)
            {
                yield return normalize(record);
            }
        }
    }

    private static T? Parse<T>(
        ReadOnlySpan<byte> line,
        SnapshotRecordParser.TryParseProjected<T> tryParse,
        Utf8StringCache strings,
        RecordFields fields,
        Func<JsonTypeInfo<T>> typeInfo,
        Func<T, string?> requiredKey,
        string path,
        long lineNumber,
        IDataIssueReporter issues)
        where T : class
    {
        if (JsonLinesReader.IsBlank(line))
        {
            return null;
        }

        try
        {
            // The hand-written parser reads the plain lines; System.Text.Json judges (and words the issue of) the rest.
            var record = tryParse(line, strings, fields, out var parsed) ? parsed : JsonSerializer.Deserialize(line, typeInfo());
            if (record is null)
            {
                issues.Report(new DataIssue(DataIssueKind.MalformedRecord, path, lineNumber, "the line is 'null', not a record"));
                return null;
            }

            if (requiredKey(record) is null)
            {
                issues.Report(new DataIssue(DataIssueKind.MalformedRecord, path, lineNumber, "a required identifier field is empty"));
                return null;
            }

            return record;
        }
        catch (JsonException ex)
        {
            issues.Report(new DataIssue(DataIssueKind.MalformedRecord, path, lineNumber, JsonErrors.Describe(ex)));
            return null;
        }
    }

    private static Stream OpenStream(string path)
    {
        DataFiles.RefuseSpecial(path);
        var stream = Open(path);
        return path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new CheckedGZipStream(stream) : stream;
    }

    private static FileStream Open(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, ReadBufferSize, FileOptions.SequentialScan | FileOptions.Asynchronous);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DataSourceException($"'{path}' cannot be read: {ex.Message}", ex);
        }
    }

    private static string? FindFile(string folder, string fileName)
    {
        var plain = Path.Combine(folder, fileName);
        if (File.Exists(plain))
        {
            return plain;
        }

        var compressed = plain + ".gz";
        return File.Exists(compressed) ? compressed : null;
    }
}
