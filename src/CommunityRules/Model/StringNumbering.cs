namespace CommunityRules.Model;

/// <summary>
/// Numbers distinct strings 0, 1, 2… in the order first seen, and keeps each once: large tables hold the number (an
/// int) instead of their own reference to a repeated id.
/// </summary>
internal sealed class StringNumbering
{
    private readonly List<string> _values = [];
    private readonly Dictionary<string, int> _numbers = new(StringComparer.Ordinal);

    /// <summary>Gets how many distinct strings have a number.</summary>
    public int Count => _values.Count;

    /// <summary>Gets the string numbered <paramref name="number"/>.</summary>
    public string this[int number] => _values[number];

    /// <summary>The number of <paramref name="value"/>, given it now if it has none.</summary>
    public int Number(string value)
    {
        if (!_numbers.TryGetValue(value, out var number))
        {
            number = _values.Count;
            _values.Add(value);
            _numbers.Add(value, number);
        }

        return number;
    }

    /// <summary>The number of <paramref name="value"/> if it has one.</summary>
    public bool TryGetNumber(string value, out int number) => _numbers.TryGetValue(value, out number);
}
