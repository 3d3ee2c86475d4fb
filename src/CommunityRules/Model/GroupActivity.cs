namespace CommunityRules.Model;

/// <summary>What was written in one group: counts by month and the last post and comment.</summary>
public sealed class GroupActivity
{
    internal static readonly GroupActivity Empty = new();

    // Keyed by year * 12 + month - 1: months sort in time order and need no allocation to look up.
    private readonly SortedDictionary<int, MonthlyActivity> _months = [];

    /// <summary>Gets the number of posts.</summary>
    public int Posts { get; private set; }

    /// <summary>Gets the number of comments.</summary>
    public int Comments { get; private set; }

    /// <summary>Gets when the last post was made, if any post had a date.</summary>
    public DateTimeOffset? LastPostAt { get; private set; }

    /// <summary>Gets when the last comment was made, if any comment had a date.</summary>
    public DateTimeOffset? LastCommentAt { get; private set; }

    /// <summary>Gets when anyone last posted or commented, if ever.</summary>
    public DateTimeOffset? LastActivityAt => Max(LastPostAt, LastCommentAt);

    /// <summary>Gets the posts and comments per calendar month (UTC), oldest first; months without activity are left out.</summary>
    public IReadOnlyCollection<MonthlyActivity> Months => _months.Values;

    internal void AddPost(DateTimeOffset? createdAt)
    {
        Posts++;
        if (createdAt is { } at)
        {
            LastPostAt = Max(LastPostAt, at);
            var month = MonthOf(at);
            _months[month.Key] = month.Value with { Posts = month.Value.Posts + 1 };
        }
    }

    internal void AddComment(DateTimeOffset? createdAt)
    {
        Comments++;
        if (createdAt is { } at)
        {
            LastCommentAt = Max(LastCommentAt, at);
            var month = MonthOf(at);
            _months[month.Key] = month.Value with { Comments = month.Value.Comments + 1 };
        }
    }

    private KeyValuePair<int, MonthlyActivity> MonthOf(DateTimeOffset at)
    {
        var utc = at.UtcDateTime;
        var key = (utc.Year * 12) + utc.Month - 1;
        return new(key, _months.TryGetValue(key, out var month) ? month : new MonthlyActivity(utc.Year, utc.Month, 0, 0));
    }

    private static DateTimeOffset? Max(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : (a.Value >= b.Value ? a : b);
}

/// <summary>The posts and comments written in a group in one calendar month (UTC).</summary>
/// <param name="Year">The year.</param>
/// <param name="Month">The month, 1 to 12.</param>
/// <param name="Posts">The number of posts.</param>
/// <param name="Comments">The number of comments.</param>
public readonly record struct MonthlyActivity(int Year, int Month, int Posts, int Comments);
