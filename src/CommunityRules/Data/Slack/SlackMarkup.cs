using System.Text;

namespace CommunityRules.Data.Slack;

/// <summary>
/// Turns Slack's message markup into the text a reader sees: <c>&lt;@U123&gt;</c> becomes <c>@Anna Berg</c>,
/// <c>&lt;#C1|general&gt;</c> <c>#general</c>, <c>&lt;!here&gt;</c> <c>@here</c>, <c>&lt;https://x|label&gt;</c>
/// <c>label (https://x)</c> so link checks see every address, <c>&amp;amp; &amp;lt; &amp;gt;</c> their characters,
/// and the <c>*bold*</c>, <c>_italic_</c> and <c>~struck~</c> markers go where they wrap words (never inside words,
/// links or code, so <c>file_name_v2</c> and URLs keep their underscores).
/// </summary>
internal static class SlackMarkup
{
    /// <summary>Converts a message's text.</summary>
    /// <param name="text">The text as the export holds it.</param>
    /// <param name="personName">Finds a person's display name by Slack user id.</param>
    /// <param name="channelName">Finds a channel's name by id.</param>
    /// <returns>The text as a reader sees it.</returns>
    public static string ToPlainText(string text, Func<string, string?> personName, Func<string, string?> channelName)
    {
        if (text.AsSpan().IndexOfAny('<', '&') < 0 && text.AsSpan().IndexOfAny('*', '_', '~') < 0)
        {
            return text;
        }

        var output = new StringBuilder(text.Length);
        var protectedRanges = new List<(int Start, int End)>();
        var position = 0;
        while (position < text.Length)
        {
            var open = text.IndexOf('<', position);
            var close = open < 0 ? -1 : text.IndexOf('>', open + 1);
            if (close < 0)
            {
                AppendDecoded(output, text.AsSpan(position));
                break;
            }

            AppendDecoded(output, text.AsSpan(position, open - position));
            var start = output.Length;
            AppendSpecial(output, text.AsSpan(open + 1, close - open - 1), personName, channelName);
            protectedRanges.Add((start, output.Length));
            position = close + 1;
        }

        return RemoveEmphasis(output.ToString(), protectedRanges);
    }

    private static void AppendSpecial(StringBuilder output, ReadOnlySpan<char> inner, Func<string, string?> personName, Func<string, string?> channelName)
    {
        var bar = inner.IndexOf('|');
        var target = Decode(bar < 0 ? inner : inner[..bar]);
        var label = bar < 0 ? null : Decode(inner[(bar + 1)..]);
        if (label is { Length: 0 })
        {
            label = null;
        }

        switch (target.Length > 0 ? target[0] : '\0')
        {
            case '@':
                output.Append('@').Append(personName(target[1..]) ?? label?.TrimStart('@') ?? target[1..]);
                break;
            case '#':
                output.Append('#').Append(channelName(target[1..]) ?? label?.TrimStart('#') ?? target[1..]);
                break;
            case '!':
                // <!here>, <!channel>, <!everyone>; <!subteam^S1|@team> and <!date^...|fallback> show their label.
                var name = target[1..].Split('^')[0];
                output.Append(label is not null && name is not ("here" or "channel" or "everyone") ? label : "@" + name);
                break;
            default:
                AppendLink(output, target, label);
                break;
        }
    }

    private static void AppendLink(StringBuilder output, string url, string? label)
    {
        if (url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            var address = url["mailto:".Length..];
            output.Append(label is null || string.Equals(label, address, StringComparison.OrdinalIgnoreCase) ? address : $"{label} ({address})");
            return;
        }

        // Slack links a typed "example.com" as <http://example.com|example.com>: the address itself is what was written.
        var withoutScheme = url.IndexOf("://", StringComparison.Ordinal) is var scheme and >= 0 ? url[(scheme + 3)..] : url;
        output.Append(label is null || label == url || label == withoutScheme || label == withoutScheme.TrimEnd('/') ? url : $"{label} ({url})");
    }

    private static string Decode(ReadOnlySpan<char> text)
    {
        if (!text.Contains('&'))
        {
            return text.ToString();
        }

        var builder = new StringBuilder(text.Length);
        AppendDecoded(builder, text);
        return builder.ToString();
    }

