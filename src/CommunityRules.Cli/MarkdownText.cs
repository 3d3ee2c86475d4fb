using System.Text;
using CommunityRules.Reporting;

namespace CommunityRules.Cli;

/// <summary>
/// Writes text from data (names, messages, sources) into Markdown so that it reads as the text it is: it cannot make a
/// heading, emphasis, a link, an image, code, HTML, a table cell or a new line. Line breaks become spaces; other
/// controls are written out as <see cref="TerminalText"/> does.
/// </summary>
internal static class MarkdownText
{
    /// <summary>Returns the text escaped for a line or a table cell of Markdown.</summary>
    public static string Escape(string text)
    {
        var flat = new StringBuilder(text.Length);
        for (var index = 0; index < text.Length; index++)
        {
            var character = text[index];
            if (character is '\r' or '\n' or '\u000B' or '\u000C' or '\u0085' or '\u2028' or '\u2029')
            {
                // A CR LF pair is one break.
                if (character == '\r' && index + 1 < text.Length && text[index + 1] == '\n')
                {
                    index++;
                }

                flat.Append(' ');
            }
            else
            {
                flat.Append(character);
            }
        }

        var visible = TerminalText.Escape(flat.ToString().Trim());
        var escaped = new StringBuilder(visible.Length + 16);
        foreach (var character in visible)
        {
            _ = character switch
            {
                '&' => escaped.Append("&amp;"),
                '<' => escaped.Append("&lt;"),
                '>' => escaped.Append("&gt;"),
                '\\' or '`' or '*' or '_' or '[' or ']' or '|' or '~' => escaped.Append('\\').Append(character),

                // At the start of a line these make a heading, a list or an underlined heading.
                '#' or '-' or '+' or '=' when escaped.Length == 0 => escaped.Append('\\').Append(character),
                _ => escaped.Append(character),
            };
        }

        // "1. " or "1) " at the start makes a numbered list.
        var digits = 0;
        while (digits < escaped.Length && char.IsAsciiDigit(escaped[digits]))
        {
            digits++;
        }

        if (digits > 0 && digits < escaped.Length && escaped[digits] is '.' or ')')
        {
            escaped.Insert(digits, '\\');
        }

        return escaped.ToString();
    }
}
