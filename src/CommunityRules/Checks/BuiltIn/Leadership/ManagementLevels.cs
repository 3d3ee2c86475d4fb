using CommunityRules.Model;

namespace CommunityRules.Checks.BuiltIn.Leadership;

/// <summary>
/// Each person's level in the management chain that <see cref="Person.ManagerId"/> draws: someone with no manager
/// (or who is their own manager, as some HR systems write the CEO) is level 1, their reports level 2, and so on.
/// A person whose chain reaches a manager who is not in the data, or runs round in a circle, has no level: guessing
/// one would put them beside the CEO. When nobody in the data has a manager, nobody has a level; bots and system accounts never have one.
/// </summary>
internal sealed class ManagementLevels
{
    private const int Unknown = -1;
    private const int Pending = 0;

    private readonly Dictionary<string, int> _levels;

    private ManagementLevels(Dictionary<string, int> levels) => _levels = levels;

    /// <summary>Gets the deepest level anyone has; 0 when nobody has one.</summary>
    public int Deepest { get; private init; }

    /// <summary>Works out the levels of everyone in the network, in time linear in the number of people, without recursion.</summary>
    /// <param name="network">The network.</param>
    /// <returns>The levels.</returns>
    public static ManagementLevels Of(NetworkView network)
    {
        var people = network.People;
        var levels = new Dictionary<string, int>(people.Count, StringComparer.Ordinal);
        if (!people.Any(person => ManagerOf(person) is not null))
        {
            return new ManagementLevels(levels);
        }

        var deepest = 0;
        var chain = new List<string>();
        var onChain = new HashSet<string>(StringComparer.Ordinal);
        foreach (var start in people)
        {
            // Bots and system accounts sit in no management chain, whatever their records say.
            if (start.Kind != PersonKind.Person || levels.ContainsKey(start.Id))
            {
                continue;
            }

            // Walk up until a person whose level is known, the top, a missing manager or a circle; then number the
            // walked chain from there back down.
            chain.Clear();
            onChain.Clear();
            var above = Pending;
            var current = start;
            while (true)
            {
                if (levels.TryGetValue(current.Id, out var known))
                {
                    above = known;
                    break;
                }

                if (!onChain.Add(current.Id))
                {
                    above = Unknown;
                    break;
                }

                chain.Add(current.Id);
                if (ManagerOf(current) is not { } managerId)
                {
                    break;
                }

                if (network.FindPerson(managerId) is not { } manager)
                {
                    above = Unknown;
                    break;
                }

                current = manager;
            }

            for (var i = chain.Count - 1; i >= 0; i--)
            {
                var level = above == Unknown ? Unknown : above + 1;
                levels[chain[i]] = level;
                above = level;
                deepest = Math.Max(deepest, level);
            }
        }

        return new ManagementLevels(levels) { Deepest = deepest };
    }

    /// <summary>Gets a person's level, 1 at the top, or <see langword="null"/> when it cannot be told.</summary>
    public int? LevelOf(string personId) => _levels.TryGetValue(personId, out var level) && level > 0 ? level : null;

    private static string? ManagerOf(Person person) =>
        person.ManagerId is { Length: > 0 } managerId && !string.Equals(managerId, person.Id, StringComparison.Ordinal) ? managerId : null;
}
