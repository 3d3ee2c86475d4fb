using CommunityRules.Data;
using CommunityRules.Model;

namespace CommunityRules.ExportWriters;

/// <summary>
/// A network held in memory to be written in an export format. Identifiers are the model's; each writer maps them
/// to its format's own (Slack's U…/C… ids and ts, Graph's GUIDs) where the format needs it.
/// </summary>
public sealed class ExportNetwork
{
    public string Name { get; init; } = "Conformance";

    public DateTimeOffset AsOf { get; init; }

    public List<Person> People { get; } = [];

    public List<Group> Groups { get; } = [];

    public List<Membership> Memberships { get; } = [];

    public List<Post> Posts { get; } = [];

    public List<Comment> Comments { get; } = [];

    public List<Reaction> Reactions { get; } = [];

    /// <summary>Reads a whole network from a provider, such as a generated snapshot, to write it in another format.</summary>
    public static async Task<ExportNetwork> ReadAsync(INetworkProvider provider, CancellationToken cancellationToken = default)
    {
        var issues = new ThrowingReporter();
        var manifest = await provider.ReadManifestAsync(cancellationToken).ConfigureAwait(false);
        var network = new ExportNetwork { Name = manifest?.Name ?? "network", AsOf = manifest?.AsOf ?? DateTimeOffset.UnixEpoch };
        await foreach (var person in provider.ReadPeopleAsync(issues, cancellationToken).ConfigureAwait(false))
        {
            network.People.Add(person);
        }

        await foreach (var group in provider.ReadGroupsAsync(issues, cancellationToken).ConfigureAwait(false))
        {
            network.Groups.Add(group);
        }

        await foreach (var membership in provider.ReadMembershipsAsync(issues, cancellationToken).ConfigureAwait(false))
        {
            network.Memberships.Add(membership);
        }

        await foreach (var post in provider.ReadPostsAsync(issues, cancellationToken).ConfigureAwait(false))
        {
            network.Posts.Add(post);
        }

        await foreach (var comment in provider.ReadCommentsAsync(issues, cancellationToken).ConfigureAwait(false))
        {
            network.Comments.Add(comment);
        }

        await foreach (var reaction in provider.ReadReactionsAsync(issues, cancellationToken).ConfigureAwait(false))
        {
            network.Reactions.Add(reaction);
        }

        return network;
    }

    /// <summary>The network as an in-memory provider, the reference every format is compared with.</summary>
    public InMemoryNetwork ToInMemory(DataCapabilities capabilities = DataCapabilities.All)
    {
        var builder = InMemoryNetwork.CreateBuilder()
            .WithManifest(new NetworkManifest { Name = Name, AsOf = AsOf })
            .WithCapabilities(capabilities);
        People.ForEach(p => builder.Add(p));
        Groups.ForEach(g => builder.Add(g));
        Memberships.ForEach(m => builder.Add(m));
        Posts.ForEach(p => builder.Add(p));
        Comments.ForEach(c => builder.Add(c));
        Reactions.ForEach(r => builder.Add(r));
        return builder.Build();
    }

    private sealed class ThrowingReporter : IDataIssueReporter
    {
        public void Report(DataIssue issue) => throw new InvalidDataException($"{issue.Source}({issue.Line}): {issue.Message}");

        public void Report(DataNote note)
        {
        }
    }
}

/// <summary>Writes a network in one export format.</summary>
public interface IExportWriter
{
    /// <summary>Gets the format's name, as in <c>--data NAME:PATH</c>.</summary>
    string Format { get; }

    /// <summary>Writes the network into a folder (created if missing).</summary>
    void Write(ExportNetwork network, string folder);
}
