using System.Globalization;

namespace CommunityRules.Checks.BuiltIn.Duplicates;

/// <summary>How alike two groups are on each signal, from 0 to 1; <see langword="null"/> where one of them has no data for it.</summary>
/// <param name="Name">Name similarity.</param>
/// <param name="Description">Description similarity.</param>
/// <param name="Topics">Topic overlap.</param>
/// <param name="Members">Member overlap, weighted.</param>
/// <param name="SharedMembers">The number of people in both groups.</param>
internal readonly record struct PairSignals(double? Name, double? Description, double? Topics, double? Members, int SharedMembers)
{
    public double? this[DuplicateSignal signal] => signal switch
    {
        DuplicateSignal.Name => Name,
        DuplicateSignal.Description => Description,
        DuplicateSignal.Topics => Topics,
        _ => Members,
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
        settings.Weight(signal) > 0 && (signal == DuplicateSignal.Members ? MembersReach(settings) : this[signal] >= settings.Minimum(signal));

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

        var reached = 0;
        foreach (var signal in Signals)
        {
            if (Reaches(signal, settings))
            {
                reached++;
            }
        }

        return reached >= settings.MinSignals;
    }

    /// <summary>"name 0.92, description 0.41, topics 0.50, members 0.38", with "n/a" where a group has no data.</summary>
    public override string ToString() =>
        $"name {Text(Name)}, description {Text(Description)}, topics {Text(Topics)}, members {Text(Members)}";

    public static IReadOnlyList<DuplicateSignal> Signals { get; } = [DuplicateSignal.Name, DuplicateSignal.Description, DuplicateSignal.Topics, DuplicateSignal.Members];

    private static string Text(double? value) => value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "n/a";
}
