using System.Text;
using CommunityRules.Text.PersonalData;

namespace CommunityRules.Data.Snapshot;

/// <summary>
/// Shows a bad value from the data in a message, safely: personal data masked (a personal number in a date field
/// shows only its birth date), cut to a few characters, and control characters written as escapes, so a message can
/// neither leak a record nor forge a line of the report.
/// </summary>
internal static class EchoedValue
{
    /// <summary>The most characters of a value a message shows.</summary>
    public const int MaxShown = 24;

    // Masking looks at a little more than is shown, so a number that runs past the cut is still recognised.
    private const int MaxScanned = 256;

    public static string Show(string value)
    {
        var scanned = value.Length > MaxScanned ? value[..MaxScanned] : value;
        var masked = MaskLongNumbers(PersonalDataRedaction.Redact(scanned));
        var cut = masked.Length > MaxShown || value.Length > scanned.Length;
        var shown = new StringBuilder(MaxShown + 8);
        foreach (var c in masked.AsSpan(0, Math.Min(masked.Length, MaxShown)))
        {
            _ = char.IsControl(c) || c is '\u2028' or '\u2029'
                ? shown.Append(c switch { '\n' => "\\n", '\r' => "\\r", '\t' => "\\t", _ => $"\\u{(int)c:x4}" })
                : shown.Append(c);
        }

        return cut ? shown.Append('…').ToString() : shown.ToString();
    }

    // The scanner wants a number to stand alone; in a broken token ("tru19121212-1212") it does not, so any run of
    // more than eight digits (joined by hyphens) shows its first six only. A date has eight at most.
    private static string MaskLongNumbers(string text)
    {
        const int MaxDigits = 8;
        const int KeptDigits = 6;
        char[]? masked = null;
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                i++;
                continue;
            }

            var end = i;
            var digits = 0;
            while (end < text.Length && (char.IsAsciiDigit(text[end]) || (text[end] == '-' && end + 1 < text.Length && char.IsAsciiDigit(text[end + 1]))))
            {
                digits += char.IsAsciiDigit(text[end]) ? 1 : 0;
                end++;
            }

            if (digits > MaxDigits)
            {
                masked ??= text.ToCharArray();
                for (int at = i, seen = 0; at < end; at++)
                {
                    if (char.IsAsciiDigit(text[at]) && ++seen > KeptDigits)
                    {
                        masked[at] = '*';
                    }
                }
            }

            i = end;
        }

        return masked is null ? text : new string(masked);
    }
}

/// <summary>A value of the wrong form, such as a date that is not ISO 8601; the message names the field and shows the value safely.</summary>
internal sealed class SnapshotValueException : System.Text.Json.JsonException
{
    public SnapshotValueException(string expected, string? value)
        : base($"should be {expected}{(value is null ? string.Empty : $", not '{EchoedValue.Show(value)}'")}")
    {
        Expected = expected;
    }

    /// <summary>Gets the words for what the field should hold.</summary>
    public string Expected { get; }
}
