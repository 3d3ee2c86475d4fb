using System.Text;

namespace CommunityRules.Rules;

/// <summary>
/// Shows a value from a file in a message: cut to a short length and with control characters written out, so an
/// error never echoes a whole file (say, <c>extends: [/etc/passwd]</c>) nor breaks the one-line error form.
/// </summary>
internal static class Echo
{
    /// <summary>The most characters of a value a message shows.</summary>
    public const int MaxValueLength = 60;

    /// <summary>The most characters of a path a message shows.</summary>
    public const int MaxPathLength = 240;

    /// <summary>Cuts a value to <see cref="MaxValueLength"/> characters, marking the cut with '…'.</summary>
    public static string Short(string value) => Cut(value, MaxValueLength);

    /// <summary>Cuts a path to <see cref="MaxPathLength"/> characters.</summary>
    public static string Path(string path) => Cut(path, MaxPathLength);

    private static string Cut(string value, int max)
    {
        var builder = new StringBuilder(Math.Min(value.Length, max) + 8);
        foreach (var rune in value.EnumerateRunes())
        {
            if (builder.Length >= max)
            {
                return builder.Append('…').ToString();
            }

            switch (rune.Value)
            {
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                case < 0x20 or (>= 0x7F and <= 0x9F) or (>= 0x202A and <= 0x202E) or (>= 0x2066 and <= 0x2069) or 0x200E or 0x200F or 0x061C or 0x2028 or 0x2029:
                    builder.Append(System.Globalization.CultureInfo.InvariantCulture, $"\\u{rune.Value:X4}");
                    break;
                default:
                    builder.Append(rune.ToString());
                    break;
            }
        }

        return builder.ToString();
    }
}
