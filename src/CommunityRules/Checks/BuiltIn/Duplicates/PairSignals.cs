using System.Globalization;

namespace CommunityRules.Checks.BuiltIn.Duplicates;

/// <summary>How alike two groups are on each signal, from 0 to 1; <see langword="null"/> where one of them has no data for it.</summary>
/// <param name="Name">Name similarity.</param>
/// <param name="Description">Description similarity.</param>
/// <param name="Topics">Topic overlap.</param>
/// <param name="Members">Member overlap, weighted.</param>
/// <param name="SharedMembers">The number of people in both groups.</param>
/// <param name="Posts">Similarity of what was written in the groups.</param>
internal readonly record struct PairSignals(double? Name, double? Description, double? Topics, double? Members, int SharedMembers, double? Posts)
{
    public double? this[DuplicateSignal signal] => signal switch
    {
        DuplicateSignal.Name => Name,
        DuplicateSignal.Description => Description,
        DuplicateSignal.Topics => Topics,
        DuplicateSignal.Members => Members,
        _ => Posts,
    };

    /// <summary>
    /// The weighted average of the signals both groups have data for. A signal without data is left out rather
    /// than counted as 0: a group without a description is not less like another for that.
    /// </summary>
    public double Score(DuplicateSettings settings)
    {
        double sum = 0, weights = 0;
        foreach (var signal in Signals)
        {
            var weight = settings.Weight(signal);
            if (weight > 0 && this[signal] is { } value)
            {
                sum += weight * value;
                weights += weight;
            }
        }

        return weights > 0 ? sum / weights : 0;
    }

    /// <summary>Gets whether a signal reached its own minimum (signals with weight 0 are switched off and never do).</summary>
    public bool Reaches(DuplicateSignal signal, DuplicateSettings settings) =>
        settings.Weight(signal) > 0 && signal switch
        {
            DuplicateSignal.Members => MembersReach(settings),
            DuplicateSignal.Posts => Posts >= settings.Minimum(signal) && StandIn(settings),
            _ => this[signal] >= settings.Minimum(signal),
        };

    /// <summary>
    /// Gets whether the posts may count for minSignals: only when neither descriptions nor topics are compared (one of
    /// the groups has none, or their weight is 0). What the same people write is alike in all their groups — the
    /// office's news and the department's news — so where the groups say what they are for, the posts only add to
    /// the score; where they do not, as in most exports, the posts stand in for what is missing.
    /// </summary>
    private bool StandIn(DuplicateSettings settings) =>
        !(settings.Weight(DuplicateSignal.Description) > 0 && Description is not null)
        && !(settings.Weight(DuplicateSignal.Topics) > 0 && Topics is not null);

    /// <summary>
    /// Gets whether the members reach minMembers with at least minSharedMembers people in common. The count keeps
    /// small groups honest: two people out of ten is 20 %, but it is two people.
    /// </summary>
    public bool MembersReach(DuplicateSettings settings) =>
        Members >= settings.Minimum(DuplicateSignal.Members) && SharedMembers >= settings.MinSharedMembers;

    /// <summary>Gets whether the pair counts as duplicates: score at the threshold, enough signals at their minimum, and the members condition.</summary>
    public bool Passes(DuplicateSettings settings, out double score)
    {
        score = Score(settings);
        if (score < settings.Threshold)
        {
            return false;
        }

        // Sharing a theme is not enough: every country has its own IT support group. Without shared people the
        // groups serve different people, whatever their names and topics say.
        if (settings.RequireMembers && !MembersReach(settings))
        {
            return false;
        }

        // Missing data is not evidence against: a signal one of the groups has no data for can neither reach nor
        // fail, so no more signals are asked for than both groups have data for.
        int reached = 0, available = 0;
        foreach (var signal in Signals)
        {
            if (settings.Weight(signal) > 0 && this[signal] is not null)
            {
                available++;
            }

            if (Reaches(signal, settings))
            {
                reached++;
            }
        }

        return reached >= Math.Max(1, Math.Min(settings.MinSignals, available));
    }

    /// <summary>"name 0.92, description 0.41, topics 0.50, members 0.38, posts 0.61", with "n/a" where a group has no data.</summary>
    public override string ToString() =>
        $"name {Text(Name)}, description {Text(Description)}, topics {Text(Topics)}, members {Text(Members)}, posts {Text(Posts)}";

    public static IReadOnlyList<DuplicateSignal> Signals { get; } = [DuplicateSignal.Name, DuplicateSignal.Description, DuplicateSignal.Topics, DuplicateSignal.Members, DuplicateSignal.Posts];

    private static string Text(double? value) => value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "n/a";
}
