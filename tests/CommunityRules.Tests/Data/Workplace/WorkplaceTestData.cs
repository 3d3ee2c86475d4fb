using CommunityRules.Data;
using CommunityRules.Data.Workplace;
using CommunityRules.Tests.Engine;

namespace CommunityRules.Tests.Data.Workplace;

/// <summary>The checked-in Workplace archives and a way to read one whole.</summary>
internal static class WorkplaceTestData
{
    public static string Archive(string name) => Path.Combine(TestInputs.DataRoot, "Exports", "workplace", name);

    public static async Task<ReadBack> ReadAsync(string path)
    {
        var provider = new WorkplaceArchiveSource(path).Build();
        var issues = new IssueList();
        return new ReadBack(
            provider,
            issues,
            await provider.ReadPeopleAsync(issues, CancellationToken.None).ToListAsync(),
            await provider.ReadGroupsAsync(issues, CancellationToken.None).ToListAsync(),
            await provider.ReadMembershipsAsync(issues, CancellationToken.None).ToListAsync(),
            await provider.ReadPostsAsync(issues, CancellationToken.None).ToListAsync(),
            await provider.ReadCommentsAsync(issues, CancellationToken.None).ToListAsync(),
            await provider.ReadReactionsAsync(issues, CancellationToken.None).ToListAsync());
    }

    /// <summary>Copies a checked-in archive into a temporary folder, to change or zip it.</summary>
    public static void CopyTo(string name, string target)
    {
        var source = Archive(name);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
    }

    internal sealed record ReadBack(
        INetworkProvider Provider,
        IssueList Issues,
        List<CommunityRules.Model.Person> People,
        List<CommunityRules.Model.Group> Groups,
        List<CommunityRules.Model.Membership> Memberships,
        List<CommunityRules.Model.Post> Posts,
        List<CommunityRules.Model.Comment> Comments,
        List<CommunityRules.Model.Reaction> Reactions);
}
