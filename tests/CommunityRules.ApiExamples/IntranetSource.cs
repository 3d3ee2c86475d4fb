// Shown in docs/api.md ("Extend: a data source"); ApiPageTests keeps the two identical and runs it.
using CommunityRules.Data;
using CommunityRules.Model;

namespace CommunityRules.ApiExamples;

public sealed class IntranetSource(IReadOnlyList<Group> groups, IReadOnlyList<Post> posts) : INetworkSource
{
    public string Description => "intranet";

    // A source is cheap; Build makes the provider that streams the records. Say what the data can tell.
    public INetworkProvider Build()
    {
        var network = InMemoryNetwork.CreateBuilder().WithCapabilities(DataCapabilities.QuestionType);
        foreach (var group in groups)
        {
            network.Add(group);
        }

        foreach (var post in posts)
        {
            network.Add(post);
        }

        return network.Build();
    }
}
