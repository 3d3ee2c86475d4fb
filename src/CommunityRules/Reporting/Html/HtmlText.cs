using System.Globalization;
using System.Text;

namespace CommunityRules.Reporting.Html;

/// <summary>Encodes text for HTML and formats numbers and days the same way on every machine and culture.</summary>
internal static class HtmlText
{
    /// <summary>Appends text HTML-encoded: safe in element content and in double- or single-quoted attribute values.</summary>
    /// <param name="builder">Where to append.</param>
    /// <param name="text">The text; <see langword="null"/> appends nothing.</param>
    public static void Encode(StringBuilder builder, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '&':
                    builder.Append("&amp;");
                    break;
                case '<':
                    builder.Append("&lt;");
                    break;
                case '>':
                    builder.Append("&gt;");
                    break;
                case '"':
                    builder.Append("&quot;");
                    break;
                case '\'':
                    builder.Append("&#39;");
                    break;
                case '\t' or '\n':
                    builder.Append(c);
                    break;
                case '\r':
                    // Reports end lines with \n only; a carriage return from the data becomes a space.
                    builder.Append(' ');
                    break;
                case < ' ' or (>= '\u007f' and <= '\u009f'):
                    // Control characters are not allowed in HTML text; show that something was there.
                    builder.Append('\uFFFD');
                    break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        builder.Append(c).Append(text[++i]);
                    }
                    else if (char.IsSurrogate(c))
                    {
                        // A lone surrogate cannot be written as UTF-8.
                        builder.Append('\uFFFD');
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }
    }

    /// <summary>Encodes text for HTML.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The encoded text.</returns>
    public static string Encode(string? text)
    {
        var builder = new StringBuilder(text?.Length ?? 0);
        Encode(builder, text);
        return builder.ToString();
    }

    /// <summary>Formats a count with thousands separators, the same in every culture: <c>12,000</c>.</summary>
    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>Formats a coordinate or length for SVG with at most two decimals and a point.</summary>
    public static string Coordinate(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>Formats a moment as its UTC day, <c>yyyy-MM-dd</c>.</summary>
    public static string Day(DateTimeOffset moment) => ReportFormatting.Day(DateOnly.FromDateTime(moment.UtcDateTime));

    /// <summary>Gets the English abbreviation of a month, 1 to 12: <c>Apr</c>.</summary>
    public static string MonthName(int month) => CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedMonthName(month);

    /// <summary>Shortens text to at most <paramref name="length"/> characters, ending in an ellipsis when cut.</summary>
    public static string Shorten(string text, int length)
    {
        if (text.Length <= length)
        {
            return text;
        }

        var cut = length - 1;
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return string.Concat(text.AsSpan(0, cut).TrimEnd(), "…");
    }

    /// <summary>Makes "1 group" or "2 groups".</summary>
    public static string Plural(long count, string one, string many) => $"{Count(count)} {(count == 1 ? one : many)}";
}
