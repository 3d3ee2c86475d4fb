using System.Globalization;
using System.Text;

namespace CommunityRules.Reporting;

/// <summary>
/// Writes text from data (names, messages, paths) so that it cannot act on a terminal or forge a report line:
/// ESC and every other C0 and C1 control, DEL, line and paragraph separators and the bidirectional controls
/// (such as U+202E, which shows text right to left) are written out as <c>\e</c>, <c>\n</c> or <c>\u202E</c>.
/// The CLI's reports and the library's <see cref="TextDiagnosticWriter"/> write through it.
/// </summary>
internal static class TerminalText
{
    private static readonly System.Buffers.SearchValues<char> Controls = System.Buffers.SearchValues.Create(
        [.. Enumerable.Range(0, 0x10000).Select(code => (char)code).Where(IsControl)]);

    /// <summary>Returns the text with its controls written out; the text itself when it has none, without copying.</summary>
    public static string Escape(string text)
    {
        var first = IndexOfControl(text);
        if (first < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        builder.Append(text, 0, first);
        for (var index = first; index < text.Length; index++)
        {
            var character = text[index];
            if (!IsControl(character))
            {
                builder.Append(character);
                continue;
            }

            _ = character switch
            {
                '\u001B' => builder.Append("\\e"),
                '\n' => builder.Append("\\n"),
                '\r' => builder.Append("\\r"),
                '\t' => builder.Append("\\t"),
                '\0' => builder.Append("\\0"),
                _ => builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)character:X4}"),
            };
        }

        return builder.ToString();
    }

    private static int IndexOfControl(string text) => text.AsSpan().IndexOfAny(Controls);

    /// <summary>C0, DEL, C1, the bidirectional marks, embeddings, overrides and isolates, and the Unicode line separators.</summary>
    internal static bool IsControl(char character) => character switch
    {
        < '\u0020' or (>= '\u007F' and <= '\u009F') => true,
        '\u061C' or '\u200E' or '\u200F' or '\u2028' or '\u2029' => true,
        >= '\u202A' and <= '\u202E' => true,
        >= '\u2066' and <= '\u2069' => true,
        _ => false,
    };
}
