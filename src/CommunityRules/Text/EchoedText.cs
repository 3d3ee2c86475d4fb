namespace CommunityRules.Text;

/// <summary>
/// Cuts a value from the data that a finding quotes (a match, a title, a group's name) to a short length, so a
/// megabyte-long match or name cannot fill a report line, a terminal or a SARIF file.
/// </summary>
internal static class EchoedText
{
    /// <summary>The most characters of a quoted match or value; longer ones end in '…'.</summary>
    public const int MaxMatchLength = 80;

    /// <summary>The most characters of a quoted field such as a title, a group's name or description, or a post's text.</summary>
    public const int MaxFieldLength = 200;

    /// <summary>Free text from the data as a finding quotes it (a title, a group's name or description): personal data masked, cut to <see cref="MaxFieldLength"/>.</summary>
    public static string Field(string text) => Cut(PersonalData.PersonalDataRedaction.Redact(text), MaxFieldLength);

    /// <summary>Returns the value, or its first characters and '…' when it is longer than <paramref name="maxLength"/>.</summary>
    public static string Cut(string value, int maxLength = MaxMatchLength)
    {
        if (value.Length <= maxLength)
        {
            return value;
        }

        var keep = maxLength - 1;
        if (char.IsHighSurrogate(value[keep - 1]))
        {
            // Never split an emoji (a surrogate pair) in two.
            keep--;
        }

        return string.Concat(value.AsSpan(0, keep), "…");
    }
}
