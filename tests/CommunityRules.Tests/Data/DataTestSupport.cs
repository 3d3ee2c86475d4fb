using CommunityRules.Data;

namespace CommunityRules.Tests.Data;

/// <summary>Collects the data issues a source reports.</summary>
internal sealed class IssueList : IDataIssueReporter
{
    public List<DataIssue> Issues { get; } = [];

    public List<DataNote> Notes { get; } = [];

    public void Report(DataIssue issue) => Issues.Add(issue);

    public void Report(DataNote note) => Notes.Add(note);
}

internal static class AsyncEnumerableExtensions
{
    public static async Task<List<T>> ToListAsync<T>(this IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
