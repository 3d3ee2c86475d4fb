namespace CommunityRules.Model;

/// <summary>What a person did: posts, comments and reactions, and how many of the posts and comments a delegate wrote.</summary>
/// <param name="Posts">Posts credited to the person, a delegate's included.</param>
/// <param name="Comments">Comments credited to the person, a delegate's included.</param>
/// <param name="Reactions">Reactions the person gave.</param>
/// <param name="DelegatedPosts">Of <paramref name="Posts"/>, those a delegate wrote on the person's behalf.</param>
/// <param name="DelegatedComments">Of <paramref name="Comments"/>, those a delegate wrote on the person's behalf.</param>
internal readonly record struct ActivityCounts(int Posts, int Comments, int Reactions, int DelegatedPosts, int DelegatedComments)
{
    /// <summary>Gets posts, comments and reactions together: how often the person took part.</summary>
    public int Total => Posts + Comments + Reactions;
}

/// <summary>What one person did: the counts in each window a rule asked for, and per month for the report's charts.</summary>
internal sealed class PersonActivity
{
    internal static readonly PersonActivity Empty = new(0, 0);

    private readonly ActivityCounts[] _windows;
    private readonly ActivityCounts[] _months;

    internal PersonActivity(int windows, int months)
    {
        _windows = new ActivityCounts[windows];
        _months = new ActivityCounts[months];
    }

    /// <summary>Gets the counts in one of the ledger's windows, by its index.</summary>
    public ActivityCounts InWindow(int index) => index < _windows.Length ? _windows[index] : default;

    /// <summary>Gets the counts of one of the ledger's months, by its index, oldest first.</summary>
    public ActivityCounts InMonth(int index) => index < _months.Length ? _months[index] : default;

    internal void Add(ActivityKind kind, bool delegated, int month, ReadOnlySpan<bool> inWindows)
    {
        if (month >= 0)
        {
            _months[month] = Added(_months[month], kind, delegated);
        }

        for (var i = 0; i < inWindows.Length; i++)
        {
            if (inWindows[i])
            {
                _windows[i] = Added(_windows[i], kind, delegated);
            }
        }
    }

    private static ActivityCounts Added(ActivityCounts counts, ActivityKind kind, bool delegated) => kind switch
    {
        ActivityKind.Post => counts with { Posts = counts.Posts + 1, DelegatedPosts = counts.DelegatedPosts + (delegated ? 1 : 0) },
        ActivityKind.Comment => counts with { Comments = counts.Comments + 1, DelegatedComments = counts.DelegatedComments + (delegated ? 1 : 0) },
        _ => counts with { Reactions = counts.Reactions + 1 },
    };
}

/// <summary>What a person's record of activity counts.</summary>
internal enum ActivityKind
{
    Post,
    Comment,
    Reaction,
}

/// <summary>
/// Each person's posts, comments and reactions, counted as they stream by and only in runs whose rules ask for it
/// (the <c>leadership</c> check): in the last few days before the run's moment for each window a rule asked for,
/// and per calendar month (UTC) for the <see cref="Months"/> that end with the run's month. Things dated after the
/// run's moment or not dated at all are not counted; bots and system accounts are not people taking part.
/// </summary>
internal sealed class PersonActivityLedger
{
    /// <summary>How many months the ledger keeps per person, for the report's charts.</summary>
    public const int Months = 12;

    // Each person's activity by their position in the network's people: the engine has found the person already, so
    // counting looks nothing up, and no second table of every person's id is kept.
    private readonly NetworkView _network;
    private readonly PersonActivity?[] _people;
    private readonly DateTimeOffset _asOf;
    private readonly int[] _windowDays;
    private readonly TimeSpan[] _windows;

    /// <summary>Initializes a new instance of the <see cref="PersonActivityLedger"/> class.</summary>
    /// <param name="network">The network, its people all read; the run's moment is its <see cref="NetworkView.AsOf"/>.</param>
    /// <param name="windowDays">The windows, in days before the run's moment, that rules count in.</param>
    public PersonActivityLedger(NetworkView network, IEnumerable<int> windowDays)
    {
        _network = network;
        _people = new PersonActivity?[network.People.Count];
        var asOf = _asOf = network.AsOf;
        _windowDays = [.. windowDays.Distinct().Order()];
        _windows = [.. _windowDays.Select(days => TimeSpan.FromDays(days))];

        // The month of the run's moment counts only when part of it has passed, as in the inactivity check's trend.
        var utc = asOf.UtcDateTime;
        LastMonth = (utc.Year * 12) + utc.Month - 1 - (utc.Day == 1 && utc.TimeOfDay == TimeSpan.Zero ? 1 : 0);
    }

    /// <summary>Gets the last month the ledger counts, as <c>year * 12 + month - 1</c>; the first is <see cref="Months"/> - 1 before it.</summary>
    public int LastMonth { get; }

    /// <summary>Gets the index of a window by its days, or -1 when no rule asked for it.</summary>
    public int WindowIndex(int days) => Array.IndexOf(_windowDays, days);

    /// <summary>Gets what a person did; nothing counted for someone who did nothing.</summary>
    public PersonActivity Of(string personId) => _network.PersonIndexOf(personId) is var at and >= 0 ? _people[at] ?? PersonActivity.Empty : PersonActivity.Empty;

    /// <summary>Counts a post, comment or reaction for the person credited with it.</summary>
    /// <param name="person">The person's position in the network's <see cref="NetworkView.People"/>, as the engine found them.</param>
    /// <param name="kind">What it is.</param>
    /// <param name="at">When it was made; nothing is counted without a date.</param>
    /// <param name="delegated">Whether a delegate wrote it on the person's behalf.</param>
    public void Add(int person, ActivityKind kind, DateTimeOffset? at, bool delegated)
    {
        if (at is not { } moment || moment > _asOf)
        {
            return;
        }

        var utc = moment.UtcDateTime;
        var month = (utc.Year * 12) + utc.Month - 1 - (LastMonth - Months + 1);
        Span<bool> inWindows = stackalloc bool[_windows.Length];
        var counted = month is >= 0 and < Months;
        for (var i = 0; i < _windows.Length; i++)
        {
            inWindows[i] = _asOf - moment < _windows[i];
            counted |= inWindows[i];
        }

        if (!counted)
        {
            return;
        }

        var activity = _people[person] ??= new PersonActivity(_windows.Length, Months);
        activity.Add(kind, delegated, month is >= 0 and < Months ? month : -1, inWindows);
    }
}
