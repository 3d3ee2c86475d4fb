using System.Runtime.CompilerServices;
using CommunityRules.Model;

namespace CommunityRules.Data.Layering;

/// <summary>
/// Several providers read as one network. People, groups and memberships that a later layer has too are merged into
/// the earlier record (see <see cref="RecordMerge"/>); records repeated within one layer are passed on as they are,
/// so the engine reports them as duplicates. Posts, comments and reactions are streamed layer after layer.
/// </summary>
internal sealed class LayeredNetworkProvider : INetworkProvider, IFieldProjectingProvider
{
    private readonly INetworkProvider[] _layers;

    public LayeredNetworkProvider(INetworkProvider[] layers)
    {
        _layers = layers;
        Description = string.Join(" + ", layers.Select(layer => layer.Description));
        Capabilities = layers.Aggregate(DataCapabilities.None, (known, layer) => known | layer.Capabilities);
    }

    public string Description { get; }

    /// <summary>Gets the layers, each with the projection of those that can leave fields out.</summary>
    /// <param name="fields">The optional fields the run reads.</param>
    /// <returns>The layered view; posts, comments and reactions are streamed layer after layer, so each layer may skip alone.</returns>
    public INetworkProvider WithFields(RecordFields fields) =>
        new LayeredNetworkProvider([.. _layers.Select(layer => layer is IFieldProjectingProvider projecting ? projecting.WithFields(fields) : layer)]);

    public DataCapabilities Capabilities { get; }

    public async ValueTask<NetworkManifest?> ReadManifestAsync(CancellationToken cancellationToken)
    {
        NetworkManifest? merged = null;
        foreach (var layer in _layers)
        {
            var manifest = await layer.ReadManifestAsync(cancellationToken).ConfigureAwait(false);
            merged = merged is null ? manifest : manifest is null ? merged : new NetworkManifest
            {
                Name = manifest.Name ?? merged.Name,
                Source = manifest.Source ?? merged.Source,
                AsOf = manifest.AsOf ?? merged.AsOf,
            };
        }

        return merged;
    }

    public IAsyncEnumerable<Person> ReadPeopleAsync(IDataIssueReporter issues, CancellationToken cancellationToken) =>
        MergeAsync(layer => layer.ReadPeopleAsync(issues, cancellationToken), person => person.Id, RecordMerge.Person, cancellationToken);

    public IAsyncEnumerable<Group> ReadGroupsAsync(IDataIssueReporter issues, CancellationToken cancellationToken) =>
        MergeAsync(layer => layer.ReadGroupsAsync(issues, cancellationToken), group => group.Id, RecordMerge.Group, cancellationToken);

    public IAsyncEnumerable<Membership> ReadMembershipsAsync(IDataIssueReporter issues, CancellationToken cancellationToken) =>
        MergeAsync(layer => layer.ReadMembershipsAsync(issues, cancellationToken), membership => (membership.GroupId, membership.PersonId), RecordMerge.Membership, cancellationToken);

    public IAsyncEnumerable<Post> ReadPostsAsync(IDataIssueReporter issues, CancellationToken cancellationToken) =>
        ConcatAsync(layer => layer.ReadPostsAsync(issues, cancellationToken), cancellationToken);

    public IAsyncEnumerable<Comment> ReadCommentsAsync(IDataIssueReporter issues, CancellationToken cancellationToken) =>
        ConcatAsync(layer => layer.ReadCommentsAsync(issues, cancellationToken), cancellationToken);

    public IAsyncEnumerable<Reaction> ReadReactionsAsync(IDataIssueReporter issues, CancellationToken cancellationToken) =>
        ConcatAsync(layer => layer.ReadReactionsAsync(issues, cancellationToken), cancellationToken);

    private async IAsyncEnumerable<T> MergeAsync<T, TKey>(
        Func<INetworkProvider, IAsyncEnumerable<T>> read,
        Func<T, TKey> keyOf,
        Func<T, T, DataCapabilities, T> merge,
        [EnumeratorCancellation] CancellationToken cancellationToken)
        where TKey : notnull
    {
        var records = new List<T>();
        var earlier = new Dictionary<TKey, int>();
        foreach (var layer in _layers)
        {
            var firstInLayer = new Dictionary<TKey, int>();
            await foreach (var record in read(layer).WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                var key = keyOf(record);
                if (earlier.TryGetValue(key, out var index))
                {
                    records[index] = merge(records[index], record, layer.Capabilities);
                    continue;
                }

                firstInLayer.TryAdd(key, records.Count);
                records.Add(record);
            }

            foreach (var (key, index) in firstInLayer)
            {
                earlier.Add(key, index);
            }
        }

        foreach (var record in records)
        {
            yield return record;
        }
    }

    private async IAsyncEnumerable<T> ConcatAsync<T>(Func<INetworkProvider, IAsyncEnumerable<T>> read, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var layer in _layers)
        {
            await foreach (var record in read(layer).WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                yield return record;
            }
        }
    }
}
