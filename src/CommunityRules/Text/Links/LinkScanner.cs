using System.Buffers;
using System.Globalization;

namespace CommunityRules.Text.Links;

/// <summary>
/// Finds links in post text: <c>http://</c>, <c>https://</c> and <c>ftp://</c> URLs (scheme in any case) and
/// <c>www.</c> addresses without a scheme. Hosts may be Unicode, punycode or IPv4. Works on spans only and allocates
/// nothing, because a bot runs it on every post.
/// </summary>
internal static class LinkScanner
{
    private const int MaxHostLength = 253;

    // Characters that end a URL outright: spaces, controls, characters a URL cannot hold unencoded, and the typographic
    // quotes Nordic text puts around words (”…”, »…«), which are never part of a link typed in a post.
    private static readonly SearchValues<char> Stops = SearchValues.Create(StopCharacters());

    // Where the authority (user info, host, port) ends and the path, query or fragment begins.
    private static readonly SearchValues<char> AuthorityStops = SearchValues.Create(StopCharacters() + "/?#");

    // Vectorized and ASCII-only whatever the globalization mode: IndexOf(string, OrdinalIgnoreCase) takes a scalar
    // path, 11-15 times slower, when DOTNET_SYSTEM_GLOBALIZATION_INVARIANT is set.
    private static readonly SearchValues<string> Www = SearchValues.Create(["www."], StringComparison.OrdinalIgnoreCase);

    /// <summary>Reports every link in the text to the sink, in order.</summary>
    public static void Scan<TSink>(ReadOnlySpan<char> text, ref TSink sink)
        where TSink : struct, ILinkSink
    {
        // Both searches are vectorized; text with neither a colon nor "www." (most posts) ends here.
        var colon = text.IndexOf(':');
        var www = IndexOfWww(text, 0);
        while (colon >= 0 || www >= 0)
        {
            LinkMatch link;
            bool found;
            int next;
            if (colon >= 0 && (www < 0 || colon < www))
            {
                found = TryMatchScheme(text, colon, out link);
                next = colon + 1;
            }
            else
            {
                found = TryMatchWww(text, www, out link);
                next = www + 1;
            }

            if (found)
            {
                sink.Add(link);
                next = link.Start + link.Length;
            }

            if (colon >= 0 && colon < next)
            {
                colon = IndexOf(text, next, ':');
            }

            if (www >= 0 && www < next)
            {
                www = IndexOfWww(text, next);
            }
        }
    }

    private static int IndexOf(ReadOnlySpan<char> text, int from, char value)
    {
        var index = text[from..].IndexOf(value);
        return index < 0 ? -1 : from + index;
    }

    private static int IndexOfWww(ReadOnlySpan<char> text, int from)
    {
        var index = text[from..].IndexOfAny(Www);
        return index < 0 ? -1 : from + index;
    }

    private static bool TryMatchScheme(ReadOnlySpan<char> text, int colon, out LinkMatch link)
    {
        link = default;
        if (colon + 2 >= text.Length || text[colon + 1] != '/' || text[colon + 2] != '/')
        {
            return false;
        }

        var start = colon - SchemeLength(text[..colon]);
        if (start == colon || (start > 0 && IsWordCharacter(text[start - 1])))
        {
            return false;
        }

        // User info ("anna:secret@") sits before the last '@' of the authority and is not part of the host.
        var authorityStart = colon + 3;
        var authorityLength = text[authorityStart..].IndexOfAny(AuthorityStops);
        var authority = authorityLength < 0 ? text[authorityStart..] : text[authorityStart..(authorityStart + authorityLength)];
        var hostStart = authorityStart + authority.LastIndexOf('@') + 1;
        return TryMatchFrom(text, start, hostStart, bare: false, out link);
    }

    private static bool TryMatchWww(ReadOnlySpan<char> text, int www, out LinkMatch link)
    {
        link = default;

        // "anna@www.example.com" is an e-mail address and "intra.www.example.com" is part of a longer host.
        if (www > 0 && (IsWordCharacter(text[www - 1]) || text[www - 1] is '.' or '-' or '_' or '@'))
        {
            return false;
        }

        return TryMatchFrom(text, www, www, bare: true, out link);
    }

    private static bool EndsWithAscii(ReadOnlySpan<char> text, string lowerAscii) =>
        text.Length >= lowerAscii.Length && System.Text.Ascii.EqualsIgnoreCase(text[^lowerAscii.Length..], lowerAscii);

    private static int SchemeLength(ReadOnlySpan<char> beforeColon)
    {
        if (EndsWithAscii(beforeColon, "https"))
        {
            return 5;
        }

        if (EndsWithAscii(beforeColon, "http"))
        {
            return 4;
        }

        return EndsWithAscii(beforeColon, "ftp") ? 3 : 0;
    }

