namespace CommunityRules.Model;

/// <summary>What was written in one group: counts by month and the last post and comment.</summary>
public sealed class GroupActivity
{
    internal static readonly GroupActivity Empty = new();

    // Oldest first, without gaps' entries: a few dozen bytes a month, where a sorted dictionary took about 500 bytes a
    // group more; a network's groups are many. Messages mostly come in time order, so the last month is looked at first.
    private readonly List<MonthlyActivity> _months = [];

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
    public IReadOnlyCollection<MonthlyActivity> Months => _months.AsReadOnly();

    internal void AddPost(DateTimeOffset? createdAt)
    {
        Posts++;
        if (createdAt is { } at)
        {
            LastPostAt = Max(LastPostAt, at);
            var month = MonthOf(at);
            _months[month] = _months[month] with { Posts = _months[month].Posts + 1 };
        }
    }

    internal void AddComment(DateTimeOffset? createdAt)
    {
        Comments++;
        if (createdAt is { } at)
        {
            LastCommentAt = Max(LastCommentAt, at);
            var month = MonthOf(at);
            _months[month] = _months[month] with { Comments = _months[month].Comments + 1 };
        }
    }

    // The index of the month of a moment in the list, added with no posts or comments if it was not there.
    private int MonthOf(DateTimeOffset at)
    {
        var utc = at.UtcDateTime;
        var key = Key(utc.Year, utc.Month);
        if (_months.Count > 0 && Key(_months[^1].Year, _months[^1].Month) is var last && last <= key)
        {
            if (last == key)
            {
                return _months.Count - 1;
            }

            _months.Add(new MonthlyActivity(utc.Year, utc.Month, 0, 0));
            return _months.Count - 1;
        }

        var low = 0;
        var high = _months.Count;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (Key(_months[middle].Year, _months[middle].Month) < key)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        if (low == _months.Count || Key(_months[low].Year, _months[low].Month) != key)
        {
            _months.Insert(low, new MonthlyActivity(utc.Year, utc.Month, 0, 0));
        }

        return low;
    }

    private static int Key(int year, int month) => (year * 12) + month - 1;

    private static DateTimeOffset? Max(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : (a.Value >= b.Value ? a : b);
}

/// <summary>The posts and comments written in a group in one calendar month (UTC).</summary>
/// <param name="Year">The year.</param>
/// <param name="Month">The month, 1 to 12.</param>
/// <param name="Posts">The number of posts.</param>
/// <param name="Comments">The number of comments.</param>
public readonly record struct MonthlyActivity(int Year, int Month, int Posts, int Comments);
