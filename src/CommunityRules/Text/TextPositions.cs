namespace CommunityRules.Text;

/// <summary>
/// Turns UTF-16 indexes into the 1-based positions people count, where a character outside the Basic Multilingual
/// Plane, such as an emoji, counts once. Hits come in text order, so the cursor moves forward from the last index
/// asked for: a text with many hits is walked once, not once per hit. A struct with no allocation.
/// </summary>
internal struct TextPositions
{
    private string? _text;
    private int _index;
    private int _lowSurrogates;

    /// <summary>The position of the character at <paramref name="index"/>: the index plus one, less the low surrogates before it.</summary>
    public int PositionOf(string text, int index)
    {
        index = Math.Clamp(index, 0, text.Length);
        if (!ReferenceEquals(text, _text) || index < _index)
        {
            // Another field, or a hit before the last one: start again from the beginning of the text.
            _text = text;
            _index = 0;
            _lowSurrogates = 0;
        }

        foreach (var c in text.AsSpan(_index, index - _index))
        {
            if (char.IsLowSurrogate(c))
            {
                _lowSurrogates++;
            }
        }

        _index = index;
        return index + 1 - _lowSurrogates;
    }
}