    // Slack escapes exactly these three; anything else that looks like an entity was typed so.
    private static void AppendDecoded(StringBuilder output, ReadOnlySpan<char> text)
    {
        while (!text.IsEmpty)
        {
            var amp = text.IndexOf('&');
            if (amp < 0)
            {
                output.Append(text);
                return;
            }

            output.Append(text[..amp]);
            var rest = text[amp..];
            var (replacement, length) = rest.StartsWith("&amp;", StringComparison.Ordinal) ? ('&', 5)
                : rest.StartsWith("&lt;", StringComparison.Ordinal) ? ('<', 4)
                : rest.StartsWith("&gt;", StringComparison.Ordinal) ? ('>', 4)
                : ('&', 1);
            output.Append(replacement);
            text = rest[length..];
        }
    }

    private static string RemoveEmphasis(string text, List<(int Start, int End)> protectedRanges)
    {
        if (text.AsSpan().IndexOfAny('*', '_', '~') < 0)
        {
            return text;
        }

        AddBareLinksAndCode(text, protectedRanges);
        var remove = new List<int>();
        for (var i = 0; i < text.Length; i++)
        {
            var marker = text[i];
            if (marker is not ('*' or '_' or '~') || IsProtected(i, protectedRanges) || !OpensAt(text, i))
            {
                continue;
            }

            for (var j = i + 2; j < text.Length && text[j] != '\n'; j++)
            {
                if (text[j] == marker && !IsProtected(j, protectedRanges) && ClosesAt(text, j))
                {
                    remove.Add(i);
                    remove.Add(j);
                    i = j;
                    break;
                }
            }
        }

        if (remove.Count == 0)
        {
            return text;
        }

        var output = new StringBuilder(text.Length);
        var from = 0;
        foreach (var index in remove)
        {
            output.Append(text, from, index - from);
            from = index + 1;
        }

        return output.Append(text, from, text.Length - from).ToString();
    }

    // An opening marker follows a space, punctuation or the start, and is followed by a word; a closing one mirrors it.
    private static bool OpensAt(string text, int i) =>
        (i == 0 || !IsWordOrMarker(text[i - 1], text[i])) && i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]) && text[i + 1] != text[i];

    private static bool ClosesAt(string text, int j) =>
        !char.IsWhiteSpace(text[j - 1]) && text[j - 1] != text[j] && (j + 1 == text.Length || !IsWordOrMarker(text[j + 1], text[j]));

    private static bool IsWordOrMarker(char c, char marker) => char.IsLetterOrDigit(c) || c == marker;

    private static bool IsProtected(int index, List<(int Start, int End)> ranges)
    {
        foreach (var (start, end) in ranges)
        {
            if (index >= start && index < end)
            {
                return true;
            }
        }

        return false;
    }

    // Addresses typed without Slack's brackets and `code` keep their markers too.
    private static void AddBareLinksAndCode(string text, List<(int Start, int End)> ranges)
    {
        for (var i = text.IndexOf("://", StringComparison.Ordinal); i >= 0; i = text.IndexOf("://", i + 3, StringComparison.Ordinal))
        {
            if (IsProtected(i, ranges))
            {
                // A link Slack wrote in angle brackets is protected as a whole already.
                continue;
            }

            var start = i;
            while (start > 0 && char.IsAsciiLetter(text[start - 1]))
            {
                start--;
            }

            var end = i + 3;
            while (end < text.Length && !char.IsWhiteSpace(text[end]))
            {
                end++;
            }

            ranges.Add((start, end));
        }

        for (var open = text.IndexOf('`', StringComparison.Ordinal); open >= 0;)
        {
            var fence = text.AsSpan(open).StartsWith("```", StringComparison.Ordinal) ? "```" : "`";
            var close = text.IndexOf(fence, open + fence.Length, StringComparison.Ordinal);
            if (close < 0)
            {
                break;
            }

            ranges.Add((open, close + fence.Length));
            open = text.IndexOf('`', close + fence.Length);
        }
    }
}
