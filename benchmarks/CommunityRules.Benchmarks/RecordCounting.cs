using CommunityRules.Data;

namespace CommunityRules.Benchmarks;

/// <summary>Reads records and drops them, counting: the reading half of the whole-run, reading-floor and export benchmarks.</summary>
internal static class RecordCounting
{
    /// <summary>Reads the manifest and every record of the six kinds through <paramref name="source"/>.</summary>
    /// <param name="source">The provider to read.</param>
    /// <param name="issues">Where data issues go.</param>
    /// <returns>The number of records read.</returns>
    public static async Task<long> ReadEveryRecordAsync(INetworkProvider source, IDataIssueReporter issues)
    {
        var cancellationToken = CancellationToken.None;
        _ = await source.ReadManifestAsync(cancellationToken).ConfigureAwait(false);
        return await CountAsync(source.ReadPeopleAsync(issues, cancellationToken)).ConfigureAwait(false)
            + await CountAsync(source.ReadGroupsAsync(issues, cancellationToken)).ConfigureAwait(false)
            + await CountAsync(source.ReadMembershipsAsync(issues, cancellationToken)).ConfigureAwait(false)
            + await CountAsync(source.ReadPostsAsync(issues, cancellationToken)).ConfigureAwait(false)
            + await CountAsync(source.ReadCommentsAsync(issues, cancellationToken)).ConfigureAwait(false)
            + await CountAsync(source.ReadReactionsAsync(issues, cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>Counts the records of one stream.</summary>
    /// <typeparam name="T">The kind of record.</typeparam>
    /// <param name="records">The stream.</param>
    /// <returns>How many it gave.</returns>
    public static async Task<long> CountAsync<T>(IAsyncEnumerable<T> records)
    {
        long count = 0;
        await foreach (var record in records.ConfigureAwait(false))
        {
            count++;
        }

        return count;
    }
}

/// <summary>Counts the data issues a read reports; notes are ignored.</summary>
internal sealed class CountingIssueReporter : IDataIssueReporter
{
    /// <summary>Gets the number of issues reported.</summary>
    public long Count { get; private set; }

    /// <inheritdoc/>
    public void Report(DataIssue issue) => Count++;

    /// <inheritdoc/>
    public void Report(DataNote note)
    {
    }
}