    private static bool TryMatchFrom(ReadOnlySpan<char> text, int start, int hostStart, bool bare, out LinkMatch link)
    {
        link = default;
        var hostEnd = hostStart;
        while (hostEnd < text.Length && IsHostCharacter(text[hostEnd]))
        {
            hostEnd++;
        }

        // A host ends in a letter or digit: markdown's "_https://x.example_" and a dash or full stop after the link are
        // not part of it. One dot stays when a port or path follows, as in the absolute name "example.com./a".
        while (hostEnd > hostStart && text[hostEnd - 1] is '_' or '-' or '.')
        {
            hostEnd--;
        }

        var hostLength = hostEnd - hostStart;
        if (hostEnd + 1 < text.Length && text[hostEnd] == '.' && text[hostEnd + 1] is ':' or '/' or '?' or '#')
        {
            hostEnd++;
        }

        if (!IsPlausibleHost(text.Slice(hostStart, hostLength), bare))
        {
            return false;
        }

        // A port is digits after the colon; "example.com:" keeps the colon only to lose it to the trimming below.
        var next = hostEnd;
        if (next < text.Length && text[next] == ':')
        {
            next++;
            while (next < text.Length && char.IsAsciiDigit(text[next]))
            {
                next++;
            }
        }

        // Anything else right after the host ("example.com, and", "example.com)") ends the link there; only a path,
        // query or fragment carries it on.
        var end = next < text.Length && text[next] is '/' or '?' or '#' ? PathEnd(text, next) : next;
        end = TrimTrailingPunctuation(text, hostStart + hostLength, end);
        link = new LinkMatch(start, end - start, hostStart, hostLength);
        return true;
    }

    // The path runs to the first stop or to a closing bracket that no bracket inside the URL opened, so that
    // "(see https://sv.wikipedia.org/wiki/Fika_(dryck))" and "[text](https://x.example/a)" end where they should.
    private static int PathEnd(ReadOnlySpan<char> text, int from)
    {
        var length = text[from..].IndexOfAny(Stops);
        var limit = length < 0 ? text.Length : from + length;
        int parentheses = 0, brackets = 0, braces = 0;
        for (var index = from; index < limit; index++)
        {
            switch (text[index])
            {
                case '(':
                    parentheses++;
                    break;
                case ')' when parentheses-- == 0:
                    return index;
                case '[':
                    brackets++;
                    break;
                case ']' when brackets-- == 0:
                    return index;
                case '{':
                    braces++;
                    break;
                case '}' when braces-- == 0:
                    return index;
            }
        }

        return limit;
    }

    // Sentence punctuation after a link is not part of it ("Se https://intranet.example.se/hr. Tack!"). Closing
    // brackets that reach here were opened inside the URL, so they stay.
    private static int TrimTrailingPunctuation(ReadOnlySpan<char> text, int floor, int end)
    {
        while (end > floor && text[end - 1] is '.' or ',' or ';' or ':' or '!' or '?' or '\'' or '"' or '>' or '*' or '~')
        {
            end--;
        }

        return end;
    }

    // Checks the shape only; whether a list covers the host is DomainList's business.
    private static bool IsPlausibleHost(ReadOnlySpan<char> host, bool bare)
    {
        if (host.IsEmpty || host.Length > MaxHostLength)
        {
            return false;
        }

        var labels = 0;
        var numeric = true;
        foreach (var range in host.Split('.'))
        {
            var label = host[range];
            if (label.IsEmpty || label.IndexOfAnyExcept('-', '_') < 0)
            {
                return false;
            }

            numeric &= IsAllDigits(label);
            labels++;
        }

        if (numeric)
        {
            return IsIPv4(host);
        }

        // "www.example" alone is as likely a typo as an address: a bare address needs a name and a top-level domain.
        return !bare || labels >= 3;
    }

    private static bool IsIPv4(ReadOnlySpan<char> host)
    {
        var parts = 0;
        foreach (var range in host.Split('.'))
        {
            var part = host[range];
            if (part.Length > 3 || !int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value > 255)
            {
                return false;
            }

            parts++;
        }

        return parts == 4;
    }

    // A loop rather than IndexOfAnyExceptInRange, which allocates 96 bytes per call on char spans in .NET 10.
    private static bool IsAllDigits(ReadOnlySpan<char> text)
    {
        foreach (var character in text)
        {
            if (!char.IsAsciiDigit(character))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsHostCharacter(char character) =>
        char.IsAscii(character)
            ? char.IsAsciiLetterOrDigit(character) || character is '-' or '.' or '_'
            : IsWordCharacter(character);

    private static bool IsWordCharacter(char character) =>
        char.IsLetterOrDigit(character)
        || CharUnicodeInfo.GetUnicodeCategory(character) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    private static string StopCharacters()
    {
        var stops = new System.Text.StringBuilder("<>\"`|\\^\u200B\u200C\u200D\u2060\uFEFF");
        for (var code = 0; code <= char.MaxValue; code++)
        {
            var character = (char)code;
            if (char.IsWhiteSpace(character) || char.IsControl(character)
                || CharUnicodeInfo.GetUnicodeCategory(character) is UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation)
            {
                stops.Append(character);
            }
        }

        return stops.ToString();
    }
}
