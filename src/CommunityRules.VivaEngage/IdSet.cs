namespace CommunityRules.Data.VivaEngage;

/// <summary>
/// A set of message ids, small enough to hold for a million messages: the export's ids are numbers, kept as
/// <see cref="long"/>s; other ids (a converted export's own) as strings.
/// </summary>
internal sealed class IdSet
{
    private readonly HashSet<long> _numbers = [];
    private readonly HashSet<string> _others = new(StringComparer.Ordinal);

    public int Count => _numbers.Count + _others.Count;

    public bool Add(string id) => TryNumber(id, out var number) ? _numbers.Add(number) : _others.Add(id);

    public bool Contains(string id) => TryNumber(id, out var number) ? _numbers.Contains(number) : _others.Contains(id);

    // Only the canonical form of a number: "007" stays a string, so it never equals "7".
    private static bool TryNumber(string id, out long number)
    {
        number = 0;
        if (id.Length is 0 or > 18 || (id[0] == '0' && id.Length > 1))
        {
            return false;
        }

        foreach (var c in id)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }

            number = (number * 10) + (c - '0');
        }

        return true;
    }
}
